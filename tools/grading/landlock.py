"""Landlock (Linux ≥ 5.13) through its three system calls: a process narrows its own file, TCP and signal rights.

Used by the fork server (:mod:`tools.grading.forkserver`) in each forked child, after the fork and before
any student code: the child may read the system and the Python installation, write only its own folder,
``/tmp`` and ``/dev``, open no TCP connection, and signal or trace no process outside its own domain (the
fork server above it included). The rules cannot be lifted by the process or its descendants.

Written with ``ctypes`` because the Python standard library has no binding and PyPI's ``landlock``
has only development releases; the fork server ships this file's source into the jail, so it imports
nothing outside the standard library.
"""
import ctypes
import os

CREATE_RULESET, ADD_RULE, RESTRICT_SELF = 444, 445, 446  # the same numbers on x86_64 and aarch64
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
CHANGE = sum(1 << bit for bit in range(4, 13))  # remove dir/file, make char/dir/reg/sock/fifo/block/sym
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15  # ABI 2, 3 and 5
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1  # ABI 4
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1  # ABI 6
MINIMUM_ABI = 6  # signal scoping: a child must not be able to kill the fork server


class RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


def _call(*args):
    result = _libc.syscall(*args)
    if result < 0:
        error = ctypes.get_errno()
        raise OSError(error, f"landlock: {os.strerror(error)}")
    return result


def abi():
    """The kernel's Landlock ABI version, 0 when it has none (or it is disabled)."""
    try:
        return _call(CREATE_RULESET, None, ctypes.c_size_t(0), CREATE_RULESET_VERSION)
    except OSError:
        return 0


def file_rights(version):
    """``(read, write)`` access masks of the file system rights this ABI version knows."""
    read = EXECUTE | READ_FILE | READ_DIR
    write = read | WRITE_FILE | CHANGE | (REFER if version >= 2 else 0) | (TRUNCATE if version >= 3 else 0)
    return read, write | (IOCTL_DEV if version >= 5 else 0)


def restrict(read, write):
    """Confine this process and its future children: ``read`` (paths) readable, ``write`` (paths) writable.

    Everything else of the file system is denied, so are TCP bind and connect, abstract Unix sockets and
    signals to processes outside the domain. Raises OSError below :data:`MINIMUM_ABI`.

    Parameters
    ----------
    read : list of str, folders (or files) to read and execute beneath
    write : list of str, folders (or files) to read, write, create and delete beneath
    """
    version = abi()
    if version < MINIMUM_ABI:
        raise OSError(f"landlock ABI {version} < {MINIMUM_ABI}")
    read_mask, write_mask = file_rights(version)
    attr = RulesetAttr(write_mask, NET_BIND_TCP | NET_CONNECT_TCP, SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL)
    ruleset = _call(CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)), 0)
    try:
        for paths, mask in ((read, read_mask), (write, write_mask)):
            for path in paths:
                if not os.path.exists(path):
                    continue
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                try:
                    allowed = mask if os.path.isdir(path) else mask & (EXECUTE | READ_FILE | WRITE_FILE | TRUNCATE
                                                                         | IOCTL_DEV)
                    rule = PathBeneathAttr(allowed, fd)
                    _call(ADD_RULE, ruleset, RULE_PATH_BENEATH, ctypes.byref(rule), 0)
                finally:
                    os.close(fd)
        if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0):
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
        _call(RESTRICT_SELF, ruleset, 0)
    finally:
        os.close(ruleset)
