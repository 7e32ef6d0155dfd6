"""Regularization: grading correctness through real nbgrader (see grading_suite.py)."""
from grading_suite import *  # noqa: F401,F403

ASSIGNMENT = "regularization"
LOOP_TEST = True  # the per-cell timeout is a course setting: tested here, once
