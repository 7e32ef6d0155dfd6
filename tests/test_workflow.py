"""Continuous integration runs what instructors run: the workflow calls .ci/run, which calls `make test`."""
import re

import yaml

from tools.course import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def commands(script):
    """The non-comment, non-empty lines of a shell script."""
    return [line.strip() for line in script.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_the_workflow_runs_ci_run_on_every_push_and_pull_request():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert {"push", "pull_request"} <= set(triggers)
    assert not any((triggers[event] or {}).get(key) for event in ("push", "pull_request")
                   for key in ("branches", "paths", "tags"))  # every push, not some
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "${{ matrix.os }}"  # Ubuntu's LTS runners, where instructors grade (docs/machines.md)
    assert set(job["strategy"]["matrix"]["os"]) == {"ubuntu-22.04", "ubuntu-24.04"}
    steps = job["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses.index("actions/checkout") < uses.index("actions/setup-python")
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert str(python["with"]["python-version"]) == "3.11"
    runs = [line for step in steps for line in commands(step.get("run", ""))]
    assert runs[-1] == ".ci/run"
    assert steps.index(next(s for s in steps if s.get("run") == ".ci/run")) > uses.index("actions/setup-python")


def test_ci_run_calls_make_test_which_installs_what_the_tests_need():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"
    assert any(re.match(r"make test(\s|$)", line) for line in commands(script))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    prerequisites = re.search(r"^test:(.*)$", makefile, re.M).group(1).split()
    assert {"venv", "jail", "postgres", "chromium"} <= set(prerequisites)
    assert re.search(r"^chromium:", makefile, re.M) and "install -y -qq chromium" in makefile
