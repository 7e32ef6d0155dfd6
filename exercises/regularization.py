"""The graded functions of Regularization, one :class:`~tools.exercise.Exercise` each: cases, mistakes, variants.

``example`` cases: the notebook's example, and a network of the same shape drawn from another seed
(a function that only reproduces the printed expected output fails it); ``hidden`` cases: other networks.
Every output is compared, every key of the gradient dicts included (the specification returns them all).
"""
import numpy as np

import reference  # noqa: F401 - puts utils/ on sys.path (before the helper imports)
import reg_testcases
from reg_utils import forward_propagation
from reference.regularization import forward_propagation_with_dropout
from testCases import random_parameters
from tools.exercise import Exercise, Mistake


def _network(seed, layers, m):
    parameters = random_parameters(layers, seed)
    X = np.random.randn(layers[0], m)
    Y = np.array([[1, 0, 0] * m])[:, :m]
    return parameters, X, Y


def _cost(seed, layers, m, lambd):
    parameters, _, Y = _network(seed, layers, m)
    return (np.random.uniform(0.05, 0.95, (1, m)), Y, parameters, lambd), {}


def _backward_l2(seed, layers, m, lambd):
    parameters, X, Y = _network(seed, layers, m)
    return (X, Y, forward_propagation(X, parameters)[1], lambd), {}


def _forward_dropout(seed, layers, m, keep_prob):
    parameters, X, _ = _network(seed, layers, m)
    return (X, parameters, keep_prob), {}


def _backward_dropout(seed, layers, m, keep_prob, int_masks=False):
    parameters, X, Y = _network(seed, layers, m)
    cache = forward_propagation_with_dropout(X, parameters, keep_prob)[1]
    if int_masks:
        cache = tuple(a.astype(int) if a.dtype == bool else a for a in cache)
    return (X, Y, cache, keep_prob), {}


EXERCISES = [
    Exercise(
        'compute_cost_with_regularization',
        outputs=('cost',),
        example=[
            lambda: (reg_testcases.compute_cost_with_regularization_test_case() + (0.1,), {}),
            lambda: _cost(31, [3, 2, 3, 1], 5, 0.1),
        ],
        hidden=[
            lambda: _cost(21, [4, 5, 3, 1], 7, 0.7),
            lambda: _cost(22, [2, 20, 3, 1], 9, 0.05),
        ],
        mistakes=[
            Mistake('missing 1/2', [('lambd / (2 * m)', 'lambd / m')],
                    en='The L2 term is missing its 1/2: λ/(2m) · Σ‖W‖².',
                    pt='Falta o 1/2 no termo L2: λ/(2m) · Σ‖W‖².'),
            Mistake('missing 1/m', [('lambd / (2 * m)', 'lambd / 2')],
                    en='The L2 term is missing its 1/m: λ/(2m) · Σ‖W‖².',
                    pt='Falta o 1/m no termo L2: λ/(2m) · Σ‖W‖².'),
            Mistake('regularises the biases', [('np.sum(np.square(W3)))', "np.sum(np.square(W3)) + np.sum(np.square(parameters['b1'])) + np.sum(np.square(parameters['b2'])) + np.sum(np.square(parameters['b3'])))")],
                    en='The biases are regularized too; the L2 term must sum the squares of the weights W1, W2 and W3 only.',
                    pt='Os vieses também foram regularizados; o termo L2 deve somar os quadrados só dos pesos W1, W2 e W3.'),
            Mistake('square of the sum', [('np.sum(np.square(W1))', 'np.square(np.sum(W1))')],
                    en='For W1 the sum is squared; the L2 term must sum the squares, Σ W1², as for W2 and W3.',
                    pt='Em W1, a soma foi elevada ao quadrado; o termo L2 deve somar os quadrados, Σ W1², como em W2 e W3.'),
            Mistake('W3 left out', [(' + np.sum(np.square(W3)))', ')')],
                    en='W3 is left out of the L2 term: it must sum the squared weights of all three layers.',
                    pt='W3 ficou fora do termo L2: ele deve somar os quadrados dos pesos das três camadas.'),
            Mistake('lambd / 2 * m (precedence)', [('lambd / (2 * m)', 'lambd / 2 * m')],
                    en='lambd / 2 * m multiplies by m (Python reads it left to right): the factor is λ/(2m), lambd / (2 * m).',
                    pt='lambd / 2 * m multiplica por m (o Python lê da esquerda para a direita): o fator é λ/(2m), lambd / (2 * m).'),
            Mistake('norms not squared', [('np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3))', 'np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3)')],
                    en='The norms are not squared: the L2 term uses ‖W‖², the sum of the squared entries of W.',
                    pt='As normas não foram elevadas ao quadrado: o termo L2 usa ‖W‖², a soma dos quadrados dos elementos de W.'),
        ],
        variants={
            'sum over a generator of layers': [('lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))', "lambd / (2 * m) * sum(np.sum(parameters['W' + str(l)] ** 2) for l in range(1, 4))")],
            'norm squared and mean-free division': [('lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))', '(np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2 + (W3 * W3).sum()) * lambd / 2 / m')],
        },
        typical='missing 1/2',
    ),
    Exercise(
        'backward_propagation_with_regularization',
        outputs=('gradients',),
        example=[
            lambda: (reg_testcases.backward_propagation_with_regularization_test_case() + (0.7,), {}),
            lambda: _backward_l2(32, [3, 2, 3, 1], 5, 0.7),
        ],
        hidden=[
            lambda: _backward_l2(23, [4, 5, 3, 1], 6, 0.3),
            lambda: _backward_l2(24, [2, 20, 3, 1], 8, 1.5),
        ],
        mistakes=[
            Mistake('missing 1/m in the L2 term', [('lambd / m * W3', 'lambd * W3'), ('lambd / m * W2', 'lambd * W2'), ('lambd / m * W1', 'lambd * W1')],
                    en='The L2 term of the gradients is missing its 1/m: dW = ... + (λ/m) · W.',
                    pt='Falta o 1/m no termo L2 dos gradientes: dW = ... + (λ/m) · W.'),
            Mistake('wrong sign of the L2 term', [('+ lambd / m * W3', '- lambd / m * W3'), ('+ lambd / m * W2', '- lambd / m * W2'), ('+ lambd / m * W1', '- lambd / m * W1')],
                    en='The L2 term is subtracted; the gradient of λ/(2m) · ‖W‖² is +(λ/m) · W.',
                    pt='O termo L2 foi subtraído; o gradiente de λ/(2m) · ‖W‖² é +(λ/m) · W.'),
            Mistake('only dW3 regularised', [('+ lambd / m * W2', ''), ('+ lambd / m * W1', '')],
                    en='Only dW3 has the L2 term; dW2 and dW1 need their + (λ/m) · W too.',
                    pt='Só dW3 tem o termo L2; dW2 e dW1 também precisam do seu + (λ/m) · W.'),
            Mistake("the cost's factor lambd / (2m)", [('lambd / m * W3', 'lambd / (2 * m) * W3'), ('lambd / m * W2', 'lambd / (2 * m) * W2'), ('lambd / m * W1', 'lambd / (2 * m) * W1')],
                    en="The gradients use the cost's factor λ/(2m); the derivative of λ/(2m) · ‖W‖² is (λ/m) · W.",
                    pt='Os gradientes usam o fator do custo, λ/(2m); a derivada de λ/(2m) · ‖W‖² é (λ/m) · W.'),
            Mistake("missing 1/m in dW2's L2 term only", [('lambd / m * W2', 'lambd * W2')],
                    en='The L2 term of dW2 is missing its 1/m (dW3 and dW1 have it): + (λ/m) · W2.',
                    pt='Falta o 1/m no termo L2 de dW2 (dW3 e dW1 o têm): + (λ/m) · W2.'),
            Mistake('dW1 not regularised', [(' + lambd / m * W1', '')],
                    en='dW1 has no L2 term; like dW3 and dW2, it needs + (λ/m) · W1.',
                    pt='dW1 não tem o termo L2; como dW3 e dW2, ele precisa de + (λ/m) · W1.'),
            Mistake("factor 2 lambd / m (the cost's 1/2 dropped)", [('lambd / m * W3', '2 * lambd / m * W3'), ('lambd / m * W2', '2 * lambd / m * W2'), ('lambd / m * W1', '2 * lambd / m * W1')],
                    en='The L2 term is doubled: the 1/2 of the cost cancels the 2 of the derivative, so the term is (λ/m) · W.',
                    pt='O termo L2 está dobrado: o 1/2 do custo cancela o 2 da derivada, e o termo é (λ/m) · W.'),
        ],
        variants={
            '@ and a common 1/m': [('1. / m * np.dot(dZ3, A2.T) + lambd / m * W3', '(dZ3 @ A2.T + lambd * W3) / m'), ('1. / m * np.dot(dZ2, A1.T) + lambd / m * W2', '(dZ2 @ A1.T + lambd * W2) / m'), ('1. / m * np.dot(dZ1, X.T) + lambd / m * W1', '(dZ1 @ X.T + lambd * W1) / m')],
            'np.multiply and np.add': [('1. / m * np.dot(dZ3, A2.T) + lambd / m * W3', 'np.add(np.dot(dZ3, A2.T) / m, np.multiply(lambd / m, W3))'), ('1. / m * np.dot(dZ2, A1.T) + lambd / m * W2', 'np.add(np.dot(dZ2, A1.T) / m, np.multiply(lambd / m, W2))'), ('1. / m * np.dot(dZ1, X.T) + lambd / m * W1', 'np.add(np.dot(dZ1, X.T) / m, np.multiply(lambd / m, W1))')],
        },
    ),
    Exercise(
        'forward_propagation_with_dropout',
        outputs=('A3', 'cache'),
        example=[
            lambda: (reg_testcases.forward_propagation_with_dropout_test_case() + (0.7,), {}),
            lambda: _forward_dropout(33, [3, 2, 3, 1], 5, 0.7),
        ],
        hidden=[
            lambda: _forward_dropout(25, [4, 6, 5, 1], 8, 0.8),
            lambda: _forward_dropout(26, [2, 20, 3, 1], 6, 0.6),
            lambda: _forward_dropout(35, [3, 5, 5, 1], 6, 0.7),
        ],
        mistakes=[
            Mistake('no rescaling by keep_prob', [('A1 = A1 / keep_prob', 'A1 = A1'), ('A2 = A2 / keep_prob', 'A2 = A2')],
                    en='The units that were kept are not scaled: divide A1 and A2 by keep_prob after applying the masks.',
                    pt='As unidades mantidas não foram escaladas: divida A1 e A2 por keep_prob depois de aplicar as máscaras.'),
            Mistake('threshold with >', [('D1 = D1 < keep_prob', 'D1 = D1 > keep_prob'), ('D2 = D2 < keep_prob', 'D2 = D2 > keep_prob')],
                    en='D > keep_prob keeps a unit with probability 1 - keep_prob; D < keep_prob keeps it with probability keep_prob.',
                    pt='D > keep_prob mantém uma unidade com probabilidade 1 - keep_prob; D < keep_prob a mantém com probabilidade keep_prob.'),
            Mistake("layer 1's mask reused in layer 2", [('A2 = A2 * D2', 'A2 = A2 * D1')],
                    en='Layer 2 is masked with D1; it needs its own mask, D2.',
                    pt='A camada 2 foi mascarada com D1; ela precisa da sua própria máscara, D2.'),
            Mistake('multiplies by keep_prob', [('A1 = A1 / keep_prob', 'A1 = A1 * keep_prob'), ('A2 = A2 / keep_prob', 'A2 = A2 * keep_prob')],
                    en='The units that were kept are multiplied by keep_prob; divide them by keep_prob, so that the expected value stays the same.',
                    pt='As unidades mantidas foram multiplicadas por keep_prob; divida-as por keep_prob, para que o valor esperado não mude.'),
            Mistake('mask forgotten in layer 2', [('A2 = A2 * D2', 'A2 = A2')],
                    en='D2 is drawn but never applied: shut down the units of A2 with the mask D2 before scaling.',
                    pt='D2 é sorteada mas nunca aplicada: desligue as unidades de A2 com a máscara D2 antes de escalar.'),
            Mistake('layer 2 not rescaled', [('A2 = A2 / keep_prob', 'A2 = A2')],
                    en='Layer 2 is not scaled (layer 1 is): divide A2 by keep_prob too.',
                    pt='A camada 2 não foi escalada (a camada 1 foi): divida A2 também por keep_prob.'),
            Mistake('Gaussian np.random.randn masks', [('np.random.rand(A1.shape[0]', 'np.random.randn(A1.shape[0]'), ('np.random.rand(A2.shape[0]', 'np.random.randn(A2.shape[0]')],
                    en='The masks are drawn with np.random.randn (Gaussian); with np.random.rand (uniform in [0, 1)), D < keep_prob keeps a unit with probability keep_prob.',
                    pt='As máscaras foram sorteadas com np.random.randn (gaussiana); com np.random.rand (uniforme em [0, 1)), D < keep_prob mantém uma unidade com probabilidade keep_prob.'),
        ],
        variants={
            'int masks and in-place scaling': [('D1 = D1 < keep_prob', 'D1 = (D1 < keep_prob).astype(int)'), ('D2 = D2 < keep_prob', 'D2 = (D2 < keep_prob).astype(int)'), ('A1 = A1 * D1\n', 'A1 *= D1\n'), ('A1 = A1 / keep_prob', 'A1 /= keep_prob'), ('A2 = A2 * D2\n', 'A2 *= D2\n'), ('A2 = A2 / keep_prob', 'A2 /= keep_prob')],
            'random_sample and np.multiply': [('np.random.rand(A1.shape[0], A1.shape[1])', 'np.random.random_sample(A1.shape)'), ('np.random.rand(A2.shape[0], A2.shape[1])', 'np.random.random_sample(A2.shape)'), ('A1 = A1 * D1\n', 'A1 = np.multiply(A1, D1)\n'), ('A2 = A2 * D2\n', 'A2 = np.multiply(A2, D2)\n')],
        },
    ),
    Exercise(
        'backward_propagation_with_dropout',
        outputs=('gradients',),
        example=[
            lambda: (reg_testcases.backward_propagation_with_dropout_test_case() + (0.8,), {}),
            lambda: _backward_dropout(34, [3, 2, 3, 1], 5, 0.8),
        ],
        hidden=[
            lambda: _backward_dropout(27, [4, 6, 5, 1], 8, 0.8),
            lambda: _backward_dropout(28, [2, 20, 3, 1], 7, 0.5, int_masks=True),
        ],
        mistakes=[
            Mistake('no mask in backward', [('dA2 = dA2 * D2', 'dA2 = dA2'), ('dA1 = dA1 * D1', 'dA1 = dA1')],
                    en='The masks are not applied: shut down the same units as in forward propagation, with D2 on dA2 and D1 on dA1.',
                    pt='As máscaras não foram aplicadas: desligue as mesmas unidades da propagação para frente, com D2 em dA2 e D1 em dA1.'),
            Mistake('no division by keep_prob', [('dA2 = dA2 / keep_prob', 'dA2 = dA2'), ('dA1 = dA1 / keep_prob', 'dA1 = dA1')],
                    en='dA2 and dA1 are not divided by keep_prob: divide them by keep_prob after applying the masks, as A2 and A1 were divided in forward propagation.',
                    pt='dA2 e dA1 não foram divididos por keep_prob: divida-os por keep_prob depois de aplicar as máscaras, como A2 e A1 foram divididos na propagação para frente.'),
            Mistake('multiplies by keep_prob', [('dA2 = dA2 / keep_prob', 'dA2 = dA2 * keep_prob'), ('dA1 = dA1 / keep_prob', 'dA1 = dA1 * keep_prob')],
                    en='dA2 and dA1 are multiplied by keep_prob; divide them by keep_prob, as in forward propagation.',
                    pt='dA2 e dA1 foram multiplicados por keep_prob; divida-os por keep_prob, como na propagação para frente.'),
            Mistake('masks swapped', [('dA2 = dA2 * D2', 'dA2 = dA2 * D1[:dA2.shape[0], :]'), ('dA1 = dA1 * D1', 'dA1 = dA1 * D2[:1, :]')],
                    en='The masks are swapped: dA2 must use D2 and dA1 must use D1, each the mask of its own layer.',
                    pt='As máscaras estão trocadas: dA2 deve usar D2, e dA1, D1, cada um a máscara da sua própria camada.'),
            Mistake('mask forgotten in layer 1', [('dA1 = dA1 * D1', 'dA1 = dA1')],
                    en='dA1 is not masked (dA2 is): apply D1 to dA1 as well.',
                    pt='dA1 não foi mascarado (dA2 foi): aplique D1 também a dA1.'),
            Mistake('layer 2 not rescaled', [('dA2 = dA2 / keep_prob', 'dA2 = dA2')],
                    en='dA2 is not divided by keep_prob (dA1 is): divide both by keep_prob.',
                    pt='dA2 não foi dividido por keep_prob (dA1 foi): divida os dois por keep_prob.'),
            Mistake('divides by 1 - keep_prob', [('dA2 = dA2 / keep_prob', 'dA2 = dA2 / (1 - keep_prob)'), ('dA1 = dA1 / keep_prob', 'dA1 = dA1 / (1 - keep_prob)')],
                    en='keep_prob is the probability of keeping a unit: divide by keep_prob, not by 1 - keep_prob.',
                    pt='keep_prob é a probabilidade de manter uma unidade: divida por keep_prob, não por 1 - keep_prob.'),
        ],
        variants={
            'np.multiply in one line': [('dA2 = dA2 * D2\n', 'dA2 = np.multiply(dA2, D2) / keep_prob\n'), ('dA2 = dA2 / keep_prob', 'pass'), ('dA1 = dA1 * D1\n', 'dA1 = np.multiply(dA1, D1) / keep_prob\n'), ('dA1 = dA1 / keep_prob', 'pass')],
            'np.where on the mask': [('dA2 = dA2 * D2\n', 'dA2 = np.where(D2 == 1, dA2 / keep_prob, 0.0)\n'), ('dA2 = dA2 / keep_prob', 'pass'), ('dA1 = dA1 * D1\n', 'dA1 = np.where(D1 == 1, dA1 / keep_prob, 0.0)\n'), ('dA1 = dA1 / keep_prob', 'pass')],
        },
        typical='no division by keep_prob',
    ),
]

# An edit that makes the first graded function loop forever (the timeout tests).
INFINITE_LOOP = ('m = Y.shape[1]', 'm = Y.shape[1]\n    while True:\n        pass')
