"""Realistic mistakes and correct variants of the Regularization assignment's graded functions.

``MISTAKES`` and ``VARIANTS``: grade_id of a solution cell -> {label: [(old, new), ...]},
text substitutions applied to the reference solution (each ``old`` occurs once).
``TYPICAL``: the mistakes of the sample class's "typical mistakes" student.
"""

MISTAKES = {
    "compute_cost_with_regularization": {
        "missing 1/2": [("lambd / (2 * m)", "lambd / m")],
        "missing 1/m": [("lambd / (2 * m)", "lambd / 2")],
        "regularises the biases": [("np.sum(np.square(W3)))", "np.sum(np.square(W3)) + np.sum(np.square(parameters['b1'])) + np.sum(np.square(parameters['b2'])) + np.sum(np.square(parameters['b3'])))")],
        "square of the sum": [("np.sum(np.square(W1))", "np.square(np.sum(W1))")],
    },
    "backward_propagation_with_regularization": {
        "missing 1/m in the L2 term": [("lambd / m * W3", "lambd * W3"), ("lambd / m * W2", "lambd * W2"), ("lambd / m * W1", "lambd * W1")],
        "wrong sign of the L2 term": [("+ lambd / m * W3", "- lambd / m * W3"), ("+ lambd / m * W2", "- lambd / m * W2"), ("+ lambd / m * W1", "- lambd / m * W1")],
        "only dW3 regularised": [("+ lambd / m * W2", ""), ("+ lambd / m * W1", "")],
        "the cost's factor lambd / (2m)": [("lambd / m * W3", "lambd / (2 * m) * W3"), ("lambd / m * W2", "lambd / (2 * m) * W2"), ("lambd / m * W1", "lambd / (2 * m) * W1")],
    },
    "forward_propagation_with_dropout": {
        "no rescaling by keep_prob": [("A1 = A1 / keep_prob", "A1 = A1"), ("A2 = A2 / keep_prob", "A2 = A2")],
        "threshold with >": [("D1 = D1 < keep_prob", "D1 = D1 > keep_prob"), ("D2 = D2 < keep_prob", "D2 = D2 > keep_prob")],
        "layer 1's mask reused in layer 2": [("A2 = A2 * D2", "A2 = A2 * D1")],
        "multiplies by keep_prob": [("A1 = A1 / keep_prob", "A1 = A1 * keep_prob"), ("A2 = A2 / keep_prob", "A2 = A2 * keep_prob")],
    },
    "backward_propagation_with_dropout": {
        "no mask in backward": [("dA2 = dA2 * D2", "dA2 = dA2"), ("dA1 = dA1 * D1", "dA1 = dA1")],
        "no division by keep_prob": [("dA2 = dA2 / keep_prob", "dA2 = dA2"), ("dA1 = dA1 / keep_prob", "dA1 = dA1")],
        "multiplies by keep_prob": [("dA2 = dA2 / keep_prob", "dA2 = dA2 * keep_prob"), ("dA1 = dA1 / keep_prob", "dA1 = dA1 * keep_prob")],
        "masks swapped": [("dA2 = dA2 * D2", "dA2 = dA2 * D1[:dA2.shape[0], :]"), ("dA1 = dA1 * D1", "dA1 = dA1 * D2[:1, :]")],
    },
}

# Correct solutions written differently: they must keep full marks.
VARIANTS = {
    "compute_cost_with_regularization": {
        "sum over a generator of layers": [("lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))",
                                            "lambd / (2 * m) * sum(np.sum(parameters['W' + str(l)] ** 2) for l in range(1, 4))")],
        "norm squared and mean-free division": [("lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))",
                                                 "(np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2 + (W3 * W3).sum()) * lambd / 2 / m")],
    },
    "backward_propagation_with_regularization": {
        "@ and a common 1/m": [("1. / m * np.dot(dZ3, A2.T) + lambd / m * W3", "(dZ3 @ A2.T + lambd * W3) / m"),
                               ("1. / m * np.dot(dZ2, A1.T) + lambd / m * W2", "(dZ2 @ A1.T + lambd * W2) / m"),
                               ("1. / m * np.dot(dZ1, X.T) + lambd / m * W1", "(dZ1 @ X.T + lambd * W1) / m")],
        "np.multiply and np.add": [("1. / m * np.dot(dZ3, A2.T) + lambd / m * W3", "np.add(np.dot(dZ3, A2.T) / m, np.multiply(lambd / m, W3))"),
                                   ("1. / m * np.dot(dZ2, A1.T) + lambd / m * W2", "np.add(np.dot(dZ2, A1.T) / m, np.multiply(lambd / m, W2))"),
                                   ("1. / m * np.dot(dZ1, X.T) + lambd / m * W1", "np.add(np.dot(dZ1, X.T) / m, np.multiply(lambd / m, W1))")],
    },
    "forward_propagation_with_dropout": {
        "int masks and in-place scaling": [("D1 = D1 < keep_prob", "D1 = (D1 < keep_prob).astype(int)"),
                                           ("D2 = D2 < keep_prob", "D2 = (D2 < keep_prob).astype(int)"),
                                           ("A1 = A1 * D1\n", "A1 *= D1\n"), ("A1 = A1 / keep_prob", "A1 /= keep_prob"),
                                           ("A2 = A2 * D2\n", "A2 *= D2\n"), ("A2 = A2 / keep_prob", "A2 /= keep_prob")],
        "random_sample and np.multiply": [("np.random.rand(A1.shape[0], A1.shape[1])", "np.random.random_sample(A1.shape)"),
                                          ("np.random.rand(A2.shape[0], A2.shape[1])", "np.random.random_sample(A2.shape)"),
                                          ("A1 = A1 * D1\n", "A1 = np.multiply(A1, D1)\n"),
                                          ("A2 = A2 * D2\n", "A2 = np.multiply(A2, D2)\n")],
    },
    "backward_propagation_with_dropout": {
        "np.multiply in one line": [("dA2 = dA2 * D2\n", "dA2 = np.multiply(dA2, D2) / keep_prob\n"), ("dA2 = dA2 / keep_prob", "pass"),
                                    ("dA1 = dA1 * D1\n", "dA1 = np.multiply(dA1, D1) / keep_prob\n"), ("dA1 = dA1 / keep_prob", "pass")],
        "np.where on the mask": [("dA2 = dA2 * D2\n", "dA2 = np.where(D2 == 1, dA2 / keep_prob, 0.0)\n"), ("dA2 = dA2 / keep_prob", "pass"),
                                 ("dA1 = dA1 * D1\n", "dA1 = np.where(D1 == 1, dA1 / keep_prob, 0.0)\n"), ("dA1 = dA1 / keep_prob", "pass")],
    },
}

TYPICAL = {"compute_cost_with_regularization": "missing 1/2",
           "backward_propagation_with_dropout": "no division by keep_prob"}

# An edit that makes the first graded function loop forever (the timeout test).
INFINITE_LOOP = ("m = Y.shape[1]", "m = Y.shape[1]\n    while True:\n        pass")
