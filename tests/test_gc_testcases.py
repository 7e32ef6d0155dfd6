"""utils/gc_testcases.py and the Gradient Checking reference: the facts' numbers, and the numbers the master quotes."""
import contextlib
import io
import re

import numpy as np
import pytest

import gc_testcases
from gc_testcases import gradient_check_n_test_case, gradient_check_test_case, replaced
from gc_utils import LAYOUT
from numerical import shows
from reference import gradient_checking as ref
from tools.bilingual import read_master
from tools.course import ASSIGNMENTS

FACTS_1D = 2.919335883291695e-10
FACTS_BUGGY = 0.2850931567761623
FACTS_FIXED = 1.1890913024229996e-07   # "≈ 1.189e-07": rounding noise, its digits vary by platform (rel=0.05)


def quiet(function, *args, **kwargs):
    """(result, what it printed on stdout); stderr must stay empty."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        result = function(*args, **kwargs)
    assert err.getvalue() == ""
    return result, out.getvalue()


def fixed_gradients(X, Y, parameters):
    return ref.backward_propagation_n_fixed(X, Y, ref.forward_propagation_n(X, Y, parameters)[1])


def test_test_cases_are_inputs_only_and_repeatable():
    assert gc_testcases.forward_propagation_test_case() == (2, 4)
    assert gc_testcases.backward_propagation_test_case() == (2, 4)
    x, theta, forward, backward = gradient_check_test_case()
    assert (x, theta) == (2, 4) and forward(2, 4) == 128 and backward(2, 4) == 96
    a, b = gradient_check_n_test_case(), gradient_check_n_test_case()
    np.testing.assert_array_equal(a[0], b[0])
    assert set(gc_testcases.__all__) == {name for name in dir(gc_testcases) if not name.startswith("_")
                                         and callable(getattr(gc_testcases, name))
                                         and getattr(gc_testcases, name).__module__ == "gc_testcases"}


def test_gradient_check_n_case_is_seed_1_x_then_the_six_blocks():
    X, Y, parameters = gradient_check_n_test_case()
    np.random.seed(1)
    np.testing.assert_array_equal(X, np.random.randn(4, 3))
    for name, shape in LAYOUT:
        np.testing.assert_array_equal(parameters[name], np.random.randn(*shape))
    np.testing.assert_array_equal(Y, [[1, 1, 0]])


def test_replaced_restores_names_even_after_an_error():
    namespace = {"f": 1}
    with pytest.raises(RuntimeError):
        with replaced(namespace, f=2, g=3):
            assert namespace == {"f": 2, "g": 3}
            raise RuntimeError
    assert namespace == {"f": 1}


def test_reference_one_dimensional_facts():
    assert ref.forward_propagation(2, 4) == 8
    assert ref.backward_propagation(2, 4) == 2
    difference, printed = quiet(ref.gradient_check, 2, 4)
    assert difference == pytest.approx(FACTS_1D, rel=1e-9)
    assert printed == "The gradient is correct!\n"


def test_visible_gradient_check_case_expected_value_and_why_it_catches_a_one_sided_difference():
    x, theta, forward, backward = gradient_check_test_case()
    with replaced(vars(ref), forward_propagation=forward, backward_propagation=backward):
        difference, printed = quiet(ref.gradient_check, x, theta, epsilon=1e-3)
    assert difference == pytest.approx(2e-6 / (192 + 2e-6), rel=1e-3)     # the constant of the visible test
    assert difference == pytest.approx(1.0416666558e-08, rel=1e-3)
    assert printed == "The gradient is correct!\n"
    one_sided = abs(forward(x, theta + 1e-3) - forward(x, theta)) / 1e-3
    assert abs(one_sided - backward(x, theta)) / (one_sided + backward(x, theta)) > 1000 * difference
    # ... while on the notebook's linear J = θx a one-sided difference is exact up to rounding.
    assert abs((ref.forward_propagation(2, 4 + 1e-3) - ref.forward_propagation(2, 4)) / 1e-3 - 2) < 1e-9


def test_reference_gradient_check_n_facts_with_the_bugs_and_with_them_fixed():
    X, Y, parameters = gradient_check_n_test_case()
    gradients = ref.backward_propagation_n(X, Y, ref.forward_propagation_n(X, Y, parameters)[1])
    difference, printed = quiet(ref.gradient_check_n, parameters, gradients, X, Y)
    assert difference == pytest.approx(FACTS_BUGGY, rel=1e-6)
    assert printed.startswith("There is a mistake in the backward propagation! difference = 0.28509")
    difference, printed = quiet(ref.gradient_check_n, parameters, fixed_gradients(X, Y, parameters), X, Y)
    assert difference == pytest.approx(FACTS_FIXED, rel=0.05) and difference < 2e-7
    # Not its digits as text: it is rounding noise, and a few ulps more or less in the costs (another BLAS kernel,
    # another np.exp) move it by about a percent (1.17e-07 to 1.21e-07 in such trials), so even "1.1" is not a fact.
    message, _, number = printed.rstrip("\n").rpartition(" = ")
    assert message == "Your backward propagation works perfectly fine! difference" and float(number) == difference


def test_the_provided_backward_has_exactly_the_two_classic_bugs():
    X, Y, parameters = gradient_check_n_test_case()
    buggy = ref.backward_propagation_n(X, Y, ref.forward_propagation_n(X, Y, parameters)[1])
    fixed = fixed_gradients(X, Y, parameters)
    np.testing.assert_array_equal(buggy["dW2"], 2 * fixed["dW2"])
    np.testing.assert_array_equal(buggy["db1"], 4 * fixed["db1"])
    for name in ("dW1", "db2", "dW3", "db3"):
        np.testing.assert_array_equal(buggy[name], fixed[name])


def test_block_report_finds_w2_and_b1_and_agrees_after_the_fix():
    X, Y, parameters = gradient_check_n_test_case()
    forward_before = ref.forward_propagation_n
    report, printed = quiet(ref.block_report, ref.backward_propagation_n, X, Y, parameters)
    assert ref.forward_propagation_n is forward_before and printed == ""
    assert list(report) == [name for name, _ in LAYOUT]
    assert {name for name, d in report.items() if d > 2e-7} == {"W2", "b1"}
    assert report["W2"] == pytest.approx(1 / 3, rel=1e-6) and report["b1"] == pytest.approx(0.6, rel=1e-6)
    report, _ = quiet(ref.block_report, ref.backward_propagation_n_fixed, X, Y, parameters)
    # Every block agrees: below the threshold of the figure (2e-7). Rounding noise sets how far below (5.7e-9
    # here; up to 4e-8 when each np.dot result is moved by a few ulps, as another BLAS kernel may).
    assert max(report.values()) < 2e-7


def test_one_sided_noise_is_why_the_report_uses_epsilon_1e_5():
    """With ε = 1e-7 rounding alone pushes single blocks over 2e-7 (the note of section 5)."""
    X, Y, parameters = gradient_check_n_test_case()
    report, _ = quiet(ref.block_report, ref.backward_propagation_n_fixed, X, Y, parameters, epsilon=1e-7)
    assert max(report.values()) > 2e-7


def _master_text(language, markdown_only=True):
    master = read_master(ASSIGNMENTS["gradient_checking"].master)
    return "\n".join(c.source for c in master.cells
                     if (c.cell_type == "markdown" or not markdown_only) and c.metadata.get("lang", language) == language)


def _quoted(pattern, text):
    """The numbers that ``pattern``'s group finds in ``text``, as written (at least one)."""
    found = re.findall(pattern, text)
    assert found, pattern
    return found


def _not_shown(quotes, value):
    """The quotes that are not ``value`` to the digits they show (``numerical.shows``, test_expected_outputs' rule)."""
    return [quote for quote in quotes if not shows(quote, repr(float(value)))]


@pytest.mark.parametrize("language", ["en", "pt"])
def test_numbers_quoted_in_the_master_are_what_the_code_prints(language):
    markdown, everything = _master_text(language), _master_text(language, markdown_only=False)
    X, Y, parameters = gradient_check_n_test_case()
    one_d, _ = quiet(ref.gradient_check, 2, 4)
    number = r"(?:difference|diferença) = ({}[\d.]*(?:e-\d+)?)"
    one_d_quotes = _quoted(number.format(r"2\."), markdown)
    assert len(one_d_quotes) == 1 and not _not_shown(one_d_quotes, one_d)
    fixed, _ = quiet(ref.gradient_check_n, parameters, fixed_gradients(X, Y, parameters), X, Y)
    fixed_quotes = _quoted(number.format(r"1\."), markdown)
    assert len(fixed_quotes) == 1 and not _not_shown(fixed_quotes, fixed)
    gradients = ref.backward_propagation_n(X, Y, ref.forward_propagation_n(X, Y, parameters)[1])
    buggy, _ = quiet(ref.gradient_check_n, parameters, gradients, X, Y)
    assert not _not_shown(_quoted(number.format(r"0\.28"), everything), buggy)
    x, theta, forward, backward = gradient_check_test_case()
    with replaced(vars(ref), forward_propagation=forward, backward_propagation=backward):
        cubic, _ = quiet(ref.gradient_check, x, theta, epsilon=1e-3)
    label = {"en": "difference", "pt": "diferença"}[language]
    assert f"{label} = {float(cubic):.5e}".replace("e-08", "...e-08") in everything
    report, _ = quiet(ref.block_report, ref.backward_propagation_n, X, Y, parameters)
    doubled, times_four = {"en": ("0.3333 when", "0.6 when"), "pt": ("0,3333 quando", "0,6 quando")}[language]
    assert f"{report['W2']:.4f}" == "0.3333" and doubled in markdown
    assert f"{report['b1']:.4g}" == "0.6" and times_four in markdown
    assert "94" in markdown and 2 * len(ref.dictionary_to_vector(parameters)[1]) == 94
