"""The graded functions of Building a deep neural network, one :class:`~tools.exercise.Exercise` each.

Cases: the notebook's examples, and other shapes and depths for the hidden cells. Functions that call other
graded functions get the grader's answers for those calls (the referee's oracle, for every assignment), so a
mistake elsewhere costs nothing here. Each function's realistic mistakes (edits of the reference solution, a
sentence for the student in English and Portuguese), its correct variants and the sample class's typical mistake
are declared with it.
"""
import numpy as np

import reference  # noqa: F401 - puts utils/ on sys.path (must come before the helper imports)
import dnn_testcases as tc  # noqa: I001
from reference.deep_nn import L_model_forward
from testCases import random_parameters
from tools.exercise import Exercise, Mistake


def _arrays(seed, *shapes):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(shape) for shape in shapes]


def _labels(seed, m):
    return (np.arange(m) % 2 == seed % 2).astype(int).reshape(1, m)


def _cost_case(seed, m):
    AL = np.random.default_rng(seed).uniform(0.05, 0.95, (1, m))
    return (AL, _labels(seed, m)), {}


def _backward_case(seed, layers, m):
    """A network's output, labels and caches; with ``layers[-1] > 1`` units in the output layer, a label each."""
    parameters = random_parameters(layers, seed)
    X = np.random.randn(layers[0], m)
    AL, caches = L_model_forward(X, parameters)
    Y = np.vstack([_labels(seed + unit, m) for unit in range(layers[-1])])
    return (AL, Y, caches), {}


def _update_case(seed, layers):
    parameters = random_parameters(layers, seed)
    grads = {"d" + k: v for k, v in random_parameters(layers, seed + 1).items()}
    return (parameters, grads, 0.05), {}


EXERCISES = [
    Exercise(
        'initialize_parameters',
        outputs=('parameters',),
        example=[lambda: ((3, 2, 1), {}), lambda: ((4, 3, 2), {})],
        hidden=[lambda: ((5, 4, 1), {}), lambda: ((2, 7, 3), {})],
        mistakes=[
            Mistake('weights without the factor 0.01', [('np.random.randn(n_h, n_x) * 0.01', 'np.random.randn(n_h, n_x)'), ('np.random.randn(n_y, n_h) * 0.01', 'np.random.randn(n_y, n_h)')],
                    en='The weights must be small: multiply np.random.randn(...) by 0.01 in W1 and W2.',
                    pt='Os pesos devem ser pequenos: multiplique np.random.randn(...) por 0.01 em W1 e W2.'),
            Mistake('weight shapes transposed', [('np.random.randn(n_h, n_x)', 'np.random.randn(n_x, n_h)'), ('np.random.randn(n_y, n_h)', 'np.random.randn(n_h, n_y)')],
                    en='W1 and W2 are transposed: W1 must have shape (n_h, n_x) and W2 shape (n_y, n_h).',
                    pt='W1 e W2 estão transpostas: W1 deve ter formato (n_h, n_x), e W2, formato (n_y, n_h).'),
            Mistake('uniform instead of Gaussian weights', [('np.random.randn(n_h, n_x)', 'np.random.rand(n_h, n_x)'), ('np.random.randn(n_y, n_h)', 'np.random.rand(n_y, n_h)')],
                    en='np.random.rand draws uniform values in [0, 1); the weights must be Gaussian: np.random.randn.',
                    pt='np.random.rand sorteia valores uniformes em [0, 1); os pesos devem ser gaussianos: np.random.randn.'),
            Mistake('1-D biases', [('np.zeros((n_h, 1))', 'np.zeros(n_h)'), ('np.zeros((n_y, 1))', 'np.zeros(n_y)')],
                    en='The biases are 1-D arrays; they must be columns: b1 of shape (n_h, 1) and b2 of shape (n_y, 1).',
                    pt='Os vieses são arrays 1-D; devem ser colunas: b1 de formato (n_h, 1) e b2 de formato (n_y, 1).'),
            Mistake('W2 without the factor 0.01', [('np.random.randn(n_y, n_h) * 0.01', 'np.random.randn(n_y, n_h)')],
                    en='W2 is missing the factor 0.01 that W1 has: both weight matrices must be np.random.randn(...) * 0.01.',
                    pt='Falta em W2 o fator 0.01 que W1 tem: as duas matrizes de pesos devem ser np.random.randn(...) * 0.01.'),
            Mistake('b1 as a row (1, n_h)', [('np.zeros((n_h, 1))', 'np.zeros((1, n_h))')],
                    en='b1 is a row of shape (1, n_h); it must be a column of zeros of shape (n_h, 1).',
                    pt='b1 é uma linha de formato (1, n_h); deve ser uma coluna de zeros de formato (n_h, 1).'),
            Mistake('W2 shape transposed', [('np.random.randn(n_y, n_h)', 'np.random.randn(n_h, n_y)')],
                    en='W2 has shape (n_h, n_y); it must have shape (n_y, n_h), one row per output unit.',
                    pt='W2 tem formato (n_h, n_y); deve ter formato (n_y, n_h), uma linha por unidade de saída.'),
        ],
        variants={
            'np.random.normal(0, 0.01, shape)': [('np.random.randn(n_h, n_x) * 0.01', 'np.random.normal(0, 0.01, (n_h, n_x))'), ('np.random.randn(n_y, n_h) * 0.01', 'np.random.normal(0, 0.01, (n_y, n_h))')],
            '0.01 * standard_normal and np.zeros(shape=[...])': [('np.random.randn(n_h, n_x) * 0.01', '0.01 * np.random.standard_normal((n_h, n_x))'), ('np.random.randn(n_y, n_h) * 0.01', '0.01 * np.random.standard_normal((n_y, n_h))'), ('np.zeros((n_h, 1))', 'np.zeros(shape=[n_h, 1])'), ('np.zeros((n_y, 1))', 'np.zeros(shape=[n_y, 1])')],
        },
    ),
    Exercise(
        'initialize_parameters_deep',
        outputs=('parameters',),
        example=[lambda: (([5, 4, 3],), {}), lambda: (([4, 6, 2],), {})],
        hidden=[lambda: (([6, 5, 4, 3, 1],), {}), lambda: (([2, 10, 1],), {})],
        mistakes=[
            Mistake('weights without the factor 0.01', [('np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01', 'np.random.randn(layer_dims[l], layer_dims[l - 1])')],
                    en='The weights must be small: multiply np.random.randn(...) by 0.01.',
                    pt='Os pesos devem ser pequenos: multiplique np.random.randn(...) por 0.01.'),
            Mistake('off-by-one layer loop (stops one layer early)', [('for l in range(1, L):', 'for l in range(1, L - 1):')],
                    en='The loop stops one layer early, so the last layer has no W and b: every layer l from 1 to len(layer_dims) - 1 needs them.',
                    pt='O laço termina uma camada antes e a última camada fica sem W e b: toda camada l de 1 a len(layer_dims) - 1 precisa deles.'),
            Mistake('weight shapes transposed', [('np.random.randn(layer_dims[l], layer_dims[l - 1])', 'np.random.randn(layer_dims[l - 1], layer_dims[l])')],
                    en='W{l} is transposed: its shape must be (layer_dims[l], layer_dims[l - 1]).',
                    pt='W{l} está transposta: o formato dela deve ser (layer_dims[l], layer_dims[l - 1]).'),
            Mistake('biases as rows', [('np.zeros((layer_dims[l], 1))', 'np.zeros((1, layer_dims[l]))')],
                    en='The biases are rows; b{l} must be a column of zeros of shape (layer_dims[l], 1).',
                    pt='Os vieses são linhas; b{l} deve ser uma coluna de zeros de formato (layer_dims[l], 1).'),
            Mistake('loop starts at layer 0 (an extra W0, b0)', [('for l in range(1, L):', 'for l in range(L):')],
                    en='The loop starts at layer 0, which adds W0 and b0 and uses up random numbers: layer 0 is the input, start at l = 1.',
                    pt='O laço começa na camada 0, o que cria W0 e b0 e consome números aleatórios: a camada 0 é a entrada, comece em l = 1.'),
            Mistake('uniform instead of Gaussian weights', [('np.random.randn(layer_dims[l], layer_dims[l - 1])', 'np.random.rand(layer_dims[l], layer_dims[l - 1])')],
                    en='np.random.rand draws uniform values in [0, 1); the weights must be Gaussian: np.random.randn.',
                    pt='np.random.rand sorteia valores uniformes em [0, 1); os pesos devem ser gaussianos: np.random.randn.'),
            Mistake('1-D biases', [('np.zeros((layer_dims[l], 1))', 'np.zeros(layer_dims[l])')],
                    en='The biases are 1-D arrays; b{l} must be a column of shape (layer_dims[l], 1).',
                    pt='Os vieses são arrays 1-D; b{l} deve ser uma coluna de formato (layer_dims[l], 1).'),
        ],
        variants={
            'f-strings and np.random.normal': [('parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01', 'parameters[f"W{l}"] = np.random.normal(0, 0.01, (layer_dims[l], layer_dims[l - 1]))'), ('parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))', 'parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))')],
            'divided by 100 and zeros_like of a column': [('np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01', 'np.random.randn(layer_dims[l], layer_dims[l - 1]) / 100'), ('np.zeros((layer_dims[l], 1))', "np.zeros_like(parameters['W' + str(l)][:, :1])")],
        },
    ),
    Exercise(
        'linear_forward',
        outputs=('Z', 'cache'),
        example=[lambda: (tc.linear_forward_test_case(), {}), lambda: (tuple(_arrays(1, (3, 2), (1, 3), (1, 1))), {})],
        hidden=[lambda: (tuple(_arrays(3, (5, 4), (2, 5), (2, 1))), {}),
                           lambda: (tuple(_arrays(14, (3, 3), (3, 3), (3, 1))), {})],
        mistakes=[
            Mistake('missing + b', [('Z = np.dot(W, A) + b', 'Z = np.dot(W, A)')],
                    en='The bias is missing: Z = W·A + b.',
                    pt='Falta o viés: Z = W·A + b.'),
            Mistake('elementwise product instead of np.dot', [('Z = np.dot(W, A) + b', 'Z = W * A + b')],
                    en='W * A multiplies entry by entry; Z = W·A + b needs the matrix product (np.dot).',
                    pt='W * A multiplica elemento a elemento; Z = W·A + b precisa do produto de matrizes (np.dot).'),
            Mistake('bias transposed', [('Z = np.dot(W, A) + b', 'Z = np.dot(W, A) + b.T')],
                    en='b is added transposed, as a row; add it as the column it is: Z = W·A + b.',
                    pt='b foi somado transposto, como linha; some-o como a coluna que ele é: Z = W·A + b.'),
            Mistake('product in the wrong order (Z transposed)', [('Z = np.dot(W, A) + b', 'Z = np.dot(A.T, W.T) + b')],
                    en='Aᵀ·Wᵀ is Z transposed: Z = W·A + b has shape (size of the current layer, m).',
                    pt='Aᵀ·Wᵀ é Z transposta: Z = W·A + b tem formato (tamanho da camada atual, m).'),
            Mistake('np.dot(A, W) instead of np.dot(W, A)', [('Z = np.dot(W, A) + b', 'Z = np.dot(A, W) + b')],
                    en='The factors are in the wrong order: W comes first, Z = W·A + b.',
                    pt='Os fatores estão na ordem errada: W vem primeiro, Z = W·A + b.'),
            Mistake('W transposed (np.dot(W.T, A))', [('Z = np.dot(W, A) + b', 'Z = np.dot(W.T, A) + b')],
                    en='W must not be transposed here: Z = W·A + b (Wᵀ appears only in backpropagation).',
                    pt='W não deve ser transposta aqui: Z = W·A + b (Wᵀ só aparece na retropropagação).'),
        ],
        variants={
            '@': [('Z = np.dot(W, A) + b', 'Z = W @ A + b')],
            'np.add and np.matmul': [('Z = np.dot(W, A) + b', 'Z = np.add(np.matmul(W, A), b)')],
            'np.einsum': [('Z = np.dot(W, A) + b', "Z = np.einsum('ij,jk->ik', W, A) + b")],
        },
    ),
    Exercise(
        'linear_activation_forward',
        outputs=('A', 'cache'),
        example=[lambda: (tc.linear_activation_forward_test_case() + ("sigmoid",), {}),
                                      lambda: (tc.linear_activation_forward_test_case() + ("relu",), {})],
        hidden=[lambda a=a: (tuple(_arrays(4, (4, 3), (5, 4), (5, 1))) + (a,), {})
                                      for a in ("sigmoid", "relu")],
        mistakes=[
            Mistake('sigmoid and relu swapped', [('A, activation_cache = sigmoid(Z)', 'A, activation_cache = relu(Z) '), ('A, activation_cache = relu(Z)\n', 'A, activation_cache = sigmoid(Z)\n')],
                    en="The activations are swapped: A = sigmoid(Z) when activation is 'sigmoid' and A = relu(Z) when it is 'relu'.",
                    pt="As ativações estão trocadas: A = sigmoid(Z) quando activation é 'sigmoid' e A = relu(Z) quando é 'relu'."),
            Mistake('activation cache holds A instead of Z', [('A, activation_cache = sigmoid(Z)', 'A, _ = sigmoid(Z)\n        activation_cache = A'), ('A, activation_cache = relu(Z)', 'A, _ = relu(Z)\n        activation_cache = A')],
                    en='The activation cache must hold Z, the input of the activation, not A: keep the cache that sigmoid or relu returns.',
                    pt='O cache da ativação deve guardar Z, a entrada da ativação, não A: use o cache que sigmoid ou relu devolve.'),
            Mistake('sigmoid by hand with the wrong sign', [('A, activation_cache = sigmoid(Z)', 'A, activation_cache = 1 / (1 + np.exp(Z)), Z')],
                    en='The exponent of the sigmoid has the wrong sign: σ(Z) = 1 / (1 + e^(-Z)).',
                    pt='O expoente da sigmoide tem o sinal errado: σ(Z) = 1 / (1 + e^(-Z)).'),
            Mistake('arguments of linear_forward swapped', [('Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = sigmoid(Z)', 'Z, linear_cache = linear_forward(W, A_prev, b)\n        A, activation_cache = sigmoid(Z)')],
                    en='In the sigmoid branch, linear_forward gets its arguments in the wrong order: linear_forward(A_prev, W, b).',
                    pt='No ramo sigmoid, linear_forward recebe os argumentos na ordem errada: linear_forward(A_prev, W, b).'),
            Mistake('relu in the sigmoid branch', [('A, activation_cache = sigmoid(Z)', 'A, activation_cache = relu(Z)')],
                    en="The sigmoid branch applies relu: when activation is 'sigmoid', A = sigmoid(Z).",
                    pt="O ramo sigmoid aplica relu: quando activation é 'sigmoid', A = sigmoid(Z)."),
            Mistake('sigmoid in the relu branch', [('A, activation_cache = relu(Z)', 'A, activation_cache = sigmoid(Z)')],
                    en="The relu branch applies sigmoid: when activation is 'relu', A = relu(Z).",
                    pt="O ramo relu aplica sigmoid: quando activation é 'relu', A = relu(Z)."),
        ],
        variants={
            'activations written with numpy': [('A, activation_cache = sigmoid(Z)', 'A = 1 / (1 + np.exp(-Z))\n        activation_cache = Z'), ('A, activation_cache = relu(Z)', 'A = np.maximum(0, Z)\n        activation_cache = Z')],
            'linear step inline with @': [('Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = sigmoid(Z)', 'Z = W @ A_prev + b\n        linear_cache = (A_prev, W, b)\n        A, activation_cache = sigmoid(Z)'), ('Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = relu(Z)', 'Z = W @ A_prev + b\n        linear_cache = (A_prev, W, b)\n        A, activation_cache = relu(Z)')],
        },
    ),
    Exercise(
        'L_model_forward',
        outputs=('AL', 'caches'),
        example=[lambda: (tc.L_model_forward_test_case_2hidden(), {})],
        hidden=[lambda: ((np.random.default_rng(5).standard_normal((4, 6)),
                                      random_parameters([4, 6, 5, 4, 3, 1], 5)), {}),
                            lambda: ((np.random.default_rng(15).standard_normal((4, 5)),
                                      random_parameters([4, 4, 4, 4], 15)), {})],
        mistakes=[
            Mistake('the last cache not appended', [('activation="sigmoid")\n    caches.append(cache)', 'activation="sigmoid")')],
                    en="The output layer's cache is not appended: caches must hold L caches, one per layer.",
                    pt='O cache da camada de saída não foi acrescentado: caches deve ter L caches, um por camada.'),
            Mistake('sigmoid and relu swapped', [('activation="relu")', 'activation="sigmoid")'), ('activation="sigmoid")\n    caches', 'activation="relu")\n    caches')],
                    en='The activations are swapped: the hidden layers must use relu, and the output layer sigmoid.',
                    pt='As ativações estão trocadas: as camadas ocultas devem usar relu, e a camada de saída, sigmoid.'),
            Mistake('off-by-one layer loop (one RELU layer too many)', [('for l in range(1, L):', 'for l in range(1, L + 1):')],
                    en='The loop runs one RELU layer too many: the hidden layers are 1 to L - 1, and layer L is the SIGMOID layer.',
                    pt='O laço faz uma camada RELU a mais: as camadas ocultas vão de 1 a L - 1, e a camada L é a camada SIGMOID.'),
            Mistake('X fed to every layer', [('linear_activation_forward(A_prev, parameters["W" + str(l)]', 'linear_activation_forward(X, parameters["W" + str(l)]')],
                    en="Every layer receives X; each layer must receive the activation of the layer before it, A_prev.",
                    pt='Todas as camadas recebem X; cada camada deve receber a ativação da camada anterior, A_prev.'),
            Mistake('sigmoid in the hidden layers', [('activation="relu")', 'activation="sigmoid")')],
                    en='The hidden layers use sigmoid; they are LINEAR -> RELU layers, and only the output layer uses sigmoid.',
                    pt='As camadas ocultas usam sigmoid; elas são camadas LINEAR -> RELU, e só a camada de saída usa sigmoid.'),
            Mistake('relu in the output layer', [('activation="sigmoid")', 'activation="relu")')],
                    en='The output layer uses relu; it is LINEAR -> SIGMOID, so that AL is a probability.',
                    pt='A camada de saída usa relu; ela é LINEAR -> SIGMOID, para que AL seja uma probabilidade.'),
            Mistake('the output layer fed with A_prev instead of A', [('linear_activation_forward(A, parameters["W" + str(L)]', 'linear_activation_forward(A_prev, parameters["W" + str(L)]')],
                    en="The output layer receives A_prev, the input of the last hidden layer; it must receive A, that layer's output.",
                    pt='A camada de saída recebe A_prev, a entrada da última camada oculta; ela deve receber A, a saída dessa camada.'),
            Mistake('caches.append after the loop (one hidden cache kept)', [('activation="relu")\n        caches.append(cache)', 'activation="relu")\n    caches.append(cache)')],
                    en="caches.append(cache) is outside the loop, so only the last hidden layer's cache is kept: append inside the loop, once per layer.",
                    pt='caches.append(cache) ficou fora do laço, e só o cache da última camada oculta é guardado: acrescente dentro do laço, uma vez por camada.'),
        ],
        variants={
            'f-strings for the keys': [('parameters["W" + str(l)], parameters["b" + str(l)]', 'parameters[f"W{l}"], parameters[f"b{l}"]'), ('parameters["W" + str(L)], parameters["b" + str(L)]', 'parameters[f"W{L}"], parameters[f"b{L}"]')],
            'caches += [cache] and positional activation': [('activation="relu")\n        caches.append(cache)', '"relu")\n        caches += [cache]'), ('activation="sigmoid")\n    caches.append(cache)', '"sigmoid")\n    caches += [cache]')],
        },
    ),
    Exercise(
        'compute_cost',
        outputs=('cost',),
        example=[lambda: (tuple(reversed(tc.compute_cost_test_case())), {}), lambda: _cost_case(2, 3)],
        hidden=[lambda: _cost_case(6, 7)],
        mistakes=[
            Mistake('np.log(AL) in both terms', [('(1 - Y) * np.log(1 - AL)', '(1 - Y) * np.log(AL)')],
                    en='The second term uses log(AL); it must be (1 - Y) * log(1 - AL).',
                    pt='O segundo termo usa log(AL); ele deve ser (1 - Y) * log(1 - AL).'),
            Mistake('missing minus sign', [('cost = -1 / m * np.sum(', 'cost = 1 / m * np.sum(')],
                    en='The minus sign is missing: J = -(1/m) Σ [y log(a) + (1 - y) log(1 - a)], a positive number.',
                    pt='Falta o sinal de menos: J = -(1/m) Σ [y log(a) + (1 - y) log(1 - a)], um número positivo.'),
            Mistake('the (1 - Y) term dropped', [('np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))', 'np.sum(Y * np.log(AL))')],
                    en='The term (1 - Y) * log(1 - AL) is missing: the cost sums both terms.',
                    pt='Falta o termo (1 - Y) * log(1 - AL): o custo soma os dois termos.'),
            Mistake('np.dot and the given np.squeeze deleted (cost of shape (1, 1))', [('cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))', 'cost = -1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))'), ('cost = np.squeeze(cost)', 'pass')],
                    en='The given line cost = np.squeeze(cost) was deleted, so the cost is a (1, 1) array; keep it: the cost is a number.',
                    pt='A linha dada cost = np.squeeze(cost) foi apagada, e o custo é um array (1, 1); mantenha-a: o custo é um número.'),
            Mistake('missing 1/m', [('cost = -1 / m * np.sum(', 'cost = -np.sum(')],
                    en='The cost is not averaged over the m examples: J = -(1/m) Σ [...], with m = Y.shape[1].',
                    pt='O custo não é a média sobre os m exemplos: J = -(1/m) Σ [...], com m = Y.shape[1].'),
            Mistake('the (1 - Y) term outside the sum', [('np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))', 'np.sum(Y * np.log(AL)) + (1 - Y) * np.log(1 - AL)')],
                    en='A parenthesis is misplaced: the term (1 - Y) * log(1 - AL) belongs inside np.sum, with Y * log(AL).',
                    pt='Um parêntese está no lugar errado: o termo (1 - Y) * log(1 - AL) fica dentro de np.sum, com Y * log(AL).'),
        ],
        variants={
            'np.mean': [('cost = -1 / m * np.sum(', 'cost = -np.mean(')],
            'np.dot, then the given np.squeeze': [('cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))', 'cost = -1 / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))')],
            'a Python float': [('cost = np.squeeze(cost)', 'cost = float(np.squeeze(cost))')],
        },
        typical='np.log(AL) in both terms',
    ),
    Exercise(
        'linear_backward',
        outputs=('dA_prev', 'dW', 'db'),
        example=[lambda: (tc.linear_backward_test_case(), {})],
        hidden=[lambda: ((*_arrays(7, (3, 5)), tuple(_arrays(8, (4, 5), (3, 4), (3, 1)))), {})],
        mistakes=[
            Mistake('db without 1/m', [('db = 1 / m * np.sum(dZ, axis=1, keepdims=True)', 'db = np.sum(dZ, axis=1, keepdims=True)')],
                    en='db is missing its 1/m: db = (1/m) Σ dZ, summed over the examples (axis=1).',
                    pt='Falta o 1/m em db: db = (1/m) Σ dZ, somado sobre os exemplos (axis=1).'),
            Mistake('db without keepdims (shape (n,))', [('np.sum(dZ, axis=1, keepdims=True)', 'np.sum(dZ, axis=1)')],
                    en='db has shape (n,); it must be a column like b: sum with keepdims=True.',
                    pt='db tem formato (n,); deve ser uma coluna como b: some com keepdims=True.'),
            Mistake('dW without 1/m', [('dW = 1 / m * np.dot(dZ, A_prev.T)', 'dW = np.dot(dZ, A_prev.T)')],
                    en='dW is missing its 1/m: dW = (1/m) dZ · A_prevᵀ.',
                    pt='Falta o 1/m em dW: dW = (1/m) dZ · A_prevᵀ.'),
            Mistake('dA_prev divided by m', [('dA_prev = np.dot(W.T, dZ)', 'dA_prev = 1 / m * np.dot(W.T, dZ)')],
                    en='dA_prev must not be divided by m (the 1/m belongs to dW and db only): dA_prev = Wᵀ · dZ.',
                    pt='dA_prev não deve ser dividido por m (o 1/m fica só em dW e db): dA_prev = Wᵀ · dZ.'),
            Mistake('db summed over axis 0', [('np.sum(dZ, axis=1, keepdims=True)', 'np.sum(dZ, axis=0, keepdims=True)')],
                    en='db sums dZ over the wrong axis: sum over the examples (axis=1), one value per unit, shape (n, 1).',
                    pt='db soma dZ no eixo errado: some sobre os exemplos (axis=1), um valor por unidade, formato (n, 1).'),
            Mistake('dW transposed (A_prev . dZ.T)', [('np.dot(dZ, A_prev.T)', 'np.dot(A_prev, dZ.T)')],
                    en='dW is transposed: dW = (1/m) dZ · A_prevᵀ has the shape of W.',
                    pt='dW está transposto: dW = (1/m) dZ · A_prevᵀ tem o formato de W.'),
            Mistake('db divided by m twice (1/m and np.mean)', [('1 / m * np.sum(dZ, axis=1, keepdims=True)', '1 / m * np.mean(dZ, axis=1, keepdims=True)')],
                    en='db is divided by m twice (1/m and np.mean): db = (1/m) Σ dZ, with one or the other.',
                    pt='db é dividido por m duas vezes (1/m e np.mean): db = (1/m) Σ dZ, com um ou com o outro.'),
        ],
        variants={
            '@ and / m': [('dW = 1 / m * np.dot(dZ, A_prev.T)', 'dW = dZ @ A_prev.T / m'), ('dA_prev = np.dot(W.T, dZ)', 'dA_prev = W.T @ dZ')],
            'np.mean for db': [('db = 1 / m * np.sum(dZ, axis=1, keepdims=True)', 'db = np.mean(dZ, axis=1, keepdims=True)')],
            'reshape instead of keepdims': [('np.sum(dZ, axis=1, keepdims=True)', 'np.sum(dZ, axis=1).reshape(-1, 1)')],
        },
    ),
    Exercise(
        'linear_activation_backward',
        outputs=('dA_prev', 'dW', 'db'),
        example=[lambda: (tc.linear_activation_backward_test_case() + ("sigmoid",), {}),
                                       lambda: (tc.linear_activation_backward_test_case() + ("relu",), {})],
        hidden=[lambda a=a: ((*_arrays(9, (3, 5)), (tuple(_arrays(10, (4, 5), (3, 4), (3, 1))),
                                                                           *_arrays(11, (3, 5)))) + (a,), {})
                                       for a in ("sigmoid", "relu")],
        mistakes=[
            Mistake('relu_backward and sigmoid_backward swapped', [('dZ = relu_backward(dA, activation_cache)', 'dZ = sigmoid_backward(dA, activation_cache) '), ('dZ = sigmoid_backward(dA, activation_cache)\n', 'dZ = relu_backward(dA, activation_cache)\n')],
                    en='The derivatives are swapped: the relu branch must use relu_backward, and the sigmoid branch sigmoid_backward.',
                    pt='As derivadas estão trocadas: o ramo relu deve usar relu_backward, e o ramo sigmoid, sigmoid_backward.'),
            Mistake('dA passed to linear_backward instead of dZ', [('relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ,', 'relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dA,'), ('sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ,', 'sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dA,')],
                    en='linear_backward receives dA; it must receive dZ, the output of relu_backward or sigmoid_backward.',
                    pt='linear_backward recebe dA; ele deve receber dZ, a saída de relu_backward ou de sigmoid_backward.'),
            Mistake('the two caches swapped', [('relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)', 'relu_backward(dA, linear_cache)\n        dA_prev, dW, db = linear_backward(dZ, activation_cache)'), ('sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)', 'sigmoid_backward(dA, linear_cache)\n        dA_prev, dW, db = linear_backward(dZ, activation_cache)')],
                    en='The two caches are swapped: relu_backward and sigmoid_backward must take activation_cache, and linear_backward linear_cache.',
                    pt='Os dois caches estão trocados: relu_backward e sigmoid_backward devem receber activation_cache, e linear_backward, linear_cache.'),
            Mistake('sigmoid derivative without (1 - s)', [('dZ = sigmoid_backward(dA, activation_cache)', 'dZ = dA * sigmoid(activation_cache)[0]')],
                    en="The sigmoid's derivative is missing its (1 - s): dZ = dA * s * (1 - s), element by element, with s = σ(Z).",
                    pt='Falta o (1 - s) na derivada da sigmoide: dZ = dA * s * (1 - s), elemento a elemento, com s = σ(Z).'),
            Mistake('sigmoid_backward in the relu branch', [('dZ = relu_backward(dA, activation_cache)', 'dZ = sigmoid_backward(dA, activation_cache)')],
                    en='The relu branch uses sigmoid_backward; the dZ of a RELU layer comes from relu_backward.',
                    pt='O ramo relu usa sigmoid_backward; o dZ de uma camada RELU vem de relu_backward.'),
            Mistake('relu_backward in the sigmoid branch', [('dZ = sigmoid_backward(dA, activation_cache)', 'dZ = relu_backward(dA, activation_cache)')],
                    en='The sigmoid branch uses relu_backward; the dZ of a SIGMOID layer comes from sigmoid_backward.',
                    pt='O ramo sigmoid usa relu_backward; o dZ de uma camada SIGMOID vem de sigmoid_backward.'),
            Mistake('relu derivative without dA', [('dZ = relu_backward(dA, activation_cache)', 'dZ = np.int64(activation_cache > 0)')],
                    en="dZ is only the RELU's derivative g'(Z); the chain rule multiplies it by dA, element by element: dZ = dA * g'(Z).",
                    pt="dZ é só a derivada da RELU, g'(Z); a regra da cadeia a multiplica por dA, elemento a elemento: dZ = dA * g'(Z)."),
        ],
        variants={
            'relu derivative with np.where': [('dZ = relu_backward(dA, activation_cache)', 'dZ = np.where(activation_cache > 0, dA, 0)')],
            'sigmoid derivative by hand': [('dZ = sigmoid_backward(dA, activation_cache)', 's = 1 / (1 + np.exp(-activation_cache))\n        dZ = dA * s * (1 - s)')],
            'keyword arguments': [('relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)', 'relu_backward(dA=dA, cache=activation_cache)\n        dA_prev, dW, db = linear_backward(dZ=dZ, cache=linear_cache)'), ('sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)', 'sigmoid_backward(dA=dA, cache=activation_cache)\n        dA_prev, dW, db = linear_backward(dZ=dZ, cache=linear_cache)')],
        },
    ),
    Exercise(
        'L_model_backward',
        outputs=('grads',),
        example=[lambda: (tc.L_model_backward_test_case(), {})],
        hidden=[lambda: _backward_case(12, [5, 6, 4, 3, 1], 7), lambda: _backward_case(16, [3, 3, 3, 3], 6)],
        mistakes=[
            Mistake('wrong sign of dAL', [('dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))', 'dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)')],
                    en='dAL has the wrong sign: dAL = -(Y/AL - (1 - Y)/(1 - AL)).',
                    pt='dAL tem o sinal errado: dAL = -(Y/AL - (1 - Y)/(1 - AL)).'),
            Mistake('sigmoid and relu swapped', [('activation="sigmoid")', 'activation="relu") '), ('activation="relu")\n', 'activation="sigmoid")\n')],
                    en='The activations are swapped: the output layer is a SIGMOID layer and the hidden layers are RELU layers.',
                    pt='As ativações estão trocadas: a camada de saída é SIGMOID e as camadas ocultas são RELU.'),
            Mistake('cache of the wrong layer in the loop', [('current_cache = caches[l]\n', 'current_cache = caches[l + 1]\n')],
                    en='The loop takes the cache of the wrong layer: the cache of layer l + 1 is caches[l], the list starts at 0.',
                    pt='O laço pega o cache da camada errada: o cache da camada l + 1 é caches[l], a lista começa em 0.'),
            Mistake('dA keys shifted by one (dA{l} stored as the gradient of A[l-1])', [('grads["dA" + str(L - 1)], grads["dW" + str(L)]', 'grads["dA" + str(L)], grads["dW" + str(L)]'), ('linear_activation_backward(grads["dA" + str(l + 1)]', 'linear_activation_backward(grads["dA" + str(l + 2)]'), ('grads["dA" + str(l)] = dA_prev_temp', 'grads["dA" + str(l + 1)] = dA_prev_temp')],
                    en="The dA keys are shifted by one: grads['dA' + str(l)] must hold the gradient of the activation of layer l, so the step of layer L gives dA{L-1}.",
                    pt="As chaves dA estão deslocadas em uma posição: grads['dA' + str(l)] deve guardar o gradiente da ativação da camada l, e o passo da camada L dá dA{L-1}."),
            Mistake('relu in the output layer', [('activation="sigmoid")', 'activation="relu")')],
                    en="The output layer goes back through relu; it is a SIGMOID layer: activation='sigmoid'.",
                    pt="Na retropropagação, a camada de saída usa relu; ela é uma camada SIGMOID: activation='sigmoid'."),
            Mistake('sigmoid in the hidden layers', [('activation="relu")', 'activation="sigmoid")')],
                    en="The hidden layers go back through sigmoid; they are RELU layers: activation='relu'.",
                    pt="Na retropropagação, as camadas ocultas usam sigmoid; elas são camadas RELU: activation='relu'."),
            Mistake("dW and db stored under layer l's key (dW0, db0, ...)", [('grads["dW" + str(l + 1)] = dW_temp', 'grads["dW" + str(l)] = dW_temp'), ('grads["db" + str(l + 1)] = db_temp', 'grads["db" + str(l)] = db_temp')],
                    en='dW and db are stored under the wrong layer number: in the loop they belong to layer l + 1.',
                    pt='dW e db foram guardados com o número de camada errado: no laço, eles são da camada l + 1.'),
        ],
        variants={
            'f-strings for the keys': [('grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)]', 'grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"]'), ('grads["dA" + str(l + 1)]', 'grads[f"dA{l + 1}"]'), ('grads["dA" + str(l)] =', 'grads[f"dA{l}"] ='), ('grads["dW" + str(l + 1)] =', 'grads[f"dW{l + 1}"] ='), ('grads["db" + str(l + 1)] =', 'grads[f"db{l + 1}"] =')],
            'plain division for dAL and range(L - 2, -1, -1)': [('dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))', 'dAL = -Y / AL + (1 - Y) / (1 - AL)'), ('for l in reversed(range(L - 1)):', 'for l in range(L - 2, -1, -1):')],
            'unpacked straight into grads': [('dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, activation="relu")\n        grads["dA" + str(l)] = dA_prev_temp\n        grads["dW" + str(l + 1)] = dW_temp\n        grads["db" + str(l + 1)] = db_temp', 'grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(\n            grads["dA" + str(l + 1)], current_cache, "relu")')],
        },
        typical='wrong sign of dAL',
    ),
    Exercise(
        'update_parameters',
        outputs=('parameters',),
        example=[lambda: (tc.update_parameters_test_case() + (0.1,), {})],
        hidden=[lambda: _update_case(13, [4, 5, 3, 1])],
        mistakes=[
            Mistake('updating with +', [('- learning_rate * grads["dW"', '+ learning_rate * grads["dW"'), ('- learning_rate * grads["db"', '+ learning_rate * grads["db"')],
                    en='Gradient descent subtracts: W = W - α·dW and b = b - α·db.',
                    pt='A descida de gradiente subtrai: W = W - α·dW e b = b - α·db.'),
            Mistake('biases skipped', [('\n        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]', '')],
                    en='The biases are not updated: b = b - α·db as well.',
                    pt='Os vieses não são atualizados: também b = b - α·db.'),
            Mistake('off-by-one layer loop (layer 1 skipped)', [('for l in range(L):', 'for l in range(1, L):')],
                    en='The loop skips layer 1: every layer, from 1 to L, must be updated.',
                    pt='O laço pula a camada 1: todas as camadas, de 1 a L, devem ser atualizadas.'),
            Mistake('learning rate forgotten', [('- learning_rate * grads["dW"', '- grads["dW"'), ('- learning_rate * grads["db"', '- grads["db"')],
                    en='The learning rate is missing: W = W - α·dW and b = b - α·db.',
                    pt='Falta a taxa de aprendizado: W = W - α·dW e b = b - α·db.'),
            Mistake('biases updated with dW', [('learning_rate * grads["db" + str(l + 1)]', 'learning_rate * grads["dW" + str(l + 1)]')],
                    en='The biases are updated with dW; each parameter must use its own gradient: b = b - α·db.',
                    pt='Os vieses são atualizados com dW; cada parâmetro deve usar o seu próprio gradiente: b = b - α·db.'),
            Mistake('new values in local variables (parameters unchanged)', [('parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate', 'W = parameters["W" + str(l + 1)] - learning_rate'), ('parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate', 'b = parameters["b" + str(l + 1)] - learning_rate')],
                    en='The new values go into local variables, so parameters is returned unchanged: store them in the dict parameters.',
                    pt='Os novos valores ficam em variáveis locais, e parameters volta sem mudança: guarde-os no dicionário parameters.'),
        ],
        variants={
            'in place with -= (the dict given is changed)': [('parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] -', 'parameters["W" + str(l + 1)] -='), ('parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] -', 'parameters["b" + str(l + 1)] -=')],
            'f-strings and range(1, L + 1)': [('for l in range(L):', 'for l in range(1, L + 1):'), ('parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]', 'parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]'), ('parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]', 'parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]')],
            'a new dict (the dict given is left unchanged)': [('for l in range(L):\n        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]\n        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]', 'parameters = {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}')],
        },
    ),
]

# An edit that makes the first graded function loop forever (the timeout tests).
INFINITE_LOOP = ('np.random.seed(1)\n', 'np.random.seed(1)\n    while True:\n        pass\n')
