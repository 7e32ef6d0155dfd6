"""The bilingual build: localisation, parity, determinism, and committed files up to date."""
import ast
import importlib.util
import os
import subprocess
import sys

import nbformat
import pytest

from tools import notebooks
from tools.bilingual import (ParityError, build_all_languages, build_notebook, check_parity, code_signature,
                             localize, read_master, reference_module)
from tools.course import ASSIGNMENTS, LANGUAGES, ROOT
from tools.generated import check_generated

MASTERS = list(ASSIGNMENTS.values())


def test_localize_keeps_one_language_and_drops_markers():
    source = "def f():\n    \"\"\"\n    en: Doc.\n    pt: Documentação.\n    \"\"\"\n    # en: note\n    # pt: nota\n" \
             "    ### en: START CODE HERE ###\n    ### pt: INICIE O SEU CÓDIGO AQUI ###\n" \
             "    print(\"hi\")  # [en]\n    print(\"oi\")  # [pt]\n    return 1"
    assert localize(source, "pt") == "def f():\n    \"\"\"\n    Documentação.\n    \"\"\"\n    # nota\n" \
                                     "    ### INICIE O SEU CÓDIGO AQUI ###\n    print(\"oi\")\n    return 1"
    assert "Doc." in localize(source, "en") and "nota" not in localize(source, "en")


def test_signature_ignores_prose_but_not_code():
    assert code_signature('"""Doc."""\nx = f("a")  # c') == code_signature('"""Outra."""\nx = f("b")')
    assert code_signature("x = f(1)") != code_signature("x = f(2)")
    assert code_signature("plot(a, title=t)") != code_signature("plot(a, xlabel=u, title=t)")


def _two(cells_en, cells_pt):
    return {"en": nbformat.v4.new_notebook(cells=cells_en), "pt": nbformat.v4.new_notebook(cells=cells_pt)}


def test_parity_rejects_code_cells_that_differ():
    a, b = nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("x = 2")
    a.id = b.id = "c"
    with pytest.raises(ParityError, match="code differs"):
        check_parity(_two([a], [b]))


def test_parity_rejects_different_points_and_missing_cells():
    a, b = nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("x = 1")
    a.id = b.id = "t"
    a.metadata["nbgrader"] = {"grade_id": "t", "points": 1}
    b.metadata["nbgrader"] = {"grade_id": "t", "points": 2}
    with pytest.raises(ParityError, match="nbgrader metadata"):
        check_parity(_two([a], [b]))
    with pytest.raises(ParityError, match="cells"):
        check_parity(_two([a], []))


@pytest.mark.parametrize("assignment", MASTERS, ids=lambda a: a.name)
def test_languages_have_the_same_graded_cells(assignment):
    nbs = build_all_languages(assignment.master)
    graded = {lang: [(c.metadata["nbgrader"]["grade_id"], c.metadata["nbgrader"].get("points"))
                     for c in nb.cells if "nbgrader" in c.metadata] for lang, nb in nbs.items()}
    assert graded["en"] == graded["pt"] and graded["en"]


@pytest.mark.parametrize("assignment", MASTERS, ids=lambda a: a.name)
def test_build_is_deterministic(assignment):
    """Two separate interpreters with different hash seeds build byte-identical notebooks and reference."""
    code = ("import sys; sys.path.insert(0, {root!r}); from tools import notebooks; "
            "from pathlib import Path; from tools.bilingual import build_notebook, read_master, reference_module; "
            "print(''.join(notebooks.dumps(build_notebook(read_master({master!r}), l)) for l in ('en', 'pt'))"
            " + reference_module(Path({master!r})))").format(root=str(ROOT), master=str(assignment.master))
    builds = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2")]
    assert builds[0] and builds[0] == builds[1]


@pytest.mark.parametrize("assignment", MASTERS, ids=lambda a: a.name)
def test_portuguese_markers_and_no_leftover_tags(assignment):
    pt = build_notebook(read_master(assignment.master), "pt")
    text = "\n".join(c.source for c in pt.cells)
    assert "FUNÇÃO AVALIADA" in text and "INICIE O SEU CÓDIGO AQUI" in text and "TERMINE O SEU CÓDIGO AQUI" in text
    assert "START CODE HERE" not in text and "GRADED FUNCTION" not in text
    for marker in ("# [en]", "# [pt]", "en: ", "pt: ", "# @reference"):
        assert not any(line.strip().startswith(marker) or line.endswith(marker)
                       for c in pt.cells for line in c.source.split("\n")), marker


@pytest.mark.parametrize("assignment", MASTERS, ids=lambda a: a.name)
def test_reference_module_is_valid_python_with_every_graded_function(assignment):
    tree = ast.parse(reference_module(assignment.master))
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    master = read_master(assignment.master)
    graded = {c.metadata["grade_id"] for c in master.cells if c.metadata.get("kind") == "solution"}
    assert graded <= defined


def test_released_notebooks_contain_no_solution_and_no_hidden_test():
    for assignment in MASTERS:
        for language in LANGUAGES:
            text = (ROOT / "release" / assignment.folder(language) / assignment.notebook).read_text(encoding="utf-8")
            for leak in ("BEGIN SOLUTION", "HIDDEN TESTS", "_reference", "_hidden_tests"):
                assert leak not in text, (assignment.folder(language), leak)


def test_committed_generated_files_are_up_to_date(course):
    """source/, reference/ and release/ equal what `tools build` and `nbgrader generate_assignment` make now."""
    assert check_generated(fresh_course=course) == []


def test_committed_notebooks_are_normalised():
    for path in list((ROOT / "source").rglob("*.ipynb")) + list((ROOT / "release").rglob("*.ipynb")):
        assert path.read_text(encoding="utf-8") == notebooks.dumps(notebooks.read(path)), path


def test_mistake_hints_are_compared_as_the_visible_tests_compare(tmp_path):
    """A mistake's result recorded in mistake_hints.json may differ in its last digits on another machine; a
    different hint, mistake or key is still a difference."""
    import json

    from tools.generated import same_file
    entry = {"function": "f", "mistake": "m", "actual": ["array", [], [0.8290770586]], "hint": "h"}
    paths = []
    for i, changed in enumerate([{}, {"actual": ["array", [], [0.829077058]]}, {"hint": "other"},
                                 {"actual": ["array", [], [0.83]]}]):
        path = tmp_path / str(i) / "mistake_hints.json"
        path.parent.mkdir()
        path.write_text(json.dumps({"key": [{**entry, **changed}]}), encoding="utf-8")
        paths.append(path)
    assert same_file(paths[0], paths[1])
    assert not same_file(paths[0], paths[2]) and not same_file(paths[0], paths[3])


SLOW_TO_IMPORT = {"sklearn": "sklearn.datasets"}  # a package some notebooks use, and what the fork server imports


@pytest.mark.parametrize("assignment", MASTERS, ids=lambda a: a.name)
def test_an_assignment_declares_the_slow_modules_its_notebook_uses(assignment):
    """``preload:`` in a master's header names what the grader's fork servers import for its kernels besides the
    usual modules: scikit-learn exactly when the notebook's code or its helper files import it (else every graded
    kernel would import it, or every fork server would import it for nothing), and only modules that exist."""
    sources = [(ROOT / "reference" / f"{assignment.name}.py").read_text(encoding="utf-8")]
    sources += [(ROOT / "utils" / name).read_text(encoding="utf-8")
                for name in assignment.files if name.endswith(".py")]
    imported = {alias.name.split(".")[0] for source in sources for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for source in sources for node in ast.walk(ast.parse(source))
                 if isinstance(node, ast.ImportFrom) and node.module and not node.level}
    expected = {module for package, module in SLOW_TO_IMPORT.items() if package in imported}
    assert set(assignment.preload) == expected
    assert all(importlib.util.find_spec(module) is not None for module in assignment.preload)
