"""``make demo``: release the assignments and grade the bundled sample class in this course folder."""
import shutil

from .course import ROOT, assignment_ids
from .grading.classroom import grade_class
from .report import report
from .nbgrader_run import release
from .sample_class import SAMPLE


def run_demo(course=ROOT, jobs=None, jail=True):
    print("1/3 release: nbgrader generate_assignment " + ", ".join(assignment_ids()))
    release(course)
    print(f"2/3 collect: copy the sample class {SAMPLE.relative_to(ROOT)} -> submitted/")
    shutil.copytree(SAMPLE, course / "submitted", dirs_exist_ok=True)
    where = "in the jail (bubblewrap)" if jail else "WITHOUT a jail"
    print(f"3/3 grade: nbgrader autograde, generate_feedback and export, {jobs or 'one per core'} parallel workers, "
          f"student code {where}")
    results = grade_class(course, jobs=jobs, jail=jail)
    report(results, course)
    return 0
