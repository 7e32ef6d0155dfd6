"""The per-student status names what went wrong while grading, and where."""
from nbformat.v4 import new_code_cell, new_notebook, new_output

from tools.grading.classroom import locate_notebook
from tools.grading.worker import incidents_in


def test_incidents_name_the_cell_as_the_grader_recorded_it():
    """Kernel deaths, time-outs and overruled cells come from the grader's records, in order, each once."""
    checked = new_code_cell("f()")
    checked.metadata["nbgrader"] = {"grade_id": "f_example"}
    checked.metadata["pack"] = {"points": 0, "overruled": True}
    nb = new_notebook(cells=[checked])
    nb.metadata["pack"] = {"jailed": True, "incidents": [["CellTimeoutError", "f_hidden"], ["KernelDied", "cell 1"],
                                                         ["KernelDied", "cell 1"]]}
    assert incidents_in(nb) == ["timeout in f_hidden", "kernel died in cell 1", "referee overruled f_example"]


def test_outputs_written_by_student_code_name_no_incident():
    """An error output that student code displays (any ename) is not an incident: the status is the grader's."""
    forged = new_code_cell("x = 1")
    forged.outputs = [new_output("error", ename=name, evalue="", traceback=[])
                      for name in ("CellTimeoutError", "KernelDied", "FailedCheck", "NotebookTimeBudget")]
    nb = new_notebook(cells=[forged])
    nb.metadata["pack"] = {"jailed": True, "incidents": []}
    assert incidents_in(nb) == []


def test_grading_without_a_jail_is_said():
    nb = new_notebook(cells=[])
    nb.metadata["pack"] = {"jailed": False, "incidents": []}
    assert incidents_in(nb) == ["graded without a jail"]


def test_locate_notebook_reports_renamed_extra_and_missing(tmp_path):
    (tmp_path / "a.ipynb").write_text("{}")
    assert locate_notebook(tmp_path, "hw.ipynb") == (tmp_path / "a.ipynb", "a.ipynb graded as hw.ipynb")
    (tmp_path / "hw.ipynb").write_text("{}")
    assert locate_notebook(tmp_path, "hw.ipynb") == (tmp_path / "hw.ipynb", "extra notebooks ignored: a.ipynb")
    (tmp_path / "hw.ipynb").unlink()
    (tmp_path / "b.ipynb").write_text("{}")
    assert locate_notebook(tmp_path, "hw.ipynb") == (None, "no hw.ipynb in the submission; found a.ipynb, b.ipynb")


def test_grade_command_without_bubblewrap_stops_with_the_cause_and_the_fix(tmp_path):
    """`python -m tools grade` where bubblewrap is missing: exit 2, a message naming the fix, nothing graded."""
    import subprocess
    import sys

    from tools.course import ROOT
    done = subprocess.run([sys.executable, "-m", "tools", "grade"], cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": str(tmp_path), "HOME": str(tmp_path)})
    assert done.returncode == 2, done.stderr
    assert "bubblewrap" in done.stderr and "--no-jail" in done.stderr
