"""One bilingual master -> one notebook per language, checked for parity.

A master is a jupytext "percent" script (``masters/<assignment>.py``). Its
cells carry metadata in the ``# %%`` header line:

``lang="en"`` / ``lang="pt"``
    the cell exists only in that language (prose cells come in such pairs);
``kind="solution"`` / ``kind="tests" points=N`` / ``kind="readonly"`` with ``grade_id="..."``
    the nbgrader role of the cell;
``imports=true``
    the cell whose imports the reference module starts with;
``reference=true``
    provided code that belongs in the reference module too (e.g. ``model``).

Inside code cells, text that differs by language is written once per language:

* ``# en: text`` / ``# pt: text`` comment lines (any number of ``#``), and
  ``en: text`` / ``pt: text`` lines inside docstrings;
* a code line ending in ``  # [en]`` or ``  # [pt]`` (for user-facing strings).

A hidden test block (``### BEGIN HIDDEN TESTS`` … ``### END HIDDEN TESTS``) only says where the hidden
checks live: the referee runs them outside the student's kernel (``exercises/``), so no reference
code and no expected value is written into any notebook.

The build fails (``ParityError``) unless both languages have the same cells in
the same order, the same ids, grade ids and points, and the same code once
comments, docstrings and string literals are set aside.
"""
import ast
import re

import jupytext
import nbformat

from .course import LANGUAGES

LANG_LINE = re.compile(r"^(?P<prefix>\s*(?:#+\s+)?)(?P<lang>en|pt):(?: (?P<text>.*))?$")
LANG_TAG = re.compile(r"\s+# \[(?P<lang>en|pt)\]$")
SOLUTION_DELIMITERS = ("### BEGIN SOLUTION", "### END SOLUTION")

NBGRADER_KINDS = {
    "solution": {"solution": True, "grade": False, "locked": False},
    "tests": {"solution": False, "grade": True, "locked": True},
    "readonly": {"solution": False, "grade": False, "locked": True},
}


class ParityError(ValueError):
    """The language versions of a master differ in more than prose."""


def read_master(path):
    """The master as an nbformat notebook (cells keep their header metadata)."""
    return jupytext.read(str(path), fmt="py:percent")


def localize(source, language):
    """Keep the lines of ``source`` meant for ``language`` and drop their markers."""
    lines = []
    for line in source.split("\n"):
        marked = LANG_LINE.match(line)
        if marked:
            if marked["lang"] == language:
                lines.append((marked["prefix"] + (marked["text"] or "")).rstrip())
            continue
        tagged = LANG_TAG.search(line)
        if tagged:
            if tagged["lang"] == language:
                lines.append(line[: tagged.start()])
            continue
        lines.append(line)
    return "\n".join(lines)


def _without_delimiters(source):
    return "\n".join(l for l in source.split("\n") if l.strip() not in SOLUTION_DELIMITERS)


def _strip_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return tree


def code_signature(source):
    """The code of a cell with comments, docstrings and string literals set aside.

    Two language versions of a code cell must have equal signatures. Lines of
    IPython magics (``%...``, ``!...``) are compared as text.
    """
    magics = [l.strip() for l in source.split("\n") if l.lstrip().startswith(("%", "!"))]
    python = "\n".join("" if l.lstrip().startswith(("%", "!")) else l for l in source.split("\n"))
    tree = _strip_docstrings(ast.parse(python))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
        if isinstance(node, ast.JoinedStr):
            node.values = []
    return "\n".join(magics + [ast.dump(tree)])


def _nbgrader_metadata(meta):
    kind = meta.get("kind")
    if kind is None:
        return None
    if kind not in NBGRADER_KINDS or "grade_id" not in meta:
        raise ParityError(f"cell with kind={kind!r} needs a known kind and a grade_id: {dict(meta)}")
    nbgrader = dict(NBGRADER_KINDS[kind], grade_id=meta["grade_id"], schema_version=3, task=False)
    if kind == "tests":
        nbgrader["points"] = meta["points"]
    return nbgrader


def build_notebook(master, language):
    """The ``language`` version of ``master`` as a normalised-ready nbformat notebook."""
    cells = []
    for cell in master.cells:
        meta = cell.metadata
        if meta.get("lang", language) != language:
            continue
        nbgrader = _nbgrader_metadata(meta)
        if cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_code_cell(localize(cell.source, language))
        new.id = meta["grade_id"] if nbgrader else f"cell-{len(cells):03d}"
        if nbgrader:
            new.metadata["nbgrader"] = nbgrader
        cells.append(new)
    return nbformat.v4.new_notebook(cells=cells)


def check_parity(notebooks):
    """Raise ``ParityError`` listing every difference between the language versions.

    Parameters
    ----------
    notebooks : dict, language -> notebook built by :func:`build_notebook`
    """
    (first, base), *others = notebooks.items()
    problems = []
    grade_ids = [c.metadata["nbgrader"]["grade_id"] for c in base.cells if "nbgrader" in c.metadata]
    if len(set(grade_ids)) != len(grade_ids):
        problems.append(f"duplicate grade ids in {first}: {grade_ids}")
    for language, nb in others:
        if len(nb.cells) != len(base.cells):
            problems.append(f"{language} has {len(nb.cells)} cells, {first} has {len(base.cells)}")
        for i, (a, b) in enumerate(zip(base.cells, nb.cells)):
            where = f"cell {i} ({a.id})"
            if (a.cell_type, a.id) != (b.cell_type, b.id):
                problems.append(f"{where}: {first} {a.cell_type} {a.id} vs {language} {b.cell_type} {b.id}")
            elif a.metadata.get("nbgrader") != b.metadata.get("nbgrader"):
                problems.append(f"{where}: nbgrader metadata differ")
            elif a.cell_type == "code":
                try:
                    same = code_signature(a.source) == code_signature(b.source)
                except SyntaxError as error:
                    problems.append(f"{where}: {error.msg} at line {error.lineno}")
                    continue
                if not same:
                    problems.append(f"{where}: code differs between {first} and {language} beyond comments, "
                                    "docstrings and strings")
    if problems:
        raise ParityError("\n".join(problems))


def build_all_languages(master_path):
    """Every language version of one master, parity-checked: dict language -> notebook."""
    master = read_master(master_path)
    notebooks = {language: build_notebook(master, language) for language in LANGUAGES}
    check_parity(notebooks)
    return notebooks


def reference_module(master_path):
    """Source of the reference module: the imports cell, then every solution and reference cell (English)."""
    master = read_master(master_path)
    imports = next(c for c in master.cells if c.metadata.get("imports"))
    parts = ["\n".join(l for l in localize(imports.source, "en").split("\n") if not l.startswith(("%", "!")))]
    for cell in master.cells:
        if cell.cell_type == "code" and (cell.metadata.get("kind") == "solution" or cell.metadata.get("reference")):
            parts.append(_without_delimiters(localize(cell.source, "en")).strip("\n"))
    header = (f'"""Reference solutions of {master_path.stem}, GENERATED from masters/{master_path.name} '
              'by `python -m tools build`.\n\nDo not edit: edit the master. Never shipped to students."""\n')
    return header + "\n\n\n".join(parts) + "\n"
