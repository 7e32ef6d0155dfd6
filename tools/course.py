"""What the course contains: assignments, languages and where their files live."""
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "pt")


@dataclass(frozen=True)
class Assignment:
    """One assignment, built from ``masters/<name>.py`` into one folder per language.

    Attributes
    ----------
    name : str, the stem of the master and of the reference module
    notebook : str, the notebook's file name in every language folder
    helpers : tuple of str, helper modules (in ``utils/``) the graded code may import
    files : tuple of str, files copied from ``utils/`` beside the notebook
    titles : dict, the assignment's title per language
    """

    name: str
    notebook: str
    helpers: tuple
    files: tuple
    titles: dict = field(default_factory=dict)

    @property
    def master(self):
        return ROOT / "masters" / f"{self.name}.py"

    def folder(self, language):
        """The nbgrader assignment id for ``language``, e.g. ``regularization_pt``."""
        return f"{self.name}_{language}"


ASSIGNMENTS = {
    "regularization": Assignment(
        name="regularization",
        notebook="regularization.ipynb",
        helpers=("reg_utils",),
        files=("reg_utils.py", "reg_testcases.py", "testCases.py", "language.py", "figures.py", "datasets/data.mat"),
        titles={"en": "Regularization", "pt": "Regularização"},
    ),
}


def assignment_ids():
    """Every nbgrader assignment id of the course, in build order."""
    return [a.folder(lang) for a in ASSIGNMENTS.values() for lang in LANGUAGES]


def split_assignment_id(assignment_id):
    """``"regularization_pt"`` -> ``(ASSIGNMENTS["regularization"], "pt")``."""
    name, _, language = assignment_id.rpartition("_")
    if name not in ASSIGNMENTS or language not in LANGUAGES:
        raise KeyError(f"unknown assignment {assignment_id!r}; known: {', '.join(assignment_ids())}")
    return ASSIGNMENTS[name], language
