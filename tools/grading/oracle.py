"""The oracle: a process of its own, with hard limits, for everything computed on what a student chose.

The referee's jailed check process (:mod:`tools.grading.sandbox`) sends two things the grader must act on:
calls of other graded functions on arguments the student's code chose (answered with the reference's value),
and its results (compared with the reference's values, then matched against the mistake catalogue). Both
are computed here, in a child of the grading process that holds the reference and the cases, under a hard
address-space cap, and killed when the check's deadline passes. The grading process only relays bytes
(bounded in size) between the jail and this process and reads back a few fixed-form verdicts, so no student
argument, however large, is ever allocated or computed in it.

Protocol (JSON lines on the process's stdin and stdout; fd 1 is /dev/null for everything else): a header
line, then one payload line as the jail sent it, then one reply line.

* ``{"op": "call", "subject": [...], "function": f, "case": i, "name": n}`` + ``{"args": ..., "kwargs": ...}``:
  the reference's ``n`` on those arguments, with the case's substitutes and ``f`` refused (``{"value": ...}``),
  or ``{"error": "refused"}`` (``n`` is not one the reference of ``f`` calls) or ``{"error": "bad call"}``;
* ``{"op": "judge", "subject": [...], "function": f, "diagnose": bool}`` + the jail's results (a list, one
  per case): ``{"verdicts": [None or verdict, ...], "mistake": label or None}``.

A *subject* names an assignment's parts (:func:`subject`): the exercises that give its cases, its reference,
and the assignment whose mistakes diagnose it (None: no diagnosis).

A verdict is data (:func:`judge`), rendered in the notebook's language by :mod:`tools.grading.messages`. On a
hidden case it keeps only its code and where in the output (:func:`public_verdict`), so the student reads one of
a few fixed texts per output, never a shape, a value or an exception's name produced on hidden inputs.
"""
import ast
import builtins
import contextlib
import copy
import functools
import gc
import importlib
import inspect
import io
import json
import os
import resource
import select
import selectors
import subprocess
import sys
import threading
import time
import types

import numpy as np

from ..exercise import declared, module_cases
from . import plain

MAX_ANSWER_BYTES = 64 * 1024 ** 2  # all a jailed check process may send in one session
ENVELOPE_BYTES = 4096  # one protocol header line
JUDGE_SECONDS = 30  # the comparison and the diagnosis of one function's results
PROGRAM = ("import json, os, sys\nsys.path[:0] = json.loads(os.environ.pop('PACK_ORACLE_PATH'))\n"
           "from tools.grading.oracle import serve\nserve()\n")


def subject(assignment_name):
    """The subject of an assignment: ``(module of its exercises, which gives the cases, reference module,
    assignment whose mistakes diagnose it or None)``."""
    return (f"exercises.{assignment_name}", f"reference.{assignment_name}", assignment_name)


def expected_outputs(assignment_name, function):
    """The reference's value on every case of ``function`` of an assignment, computed once per process."""
    exercises_module, reference_module, _ = subject(assignment_name)
    return module_expected(exercises_module, reference_module, function)


@functools.lru_cache(maxsize=None)
def module_expected(exercises_module, reference_module, function):
    """The reference module's value on every case that the module ``exercises_module`` declares for ``function``."""
    reference = importlib.import_module(reference_module)
    return [expected_output(reference, function, case) for case in module_cases(exercises_module)[function]]


def reference_namespace(reference, overrides):
    """The reference module's functions, rebound so that every call between them sees ``overrides``.

    ``overrides`` (name -> object) replaces those names for the whole call tree: a case's own cost, or a
    stand-in that refuses to run the function under check (so no other reference function computes it).
    """
    scope = dict(vars(reference))
    for name, value in vars(reference).items():
        if isinstance(value, types.FunctionType) and value.__module__ == reference.__name__:
            twin = types.FunctionType(value.__code__, scope, value.__name__, value.__defaults__, value.__closure__)
            twin.__kwdefaults__ = value.__kwdefaults__
            scope[name] = twin
    scope.update(overrides)
    return scope


def refused(name):
    """A stand-in for the function under check inside the oracle's reference code."""
    def stand_in(*args, **kwargs):
        raise RuntimeError(f"the oracle does not compute {name}")
    return stand_in


def expected_output(reference, function, case):
    """The reference's value on ``case`` (what it prints is dropped)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return reference_namespace(reference, case.calls)[function](*copy.deepcopy(case.args),
                                                                    **copy.deepcopy(case.kwargs))


def reach(reference, function, graded):
    """The graded functions (of ``graded``) that the reference implementation of ``function`` itself calls.

    Only these may be served by the oracle while ``function`` is checked (with the cases' substitutes): the
    reference decides which help a check may get, never the student's cell.
    """
    source = inspect.getsource(getattr(reference, function))
    names = {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)}
    return sorted(name for name in names if name in graded and name != function)


def error_name(name):
    """The name of a built-in exception, as the student may read it; None for anything else (a name the student's
    code chose)."""
    name = name if isinstance(name, str) else ""
    known = isinstance(getattr(builtins, name, None), type) and issubclass(getattr(builtins, name), BaseException)
    return name if known else None


def judge(case, expected, answer):
    """The verdict on the student's ``answer`` (an entry of the jail's results) for ``case``; None when it passes.

    A verdict is data (see :func:`tools.grading.plain.compare`), rendered by :mod:`tools.grading.messages`; codes
    besides compare's: ``"no_answer"``, ``"raised"`` (``"error"``: a built-in exception's name or None),
    ``"unreadable"``, ``"not_below"`` (``"limit"``), ``"changed_arguments"``.
    """
    if not isinstance(answer, dict):
        return {"code": "no_answer"}
    if "error" in answer:
        return {"code": "raised", "error": error_name(answer["error"])}
    try:
        value = plain.decode(answer["value"])
    except (plain.PlainDataError, KeyError):
        return {"code": "unreadable"}
    if case.below is not None:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < case.below
        return None if ok else {"code": "not_below", "path": [], "limit": case.below}
    verdict = plain.compare(expected, value, case.rtol, case.atol)
    if verdict:
        return verdict
    if case.unchanged:
        try:
            after = plain.decode(answer["arguments_after"])
        except (plain.PlainDataError, KeyError):
            return {"code": "unreadable"}
        if plain.compare([list(case.args), case.kwargs], after, rtol=0, atol=0):
            return {"code": "changed_arguments"}
    return None


# What a verdict on a hidden case keeps: its code and where in the output (the reference's structure gives it),
# and, for these codes, fields that are constants of the grader (a time-out, a limit of calls), never a shape,
# a value, a key or an exception's name produced on hidden inputs.
PUBLIC_FIELDS = {"no_answer": ("seconds",), "too_many_calls": ("limit",)}
CODES = ("type", "key", "shape", "values", "no_answer", "raised", "unreadable", "not_below", "changed_arguments",
         "too_many_calls", "not_started")


def public_verdict(case, verdict):
    """What the student may read of ``verdict``: itself on an example case, its fixed form on a hidden one."""
    if verdict is None or case.label != "hidden":
        return verdict
    code = verdict.get("code") if isinstance(verdict, dict) else None
    if code not in CODES:
        return {"code": "values", "path": []}
    kept = {"code": code, "path": [step for step in verdict.get("path", []) if isinstance(step, (str, int))]}
    return {**kept, **{name: verdict[name] for name in PUBLIC_FIELDS.get(code, ()) if name in verdict}}


def sound_verdict(verdict):
    """``verdict`` as the grading process keeps it, read from the oracle's reply: None (passed), or a verdict of
    a known code whose fields have their types and small sizes (anything else reads as wrong values)."""
    if verdict is None:
        return None
    fallback = {"code": "values", "path": []}
    if not isinstance(verdict, dict) or verdict.get("code") not in CODES:
        return fallback
    path = verdict.get("path", [])
    if not isinstance(path, list) or len(path) > 16 or \
            not all(isinstance(s, int) or (isinstance(s, str) and len(s) <= 64) for s in path):
        return fallback
    kept = {"code": verdict["code"], "path": path}
    for name in ("got", "want"):
        value = verdict.get(name)
        if isinstance(value, list) and len(value) <= 32 and all(isinstance(n, int) for n in value):
            kept[name] = value
        elif isinstance(value, str) and len(value) <= 16:
            kept[name] = value
    for name in ("key", "value", "error"):
        if isinstance(verdict.get(name), str) and len(verdict[name]) <= 64:
            kept[name] = verdict[name]
    for name in ("length", "seconds", "limit"):
        if isinstance(verdict.get(name), (int, float)) and not isinstance(verdict[name], bool):
            kept[name] = verdict[name]
    return kept


def sound_findings(found):
    """``found`` (:func:`tools.grading.relations.findings`, read from the oracle's reply) as the grading process
    keeps it: paths of at most one short step, known rules and factors, a few numbers; None when malformed."""
    from .relations import MAX_UNITS

    def path(value):
        ok = isinstance(value, list) and len(value) <= 1 and all(
            isinstance(s, int) or (isinstance(s, str) and len(s) <= 64) for s in value)
        return value if ok else None

    if not isinstance(found, dict):
        return None
    wrong, right = found.get("wrong"), found.get("right")
    if not isinstance(wrong, list) or not isinstance(right, list) or len(wrong) + len(right) > MAX_UNITS:
        return None
    if any(path(p) is None for p in wrong + right):
        return None
    relations = []
    for relation in found.get("relations") or []:
        rule = relation.get("rule") if isinstance(relation, dict) else None
        if rule not in RULES or path(relation.get("path")) is None:
            continue
        kept = {"rule": rule, "path": relation["path"]}
        if rule == "factor":
            values = relation.get("values")
            if relation.get("factor") not in FACTORS or not isinstance(values, list) or len(values) > 8 or \
                    not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
                continue
            kept.update(factor=relation["factor"], values=values)
        if rule == "input":
            if not isinstance(relation.get("input"), str) or len(relation["input"]) > 64:
                continue
            kept["input"] = relation["input"]
        relations.append(kept)
    return {"wrong": wrong, "right": right, "relations": relations[:MAX_UNITS]}


RULES = ("factor", "transposed", "reshaped", "input", "not_finite")
FACTORS = ("2", "1/2", "-1", "m", "1/m", "keep_prob", "1/keep_prob")


# --- in the oracle process -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def served(exercises_module, reference_module, function):
    """The names the oracle serves while ``function`` is checked: the reference's reach and the names its
    cases substitute (on a case that substitutes none, the reference's own function of that name); computed once
    per process, not on every call (it parses the reference's source)."""
    graded = module_cases(exercises_module)
    reference = importlib.import_module(reference_module)
    return set(reach(reference, function, graded)) | {name for case in graded[function] for name in case.calls}


def answer_call(header, payload):
    """The reply to one oracle call of the jail (see the module docstring)."""
    exercises_module, reference_module, _ = header["subject"]
    function, name, index = header.get("function"), header.get("name"), header.get("case")
    cases = module_cases(exercises_module).get(function, [])
    if not isinstance(index, int) or not 0 <= index < len(cases) or name == function \
            or name not in served(exercises_module, reference_module, function):
        return {"error": "refused"}
    reference = importlib.import_module(reference_module)
    target = reference_namespace(reference, {**cases[index].calls, function: refused(function)})[name]
    try:
        message = json.loads(payload)
        args, kwargs = plain.decode(message.get("args")), plain.decode(message.get("kwargs"))
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise plain.PlainDataError("bad call")
        inspect.signature(target).bind(*args, **kwargs)
        state = np.random.get_state()  # the reference may draw: every call starts from the same state
        try:
            with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
                return {"value": plain.encode(target(*args, **kwargs))}
        finally:
            np.random.set_state(state)
    except Exception:  # noqa: BLE001 - MemoryError under the cap too: a bad call is the student's error
        return {"error": "bad call"}


def judge_results(header, payload):
    """The verdicts on the jail's results for one function, and the catalogued mistake they match."""
    exercises_module, reference_module, assignment_name = header["subject"]
    function = header["function"]
    cases = module_cases(exercises_module)[function]
    try:
        answers = json.loads(payload)
    except (ValueError, RecursionError):
        answers = None
    if not isinstance(answers, list) or len(answers) != len(cases):
        return {"verdicts": [{"code": "no_answer"}] * len(cases), "mistake": None}
    expected = module_expected(exercises_module, reference_module, function)
    verdicts = [judge(case, want, answer) for case, want, answer in zip(cases, expected, answers)]
    mistake, found = None, None
    if any(verdicts) and header.get("diagnose"):
        from .diagnosis import Raised, UNREADABLE, diagnose, student_results
        from .relations import MISSING, findings
        results = student_results(answers)
        try:
            mistake = diagnose(assignment_name, function, results) if assignment_name else None
            if mistake is None:
                reference = importlib.import_module(reference_module)
                found = findings(declared(exercises_module)[function].outputs, cases, expected,
                                 [MISSING if r is UNREADABLE or isinstance(r, Raised) else r for r in results],
                                 inspect.signature(getattr(reference, function)))
        except Exception:  # noqa: BLE001 - a hint is optional; the score never depends on it
            mistake, found = None, None
    return {"verdicts": [public_verdict(case, verdict) for case, verdict in zip(cases, verdicts)], "mistake": mistake,
            "findings": found}


def warm(header, payload):
    """Load an assignment before its first check: its cases, the reference's values, and the diagnosis's code
    (the first check of a worker would wait for them otherwise; the mistakes run only when a function fails)."""
    exercises_module, reference_module, assignment_name = header["subject"]
    gc.disable()  # while importing: the collections it would trigger find little garbage (a fifth of the time)
    try:
        for function in module_cases(exercises_module):
            module_expected(exercises_module, reference_module, function)
        if assignment_name:
            importlib.import_module("tools.grading.diagnosis")
    finally:
        gc.enable()
    return {"warm": True}


def serve():
    """The oracle process's loop (``python -c``, see :class:`Oracle`)."""
    channel = (os.fdopen(os.dup(0), "rb"), os.fdopen(os.dup(1), "wb"))
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(devnull, fd)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")
    while True:
        header, payload = channel[0].readline(), channel[0].readline()
        if not payload:
            return
        header = json.loads(header)
        try:
            reply = {"call": answer_call, "judge": judge_results, "warm": warm}[header["op"]](header, payload)
        except Exception:  # noqa: BLE001 - the grader reads a missing or bad reply as no answer
            reply = {"error": "oracle failed"}
        try:
            line = json.dumps(reply, allow_nan=False).encode()
        except (ValueError, TypeError):
            line = b'{"error": "bad call"}'
        channel[1].write(line + b"\n")
        channel[1].flush()


# --- in the grading process ------------------------------------------------------------------------------


class Channel:
    """Lines to and from a child process, every read bounded in time and size.

    ``budget``: bytes the child may send in all (beyond it, every read fails).
    """

    def __init__(self, process, budget=MAX_ANSWER_BYTES):
        self.process = process
        self.buffer = b""
        self.left = budget
        self.selector = selectors.DefaultSelector()
        self.selector.register(process.stdout, selectors.EVENT_READ)

    def send(self, *lines, deadline=None):
        """Write ``lines`` (dicts, written as JSON, or bytes, written as they are), each ending with a newline.

        The write never blocks past ``deadline`` (default: a minute from now), so a child that stops reading (or
        is stopped) cannot hold the grader. Returns whether everything was written.
        """
        data = b"".join((line if isinstance(line, bytes) else json.dumps(line).encode()).rstrip(b"\n") + b"\n"
                        for line in lines)
        deadline = time.monotonic() + 60 if deadline is None else deadline
        try:
            descriptor = self.process.stdin.fileno()
            os.set_blocking(descriptor, False)
            view = memoryview(data)
            while view:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([], [descriptor], [], left)[1]:
                    return False
                with contextlib.suppress(BlockingIOError):
                    view = view[os.write(descriptor, view):]
            return True
        except (BrokenPipeError, OSError, ValueError):
            return False

    def line(self, deadline, limit):
        """The next line (without its newline), or None: end of file, time-out, over ``limit`` or the budget."""
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or len(self.buffer) > limit or not self.selector.select(left):
                return None
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            self.left -= len(chunk)
            if not chunk or self.left < 0:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line if len(line) <= limit and time.monotonic() < deadline else None

    def receive(self, deadline):
        """The next header (a small JSON object), or None: end of file, time-out, garbage or too long."""
        line = self.line(deadline, ENVELOPE_BYTES)
        try:
            message = json.loads(line) if line is not None else None
        except ValueError:
            return None
        return message if isinstance(message, dict) else None


class Oracle:
    """The grading process's oracle process, started on first use and again after it was killed.

    Parameters
    ----------
    memory : its hard address-space cap, in bytes
    """

    def __init__(self, memory):
        self.memory = memory
        self.process = None
        self.warming = 0  # replies to warm-up requests not read yet
        self.warmed = set()

    def warm(self, subject):
        """Have the oracle load ``subject`` now, without waiting: the notebook runs meanwhile."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        if tuple(subject) not in self.warmed:
            self.warmed.add(tuple(subject))
            self.warming += 1
            self.channel.send({"op": "warm", "subject": list(subject)}, b"{}")

    def start(self):
        env = {"PATH": os.environ.get("PATH", ""), "PACK_ORACLE_PATH": json.dumps(sys.path),
               "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", PROGRAM],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
        # The cap holds before the first request: nothing a student chose is computed here without it.
        resource.prlimit(self.process.pid, resource.RLIMIT_AS, (self.memory, self.memory))
        self.channel = Channel(self.process, budget=float("inf"))

    def ask(self, header, payload, deadline):
        """The oracle's reply line (bytes) to ``header`` and ``payload`` (bytes), or None when it gave none by
        ``deadline``; then it is killed (it was computing something a student chose) and restarted on next use."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        while self.warming:
            self.warming -= 1
            if self.channel.line(deadline, MAX_ANSWER_BYTES) is None:
                self.close()
                return None
        if not self.channel.send(header, payload, deadline=deadline):
            self.close()
            return None
        reply = self.channel.line(deadline, MAX_ANSWER_BYTES)
        if reply is None:
            self.close()
        return reply

    def close(self):
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                with contextlib.suppress(OSError):
                    stream.close()
            self.process = None
        self.warming, self.warmed = 0, set()


_local = threading.local()
_INHERITED = []  # oracles of the process this one was forked from: theirs, neither used nor closed here


def oracle(memory):
    """This thread's :class:`Oracle` (one per grading process and thread), with the cap ``memory``."""
    current = getattr(_local, "oracle", None)
    if current is not None and getattr(_local, "pid", None) != os.getpid():  # a grading worker forked from a
        _INHERITED.append(current)  # process that had one (its pipes are that process's): kept, so that no
        current = None  # finalizer touches them
    if current is None or current.memory != memory:
        if current is not None:
            current.close()
        current = _local.oracle = Oracle(memory)
        _local.pid = os.getpid()
    return current
