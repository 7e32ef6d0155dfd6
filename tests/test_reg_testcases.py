"""utils/reg_testcases.py: the inputs of the visible tests give the facts' numbers through the reference."""
import numpy as np
import pytest

import reg_testcases
from reference import regularization as ref


def test_test_cases_return_no_expected_values_and_are_repeatable():
    a = reg_testcases.forward_propagation_with_dropout_test_case()
    b = reg_testcases.forward_propagation_with_dropout_test_case()
    np.testing.assert_array_equal(a[0], b[0])
    assert len(reg_testcases.backward_propagation_with_dropout_test_case()[2]) == 14


def test_reference_cost_matches_facts():
    A3, Y, parameters = reg_testcases.compute_cost_with_regularization_test_case()
    assert ref.compute_cost_with_regularization(A3, Y, parameters, 0.1) == pytest.approx(1.7864859451590758, rel=1e-12)


def test_reference_backward_l2_matches_facts():
    X, Y, cache = reg_testcases.backward_propagation_with_regularization_test_case()
    grads = ref.backward_propagation_with_regularization(X, Y, cache, 0.7)
    np.testing.assert_allclose(grads["dW3"], [[-1.77691347, -0.11832879, -0.09397446]], atol=1e-8)
    np.testing.assert_allclose(grads["dW1"], [[-0.25604646, 0.12298827, -0.28297129],
                                              [-0.17706303, 0.34536094, -0.4410571]], atol=1e-8)


def test_reference_dropout_matches_facts():
    X, parameters = reg_testcases.forward_propagation_with_dropout_test_case()
    A3, _ = ref.forward_propagation_with_dropout(X, parameters, 0.7)
    np.testing.assert_allclose(A3, [[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]], atol=1e-8)
    X, Y, cache = reg_testcases.backward_propagation_with_dropout_test_case()
    grads = ref.backward_propagation_with_dropout(X, Y, cache, 0.8)
    np.testing.assert_allclose(grads["dA1"], [[0.36544439, 0, -0.00188234, 0, -0.17408748],
                                              [0.65515713, 0, -0.00337459, 0, 0]], atol=1e-8)
    np.testing.assert_allclose(grads["dA2"][1], [0, 0.53159854, 0, 0.53159854, -0.34089673], atol=1e-8)


def test_backward_dropout_case_is_the_reference_forward_pass_with_keep_prob_half():
    X, parameters = reg_testcases.forward_propagation_with_dropout_test_case()
    _, expected = ref.forward_propagation_with_dropout(X, parameters, 0.5)
    _, _, cache = reg_testcases.backward_propagation_with_dropout_test_case()
    for got, want in zip(cache, expected):
        np.testing.assert_allclose(np.asarray(got, float), np.asarray(want, float))
