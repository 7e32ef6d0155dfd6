"""The graded functions of Initialization, one :class:`~tools.exercise.Exercise` each: cases (the notebook's
layer sizes, and other networks for the hidden cells), mistakes, variants."""
from tools.exercise import Exercise, Mistake


def examples(layers):
    """The notebook's layer sizes, and a network of the same depth with other sizes."""
    return [lambda: ((list(layers),), {}), lambda: (([layers[0] + 1, layers[1] + 2, 1],), {})]


HIDDEN = [lambda: (([5, 7, 4, 1],), {}), lambda: (([2, 10, 5, 1],), {})]

_LAST_LAYER = {"en": 'The loop stops one layer early, so the last layer has no W and b: loop over l = 1, ..., L.',
               "pt": 'O laço termina uma camada antes, e a última camada fica sem W e b: percorra l = 1, ..., L.'}
_ROW_BIAS = {"en": 'b{l} has shape (1, n); it must be a column of shape (layers_dims[l], 1).',
             "pt": 'b{l} tem formato (1, n); deve ser uma coluna de formato (layers_dims[l], 1).'}
_RANDOM_BIASES = {"en": 'The biases are random; they must start at zero (only the weights are random).',
                  "pt": 'Os vieses são aleatórios; eles devem começar em zero (só os pesos são aleatórios).'}

EXERCISES = [
    Exercise(
        'initialize_parameters_zeros',
        outputs=('parameters',),
        example=examples([3, 2, 1]),
        hidden=HIDDEN,
        mistakes=[
            Mistake('bias of shape (1, n)', [('np.zeros((layers_dims[l], 1))', 'np.zeros((1, layers_dims[l]))')], **_ROW_BIAS),
            Mistake('transposed W', [('np.zeros((layers_dims[l], layers_dims[l - 1]))', 'np.zeros((layers_dims[l - 1], layers_dims[l]))')],
                    en='W{l} is transposed: its shape must be (layers_dims[l], layers_dims[l - 1]).',
                    pt='W{l} está transposta: o formato dela deve ser (layers_dims[l], layers_dims[l - 1]).'),
            Mistake('1-D bias np.zeros(layers_dims[l])', [('np.zeros((layers_dims[l], 1))', 'np.zeros(layers_dims[l])')],
                    en='b{l} is a 1-D array; it must be a column of shape (layers_dims[l], 1).',
                    pt='b{l} é um array 1-D; deve ser uma coluna de formato (layers_dims[l], 1).'),
            Mistake('integer zeros', [('np.zeros((layers_dims[l], layers_dims[l - 1]))', 'np.zeros((layers_dims[l], layers_dims[l - 1]), dtype=int)'), ('np.zeros((layers_dims[l], 1))', 'np.zeros((layers_dims[l], 1), dtype=int)')],
                    en="The arrays hold integers; the parameters must be float arrays, np.zeros' default dtype.",
                    pt='Os arrays são de inteiros; os parâmetros devem ser arrays de floats, o dtype padrão de np.zeros.'),
            Mistake('np.empty instead of np.zeros', [('np.zeros((layers_dims[l], layers_dims[l - 1]))', 'np.empty((layers_dims[l], layers_dims[l - 1]))')],
                    en='np.empty does not fill the array with zeros (its values are whatever was in memory): use np.zeros.',
                    pt='np.empty não preenche o array com zeros (os valores são o que havia na memória): use np.zeros.'),
            Mistake('returns only the weights', [('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', 'pass')],
                    en='The biases are missing: besides W{l}, each layer needs b{l}, zeros of shape (layers_dims[l], 1).',
                    pt='Faltam os vieses: além de W{l}, cada camada precisa de b{l}, zeros de formato (layers_dims[l], 1).'),
            Mistake('one layer too many (W0, b0)', [('for l in range(1, L + 1):', 'for l in range(0, L + 1):')],
                    en='The loop starts at layer 0 and adds W0 and b0; layer 0 is the input and has no parameters: start at l = 1.',
                    pt='O laço começa na camada 0 e cria W0 e b0; a camada 0 é a entrada e não tem parâmetros: comece em l = 1.'),
            Mistake('last layer forgotten', [('for l in range(1, L + 1):', 'for l in range(1, L):')], **_LAST_LAYER),
            Mistake("biases of the weights' shape", [('np.zeros((layers_dims[l], 1))', 'np.zeros((layers_dims[l], layers_dims[l - 1]))')],
                    en='b{l} has the shape of W{l}; a bias is a column of shape (layers_dims[l], 1).',
                    pt='b{l} tem o formato de W{l}; um viés é uma coluna de formato (layers_dims[l], 1).'),
        ],
        variants={
            'lists as shapes': [('np.zeros((layers_dims[l], layers_dims[l - 1]))', 'np.zeros([layers_dims[l], layers_dims[l - 1]])'), ('np.zeros((layers_dims[l], 1))', 'np.zeros([layers_dims[l], 1])')],
            'f-string keys, zeros_like and an explicit float dtype': [('parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))', 'parameters[f"W{l}"] = np.zeros_like(np.empty((layers_dims[l], layers_dims[l - 1])))'), ('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', 'parameters[f"b{l}"] = np.zeros(shape=(layers_dims[l], 1), dtype=float)')],
            'a dict comprehension': [('parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))', 'pass'), ('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', 'pass'), ('    return parameters', "    return {key + str(l): np.zeros((layers_dims[l], layers_dims[l - 1] if key == 'W' else 1))\n            for l in range(1, L + 1) for key in ('W', 'b')}")],
            '0 * np.ones and update()': [('parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))', "parameters.update({'W' + str(l): 0.0 * np.ones((layers_dims[l], layers_dims[l - 1]))})"), ('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', "parameters.update({'b' + str(l): np.zeros((layers_dims[l], 1)) + 0})")],
        },
        typical='bias of shape (1, n)',
    ),
    Exercise(
        'initialize_parameters_random',
        outputs=('parameters',),
        example=examples([3, 2, 1]),
        hidden=HIDDEN,
        mistakes=[
            Mistake('x 0.01 instead of x 10', [('layers_dims[l - 1]) * 10', 'layers_dims[l - 1]) * 0.01')],
                    en='This initialization must use large weights: np.random.randn(...) * 10, not * 0.01.',
                    pt='Esta inicialização deve usar pesos grandes: np.random.randn(...) * 10, não * 0.01.'),
            Mistake('random biases', [('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', 'parameters["b" + str(l)] = np.random.randn(layers_dims[l], 1) * 10')], **_RANDOM_BIASES),
            Mistake('uniform np.random.rand', [('np.random.randn(', 'np.random.rand(')],
                    en='np.random.rand draws uniform values in [0, 1); the weights must be Gaussian: np.random.randn(...) * 10.',
                    pt='np.random.rand sorteia valores uniformes em [0, 1); os pesos devem ser gaussianos: np.random.randn(...) * 10.'),
            Mistake('bias of shape (1, n)', [('np.zeros((layers_dims[l], 1))', 'np.zeros((1, layers_dims[l]))')], **_ROW_BIAS),
            Mistake('transposed W', [('np.random.randn(layers_dims[l], layers_dims[l - 1])', 'np.random.randn(layers_dims[l - 1], layers_dims[l]).T')],
                    en='Drawing the transposed shape and transposing it gives other random values: draw W{l} directly with shape (layers_dims[l], layers_dims[l - 1]).',
                    pt='Sortear o formato transposto e transpor o resultado dá outros valores aleatórios: sorteie W{l} direto com formato (layers_dims[l], layers_dims[l - 1]).'),
            Mistake('last layer forgotten', [('for l in range(1, L + 1):', 'for l in range(1, L):')], **_LAST_LAYER),
            Mistake('np.random.normal(10, 1): mean 10 instead of scale 10', [('np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10', 'np.random.normal(10, 1, (layers_dims[l], layers_dims[l - 1]))')],
                    en='np.random.normal(10, 1, ...) has mean 10 and standard deviation 1; the weights must have mean 0 and standard deviation 10: np.random.randn(...) * 10.',
                    pt='np.random.normal(10, 1, ...) tem média 10 e desvio padrão 1; os pesos devem ter média 0 e desvio padrão 10: np.random.randn(...) * 10.'),
            Mistake('x 10 inside the shape', [('np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10', 'np.random.randn(layers_dims[l], layers_dims[l - 1] * 10)')],
                    en='The * 10 is inside the parentheses, so it multiplies a dimension: multiply the random matrix by 10.',
                    pt='O * 10 ficou dentro dos parênteses e multiplica uma dimensão: multiplique a matriz aleatória por 10.'),
        ],
        variants={
            '10 * randn': [('np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10', '10 * np.random.randn(layers_dims[l], layers_dims[l - 1])')],
            'np.random.normal with scale 10': [('np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10', 'np.random.normal(0, 10, (layers_dims[l], layers_dims[l - 1]))')],
            'standard_normal, f-string keys and a list shape': [('parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10', 'parameters[f"W{l}"] = np.random.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10.0'), ('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', 'parameters[f"b{l}"] = np.zeros([layers_dims[l], 1])')],
        },
    ),
    Exercise(
        'initialize_parameters_he',
        outputs=('parameters',),
        example=examples([2, 4, 1]),
        hidden=HIDDEN,
        mistakes=[
            Mistake('Xavier sqrt(1/n) instead of He', [('np.sqrt(2 / layers_dims[l - 1])', 'np.sqrt(1 / layers_dims[l - 1])')],
                    en="sqrt(1/n) is Xavier's scale; He initialization uses sqrt(2 / layers_dims[l - 1]).",
                    pt='sqrt(1/n) é a escala de Xavier; a inicialização de He usa sqrt(2 / layers_dims[l - 1]).'),
            Mistake("scaled by the current layer's size", [('np.sqrt(2 / layers_dims[l - 1])', 'np.sqrt(2 / layers_dims[l])')],
                    en='The He factor uses the size of the previous layer: sqrt(2 / layers_dims[l - 1]), not layers_dims[l].',
                    pt='O fator de He usa o tamanho da camada anterior: sqrt(2 / layers_dims[l - 1]), não layers_dims[l].'),
            Mistake('forgets the sqrt', [('np.sqrt(2 / layers_dims[l - 1])', '(2 / layers_dims[l - 1])')],
                    en='The square root is missing: the factor is sqrt(2 / layers_dims[l - 1]).',
                    pt='Falta a raiz quadrada: o fator é sqrt(2 / layers_dims[l - 1]).'),
            Mistake('random biases', [('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', 'parameters["b" + str(l)] = np.random.randn(layers_dims[l], 1) * np.sqrt(2 / layers_dims[l - 1])')], **_RANDOM_BIASES),
            Mistake('bias of shape (1, n)', [('np.zeros((layers_dims[l], 1))', 'np.zeros((1, layers_dims[l]))')], **_ROW_BIAS),
            Mistake('divides by the He factor', [('* np.sqrt(2 / layers_dims[l - 1])', '/ np.sqrt(2 / layers_dims[l - 1])')],
                    en='The weights are divided by the He factor; multiply them: np.random.randn(...) * sqrt(2 / layers_dims[l - 1]).',
                    pt='Os pesos foram divididos pelo fator de He; multiplique-os: np.random.randn(...) * sqrt(2 / layers_dims[l - 1]).'),
            Mistake('sqrt(2) / n', [('np.sqrt(2 / layers_dims[l - 1])', 'np.sqrt(2) / layers_dims[l - 1]')],
                    en='Only the 2 is under the square root; the factor is the root of the whole quotient, sqrt(2 / layers_dims[l - 1]).',
                    pt='Só o 2 está dentro da raiz; o fator é a raiz do quociente inteiro, sqrt(2 / layers_dims[l - 1]).'),
            Mistake('sqrt(2 * n) instead of sqrt(2 / n)', [('np.sqrt(2 / layers_dims[l - 1])', 'np.sqrt(2 * layers_dims[l - 1])')],
                    en='The layer size multiplies instead of dividing: the factor is sqrt(2 / layers_dims[l - 1]).',
                    pt='O tamanho da camada multiplica em vez de dividir: o fator é sqrt(2 / layers_dims[l - 1]).'),
            Mistake('last layer forgotten', [('for l in range(1, L + 1):', 'for l in range(1, L):')], **_LAST_LAYER),
        ],
        variants={
            'sqrt(2) / sqrt(n)': [('np.sqrt(2 / layers_dims[l - 1])', 'np.sqrt(2) / np.sqrt(layers_dims[l - 1])')],
            'np.random.normal with the He scale': [('parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])', 'parameters["W" + str(l)] = np.random.normal(0, np.sqrt(2 / layers_dims[l - 1]), (layers_dims[l], layers_dims[l - 1]))')],
            'math.sqrt in a variable, float64 biases': [('parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])', 'import math\n        scale = math.sqrt(2.0 / layers_dims[l - 1])\n        parameters["W" + str(l)] = scale * np.random.randn(layers_dims[l], layers_dims[l - 1])'), ('parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))', 'parameters["b" + str(l)] = np.zeros((layers_dims[l], 1), dtype=np.float64)')],
        },
        typical='Xavier sqrt(1/n) instead of He',
    ),
]

# An edit that makes the first graded function loop forever (the timeout tests).
INFINITE_LOOP = ('L = len(layers_dims) - 1', 'L = len(layers_dims) - 1\n    while True:\n        pass')
