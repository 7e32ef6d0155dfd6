"""Unit tests of the grading plugins' pieces, without kernels: plain data, the referee, the score rule, feedback.

The referee's check session runs for real (a jailed check process and the oracle process) on a tiny
fake assignment: ``double`` and ``quad``, whose reference and cases modules are written here.
"""
import importlib
import dataclasses
import json
import math
import os
import resource
import sys

import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from tools.grading import messages, plain
from tools.grading.feedback import FeedbackFromGrader
from tools.grading.jail import Jail
from tools.grading.plain import Other, PlainDataError, compare, decode, encode
from tools.exercise import Case, Exercise
from tools.grading.oracle import Oracle, judge, public_verdict
from tools.grading.record import Pack
from tools.grading.referee import MAX_CALLS, CheckSession, oracle_names
from tools.grading.sanitize import StripHiddenTests
from tools.grading.scoring import sealed_score


def round_trip(value):
    """``value`` through encode, JSON (as the jail writes it) and decode."""
    return decode(json.loads(json.dumps(encode(value), allow_nan=False)))


# --- plain ------------------------------------------------------------------------------------------------


def test_plain_round_trip_keeps_types_and_values():
    """Nested tuples, lists, dicts, str, None, bool, int, float, NaN and infinities come back as they went."""
    value = {"t": (1, [2.5, None, True, "s"]), "d": {"inner": (False, -7)}, "nan": math.nan, "inf": math.inf,
             "-inf": -math.inf, "empty": ((), [], {})}
    back = round_trip(value)
    assert type(back["t"]) is tuple and type(back["t"][1]) is list
    assert back["t"] == (1, [2.5, None, True, "s"])
    assert type(back["t"][0]) is int and type(back["t"][1][2]) is bool
    assert back["d"] == {"inner": (False, -7)} and type(back["d"]["inner"][0]) is bool
    assert math.isnan(back["nan"]) and back["inf"] == math.inf and back["-inf"] == -math.inf
    assert back["empty"] == ((), [], {})


@pytest.mark.parametrize("array, dtype", [
    (np.array([[True, False], [False, True]]), "bool"),
    (np.arange(6, dtype=np.int32).reshape(2, 3), "int64"),
    (np.arange(6, dtype=np.uint8), "int64"),
    (np.array([[0.5, np.nan], [np.inf, -np.inf]]), "float64"),
    (np.linspace(0, 1, 5, dtype=np.float32), "float64"),
    (np.zeros((0, 3)), "float64"),
    (np.array(2.5), "float64"),
])
def test_plain_arrays_round_trip(array, dtype):
    """Bool, integer and float arrays (any shape, NaN and inf included) come back as plain ndarrays."""
    back = round_trip(array)
    assert type(back) is np.ndarray
    assert back.dtype == dtype and back.shape == array.shape
    np.testing.assert_array_equal(back, array.astype(dtype))


def test_plain_numpy_scalars_become_python_numbers():
    """numpy scalars come back as plain bool, int and float."""
    assert [type(round_trip(v)) for v in (np.bool_(True), np.int64(3), np.float32(1.5))] == [bool, int, float]
    assert round_trip(np.int64(3)) == 3 and round_trip(np.float32(1.5)) == 1.5


def test_plain_decode_never_returns_student_types():
    """A float subclass that equals everything, or an ndarray subclass, comes back as a plain float or ndarray."""
    class Cheat(float):
        def __eq__(self, other):
            return True

        __hash__ = float.__hash__

        def __bool__(self):
            return True

    class CheatArray(np.ndarray):
        def __eq__(self, other):
            return True

    assert encode(Cheat(1.25)) == ["float", 1.25]
    for back in (decode(encode(Cheat(1.25))), round_trip(Cheat(1.25))):
        assert type(back) is float and back == 1.25 and back != 2
    for back in (decode(encode(np.arange(3.0).view(CheatArray))), round_trip(np.arange(3.0).view(CheatArray))):
        assert type(back) is np.ndarray
        assert not np.array_equal(back, np.ones(3))
    assert decode(["float", Cheat(2.0)]).__class__ is float
    unknown = round_trip({"f": lambda: 1, "o": object()})
    assert type(unknown["f"]) is Other and type(unknown["o"]) is Other


def nested(depth):
    """A list nested ``depth`` times, as encoded data."""
    data = ["none"]
    for _ in range(depth):
        data = ["list", [data]]
    return data


half = plain.MAX_ELEMENTS // 2 + 1


@pytest.mark.parametrize("data", [
    None, 5, "float", [], ["nope", 1], ["bool"], ["int", "abc"], ["int", None], ["float", "x"], ["tuple", 5],
    ["dict", [["k"]]], ["array", "object", [1], [1]], ["array", "float64", [-1], []],
    ["array", "float64", [2], [1.0]], ["array", "float64", [1] * 33, [1.0]], ["array", "float64", [1], ["a"]],
    ["array", "float64", [plain.MAX_ELEMENTS + 1], [0.0] * (plain.MAX_ELEMENTS + 1)],
    ["list", [["array", "float64", [half], [0.0] * half]] * 2],
    nested(plain.MAX_DEPTH + 1),
])
def test_plain_decode_rejects_garbage(data):
    """Wrong tags, bad arrays, oversized values and too deep nesting raise PlainDataError."""
    with pytest.raises(PlainDataError):
        decode(data)


def test_plain_decode_accepts_the_limits():
    """Values at the size and depth limits still decode (the bounds are not off by one against encode)."""
    assert decode(nested(plain.MAX_DEPTH)) is not None
    assert decode(["array", "float64", [plain.MAX_ELEMENTS], [0.0] * plain.MAX_ELEMENTS]).size == plain.MAX_ELEMENTS


@pytest.mark.parametrize("expected, actual, ok", [
    (np.zeros((2, 3)), np.zeros((2, 3)), True),
    (np.zeros((2, 3)), np.zeros((3, 2)), False),
    (np.zeros((2, 3)), np.zeros(6), False),
    (1.0, np.array([1.0]), True),
    (np.array([[2.0]]), 2.0, True),
    (np.array([1.0, 2.0]), 1.0, False),
    ({"a": 1, "b": 2}, {"a": 1, "b": 2, "extra": 3}, True),
    ({"a": 1, "b": 2}, {"a": 1}, False),
    ({"a": 1}, [1], False),
    ((1, 2), [1, 2], True),
    ((1, 2), (1, 2, 3), False),
    ([1.0, 2.0], [1.0, 2.1], False),
    (np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9]), True),
    (math.nan, math.nan, True),
    (np.array([math.nan, 1.0]), np.array([math.nan, 1.0]), True),
    (math.nan, 1.0, False),
    (1.0, math.nan, False),
    ("relu", "relu", True),
    ("relu", "sigmoid", False),
    ("relu", Other("relu"), False),
    (None, None, True),
    (None, 0, False),
    (1.0, Other("float"), False),
    (0.0, Other(""), False),
    (1.0, "1.0", False),
    (1.0, None, False),
    (np.zeros(2), [0.0, 0.0], False),
])
def test_plain_compare(expected, actual, ok):
    """compare() matches shapes (size 1 vs scalar allowed), dict keys, lengths, values, NaN, strings; Other never."""
    reason = compare(expected, actual)
    assert (reason is None) is ok, reason


def test_plain_compare_names_the_place():
    """compare()'s reason says where the difference is."""
    assert compare({"dW1": np.zeros(2)}, {"dW1": np.ones(2)}) == {"code": "values", "path": ["dW1"]}
    assert compare({"dW1": 1}, {}) == {"code": "key", "path": [], "key": "dW1"}
    assert compare((1, (2, 3)), (1, (2, 4))) == {"code": "values", "path": [1, 1]}
    assert compare(np.zeros((2, 3)), np.zeros(3)) == {"code": "shape", "path": [], "got": [3], "want": [2, 3]}


# --- referee.judge ----------------------------------------------------------------------------------------


CASE = Case("hidden", (np.arange(3.0),))


@pytest.mark.parametrize("answer, reason", [
    (None, {"code": "no_answer"}),
    ([1], {"code": "no_answer"}),
    ("value", {"code": "no_answer"}),
    ({"error": "MyCustomCheatName"}, {"code": "raised", "error": None}),
    ({"error": "ValueError"}, {"code": "raised", "error": "ValueError"}),
    ({"error": "SystemExit"}, {"code": "raised", "error": "SystemExit"}),
    ({"error": "print"}, {"code": "raised", "error": None}),
    ({"error": 5}, {"code": "raised", "error": None}),
    ({"error": "ValueError", "value": encode(np.arange(3.0) * 2)}, {"code": "raised", "error": "ValueError"}),
    ({}, {"code": "unreadable"}),
    ({"valeu": encode(1.0)}, {"code": "unreadable"}),
    ({"value": ["zzz"]}, {"code": "unreadable"}),
    ({"value": ["array", "float64", [4], [0.0, 2.0, 4.0]]}, {"code": "unreadable"}),
])
def test_judge_fails_closed(answer, reason):
    """Non-dict answers, errors (named only when a builtin exception), missing or unreadable values fail."""
    assert judge(CASE, np.arange(3.0) * 2, answer) == reason


def test_judge_compares_values():
    """A right value passes, a wrong one fails with compare()'s reason."""
    assert judge(CASE, np.arange(3.0) * 2, {"value": encode(np.arange(3.0) * 2)}) is None
    assert judge(CASE, np.arange(3.0) * 2, {"value": encode(np.arange(3.0))}) == {"code": "values", "path": []}


@pytest.mark.parametrize("value, ok", [
    (1e-9, True), (0, True), (np.float64(1e-8), True), (1e-3, False), (1e-7, False), (-1.0, False),
    (math.nan, False), (True, False), (False, False), ("0", False), ([1e-9], False), (None, False),
])
def test_judge_below(value, ok):
    """With ``below``, only a non-negative number (not a bool) under the threshold passes."""
    case = Case("hidden", (), below=1e-7)
    reason = judge(case, 123.0, {"value": encode(value)})
    assert (reason is None) is ok, reason


def test_judge_compares_every_key():
    """Every key of a dict output is compared: a missing cache or a wrong gradient fails."""
    expected = {"dW1": np.ones(2), "cache": np.zeros(2)}
    assert judge(Case("hidden", ()), expected, {"value": encode({"dW1": np.ones(2)})}) == {"code": "key", "path": [],
                                                                                           "key": "cache"}
    wrong = {"value": encode({"dW1": np.zeros(2), "cache": np.zeros(2)})}
    assert judge(Case("hidden", ()), expected, wrong) == {"code": "values", "path": ["dW1"]}


def test_judge_unchanged():
    """With ``unchanged``, modified or missing arguments after the call fail."""
    case = Case("hidden", (np.arange(3.0),), kwargs={"scale": 2}, unchanged=True)
    value = encode(np.arange(3.0) * 2)
    same = encode([[np.arange(3.0)], {"scale": 2}])
    assert judge(case, np.arange(3.0) * 2, {"value": value, "arguments_after": same}) is None
    for after in (encode([[np.arange(3.0) + 1e-12], {"scale": 2}]), encode([[np.arange(3.0)], {"scale": 3}])):
        assert judge(case, np.arange(3.0) * 2, {"value": value, "arguments_after": after}) == \
            {"code": "changed_arguments"}
    assert judge(case, np.arange(3.0) * 2, {"value": value}) == {"code": "unreadable"}


# --- referee.CheckSession, end to end in a real jail ------------------------------------------------------


REFERENCE = """
import numpy as np


def double(x):
    return 2 * x


def quad(x):
    return double(double(x))


def grow(n):
    return np.ones((n, n))


def layers(n):
    return float(grow(n).sum())
"""
CASES_MODULE = """
import numpy as np
from tools.exercise import Case, Exercise

EXERCISES = [Exercise("double", ("y",), example=[lambda: ((3,), {})], hidden=[lambda: ((np.arange(3.0),), {})]),
             Exercise("quad", ("y",), hidden=[lambda: ((1.5,), {})]),
             Exercise("grow", ("y",), hidden=[lambda: ((2,), {})]),
             Exercise("layers", ("y",), hidden=[lambda: ((3,), {})])]
"""
CASES = {"double": [Case("example", (3,)), Case("hidden", (np.arange(3.0),))], "quad": [Case("hidden", (1.5,))],
         "grow": [Case("hidden", (2,))], "layers": [Case("hidden", (3,))]}
NAMES = Exercise("any", ("y",))  # every fake function returns one output, named y
SUBJECT = ("fake_cases", "fake_reference", None)
SETUP = ["import numpy as np"]
GiB = 1024 ** 3
CHANNEL = "import sys\nchannel = sys._getframe(1).f_locals['channel']\n"  # the protocol, from a cell's top level
SELF_STUB = CHANNEL + ("double = sys._getframe(1).f_globals['oracle_stub']('double', "
                       "sys._getframe(1).f_locals['case'], channel)\n")


@pytest.fixture(scope="module")
def fake_modules(tmp_path_factory):
    """The fake assignment's reference and cases modules, importable here and in the oracle process."""
    folder = tmp_path_factory.mktemp("fake_assignment")
    (folder / "fake_reference.py").write_text(REFERENCE)
    (folder / "fake_cases.py").write_text(CASES_MODULE)
    sys.path.insert(0, str(folder))
    yield folder
    sys.path.remove(str(folder))


@pytest.fixture(scope="module")
def reference(fake_modules):
    """The fake assignment's reference module."""
    return importlib.import_module("fake_reference")


@pytest.fixture(scope="module")
def oracle_process(fake_modules):
    """An oracle process that can import the fake modules."""
    process = Oracle(2 * GiB)
    yield process
    process.close()


@pytest.fixture(scope="module")
def jail(tmp_path_factory):
    """A maker of jails over one tiny trusted folder (a session owns its jail and closes it)."""
    folder = tmp_path_factory.mktemp("trusted")
    (folder / "helper.py").write_text("OFFSET = 0\n")
    return lambda: Jail(folder)


@pytest.fixture
def check(jail, reference, oracle_process):
    """check(function, cell, ...) on a fresh jailed session (closed after the test); the session is ``check.session``."""
    sessions = []

    def run(function, cell, helpers=(), oracle=None, timeout=10, session=None):
        if session is None:
            session = sessions[-1] if sessions and sessions[-1].alive else None
        if session is None:
            sessions.append(CheckSession(jail(), SETUP, jailed=True))
            session = sessions[-1]
            assert session.alive, session.setup_failed
        run.session = session
        if oracle is None:
            oracle = oracle_names(reference, function, CASES, CASES[function])
        verdicts = session.check(function, CASES[function], list(helpers), cell, oracle, SUBJECT, oracle_process,
                                 timeout, 2 * GiB)[0]  # (the mistake is None: no catalogue here)
        return [verdict and messages.reason(verdict, case.label, NAMES.output_name, "en")  # as the student reads it
                for case, verdict in zip(CASES[function], verdicts)]

    yield run
    for session in sessions:
        session.close()


def test_session_passes_a_correct_cell(check):
    """Correct cells pass every case, the session stays alive for the next function."""
    assert check("double", "def double(x):\n    return 2 * x") == [None, None]
    assert check.session.alive
    assert check("quad", "def quad(x):\n    return 4 * x") == [None]


def test_session_fails_a_wrong_cell(check):
    """A wrong cell fails every case with the comparison's reason; a missing function fails too. On the hidden
    case, the reason is a fixed text: no exception name."""
    assert check("double", "def double(x):\n    return 3 * x") == ["`y` has wrong values"] * 2
    assert check("double", "def doubel(x):\n    return 2 * x") == ["it raised `KeyError`", "it raised an exception"]
    assert check("double", "def double(x):\n    raise ValueError('no')") == ["it raised `ValueError`",
                                                                              "it raised an exception"]


def test_session_uses_the_trusted_setup_and_folder(check):
    """The setup (numpy as np) and the trusted helper modules are available to the student's cell."""
    cell = "import helper\ndef double(x):\n    return np.multiply(x, 2) + helper.OFFSET"
    assert check("double", cell) == [None, None]


@pytest.mark.parametrize("cell", [
    "import os\ndef double(x):\n    os._exit(0)",
    "import os\nos._exit(0)",
    "import os, signal\ndef double(x):\n    os.kill(os.getpid(), signal.SIGKILL)",
])
def test_session_fails_closed_when_the_check_dies(check, cell):
    """A cell that exits or kills itself gets no answer, and the session survives for the next function."""
    assert check("double", cell) == ["no answer came back"] * 2
    assert check.session.alive
    assert check("double", "def double(x):\n    return 2 * x", session=check.session) == [None, None]


def test_session_times_out_an_endless_loop(check):
    """A cell that never returns fails after the timeout; the session recovers."""
    assert check("double", "def double(x):\n    while True:\n        pass", timeout=2) == \
        ["no answer came back within 2 s"] * 2  # the time limit's seconds are said
    assert check("double", "def double(x):\n    return 2 * x", session=check.session) == [None, None]


def test_session_ignores_forged_results(check):
    """A cell that writes forged results to the protocol before the real ones gets no points."""
    forged = CHANNEL + "channel[1].write('{\"results\": []}\\n'); channel[1].flush()\n"
    assert check("double", forged + "def double(x):\n    return 2 * x") == ["no answer came back"] * 2
    done = CHANNEL + "channel[1].write('{\"done\": \"double\"}\\n'); channel[1].flush()\n"
    assert check("double", done + "def double(x):\n    return 2 * x") == ["no answer came back"] * 2


@pytest.mark.parametrize("line", ["garbage", "[1, 2]", "{\"results\": "])
def test_session_fails_closed_on_garbage(check, line):
    """A garbage line on the protocol fails the function and ends the session (never trusted again)."""
    cell = CHANNEL + f"channel[1].write({line!r} + '\\n'); channel[1].flush()\ndef double(x):\n    return 2 * x"
    assert check("double", cell) == ["no answer came back"] * 2
    assert not check.session.alive
    assert check("double", "def double(x):\n    return 2 * x", session=check.session)[0] == \
        "the check could not start"


def test_oracle_serves_the_reference(check, reference):
    """quad's cell calling double gets the reference's double, whatever the student's double does."""
    cell = "def quad(x):\n    return double(double(x))"
    assert oracle_names(reference, "quad", CASES, CASES["quad"]) == ["double"]
    assert check("quad", cell) == [None]
    wrong_double = ["def double(x):\n    return 3 * x"]
    assert check("quad", cell, helpers=wrong_double) == [None]
    assert check("quad", cell, helpers=wrong_double, oracle=[]) == ["`y` has wrong values"]


def test_oracle_refuses_the_checked_function(check):
    """A cell for double that calls a stub named double through the oracle is refused, even if the grader listed it."""
    cell = SELF_STUB + "_double = double\ndef double(x):\n    return _double(x)"
    assert check("double", cell, oracle=[]) == ["it raised `RuntimeError`", "it raised an exception"]
    assert check("double", cell, oracle=["double"]) == ["it raised `RuntimeError`", "it raised an exception"]
    assert check.session.alive


def test_oracle_refuses_out_of_range_cases(check):
    """An oracle call for a case that does not exist is refused."""
    cell = ("import sys\n_stub = sys._getframe(1).f_globals['oracle_stub']\n"
            "_channel = sys._getframe(1).f_locals['channel']\n"
            "double = _stub('double', [99], _channel)\ndef quad(x):\n    return double(double(x))")
    assert check("quad", cell) == ["it raised an exception"]


def test_oracle_does_not_answer_for_the_checked_function_indirectly(check, reference):
    """double's cell cannot get the reference's double by asking the oracle for quad, which calls double: the
    reference of double calls no graded function, so nothing is served, even when the grader is told to."""
    cell = "def double(x):\n    return quad(x) / 2"
    assert oracle_names(reference, "double", CASES, CASES["double"]) == []
    assert check("double", cell) != [None, None]
    assert check("double", cell, oracle=["quad"]) != [None, None]


def test_hidden_verdicts_are_fixed_texts(check):
    """On a hidden case the student reads the output's name and the kind of failure, nothing its code produced:
    no shape, no exception name. On the example case, whose inputs the student has, the shape is shown."""
    shaped = check("double", "def double(x):\n    return np.zeros((7 * np.size(x), 3))")
    assert shaped == ["`y` has shape (7, 3), not ()", "`y` has the wrong shape"]
    assert check("double", "def double(x):\n    raise KeyboardInterrupt")[1] == "it raised an exception"
    assert check("double", "def double(x):\n    return 'text'")[1] == "`y` has the wrong type"
    hidden = Case("hidden", ())
    for n in range(9):
        verdict = {"code": "shape", "path": [f"W{n}"], "got": [n, 1], "want": []}
        assert public_verdict(hidden, verdict) == {"code": "shape", "path": [f"W{n}"]}
        assert messages.reason(public_verdict(hidden, verdict), "hidden", NAMES.output_name, "pt") == \
            f"`W{n}` tem o formato errado"


def test_oracle_memory_bomb_costs_only_the_check(check):
    """A call of another graded function with huge arguments is computed in the oracle process, under its cap:
    the call fails (the student's function raises), the grading process allocates nothing, and the next check
    is served again."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bomb = "def layers(n):\n    return float(grow(26000).sum())"
    assert check("layers", bomb) == ["it raised an exception"]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 512 * 1024  # KiB: far below 5 GB
    assert check("layers", "def layers(n):\n    return float(grow(n).sum())") == [None]


def test_oracle_call_budget(check):
    """More oracle calls than a check may make end the check: it fails, with a fixed text."""
    cell = "def quad(x):\n    for _ in range(5000):\n        double(x)\n    return double(double(x))"
    assert check("quad", cell) == [f"it made more than {MAX_CALLS} calls of other graded functions"]


def test_oracle_calls_written_in_one_go_stop_at_the_deadline(check):
    """Calls written all at once, without waiting for answers, are not all answered: the deadline is looked at
    before every message, and the oracle is stopped mid-call when it passes."""
    flood = CHANNEL + ("import json\n_h = json.dumps({'call': 'grow', 'case': 0})\n"
                       "_p = json.dumps({'args': ['list', [['int', 2500]]], 'kwargs': ['dict', []]})\n"
                       "channel[1].write((_h + '\\n' + _p + '\\n') * 1500)\nchannel[1].flush()\n"
                       "import time\ntime.sleep(60)\n")
    assert check("layers", flood + "def layers(n):\n    return 9.0", timeout=1) == ["no answer came back within 1 s"]


def test_a_check_process_that_stops_reading_cannot_hold_the_grader(check):
    """Calls whose answers are large, then the check process's reader stopped (SIGSTOP to its parent) and a
    sleep: the grader's writes never block past the deadline, and the check ends with no answer."""
    stop = CHANNEL + ("import json, os, signal, time\n"
                      "_h = json.dumps({'call': 'double', 'case': 0})\n"
                      "_p = json.dumps({'args': ['list', [['array', 'float64', [20000], [0.0] * 20000]]], "
                      "'kwargs': ['dict', []]})\n"
                      "channel[1].write((_h + '\\n' + _p + '\\n') * 20)\nchannel[1].flush()\n"
                      "os.kill(os.getppid(), signal.SIGSTOP)\ntime.sleep(60)\n")
    assert check("quad", stop + "def quad(x):\n    return 4 * x", timeout=2) == ["no answer came back within 2 s"]


def test_session_reports_a_failed_setup(jail, oracle_process):
    """A setup that raises leaves the session dead and every check failed with the reason."""
    session = CheckSession(jail(), ["raise ValueError('broken setup')"], jailed=True)
    try:
        assert not session.alive
        verdicts, mistake = session.check("double", CASES["double"], [], "def double(x):\n    return 2 * x", [],
                                          SUBJECT, oracle_process, 5, 2 * GiB)
        assert mistake is None
        assert verdicts == [{"code": "not_started"}] * 2
        assert session.setup_failed == "ValueError: broken setup"  # for the instructor's log
    finally:
        session.close()


# --- scoring.sealed_score ---------------------------------------------------------------------------------


def grade_cell(grade_id="f_example", points=1, outputs=()):
    """A test cell as nbgrader marks it."""
    cell = new_code_cell("assert f(1) == 2", metadata={"nbgrader": {"grade": True, "grade_id": grade_id,
                                                                   "points": points, "solution": False}})
    cell.outputs = list(outputs)
    return cell


WRONG = [{"code": "values", "path": []}]  # the verdicts of a check whose only output had wrong values


def pack(checks, kernel_ok=True, dependencies=None):
    """Resources' pack for cell index 3."""
    return Pack(checks=checks, kernel_ok={3: kernel_ok}, dependencies=dependencies or {})


@pytest.mark.parametrize("language", ["en", "pt"])
def test_a_diagnosed_failure_names_the_mistake_in_the_notebooks_language(language):
    from tools.grading.diagnosis import explanation
    function, label = "compute_cost_with_regularization", "missing 1/2"
    failed = dataclasses.replace(pack({(function, "hidden"): WRONG}), diagnoses={function: label})
    points, message = sealed_score(grade_cell(function + "_hidden"), 3, failed, language, "regularization")
    assert points == 0.0
    assert message.endswith("\n" + messages.text(messages.DIAGNOSIS, language).format(
        explanation=explanation("regularization", function, label, language)))
    passed = dataclasses.replace(pack({(function, "hidden"): [None]}), diagnoses={function: label})
    assert "\n" not in sealed_score(grade_cell(function + "_hidden"), 3, passed, language, "regularization")[1]


def test_score_full_when_checks_pass_and_kernel_ok():
    """Every check passed and the cell ran: full points, with the passed message."""
    points, message = sealed_score(grade_cell(points=2), 3, pack({("f", "example"): [None, None]}), "en")
    assert points == 2.0 and message == "Passed: 2 of 2 points."
    points, message = sealed_score(grade_cell(points=1.5), 3, pack({("f", "example"): [None]}), "pt")
    assert message == "Passou: 1,5 de 1,5 pontos."


def test_score_zero_on_a_failed_check():
    """One failed check: 0, and the message names the function, the inputs and the reason."""
    points, message = sealed_score(grade_cell(), 3, pack({("f", "example"): [None, *WRONG]}), "en")
    assert points == 0.0
    assert message == "Failed: the grader checked `f` outside your notebook, on the example's inputs: " \
                      "`output` has wrong values."


@pytest.mark.parametrize("checks", [{}, {("f", "example"): []}, {("f", "hidden"): [None]}, {("g", "example"): [None]}])
def test_score_zero_without_checks(checks):
    """No check for the cell's function and label: 0 (fail closed)."""
    points, message = sealed_score(grade_cell(), 3, pack(checks), "en")
    assert points == 0.0 and "could not check `f`" in message


def test_score_zero_when_the_kernel_failed():
    """Checks passed but the cell failed (or never ran) in the kernel: 0."""
    checks = {("f", "example"): [None]}
    assert sealed_score(grade_cell(), 3, pack(checks, kernel_ok=False), "en") == \
        (0.0, messages.text(messages.FAILED_IN_KERNEL, "en"))
    assert sealed_score(grade_cell(), 4, pack(checks, kernel_ok=True), "en")[0] == 0.0  # another cell's success


def test_score_dependency_failure_is_not_charged_twice():
    """The kernel failed because a graded function it uses failed its own checks: full points, with a note."""
    checks = {("f", "example"): [None], ("g", "hidden"): WRONG, ("h", "example"): [None]}
    points, message = sealed_score(grade_cell(), 3, pack(checks, False, {"f": ["g", "h"]}), "en")
    assert points == 1.0
    assert message == messages.text(messages.DEPENDENCY, "en").format(function="f", names="`g`")
    points, _ = sealed_score(grade_cell(), 3, pack({**checks, ("g", "hidden"): [None]}, False, {"f": ["g"]}), "en")
    assert points == 0.0  # the dependency was right: the failure is f's own


def test_score_dependency_failure_found_through_other_functions():
    """A wrong function called through another graded function (f -> g -> h) also excuses the kernel failure."""
    checks = {("f", "example"): [None], ("g", "hidden"): [None], ("h", "example"): [{"code": "no_answer"}]}
    dependencies = {"f": ["g"], "g": ["h", "f"], "h": []}
    points, message = sealed_score(grade_cell(), 3, pack(checks, False, dependencies), "en")
    assert points == 1.0
    assert message == messages.text(messages.DEPENDENCY, "en").format(function="f", names="`h`")


def test_score_messages_in_portuguese():
    """With language "pt", the messages are the Portuguese texts."""
    assert sealed_score(grade_cell(), 3, pack({("f", "example"): [None]}), "pt")[1] == "Passou: 1 de 1 ponto."
    message = sealed_score(grade_cell(grade_id="f_hidden"), 3, pack({("f", "hidden"): [{"code": "no_answer"}]}), "pt")[1]
    assert message == "Falhou: o corretor verificou `f` fora do seu notebook, com outras entradas: nenhuma resposta voltou."
    assert sealed_score(grade_cell(), 3, pack({}), "pt")[1].startswith("Falhou: o corretor não conseguiu")


def test_score_ignores_displayed_outputs():
    """What the cell displayed (a number, an error) never changes its score."""
    shown = [new_output("execute_result", data={"text/plain": "12"}, execution_count=1)]
    error = [new_output("error", ename="AssertionError", evalue="", traceback=[])]
    failed = pack({("f", "example"): WRONG})
    passed = pack({("f", "example"): [None]})
    assert sealed_score(grade_cell(outputs=shown), 3, failed, "en")[0] == 0.0
    assert sealed_score(grade_cell(outputs=error), 3, passed, "en")[0] == 1.0
    assert sealed_score(grade_cell(points=3, outputs=shown), 3, passed, "en")[0] == 3.0


# --- feedback and sanitize --------------------------------------------------------------------------------


HIDDEN_SOURCE = "assert f(1) == 2\n### BEGIN HIDDEN TESTS\nassert f(SECRET_INPUT) == 7\n### END HIDDEN TESTS\n"


def graded_notebook(jailed=True):
    """A graded notebook: outputs full of SECRET, a failed test cell with a hidden region, a passed one."""
    secret_outputs = lambda: [new_output("stream", name="stdout", text="SECRET printed"),  # noqa: E731
                              new_output("execute_result", data={"text/plain": "'SECRET'"}, execution_count=2),
                              new_output("error", ename="SECRETError", evalue="SECRET", traceback=["SECRET tb"])]
    intro = new_markdown_cell("# Assignment")
    imports = new_code_cell("import numpy as np")
    solution = new_code_cell("def f(x):\n    return 2 * x", metadata={"nbgrader": {
        "grade": False, "grade_id": "f", "solution": True, "points": 0}})
    failed = grade_cell("f_example")
    failed.source = HIDDEN_SOURCE
    failed.metadata["pack"] = {"points": 0, "message": "Failed: the grader's check of `f` disagrees."}
    passed = grade_cell("f_hidden")
    passed.metadata["pack"] = {"points": 1, "message": "Passed: 1 of 1 points."}
    untouched = grade_cell("g_example")
    for cell in (imports, solution, failed, passed, untouched):
        cell.outputs = secret_outputs()
        cell.execution_count = 2
    nb = new_notebook(cells=[intro, imports, solution, failed, passed, untouched])
    nb.metadata["pack"] = {"jailed": jailed, "incidents": []}
    return nb


def feedback(nb, assignment="x_en"):
    """The notebook after FeedbackFromGrader."""
    return FeedbackFromGrader().preprocess(nb, {"nbgrader": {"assignment": assignment}})[0]


def test_feedback_has_only_grader_messages():
    """No output of the graded run survives, hidden regions are gone, each test cell shows the grader's message."""
    nb = feedback(graded_notebook())
    assert "SECRET" not in nbformat.writes(nb)
    _, imports, solution, failed, passed, untouched = nb.cells
    assert "HIDDEN" not in failed.source and failed.source == "assert f(1) == 2"
    assert [(o.output_type, o.evalue) for o in failed.outputs] == \
        [("error", "Failed: the grader's check of `f` disagrees.")]
    assert [(o.output_type, o.text) for o in passed.outputs] == [("stream", "Passed: 1 of 1 points.\n")]
    assert imports.outputs == solution.outputs == untouched.outputs == []
    assert all(c.execution_count is None for c in nb.cells if c.cell_type == "code")
    assert solution.source == "def f(x):\n    return 2 * x"


@pytest.mark.parametrize("assignment, language", [("x_en", "en"), ("x_pt", "pt")])
def test_feedback_notes_an_unjailed_run(assignment, language):
    """Graded without a jail: the first code cell carries the NO_JAIL note in the notebook's language."""
    nb = feedback(graded_notebook(jailed=False), assignment)
    note = messages.text(messages.NO_JAIL, language)
    assert [o.text for o in nb.cells[1].outputs] == [note + "\n"]
    assert nbformat.writes(nb).count(note) == 1
    assert messages.text(messages.NO_JAIL, "en") not in nbformat.writes(feedback(graded_notebook(jailed=True)))


def test_strip_hidden_tests_and_planted_metadata():
    """StripHiddenTests removes hidden regions from grade cells only, and every planted ``pack`` metadata."""
    nb = graded_notebook()
    plain_cell = new_code_cell("# ### BEGIN HIDDEN TESTS\nx = 1\n# ### END HIDDEN TESTS",
                               metadata={"pack": {"points": 5}})
    nb.cells.append(plain_cell)
    nb.cells[0].metadata["pack"] = {"points": 5}
    nb, _ = StripHiddenTests().preprocess(nb, {})
    assert "pack" not in nb.metadata
    assert all("pack" not in cell.metadata for cell in nb.cells)
    assert nb.cells[3].source == "assert f(1) == 2"
    assert nb.cells[-1].source == "# ### BEGIN HIDDEN TESTS\nx = 1\n# ### END HIDDEN TESTS"
    assert nb.cells[2].source == "def f(x):\n    return 2 * x"


def test_a_process_forked_from_one_with_an_oracle_starts_its_own():
    """A grading worker is forked from the instructor's process: should that process have an oracle (a test that
    checked in it, say), the worker gets an oracle of its own, never the pipes to its parent's."""
    from tools.grading.oracle import oracle
    parents = oracle(2 * 1024 ** 3)
    parents.start()
    try:
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # the child reports whether it got another oracle, and ends without touching the parent's
            os.close(read)
            os.write(write, b"own" if oracle(2 * 1024 ** 3) is not parents else b"inherited")
            os._exit(0)
        os.close(write)
        with os.fdopen(read, "rb") as answer:
            assert answer.read() == b"own"
        assert os.waitpid(child, 0)[1] == 0
        assert oracle(2 * 1024 ** 3) is parents and parents.process.poll() is None  # the parent's still serves it
    finally:
        parents.close()
