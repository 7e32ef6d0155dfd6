"""nbgrader preprocessors that keep one broken function from costing a whole notebook.

Configured in ``nbgrader_config.py``, so plain ``nbgrader autograde`` and the
pack's grader both use them:

``ResilientExecute``
    nbgrader's ``Execute``, plus: when the kernel dies in a cell (``os._exit``,
    a segfault, the memory limit), the cell gets an error saying so, the kernel
    is restarted, the code cells before it that are not tests and did not kill
    the kernel are run again, and grading goes on with the next cell. A cell's
    output beyond ``max_output_chars`` is dropped as it arrives (gigabytes of
    output cost neither memory nor the other cells). Warnings (stderr) in a
    test cell are kept as plain output instead of failing the cell.
``ForgetUnknownGradeCells``
    before nbgrader's ``OverwriteCells``: a cell whose nbgrader metadata was
    emptied by ``DeduplicateIds`` (a duplicated test cell) or names a grade id
    the gradebook does not know (an edited id) becomes a plain cell, so the
    original is restored from the gradebook instead of the run failing.
``RedactHiddenTests``
    for feedback: a test cell's hidden part is removed from its source, and if
    the cell failed, its output is replaced by the error's first line without
    the values, so feedback teaches without showing hidden code or expected
    values.
"""
import resource

from jupyter_core.utils import run_sync
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer

BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"

KERNEL_DIED = {
    "en": "The kernel died while running this cell (os._exit, a crash or the memory limit). "
          "It was restarted and grading went on with the next cells.",
    "pt": "O kernel morreu ao rodar esta célula (os._exit, uma falha grave ou o limite de memória). "
          "Ele foi reiniciado e a correção seguiu com as próximas células.",
}
OUTPUT_CUT = {
    "en": "[output cut after {n} characters]",
    "pt": "[saída cortada depois de {n} caracteres]",
}
HIDDEN_FAILED = {
    "en": "The hidden tests of this cell failed: {reason}",
    "pt": "Os testes ocultos desta célula falharam: {reason}",
}


def notebook_language(resources):
    """``"pt"`` for a ``*_pt`` assignment, else ``"en"``."""
    assignment = (resources or {}).get("nbgrader", {}).get("assignment", "")
    return "pt" if assignment.endswith("_pt") else "en"


def is_test_cell(cell):
    return cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade", False)


def limit_kernel_memory(max_bytes):
    """Cap the address space of this process and of the kernels it starts (a memory bomb gets MemoryError)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > max_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))


class ResilientExecute(Execute):
    """nbgrader's Execute that survives kernel deaths and floods of output."""

    max_output_chars = Integer(200_000, help="Characters of output kept per cell").tag(config=True)
    max_restarts = Integer(5, help="Kernel restarts allowed per notebook").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._language = notebook_language(resources)
        self._restarts = 0
        self._killers = set()
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        self._chars = 0
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
            if is_test_cell(cell):
                # nbgrader fails a test cell on any stderr output; a warning from correct code is not a
                # failure (errors are 'error' outputs), so stderr text is kept but shown as stdout.
                for output in cell.outputs:
                    if output.output_type == "stream" and output.name == "stderr":
                        output.name = "stdout"
            return cell, resources
        except Exception as error:  # noqa: BLE001 - DeadKernelError, or a kernel broken by patched builtins
            self._killers.add(index)
            self.log.warning("kernel lost in cell %s (%s): restarting", index, type(error).__name__)
            cell.outputs.append(new_output("error", ename="KernelDied", evalue=KERNEL_DIED[self._language],
                                           traceback=[KERNEL_DIED[self._language]]))
            if self._restarts >= self.max_restarts:
                raise
            self._restart_and_replay(index)
            return cell, self.resources

    def _restart_and_replay(self, index):
        """Restart the kernel and run again the non-test code cells before ``index`` (outputs discarded)."""
        while True:
            self._restarts += 1
            run_sync(self.km.restart_kernel)(now=True)
            run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
            try:
                for i, cell in enumerate(self.nb.cells[:index]):
                    if cell.cell_type == "code" and not is_test_cell(cell) and i not in self._killers:
                        self._replaying = i
                        saved = cell.outputs
                        self.execute_cell(cell, i, store_history=False)
                        cell.outputs = saved
                return
            except Exception:  # noqa: BLE001 - a replayed cell that breaks the kernel again is skipped
                self._killers.add(self._replaying)
                if self._restarts >= self.max_restarts:
                    raise

    def output(self, outs, msg, display_id, cell_index):
        """Keep at most ``max_output_chars`` of a cell's output; say once that the rest was cut."""
        content = msg.get("content", {})
        size = len(content.get("text", "")) + len(str(content.get("data", "")))
        self._chars = getattr(self, "_chars", 0) + size
        if self._chars > self.max_output_chars:
            if self._chars - size <= self.max_output_chars:
                text = OUTPUT_CUT[getattr(self, "_language", "en")].format(n=self.max_output_chars)
                note = new_output("stream", name="stdout", text=text + "\n")
                outs.append(note)
                return note
            return None
        return super().output(outs, msg, display_id, cell_index)


class ForgetUnknownGradeCells(NbGraderPreprocessor):
    """Turn cells with empty or unknown nbgrader metadata into plain cells (see the module docstring)."""

    def preprocess(self, nb, resources):
        from nbgrader.api import Gradebook
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            known = {c.name for c in notebook.source_cells}
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            if meta is not None and meta.get("grade_id") not in known:
                del cell.metadata["nbgrader"]
        return nb, resources


class RedactHiddenTests(NbGraderPreprocessor):
    """Feedback without the hidden tests' code or expected values."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or BEGIN_HIDDEN not in cell.source:
            return cell, resources
        lines, hidden = [], False
        for line in cell.source.split("\n"):
            if line.strip() == BEGIN_HIDDEN:
                hidden = True
            elif line.strip() == END_HIDDEN:
                hidden = False
            elif not hidden:
                lines.append(line)
        cell.source = "\n".join(lines).rstrip()
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors:
            first = (errors[0].get("evalue") or errors[0].get("ename", "")).split("\n")[0]
            reason = f"{errors[0].get('ename', 'Error')}: {first}" if first else errors[0].get("ename", "Error")
            text = HIDDEN_FAILED[notebook_language(resources)].format(reason=reason)
            cell.outputs = [new_output("error", ename="HiddenTestsFailed", evalue=text, traceback=[text])]
        return cell, resources
