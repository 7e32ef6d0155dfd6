"""``make demo``: release the assignments and grade the bundled sample class in this course folder."""
import shutil

from .course import ROOT, assignment_ids
from .grade import grade_class, print_table
from .nbgrader_run import release
from .sample_class import SAMPLE


def run_demo(course=ROOT):
    print("1/3 release: nbgrader generate_assignment " + ", ".join(assignment_ids()))
    release(course)
    print(f"2/3 collect: copy the sample class {SAMPLE.relative_to(ROOT)} -> submitted/")
    shutil.copytree(SAMPLE, course / "submitted", dirs_exist_ok=True)
    print("3/3 autograde, feedback, export (nbgrader autograde / generate_feedback / export)")
    results = grade_class(course)
    print_table(results, course)
    return 0
