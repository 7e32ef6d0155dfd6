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


# The two grading paths: kernels and check processes forked from the fork server (the fast path, where Landlock
# has ABI 6) or fresh jailed processes (the fallback, PACK_NO_FORK=1, read by nbgrader_config.py in every grading
# process). The suite grades on the machine's path; the tests that take the `grading_path` fixture grade once per
# path chosen here: both by default (tests/test_grading_paths.py, a hostile class and a correct one).
def pytest_addoption(parser):
    parser.addoption("--grading-path", choices=("fork", "fresh", "both"), default="both",
                     help="grading path of the tests that take the grading_path fixture: the fork server's (fork), "
                          "fresh jailed processes (fresh, PACK_NO_FORK=1) or each in turn (both, the default)")


def pytest_generate_tests(metafunc):
    if "grading_path" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("grading_path")
        metafunc.parametrize("grading_path", ("fork", "fresh") if chosen == "both" else (chosen,), indirect=True,
                             scope="module")


@pytest.fixture(scope="module")
def grading_path(request):
    """The grading path, "fork" or "fresh": PACK_NO_FORK is set accordingly while the module's tests of that path run.

    The fork path is skipped where the fork server cannot run (no Landlock ABI 6): grading there is the fresh path.
    """
    from tools.grading import landlock
    from tools.grading.template import forking_available
    if request.param == "fork" and not forking_available():
        pytest.skip(f"no fast path here (Landlock ABI {landlock.abi()} < {landlock.MINIMUM_ABI}): grading starts "
                    "fresh jailed processes, tested as the fresh path")
    previous = os.environ.get("PACK_NO_FORK")
    os.environ["PACK_NO_FORK"] = "1" if request.param == "fresh" else "0"
    yield request.param
    if previous is None:
        os.environ.pop("PACK_NO_FORK", None)
    else:
        os.environ["PACK_NO_FORK"] = previous


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A temporary course: this repository's config and source, released by real nbgrader.

    The release writes the gradebook (``gradebook.db``) that autograding needs.
    """
    path = nbgrader_run.make_course(tmp_path_factory.mktemp("course"), with_release=False)
    nbgrader_run.release(path)
    return path
