"""The referee: checks every graded function outside the student's kernel, in a jail, against the reference.

An nbgrader plugin (autograde stage, after :class:`~tools.grading.execute.JailedExecute`).
For each graded function listed in ``tools/grading/cases/<assignment>.py``:

1. the grader builds the case inputs and computes the expected outputs with
   ``reference/`` in its own process;
2. a jailed check process (:mod:`tools.grading.sandbox`, one per submission,
   one fork per function) runs the student's cell of that function and calls it
   on the inputs. Other graded functions it calls, and the functions a case
   substitutes (a test's own cost, say), are stubs whose answers the grader
   computes (an *oracle*): no reference code and no expected value ever enters
   the jail, and the oracle never answers for the function being checked;
3. the outputs come back as plain data (:mod:`tools.grading.plain`) and are
   compared here. Too few or too many answers, an unreadable answer, an error,
   a time-out or no answer at all is a failed check: fail closed.

The verdicts go into ``resources["pack"]["checks"]``, where
:class:`~tools.grading.scoring.SaveSealedGrades` reads them: a test cell whose
function has no passed check for its label scores 0. A function that failed a
check and whose answers are exactly those of one catalogued mistake
(:mod:`tools.grading.diagnosis`) gets that mistake in ``resources["pack"]["diagnoses"]``.
"""
import ast
import builtins
import contextlib
import copy
import functools
import importlib
import inspect
import io
import json
import os
import selectors
import subprocess
import sys
import time
import types
from dataclasses import dataclass, field

import nbformat
import numpy as np
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer

from ..course import split_assignment_id
from . import plain
from .jail import Jail, Limits
from .notebook import course_folder, definition_cells, student_solutions
from .template import ForkedProcess, program, template

PROGRAM = program(("plain.py", "sandbox.py"), "main")
MAX_ANSWER_BYTES = 64 * 1024 ** 2


@dataclass
class Case:
    """One call of a graded function, as the grader declares it.

    Attributes
    ----------
    label : "example" or "hidden", the test cell it stands for (``<function>_<label>``)
    args, kwargs : the inputs
    calls : name -> function the code under test must call instead of ``name`` (served by the oracle)
    rtol, atol : tolerances of the comparison
    below : if set, the output must be a number below this (a correct gradient's difference) instead
        of equal to the reference's
    unchanged : the arguments must not be modified
    """

    label: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    calls: dict = field(default_factory=dict)
    rtol: float = 1e-5
    atol: float = 1e-7
    below: float = None
    unchanged: bool = False


@functools.lru_cache(maxsize=None)
def load_cases(assignment_name):
    """``{function: [Case, ...]}`` of an assignment, in notebook order (import errors are raised, never hidden).

    Built once per process: a worker grading a class builds the cases of each assignment once.
    """
    import reference  # noqa: F401 - puts utils/ on sys.path, where the case modules' helpers live
    module = importlib.import_module(f"tools.grading.cases.{assignment_name}")
    return {function: [case if isinstance(case, Case) else Case(case[0], *case[1]()) for case in module.cases(function)]
            for function in module.FUNCTIONS}


@functools.lru_cache(maxsize=None)
def expected_outputs(assignment_name, function):
    """The reference's value on every case of ``function``, computed once per process, in the grader."""
    reference = importlib.import_module(f"reference.{assignment_name}")
    return [expected_output(reference, function, case) for case in load_cases(assignment_name)[function]]


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
    """The reference's value on ``case``, computed in the grader's own process (what it prints is dropped)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return reference_namespace(reference, case.calls)[function](*copy.deepcopy(case.args),
                                                                    **copy.deepcopy(case.kwargs))


def error_name(name):
    """``"raised ValueError"`` for a built-in exception's name; ``"raised an exception"`` for anything else."""
    name = name if isinstance(name, str) else ""
    known = isinstance(getattr(builtins, name, None), type) and issubclass(getattr(builtins, name), BaseException)
    return f"raised {name}" if known else "raised an exception"


def judge(case, expected, answer):
    """Why the student's ``answer`` (an entry of the jail's results) fails ``case``; None when it passes."""
    if not isinstance(answer, dict):
        return "no answer"
    if "error" in answer:
        return error_name(answer["error"])
    try:
        value = plain.decode(answer["value"])
    except (plain.PlainDataError, KeyError):
        return "unreadable answer"
    if case.below is not None:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < case.below
        return None if ok else f"output should be below {case.below:g} for a correct gradient"
    reason = plain.compare(expected, value, case.rtol, case.atol)
    if reason:
        return reason
    if case.unchanged:
        try:
            after = plain.decode(answer["arguments_after"])
        except (plain.PlainDataError, KeyError):
            return "unreadable answer"
        if plain.compare([list(case.args), case.kwargs], after, rtol=0, atol=0, path="arguments"):
            return "the function changed the arguments it was given (work on copies)"
    return None


class Channel:
    """JSON lines to and from a jailed process, every read bounded in time and size."""

    def __init__(self, process):
        self.process = process
        self.buffer = b""
        self.received = 0
        self.selector = selectors.DefaultSelector()
        self.selector.register(process.stdout, selectors.EVENT_READ)

    def send(self, message):
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode())
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def receive(self, deadline):
        """The next message, or None at end of file, on time-out or on garbage."""
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not self.selector.select(left):
                return None
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            self.received += len(chunk)
            if not chunk or self.received > MAX_ANSWER_BYTES:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            message = json.loads(line)
        except ValueError:
            return None
        return message if isinstance(message, dict) else None


class Referee(NbGraderPreprocessor):
    """Check the graded functions outside the student's kernel; record the verdicts for the score."""

    timeout = Float(20.0, help="Seconds for all the cases of one function").tag(config=True)
    memory = Integer(2 * 1024 ** 3, help="Address-space cap of a check, in bytes").tag(config=True)
    jail = Bool(True, help="Run the checks in the jail (False: a plain subprocess, for machines without one)"
                ).tag(config=True)
    fork = Bool(True, help="Fork the jailed check process from a fork server that has imported the heavy modules "
                "(False, or no Landlock here: start a fresh jailed process)").tag(config=True)

    def preprocess(self, nb, resources):
        pack = resources.setdefault("pack", {})
        assignment_id = resources["nbgrader"]["assignment"]
        assignment, _ = split_assignment_id(assignment_id)
        cases = load_cases(assignment.name)
        reference = importlib.import_module(f"reference.{assignment.name}")
        source_folder = course_folder(self.config, "source", assignment_id)
        setup = definition_cells(nbformat.read(str(source_folder / assignment.notebook), as_version=4),
                                 first_cell_too=True)
        solutions = student_solutions(nb)
        helpers = [c for c in definition_cells(nb) if c not in setup]
        from .diagnosis import diagnose, student_results  # it imports this module
        checks, diagnoses, session = {}, {}, None
        try:
            for function, function_cases in cases.items():
                if session is None or not session.alive:
                    # A fresh jail for every check process: nothing an earlier one wrote is run by the next.
                    server = template() if self.jail and self.fork else None
                    jail = Jail(source_folder, limits=Limits(memory=self.memory), parent=server and server.slots)
                    session = CheckSession(jail, setup, self.jail, server)
                cell = solutions.get(function, "")
                verdicts, answers = session.check(function, function_cases,
                                                  expected_outputs(assignment.name, function), helpers, cell,
                                                  oracle_names(function, cell, cases, function_cases), reference,
                                                  self.timeout, self.memory)
                for case, verdict in zip(function_cases, verdicts):
                    checks.setdefault((function, case.label), []).append(verdict)
                if any(verdicts):
                    try:
                        mistake = diagnose(assignment.name, function, student_results(answers))
                    except Exception as error:  # noqa: BLE001 - a hint is optional; the score never depends on it
                        self.log.warning("no diagnosis of %s: %s: %s", function, type(error).__name__, error)
                        mistake = None
                    if mistake:
                        diagnoses[function] = mistake
        finally:
            if session is not None:
                session.close()
        pack["checks"] = checks
        pack["diagnoses"] = diagnoses
        pack["dependencies"] = {f: dependencies(f, solutions.get(f, ""), cases) for f in cases}
        return nb, resources


def oracle_names(function, cell, cases, function_cases):
    """The names the check serves from the grader: graded functions the cell uses, and the cases' substitutes."""
    return sorted(set(dependencies(function, cell, cases)) | {n for c in function_cases for n in c.calls})


def dependencies(function, cell, cases):
    """The other graded functions named in ``cell``."""
    try:
        names = {n.id for n in ast.walk(ast.parse(cell)) if isinstance(n, ast.Name)}
    except SyntaxError:
        return []
    return sorted(n for n in names if n in cases and n != function)


class CheckSession:
    """One jailed check process and the protocol of :mod:`tools.grading.sandbox`; it owns ``jail`` and closes it.

    With a fork server (``server``, a :class:`~tools.grading.template.Template` whose slot ``jail`` is),
    the process is forked by it; otherwise it is a fresh process, jailed unless ``jailed`` is False.
    """

    def __init__(self, jail, setup, jailed=True, server=None):
        self.jail = jail
        if server is not None:
            self.process = server.fork("check", jail, None)
        else:
            argv = [sys.executable, "-I", "-c", PROGRAM]
            self.process = subprocess.Popen(jail.command(argv) if jailed else argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, cwd=jail.work, start_new_session=True,
                                            env=None if jailed else {"PATH": os.environ.get("PATH", ""),
                                                                     "HOME": str(jail.work), "MPLBACKEND": "Agg"})
        self.channel = Channel(self.process)
        self.channel.send({"setup": setup})
        ready = self.channel.receive(time.monotonic() + 60)
        self.alive = bool(ready and ready.get("ready"))
        self.setup_failed = None if self.alive else (ready or {}).get("setup_failed", "the check process did not start")

    def check(self, function, cases, expected, helpers, cell, oracle, reference, timeout, memory):
        """``(verdicts, answers)``: per case, None (passed) or why it failed (``expected``: the reference's
        values), and the jail's answers (an empty list when there are none)."""
        if not self.alive:
            return [f"the grader's check could not run ({self.setup_failed})"] * len(cases), []
        namespaces = {}  # per case, built on the first oracle call: the reference without the function under check
        job = {"function": function, "helpers": helpers, "cell": cell, "oracle": oracle, "timeout": timeout,
               "memory": memory, "cases": [{"args": plain.encode(list(c.args)), "kwargs": plain.encode(c.kwargs),
                                            "unchanged": c.unchanged} for c in cases]}
        self.channel.send(job)
        deadline = time.monotonic() + timeout + 10
        results = None
        while True:
            message = self.channel.receive(deadline)
            if message is None:  # time-out, end of file or garbage: this process is done for
                self.close()
                reason = f"no answer within {timeout:g} s" if time.monotonic() >= deadline else "no answer"
                return [reason] * len(cases), []
            if "call" in message:
                self.channel.send(self.answer_call(message, function, oracle, cases, reference, namespaces))
            elif "results" in message and results is None:
                results = message["results"]
            elif message.get("done") == function:
                break
        if not isinstance(results, list) or len(results) != len(cases):
            return ["no answer"] * len(cases), []
        return [judge(case, value, answer) for case, value, answer in zip(cases, expected, results)], results

    def answer_call(self, message, function, oracle, cases, reference, namespaces):
        """The oracle: the value of ``message["call"]`` on the given arguments, computed by the grader."""
        name, index = message.get("call"), message.get("case")
        if name not in oracle or name == function or not isinstance(index, int) or not 0 <= index < len(cases):
            return {"error": "refused"}
        if index not in namespaces:
            namespaces[index] = reference_namespace(reference, {**cases[index].calls, function: refused(function)})
        target = namespaces[index][name]
        try:
            args, kwargs = plain.decode(message.get("args")), plain.decode(message.get("kwargs"))
            if not isinstance(args, list) or not isinstance(kwargs, dict):
                raise plain.PlainDataError("bad call")
            inspect.signature(target).bind(*args, **kwargs)
            state = np.random.get_state()  # the reference may draw: the grader's own draws stay the same
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    return {"value": plain.encode(target(*args, **kwargs))}
            finally:
                np.random.set_state(state)
        except Exception:  # noqa: BLE001 - a bad call by student code is the student's error, in the jail
            return {"error": "bad call"}

    def close(self):
        self.alive = False
        if isinstance(self.process, ForkedProcess):
            self.process.kill()  # the server kills the child's process group
        elif self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, 9)
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        self.jail.close()
