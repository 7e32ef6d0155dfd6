"""Student submissions made from the release: correct, with realistic mistakes, blank or broken.

A submission starts from the release notebook, as a student does, and fills
each solution cell with the reference solution (from the source notebook),
optionally edited by text substitutions. The mistakes and the correct
variants below are what real students write; the grading tests prove that
each mistake loses points on its function only and each variant keeps full
marks, and the demo's sample class uses them too.
"""
import copy

from .bilingual import SOLUTION_DELIMITERS

# grade_id of a solution cell -> {label: [(old, new), ...]}, substitutions applied to its solution.
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


def solution_code(cell_source):
    """The source of a source-notebook solution cell, without nbgrader's solution delimiters."""
    return "\n".join(l for l in cell_source.split("\n") if l.strip() not in SOLUTION_DELIMITERS)


def apply_edits(code, edits):
    """Apply ``[(old, new), ...]`` to ``code``; each ``old`` must occur exactly once."""
    for old, new in edits:
        count = code.count(old)
        if count != 1:
            raise ValueError(f"{old!r} occurs {count} times in the solution; expected once")
        code = code.replace(old, new)
    return code


def fill(release_nb, source_nb, edits=None, blank=()):
    """A submission: the release notebook with its solution cells answered.

    Parameters
    ----------
    release_nb, source_nb : notebooks of the same assignment and language
    edits : dict grade_id -> [(old, new), ...], applied to that cell's solution
    blank : grade_ids of solution cells left as released (not answered)

    Returns
    -------
    notebook : a copy of ``release_nb``
    """
    edits = edits or {}
    solutions = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source_nb.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    submission = copy.deepcopy(release_nb)
    for cell in submission.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in solutions and grade_id not in blank:
            cell.source = apply_edits(solution_code(solutions[grade_id]), edits.get(grade_id, []))
    return submission
