"""What the course contains: assignments, languages and where their files live.

Each master declares itself in its jupytext header, under ``pack``::

    # ---
    # jupyter:
    #   pack:
    #     order: 3
    #     notebook: regularization.ipynb
    #     files: [reg_utils.py, reg_testcases.py, testCases.py, language.py, figures.py, datasets/data.mat]
    #     titles: {en: Regularization, pt: Regularização}
    # ---

so adding an assignment means adding ``masters/<name>.py``, its declarations in ``exercises/<name>.py`` and its
files in ``utils/``. The build writes the list into ``reference/assignments.json``, which is what grading reads
(the grader and its Dask workers never read ``masters/``).
"""
import json
from dataclasses import asdict, dataclass, field
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
    files : tuple of str, files copied from ``utils/`` beside the notebook
    titles : dict, the assignment's title per language
    order : int, its place in the course
    preload : tuple of str, modules the grader's fork server imports for this assignment's kernels besides those
        every notebook imports (:data:`tools.grading.forkserver.PRELOAD`): the slow ones only some notebooks use
    """

    name: str
    notebook: str
    files: tuple
    titles: dict = field(default_factory=dict)
    order: int = 0
    preload: tuple = ()

    @property
    def master(self):
        return ROOT / "masters" / f"{self.name}.py"

    def folder(self, language):
        """The nbgrader assignment id for ``language``, e.g. ``regularization_pt``."""
        return f"{self.name}_{language}"


def read_assignment(master_path):
    """The :class:`Assignment` declared in the ``pack`` header of a master."""
    import jupytext  # here: the grading processes that import this module (the oracle's) never read a master

    with open(master_path, encoding="utf-8") as handle:
        header = jupytext.reads(handle.read().split("\n# %%", 1)[0], fmt="py:percent").metadata.get("pack")
    if not header:
        raise ValueError(f"{master_path}: no `pack:` section in the jupytext header")
    return Assignment(name=Path(master_path).stem, notebook=header["notebook"], files=tuple(header["files"]),
                      titles=dict(header["titles"]), order=header["order"],
                      preload=tuple(header.get("preload", ())))


def discover(root=ROOT):
    """Every assignment of ``masters/``, in course order: dict name -> Assignment."""
    found = sorted((read_assignment(p) for p in (root / "masters").glob("*.py")), key=lambda a: (a.order, a.name))
    return {a.name: a for a in found}


def built_list(root=ROOT):
    return root / "reference" / "assignments.json"


def write_built_list(assignments, root=ROOT):
    """Write ``reference/assignments.json``: the assignments as built (see the module docstring)."""
    path = built_list(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([asdict(a) for a in assignments.values()], ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path


def built(root=ROOT):
    """The assignments as the last build wrote them (``masters/``'s before the first build)."""
    if not built_list(root).exists():
        return discover(root)
    found = json.loads(built_list(root).read_text(encoding="utf-8"))
    return {a["name"]: Assignment(**{**a, "files": tuple(a["files"]), "preload": tuple(a.get("preload", ()))})
            for a in found}


ASSIGNMENTS = built()


def assignment_ids():
    """Every nbgrader assignment id of the course, in course order."""
    return [a.folder(lang) for a in ASSIGNMENTS.values() for lang in LANGUAGES]


def split_assignment_id(assignment_id):
    """``"regularization_pt"`` -> ``(ASSIGNMENTS["regularization"], "pt")``."""
    if not is_pack_assignment(assignment_id):
        raise KeyError(f"unknown assignment {assignment_id!r}; known: {', '.join(assignment_ids())}")
    name, _, language = assignment_id.rpartition("_")
    return ASSIGNMENTS[name], language


def preloaded(assignment_ids):
    """The modules the grader's fork servers import for grading ``assignment_ids``, besides those every notebook
    imports: their :attr:`Assignment.preload`, sorted (none for an assignment that is not the pack's: a course
    may hold others)."""
    return tuple(sorted({module for a in assignment_ids if is_pack_assignment(a)
                         for module in split_assignment_id(a)[0].preload}))


def is_pack_assignment(assignment_id):
    """Whether ``assignment_id`` is one of the pack's (``<name>_<language>``, :func:`split_assignment_id`)."""
    name, _, language = assignment_id.rpartition("_")
    return name in ASSIGNMENTS and language in LANGUAGES
