"""Gradient Checking: grading correctness through real nbgrader (see grading_suite.py)."""
from grading_suite import *  # noqa: F401,F403

ASSIGNMENT = "gradient_checking"
