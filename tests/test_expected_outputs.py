"""Every "Expected output" shown in a notebook is what the solution prints, to the digits shown.

A test cell's docstring quotes the output after "Expected output:" / "Saída esperada:", and some prose cells
quote it in a fenced block after "**Expected output**" / "**Saída esperada**". Each number quoted there must
appear, in the same order, in what the matching code cell prints when the solution notebook runs top to
bottom (the test cell itself; for prose, the next code cell that prints, else the previous one), equal to
it within half a unit of the last digit shown ("1.04167...e-08" means those leading digits). A quote holds on
any machine only with no more digits than every machine prints alike: the last digits of a sum, a norm or a
cost depend on the order of the floating-point operations (the BLAS kernel, the SIMD code of np.log).
"""
import re
import shutil

import nbclient
import pytest

from numerical import shows as same  # the digit rule: to the digits shown, "..." for leading digits
from tools import notebooks
from tools.course import ASSIGNMENTS, LANGUAGES, ROOT

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


@pytest.mark.slow  # runs the 8 solution notebooks in full: left out by `make test-fast`
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


def significant_digits(shown):
    """How many significant digits the quoted number ``shown`` gives ("0.00188234" and "-18.63492703": 6, 10)."""
    mantissa = shown.replace("...", "").partition("e")[0]
    return len(mantissa.lstrip("-").replace(".", "").lstrip("0"))


@pytest.mark.parametrize("assignment, language", NOTEBOOKS, ids=lambda p: getattr(p, "name", p))
def test_no_quote_shows_digits_that_vary_between_machines(assignment, language):
    """A float64 prints 15 to 17 significant digits, and the last ones move with the order of the sums (the
    BLAS kernel, the SIMD code of np.log): no expected output quotes more than 12 (see ``numerical.shows``)."""
    nb = notebooks.read(ROOT / "source" / assignment.folder(language) / assignment.notebook)
    quotes = [quoted(cell.source) for cell in nb.cells]
    too_long = [shown for quote in quotes if quote for shown in NUMBER.findall(quote) if significant_digits(shown) > 12]
    assert any(quotes) and not too_long, too_long


@pytest.mark.parametrize("shown, printed, ok", [
    ("-0.00188233", "-0.00188234", False), ("-0.00188234", "-0.00188234", True),
    ("8", "8", True), ("8", "8.0", True), ("0", "-0", True),
    ("94.8", "94.78672985781991", True), ("94.8", "94.9", False),
    ("0.2850931567761623", "0.2850931567761623", True), ("0.2850931567761623", "0.2850931567761624", False),
    # half a unit of the last digit, both ways, on exact decimals (no float rounding at the edge)
    ("0.2797765636", "0.27977656355", True), ("0.2797765636", "0.27977656365", True),
    ("0.2797765636", "0.2797765635499999", False), ("0.2797765636", "0.2797765636500001", False),
    ("-0.2797765636", "-0.27977656365", True), ("-0.2797765636", "0.2797765636", False),
    # exponents: the unit of the last digit scales with them; the printed value may use another exponent
    ("1.2e-07", "1.1890913024229996e-07", True), ("1.2e-07", "1.1499999999e-07", False),
    ("1.2e-07", "0.000000125", True), ("2e-7", "2.5000001e-07", False), ("1.5e+03", "1549.9", True),
    # leading digits: printed starts with them ...
    ("1.04167...e-08", "1.0416723391869255e-08", True), ("1.04168...e-08", "1.0416723391869255e-08", False),
    ("0.285093156776...", "0.2850931567761623", True), ("0.285093156776...", "0.2850931567769999", True),
    ("0.285093156776...", "0.285093156777", False), ("0.2850931...", "0.2850931583485706", True),
    # ... or rounds to them: the digits after the last one shown, which move between machines, carry into it
    ("0.285093156776...", "0.28509315677599999", True), ("0.285093156776...", "0.2850931567755", True),
    ("0.285093156776...", "0.2850931567754999", False),
    ("1.04167...e-08", "1.0416699999999e-08", True), ("1.04167...e-08", "1.041664e-08", False),
    ("-0.00188...", "-0.0018823", True), ("-0.00188...", "-0.0018799999", True), ("-0.00188...", "-0.00189", False),
    ("-0.00188...", "0.00188", False), ("0.00188...", "-0.00188", False),
    ("2.919335883...e-10", "2.919335883291695e-10", True), ("2.919335883...e-10", "2.9193358829999e-10", True),
    ("2.919335883...e-10", "2.919335884e-10", False),
])
def test_the_digit_rule(shown, printed, ok):
    assert same(shown, printed) is ok


@pytest.mark.parametrize("quote, output, missing", [
    ("cost = 0.2797765635...", "cost = 0.2797765635793422\n", None),
    ("cost = 0.2797765635...", "cost = 0.2797765633793422\n", "0.2797765635..."),
    # in order, each printed number used once: the second 0.5 is not the first one again
    ("a = 0.5, b = 0.5", "a = 0.5\nb = 0.25\n", "0.5"),
    ("A = [[0.36974721 0.00305176]]", "A = [[0.36974721 0.00305176 0.04565099]]", None),
    ("dA1 = [[ 0.36544439  0.         -0.00188234]]", "dA1 = [[ 0.36544439  0.         -0.00188234]]", None),
    ("dA1 = [[-0.00188234  0.36544439]]", "dA1 = [[ 0.36544439 -0.00188234]]", "0.36544439"),
    ("difference = 1.2e-07", "Your backward propagation works perfectly fine! difference = 1.1890913024229996e-07",
     None),
    ("difference = 0.2850931...", "There is a mistake in the backward propagation! difference = 0.2850931566540251",
     None),
    ("J = 8", "J = 8.0", None), ("J = 8", "nothing printed", "8"),
])
def test_mismatch_finds_the_first_quoted_number_not_printed_in_order(quote, output, missing):
    assert mismatch(quote, output) == missing
