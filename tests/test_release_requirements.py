"""Each release folder carries the students' ``requirements.txt``: what its notebook and helper files import, each
pinned as the repository's ``requirements.txt`` pins it (static: no network, nothing installed).

The imports are read here on their own (an AST walk over the notebook's code cells and every ``.py`` file of the
folder, imports inside functions and ``try`` blocks included), not with the build's code: every module imported is
the standard library's, the folder's own, or provided by a distribution the folder's ``requirements.txt`` pins; and
the file pins nothing more, but for what an imported module needs in a notebook (``tqdm.auto``'s bars are
ipywidgets: without it, a TqdmWarning and text bars).
"""
import ast
import importlib.metadata
import re
import sys

import nbformat
import pytest

from tools.course import ASSIGNMENTS, LANGUAGES, ROOT

FOLDERS = [(a, language) for a in ASSIGNMENTS.values() for language in LANGUAGES]
IN_NOTEBOOKS = {"tqdm.auto": "ipywidgets", "tqdm.autonotebook": "ipywidgets", "tqdm.notebook": "ipywidgets"}


def normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path):
    """canonical distribution name -> version, for every ``name==version`` line of a requirements file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            found[normal(name.split("[")[0])] = version.strip()
    return found


def imports(folder, notebook):
    """module (dotted name, as written) -> where it is imported."""
    cells = [c.source for c in nbformat.read(str(folder / notebook), as_version=4).cells if c.cell_type == "code"]
    sources = [(notebook, "\n".join(line for line in cell.split("\n") if not line.lstrip().startswith(("%", "!"))))
               for cell in cells]
    sources += [(str(p.relative_to(folder)), p.read_text(encoding="utf-8")) for p in folder.rglob("*.py")]
    found = {}
    for where, source in sources:
        for node in ast.walk(ast.parse(source)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            for name in names:
                found.setdefault(name, set()).add(where)
    return found


@pytest.mark.parametrize("assignment, language", FOLDERS, ids=[a.folder(lang) for a, lang in FOLDERS])
def test_every_import_of_a_release_folder_is_covered_by_its_pinned_requirements(assignment, language):
    folder = ROOT / "release" / assignment.folder(language)
    wanted = pins(folder / "requirements.txt")
    root = pins(ROOT / "requirements.txt")
    assert wanted and all(root.get(name) == version for name, version in wanted.items()), (wanted, root)
    own = {p.stem for p in folder.glob("*.py")}
    providers = importlib.metadata.packages_distributions()
    imported = imports(folder, assignment.notebook)
    used = {normal(IN_NOTEBOOKS[name]) for name in imported if name in IN_NOTEBOOKS}
    assert used <= set(wanted), f"{folder.name}: {used - set(wanted)} missing from requirements.txt"
    for name, where in sorted(imported.items()):
        module = name.split(".")[0]
        if module in sys.stdlib_module_names or module in own:
            continue
        provided = {normal(d) for d in providers.get(module, [])} & set(wanted)
        assert provided, f"{folder.name}: `import {name}` ({', '.join(sorted(where))}) is not in requirements.txt"
        used |= provided
    assert used == set(wanted), f"{folder.name}: requirements.txt pins what nothing imports: {set(wanted) - used}"


def test_the_students_requirements_are_generated_files():
    """They are written into source/ by the build, so nbgrader's release copies them and `make check` compares
    them; the two languages of an assignment pin the same packages."""
    for assignment in ASSIGNMENTS.values():
        both = [pins(ROOT / step / assignment.folder(language) / "requirements.txt")
                for step in ("source", "release") for language in LANGUAGES]
        assert all(p == both[0] for p in both), (assignment.name, both)


def test_make_check_compares_the_requirements(tmp_path):
    """`make check` (tools/generated.py) compares every file of source/ and release/: a stale or missing
    requirements.txt is reported."""
    import shutil

    from tools.generated import compare_trees
    folder = ASSIGNMENTS["regularization"].folder("en")
    expected, actual = tmp_path / "expected", tmp_path / "actual"
    for copy in (expected, actual):
        shutil.copytree(ROOT / "release" / folder, copy)
    assert compare_trees(expected, actual, "release") == []
    (actual / "requirements.txt").write_text("numpy\n", encoding="utf-8")
    assert compare_trees(expected, actual, "release") == ["release/requirements.txt: differs"]
    (actual / "requirements.txt").unlink()
    assert compare_trees(expected, actual, "release") == ["release/requirements.txt: missing from the repository"]
