"""The jailed check process: runs a student's graded functions on inputs the grader sends, one fork per function.

The referee (:mod:`tools.grading.referee`) starts this file's source, after
:mod:`tools.grading.plain`'s, as ``python -I -c PROGRAM`` in a jail
(:mod:`tools.grading.jail`) and talks to it in JSON lines over its stdin and
stdout; file descriptors 0-2 are /dev/null for everything else, so what
student code prints goes nowhere.

1. ``{"setup": [source, ...]}``: the trusted setup (the source notebook's
   imports and provided definitions) runs once, before any student code;
   answer ``{"ready": true}``.
2. For each ``{"function": name, "helpers": [...], "cell": source, "oracle":
   [names], "cases": [...], "timeout": s, "memory": bytes}``: a forked child
   (new session, hard memory cap) runs the student's helper cells, defines each
   oracle name as a stub that asks the grader (a header ``{"call": name, "case":
   i}`` and a payload ``{"args": ..., "kwargs": ...}``; one reply line), runs the
   student's cell, calls the function on every case and writes ``{"results": n}``
   and the payload ``[...]``. The grader relays payloads, unread, to the oracle
   process (:mod:`tools.grading.oracle`). The parent
   waits at most ``timeout`` seconds, kills the child's process group and
   writes ``{"done": name}``.

Nothing here is trusted by the grader: it holds no expected value and no
reference code (the oracle's answers are computed in the grader), and the grader
checks every answer's shape and compares every value itself. A child that
writes garbage, too little, or nothing gets 0 for its function.
"""
import contextlib
import json
import os
import resource
import signal
import sys
import time

from tools.grading.plain import decode, encode  # in the jail: plain.py's source comes first


def read_message(stream):
    line = stream.readline()
    return json.loads(line) if line else None


def write_message(stream, *messages):
    """Write ``messages`` as JSON lines: a header, and the payload it announces (the grader relays it unread)."""
    stream.write("".join(json.dumps(message, allow_nan=False) + "\n" for message in messages))
    stream.flush()


def oracle_stub(name, case, channel):
    """A stand-in for ``name`` whose answers come from the grader (the reference, or the case's own function)."""
    def stub(*args, **kwargs):
        write_message(channel[1], {"call": name, "case": case[0]}, {"args": encode(list(args)), "kwargs": encode(kwargs)})
        reply = read_message(channel[0]) or {}
        if "value" not in reply:
            raise RuntimeError(f"{name} could not be called with these arguments")
        return decode(reply["value"])
    stub.__name__ = name
    return stub


def run_job(job, namespace, channel):
    """In the forked child: the student's code, then every case; write the results."""
    os.setsid()
    resource.setrlimit(resource.RLIMIT_AS, (job["memory"], job["memory"]))
    case = [None]
    for source in job["helpers"]:
        with contextlib.suppress(BaseException):
            exec(compile(source, "<student>", "exec"), namespace)
    for name in job["oracle"]:
        namespace[name] = oracle_stub(name, case, channel)
    with contextlib.suppress(BaseException):
        exec(compile(job["cell"], "<student>", "exec"), namespace)
    results = []
    for index, spec in enumerate(job["cases"]):
        case[0] = index
        try:
            args, kwargs = decode(spec["args"]), decode(spec["kwargs"])
            value = namespace[job["function"]](*args, **kwargs)
            entry = {"value": encode(value)}
            if spec.get("unchanged"):
                entry["arguments_after"] = encode([args, kwargs])
        except BaseException as error:  # noqa: BLE001 - the student's SystemExit too
            entry = {"error": type(error).__name__}
        results.append(entry)
    write_message(channel[1], {"results": len(results)}, results)


def wait(pid, timeout):
    deadline = time.monotonic() + timeout
    while not os.waitpid(pid, os.WNOHANG)[0]:
        if time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.002)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)  # whatever the child left running


def main():
    sys.path.insert(0, os.getcwd())  # the jail's folder: the assignment's helper modules (-I left it out)
    channel = (os.fdopen(os.dup(0), "r", encoding="utf-8"), os.fdopen(os.dup(1), "w", encoding="utf-8"))
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")
    setup = read_message(channel[0]) or {"setup": []}
    namespace = {"__name__": "__main__"}
    try:
        for source in setup["setup"]:
            exec(compile(source, "<setup>", "exec"), namespace)
    except BaseException as error:  # noqa: BLE001 - reported; the grader then fails every check closed
        write_message(channel[1], {"setup_failed": f"{type(error).__name__}: {error}"[:300]})
        return
    write_message(channel[1], {"ready": True})
    while True:
        job = read_message(channel[0])
        if not job:
            return
        pid = os.fork()
        if pid == 0:
            try:
                run_job(job, namespace, channel)
            finally:
                os._exit(0)
        wait(pid, job["timeout"])
        write_message(channel[1], {"done": job["function"]})


if __name__ == "__main__":
    main()
