"""The graded functions of Gradient checking, one :class:`~tools.exercise.Exercise` each: cases, mistakes, variants.

``gradient_check`` and ``gradient_check_n`` are checked with costs given by the cases (``Case.calls``: the
oracle answers the function's calls to ``forward_propagation``/``backward_propagation``/``forward_propagation_n``
with them, in the grader): on a deliberately wrong gradient their difference must equal the reference's, on a
right one it must stay under the notebook's threshold; ``gradient_check_n`` must leave its arguments unchanged.
"""
import functools

import numpy as np

import reference  # noqa: F401 - puts utils/ on sys.path (before the helper imports)
from gc_testcases import cubic_backward, cubic_forward, gradient_check_n_test_case  # noqa: I001
from gc_utils import LAYOUT, dictionary_to_vector, vector_to_dictionary
from reference.gradient_checking import backward_propagation_n, forward_propagation_n
from tools.exercise import Case, Exercise, Mistake

WEIGHTS = np.linspace(0.5, 2.0, 47).reshape(-1, 1)


def sine_cost(x, theta):
    return np.sin(theta * x) + theta ** 2


def sine_derivative(x, theta):
    return x * np.cos(theta * x) + 2 * theta


def wrong_sine_derivative(x, theta):
    return 0.9 * sine_derivative(x, theta)


def smooth_cost(X, Y, parameters):
    """A cost of θ alone, ``Σ w·sin θ + (Σ θ)²/2``, with (cost, no cache) like ``forward_propagation_n``."""
    theta = dictionary_to_vector(parameters)[0]
    return float(np.sum(WEIGHTS * np.sin(theta)) + 0.5 * np.sum(theta) ** 2), None


def smooth_gradients(parameters, wrong_block=None):
    theta = dictionary_to_vector(parameters)[0]
    gradients = {"d" + k: v for k, v in vector_to_dictionary(WEIGHTS * np.cos(theta) + np.sum(theta)).items()}
    if wrong_block:
        gradients["d" + wrong_block] = 3 * gradients["d" + wrong_block]
    return gradients


def network_case(seed, m):
    np.random.seed(seed)
    X = np.random.randn(4, m)
    Y = np.array([[1, 0, 0, 1, 1, 0, 1][:m]])
    return X, Y, {name: np.random.randn(*shape) for name, shape in LAYOUT}


def network_gradients(X, Y, parameters, fixed):
    """The provided (buggy) backward_propagation_n's gradients, or the fixed ones."""
    gradients = backward_propagation_n(X, Y, forward_propagation_n(X, Y, parameters)[1])
    if fixed:
        gradients["dW2"] = gradients["dW2"] / 2
        gradients["db1"] = gradients["db1"] / 4
    return gradients


def one_d(x, theta, cost, derivative, epsilon=None, rtol=None, below=None):
    kwargs = {} if epsilon is None else {"epsilon": epsilon}
    calls = {"forward_propagation": cost, "backward_propagation": derivative}
    return Case(None, (x, theta), kwargs, calls=calls, rtol=rtol or 1e-5, atol=0, below=below)


def n_d(parameters, gradients, X, Y, epsilon=None, rtol=None, below=None, cost=None):
    kwargs = {} if epsilon is None else {"epsilon": epsilon}
    calls = {"forward_propagation_n": cost} if cost else {}
    return Case(None, (parameters, gradients, X, Y), kwargs, calls=calls, rtol=rtol or 1e-5, atol=0, below=below,
                unchanged=True)


@functools.lru_cache(maxsize=None)
def networks():
    """The networks of ``gradient_check_n``'s cases: the notebook's, and three others (built once)."""
    X1, Y1, p1 = gradient_check_n_test_case()
    X2, Y2, p2 = network_case(2, 5)
    X3, Y3, p3 = network_case(6, 7)
    _, _, p4 = network_case(4, 3)
    return (X1, Y1, p1), (X2, Y2, p2), (X3, Y3, p3), p4


def notebook_network():
    (X1, Y1, p1), *_ = networks()
    return n_d(p1, network_gradients(X1, Y1, p1, False), X1, Y1, rtol=1e-6)


def other_network(index, fixed, **options):
    X, Y, p = networks()[index]
    return n_d(p, network_gradients(X, Y, p, fixed), X, Y, **options)


def smooth_network(wrong_block=None, **options):
    _, (X2, Y2, _), _, p4 = networks()
    return n_d(p4, smooth_gradients(p4, wrong_block), X2, Y2, cost=smooth_cost, **options)


SCALARS = {"example": [lambda: ((2, 4), {}), lambda: ((3, -1.5), {})],
           "hidden": [lambda: ((-0.7, 2.25), {}), lambda: ((5.0, 0.125), {})]}

# One or two sentences shared by several mistakes.
_ONE_SIDED = {"en": 'This is a one-sided difference; formula (1) is centered: (J(θ + ε) - J(θ - ε)) / (2ε).',
              "pt": 'Esta é uma diferença de um lado só; a fórmula (1) é centrada: (J(θ + ε) - J(θ - ε)) / (2ε).'}
_TWO_EPSILON = {"en": 'The centered difference spans 2ε: gradapprox = (J_plus - J_minus) / (2ε).',
                "pt": 'A diferença centrada cobre 2ε: gradapprox = (J_plus - J_minus) / (2ε).'}
_PARENTHESES = {"en": 'Parentheses are missing, so only J_minus is divided by 2ε: gradapprox = (J_plus - J_minus) / (2ε).',
                "pt": 'Faltam parênteses, e só J_minus é dividido por 2ε: gradapprox = (J_plus - J_minus) / (2ε).'}

EXERCISES = [
    Exercise(
        'forward_propagation',
        outputs=('J',),
        example=SCALARS["example"],
        hidden=SCALARS["hidden"],
        mistakes=[
            Mistake('θ + x', [('J = theta * x', 'J = theta + x')],
                    en='J is the product θ·x, not the sum.',
                    pt='J é o produto θ·x, não a soma.'),
            Mistake('θ ** x', [('J = theta * x', 'J = theta ** x')],
                    en='J is the product θ·x, not the power θ^x.',
                    pt='J é o produto θ·x, não a potência θ^x.'),
            Mistake('returns a tuple with the cache', [('return J', 'return J, (x, theta)')],
                    en='forward_propagation must return the cost J only, not a tuple with a cache.',
                    pt='forward_propagation deve devolver só o custo J, não uma tupla com um cache.'),
            Mistake('x / θ', [('J = theta * x', 'J = x / theta')],
                    en='J is the product θ·x, not the quotient x/θ.',
                    pt='J é o produto θ·x, não o quociente x/θ.'),
            Mistake('prints J instead of returning it', [('return J', 'print(J)')],
                    en='J is printed, not returned, so the function returns None: return J.',
                    pt='J é impresso, não devolvido, e a função devolve None: use return J.'),
            Mistake('returns x (the derivative)', [('J = theta * x', 'J = x')],
                    en='x is the derivative of J; forward_propagation must return the cost itself, J = θ·x.',
                    pt='x é a derivada de J; forward_propagation deve devolver o próprio custo, J = θ·x.'),
        ],
        variants={
            'np.dot': [('J = theta * x', 'J = np.dot(theta, x)')],
            'np.multiply, x first': [('J = theta * x', 'J = np.multiply(x, theta)')],
        },
    ),
    Exercise(
        'backward_propagation',
        outputs=('dtheta',),
        example=SCALARS["example"],
        hidden=SCALARS["hidden"],
        mistakes=[
            Mistake('returns θ', [('dtheta = x', 'dtheta = theta')],
                    en='θ is the derivative with respect to x; the derivative of J = θ·x with respect to θ is x.',
                    pt='θ é a derivada em relação a x; a derivada de J = θ·x em relação a θ é x.'),
            Mistake('returns 1', [('dtheta = x', 'dtheta = 1')],
                    en='The derivative of J = θ·x with respect to θ is x, not 1.',
                    pt='A derivada de J = θ·x em relação a θ é x, não 1.'),
            Mistake('returns the cost θx', [('dtheta = x', 'dtheta = theta * x')],
                    en='θ·x is the cost itself; its derivative with respect to θ is x.',
                    pt='θ·x é o próprio custo; a derivada dele em relação a θ é x.'),
            Mistake('wrong sign', [('dtheta = x', 'dtheta = -x')],
                    en='The sign is wrong: dJ/dθ = x.',
                    pt='O sinal está errado: dJ/dθ = x.'),
            Mistake('prints dtheta instead of returning it', [('return dtheta', 'print(dtheta)')],
                    en='dtheta is printed, not returned, so the function returns None: return dtheta.',
                    pt='dtheta é impresso, não devolvido, e a função devolve None: use return dtheta.'),
        ],
        variants={
            'float()': [('dtheta = x', 'dtheta = float(x)')],
            '1 * x as a numpy scalar': [('dtheta = x', 'dtheta = np.float64(1.0) * x')],
        },
    ),
    Exercise(
        'gradient_check',
        outputs=('difference',),
        example=[
            one_d(2, 4, cubic_forward, cubic_backward, epsilon=1e-3, rtol=1e-3),
            one_d(2, 4, cubic_forward, cubic_backward, below=1e-7),
        ],
        hidden=[
            one_d(0.7, 1.3, sine_cost, sine_derivative, epsilon=1e-2, rtol=1e-3),
            one_d(-1.5, 0.4, sine_cost, sine_derivative, epsilon=1e-3, rtol=1e-2),
            one_d(0.7, 1.3, sine_cost, wrong_sine_derivative, rtol=1e-5),
            # A large ε keeps the difference of precedence and sign mistakes away from 1, where they all meet.
            one_d(0.7, 1.3, sine_cost, sine_derivative, epsilon=0.5, rtol=1e-3),
            one_d(2.0, -0.6, sine_cost, sine_derivative, below=1e-7),
        ],
        mistakes=[
            Mistake('one-sided difference', [('thetaminus = theta - epsilon', 'thetaminus = theta'), ('/ (2 * epsilon)', '/ epsilon')], **_ONE_SIDED),
            Mistake('divides by epsilon instead of 2 epsilon', [('/ (2 * epsilon)', '/ epsilon')], **_TWO_EPSILON),
            Mistake('perturbs x instead of theta', [('forward_propagation(x, thetaplus)', 'forward_propagation(x + epsilon, theta)'), ('forward_propagation(x, thetaminus)', 'forward_propagation(x - epsilon, theta)')],
                    en='x is shifted instead of θ: the gradient is with respect to θ, so compute J at θ + ε and θ - ε.',
                    pt='x foi deslocado em vez de θ: o gradiente é em relação a θ, então calcule J em θ + ε e em θ - ε.'),
            Mistake('denominator with only one norm', [('np.linalg.norm(grad) + np.linalg.norm(gradapprox)', 'np.linalg.norm(grad)')],
                    en='The denominator has only ‖grad‖; formula (2) divides by ‖grad‖ + ‖gradapprox‖.',
                    pt='O denominador tem só ‖grad‖; a fórmula (2) divide por ‖grad‖ + ‖gradapprox‖.'),
            Mistake('forgets to pass the perturbed theta', [('forward_propagation(x, thetaminus)', 'forward_propagation(x, theta)')],
                    en='J_minus is computed at θ instead of thetaminus = θ - ε.',
                    pt='J_minus foi calculado em θ em vez de thetaminus = θ - ε.'),
            Mistake('signed numerator, no norm', [('numerator = np.linalg.norm(grad - gradapprox)', 'numerator = grad - gradapprox')],
                    en='The numerator is a signed difference; formula (2) takes its norm: ‖grad - gradapprox‖.',
                    pt='O numerador é uma diferença com sinal; a fórmula (2) usa a norma: ‖grad - gradapprox‖.'),
            Mistake('missing parentheses: J_plus - J_minus / (2 epsilon)', [('gradapprox = (J_plus - J_minus) / (2 * epsilon)', 'gradapprox = J_plus - J_minus / (2 * epsilon)')], **_PARENTHESES),
            Mistake('the difference without its denominator', [('difference = numerator / denominator', 'difference = numerator')],
                    en='The difference stops at the numerator; formula (2) divides it by ‖grad‖ + ‖gradapprox‖.',
                    pt='A diferença parou no numerador; a fórmula (2) o divide por ‖grad‖ + ‖gradapprox‖.'),
        ],
        variants={
            'abs instead of norms': [('numerator = np.linalg.norm(grad - gradapprox)', 'numerator = abs(grad - gradapprox)'), ('np.linalg.norm(grad) + np.linalg.norm(gradapprox)', 'abs(grad) + abs(gradapprox)')],
            'inline, / 2 / epsilon': [('gradapprox = (J_plus - J_minus) / (2 * epsilon)', 'gradapprox = (forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)) / 2 / epsilon')],
            'one-line difference with np.sqrt of squares': [('difference = numerator / denominator', 'difference = np.sqrt((grad - gradapprox) ** 2) / (np.sqrt(grad ** 2) + np.sqrt(gradapprox ** 2))')],
        },
        typical='one-sided difference',
    ),
    Exercise(
        'gradient_check_n',
        outputs=('difference',),
        example=[notebook_network],
        hidden=[
            lambda: other_network(1, False, rtol=1e-5),
            lambda: other_network(2, True, epsilon=1e-3, rtol=1e-2),
            lambda: smooth_network(epsilon=1e-3, rtol=1e-3),
            lambda: smooth_network("W2", rtol=1e-5),
            lambda: smooth_network("b3", epsilon=1e-2, rtol=1e-5),
            lambda: smooth_network(epsilon=1e-5, below=2e-7),
        ],
        mistakes=[
            Mistake('one-sided difference', [('thetaminus[i][0] = thetaminus[i][0] - epsilon', 'thetaminus[i][0] = thetaminus[i][0]'), ('/ (2 * epsilon)', '/ epsilon')], **_ONE_SIDED),
            Mistake('divides by epsilon instead of 2 epsilon', [('/ (2 * epsilon)', '/ epsilon')], **_TWO_EPSILON),
            Mistake('missing copy: thetaplus = parameters_values', [('thetaplus = np.copy(parameters_values)', 'thetaplus = parameters_values'), ('thetaminus = np.copy(parameters_values)', 'thetaminus = parameters_values')],
                    en='J_minus is computed at θ instead of θ - ε: thetaminus starts from the shifted vector (for example, thetaplus = parameters_values does not copy it). Start both from np.copy(parameters_values).',
                    pt='J_minus é calculado em θ em vez de θ - ε: thetaminus parte do vetor já deslocado (por exemplo, thetaplus = parameters_values não o copia). Comece os dois a partir de np.copy(parameters_values).'),
            Mistake('copies once, before the loop', [('        thetaplus = np.copy(parameters_values)\n', ''), ('        thetaminus = np.copy(parameters_values)\n', ''), ('    for i in range(num_parameters):\n', '    thetaplus = np.copy(parameters_values)\n    thetaminus = np.copy(parameters_values)\n    for i in range(num_parameters):\n')],
                    en='Copied once before the loop, thetaplus and thetaminus keep the shifts of the earlier entries: copy θ inside the loop, for each i.',
                    pt='Copiados uma vez antes do laço, thetaplus e thetaminus guardam os deslocamentos dos elementos anteriores: copie θ dentro do laço, a cada i.'),
            Mistake('denominator with only one norm', [('np.linalg.norm(grad) + np.linalg.norm(gradapprox)', 'np.linalg.norm(grad)')],
                    en='The denominator has only ‖grad‖; formula (3) divides by ‖grad‖ + ‖gradapprox‖.',
                    pt='O denominador tem só ‖grad‖; a fórmula (3) divide por ‖grad‖ + ‖gradapprox‖.'),
            Mistake("perturbs the caller's parameters in place and never restores them", [('parameters_values, _ = dictionary_to_vector(parameters)', 'parameters_values, keys = dictionary_to_vector(parameters)'), ('thetaplus = np.copy(parameters_values)\n', 'name = keys[i]\n        entry = np.unravel_index(i - keys.index(name), parameters[name].shape)\n        parameters[name][entry] += epsilon\n        thetaplus = dictionary_to_vector(parameters)[0]\n'), ('        thetaplus[i][0] = thetaplus[i][0] + epsilon\n', ''), ('thetaminus = np.copy(parameters_values)\n', 'parameters[name][entry] -= 2 * epsilon\n        thetaminus = dictionary_to_vector(parameters)[0]\n'), ('        thetaminus[i][0] = thetaminus[i][0] - epsilon\n', '')],
                    en='The parameters given are shifted in place and left changed (each entry ends at θ - ε): shift copies of θ, never parameters itself.',
                    pt='Os parâmetros recebidos foram deslocados diretamente, sem cópia, e ficaram alterados (cada elemento termina em θ - ε): desloque cópias de θ, nunca o próprio parameters.'),
            Mistake('missing parentheses: J_plus[i] - J_minus[i] / (2 epsilon)', [('gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)', 'gradapprox[i] = J_plus[i] - J_minus[i] / (2 * epsilon)')],
                    en='Parentheses are missing, so only J_minus[i] is divided by 2ε: (J_plus[i] - J_minus[i]) / (2ε).',
                    pt='Faltam parênteses, e só J_minus[i] é dividido por 2ε: (J_plus[i] - J_minus[i]) / (2ε).'),
            Mistake('denominator: norm of the sum', [('np.linalg.norm(grad) + np.linalg.norm(gradapprox)', 'np.linalg.norm(grad + gradapprox)')],
                    en='The denominator is ‖grad + gradapprox‖; formula (3) adds the two norms: ‖grad‖ + ‖gradapprox‖.',
                    pt='O denominador é ‖grad + gradapprox‖; a fórmula (3) soma as duas normas: ‖grad‖ + ‖gradapprox‖.'),
            Mistake('thetaminus shifted by + epsilon too', [('thetaminus[i][0] = thetaminus[i][0] - epsilon', 'thetaminus[i][0] = thetaminus[i][0] + epsilon')],
                    en='thetaminus is shifted by +ε too, so J_plus equals J_minus: thetaminus must be θ - ε.',
                    pt='thetaminus também foi deslocado de +ε, e J_plus fica igual a J_minus: thetaminus deve ser θ - ε.'),
        ],
        variants={
            'perturbs the vector in place and restores it': [('        thetaplus = np.copy(parameters_values)\n', ''), ('thetaplus[i][0] = thetaplus[i][0] + epsilon\n', 'parameters_values[i, 0] += epsilon\n'), ('vector_to_dictionary(thetaplus)', 'vector_to_dictionary(parameters_values)'), ('        thetaminus = np.copy(parameters_values)\n', ''), ('thetaminus[i][0] = thetaminus[i][0] - epsilon\n', 'parameters_values[i, 0] -= 2 * epsilon\n'), ('J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))\n', 'J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(parameters_values))\n        parameters_values[i, 0] += epsilon\n')],
            'one-hot direction vector and [0] indexing': [('thetaplus = np.copy(parameters_values)\n', 'direction = np.zeros_like(parameters_values)\n        direction[i] = epsilon\n        thetaplus = parameters_values + direction\n'), ('        thetaplus[i][0] = thetaplus[i][0] + epsilon\n', ''), ('J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))', 'J_plus[i] = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))[0]'), ('thetaminus = np.copy(parameters_values)\n', 'thetaminus = parameters_values - direction\n'), ('        thetaminus[i][0] = thetaminus[i][0] - epsilon\n', '')],
            'dict copies with exact values': [('parameters_values, _ = dictionary_to_vector(parameters)', 'parameters_values, keys = dictionary_to_vector(parameters)'), ('thetaplus = np.copy(parameters_values)\n', 'name = keys[i]\n        entry = np.unravel_index(i - keys.index(name), parameters[name].shape)\n        perturbed = {k: v.copy() for k, v in parameters.items()}\n        perturbed[name][entry] = parameters[name][entry] + epsilon\n'), ('        thetaplus[i][0] = thetaplus[i][0] + epsilon\n', ''), ('J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))', 'J_plus[i], _ = forward_propagation_n(X, Y, perturbed)'), ('thetaminus = np.copy(parameters_values)\n', 'perturbed[name][entry] = parameters[name][entry] - epsilon\n'), ('        thetaminus[i][0] = thetaminus[i][0] - epsilon\n', ''), ('J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))', 'J_minus[i], _ = forward_propagation_n(X, Y, perturbed)')],
        },
        typical='missing copy: thetaplus = parameters_values',
    ),
]

# An edit that makes the first graded function loop forever (the timeout tests).
INFINITE_LOOP = ('J = theta * x', 'J = theta * x\n    while True:\n        pass')
