"""The Regularization field dataset: reproducible, well-formed, and it teaches the lesson."""
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import scipy.io

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "utils"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from reg_utils import DATASET_PATH, forward_propagation, load_2D_dataset  # noqa: E402
from tools import datasets  # noqa: E402

COMMITTED = ROOT / "utils" / "datasets" / "data.mat"
MODELS = {"none": {}, "l2": {"lambd": 0.7}, "dropout": {"keep_prob": 0.86}}


def test_file_is_regenerated_byte_for_byte(tmp_path):
    assert Path(DATASET_PATH) == COMMITTED
    written = datasets.write_field_dataset(str(tmp_path / "data.mat"))
    assert Path(written).read_bytes() == COMMITTED.read_bytes()


def test_file_layout():
    data = scipy.io.loadmat(COMMITTED)
    shapes = {k: v.shape for k, v in data.items() if not k.startswith("__")}
    assert shapes == {"X": (211, 2), "y": (211, 1), "Xval": (200, 2), "yval": (200, 1)}


def test_sizes_ranges_and_balance():
    train_X, train_Y, test_X, test_Y = load_2D_dataset()
    assert train_X.shape == (2, 211) and train_Y.shape == (1, 211)
    assert test_X.shape == (2, 200) and test_Y.shape == (1, 200)
    for X in (train_X, test_X):
        assert -0.6 <= X[0].min() and X[0].max() <= 0.3
        assert -0.66 <= X[1].min() and X[1].max() <= 0.58
    for Y in (train_Y, test_Y):
        assert set(np.unique(Y)) == {0.0, 1.0}
        assert 0.4 <= Y.mean() <= 0.6


def test_train_and_test_sets_carry_different_noise():
    """Train: wrong labels a little away from the front line; test: only right on it."""
    data = datasets.make_field_dataset()
    for X, y, (lo, hi), (fewest, most) in ((data["X"], data["y"], datasets.TRAIN_FLIP_BAND, (5, 25)),
                                           (data["Xval"], data["yval"], datasets.TEST_FLIP_BAND, (1, 15))):
        d = X[:, 1] - datasets.front_line(X[:, 0])
        flipped = (d > 0) != (y[:, 0] == 1)
        assert fewest <= flipped.sum() <= most
        assert np.all((lo <= np.abs(d[flipped])) & (np.abs(d[flipped]) < hi))


@pytest.fixture(scope="module")
def accuracies():
    """Train the reference model once per setting: ``{name: (train accuracy, test accuracy, seconds)}``."""
    from reference import regularization as reg

    train_X, train_Y, test_X, test_Y = load_2D_dataset()
    results = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reg, "GRADING", False, raising=False)  # full training even under nbgrader
        for name, kwargs in MODELS.items():
            start = time.perf_counter()
            parameters, _ = reg.model(train_X, train_Y, learning_rate=0.3, num_iterations=30000,
                                      print_cost=False, **kwargs)
            seconds = time.perf_counter() - start
            acc = [float(np.mean((forward_propagation(X, parameters)[0] > 0.5) == Y))
                   for X, Y in ((train_X, train_Y), (test_X, test_Y))]
            results[name] = (acc[0], acc[1], seconds)
    return results


def test_unregularized_model_overfits(accuracies):
    train, test, _ = accuracies["none"]
    assert train - test >= 0.03, accuracies


@pytest.mark.parametrize("name", ["l2", "dropout"])
def test_regularization_raises_test_accuracy(accuracies, name):
    assert accuracies[name][1] - accuracies["none"][1] >= 0.02, accuracies


def test_conclusions_tables_quote_the_accuracies_the_code_prints(accuracies):
    """The notebook's conclusions table (EN and PT) shows the three models' accuracies, rounded to 0.1 %."""
    import re

    from tools.bilingual import build_notebook, read_master
    from tools.course import ASSIGNMENTS

    assignment = ASSIGNMENTS["regularization"]
    expected = [f"{100 * accuracies[name][i]:.1f}" for name in MODELS for i in (0, 1)]
    for language in ("en", "pt"):
        nb = build_notebook(read_master(assignment.master), language)
        table = next(c.source for c in nb.cells if c.cell_type == "markdown" and "| ---" not in c.source
                     and "|---|---|---|" in c.source)
        quoted = [q.replace(",", ".") for q in re.findall(r"(\d+[.,]\d) %", table)]
        assert quoted == expected, (language, quoted, expected)
