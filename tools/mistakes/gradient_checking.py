"""Realistic mistakes, their explanations and correct variants of the Gradient Checking assignment's graded functions.

``MISTAKES`` and ``VARIANTS``: grade_id of a solution cell -> {label: [(old, new), ...]},
text substitutions applied to the reference solution (each ``old`` occurs once).
``TYPICAL``: the mistakes of the sample class's "typical mistakes" student.
``EXPLANATIONS``: grade_id -> {label: {"en": ..., "pt": ...}}, one entry for every label of
``MISTAKES``: one or two sentences for the student whose outputs :mod:`tools.grading.diagnosis`
recognizes as that mistake, saying what is wrong and what is right (feedback and class report).
A mistake is one realistic bug, usually in one place; the diagnosis tells it apart from the
function's other mistakes on the referee's cases (``python -m tools.grading.diagnosis``).

A one-sided difference is exact on the notebook's J = θx, so the tests of
``gradient_check`` and ``gradient_check_n`` run them on costs of their own
(J = xθ³, sin, a smooth N-D cost) where every mistake below shows.
"""

MISTAKES = {
    "forward_propagation": {
        "θ + x": [("J = theta * x", "J = theta + x")],
        "θ ** x": [("J = theta * x", "J = theta ** x")],
        "returns a tuple with the cache": [("return J", "return J, (x, theta)")],
        "x / θ": [("J = theta * x", "J = x / theta")],
        "prints J instead of returning it": [("return J", "print(J)")],
        "returns x (the derivative)": [("J = theta * x", "J = x")],
    },
    "backward_propagation": {
        "returns θ": [("dtheta = x", "dtheta = theta")],
        "returns 1": [("dtheta = x", "dtheta = 1")],
        "returns the cost θx": [("dtheta = x", "dtheta = theta * x")],
        "wrong sign": [("dtheta = x", "dtheta = -x")],
        "prints dtheta instead of returning it": [("return dtheta", "print(dtheta)")],
    },
    "gradient_check": {
        "one-sided difference": [("thetaminus = theta - epsilon", "thetaminus = theta"),
                                 ("/ (2 * epsilon)", "/ epsilon")],
        "divides by epsilon instead of 2 epsilon": [("/ (2 * epsilon)", "/ epsilon")],
        "perturbs x instead of theta": [("forward_propagation(x, thetaplus)", "forward_propagation(x + epsilon, theta)"),
                                        ("forward_propagation(x, thetaminus)", "forward_propagation(x - epsilon, theta)")],
        "denominator with only one norm": [("np.linalg.norm(grad) + np.linalg.norm(gradapprox)", "np.linalg.norm(grad)")],
        "forgets to pass the perturbed theta": [("forward_propagation(x, thetaminus)", "forward_propagation(x, theta)")],
        "signed numerator, no norm": [("numerator = np.linalg.norm(grad - gradapprox)", "numerator = grad - gradapprox")],
        "missing parentheses: J_plus - J_minus / (2 epsilon)": [("gradapprox = (J_plus - J_minus) / (2 * epsilon)",
                                                                 "gradapprox = J_plus - J_minus / (2 * epsilon)")],
        "the difference without its denominator": [("difference = numerator / denominator", "difference = numerator")],
    },
    "gradient_check_n": {
        "one-sided difference": [("thetaminus[i][0] = thetaminus[i][0] - epsilon", "thetaminus[i][0] = thetaminus[i][0]"),
                                 ("/ (2 * epsilon)", "/ epsilon")],
        "divides by epsilon instead of 2 epsilon": [("/ (2 * epsilon)", "/ epsilon")],
        "missing copy: thetaplus = parameters_values": [
            ("thetaplus = np.copy(parameters_values)", "thetaplus = parameters_values"),
            ("thetaminus = np.copy(parameters_values)", "thetaminus = parameters_values")],
        "copies once, before the loop": [
            ("        thetaplus = np.copy(parameters_values)\n", ""),
            ("        thetaminus = np.copy(parameters_values)\n", ""),
            ("    for i in range(num_parameters):\n", "    thetaplus = np.copy(parameters_values)\n"
             "    thetaminus = np.copy(parameters_values)\n    for i in range(num_parameters):\n")],
        "denominator with only one norm": [("np.linalg.norm(grad) + np.linalg.norm(gradapprox)", "np.linalg.norm(grad)")],
        "perturbs the caller's parameters in place and never restores them": [
            ("parameters_values, _ = dictionary_to_vector(parameters)", "parameters_values, keys = dictionary_to_vector(parameters)"),
            ("thetaplus = np.copy(parameters_values)\n", "name = keys[i]\n"
             "        entry = np.unravel_index(i - keys.index(name), parameters[name].shape)\n"
             "        parameters[name][entry] += epsilon\n"
             "        thetaplus = dictionary_to_vector(parameters)[0]\n"),
            ("        thetaplus[i][0] = thetaplus[i][0] + epsilon\n", ""),
            ("thetaminus = np.copy(parameters_values)\n", "parameters[name][entry] -= 2 * epsilon\n"
             "        thetaminus = dictionary_to_vector(parameters)[0]\n"),
            ("        thetaminus[i][0] = thetaminus[i][0] - epsilon\n", "")],
        "missing parentheses: J_plus[i] - J_minus[i] / (2 epsilon)": [
            ("gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)", "gradapprox[i] = J_plus[i] - J_minus[i] / (2 * epsilon)")],
        "denominator: norm of the sum": [("np.linalg.norm(grad) + np.linalg.norm(gradapprox)", "np.linalg.norm(grad + gradapprox)")],
        "thetaminus shifted by + epsilon too": [("thetaminus[i][0] = thetaminus[i][0] - epsilon",
                                                 "thetaminus[i][0] = thetaminus[i][0] + epsilon")],
    },
}

# One or two sentences for a student who made the mistake (the grader's diagnosis shows them): what is
# wrong and what is right, in English and in Portuguese.
_ONE_SIDED = {"en": "This is a one-sided difference; formula (1) is centered: (J(θ + ε) - J(θ - ε)) / (2ε).",
              "pt": "Esta é uma diferença de um lado só; a fórmula (1) é centrada: (J(θ + ε) - J(θ - ε)) / (2ε)."}
_TWO_EPSILON = {"en": "The centered difference spans 2ε: gradapprox = (J_plus - J_minus) / (2ε).",
                "pt": "A diferença centrada cobre 2ε: gradapprox = (J_plus - J_minus) / (2ε)."}
_PARENTHESES = {"en": "Parentheses are missing, so only J_minus is divided by 2ε: gradapprox = (J_plus - J_minus) / (2ε).",
                "pt": "Faltam parênteses, e só J_minus é dividido por 2ε: gradapprox = (J_plus - J_minus) / (2ε)."}
EXPLANATIONS = {
    "forward_propagation": {
        "θ + x": {"en": "J is the product θ·x, not the sum.",
                  "pt": "J é o produto θ·x, não a soma."},
        "θ ** x": {"en": "J is the product θ·x, not the power θ^x.",
                   "pt": "J é o produto θ·x, não a potência θ^x."},
        "returns a tuple with the cache": {"en": "forward_propagation returns the cost J only, not a tuple with a cache.",
                                           "pt": "forward_propagation devolve só o custo J, não uma tupla com um cache."},
        "x / θ": {"en": "J is the product θ·x, not the quotient x/θ.",
                  "pt": "J é o produto θ·x, não o quociente x/θ."},
        "prints J instead of returning it": {"en": "J is printed, not returned, so the function returns None: return J.",
                                             "pt": "J é impresso, não devolvido, e a função devolve None: use return J."},
        "returns x (the derivative)": {"en": "x is the derivative of J; forward_propagation returns the cost itself, J = θ·x.",
                                       "pt": "x é a derivada de J; forward_propagation devolve o próprio custo, J = θ·x."},
    },
    "backward_propagation": {
        "returns θ": {"en": "θ is the derivative with respect to x; the derivative of J = θ·x with respect to θ is x.",
                      "pt": "θ é a derivada em relação a x; a derivada de J = θ·x em relação a θ é x."},
        "returns 1": {"en": "The derivative of J = θ·x with respect to θ is x, not 1.",
                      "pt": "A derivada de J = θ·x em relação a θ é x, não 1."},
        "returns the cost θx": {"en": "θ·x is the cost itself; its derivative with respect to θ is x.",
                                "pt": "θ·x é o próprio custo; a derivada dele em relação a θ é x."},
        "wrong sign": {"en": "The sign is wrong: dJ/dθ = x.",
                       "pt": "O sinal está errado: dJ/dθ = x."},
        "prints dtheta instead of returning it": {
            "en": "dtheta is printed, not returned, so the function returns None: return dtheta.",
            "pt": "dtheta é impresso, não devolvido, e a função devolve None: use return dtheta."},
    },
    "gradient_check": {
        "one-sided difference": _ONE_SIDED,
        "divides by epsilon instead of 2 epsilon": _TWO_EPSILON,
        "perturbs x instead of theta": {
            "en": "x is shifted instead of θ: the gradient is with respect to θ, so compute J at θ + ε and θ - ε.",
            "pt": "x foi deslocado em vez de θ: o gradiente é em relação a θ, então calcule J em θ + ε e em θ - ε."},
        "denominator with only one norm": {
            "en": "The denominator has only ‖grad‖; formula (2) divides by ‖grad‖ + ‖gradapprox‖.",
            "pt": "O denominador tem só ‖grad‖; a fórmula (2) divide por ‖grad‖ + ‖gradapprox‖."},
        "forgets to pass the perturbed theta": {
            "en": "J_minus is computed at θ instead of thetaminus = θ - ε.",
            "pt": "J_minus foi calculado em θ em vez de thetaminus = θ - ε."},
        "signed numerator, no norm": {
            "en": "The numerator is a signed difference; formula (2) takes its norm: ‖grad - gradapprox‖.",
            "pt": "O numerador é uma diferença com sinal; a fórmula (2) usa a norma: ‖grad - gradapprox‖."},
        "missing parentheses: J_plus - J_minus / (2 epsilon)": _PARENTHESES,
        "the difference without its denominator": {
            "en": "The difference stops at the numerator; formula (2) divides it by ‖grad‖ + ‖gradapprox‖.",
            "pt": "A diferença parou no numerador; a fórmula (2) o divide por ‖grad‖ + ‖gradapprox‖."},
    },
    "gradient_check_n": {
        "one-sided difference": _ONE_SIDED,
        "divides by epsilon instead of 2 epsilon": _TWO_EPSILON,
        "missing copy: thetaplus = parameters_values": {
            "en": "J_minus is computed at θ instead of θ - ε: thetaminus starts from the shifted vector (for example, "
                  "thetaplus = parameters_values does not copy it). Start both from np.copy(parameters_values).",
            "pt": "J_minus é calculado em θ em vez de θ - ε: thetaminus parte do vetor já deslocado (por exemplo, "
                  "thetaplus = parameters_values não o copia). Comece os dois de np.copy(parameters_values)."},
        "copies once, before the loop": {
            "en": "Copied once before the loop, thetaplus and thetaminus keep the shifts of the earlier entries: copy θ "
                  "inside the loop, for each i.",
            "pt": "Copiados uma vez antes do laço, thetaplus e thetaminus guardam os deslocamentos das entradas anteriores: "
                  "copie θ dentro do laço, a cada i."},
        "denominator with only one norm": {
            "en": "The denominator has only ‖grad‖; formula (3) divides by ‖grad‖ + ‖gradapprox‖.",
            "pt": "O denominador tem só ‖grad‖; a fórmula (3) divide por ‖grad‖ + ‖gradapprox‖."},
        "perturbs the caller's parameters in place and never restores them": {
            "en": "The parameters given are shifted in place and left changed (each entry ends at θ - ε): shift copies "
                  "of θ, never parameters itself.",
            "pt": "Os parâmetros recebidos foram deslocados no próprio lugar e ficaram alterados (cada entrada termina "
                  "em θ - ε): desloque cópias de θ, nunca o próprio parameters."},
        "missing parentheses: J_plus[i] - J_minus[i] / (2 epsilon)": {
            "en": "Parentheses are missing, so only J_minus[i] is divided by 2ε: (J_plus[i] - J_minus[i]) / (2ε).",
            "pt": "Faltam parênteses, e só J_minus[i] é dividido por 2ε: (J_plus[i] - J_minus[i]) / (2ε)."},
        "denominator: norm of the sum": {
            "en": "The denominator is ‖grad + gradapprox‖; formula (3) adds the two norms: ‖grad‖ + ‖gradapprox‖.",
            "pt": "O denominador é ‖grad + gradapprox‖; a fórmula (3) soma as duas normas: ‖grad‖ + ‖gradapprox‖."},
        "thetaminus shifted by + epsilon too": {
            "en": "thetaminus is shifted by +ε too, so J_plus equals J_minus: thetaminus is θ - ε.",
            "pt": "thetaminus também foi deslocado de +ε, e J_plus fica igual a J_minus: thetaminus é θ - ε."},
    },
}

# Correct solutions written differently: they must keep full marks.
VARIANTS = {
    "forward_propagation": {
        "np.dot": [("J = theta * x", "J = np.dot(theta, x)")],
        "np.multiply, x first": [("J = theta * x", "J = np.multiply(x, theta)")],
    },
    "backward_propagation": {
        "float()": [("dtheta = x", "dtheta = float(x)")],
        "1 * x as a numpy scalar": [("dtheta = x", "dtheta = np.float64(1.0) * x")],
    },
    "gradient_check": {
        "abs instead of norms": [("numerator = np.linalg.norm(grad - gradapprox)", "numerator = abs(grad - gradapprox)"),
                                 ("np.linalg.norm(grad) + np.linalg.norm(gradapprox)", "abs(grad) + abs(gradapprox)")],
        "inline, / 2 / epsilon": [("gradapprox = (J_plus - J_minus) / (2 * epsilon)",
                                   "gradapprox = (forward_propagation(x, theta + epsilon)"
                                   " - forward_propagation(x, theta - epsilon)) / 2 / epsilon")],
        "one-line difference with np.sqrt of squares": [
            ("difference = numerator / denominator",
             "difference = np.sqrt((grad - gradapprox) ** 2) / (np.sqrt(grad ** 2) + np.sqrt(gradapprox ** 2))")],
    },
    "gradient_check_n": {
        "perturbs the vector in place and restores it": [
            ("        thetaplus = np.copy(parameters_values)\n", ""),
            ("thetaplus[i][0] = thetaplus[i][0] + epsilon\n", "parameters_values[i, 0] += epsilon\n"),
            ("vector_to_dictionary(thetaplus)", "vector_to_dictionary(parameters_values)"),
            ("        thetaminus = np.copy(parameters_values)\n", ""),
            ("thetaminus[i][0] = thetaminus[i][0] - epsilon\n", "parameters_values[i, 0] -= 2 * epsilon\n"),
            ("J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))\n",
             "J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(parameters_values))\n"
             "        parameters_values[i, 0] += epsilon\n")],
        "one-hot direction vector and [0] indexing": [
            ("thetaplus = np.copy(parameters_values)\n", "direction = np.zeros_like(parameters_values)\n"
             "        direction[i] = epsilon\n        thetaplus = parameters_values + direction\n"),
            ("        thetaplus[i][0] = thetaplus[i][0] + epsilon\n", ""),
            ("J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))",
             "J_plus[i] = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))[0]"),
            ("thetaminus = np.copy(parameters_values)\n", "thetaminus = parameters_values - direction\n"),
            ("        thetaminus[i][0] = thetaminus[i][0] - epsilon\n", "")],
        "dict copies with exact values": [
            ("parameters_values, _ = dictionary_to_vector(parameters)", "parameters_values, keys = dictionary_to_vector(parameters)"),
            ("thetaplus = np.copy(parameters_values)\n", "name = keys[i]\n"
             "        entry = np.unravel_index(i - keys.index(name), parameters[name].shape)\n"
             "        perturbed = {k: v.copy() for k, v in parameters.items()}\n"
             "        perturbed[name][entry] = parameters[name][entry] + epsilon\n"),
            ("        thetaplus[i][0] = thetaplus[i][0] + epsilon\n", ""),
            ("J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))",
             "J_plus[i], _ = forward_propagation_n(X, Y, perturbed)"),
            ("thetaminus = np.copy(parameters_values)\n", "perturbed[name][entry] = parameters[name][entry] - epsilon\n"),
            ("        thetaminus[i][0] = thetaminus[i][0] - epsilon\n", ""),
            ("J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))",
             "J_minus[i], _ = forward_propagation_n(X, Y, perturbed)")],
    },
}

TYPICAL = {"gradient_check": "one-sided difference",
           "gradient_check_n": "missing copy: thetaplus = parameters_values"}

# An edit that makes the first graded function loop forever (the timeout test).
INFINITE_LOOP = ("J = theta * x", "J = theta * x\n    while True:\n        pass")
