"""utils/testCases.py: the checks and their messages in both languages."""
import numpy as np
import pytest

import testCases
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
