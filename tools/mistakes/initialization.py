"""Realistic mistakes and correct variants of the Initialization assignment's graded functions.

``MISTAKES`` and ``VARIANTS``: grade_id of a solution cell -> {label: [(old, new), ...]},
text substitutions applied to the reference solution (each ``old`` occurs once).
``TYPICAL``: the mistakes of the sample class's "typical mistakes" student.
"""

_ZEROS_W = 'parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))'
_B = 'parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))'
_RANDOM_W = 'parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10'
_HE_W = 'parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])'

MISTAKES = {
    "initialize_parameters_zeros": {
        "bias of shape (1, n)": [("np.zeros((layers_dims[l], 1))", "np.zeros((1, layers_dims[l]))")],
        "transposed W": [("np.zeros((layers_dims[l], layers_dims[l - 1]))", "np.zeros((layers_dims[l - 1], layers_dims[l]))")],
        "1-D bias np.zeros(layers_dims[l])": [("np.zeros((layers_dims[l], 1))", "np.zeros(layers_dims[l])")],
        "integer zeros": [("np.zeros((layers_dims[l], layers_dims[l - 1]))", "np.zeros((layers_dims[l], layers_dims[l - 1]), dtype=int)"),
                          ("np.zeros((layers_dims[l], 1))", "np.zeros((layers_dims[l], 1), dtype=int)")],
        "np.empty instead of np.zeros": [("np.zeros((layers_dims[l], layers_dims[l - 1]))", "np.empty((layers_dims[l], layers_dims[l - 1]))")],
        "returns only the weights": [(_B, "pass")],
        "one layer too many (W0, b0)": [("for l in range(1, L + 1):", "for l in range(0, L + 1):")],
    },
    "initialize_parameters_random": {
        "x 0.01 instead of x 10": [("layers_dims[l - 1]) * 10", "layers_dims[l - 1]) * 0.01")],
        "random biases": [(_B, 'parameters["b" + str(l)] = np.random.randn(layers_dims[l], 1) * 10')],
        "uniform np.random.rand": [("np.random.randn(", "np.random.rand(")],
        "bias of shape (1, n)": [("np.zeros((layers_dims[l], 1))", "np.zeros((1, layers_dims[l]))")],
        "transposed W": [("np.random.randn(layers_dims[l], layers_dims[l - 1])", "np.random.randn(layers_dims[l - 1], layers_dims[l]).T")],
        "last layer forgotten": [("for l in range(1, L + 1):", "for l in range(1, L):")],
    },
    "initialize_parameters_he": {
        "Xavier sqrt(1/n) instead of He": [("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(1 / layers_dims[l - 1])")],
        "scaled by the current layer's size": [("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l])")],
        "forgets the sqrt": [("np.sqrt(2 / layers_dims[l - 1])", "(2 / layers_dims[l - 1])")],
        "random biases": [(_B, 'parameters["b" + str(l)] = np.random.randn(layers_dims[l], 1) * np.sqrt(2 / layers_dims[l - 1])')],
        "bias of shape (1, n)": [("np.zeros((layers_dims[l], 1))", "np.zeros((1, layers_dims[l]))")],
        "divides by the He factor": [("* np.sqrt(2 / layers_dims[l - 1])", "/ np.sqrt(2 / layers_dims[l - 1])")],
    },
}

# Correct solutions written differently: they must keep full marks.
VARIANTS = {
    "initialize_parameters_zeros": {
        "lists as shapes": [("np.zeros((layers_dims[l], layers_dims[l - 1]))", "np.zeros([layers_dims[l], layers_dims[l - 1]])"),
                            ("np.zeros((layers_dims[l], 1))", "np.zeros([layers_dims[l], 1])")],
        "f-string keys, zeros_like and an explicit float dtype": [
            (_ZEROS_W, 'parameters[f"W{l}"] = np.zeros_like(np.empty((layers_dims[l], layers_dims[l - 1])))'),
            (_B, 'parameters[f"b{l}"] = np.zeros(shape=(layers_dims[l], 1), dtype=float)')],
        "a dict comprehension": [
            (_ZEROS_W, "pass"), (_B, "pass"),
            ("    return parameters", "    return {key + str(l): np.zeros((layers_dims[l], layers_dims[l - 1] if key == 'W' else 1))\n"
                                     "            for l in range(1, L + 1) for key in ('W', 'b')}")],
        "0 * np.ones and update()": [
            (_ZEROS_W, "parameters.update({'W' + str(l): 0.0 * np.ones((layers_dims[l], layers_dims[l - 1]))})"),
            (_B, "parameters.update({'b' + str(l): np.zeros((layers_dims[l], 1)) + 0})")],
    },
    "initialize_parameters_random": {
        "10 * randn": [("np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10", "10 * np.random.randn(layers_dims[l], layers_dims[l - 1])")],
        "np.random.normal with scale 10": [("np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10",
                                            "np.random.normal(0, 10, (layers_dims[l], layers_dims[l - 1]))")],
        "standard_normal, f-string keys and a list shape": [
            (_RANDOM_W, 'parameters[f"W{l}"] = np.random.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10.0'),
            (_B, 'parameters[f"b{l}"] = np.zeros([layers_dims[l], 1])')],
    },
    "initialize_parameters_he": {
        "sqrt(2) / sqrt(n)": [("np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2) / np.sqrt(layers_dims[l - 1])")],
        "np.random.normal with the He scale": [(_HE_W, 'parameters["W" + str(l)] = np.random.normal(0, np.sqrt(2 / layers_dims[l - 1]), (layers_dims[l], layers_dims[l - 1]))')],
        "math.sqrt in a variable, float64 biases": [
            (_HE_W, "import math\n        scale = math.sqrt(2.0 / layers_dims[l - 1])\n"
                    '        parameters["W" + str(l)] = scale * np.random.randn(layers_dims[l], layers_dims[l - 1])'),
            (_B, 'parameters["b" + str(l)] = np.zeros((layers_dims[l], 1), dtype=np.float64)')],
    },
}

TYPICAL = {"initialize_parameters_zeros": "bias of shape (1, n)",
           "initialize_parameters_he": "Xavier sqrt(1/n) instead of He"}

# An edit that makes the first graded function loop forever (the timeout test).
INFINITE_LOOP = ("L = len(layers_dims) - 1", "L = len(layers_dims) - 1\n    while True:\n        pass")
