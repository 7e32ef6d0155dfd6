"""Re-grade only what changed: the record of what each submission's grading was computed from.

A submission's grading result (its gradebook rows, its ``autograded/`` and ``feedback/`` folders, its status) is
determined by its *key*: a SHA-256 over

* the submission's files, as the intake reads them for the worker (name and bytes of each);
* the instructor's submission time from the ledger, the assignment's due date and the student's extension, if
  any (they are in the feedback and decide the late penalty);
* the grader: the files of ``tools/``, ``reference/``, ``exercises/`` and ``utils/`` as the grading process loaded
  them, the assignment's ``source/<assignment id>/``, the course's ``nbgrader_config.py``, whether the jail is on,
  and the installed versions of the packages that grade (nbgrader, nbconvert, nbclient, ipykernel, numpy).

After a submission is graded and recorded, the course's ``grading_record.json`` (beside the gradebook; only the
instructor's ``grade`` writes it) keeps, per assignment id and student: the key, the status, and digests of what
grading wrote: the ``autograded/`` and ``feedback/`` folders' files and the gradebook's auto scores of the
submission. A later ``grade`` skips a submission when its key is the same and those three digests still match
what is there now: nothing of it is sent to a worker or written, so its gradebook rows, folders and manual grades
stay exactly as they are. Anything else (a changed submission, a new time or due date, a changed master, test,
grader or configuration, a folder deleted or edited, an auto score changed by plain ``nbgrader autograde``) grades
it again, as does ``grade --force``. Submissions that could not be graded are not recorded: they are tried again
at every run.

Limits: the key covers what the grading process loaded and the course's files, not the system around them (the
kernel, bubblewrap, the Python interpreter's own version beyond the packages named): after upgrading those, run
``grade --force``.
"""
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from .times import rewrite_json

RECORD = "grading_record.json"
PACKAGES = ("nbgrader", "nbconvert", "nbclient", "ipykernel", "numpy")
SKIPPED_FOLDERS = {"__pycache__", ".pytest_cache"}


def digest(parts):
    """SHA-256 (hex) of a sequence of byte strings, each length-prefixed so that no two sequences collide."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(len(part).to_bytes(8, "big"))
        sha.update(part)
    return sha.hexdigest()


def files_digest(files):
    """Digest of ``files`` (relative name -> bytes), independent of their order."""
    return digest(item for name in sorted(files) for item in (name.encode("utf-8", "surrogateescape"), files[name]))


def folder_files(folder):
    """The regular files under ``folder`` (relative name -> bytes), links not followed; None when it is missing."""
    folder = Path(folder)
    if not folder.is_dir() or folder.is_symlink():
        return None
    found = {}
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if name not in SKIPPED_FOLDERS)
        for name in names:
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def tree_digest(folder):
    """Digest of a folder's files, or of its absence."""
    files = folder_files(folder)
    return digest([b"missing"]) if files is None else files_digest(files)


def grader_folders():
    """The grader's code as this process loaded it, name -> folder (what :func:`tools.grading.cluster.grader_code`
    ships): ``tools/``, ``reference/`` (the build's output: the reference solutions, the assignment list, the
    compiled mistakes), ``exercises/`` (the cases) and ``utils/``.

    Each folder is resolved: a course made by :func:`tools.nbgrader_run.make_course` links to the repository's, and
    which path a package was imported through depends on ``sys.path`` when it was first imported (the course's
    configuration puts the course first); a link's digest would be that of a missing folder, so the key would
    neither cover that code nor be the same from one process to the next.
    """
    import exercises
    import reference

    import tools
    reference_folder = Path(reference.__file__).resolve().parent
    return {"tools": Path(tools.__file__).resolve().parent, "reference": reference_folder,
            "exercises": Path(exercises.__file__).resolve().parent, "utils": reference_folder.parent / "utils"}


def grader_digest(course, assignment_id, jail, code=None):
    """Digest of everything besides the submission that decides how ``assignment_id`` is graded in ``course``;
    ``code``: the grader's folders (default: those of :func:`grader_folders`)."""
    code = grader_folders().values() if code is None else code
    course = Path(course)
    config = course / "nbgrader_config.py"
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing".encode())
    return digest([*(tree_digest(folder).encode() for folder in code),
                   tree_digest(course / "source" / assignment_id).encode(),
                   config.read_bytes() if config.is_file() else b"no config",
                   b"jail" if jail else b"no jail", *versions])


def submission_key(grader, files, when, duedate):
    """The key of one submission: the grader's digest, its files' digest (:func:`files_digest`), its time and its
    due date (the assignment's, and the student's extension)."""
    return digest([grader.encode(), files.encode(), str(when).encode(), str(duedate).encode()])


def auto_scores(scores):
    """Digest of one submission's auto scores (its grade cells' ids, auto scores, points) from its
    :class:`~tools.grading.gradebook.Scores`, or None when the gradebook has no such submission (``scores`` None).
    Manual scores and comments are left out: they survive re-grading."""
    if scores is None:
        return None
    rows = sorted((notebook, grade, repr(auto_score), repr(max_score))
                  for notebook, grade, auto_score, _, max_score in scores.grades)
    return digest("\0".join(row).encode() for row in rows)


def written(course, student, assignment_id, scores):
    """What grading left for one submission: digests of its autograded and feedback folders and of its auto scores
    (``scores``: its :class:`~tools.grading.gradebook.Scores`, None when the gradebook has no such submission)."""
    course = Path(course)
    return {"autograded": tree_digest(course / "autograded" / student / assignment_id),
            "feedback": tree_digest(course / "feedback" / student / assignment_id),
            "scores": auto_scores(scores)}


def read(course):
    """The course's record: {assignment id: {student: entry}}; empty when there is none or it cannot be read (then
    everything is graded again, which is always safe)."""
    try:
        data = json.loads((Path(course) / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def entry(record, assignment_id, student):
    found = record.get(assignment_id, {})
    found = found.get(student) if isinstance(found, dict) else None
    return found if isinstance(found, dict) else None


def is_unchanged(found, key, now):
    """True when a recorded entry ``found`` was graded from ``key`` and what it wrote (``now``) is still there."""
    return (found is not None and found.get("key") == key and now["scores"] is not None
            and all(found.get(name) == now[name] for name in ("autograded", "feedback", "scores")))


def update(course, entries, forget=()):
    """Write ``entries`` ({(assignment id, student): entry}) into the course's record and drop ``forget`` (pairs
    graded again without a result), keeping every other entry; the file is replaced whole under a lock on the
    course folder, as the submission-time ledger is (:func:`~tools.grading.times.rewrite_json`)."""
    def changed():
        record = read(course)
        for assignment_id, student in forget:
            record.get(assignment_id, {}).pop(student, None)
        for (assignment_id, student), value in entries.items():
            record.setdefault(assignment_id, {})[student] = value
        return record

    rewrite_json(course, RECORD, changed)
