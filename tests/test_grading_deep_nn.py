"""Building a deep neural network, step by step: grading correctness through real nbgrader (see grading_suite.py)."""
from grading_suite import *  # noqa: F401,F403

ASSIGNMENT = "deep_nn"
