"""``python -m tools build``: masters -> ``source/<assignment>_<lang>/`` and ``reference/``.

Each folder also gets the students' ``requirements.txt`` (:func:`write_requirements`): what its notebook and helper
files import, pinned as the repository's ``requirements.txt`` pins it. nbgrader's release copies every file of
``source/<assignment>_<lang>/``, so each ``release/<assignment>_<lang>/`` has it, and ``make check`` compares it
with the rest.
"""
import ast
import importlib.metadata
import json
import re
import shutil
import sys
from pathlib import Path

from . import exercise, notebooks
from .bilingual import build_all_languages, reference_module
from .course import ROOT, discover, write_built_list
from .grading.notebook import grade_id, is_test_cell, student_solutions
from .hints import write_hints
from .submissions import solution_code


class DeclarationError(Exception):
    """The declarations of ``exercises/`` disagree with the masters (each problem names its function)."""


def build_assignment(assignment, root=ROOT):
    """Write both language folders of ``assignment`` under ``root/source`` and its reference module.

    A folder holds the notebook, its helper files from ``utils/``, the visible tests' mistake hints and the
    students' ``requirements.txt``.

    The declarations of ``exercises/<assignment>.py`` are checked against the master first: when they disagree,
    :class:`DeclarationError` says how and nothing is written.

    Returns the list of written paths, relative to ``root``.
    """
    built = build_all_languages(assignment.master)
    reference_source = reference_module(assignment.master)
    compiled = compiled_mistakes(assignment, built["en"], reference_source)
    written = []
    for language, nb in built.items():
        folder = root / "source" / assignment.folder(language)
        if folder.exists():
            shutil.rmtree(folder)
        written.append(notebooks.write(nb, folder / assignment.notebook))
        for name in assignment.files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / "utils" / name, target)
            written.append(target)
        written.append(write_hints(folder, assignment, language))
        written.append(write_requirements(folder, assignment, language))
    reference = root / "reference" / f"{assignment.name}.py"
    reference.parent.mkdir(parents=True, exist_ok=True)
    reference.write_text(reference_source, encoding="utf-8")
    written.append(reference)
    mistakes = exercise.mistakes_path(assignment.name, root)
    mistakes.write_text(json.dumps(compiled, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(mistakes)
    return [Path(p).relative_to(root) for p in written]


REQUIREMENTS = "requirements.txt"
REQUIREMENTS_HEADER = {
    "en": "# What {notebook} and its helper files in this folder import, at the versions the course is tested with\n"
          "# (Python 3.11). Install them with: pip install -r requirements.txt\n",
    "pt": "# O que {notebook} e os arquivos auxiliares desta pasta importam, nas versões com que o curso é testado\n"
          "# (Python 3.11). Instale com: pip install -r requirements.txt\n",
}


# A module that needs another distribution in a notebook, though it imports it only where it is installed:
# tqdm.auto draws its bars with ipywidgets, and without it warns (TqdmWarning: IProgress not found) and prints text.
NOTEBOOK_EXTRAS = {"tqdm.auto": "ipywidgets", "tqdm.autonotebook": "ipywidgets", "tqdm.notebook": "ipywidgets"}


class RequirementsError(Exception):
    """A module the students' files import is neither the standard library's, nor the folder's, nor pinned."""


def imported_modules(folder, notebook):
    """The modules (dotted names, as written) imported anywhere in ``folder``'s notebook (its code cells, IPython's
    ``%`` and ``!`` lines left out) and in its ``.py`` files (relative imports left out)."""
    import nbformat
    sources = ["\n".join(line for line in cell.source.split("\n") if not line.lstrip().startswith(("%", "!")))
               for cell in nbformat.read(str(folder / notebook), as_version=4).cells if cell.cell_type == "code"]
    sources += [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.py"))]
    names = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names.add(node.module)
    return names


def local_modules(folder):
    """The modules a folder holds: its ``.py`` files and its packages (folders with an ``__init__.py``)."""
    return {p.stem for p in folder.glob("*.py")} | {p.parent.name for p in folder.glob("*/__init__.py")}


def canonical(distribution):
    """A distribution's name as pip compares names (PEP 503): ``Scikit_Learn`` -> ``scikit-learn``."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def root_pins(path=ROOT / "requirements.txt"):
    """canonical name -> the ``name==version`` line of the repository's ``requirements.txt``."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name = line.split("==")[0].split("[")[0].strip()
            pins[canonical(name)] = f"{name}=={line.split('==')[1].strip()}"
    return pins


def requirements(folder, notebook, pins=None):
    """The pinned lines of ``folder``'s ``requirements.txt``: the distribution of every imported module that is
    neither the standard library's nor the folder's, and the :data:`NOTEBOOK_EXTRAS` of the imported modules,
    pinned as the repository is (sorted by name).

    Raises :class:`RequirementsError` naming a module no installed distribution provides, or one not pinned.
    """
    pins = root_pins() if pins is None else pins
    providers = importlib.metadata.packages_distributions()
    imported = imported_modules(folder, notebook)
    outside = {name.split(".")[0] for name in imported} - set(sys.stdlib_module_names) - local_modules(folder)
    extras = {NOTEBOOK_EXTRAS[name] for name in imported if name in NOTEBOOK_EXTRAS}
    lines, problems = set(), []
    for module in sorted(outside | extras):
        found = [canonical(d) for d in providers.get(module, [])]
        pinned = [pins[d] for d in found if d in pins]
        if pinned:
            lines.add(pinned[0])
        else:
            why = f"{', '.join(found)} is not pinned in requirements.txt" if found else \
                "no installed package provides it"
            problems.append(f"{folder.name}: `import {module}`: {why}")
    if problems:
        raise RequirementsError("\n  ".join(["the students' requirements cannot be pinned:"] + problems))
    return sorted(lines, key=str.lower)


def write_requirements(folder, assignment, language):
    """Write ``folder``'s ``requirements.txt`` (:func:`requirements`, under a comment in ``language``); its path."""
    path = folder / REQUIREMENTS
    header = REQUIREMENTS_HEADER[language].format(notebook=assignment.notebook)
    path.write_text(header + "".join(f"{line}\n" for line in requirements(folder, assignment.notebook)),
                    encoding="utf-8")
    return path


def compiled_mistakes(assignment, nb, reference_source):
    """Check ``exercises/<assignment>.py`` against the master's English notebook ``nb`` and its reference module's
    source, then compile each declared mistake's code (what ``reference/<assignment>_mistakes.json`` holds).

    Raises :class:`DeclarationError` naming every disagreement (a function or test cell missing or out of order,
    a renamed output, a mistake without its explanation in one language, an edit that does not apply).
    """
    solutions = {name: solution_code(code) for name, code in student_solutions(nb).items()}
    tests = [grade_id(c) for c in nb.cells if is_test_cell(c)]
    found = exercise.problems(assignment.name, solutions, tests, reference_source)
    if found:
        raise DeclarationError("exercises/ and masters/ disagree:\n  " + "\n  ".join(found))
    return exercise.compiled_mistakes(assignment.name, solutions)


def build(root=ROOT):
    """Build every assignment; return the written paths."""
    assignments = discover()
    written = [p for a in assignments.values() for p in build_assignment(a, root)]
    return written + [write_built_list(assignments, root).relative_to(root)]
