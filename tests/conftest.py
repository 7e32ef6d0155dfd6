"""Shared fixtures: import paths, the instructor's language, and one real nbgrader course per test session."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "utils", ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from tools import nbgrader_run  # noqa: E402

# The instructor's texts follow the locale (tools/instructor_texts.py); the suite reads them in English wherever it
# runs. The Portuguese ones are tested with an explicit language (tests/test_report_pt.py).
os.environ["LANG"] = "C.UTF-8"
for name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(name, None)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: end-to-end cases left out by `make test-fast`")


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A temporary course: this repository's config and source, released by real nbgrader.

    The release writes the gradebook (``gradebook.db``) that autograding needs.
    """
    path = nbgrader_run.make_course(tmp_path_factory.mktemp("course"), with_release=False)
    nbgrader_run.release(path)
    return path
