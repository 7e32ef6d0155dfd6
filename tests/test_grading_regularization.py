"""Regularization: grading correctness through real nbgrader (see grading_suite.py)."""
from grading_suite import *  # noqa: F401,F403

ASSIGNMENT = "regularization"
LOOP_TEST = True  # the per-cell timeout is a course setting: tested here, once


def test_autograde_cuts_training_and_plots(graded, english):  # noqa: F811 - fixtures from grading_suite
    """Under nbgrader the three trainings run a few iterations and their plots are skipped (NBGRADER_EXECUTION)."""
    from tools import notebooks
    assignment = graded.assignment
    nb = notebooks.read(graded.course / "autograded" / "solution" / assignment.folder("en") / assignment.notebook)
    trainings = [c for c in nb.cells if c.cell_type == "code" and "= model(train_X, train_Y" in c.source]
    plots = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("show_training(")]
    assert len(trainings) == len(plots) == 3
    for cell in trainings:
        text = "".join(o.get("text", "") for o in cell.outputs)
        assert "Cost after iteration 0" in text and "iteration 10000" not in text, text
    assert all(not cell.outputs for cell in plots)
