"""Run a student's graded functions on given inputs in a throw-away process; report outputs as plain data.

Started by :mod:`tools.referee` as ``python -I tools/sandbox.py`` with a pickled
job on stdin (from the grader, trusted). For each function a forked child:
caps its memory, silences stdout/stderr, runs the trusted setup code (the
notebook's imports and provided code), then the student's cells (the trusted setup ran once
before the fork), then calls the function on each case. Outputs go back as JSON of numbers, lists and dicts
(never pickles), so nothing the student's code builds reaches the grader as a
live object: no ``__eq__``, ``__array__`` or ``__bool__`` trick survives, and
whatever the code patches (numpy, builtins, the test helpers) is patched in a
process that is thrown away. The comparison happens in the grader.
"""
import copy
import json
import math
import os
import pickle
import resource
import select
import signal
import sys
import time

SETUP_OK = "sandbox: trusted setup done"


def encode(value, depth=0):
    """Plain-data image of ``value``: numbers, arrays (as nested lists), tuples, lists and dicts."""
    import numpy as np
    if depth > 20:
        return {"other": "too deep"}
    if isinstance(value, dict):
        return {"dict": {str(k): encode(v, depth + 1) for k, v in list(value.items())[:1000]}}
    if isinstance(value, (tuple, list)):
        return {"seq": [encode(v, depth + 1) for v in list(value)[:1000]]}
    try:
        array = np.array(value, dtype=float)
    except Exception:
        return {"other": type(value).__name__}
    if array.size > 1_000_000:
        return {"other": "array too large"}
    flat = [x if math.isfinite(x) else repr(x) for x in array.ravel().tolist()]
    return {"array": {"shape": list(array.shape), "data": flat}}


def run_function(job, namespace, name, write):
    """In the forked child: run the student's cells in ``namespace``, call ``name`` on every case, write JSON."""
    problems = []
    for source in job["cells"][name]:
        try:
            exec(compile(source, "<student>", "exec"), namespace)
        except BaseException as error:  # noqa: BLE001 - a student's SystemExit must not stop the check
            problems.append(f"{type(error).__name__}: {error}"[:300])
    results = []
    for label, args, kwargs in job["cases"][name]:
        try:
            function = namespace[name]
            output = function(*copy.deepcopy(args), **copy.deepcopy(kwargs))
            results.append([label, "ok", encode(output)])
        except BaseException as error:  # noqa: BLE001
            results.append([label, "error", f"{type(error).__name__}: {error}"[:300]])
    write(json.dumps({"setup_errors": problems, "results": results}, allow_nan=False))


def main():
    job = pickle.load(sys.stdin.buffer)
    os.chdir(job["folder"])
    sys.path.insert(0, job["folder"])
    # The trusted setup (the notebook's imports and provided code) runs once, here; every child
    # inherits the namespace and the imported modules, and whatever a child changes dies with it.
    namespace = {"__name__": "__main__"}
    for source in job["setup"]:
        exec(compile(source, "<setup>", "exec"), namespace)
    sys.stdout.write(SETUP_OK + "\n")  # before any student code: the referee trusts nothing without it
    sys.stdout.flush()
    report = {}
    for name in job["cases"]:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            resource.setrlimit(resource.RLIMIT_AS, (job["memory"], job["memory"]))
            with os.fdopen(write_end, "w") as out:
                try:
                    run_function(job, namespace, name, out.write)
                finally:
                    out.flush()
                    os._exit(0)
        os.close(write_end)
        chunks, deadline = [], time.monotonic() + job["timeout"]
        with os.fdopen(read_end, "rb") as pipe:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([pipe], [], [], left)[0]:
                    os.kill(pid, signal.SIGKILL)
                    report[name] = {"crash": f"no answer within {job['timeout']} s"}
                    break
                chunk = pipe.read1(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        os.waitpid(pid, 0)
        if name not in report:
            try:
                report[name] = json.loads(b"".join(chunks) or b"null") or {"crash": "the process died"}
            except ValueError:
                report[name] = {"crash": "unreadable answer"}
    sys.stdout.write(json.dumps(report))


if __name__ == "__main__":
    main()
