"""Referee inputs for Initialization: the notebook's layer sizes, and other networks for the hidden cells."""
FUNCTIONS = ["initialize_parameters_zeros", "initialize_parameters_random", "initialize_parameters_he"]
EXAMPLES = {"initialize_parameters_zeros": [3, 2, 1], "initialize_parameters_random": [3, 2, 1],
            "initialize_parameters_he": [2, 4, 1]}


def cases(function):
    example = EXAMPLES[function]
    return [("example", lambda: ((list(example),), {})),
            ("example", lambda: (([example[0] + 1, example[1] + 2, 1],), {})),
            ("hidden", lambda: (([5, 7, 4, 1],), {})),
            ("hidden", lambda: (([2, 10, 5, 1],), {}))]
