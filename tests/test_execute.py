"""tools/grading/execute.py: the jailed kernel, the notebook's time budget, and what the grader records.

JailedExecute runs here on small notebooks, without the rest of nbgrader's pipeline, in a course folder
of its own (a ``source/<assignment>/`` with one helper file).
"""
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config import Config

from tools.grading import messages
from tools.grading.execute import JailedExecute


@pytest.fixture
def course(tmp_path):
    source = tmp_path / "source" / "toy_en"
    source.mkdir(parents=True)
    (source / "helper.py").write_text("VALUE = 42\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("the answers", encoding="utf-8")
    return tmp_path


def run(course, cells, **settings):
    """Execute ``cells`` with JailedExecute; return (notebook, resources["pack"])."""
    config = Config()
    config.CourseDirectory.root = str(course)
    for key, value in settings.items():
        setattr(config.JailedExecute, key, value)
    nb = new_notebook(cells=[new_code_cell(source) for source in cells],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    resources = {"nbgrader": {"assignment": "toy_en", "notebook": "toy"}, "metadata": {"path": str(course)}}
    nb, resources = JailedExecute(config=config).preprocess(nb, resources)
    return nb, resources["pack"]  # a tools.grading.record.Pack


def text_of(cell):
    return "".join(o.get("text", "") + o.get("evalue", "") for o in cell.outputs)


def test_the_kernel_runs_jailed_with_the_trusted_helpers(course):
    nb, pack = run(course, ["import helper, os; print(helper.VALUE)",
                            f"print(os.path.exists({str(course / 'secret.txt')!r}), os.getuid() != 0 or 'root')"])
    assert text_of(nb.cells[0]).strip() == "42"
    assert text_of(nb.cells[1]).strip() == "False True"
    assert pack.jailed is True and pack.kernel_ok == {0: True, 1: True}


def test_errors_are_recorded_by_the_grader_not_read_from_outputs(course):
    nb, pack = run(course, ["raise ValueError('wrong')",
                            "from IPython.display import display\n"
                            "get_ipython().display_pub.publish({'text/plain': 'KernelDied'})"])
    assert pack.kernel_ok == {0: False, 1: True}
    assert pack.incidents == []


def test_the_notebook_time_budget_stops_later_cells(course):
    """Each cell is under the per-cell timeout; together they are over the notebook's budget."""
    nb, pack = run(course, ["import time; time.sleep(2)", "time.sleep(2)", "print('reached')"],
                   timeout=10, notebook_timeout=4)
    assert "reached" not in text_of(nb.cells[2])
    assert messages.text(messages.BUDGET, "en") in text_of(nb.cells[2])
    assert pack.kernel_ok[2] is False
    assert {kind for kind, _ in pack.incidents} == {messages.BUDGET}


def test_a_dead_kernel_costs_its_cell_and_grading_goes_on(course):
    nb, pack = run(course, ["x = 1", "import os; os._exit(1)", "print(x + 1)"])
    assert pack.kernel_ok[1] is False and [kind for kind, _ in pack.incidents] == [messages.KERNEL_DIED]
    assert text_of(nb.cells[2]).strip() == "2"


def test_a_cell_over_its_timeout_is_interrupted(course):
    nb, pack = run(course, ["while True: pass", "print('after')"], timeout=3)
    assert pack.kernel_ok[0] is False and [kind for kind, _ in pack.incidents] == [messages.TIMEOUT]
    assert text_of(nb.cells[1]).strip() == "after"
