"""Realistic mistakes and correct variants of the deep_nn assignment's graded functions.

``MISTAKES`` and ``VARIANTS``: grade_id of a solution cell -> {label: [(old, new), ...]},
text substitutions applied to the reference solution (each ``old`` occurs once, in the
order given). ``TYPICAL``: the mistakes of the sample class's "typical mistakes" student.
The key order of ``MISTAKES`` is the order of the graded functions in the notebook.

The referee checks a function that calls other graded functions (``linear_activation_forward``,
``L_model_forward``, ``linear_activation_backward``, ``L_model_backward``) with the grader's correct
versions of those (its oracle), and the score rule does not charge a dependent function's visible
test for a mistake in a function it calls, so a mistake costs points on its own function only.
"""

MISTAKES = {
    "initialize_parameters": {
        "weights without the factor 0.01": [("np.random.randn(n_h, n_x) * 0.01", "np.random.randn(n_h, n_x)"),
                                            ("np.random.randn(n_y, n_h) * 0.01", "np.random.randn(n_y, n_h)")],
        "weight shapes transposed": [("np.random.randn(n_h, n_x)", "np.random.randn(n_x, n_h)"),
                                     ("np.random.randn(n_y, n_h)", "np.random.randn(n_h, n_y)")],
        "uniform instead of Gaussian weights": [("np.random.randn(n_h, n_x)", "np.random.rand(n_h, n_x)"),
                                                ("np.random.randn(n_y, n_h)", "np.random.rand(n_y, n_h)")],
        "1-D biases": [("np.zeros((n_h, 1))", "np.zeros(n_h)"), ("np.zeros((n_y, 1))", "np.zeros(n_y)")],
    },
    "initialize_parameters_deep": {
        "weights without the factor 0.01": [("np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                                             "np.random.randn(layer_dims[l], layer_dims[l - 1])")],
        "off-by-one layer loop (stops one layer early)": [("for l in range(1, L):", "for l in range(1, L - 1):")],
        "weight shapes transposed": [("np.random.randn(layer_dims[l], layer_dims[l - 1])",
                                      "np.random.randn(layer_dims[l - 1], layer_dims[l])")],
        "biases as rows": [("np.zeros((layer_dims[l], 1))", "np.zeros((1, layer_dims[l]))")],
    },
    "linear_forward": {
        "missing + b": [("Z = np.dot(W, A) + b", "Z = np.dot(W, A)")],
        "elementwise product instead of np.dot": [("Z = np.dot(W, A) + b", "Z = W * A + b")],
        "bias transposed": [("Z = np.dot(W, A) + b", "Z = np.dot(W, A) + b.T")],
        "product in the wrong order (Z transposed)": [("Z = np.dot(W, A) + b", "Z = np.dot(A.T, W.T) + b")],
    },
    "linear_activation_forward": {
        "sigmoid and relu swapped": [("A, activation_cache = sigmoid(Z)", "A, activation_cache = relu(Z) "),
                                     ("A, activation_cache = relu(Z)\n", "A, activation_cache = sigmoid(Z)\n")],
        "activation cache holds A instead of Z": [
            ("A, activation_cache = sigmoid(Z)", "A, _ = sigmoid(Z)\n        activation_cache = A"),
            ("A, activation_cache = relu(Z)", "A, _ = relu(Z)\n        activation_cache = A")],
        "sigmoid by hand with the wrong sign": [("A, activation_cache = sigmoid(Z)",
                                                 "A, activation_cache = 1 / (1 + np.exp(Z)), Z")],
        "arguments of linear_forward swapped": [
            ("Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = sigmoid(Z)",
             "Z, linear_cache = linear_forward(W, A_prev, b)\n        A, activation_cache = sigmoid(Z)")],
    },
    "L_model_forward": {
        "the last cache not appended": [('activation="sigmoid")\n    caches.append(cache)', 'activation="sigmoid")')],
        "sigmoid and relu swapped": [('activation="relu")', 'activation="sigmoid")'),
                                     ('activation="sigmoid")\n    caches', 'activation="relu")\n    caches')],
        "off-by-one layer loop (one RELU layer too many)": [("for l in range(1, L):", "for l in range(1, L + 1):")],
        "X fed to every layer": [('linear_activation_forward(A_prev, parameters["W" + str(l)]',
                                  'linear_activation_forward(X, parameters["W" + str(l)]')],
    },
    "compute_cost": {
        "np.log(AL) in both terms": [("(1 - Y) * np.log(1 - AL)", "(1 - Y) * np.log(AL)")],
        "missing minus sign": [("cost = -1 / m * np.sum(", "cost = 1 / m * np.sum(")],
        "the (1 - Y) term dropped": [("np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))", "np.sum(Y * np.log(AL))")],
        "np.dot and the given np.squeeze deleted (cost of shape (1, 1))": [
            ("cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))",
             "cost = -1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))"),
            ("cost = np.squeeze(cost)", "pass")],
    },
    "linear_backward": {
        "db without 1/m": [("db = 1 / m * np.sum(dZ, axis=1, keepdims=True)", "db = np.sum(dZ, axis=1, keepdims=True)")],
        "db without keepdims (shape (n,))": [("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=1)")],
        "dW without 1/m": [("dW = 1 / m * np.dot(dZ, A_prev.T)", "dW = np.dot(dZ, A_prev.T)")],
        "dA_prev divided by m": [("dA_prev = np.dot(W.T, dZ)", "dA_prev = 1 / m * np.dot(W.T, dZ)")],
    },
    "linear_activation_backward": {
        "relu_backward and sigmoid_backward swapped": [
            ("dZ = relu_backward(dA, activation_cache)", "dZ = sigmoid_backward(dA, activation_cache) "),
            ("dZ = sigmoid_backward(dA, activation_cache)\n", "dZ = relu_backward(dA, activation_cache)\n")],
        "dA passed to linear_backward instead of dZ": [
            ("relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ,",
             "relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dA,"),
            ("sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ,",
             "sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dA,")],
        "the two caches swapped": [
            ("relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)",
             "relu_backward(dA, linear_cache)\n        dA_prev, dW, db = linear_backward(dZ, activation_cache)"),
            ("sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)",
             "sigmoid_backward(dA, linear_cache)\n        dA_prev, dW, db = linear_backward(dZ, activation_cache)")],
        "sigmoid derivative without (1 - s)": [("dZ = sigmoid_backward(dA, activation_cache)",
                                                "dZ = dA * sigmoid(activation_cache)[0]")],
    },
    "L_model_backward": {
        "wrong sign of dAL": [("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                               "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)")],
        "sigmoid and relu swapped": [('activation="sigmoid")', 'activation="relu") '),
                                     ('activation="relu")\n', 'activation="sigmoid")\n')],
        "cache of the wrong layer in the loop": [("current_cache = caches[l]\n", "current_cache = caches[l + 1]\n")],
        "dA keys shifted by one (dA{l} stored as the gradient of A[l-1])": [
            ('grads["dA" + str(L - 1)], grads["dW" + str(L)]', 'grads["dA" + str(L)], grads["dW" + str(L)]'),
            ('linear_activation_backward(grads["dA" + str(l + 1)]', 'linear_activation_backward(grads["dA" + str(l + 2)]'),
            ('grads["dA" + str(l)] = dA_prev_temp', 'grads["dA" + str(l + 1)] = dA_prev_temp')],
    },
    "update_parameters": {
        "updating with +": [('- learning_rate * grads["dW"', '+ learning_rate * grads["dW"'),
                            ('- learning_rate * grads["db"', '+ learning_rate * grads["db"')],
        "biases skipped": [('\n        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]',
                            "")],
        "off-by-one layer loop (layer 1 skipped)": [("for l in range(L):", "for l in range(1, L):")],
        "learning rate forgotten": [('- learning_rate * grads["dW"', '- grads["dW"'),
                                    ('- learning_rate * grads["db"', '- grads["db"')],
    },
}

# Correct solutions written differently: they must keep full marks.
VARIANTS = {
    "initialize_parameters": {
        "np.random.normal(0, 0.01, shape)": [("np.random.randn(n_h, n_x) * 0.01", "np.random.normal(0, 0.01, (n_h, n_x))"),
                                             ("np.random.randn(n_y, n_h) * 0.01", "np.random.normal(0, 0.01, (n_y, n_h))")],
        "0.01 * standard_normal and np.zeros(shape=[...])": [
            ("np.random.randn(n_h, n_x) * 0.01", "0.01 * np.random.standard_normal((n_h, n_x))"),
            ("np.random.randn(n_y, n_h) * 0.01", "0.01 * np.random.standard_normal((n_y, n_h))"),
            ("np.zeros((n_h, 1))", "np.zeros(shape=[n_h, 1])"), ("np.zeros((n_y, 1))", "np.zeros(shape=[n_y, 1])")],
    },
    "initialize_parameters_deep": {
        "f-strings and np.random.normal": [
            ('parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01',
             'parameters[f"W{l}"] = np.random.normal(0, 0.01, (layer_dims[l], layer_dims[l - 1]))'),
            ('parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))', 'parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))')],
        "divided by 100 and zeros_like of a column": [
            ("np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
             "np.random.randn(layer_dims[l], layer_dims[l - 1]) / 100"),
            ("np.zeros((layer_dims[l], 1))", "np.zeros_like(parameters['W' + str(l)][:, :1])")],
    },
    "linear_forward": {
        "@": [("Z = np.dot(W, A) + b", "Z = W @ A + b")],
        "np.add and np.matmul": [("Z = np.dot(W, A) + b", "Z = np.add(np.matmul(W, A), b)")],
        "np.einsum": [("Z = np.dot(W, A) + b", "Z = np.einsum('ij,jk->ik', W, A) + b")],
    },
    "linear_activation_forward": {
        "activations written with numpy": [
            ("A, activation_cache = sigmoid(Z)", "A = 1 / (1 + np.exp(-Z))\n        activation_cache = Z"),
            ("A, activation_cache = relu(Z)", "A = np.maximum(0, Z)\n        activation_cache = Z")],
        "linear step inline with @": [
            ("Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = sigmoid(Z)",
             "Z = W @ A_prev + b\n        linear_cache = (A_prev, W, b)\n        A, activation_cache = sigmoid(Z)"),
            ("Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = relu(Z)",
             "Z = W @ A_prev + b\n        linear_cache = (A_prev, W, b)\n        A, activation_cache = relu(Z)")],
    },
    "L_model_forward": {
        "f-strings for the keys": [
            ('parameters["W" + str(l)], parameters["b" + str(l)]', 'parameters[f"W{l}"], parameters[f"b{l}"]'),
            ('parameters["W" + str(L)], parameters["b" + str(L)]', 'parameters[f"W{L}"], parameters[f"b{L}"]')],
        "caches += [cache] and positional activation": [
            ('activation="relu")\n        caches.append(cache)', '"relu")\n        caches += [cache]'),
            ('activation="sigmoid")\n    caches.append(cache)', '"sigmoid")\n    caches += [cache]')],
    },
    "compute_cost": {
        "np.mean": [("cost = -1 / m * np.sum(", "cost = -np.mean(")],
        "np.dot, then the given np.squeeze": [
            ("cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))",
             "cost = -1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))")],
        "a Python float": [("cost = np.squeeze(cost)", "cost = float(np.squeeze(cost))")],
    },
    "linear_backward": {
        "@ and / m": [("dW = 1 / m * np.dot(dZ, A_prev.T)", "dW = dZ @ A_prev.T / m"),
                      ("dA_prev = np.dot(W.T, dZ)", "dA_prev = W.T @ dZ")],
        "np.mean for db": [("db = 1 / m * np.sum(dZ, axis=1, keepdims=True)", "db = np.mean(dZ, axis=1, keepdims=True)")],
        "reshape instead of keepdims": [("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=1).reshape(-1, 1)")],
    },
    "linear_activation_backward": {
        "relu derivative with np.where": [("dZ = relu_backward(dA, activation_cache)",
                                           "dZ = np.where(activation_cache > 0, dA, 0)")],
        "sigmoid derivative by hand": [("dZ = sigmoid_backward(dA, activation_cache)",
                                        "s = 1 / (1 + np.exp(-activation_cache))\n        dZ = dA * s * (1 - s)")],
        "keyword arguments": [
            ("relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)",
             "relu_backward(dA=dA, cache=activation_cache)\n        dA_prev, dW, db = linear_backward(dZ=dZ, cache=linear_cache)"),
            ("sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)",
             "sigmoid_backward(dA=dA, cache=activation_cache)\n        dA_prev, dW, db = linear_backward(dZ=dZ, cache=linear_cache)")],
    },
    "L_model_backward": {
        "f-strings for the keys": [
            ('grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)]', 'grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"]'),
            ('grads["dA" + str(l + 1)]', 'grads[f"dA{l + 1}"]'),
            ('grads["dA" + str(l)] =', 'grads[f"dA{l}"] ='),
            ('grads["dW" + str(l + 1)] =', 'grads[f"dW{l + 1}"] ='),
            ('grads["db" + str(l + 1)] =', 'grads[f"db{l + 1}"] =')],
        "plain division for dAL and range(L - 2, -1, -1)": [
            ("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))", "dAL = -Y / AL + (1 - Y) / (1 - AL)"),
            ("for l in reversed(range(L - 1)):", "for l in range(L - 2, -1, -1):")],
        "unpacked straight into grads": [
            ('dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, activation="relu")\n'
             '        grads["dA" + str(l)] = dA_prev_temp\n'
             '        grads["dW" + str(l + 1)] = dW_temp\n'
             '        grads["db" + str(l + 1)] = db_temp',
             'grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(\n'
             '            grads["dA" + str(l + 1)], current_cache, "relu")')],
    },
    "update_parameters": {
        "in place with -= (the dict given is changed)": [
            ('parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] -', 'parameters["W" + str(l + 1)] -='),
            ('parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] -', 'parameters["b" + str(l + 1)] -=')],
        "f-strings and range(1, L + 1)": [
            ("for l in range(L):", "for l in range(1, L + 1):"),
            ('parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]',
             'parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]'),
            ('parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]',
             'parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]')],
        "a new dict (the dict given is left unchanged)": [
            ('for l in range(L):\n'
             '        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]\n'
             '        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]',
             'parameters = {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}')],
    },
}

TYPICAL = {"compute_cost": "np.log(AL) in both terms",
           "L_model_backward": "wrong sign of dAL"}

# An edit that makes the first graded function loop forever (the timeout test).
INFINITE_LOOP = ("np.random.seed(1)\n", "np.random.seed(1)\n    while True:\n        pass\n")
