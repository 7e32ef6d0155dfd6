"""Deterministic generator of the 2-D "football field" dataset of the Regularization assignment.

Story (as in the assignment): the French goalkeeper kicks the ball from his
goal; each point is where on the field the ball was headed next, labelled
1 (blue) if a French player got it and 0 (red) if an opponent did. The two
teams are separated by a gently curved diagonal front line, with the French
above it.

The training and test sets are drawn independently and carry *different*
noise, which is what makes overfitting visible:

* train: a fraction of the headers a little away from the front line
  (``TRAIN_FLIP_BAND``) are credited to the wrong team -- isolated wrong
  labels that a large unregularized network memorises by bending its boundary;
* test: only headers right on the line (``TEST_FLIP_BAND``) are scrambled.

Everything uses :func:`numpy.random.default_rng` and plain arithmetic (no
``libm`` calls), so the numbers are the same on every platform; the ``.mat``
file is written with a fixed header so its bytes are too. Regenerate the
shipped file with ``python -m tools.datasets`` from the repository root.
"""
import io
import os

import numpy as np
import scipy.io

SEED = 7  # chosen so the lesson holds with wide margins (see tests/test_dataset.py)
M_TRAIN, M_TEST = 211, 200
LOW = np.array([-0.6, -0.66])    # lower corner (x1, x2) of the field
HIGH = np.array([0.3, 0.58])     # upper corner (x1, x2) of the field
TRAIN_FLIP_BAND, TRAIN_FLIP_PROB = (0.06, 0.25), 0.2
TEST_FLIP_BAND, TEST_FLIP_PROB = (0.0, 0.04), 0.3
MAT_HEADER = b"MATLAB 5.0 MAT-file, written by tools/datasets.py (deterministic)".ljust(116)
DEFAULT_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "utils", "datasets", "data.mat")


def front_line(x1):
    """Height of the front line between the teams.

    Parameters
    ----------
    x1 : ndarray of shape (m,), first coordinates

    Returns
    -------
    x2 : ndarray of shape (m,), the cubic ``-0.07 + 0.43 u + 0.1 u^2 + 0.19 u^3``
        with ``u = (x1 + 0.15) / 0.45`` (so ``u`` spans [-1, 1] on the field)
    """
    u = (x1 + 0.15) / 0.45
    return -0.07 + 0.43 * u + 0.1 * u * u + 0.19 * u * u * u


def _sample(rng, m, flip_band, flip_prob):
    """Draw ``m`` points uniformly on the field and label them with noise.

    Parameters
    ----------
    rng : numpy.random.Generator
    m : int, number of points
    flip_band : (float, float), labels are flipped only for points whose
        vertical distance ``d`` to the front line satisfies ``lo <= |d| < hi``
    flip_prob : float, probability of a flip inside that band

    Returns
    -------
    X : ndarray of shape (m, 2)
    y : ndarray of shape (m, 1), float64 labels 0 or 1
    """
    X = rng.uniform(LOW, HIGH, (m, 2))
    d = X[:, 1] - front_line(X[:, 0])
    y = (d > 0).astype(np.float64)
    lo, hi = flip_band
    flip = (np.abs(d) >= lo) & (np.abs(d) < hi) & (rng.random(m) < flip_prob)
    y[flip] = 1.0 - y[flip]
    return X, y[:, None]


def make_field_dataset(seed=SEED):
    """Make the field dataset.

    Parameters
    ----------
    seed : int, seed of :func:`numpy.random.default_rng`

    Returns
    -------
    data : dict
        ``X`` (211, 2) and ``y`` (211, 1): training set;
        ``Xval`` (200, 2) and ``yval`` (200, 1): test set.
        Points lie in [-0.6, 0.3] x [-0.66, 0.58]; labels are float64 0/1.
    """
    rng = np.random.default_rng(seed)
    X, y = _sample(rng, M_TRAIN, TRAIN_FLIP_BAND, TRAIN_FLIP_PROB)
    Xval, yval = _sample(rng, M_TEST, TEST_FLIP_BAND, TEST_FLIP_PROB)
    return {"X": X, "y": y, "Xval": Xval, "yval": yval}


def field_dataset_bytes(seed=SEED):
    """The dataset as the bytes of a MATLAB 5 ``.mat`` file.

    :func:`scipy.io.savemat` stamps the platform and the time into the 116-byte
    text header; it is replaced by the fixed ``MAT_HEADER`` so that the bytes
    only depend on ``seed`` (float64 arrays, uncompressed, little-endian as on
    every platform the pack supports).

    Parameters
    ----------
    seed : int

    Returns
    -------
    content : bytes, readable by :func:`scipy.io.loadmat` (keys X, y, Xval, yval)
    """
    data = {k: np.ascontiguousarray(v, dtype=np.float64) for k, v in make_field_dataset(seed).items()}
    buffer = io.BytesIO()
    scipy.io.savemat(buffer, data, format="5", do_compression=False)
    content = buffer.getvalue()
    return MAT_HEADER + content[len(MAT_HEADER):]


def write_field_dataset(path=DEFAULT_PATH, seed=SEED):
    """Write the dataset to ``path`` (a ``.mat`` file), identical bytes on every run.

    Parameters
    ----------
    path : str, destination file; its folder must exist
    seed : int

    Returns
    -------
    path : str, the path written
    """
    with open(path, "wb") as f:
        f.write(field_dataset_bytes(seed))
    return path


def main():
    """Regenerate ``utils/datasets/data.mat`` and print a summary."""
    path = write_field_dataset()
    data = make_field_dataset()
    print(f"wrote {path}: {len(data['y'])} train points ({data['y'].mean():.1%} label 1), "
          f"{len(data['yval'])} test points ({data['yval'].mean():.1%} label 1), seed {SEED}")


if __name__ == "__main__":
    main()
