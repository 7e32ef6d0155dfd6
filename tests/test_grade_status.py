"""The per-student status names what went wrong while grading, and where."""
from nbformat.v4 import new_code_cell, new_notebook, new_output

from tools.grading.classroom import incidents_in, locate_notebook


def test_incidents_name_the_cell():
    looping, dead, plain = new_code_cell("f()"), new_code_cell("g()"), new_code_cell("x = 1")
    looping.metadata["nbgrader"] = {"grade_id": "f_hidden"}
    looping.outputs = [new_output("error", ename="CellTimeoutError", evalue="", traceback=[])]
    dead.outputs = [new_output("error", ename="KernelDied", evalue="", traceback=[])]
    plain.outputs = [new_output("error", ename="NameError", evalue="x", traceback=[])]
    assert incidents_in(new_notebook(cells=[looping, dead, plain])) == ["timeout in f_hidden", "kernel died in cell 1"]


def test_locate_notebook_reports_renamed_extra_and_missing(tmp_path):
    (tmp_path / "a.ipynb").write_text("{}")
    assert locate_notebook(tmp_path, "hw.ipynb") == (tmp_path / "a.ipynb", "a.ipynb graded as hw.ipynb")
    (tmp_path / "hw.ipynb").write_text("{}")
    assert locate_notebook(tmp_path, "hw.ipynb") == (tmp_path / "hw.ipynb", "extra notebooks ignored: a.ipynb")
    (tmp_path / "hw.ipynb").unlink()
    (tmp_path / "b.ipynb").write_text("{}")
    assert locate_notebook(tmp_path, "hw.ipynb") == (None, "no hw.ipynb in the submission; found a.ipynb, b.ipynb")
