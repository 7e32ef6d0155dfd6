"""Realistic mistakes and correct variants of the Gradient Checking assignment's graded functions.

``MISTAKES`` and ``VARIANTS``: grade_id of a solution cell -> {label: [(old, new), ...]},
text substitutions applied to the reference solution (each ``old`` occurs once).
``TYPICAL``: the mistakes of the sample class's "typical mistakes" student.

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
    },
    "backward_propagation": {
        "returns θ": [("dtheta = x", "dtheta = theta")],
        "returns 1": [("dtheta = x", "dtheta = 1")],
        "returns the cost θx": [("dtheta = x", "dtheta = theta * x")],
        "wrong sign": [("dtheta = x", "dtheta = -x")],
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
        "forgets to pass the perturbed theta": [("vector_to_dictionary(thetaminus)", "vector_to_dictionary(parameters_values)")],
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
