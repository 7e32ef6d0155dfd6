"""Realistic mistakes, their explanations and correct variants of the deep_nn assignment's graded functions.

``MISTAKES`` and ``VARIANTS``: grade_id of a solution cell -> {label: [(old, new), ...]},
text substitutions applied to the reference solution (each ``old`` occurs once, in the
order given). ``TYPICAL``: the mistakes of the sample class's "typical mistakes" student.
The key order of ``MISTAKES`` is the order of the graded functions in the notebook.
``EXPLANATIONS``: grade_id -> {label: {"en": ..., "pt": ...}}, one entry for every label of
``MISTAKES``: one or two sentences for the student whose outputs :mod:`tools.grading.diagnosis`
recognizes as that mistake, saying what is wrong and what is right (feedback and class report).
A mistake is one realistic bug, usually in one place; the diagnosis tells it apart from the
function's other mistakes on the referee's cases (``python -m tools.grading.diagnosis``).

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
        "W2 without the factor 0.01": [("np.random.randn(n_y, n_h) * 0.01", "np.random.randn(n_y, n_h)")],
        "b1 as a row (1, n_h)": [("np.zeros((n_h, 1))", "np.zeros((1, n_h))")],
        "W2 shape transposed": [("np.random.randn(n_y, n_h)", "np.random.randn(n_h, n_y)")],
    },
    "initialize_parameters_deep": {
        "weights without the factor 0.01": [("np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                                             "np.random.randn(layer_dims[l], layer_dims[l - 1])")],
        "off-by-one layer loop (stops one layer early)": [("for l in range(1, L):", "for l in range(1, L - 1):")],
        "weight shapes transposed": [("np.random.randn(layer_dims[l], layer_dims[l - 1])",
                                      "np.random.randn(layer_dims[l - 1], layer_dims[l])")],
        "biases as rows": [("np.zeros((layer_dims[l], 1))", "np.zeros((1, layer_dims[l]))")],
        "loop starts at layer 0 (an extra W0, b0)": [("for l in range(1, L):", "for l in range(L):")],
        "uniform instead of Gaussian weights": [("np.random.randn(layer_dims[l], layer_dims[l - 1])",
                                                 "np.random.rand(layer_dims[l], layer_dims[l - 1])")],
        "1-D biases": [("np.zeros((layer_dims[l], 1))", "np.zeros(layer_dims[l])")],
    },
    "linear_forward": {
        "missing + b": [("Z = np.dot(W, A) + b", "Z = np.dot(W, A)")],
        "elementwise product instead of np.dot": [("Z = np.dot(W, A) + b", "Z = W * A + b")],
        "bias transposed": [("Z = np.dot(W, A) + b", "Z = np.dot(W, A) + b.T")],
        "product in the wrong order (Z transposed)": [("Z = np.dot(W, A) + b", "Z = np.dot(A.T, W.T) + b")],
        "np.dot(A, W) instead of np.dot(W, A)": [("Z = np.dot(W, A) + b", "Z = np.dot(A, W) + b")],
        "W transposed (np.dot(W.T, A))": [("Z = np.dot(W, A) + b", "Z = np.dot(W.T, A) + b")],
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
        "relu in the sigmoid branch": [("A, activation_cache = sigmoid(Z)", "A, activation_cache = relu(Z)")],
        "sigmoid in the relu branch": [("A, activation_cache = relu(Z)", "A, activation_cache = sigmoid(Z)")],
    },
    "L_model_forward": {
        "the last cache not appended": [('activation="sigmoid")\n    caches.append(cache)', 'activation="sigmoid")')],
        "sigmoid and relu swapped": [('activation="relu")', 'activation="sigmoid")'),
                                     ('activation="sigmoid")\n    caches', 'activation="relu")\n    caches')],
        "off-by-one layer loop (one RELU layer too many)": [("for l in range(1, L):", "for l in range(1, L + 1):")],
        "X fed to every layer": [('linear_activation_forward(A_prev, parameters["W" + str(l)]',
                                  'linear_activation_forward(X, parameters["W" + str(l)]')],
        "sigmoid in the hidden layers": [('activation="relu")', 'activation="sigmoid")')],
        "relu in the output layer": [('activation="sigmoid")', 'activation="relu")')],
        "the output layer fed with A_prev instead of A": [
            ('linear_activation_forward(A, parameters["W" + str(L)]', 'linear_activation_forward(A_prev, parameters["W" + str(L)]')],
        "caches.append after the loop (one hidden cache kept)": [
            ('activation="relu")\n        caches.append(cache)', 'activation="relu")\n    caches.append(cache)')],
    },
    "compute_cost": {
        "np.log(AL) in both terms": [("(1 - Y) * np.log(1 - AL)", "(1 - Y) * np.log(AL)")],
        "missing minus sign": [("cost = -1 / m * np.sum(", "cost = 1 / m * np.sum(")],
        "the (1 - Y) term dropped": [("np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))", "np.sum(Y * np.log(AL))")],
        "np.dot and the given np.squeeze deleted (cost of shape (1, 1))": [
            ("cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))",
             "cost = -1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))"),
            ("cost = np.squeeze(cost)", "pass")],
        "missing 1/m": [("cost = -1 / m * np.sum(", "cost = -np.sum(")],
        "the (1 - Y) term outside the sum": [("np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))",
                                               "np.sum(Y * np.log(AL)) + (1 - Y) * np.log(1 - AL)")],
    },
    "linear_backward": {
        "db without 1/m": [("db = 1 / m * np.sum(dZ, axis=1, keepdims=True)", "db = np.sum(dZ, axis=1, keepdims=True)")],
        "db without keepdims (shape (n,))": [("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=1)")],
        "dW without 1/m": [("dW = 1 / m * np.dot(dZ, A_prev.T)", "dW = np.dot(dZ, A_prev.T)")],
        "dA_prev divided by m": [("dA_prev = np.dot(W.T, dZ)", "dA_prev = 1 / m * np.dot(W.T, dZ)")],
        "db summed over axis 0": [("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=0, keepdims=True)")],
        "dW transposed (A_prev . dZ.T)": [("np.dot(dZ, A_prev.T)", "np.dot(A_prev, dZ.T)")],
        "db divided by m twice (1/m and np.mean)": [("1 / m * np.sum(dZ, axis=1, keepdims=True)",
                                                     "1 / m * np.mean(dZ, axis=1, keepdims=True)")],
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
        "sigmoid_backward in the relu branch": [("dZ = relu_backward(dA, activation_cache)",
                                                 "dZ = sigmoid_backward(dA, activation_cache)")],
        "relu_backward in the sigmoid branch": [("dZ = sigmoid_backward(dA, activation_cache)",
                                                 "dZ = relu_backward(dA, activation_cache)")],
        "relu derivative without dA": [("dZ = relu_backward(dA, activation_cache)", "dZ = np.int64(activation_cache > 0)")],
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
        "relu in the output layer": [('activation="sigmoid")', 'activation="relu")')],
        "sigmoid in the hidden layers": [('activation="relu")', 'activation="sigmoid")')],
        "dW and db stored under layer l's key (dW0, db0, ...)": [('grads["dW" + str(l + 1)] = dW_temp', 'grads["dW" + str(l)] = dW_temp'),
                                                                 ('grads["db" + str(l + 1)] = db_temp', 'grads["db" + str(l)] = db_temp')],
    },
    "update_parameters": {
        "updating with +": [('- learning_rate * grads["dW"', '+ learning_rate * grads["dW"'),
                            ('- learning_rate * grads["db"', '+ learning_rate * grads["db"')],
        "biases skipped": [('\n        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]',
                            "")],
        "off-by-one layer loop (layer 1 skipped)": [("for l in range(L):", "for l in range(1, L):")],
        "learning rate forgotten": [('- learning_rate * grads["dW"', '- grads["dW"'),
                                    ('- learning_rate * grads["db"', '- grads["db"')],
        "biases updated with dW": [('learning_rate * grads["db" + str(l + 1)]', 'learning_rate * grads["dW" + str(l + 1)]')],
        "new values in local variables (parameters unchanged)": [
            ('parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate',
             'W = parameters["W" + str(l + 1)] - learning_rate'),
            ('parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate',
             'b = parameters["b" + str(l + 1)] - learning_rate')],
    },
}

# One or two sentences for a student who made the mistake (the grader's diagnosis shows them): what is
# wrong and what is right, in English and in Portuguese.
EXPLANATIONS = {
    "initialize_parameters": {
        "weights without the factor 0.01": {
            "en": "The weights must be small: multiply np.random.randn(...) by 0.01 in W1 and W2.",
            "pt": "Os pesos devem ser pequenos: multiplique np.random.randn(...) por 0.01 em W1 e W2."},
        "weight shapes transposed": {
            "en": "W1 and W2 are transposed: W1 has shape (n_h, n_x) and W2 has shape (n_y, n_h).",
            "pt": "W1 e W2 estão transpostas: W1 tem formato (n_h, n_x) e W2 tem formato (n_y, n_h)."},
        "uniform instead of Gaussian weights": {
            "en": "np.random.rand draws uniform values in [0, 1); the weights are Gaussian: np.random.randn.",
            "pt": "np.random.rand sorteia valores uniformes em [0, 1); os pesos são gaussianos: np.random.randn."},
        "1-D biases": {
            "en": "The biases are 1-D arrays; they must be columns: b1 of shape (n_h, 1) and b2 of shape (n_y, 1).",
            "pt": "Os vieses são arrays 1-D; devem ser colunas: b1 de formato (n_h, 1) e b2 de formato (n_y, 1)."},
        "W2 without the factor 0.01": {
            "en": "W2 is missing the factor 0.01 that W1 has: both weight matrices are np.random.randn(...) * 0.01.",
            "pt": "Falta em W2 o fator 0.01 que W1 tem: as duas matrizes de pesos são np.random.randn(...) * 0.01."},
        "b1 as a row (1, n_h)": {
            "en": "b1 is a row of shape (1, n_h); it must be a column of zeros of shape (n_h, 1).",
            "pt": "b1 é uma linha de formato (1, n_h); deve ser uma coluna de zeros de formato (n_h, 1)."},
        "W2 shape transposed": {
            "en": "W2 has shape (n_h, n_y); it must have shape (n_y, n_h), one row per output unit.",
            "pt": "W2 tem formato (n_h, n_y); deve ter formato (n_y, n_h), uma linha por unidade de saída."},
    },
    "initialize_parameters_deep": {
        "weights without the factor 0.01": {
            "en": "The weights must be small: multiply np.random.randn(...) by 0.01.",
            "pt": "Os pesos devem ser pequenos: multiplique np.random.randn(...) por 0.01."},
        "off-by-one layer loop (stops one layer early)": {
            "en": "The loop stops one layer early, so the last layer has no W and b: every layer l from 1 to "
                  "len(layer_dims) - 1 needs them.",
            "pt": "O laço termina uma camada antes e a última camada fica sem W e b: toda camada l de 1 a "
                  "len(layer_dims) - 1 precisa deles."},
        "weight shapes transposed": {
            "en": "W{l} is transposed: its shape is (layer_dims[l], layer_dims[l - 1]).",
            "pt": "W{l} está transposta: o formato dela é (layer_dims[l], layer_dims[l - 1])."},
        "biases as rows": {
            "en": "The biases are rows; b{l} is a column of zeros of shape (layer_dims[l], 1).",
            "pt": "Os vieses são linhas; b{l} é uma coluna de zeros de formato (layer_dims[l], 1)."},
        "loop starts at layer 0 (an extra W0, b0)": {
            "en": "The loop starts at layer 0, which adds W0 and b0 and uses up random numbers: layer 0 is the input, "
                  "start at l = 1.",
            "pt": "O laço começa na camada 0, o que cria W0 e b0 e consome números aleatórios: a camada 0 é a entrada, "
                  "comece em l = 1."},
        "uniform instead of Gaussian weights": {
            "en": "np.random.rand draws uniform values in [0, 1); the weights are Gaussian: np.random.randn.",
            "pt": "np.random.rand sorteia valores uniformes em [0, 1); os pesos são gaussianos: np.random.randn."},
        "1-D biases": {
            "en": "The biases are 1-D arrays; b{l} must be a column of shape (layer_dims[l], 1).",
            "pt": "Os vieses são arrays 1-D; b{l} deve ser uma coluna de formato (layer_dims[l], 1)."},
    },
    "linear_forward": {
        "missing + b": {
            "en": "The bias is missing: Z = W·A + b.",
            "pt": "Falta o viés: Z = W·A + b."},
        "elementwise product instead of np.dot": {
            "en": "W * A multiplies entry by entry; Z = W·A + b needs the matrix product (np.dot).",
            "pt": "W * A multiplica elemento a elemento; Z = W·A + b precisa do produto de matrizes (np.dot)."},
        "bias transposed": {
            "en": "b is added transposed, as a row; add it as the column it is: Z = W·A + b.",
            "pt": "b foi somado transposto, como linha; some-o como a coluna que ele é: Z = W·A + b."},
        "product in the wrong order (Z transposed)": {
            "en": "Aᵀ·Wᵀ is Z transposed: Z = W·A + b has shape (size of the current layer, m).",
            "pt": "Aᵀ·Wᵀ é Z transposta: Z = W·A + b tem formato (tamanho da camada atual, m)."},
        "np.dot(A, W) instead of np.dot(W, A)": {
            "en": "The factors are in the wrong order: W comes first, Z = W·A + b.",
            "pt": "Os fatores estão na ordem errada: W vem primeiro, Z = W·A + b."},
        "W transposed (np.dot(W.T, A))": {
            "en": "W must not be transposed here: Z = W·A + b (Wᵀ appears only in backpropagation).",
            "pt": "W não deve ser transposta aqui: Z = W·A + b (Wᵀ só aparece na retropropagação)."},
    },
    "linear_activation_forward": {
        "sigmoid and relu swapped": {
            "en": "The activations are swapped: A = sigmoid(Z) when activation is 'sigmoid' and A = relu(Z) when it is 'relu'.",
            "pt": "As ativações estão trocadas: A = sigmoid(Z) quando activation é 'sigmoid' e A = relu(Z) quando é 'relu'."},
        "activation cache holds A instead of Z": {
            "en": "The activation cache must hold Z, the input of the activation, not A: keep the cache that sigmoid or relu returns.",
            "pt": "O cache da ativação deve guardar Z, a entrada da ativação, não A: use o cache que sigmoid ou relu devolve."},
        "sigmoid by hand with the wrong sign": {
            "en": "The exponent of the sigmoid has the wrong sign: σ(Z) = 1 / (1 + e^(-Z)).",
            "pt": "O expoente da sigmoide tem o sinal errado: σ(Z) = 1 / (1 + e^(-Z))."},
        "arguments of linear_forward swapped": {
            "en": "In the sigmoid branch, linear_forward gets its arguments in the wrong order: linear_forward(A_prev, W, b).",
            "pt": "No ramo sigmoid, linear_forward recebe os argumentos na ordem errada: linear_forward(A_prev, W, b)."},
        "relu in the sigmoid branch": {
            "en": "The sigmoid branch applies relu: when activation is 'sigmoid', A = sigmoid(Z).",
            "pt": "O ramo sigmoid aplica relu: quando activation é 'sigmoid', A = sigmoid(Z)."},
        "sigmoid in the relu branch": {
            "en": "The relu branch applies sigmoid: when activation is 'relu', A = relu(Z).",
            "pt": "O ramo relu aplica sigmoid: quando activation é 'relu', A = relu(Z)."},
    },
    "L_model_forward": {
        "the last cache not appended": {
            "en": "The output layer's cache is not appended: caches must hold L caches, one per layer.",
            "pt": "O cache da camada de saída não foi acrescentado: caches deve ter L caches, um por camada."},
        "sigmoid and relu swapped": {
            "en": "The activations are swapped: the hidden layers use relu and the output layer uses sigmoid.",
            "pt": "As ativações estão trocadas: as camadas ocultas usam relu e a camada de saída usa sigmoid."},
        "off-by-one layer loop (one RELU layer too many)": {
            "en": "The loop runs one RELU layer too many: the hidden layers are 1 to L - 1, and layer L is the SIGMOID layer.",
            "pt": "O laço faz uma camada RELU a mais: as camadas ocultas vão de 1 a L - 1, e a camada L é a camada SIGMOID."},
        "X fed to every layer": {
            "en": "Every layer receives X; each layer's input is the activation of the layer before it, A_prev.",
            "pt": "Todas as camadas recebem X; a entrada de cada camada é a ativação da camada anterior, A_prev."},
        "sigmoid in the hidden layers": {
            "en": "The hidden layers use sigmoid; they are LINEAR -> RELU layers, and only the output layer uses sigmoid.",
            "pt": "As camadas ocultas usam sigmoid; elas são camadas LINEAR -> RELU, e só a camada de saída usa sigmoid."},
        "relu in the output layer": {
            "en": "The output layer uses relu; it is LINEAR -> SIGMOID, so that AL is a probability.",
            "pt": "A camada de saída usa relu; ela é LINEAR -> SIGMOID, para que AL seja uma probabilidade."},
        "the output layer fed with A_prev instead of A": {
            "en": "The output layer receives A_prev, the input of the last hidden layer; it takes A, that layer's output.",
            "pt": "A camada de saída recebe A_prev, a entrada da última camada oculta; ela recebe A, a saída dessa camada."},
        "caches.append after the loop (one hidden cache kept)": {
            "en": "caches.append(cache) is outside the loop, so only the last hidden layer's cache is kept: append inside "
                  "the loop, once per layer.",
            "pt": "caches.append(cache) ficou fora do laço, e só o cache da última camada oculta é guardado: acrescente "
                  "dentro do laço, uma vez por camada."},
    },
    "compute_cost": {
        "np.log(AL) in both terms": {
            "en": "The second term uses log(AL); it is (1 - Y) · log(1 - AL).",
            "pt": "O segundo termo usa log(AL); ele é (1 - Y) · log(1 - AL)."},
        "missing minus sign": {
            "en": "The minus sign is missing: J = -(1/m) Σ [y log(a) + (1 - y) log(1 - a)], a positive number.",
            "pt": "Falta o sinal de menos: J = -(1/m) Σ [y log(a) + (1 - y) log(1 - a)], um número positivo."},
        "the (1 - Y) term dropped": {
            "en": "The term (1 - Y) · log(1 - AL) is missing: the cost sums both terms.",
            "pt": "Falta o termo (1 - Y) · log(1 - AL): o custo soma os dois termos."},
        "np.dot and the given np.squeeze deleted (cost of shape (1, 1))": {
            "en": "The given line cost = np.squeeze(cost) was deleted, so the cost is a (1, 1) array; keep it: the cost is a number.",
            "pt": "A linha dada cost = np.squeeze(cost) foi apagada, e o custo é um array (1, 1); mantenha-a: o custo é um número."},
        "missing 1/m": {
            "en": "The cost is not averaged over the m examples: J = -(1/m) Σ [...], with m = Y.shape[1].",
            "pt": "O custo não é a média sobre os m exemplos: J = -(1/m) Σ [...], com m = Y.shape[1]."},
        "the (1 - Y) term outside the sum": {
            "en": "A parenthesis is misplaced: the term (1 - Y) · log(1 - AL) belongs inside np.sum, with Y · log(AL).",
            "pt": "Um parêntese está no lugar errado: o termo (1 - Y) · log(1 - AL) fica dentro de np.sum, com Y · log(AL)."},
    },
    "linear_backward": {
        "db without 1/m": {
            "en": "db is missing its 1/m: db = (1/m) Σ dZ, summed over the examples (axis=1).",
            "pt": "Falta o 1/m em db: db = (1/m) Σ dZ, somado sobre os exemplos (axis=1)."},
        "db without keepdims (shape (n,))": {
            "en": "db has shape (n,); it must be a column like b: sum with keepdims=True.",
            "pt": "db tem formato (n,); deve ser uma coluna como b: some com keepdims=True."},
        "dW without 1/m": {
            "en": "dW is missing its 1/m: dW = (1/m) dZ · A_prevᵀ.",
            "pt": "Falta o 1/m em dW: dW = (1/m) dZ · A_prevᵀ."},
        "dA_prev divided by m": {
            "en": "dA_prev is not divided by m: dA_prev = Wᵀ · dZ.",
            "pt": "dA_prev não é dividido por m: dA_prev = Wᵀ · dZ."},
        "db summed over axis 0": {
            "en": "db sums dZ over the wrong axis: sum over the examples (axis=1), one value per unit, shape (n, 1).",
            "pt": "db soma dZ no eixo errado: some sobre os exemplos (axis=1), um valor por unidade, formato (n, 1)."},
        "dW transposed (A_prev . dZ.T)": {
            "en": "dW is transposed: dW = (1/m) dZ · A_prevᵀ has the shape of W.",
            "pt": "dW está transposto: dW = (1/m) dZ · A_prevᵀ tem o formato de W."},
        "db divided by m twice (1/m and np.mean)": {
            "en": "db is divided by m twice (1/m and np.mean): db = (1/m) Σ dZ, with one or the other.",
            "pt": "db é dividido por m duas vezes (1/m e np.mean): db = (1/m) Σ dZ, com um ou com o outro."},
    },
    "linear_activation_backward": {
        "relu_backward and sigmoid_backward swapped": {
            "en": "The derivatives are swapped: the relu branch uses relu_backward and the sigmoid branch uses sigmoid_backward.",
            "pt": "As derivadas estão trocadas: o ramo relu usa relu_backward e o ramo sigmoid usa sigmoid_backward."},
        "dA passed to linear_backward instead of dZ": {
            "en": "linear_backward receives dA; it takes dZ, the output of relu_backward or sigmoid_backward.",
            "pt": "linear_backward recebe dA; ele recebe dZ, a saída de relu_backward ou de sigmoid_backward."},
        "the two caches swapped": {
            "en": "The two caches are swapped: relu_backward and sigmoid_backward take activation_cache, linear_backward "
                  "takes linear_cache.",
            "pt": "Os dois caches estão trocados: relu_backward e sigmoid_backward recebem activation_cache, e "
                  "linear_backward recebe linear_cache."},
        "sigmoid derivative without (1 - s)": {
            "en": "The sigmoid's derivative is missing its (1 - s): dZ = dA · s · (1 - s), with s = σ(Z).",
            "pt": "Falta o (1 - s) na derivada da sigmoide: dZ = dA · s · (1 - s), com s = σ(Z)."},
        "sigmoid_backward in the relu branch": {
            "en": "The relu branch uses sigmoid_backward; the dZ of a RELU layer comes from relu_backward.",
            "pt": "O ramo relu usa sigmoid_backward; o dZ de uma camada RELU vem de relu_backward."},
        "relu_backward in the sigmoid branch": {
            "en": "The sigmoid branch uses relu_backward; the dZ of a SIGMOID layer comes from sigmoid_backward.",
            "pt": "O ramo sigmoid usa relu_backward; o dZ de uma camada SIGMOID vem de sigmoid_backward."},
        "relu derivative without dA": {
            "en": "dZ is only the RELU's derivative g'(Z); the chain rule multiplies it by dA: dZ = dA · g'(Z).",
            "pt": "dZ é só a derivada da RELU, g'(Z); a regra da cadeia a multiplica por dA: dZ = dA · g'(Z)."},
    },
    "L_model_backward": {
        "wrong sign of dAL": {
            "en": "dAL has the wrong sign: dAL = -(Y/AL - (1 - Y)/(1 - AL)).",
            "pt": "dAL tem o sinal errado: dAL = -(Y/AL - (1 - Y)/(1 - AL))."},
        "sigmoid and relu swapped": {
            "en": "The activations are swapped: the output layer is a SIGMOID layer and the hidden layers are RELU layers.",
            "pt": "As ativações estão trocadas: a camada de saída é SIGMOID e as camadas ocultas são RELU."},
        "cache of the wrong layer in the loop": {
            "en": "The loop takes the cache of the wrong layer: the cache of layer l + 1 is caches[l], the list starts at 0.",
            "pt": "O laço pega o cache da camada errada: o cache da camada l + 1 é caches[l], a lista começa em 0."},
        "dA keys shifted by one (dA{l} stored as the gradient of A[l-1])": {
            "en": "The dA keys are shifted by one: grads['dA' + str(l)] holds the gradient of the activation of layer l, "
                  "so the step of layer L gives dA{L-1}.",
            "pt": "As chaves dA estão deslocadas de um: grads['dA' + str(l)] guarda o gradiente da ativação da camada l, "
                  "e o passo da camada L dá dA{L-1}."},
        "relu in the output layer": {
            "en": "The output layer goes back through relu; it is a SIGMOID layer: activation='sigmoid'.",
            "pt": "Na retropropagação, a camada de saída usa relu; ela é uma camada SIGMOID: activation='sigmoid'."},
        "sigmoid in the hidden layers": {
            "en": "The hidden layers go back through sigmoid; they are RELU layers: activation='relu'.",
            "pt": "Na retropropagação, as camadas ocultas usam sigmoid; elas são camadas RELU: activation='relu'."},
        "dW and db stored under layer l's key (dW0, db0, ...)": {
            "en": "dW and db are stored under the wrong layer number: in the loop they belong to layer l + 1.",
            "pt": "dW e db foram guardados com o número de camada errado: no laço, eles são da camada l + 1."},
    },
    "update_parameters": {
        "updating with +": {
            "en": "Gradient descent subtracts: W = W - α·dW and b = b - α·db.",
            "pt": "A descida do gradiente subtrai: W = W - α·dW e b = b - α·db."},
        "biases skipped": {
            "en": "The biases are not updated: b = b - α·db as well.",
            "pt": "Os vieses não são atualizados: também b = b - α·db."},
        "off-by-one layer loop (layer 1 skipped)": {
            "en": "The loop skips layer 1: every layer, from 1 to L, is updated.",
            "pt": "O laço pula a camada 1: todas as camadas, de 1 a L, são atualizadas."},
        "learning rate forgotten": {
            "en": "The learning rate is missing: W = W - α·dW and b = b - α·db.",
            "pt": "Falta a taxa de aprendizado: W = W - α·dW e b = b - α·db."},
        "biases updated with dW": {
            "en": "The biases are updated with dW; each parameter uses its own gradient: b = b - α·db.",
            "pt": "Os vieses são atualizados com dW; cada parâmetro usa o seu próprio gradiente: b = b - α·db."},
        "new values in local variables (parameters unchanged)": {
            "en": "The new values go into local variables, so parameters is returned unchanged: store them in the dict parameters.",
            "pt": "Os novos valores ficam em variáveis locais, e parameters volta sem mudança: guarde-os no dicionário parameters."},
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
