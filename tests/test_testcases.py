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
    with pytest.raises(AssertionError, match=r"`A3` has wrong values \(1 of 2 differs\)"):
        check_close("A3", np.array([1.0, 2.0]), [1.0, 3.0])
    with pytest.raises(AssertionError, match="should be a numpy array"):
        check_close("A3", "0.5", 0.5)


def test_messages_in_portuguese(portuguese):
    with pytest.raises(AssertionError, match="tem formato"):
        check_close("dW1", np.zeros((2, 3)), np.zeros((3, 2)))
    with pytest.raises(AssertionError, match="Falta em `grads` a chave `dW1`"):
        check_keys("grads", {}, ["dW1"])
    with pytest.raises(AssertionError, match="Faltam em `grads` as chaves `dW1`, `db1`"):
        check_keys("grads", {}, ["dW1", "db1"])
    with pytest.raises(AssertionError, match=r"\(1 de 3 difere\)"):
        check_close("db", np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 4.0]))
    with pytest.raises(AssertionError, match=r"\(2 de 3 diferem\)"):
        check_close("db", np.array([1.0, 5.0, 3.0]), np.array([1.0, 2.0, 4.0]))
    with pytest.raises(AssertionError, match="deveria ter 1 elemento, mas"):
        check_length("cache", (1, 2), 1)
    with pytest.raises(AssertionError, match="deveria ter 14 elementos"):
        check_length("cache", (1, 2), 14)


def test_every_message_exists_in_both_languages():
    assert set(testCases.MESSAGES["en"]) == set(testCases.MESSAGES["pt"])


@pytest.fixture
def hints(tmp_path, monkeypatch):
    """A mistake_hints.json with one mistake for `check_close("cost", ..., 1.5)`: its result is 3.0."""
    import json
    path = tmp_path / "mistake_hints.json"
    key = testCases.hint_key("check_close", "cost", (1.5,), {})
    path.write_text(json.dumps({key: [{"function": "f", "mistake": "doubled", "actual": testCases.image(3.0),
                                       "hint": "The cost is doubled."}]}), encoding="utf-8")
    monkeypatch.setattr(testCases, "HINTS", path)
    testCases._hints.cache_clear()
    yield
    testCases._hints.cache_clear()


def test_a_failed_check_names_the_one_mistake_that_gives_this_result(hints, portuguese):
    with pytest.raises(AssertionError, match=r"(?s)`cost` tem valores errados.*\nDica: .*erro comum produz\. The cost is doubled\."):
        check_close("cost", 3.0, 1.5)
    with pytest.raises(AssertionError) as other:  # another wrong value: no hint
        check_close("cost", 2.0, 1.5)
    assert "Dica" not in str(other.value)
    with pytest.raises(AssertionError) as elsewhere:  # the same value on another check: no hint
        check_close("cost", 3.0, 1.25)
    assert "Dica" not in str(elsewhere.value)
    check_close("cost", 1.5, 1.5)  # passes: nothing


def test_an_odd_object_keeps_the_checks_own_message(hints):
    class Odd:
        def __array__(self, *args, **kwargs):
            raise RuntimeError("no")

        def __float__(self):
            raise RuntimeError("no")
    with pytest.raises(AssertionError, match="`cost` should be"):
        check_close("cost", Odd(), 1.5)
