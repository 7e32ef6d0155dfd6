"""The referee: checks every graded function outside the student's kernel, in a jail, against the reference.

An nbgrader plugin (autograde stage, after :class:`~tools.grading.execute.JailedExecute`).
For each graded function declared in ``exercises/<assignment>.py`` (:mod:`tools.exercise`):

1. a jailed check process (:mod:`tools.grading.sandbox`, one per submission,
   one fork per function) runs the student's cell of that function and calls it
   on the case inputs. The graded functions that the *reference* implementation
   of the function under check calls, and the functions a case substitutes (a
   test's own cost, say), are stubs whose answers come from the *oracle*
   (:mod:`tools.grading.oracle`, a process of the grader's with hard limits that
   holds the reference): no reference code and no expected value ever enters the
   jail, and the oracle never answers for the function being checked. Other
   graded functions the student's cell calls are the student's own;
2. the outputs come back as plain data (:mod:`tools.grading.plain`), are relayed
   unread to the oracle process and compared there. Too few or too many answers,
   an unreadable answer, an error, a time-out, too many oracle calls or no answer
   at all is a failed check: fail closed. A verdict is data (a code, where in the
   output, and on example cases a few details), rendered in the notebook's
   language by :mod:`tools.grading.messages`; on a hidden case it keeps only
   its code and where.

The grading process itself computes nothing on what student code sent: it relays
bounded lines, and checks the deadline before every message.

**One time limit per function.** The check of a function (its cell and all its cases) gets the course's one
time limit, ``JailedExecute.timeout`` (:func:`~tools.grading.execute.time_limit`), the time every cell gets in
the kernel; ``Referee.timeout`` is unset by default, and when set it can only lower that limit. Running out of it
is the same on both sides: a function whose check times out fails every case, and a function whose own cell or
one of its test cells timed out in the kernel (:class:`~tools.grading.execute.JailedExecute`'s incidents) fails
every case too, with the same verdict, so it scores 0 on all its test cells, visible and hidden. The only
exception is the one :mod:`.scoring` makes for errors: a test cell that timed out while a graded function it
calls failed its own checks is charged to that function only.

The verdicts go into ``resources["pack"].checks`` (a :class:`~.record.Pack`), where
:class:`~tools.grading.scoring.SaveSealedGrades` reads them: a test cell whose
function has no passed check for its label scores 0. A function that failed a
check and whose answers are exactly those of one catalogued mistake
(:mod:`tools.grading.diagnosis`, run in the oracle process) gets that mistake in
``.diagnoses``, else what :mod:`.relations` finds in ``.findings``.
"""
import ast
import contextlib
import importlib
import json
import os
import subprocess
import sys
import time

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer

from ..course import is_pack_assignment, split_assignment_id
from . import plain
from .execute import time_limit
from .jail import Jail, Limits
from .messages import TIMEOUT
from .notebook import course_folder, definition_cells, student_solutions
from ..exercise import load_cases
from .oracle import JUDGE_SECONDS, Channel, oracle, reach, sound_findings, sound_verdict, subject
from .record import pack
from .scoring import called
from .template import ForkedProcess, program, template

PROGRAM = program(("plain.py", "sandbox.py"), "main")
MAX_CALLS = 2000  # oracle calls in one function's check (an honest one makes a few dozen)


class Referee(NbGraderPreprocessor):
    """Check the graded functions outside the student's kernel; record the verdicts for the score."""

    timeout = Float(None, allow_none=True,
                    help="Seconds for the check of one function, its cell and all its cases. Unset (the default): "
                    "JailedExecute.timeout, the course's one time limit; set, it can only lower that limit"
                    ).tag(config=True)
    memory = Integer(2 * 1024 ** 3, help="Address-space cap of a check, in bytes").tag(config=True)
    jail = Bool(True, help="Run the checks in the jail (False: a plain subprocess, for machines without one)"
                ).tag(config=True)
    fork = Bool(True, help="Fork the jailed check process from a fork server that has imported the heavy modules "
                "(False, or no Landlock here: start a fresh jailed process)").tag(config=True)

    def time_limit(self):
        """Seconds for one function's check: the course's one limit (:func:`~tools.grading.execute.time_limit`),
        or ``timeout`` when it is set lower (a higher one is capped, and the log says so)."""
        limit = time_limit(self.config)
        if self.timeout is None:
            return limit
        if self.timeout > limit:
            self.log.warning("Referee.timeout = %g is above JailedExecute.timeout: the checks get %g s, the limit "
                             "of the kernel's cells", self.timeout, limit)
            return limit
        return self.timeout

    def preprocess(self, nb, resources):
        assignment_id = resources["nbgrader"]["assignment"]
        seconds = self.time_limit()
        assignment, _ = split_assignment_id(assignment_id)
        cases = load_cases(assignment.name)
        subject_ = subject(assignment.name)
        reference = importlib.import_module(subject_[1])
        source_folder = course_folder(self.config, "source", assignment_id)
        setup = definition_cells(nbformat.read(str(source_folder / assignment.notebook), as_version=4),
                                 first_cell_too=True)
        solutions = student_solutions(nb)
        helpers = [c for c in definition_cells(nb) if c not in setup]
        checks, diagnoses, found, session = {}, {}, {}, None
        try:
            for function, function_cases in cases.items():
                if session is None or not session.alive:
                    # A fresh jail for every check process: nothing an earlier one wrote is run by the next.
                    server = template() if self.jail and self.fork else None
                    jail = Jail(source_folder, limits=Limits(memory=self.memory), parent=server and server.slots)
                    session = CheckSession(jail, setup, self.jail, server)
                    if not session.alive:
                        self.log.warning("the check process did not start: %s", session.setup_failed)
                cell = solutions.get(function, "")
                served = oracle_names(reference, function, cases, function_cases)
                own = [solutions[name] for name in dependencies(function, cell, cases) if name not in served]
                started = time.monotonic()
                verdicts, mistake = session.check(function, function_cases, helpers + own, cell, served, subject_,
                                                  oracle(self.memory), seconds, self.memory)
                self.log.debug("checked %s in %.2f s (limit %g s)", function, time.monotonic() - started, seconds)
                for case, verdict in zip(function_cases, verdicts):
                    checks.setdefault((function, case.label), []).append(verdict)
                if mistake:
                    diagnoses[function] = mistake
                elif session.findings:
                    found[function] = session.findings
        finally:
            if session is not None:
                session.close()
        record = pack(resources)
        record.dependencies = {f: dependencies(f, solutions.get(f, ""), cases) for f in cases}
        timed_out(checks, kernel_time_outs(record.incidents, cases), record.dependencies, seconds)
        record.checks, record.diagnoses, record.findings = checks, diagnoses, found
        return nb, resources


class WarmOracle(NbGraderPreprocessor):
    """Start this process's oracle and have it load the assignment while the notebook runs (an nbgrader plugin,
    before :class:`~tools.grading.execute.JailedExecute`): the first check of a grading process does not wait
    for it."""

    def preprocess(self, nb, resources):
        assignment, _ = split_assignment_id(resources["nbgrader"]["assignment"])
        oracle(Referee(config=self.config).memory).warm(subject(assignment.name))
        return nb, resources


def warm(config, assignment_ids):
    """Load the cases and references of ``assignment_ids`` in this grading process, and have its oracle load them
    meanwhile: a worker does it as it starts, so that its first submission waits for neither."""
    memory = Referee(config=config).memory
    for assignment_id in filter(is_pack_assignment, assignment_ids):
        name = split_assignment_id(assignment_id)[0].name
        oracle(memory).warm(subject(name))
        load_cases(name)
        importlib.import_module(subject(name)[1])


def kernel_time_outs(incidents, functions):
    """The graded functions (among ``functions``) whose own cell (grade id ``f``) or test cell (``f_example``,
    ``f_hidden``) ran out of the per-cell limit in the kernel (a time-out of the notebook's budget is not one)."""
    found = []
    for kind, cell in incidents:
        function, _, label = str(cell).rpartition("_")
        name = cell if cell in functions else function if label in ("example", "hidden") else None
        if kind == TIMEOUT and name in functions and name not in found:
            found.append(name)
    return found


def timed_out(checks, functions, dependencies, seconds):
    """Fail every passed check of each of ``functions`` (they timed out in the kernel) with the verdict of a check
    that timed out, so that the function scores 0 on all its test cells, as when its check times out.

    Not when a graded function it calls failed its own checks: :mod:`.scoring` charges a test cell's failure in the
    kernel to that function only, and a time-out is such a failure.
    """
    failed = {function for (function, _), verdicts in checks.items() if any(verdicts)}
    pending, charged = list(functions), []
    while pending:  # the functions it calls decided first; any left in a cycle of calls are charged
        decided = False
        for function in list(pending):
            calls = set(called(function, dependencies))
            if calls & failed or not calls & set(pending) - {function}:
                pending.remove(function)
                decided = True
                if not calls & failed:
                    charged.append(function)
                    failed.add(function)
        if not decided:
            charged += pending
            break
    for function in charged:
        for key, verdicts in checks.items():
            if key[0] == function:
                checks[key] = [verdict or {"code": "no_answer", "seconds": seconds} for verdict in verdicts]


def oracle_names(reference, function, cases, function_cases):
    """The names the check serves from the oracle: the graded functions the reference of ``function`` calls,
    and the cases' substitutes (never a name taken from the student's cell)."""
    return sorted(set(reach(reference, function, cases)) | {n for c in function_cases for n in c.calls})


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
        # Why not (the course's setup cells raised, say): for the instructor's log, never for the student.
        self.setup_failed = None if self.alive else str((ready or {}).get("setup_failed", "no reply"))[:500]

    def check(self, function, cases, helpers, cell, served, subject, judge_process, timeout, memory):
        """``(verdicts, mistake)``: per case, None (passed) or a verdict (why it failed: see
        :func:`tools.grading.oracle.judge`), and the catalogued mistake the results match (None: none, or no
        diagnosis).

        ``served``: the names the oracle answers for; ``subject``: :func:`tools.grading.oracle.subject` of the
        assignment; ``judge_process``: the :class:`~tools.grading.oracle.Oracle`. Everything the jail sends is
        relayed to it unread; the deadline (``timeout`` + 10 s) covers the oracle's time too.
        """
        self.findings = None
        if not self.alive:
            return [{"code": "not_started"}] * len(cases), None
        job = {"function": function, "helpers": helpers, "cell": cell, "oracle": served, "timeout": timeout,
               "memory": memory, "cases": [{"args": plain.encode(list(c.args)), "kwargs": plain.encode(c.kwargs),
                                            "unchanged": c.unchanged} for c in cases]}
        started = time.monotonic()
        deadline = started + timeout + 10
        self.channel.send(job, deadline=deadline)
        header = {"subject": list(subject), "function": function}
        results, calls = None, 0
        while True:
            message = self.channel.receive(deadline)
            if message is None:  # time-out, end of file or garbage: this process is done for
                self.close()
                verdict = {"code": "no_answer", **({"seconds": timeout} if time.monotonic() >= deadline else {})}
                return [verdict] * len(cases), None
            if "call" in message:
                calls += 1
                payload = self.channel.line(deadline, self.channel.left)
                if calls > MAX_CALLS or payload is None:
                    self.close()
                    return [{"code": "too_many_calls", "limit": MAX_CALLS} if calls > MAX_CALLS
                            else {"code": "no_answer"}] * len(cases), None
                reply = judge_process.ask({**header, "op": "call", "case": message.get("case"),
                                           "name": message.get("call")}, payload, deadline)
                if not self.channel.send(reply if reply is not None else {"error": "refused"}, deadline=deadline):
                    self.close()  # it stopped reading: the deadline passed while the grader waited to write
                    return [{"code": "no_answer", "seconds": timeout}] * len(cases), None
            elif "results" in message and results is None:
                results = self.channel.line(deadline, self.channel.left)
            elif message.get("done") == function:
                break
        if results is None:  # the check process stopped it at ``timeout``, or it died
            ran_out = time.monotonic() - started >= timeout
            return [{"code": "no_answer", **({"seconds": timeout} if ran_out else {})}] * len(cases), None
        reply = judge_process.ask({**header, "op": "judge", "diagnose": True}, results,
                                  time.monotonic() + JUDGE_SECONDS)
        try:
            reply = json.loads(reply)
            verdicts = reply["verdicts"]
            assert isinstance(verdicts, list) and len(verdicts) == len(cases)
            mistake = reply.get("mistake")
            self.findings = sound_findings(reply.get("findings"))
            return [sound_verdict(v) for v in verdicts], mistake if isinstance(mistake, str) else None
        except (TypeError, ValueError, KeyError, AssertionError):  # the oracle was killed (its cap or time)
            return [{"code": "no_answer"}] * len(cases), None

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
