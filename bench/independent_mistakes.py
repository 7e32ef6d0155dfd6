"""Wrong answers written independently of the grader's mistake catalogue, to measure its diagnosis honestly.

Who and how: written by a "second author" (a helper session started for this measurement) from general
knowledge of how students get these functions wrong (wrong axis, forgotten 1/m or keepdims, transposes,
a wrong activation in one layer, off-by-one loops and keys, sign and precedence errors, dropout mask and
keep_prob errors, epsilon and norm errors in gradient checking, a mistake limited to one layer or one
parameter, ...). The author read only the reference solution cells, the referee's cases and the grader's
diagnosis code; ``tools/mistakes/*.py`` was neither opened nor searched while writing this file, so the
catalogue did not shape these mistakes.

What for: :mod:`bench.diagnosis_share` runs each mistake through the grader's diagnosis
(``tools.grading.diagnosis.diagnose``) and through the real grader on a generated class, and counts how
often the grader names a catalogued mistake for a wrong answer it was not built from, and which name.

Format: as the catalogue's, ``MISTAKES = {assignment: {function: {label: [(old, new), ...]}}}``, text
substitutions (:func:`tools.submissions.apply_edits`) of the reference solution cell, each ``old`` occurring
exactly once in the solution code of both the English and the Portuguese source notebooks (they differ only
in comments, docstrings and printed text, which no edit touches). Every mistake fails at least one of the
referee's checks (``bench/diagnosis_share.py --verify`` checks all of this).
"""

MISTAKES = {
    "deep_nn": {
        "initialize_parameters": {
            "W unscaled (no * 0.01)": [
                ("W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_h, n_x)"),
                ("W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)")],
            "W1 transposed (n_x, n_h)": [
                ("np.random.randn(n_h, n_x)", "np.random.randn(n_x, n_h)")],
            "uniform rand instead of randn": [
                ("W1 = np.random.randn(", "W1 = np.random.rand("),
                ("W2 = np.random.randn(", "W2 = np.random.rand(")],
            "biases 1-d (np.zeros(n))": [
                ("b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)"),
                ("b2 = np.zeros((n_y, 1))", "b2 = np.zeros(n_y)")],
            "small random b1": [
                ("b1 = np.zeros((n_h, 1))", "b1 = np.random.randn(n_h, 1) * 0.01")],
        },
        "initialize_parameters_deep": {
            "W transposed": [
                ("np.random.randn(layer_dims[l], layer_dims[l - 1])",
                 "np.random.randn(layer_dims[l - 1], layer_dims[l])")],
            "W unscaled": [
                ("layer_dims[l - 1]) * 0.01", "layer_dims[l - 1])")],
            "He scaling instead of 0.01": [
                ("layer_dims[l - 1]) * 0.01", "layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])")],
            "bias row vector (1, n)": [
                ("np.zeros((layer_dims[l], 1))", "np.zeros((1, layer_dims[l]))")],
            "keys shifted by one (W2..)": [
                ('parameters["W" + str(l)]', 'parameters["W" + str(l + 1)]'),
                ('parameters["b" + str(l)]', 'parameters["b" + str(l + 1)]')],
            "random biases": [
                ("np.zeros((layer_dims[l], 1))", "np.random.randn(layer_dims[l], 1) * 0.01")],
        },
        "linear_forward": {
            "bias forgotten": [("Z = np.dot(W, A) + b", "Z = np.dot(W, A)")],
            "bias subtracted": [("Z = np.dot(W, A) + b", "Z = np.dot(W, A) - b")],
            "A times W (wrong order)": [("Z = np.dot(W, A) + b", "Z = np.dot(A, W) + b")],
            "elementwise product": [("Z = np.dot(W, A) + b", "Z = W * A + b")],
            "bias summed in": [("Z = np.dot(W, A) + b", "Z = np.dot(W, A) + np.sum(b)")],
        },
        "linear_activation_forward": {
            "relu in the sigmoid branch": [("A, activation_cache = sigmoid(Z)", "A, activation_cache = relu(Z)")],
            "sigmoid in the relu branch": [("A, activation_cache = relu(Z)", "A, activation_cache = sigmoid(Z)")],
            "activations swapped": [
                ('    if activation == "sigmoid":', '    if activation == "relu":'),
                ('elif activation == "relu":', 'elif activation == "sigmoid":')],
            "relu cache holds A, not Z": [
                ("A, activation_cache = relu(Z)", "A, _ = relu(Z)\n        activation_cache = A")],
            "hand-written sigmoid, sign of the exponent wrong": [
                ("A, activation_cache = sigmoid(Z)", "A = 1 / (1 + np.exp(Z))\n        activation_cache = Z")],
            "cache order swapped": [
                ("cache = (linear_cache, activation_cache)", "cache = (activation_cache, linear_cache)")],
        },
        "L_model_forward": {
            "relu on the output layer": [
                ('parameters["b" + str(L)], activation="sigmoid")', 'parameters["b" + str(L)], activation="relu")')],
            "sigmoid in the hidden layers": [
                ('parameters["b" + str(l)], activation="relu")', 'parameters["b" + str(l)], activation="sigmoid")')],
            "activations swapped": [
                ('parameters["b" + str(L)], activation="sigmoid")', 'parameters["b" + str(L)], activation="relu")'),
                ('parameters["b" + str(l)], activation="relu")', 'parameters["b" + str(l)], activation="sigmoid")')],
            "last cache not appended": [
                ('activation="sigmoid")\n    caches.append(cache)', 'activation="sigmoid")')],
            "L = number of parameters (no // 2)": [("L = len(parameters) // 2", "L = len(parameters)")],
        },
        "compute_cost": {
            "minus sign forgotten": [("cost = -1 / m * np.sum(", "cost = 1 / m * np.sum(")],
            "1/m forgotten": [("cost = -1 / m * np.sum(", "cost = -np.sum(")],
            "m from the wrong axis": [("m = Y.shape[1]", "m = Y.shape[0]")],
            "only the y = 1 term": [
                ("np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))", "np.sum(Y * np.log(AL))")],
            "log terms swapped": [
                ("np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))",
                 "np.sum(Y * np.log(1 - AL) + (1 - Y) * np.log(AL))")],
            "mean and 1/m (averaged twice)": [("cost = -1 / m * np.sum(", "cost = -1 / m * np.mean(")],
        },
        "linear_backward": {
            "dW without 1/m": [("dW = 1 / m * np.dot(dZ, A_prev.T)", "dW = np.dot(dZ, A_prev.T)")],
            "db without keepdims": [("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=1)")],
            "db summed over axis 0": [("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=0, keepdims=True)")],
            "dA_prev scaled by 1/m": [("dA_prev = np.dot(W.T, dZ)", "dA_prev = 1 / m * np.dot(W.T, dZ)")],
            "dW transposed": [("dW = 1 / m * np.dot(dZ, A_prev.T)", "dW = 1 / m * np.dot(A_prev, dZ.T)")],
            "db summed over everything": [("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ)")],
        },
        "linear_activation_backward": {
            "sigmoid_backward in the relu branch": [
                ("dZ = relu_backward(dA, activation_cache)", "dZ = sigmoid_backward(dA, activation_cache)")],
            "relu_backward in the sigmoid branch": [
                ("dZ = sigmoid_backward(dA, activation_cache)", "dZ = relu_backward(dA, activation_cache)")],
            "branches swapped": [
                ('    if activation == "relu":', '    if activation == "sigmoid":'),
                ('elif activation == "sigmoid":', 'elif activation == "relu":')],
            "relu derivative skipped (dZ = dA)": [("dZ = relu_backward(dA, activation_cache)", "dZ = dA")],
            "sigmoid derivative without (1 - s)": [
                ("dZ = sigmoid_backward(dA, activation_cache)",
                 "s = 1 / (1 + np.exp(-activation_cache))\n        dZ = dA * s")],
            "relu mask precedence (dA * Z > 0)": [
                ("dZ = relu_backward(dA, activation_cache)", "dZ = dA * activation_cache > 0")],
        },
        "L_model_backward": {
            "dAL sign flipped": [
                ("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                 "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)")],
            "dAL = AL - Y (dZ, not dA)": [
                ("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))", "dAL = AL - Y")],
            "relu on the output layer": [
                ('(dAL, current_cache, activation="sigmoid")', '(dAL, current_cache, activation="relu")')],
            "sigmoid in the hidden layers": [
                ('current_cache, activation="relu")', 'current_cache, activation="sigmoid")')],
            "dW keys shifted by one": [('grads["dW" + str(l + 1)] = dW_temp', 'grads["dW" + str(l)] = dW_temp')],
            "loop not reversed": [("for l in reversed(range(L - 1)):", "for l in range(L - 1):")],
            "dAL averaged over m": [
                ("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                 "dAL = -1 / m * (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))")],
        },
        "update_parameters": {
            "gradient ascent (+)": [
                ('parameters["W" + str(l + 1)] - learning_rate', 'parameters["W" + str(l + 1)] + learning_rate'),
                ('parameters["b" + str(l + 1)] - learning_rate', 'parameters["b" + str(l + 1)] + learning_rate')],
            "biases not updated": [
                ('parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]',
                 'parameters["b" + str(l + 1)]')],
            "last layer not updated (range(L - 1))": [("for l in range(L):", "for l in range(L - 1):")],
            "learning rate forgotten": [
                ('- learning_rate * grads["dW"', '- grads["dW"'),
                ('- learning_rate * grads["db"', '- grads["db"')],
            "learning rate on W only": [('- learning_rate * grads["db"', '- grads["db"')],
        },
    },
    "initialization": {
        "initialize_parameters_zeros": {
            "W transposed": [
                ("np.zeros((layers_dims[l], layers_dims[l - 1]))", "np.zeros((layers_dims[l - 1], layers_dims[l]))")],
            "bias 1-d": [("np.zeros((layers_dims[l], 1))", "np.zeros(layers_dims[l])")],
            "bias row vector": [("np.zeros((layers_dims[l], 1))", "np.zeros((1, layers_dims[l]))")],
            "shape passed as two arguments": [
                ("np.zeros((layers_dims[l], layers_dims[l - 1]))", "np.zeros(layers_dims[l], layers_dims[l - 1])")],
            "last layer missing (range(1, L))": [("for l in range(1, L + 1):", "for l in range(1, L):")],
        },
        "initialize_parameters_random": {
            "scaled by 0.01, not 10": [("layers_dims[l - 1]) * 10", "layers_dims[l - 1]) * 0.01")],
            "not scaled": [("layers_dims[l - 1]) * 10", "layers_dims[l - 1])")],
            "uniform rand": [("np.random.randn(", "np.random.rand(")],
            "random biases too": [("np.zeros((layers_dims[l], 1))", "np.random.randn(layers_dims[l], 1) * 10")],
            "W transposed": [
                ("np.random.randn(layers_dims[l], layers_dims[l - 1])",
                 "np.random.randn(layers_dims[l - 1], layers_dims[l])")],
        },
        "initialize_parameters_he": {
            "size of the current layer": [("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l])")],
            "square root forgotten": [("np.sqrt(2 / layers_dims[l - 1])", "(2 / layers_dims[l - 1])")],
            "Xavier sqrt(1 / n)": [("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(1 / layers_dims[l - 1])")],
            "sqrt(2) / n": [("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2) / layers_dims[l - 1]")],
            "divided by the factor": [("* np.sqrt(2 / layers_dims[l - 1])", "/ np.sqrt(2 / layers_dims[l - 1])")],
            "still times 10": [("* np.sqrt(2 / layers_dims[l - 1])", "* 10")],
        },
    },
    "regularization": {
        "compute_cost_with_regularization": {
            "lambda / m (1/2 forgotten)": [("lambd / (2 * m)", "lambd / m")],
            "precedence: lambda / 2 * m": [("lambd / (2 * m)", "lambd / 2 * m")],
            "weights not squared": [
                ("np.sum(np.square(W1))", "np.sum(W1)"), ("np.sum(np.square(W2))", "np.sum(W2)"),
                ("np.sum(np.square(W3))", "np.sum(W3)")],
            "W3 left out": [(" + np.sum(np.square(W3))", "")],
            "norms not squared": [
                ("(np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))",
                 "(np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))")],
            "1/m forgotten": [("lambd / (2 * m)", "lambd / 2")],
        },
        "backward_propagation_with_regularization": {
            "2 lambda / m (derivative of lambda W^2)": [
                ("+ lambd / m * W3", "+ 2 * lambd / m * W3"), ("+ lambd / m * W2", "+ 2 * lambd / m * W2"),
                ("+ lambd / m * W1", "+ 2 * lambd / m * W1")],
            "lambda / (2m), copied from the cost": [
                ("+ lambd / m * W3", "+ lambd / (2 * m) * W3"), ("+ lambd / m * W2", "+ lambd / (2 * m) * W2"),
                ("+ lambd / m * W1", "+ lambd / (2 * m) * W1")],
            "W1 not regularized": [("dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1", "dW1 = 1. / m * np.dot(dZ1, X.T)")],
            "1/m forgotten on the L2 term": [
                ("+ lambd / m * W3", "+ lambd * W3"), ("+ lambd / m * W2", "+ lambd * W2"),
                ("+ lambd / m * W1", "+ lambd * W1")],
            "L2 term subtracted in layer 2": [("+ lambd / m * W2", "- lambd / m * W2")],
            "only the output layer regularized": [
                ("dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / m * W2", "dW2 = 1. / m * np.dot(dZ2, A1.T)"),
                ("dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1", "dW1 = 1. / m * np.dot(dZ1, X.T)")],
        },
        "forward_propagation_with_dropout": {
            "mask kept where rand > keep_prob": [
                ("D1 = D1 < keep_prob", "D1 = D1 > keep_prob"), ("D2 = D2 < keep_prob", "D2 = D2 > keep_prob")],
            "no inverted-dropout scaling": [("A1 = A1 / keep_prob", "A1 = A1"), ("A2 = A2 / keep_prob", "A2 = A2")],
            "multiplied by keep_prob": [
                ("A1 = A1 / keep_prob", "A1 = A1 * keep_prob"), ("A2 = A2 / keep_prob", "A2 = A2 * keep_prob")],
            "randn mask": [
                ("D1 = np.random.rand(A1", "D1 = np.random.randn(A1"), ("D2 = np.random.rand(A2", "D2 = np.random.randn(A2")],
            "dropout not applied to layer 2": [("A2 = A2 * D2", "A2 = A2"), ("A2 = A2 / keep_prob", "A2 = A2")],
            "layer 2 not rescaled": [("A2 = A2 / keep_prob", "A2 = A2")],
        },
        "backward_propagation_with_dropout": {
            "no scaling": [("dA2 = dA2 / keep_prob", "dA2 = dA2"), ("dA1 = dA1 / keep_prob", "dA1 = dA1")],
            "multiplied by keep_prob": [
                ("dA2 = dA2 / keep_prob", "dA2 = dA2 * keep_prob"), ("dA1 = dA1 / keep_prob", "dA1 = dA1 * keep_prob")],
            "mask D1 not applied": [("dA1 = dA1 * D1", "dA1 = dA1")],
            "divided by the drop probability": [
                ("dA2 = dA2 / keep_prob", "dA2 = dA2 / (1 - keep_prob)"),
                ("dA1 = dA1 / keep_prob", "dA1 = dA1 / (1 - keep_prob)")],
            "layer 1 not rescaled": [("dA1 = dA1 / keep_prob", "dA1 = dA1")],
        },
    },
    "gradient_checking": {
        "forward_propagation": {
            "theta + x": [("J = theta * x", "J = theta + x")],
            "returns the derivative x": [("J = theta * x", "J = x")],
            "theta / x": [("J = theta * x", "J = theta / x")],
            "squared": [("J = theta * x", "J = (theta * x) ** 2")],
        },
        "backward_propagation": {
            "derivative w.r.t. x (theta)": [("dtheta = x", "dtheta = theta")],
            "returns J": [("dtheta = x", "dtheta = theta * x")],
            "dtheta = 1": [("dtheta = x", "dtheta = 1")],
            "sign flipped": [("dtheta = x", "dtheta = -x")],
        },
        "gradient_check": {
            "2 forgotten in 2 epsilon": [
                ("gradapprox = (J_plus - J_minus) / (2 * epsilon)", "gradapprox = (J_plus - J_minus) / epsilon")],
            "precedence: / 2 * epsilon": [
                ("gradapprox = (J_plus - J_minus) / (2 * epsilon)", "gradapprox = (J_plus - J_minus) / 2 * epsilon")],
            "one-sided difference": [
                ("gradapprox = (J_plus - J_minus) / (2 * epsilon)",
                 "gradapprox = (J_plus - forward_propagation(x, theta)) / epsilon")],
            "no denominator": [("difference = numerator / denominator", "difference = numerator")],
            "theta plus/minus swapped": [
                ("thetaplus = theta + epsilon", "thetaplus = theta - epsilon"),
                ("thetaminus = theta - epsilon", "thetaminus = theta + epsilon")],
            "denominator: norm of grad only": [
                ("denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
                 "denominator = np.linalg.norm(grad)")],
            "grad taken at thetaplus": [("grad = backward_propagation(x, theta)", "grad = backward_propagation(x, thetaplus)")],
        },
        "gradient_check_n": {
            "thetaplus not copied": [("thetaplus = np.copy(parameters_values)", "thetaplus = parameters_values")],
            "2 forgotten in 2 epsilon": [
                ("gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
                 "gradapprox[i] = (J_plus[i] - J_minus[i]) / epsilon")],
            "precedence: / 2 * epsilon": [
                ("gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
                 "gradapprox[i] = (J_plus[i] - J_minus[i]) / 2 * epsilon")],
            "thetaminus shifted up too": [
                ("thetaminus[i][0] = thetaminus[i][0] - epsilon", "thetaminus[i][0] = thetaminus[i][0] + epsilon")],
            "denominator: norm of the sum": [
                ("denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
                 "denominator = np.linalg.norm(grad + gradapprox)")],
            "no denominator": [("difference = numerator / denominator", "difference = numerator")],
            "thetaminus copied from thetaplus": [
                ("thetaminus = np.copy(parameters_values)", "thetaminus = np.copy(thetaplus)")],
            "numerator: difference of norms": [
                ("numerator = np.linalg.norm(grad - gradapprox)",
                 "numerator = np.linalg.norm(grad) - np.linalg.norm(gradapprox)")],
        },
    },
}
