"""The score rule: only the grader decides a test cell's score (an nbgrader plugin, autograde stage).

``SaveSealedGrades`` replaces nbgrader's ``SaveAutoGrades``. nbgrader reads a
score from the cell's outputs (an error means 0, the first displayed number is
partial credit, anything else full marks), and the outputs come from the
student's kernel. Here a test cell ``<function>_<label>`` gets its points only if

* every out-of-kernel check of ``function`` on the ``label`` inputs passed
  (``Pack.checks``, from :class:`~tools.grading.referee.Referee`), and
* the cell ended without an error in the kernel (``Pack.kernel_ok``,
  from :class:`~tools.grading.execute.JailedExecute`), unless a graded
  function it calls failed its own checks: that mistake is charged there only.

Anything else scores 0: a cell with no check, a check with no answer, a cell
that never ran. Outputs never count. The message saying why goes into the
cell's ``pack`` metadata, for the feedback.
"""
from nbgrader.preprocessors import SaveAutoGrades

from ..course import split_assignment_id
from ..exercise import Exercise, exercises
from . import messages, record
from .notebook import function_and_label, is_test_cell, notebook_language


def sealed_score(cell, index, pack, language, assignment_name=""):
    """(points, message) of a test cell under the rule of the module docstring; ``pack``: the :class:`~.record.Pack`.

    A failed check says why in the words of :mod:`.messages`, naming the output as the notebook does; a function
    diagnosed as one of its declared mistakes (``pack["diagnoses"]``) gets that mistake's explanation too.
    """
    max_points = float(cell.metadata["nbgrader"]["points"])
    function, label = function_and_label(cell)
    exercise = exercises(assignment_name).get(function) if assignment_name else None
    exercise = exercise or Exercise(function, ("output",))
    checks = pack.checks
    verdicts = checks.get((function, label))
    if not verdicts:
        return 0.0, messages.text(messages.NO_CHECK, language).format(function=function)
    failed = [verdict for verdict in verdicts if verdict]
    if failed:
        case = messages.CASE_NAMES.get(language, messages.CASE_NAMES["en"]).get(label, label)
        reason = messages.reason(failed[0], label, exercise.output_name, language)
        message = messages.text(messages.FAILED_CHECK, language).format(function=function, case=case, reason=reason)
        label_ = pack.diagnoses.get(function)
        mistake = next((m for m in exercise.mistakes if m.label == label_), None)
        if mistake:
            message += "\n" + messages.text(messages.DIAGNOSIS, language).format(
                explanation=mistake.explanation(language))
        elif pack.findings.get(function):
            said = messages.findings(pack.findings[function], exercise.output_name, language)
            message += "\n" + said if said else ""
        return 0.0, message
    if not pack.kernel_ok.get(index, False):
        wrong = [name for name in called(function, pack.dependencies)
                 if any(any(checks.get((name, other), [None])) for other in ("example", "hidden"))]
        if not wrong:
            return 0.0, messages.text(messages.FAILED_IN_KERNEL, language)
        names = messages.listed([f"`{name}`" for name in wrong], language)
        kind = messages.DEPENDENCY if len(wrong) == 1 else messages.DEPENDENCIES
        note = messages.text(kind, language).format(function=function, names=names)
        return max_points, note
    return max_points, messages.passed(max_points, max_points, language)


def called(function, dependencies):
    """The graded functions ``function`` calls, directly or through others, in a stable order."""
    found, todo = [], list(dependencies.get(function, []))
    while todo:
        name = todo.pop(0)
        if name not in found and name != function:
            found.append(name)
            todo += dependencies.get(name, [])
    return found


class SaveSealedGrades(SaveAutoGrades):
    """nbgrader's SaveAutoGrades with the score of a test cell decided by :func:`sealed_score`."""

    def preprocess(self, nb, resources):
        self._pack = record.pack(resources)
        self._language = notebook_language(resources)
        self._assignment = split_assignment_id(resources["nbgrader"]["assignment"])[0].name
        nb.metadata["pack"] = {"jailed": bool(self._pack.jailed), "incidents": list(self._pack.incidents)}
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        self._index = index
        return super().preprocess_cell(cell, resources, index)

    def _add_score(self, cell, resources):
        if not is_test_cell(cell):
            return super()._add_score(cell, resources)
        grade = self.gradebook.find_grade(cell.metadata["nbgrader"]["grade_id"], self.notebook_id,
                                          self.assignment_id, self.student_id)
        points, message = sealed_score(cell, self._index, self._pack, self._language, self._assignment)
        grade.auto_score = points
        grade.needs_manual_grade = grade.manual_score is not None
        self.gradebook.db.commit()
        # An example test that passed in the kernel and failed outside it: the referee overruled the kernel.
        overruled = not points and function_and_label(cell)[1] == "example" and \
            self._pack.kernel_ok.get(self._index, False)
        cell.metadata["pack"] = {"points": points, "message": message, "overruled": bool(overruled)}
        mistake = self._pack.diagnoses.get(function_and_label(cell)[0])
        if mistake and not points:
            cell.metadata["pack"]["mistake"] = mistake
