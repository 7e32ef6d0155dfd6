"""utils/testCases.py: the checks' messages, and the test cases against the facts file (through the reference)."""
import numpy as np
import pytest

import testCases
from reference import regularization as ref
from testCases import check_close, check_keys, check_length


@pytest.fixture
def portuguese():
    testCases.set_language("pt")
    yield
    testCases.set_language("en")


def test_check_close_accepts_scalars_of_any_numeric_kind():
    for value in (1.5, np.float64(1.5), np.array(1.5), np.array([[1.5]])):
        check_close("cost", value, 1.5)


def test_check_close_names_the_output_the_shape_and_the_values():
    with pytest.raises(AssertionError, match=r"`dW1` has shape \(2, 3\); expected shape \(3, 2\)"):
        check_close("dW1", np.zeros((2, 3)), np.zeros((3, 2)))
    with pytest.raises(AssertionError, match=r"`A3` has wrong values \(1 of 2 differ\)"):
        check_close("A3", np.array([1.0, 2.0]), [1.0, 3.0])
    with pytest.raises(AssertionError, match="should be a numpy array"):
        check_close("A3", "0.5", 0.5)


def test_messages_in_portuguese(portuguese):
    with pytest.raises(AssertionError, match="tem formato"):
        check_close("dW1", np.zeros((2, 3)), np.zeros((3, 2)))
    with pytest.raises(AssertionError, match="Faltam em `grads` as chaves"):
        check_keys("grads", {}, ["dW1"])
    with pytest.raises(AssertionError, match="deveria ter 14 elementos"):
        check_length("cache", (1, 2), 14)


def test_every_message_exists_in_both_languages():
    assert set(testCases.MESSAGES["en"]) == set(testCases.MESSAGES["pt"])


def test_test_cases_return_no_expected_values_and_are_repeatable():
    a = testCases.forward_propagation_with_dropout_test_case()
    b = testCases.forward_propagation_with_dropout_test_case()
    np.testing.assert_array_equal(a[0], b[0])
    assert len(testCases.backward_propagation_with_dropout_test_case()[2]) == 14


# The reference solutions on the notebook's test cases give the numbers of course-facts §3.
def test_reference_cost_matches_facts():
    A3, Y, parameters = testCases.compute_cost_with_regularization_test_case()
    assert ref.compute_cost_with_regularization(A3, Y, parameters, 0.1) == pytest.approx(1.7864859451590758, rel=1e-12)


def test_reference_backward_l2_matches_facts():
    X, Y, cache = testCases.backward_propagation_with_regularization_test_case()
    grads = ref.backward_propagation_with_regularization(X, Y, cache, 0.7)
    np.testing.assert_allclose(grads["dW3"], [[-1.77691347, -0.11832879, -0.09397446]], atol=1e-8)
    np.testing.assert_allclose(grads["dW1"], [[-0.25604646, 0.12298827, -0.28297129],
                                              [-0.17706303, 0.34536094, -0.4410571]], atol=1e-8)


def test_reference_dropout_matches_facts():
    X, parameters = testCases.forward_propagation_with_dropout_test_case()
    A3, _ = ref.forward_propagation_with_dropout(X, parameters, 0.7)
    np.testing.assert_allclose(A3, [[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]], atol=1e-8)
    X, Y, cache = testCases.backward_propagation_with_dropout_test_case()
    grads = ref.backward_propagation_with_dropout(X, Y, cache, 0.8)
    np.testing.assert_allclose(grads["dA1"], [[0.36544439, 0, -0.00188233, 0, -0.17408748],
                                              [0.65515713, 0, -0.00337459, 0, 0]], atol=1e-7)
    np.testing.assert_allclose(grads["dA2"][1], [0, 0.53159854, 0, 0.53159854, -0.34089673], atol=1e-8)


def test_backward_dropout_case_is_the_reference_forward_pass_with_keep_prob_half():
    X, parameters = testCases.forward_propagation_with_dropout_test_case()
    _, expected = ref.forward_propagation_with_dropout(X, parameters, 0.5)
    _, _, cache = testCases.backward_propagation_with_dropout_test_case()
    for got, want in zip(cache, expected):
        np.testing.assert_allclose(np.asarray(got, float), np.asarray(want, float))
