"""The jail's probe names the real cause and the command that fixes it, on every machine (tools.grading.jail).

The diagnosis is a function of what the probe reads (:class:`Facts`: the sysctl files, the container, the
seccomp mode, bubblewrap's message), so every combination is checked here without the machine having it:
Ubuntu 24.04's AppArmor restriction, Debian's older switch, ``user.max_user_namespaces`` = 0, a Docker
container, an old bubblewrap. ``make jail``'s AppArmor step (tools/jail/allow-bwrap-userns.sh) runs for real
against a fake sysctl file, a fake /etc/apparmor.d, a fake bwrap and a fake apparmor_parser: this machine has
no AppArmor restriction to lift.
"""
import itertools
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from tools.course import ROOT
from tools.grading import jail as jail_module
from tools.grading.jail import APPARMOR_SCRIPT, Facts, JailUnavailable, Limits, diagnose, read_facts

NO_PERMISSION = ("bwrap: No permissions to creating new namespace, likely because the kernel does not allow "
                 "non-privileged user namespaces. On e.g. debian this can be enabled with "
                 "'sysctl kernel.unprivileged_userns_clone=1'.")
UID_MAP = "bwrap: setting up uid map: Permission denied"  # Ubuntu 24.04, AppArmor's restriction
NO_SPACE = "bwrap: Creating new namespace failed: No space left on device"  # user.max_user_namespaces = 0
OLD_BWRAP = "bwrap: Unknown option --disable-userns"  # bubblewrap 0.6.1 (Ubuntu 22.04)

APPARMOR_FIX = f"sudo sh {APPARMOR_SCRIPT}"
APPARMOR_BLUNT = "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"
DEBIAN_FIX = "sudo sysctl -w kernel.unprivileged_userns_clone=1"
MAX_FIX = "sudo sysctl -w user.max_user_namespaces=10000"
CONTAINER_FIX = "--security-opt seccomp=unconfined"


def causes(message):
    """The numbered causes of a diagnosis."""
    return [part for part in message.split(" (Read: ")[0].split(". ") if part[:1].isdigit()]


@pytest.mark.parametrize("uid, apparmor, clone, max_userns, container, seccomp", list(itertools.product(
    (0, 1000), (None, "0", "1"), (None, "0", "1"), ("0", "63711"), (None, "docker"), ("0", "2"))))
def test_every_combination_names_each_cause_and_its_fix(uid, apparmor, clone, max_userns, container, seccomp):
    facts = Facts(uid, NO_PERMISSION, apparmor, clone, max_userns, container, seccomp)
    message = diagnose(facts)
    user = uid != 0  # root needs no user namespace: the three switches do not concern it
    expected = {APPARMOR_FIX: user and apparmor == "1", APPARMOR_BLUNT: user and apparmor == "1",
                DEBIAN_FIX: user and clone == "0", MAX_FIX: user and max_userns == "0",
                CONTAINER_FIX: container is not None}
    for fix, present in expected.items():
        assert (fix in message) == present, (fix, message)
    seccomp_only = seccomp == "2" and not any(expected.values())
    assert ("seccomp filter" in message) == seccomp_only, message
    count = sum({APPARMOR_FIX: 1, APPARMOR_BLUNT: 0}.get(fix, 1) for fix, present in expected.items() if present)
    assert len(causes(message)) == max(1, count + seccomp_only), message
    assert ("no known cause found" in message) == (count + seccomp_only == 0)
    assert message.startswith(f"bubblewrap cannot create a sandbox here ({NO_PERMISSION})")
    assert f"user.max_user_namespaces {max_userns}" in message and message.endswith("--no-jail")


SYSTEMS = {
    # system: (facts, the fixes its message must give, the fixes it must not)
    "Ubuntu 24.04, a user, AppArmor's restriction": (
        Facts(1000, UID_MAP, "1", "1", "63711", None, "0"), [APPARMOR_FIX, APPARMOR_BLUNT, "make jail"],
        [DEBIAN_FIX, MAX_FIX, CONTAINER_FIX]),
    "Ubuntu 24.04 in Docker, a user": (
        Facts(1000, NO_PERMISSION, "1", "1", "63711", "docker", "2"), [APPARMOR_FIX, CONTAINER_FIX, "--privileged"],
        [DEBIAN_FIX, MAX_FIX]),
    "Ubuntu 22.04, a user, bubblewrap 0.6.1 given --disable-userns": (
        Facts(1000, OLD_BWRAP, None, "1", "63711", None, "0"), ["bubblewrap 0.8 or newer"],
        [APPARMOR_FIX, DEBIAN_FIX, MAX_FIX, CONTAINER_FIX]),
    "Debian 10, a user, the old switch off": (
        Facts(1000, NO_PERMISSION, None, "0", "63711", None, "0"), [DEBIAN_FIX, "/etc/sysctl.d/"],
        [APPARMOR_FIX, MAX_FIX, CONTAINER_FIX]),
    "user namespaces off (RHEL 7's default)": (
        Facts(1000, NO_SPACE, None, None, "0", None, "0"), [MAX_FIX], [APPARMOR_FIX, DEBIAN_FIX, CONTAINER_FIX]),
    "Docker's defaults, root": (
        Facts(0, NO_PERMISSION, None, "1", "63711", "docker", "2"),
        [CONTAINER_FIX, "--privileged", "grade in it as a user who is not root"], [APPARMOR_FIX, DEBIAN_FIX, MAX_FIX]),
    "Podman, a user": (
        Facts(1000, "bwrap: Can't mount proc on /newroot/proc: Operation not permitted", None, None, "63711", "podman",
              "2"), [CONTAINER_FIX, "systempaths=unconfined"], [APPARMOR_FIX, DEBIAN_FIX, MAX_FIX]),
    "a systemd service with a seccomp filter": (
        Facts(1000, NO_PERMISSION, None, "1", "63711", None, "2"), ["seccomp filter"], [CONTAINER_FIX, APPARMOR_FIX]),
}


@pytest.mark.parametrize("system", SYSTEMS)
def test_each_system_gets_its_own_fix(system):
    facts, wanted, unwanted = SYSTEMS[system]
    message = diagnose(facts)
    for text in wanted:
        assert text in message, (text, message)
    for text in unwanted:
        assert text not in message, (text, message)


def test_facts_are_read_from_this_machine():
    facts = read_facts("some error")
    assert facts.uid == os.getuid() and facts.error == "some error"
    for name, path in jail_module.SYSCTLS.items():
        value = Path(path).read_text().strip() if Path(path).exists() else None
        assert getattr(facts, name) == value, name
    status = Path("/proc/self/status").read_text()
    assert f"Seccomp:\t{facts.seccomp}\n" in status


def test_check_available_raises_the_diagnosis_of_this_machine(monkeypatch):
    failed = subprocess.CompletedProcess([], 1, "", "bwrap: warming up\n" + UID_MAP + "\n")
    monkeypatch.setattr(jail_module.subprocess, "run", lambda *a, **k: failed)
    with pytest.raises(JailUnavailable) as raised:
        jail_module.check_available.__wrapped__()
    assert str(raised.value) == diagnose(read_facts(UID_MAP))


@pytest.mark.parametrize("supported", [True, False])
def test_nested_user_namespaces_are_disabled_where_bubblewrap_can(monkeypatch, supported):
    """A user who is not root: --disable-userns where bubblewrap has it (0.8+), not where it would fail (0.6.1)."""
    monkeypatch.setattr(jail_module.os, "getuid", lambda: 1000)
    monkeypatch.setattr(jail_module, "disables_nested_userns", lambda: supported)
    command = jail_module._bwrap_prefix(Path("/"), None, Limits())
    assert "--unshare-user" in command
    assert ("--disable-userns" in command) == supported


def test_this_bubblewrap_is_asked_whether_it_can_disable_user_namespaces():
    version = subprocess.run(["bwrap", "--version"], capture_output=True, text=True).stdout.split()[-1]
    assert jail_module.disables_nested_userns.__wrapped__() == (tuple(map(int, version.split(".")[:2])) >= (0, 8))


# --- make jail's AppArmor step ----------------------------------------------------------------------------

PROFILE = ROOT / "tools" / "jail" / "bwrap.apparmor"


def test_the_profile_allows_user_namespaces_to_bwrap_alone():
    text = PROFILE.read_text(encoding="utf-8")
    rules = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert rules == ["abi <abi/4.0>,", "include <tunables/global>", "profile bwrap /usr/bin/bwrap flags=(unconfined) {",
                     "userns,", "include if exists <local/bwrap>", "}"]


def test_make_jail_runs_the_apparmor_step():
    target = (ROOT / "Makefile").read_text(encoding="utf-8").split("\njail:\n")[1].split("\n\n")[0]
    assert "@sh tools/jail/allow-bwrap-userns.sh" in target
    assert "sysctl" not in target  # the narrow fix only; the blunt one is the instructor's choice


@pytest.fixture
def fakes():
    """A world for the script: a sysctl file, /etc/apparmor.d, a bwrap that fails until apparmor_parser loaded a
    profile, a logging apparmor_parser, a sudo that refuses; all readable by `nobody` (the probe runs as it)."""
    root = Path(tempfile.mkdtemp(prefix="jail-probe-"))
    (root / "bin").mkdir()
    (root / "apparmor.d").mkdir()
    scripts = {
        "bwrap": '#!/bin/sh\n[ -e "$FAKE/loaded" ] && exit 0\necho "bwrap: setting up uid map: Permission denied" >&2\n'
                 'exit 1\n',
        "apparmor_parser": '#!/bin/sh\necho "$@" >>"$FAKE/parser.log"\n'
                           '[ -n "${FAKE_NO_EFFECT:-}" ] || touch "$FAKE/loaded"\n',
        "sudo": "#!/bin/sh\nexit 1\n",
    }
    for name, text in scripts.items():
        (root / "bin" / name).write_text(text)
        (root / "bin" / name).chmod(0o755)
    (root / "restrict").write_text("1\n")
    for path in [root, *root.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IROTH | stat.S_IWOTH | (stat.S_IXOTH if path.is_dir() else 0))
    yield root
    shutil.rmtree(root)


def allow(fakes, *, as_nobody=False, **env):
    environment = {"PATH": f"{fakes / 'bin'}:/usr/sbin:/usr/bin:/sbin:/bin", "FAKE": str(fakes),
                   "JAIL_RESTRICT_FILE": str(fakes / "restrict"), "JAIL_APPARMOR_DIR": str(fakes / "apparmor.d"), **env}
    command = ["sh", str(APPARMOR_SCRIPT)]
    if as_nobody:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60)


def parser_calls(fakes):
    log = fakes / "parser.log"
    return log.read_text().splitlines() if log.exists() else []


@pytest.mark.skipif(os.getuid() != 0, reason="the script's root path needs root (it writes only the fake folder)")
def test_the_script_installs_and_loads_the_profile_once(fakes):
    done = allow(fakes)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = (fakes / "apparmor.d" / "bwrap").read_text()
    assert installed == PROFILE.read_text().replace("/usr/bin/bwrap", str(fakes / "bin" / "bwrap"))
    assert parser_calls(fakes) == [f"-r {fakes / 'apparmor.d' / 'bwrap'}"]
    assert "AppArmor profile" in done.stdout and "loaded" in done.stdout
    again = allow(fakes)  # bwrap works now: nothing to do, nothing said
    assert (again.returncode, again.stdout, parser_calls(fakes)) == (0, "", [f"-r {fakes / 'apparmor.d' / 'bwrap'}"])


@pytest.mark.parametrize("value", ["0", None])
def test_the_script_does_nothing_without_the_restriction(fakes, value):
    if value is None:
        (fakes / "restrict").unlink()  # Debian, Ubuntu 22.04: no such sysctl
    else:
        (fakes / "restrict").write_text(value + "\n")
    done = allow(fakes)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert not list((fakes / "apparmor.d").iterdir()) and parser_calls(fakes) == []


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to run the script as another user")
def test_without_root_or_sudo_the_script_says_what_to_run(fakes):
    done = allow(fakes, as_nobody=True)
    assert done.returncode == 1
    assert APPARMOR_FIX in done.stdout and APPARMOR_BLUNT in done.stdout
    assert not list((fakes / "apparmor.d").iterdir()) and parser_calls(fakes) == []


@pytest.mark.skipif(os.getuid() != 0, reason="the script's root path needs root (it writes only the fake folder)")
def test_an_administrators_profile_without_userns_is_left_alone(fakes):
    theirs = fakes / "apparmor.d" / "bwrap"
    theirs.write_text("profile bwrap /usr/bin/bwrap {\n  capability,\n}\n")
    done = allow(fakes)
    assert done.returncode == 1 and "left alone" in done.stdout and APPARMOR_BLUNT in done.stdout
    assert theirs.read_text() == "profile bwrap /usr/bin/bwrap {\n  capability,\n}\n" and parser_calls(fakes) == []


@pytest.mark.skipif(os.getuid() != 0, reason="the script's root path needs root (it writes only the fake folder)")
def test_a_profile_that_does_not_help_is_reported(fakes):
    done = allow(fakes, FAKE_NO_EFFECT="1")
    assert done.returncode == 1
    assert "still cannot" in done.stdout and "setting up uid map" in done.stdout and APPARMOR_BLUNT in done.stdout
