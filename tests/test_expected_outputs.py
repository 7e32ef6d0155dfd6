"""Every "Expected output" shown in a notebook is what the solution prints, to the digits shown.

A test cell's docstring quotes the output after "Expected output:" / "Saída esperada:", and some prose cells
quote it in a fenced block after "**Expected output**" / "**Saída esperada**". Each number quoted there must
appear, in the same order, in what the matching code cell prints when the solution notebook runs top to
bottom (the test cell itself; for prose, the next code cell that prints, else the previous one), equal to
it within half a unit of the last digit shown ("1.04167...e-08" means those leading digits).
"""
import re
import shutil

import nbclient
import pytest

from tools import notebooks
from tools.course import ASSIGNMENTS, LANGUAGES, ROOT

pytestmark = pytest.mark.slow  # runs the 8 solution notebooks in full: left out by `make test-fast`

MARKERS = ("Expected output", "Saída esperada")
NUMBER = re.compile(r"(?<![A-Za-z_\d.])-?\d+(?:\.\d+)?(?:\.\.\.)?(?:e[-+]?\d+)?")
NOTEBOOKS = [(a, language) for a in ASSIGNMENTS.values() for language in LANGUAGES]


def quoted(text):
    """The text after the first expected-output marker of ``text`` (None when there is none)."""
    for marker in MARKERS:
        if marker in text:
            after = text.split(marker, 1)[1]
            if "```" in after:
                return after.split("```")[1]
            return after.split('"""')[0]
    return None


def same(shown, printed):
    """``printed`` equals the number ``shown`` to the digits shown."""
    mantissa, _, exponent = shown.partition("e")
    scale = 10.0 ** int(exponent) if exponent else 1.0
    if mantissa.endswith("..."):  # leading digits: the printed value, in the same exponent, starts with them
        lead = mantissa[:-3]
        return f"{float(printed) / scale:.12f}".startswith(lead)
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return abs(float(printed) / scale - float(mantissa)) <= 0.5 * 10.0 ** -decimals * (1 + 1e-9)


def mismatch(quote, output):
    """The first quoted number not found, in order, in ``output`` (None when all are)."""
    printed = NUMBER.findall(output)
    position = 0
    for shown in NUMBER.findall(quote):
        while position < len(printed) and not same(shown, printed[position]):
            position += 1
        if position == len(printed):
            return shown
        position += 1
    return None


def printed_text(cell):
    return "".join(o.get("text", "") or "".join(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda p: p[0].folder(p[1]))
def executed(request, tmp_path_factory):
    assignment, language = request.param
    folder = tmp_path_factory.mktemp(assignment.folder(language))
    shutil.copytree(ROOT / "source" / assignment.folder(language), folder, dirs_exist_ok=True)
    nb = notebooks.read(folder / assignment.notebook)
    nbclient.NotebookClient(nb, timeout=900, resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def test_expected_outputs_are_what_the_solution_prints(executed):
    cells = executed.cells
    problems, checked = [], 0
    for index, cell in enumerate(cells):
        quote = quoted(cell.source)
        if quote is None or not NUMBER.findall(quote):
            continue
        if cell.cell_type == "code":
            candidates = [cell]
        else:
            after = [c for c in cells[index + 1:] if c.cell_type == "code" and printed_text(c)][:1]
            before = [c for c in reversed(cells[:index]) if c.cell_type == "code" and printed_text(c)][:1]
            candidates = after + before
        checked += 1
        misses = [mismatch(quote, printed_text(c)) for c in candidates]
        if all(misses):
            problems.append(f"cell {index}: quotes {misses[0] if misses else quote!r}, not printed: "
                            f"{printed_text(candidates[0])[:300] if candidates else 'no output'!r}")
    assert checked >= 3
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("shown, printed, ok", [("-0.00188233", "-0.00188234", False), ("-0.00188234", "-0.00188234", True),
                                                ("1.04167...e-08", "1.0416723391869255e-08", True),
                                                ("1.04168...e-08", "1.0416723391869255e-08", False),
                                                ("8", "8", True), ("0.2850931567761623", "0.2850931567761623", True),
                                                ("94.8", "94.78672985781991", True), ("94.8", "94.9", False)])
def test_the_digit_rule(shown, printed, ok):
    assert same(shown, printed) is ok
