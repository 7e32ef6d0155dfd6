#!/bin/sh
# Let bubblewrap make the grading jail's user namespaces where Ubuntu's AppArmor restricts them
# (kernel.apparmor_restrict_unprivileged_userns = 1): install tools/jail/bwrap.apparmor as
# /etc/apparmor.d/bwrap and load it with apparmor_parser -r. Run by `make jail`, as root or through
# passwordless sudo (sudo -n). Does nothing where the restriction is off or absent, or where bwrap
# already works for a user who is not root (a profile of the distribution's, Ubuntu 25.04 and newer).
# Exit status 0: bwrap can make its jail as a user who is not root, or the restriction does not apply;
# 1: it cannot, and the message says what to run.
# JAIL_RESTRICT_FILE and JAIL_APPARMOR_DIR override the sysctl file and /etc/apparmor.d (for the tests).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
restrict=${JAIL_RESTRICT_FILE:-/proc/sys/kernel/apparmor_restrict_unprivileged_userns}
target=${JAIL_APPARMOR_DIR:-/etc/apparmor.d}/bwrap

[ "$(cat "$restrict" 2>/dev/null || echo absent)" = 1 ] || exit 0  # no restriction here: nothing to do

bwrap=$(command -v bwrap) || { echo "jail: bubblewrap is missing (Debian/Ubuntu: sudo apt-get install bubblewrap)"; exit 1; }
bwrap=$(readlink -f "$bwrap")
if [ "$(id -u)" = 0 ]; then as_root=""; elif sudo -n true 2>/dev/null; then as_root="sudo -n"; else as_root=none; fi

probe() {  # what the jail does as a user who is not root: a user namespace, then pid and network namespaces
    set -- "$bwrap" --unshare-user --unshare-pid --unshare-net --ro-bind / / --proc /proc --dev /dev true
    if [ "$(id -u)" != 0 ]; then "$@"
    else setpriv --reuid="${SUDO_UID:-65534}" --regid="${SUDO_GID:-65534}" --clear-groups "$@"; fi
}
explain() {
    echo "jail: Ubuntu's AppArmor forbids bubblewrap's user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)."
    echo "      Allow them to bwrap alone, as root:  sudo sh $here/allow-bwrap-userns.sh"
    echo "      or, for every program of the machine:  sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"
}

if probe >/dev/null 2>&1; then
    exit 0  # a profile (ours, or the distribution's) already lets bwrap make user namespaces
fi
if [ "$as_root" = none ]; then
    explain
    exit 1
fi
profile=$(mktemp)
trap 'rm -f "$profile"' EXIT
sed "s|/usr/bin/bwrap|$bwrap|" "$here/bwrap.apparmor" >"$profile"
if [ -e "$target" ] && ! cmp -s "$profile" "$target" && ! grep -q '^[[:space:]]*userns,' "$target"; then
    echo "jail: $target exists, is not this pack's and has no 'userns,' rule: left alone."
    explain
    exit 1
fi
if [ ! -e "$target" ] || cmp -s "$profile" "$target"; then  # else: an administrator's profile with userns, loaded as it is
    $as_root install -m 0644 "$profile" "$target"
fi
parser=$(command -v apparmor_parser || echo /sbin/apparmor_parser)
$as_root "$parser" -r "$target"
if probe >/dev/null 2>&1; then
    echo "jail: AppArmor profile $target loaded: bwrap ($bwrap) may make user namespaces; the restriction stays on for every other program."
    exit 0
fi
echo "jail: the AppArmor profile $target is loaded, but bwrap still cannot make its namespaces:"
probe 2>&1 | sed 's/^/      /' || true
explain
exit 1
