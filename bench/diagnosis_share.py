"""Measurement: how often the grader names a catalogued mistake for wrong answers it was not built from.

The wrong answers are ``bench/independent_mistakes.py``, written without reading the catalogue
(then ``tools/mistakes/``, now the mistakes declared in ``exercises/``).
Prints:

0. (``--verify``, also done before 1) every independent mistake applies to the solution cell of both the
   English and the Portuguese source notebooks (``tools.submissions.fill``) and fails a referee check;
1. in this process (fast): each independent mistake's outputs on every referee case
   (``tools.grading.diagnosis.run_code``), then ``diagnose``; per assignment, the wrong answers, how many
   raise on every case (nothing the diagnosis can match: it needs values), how many got a name, the share,
   and every (independent label -> catalogue label) pair, so a reader can judge whether each name is right
   (``--explain`` adds the catalogue's English sentence the student would read);
2. on a generated class, through the real grader (``grade_class``, jail included): ``--class N`` students
   (default 40; ``--class 0`` skips it), each a submission of one assignment (the 8 assignment ids in turn,
   both languages) with 1 to 3 functions wrong, drawn from the independent set with a seeded RNG; counts the
   failing functions (a function whose ``<function>_example``/``<function>_hidden`` test cells lost points),
   how many of them have a diagnosis in ``Result.mistakes``, the share, and whether each diagnosis agrees
   with part 1's.

The share measures the catalogue as it is when the script runs (the working tree's ``exercises/``, as
compiled by the last build into ``reference/*_mistakes.json``; the output says which). A catalogue extended after reading ``bench/independent_mistakes.py`` no longer
meets independent wrong answers: ``--catalogue REV`` makes part 1 (and part 2's last column) diagnose with
the catalogue of an earlier commit, e.g. the last one before the independent set was written; the real
grader of part 2 always uses the working tree's.

Usage (from the repository root, after ``make venv``)::

    .venv/bin/python bench/diagnosis_share.py [--class 40] [--jobs 2] [--seed 0] [--explain] [--verify]
                                              [--catalogue REV]
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from independent_mistakes import MISTAKES  # noqa: E402
from tools import notebooks  # noqa: E402
from tools.course import ASSIGNMENTS, LANGUAGES  # noqa: E402
from tools.exercise import load_cases  # noqa: E402
from tools.grading import diagnosis  # noqa: E402
from tools.grading.diagnosis import Raised, diagnose, explanation, fails, run_code  # noqa: E402
from tools.submissions import apply_edits, fill, solution_cells  # noqa: E402


def git(*args):
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()


def catalogue_version(rev=None):
    """Which catalogue is measured: a commit's, or the working tree's (and whether it has uncommitted edits)."""
    if rev:
        return f"the catalogue as of commit {git('rev-parse', '--short', rev)}"
    edited = git("status", "--porcelain", "--", "exercises")
    return (f"exercises/ of the working tree (HEAD {git('rev-parse', '--short', 'HEAD')}"
            f"{', with uncommitted edits' if edited else ', clean'})")


def pin_catalogue(rev):
    """Make the diagnosis in this process use the mistakes of commit ``rev`` (part 1 only): its
    ``tools/mistakes/<name>.py`` (before the declarations moved to ``exercises/``) or its ``exercises/<name>.py``."""
    import types

    codes, texts = {}, {}
    for name in MISTAKES:
        old = f"tools/mistakes/{name}.py"
        listed = git("ls-tree", "--name-only", rev, old)
        module = types.ModuleType(f"pinned_{name}")
        path = old if listed else f"exercises/{name}.py"
        exec(compile(git("show", f"{rev}:{path}"), f"{rev}:{path}", "exec"), module.__dict__)  # noqa: S102 - this repository's own file at that commit
        if listed:
            mistakes = module.MISTAKES
            texts[name] = {f: {label: t["en"] for label, t in labels.items()} for f, labels in module.EXPLANATIONS.items()}
        else:
            mistakes = {e.function: {m.label: m.edits for m in e.mistakes} for e in module.EXERCISES}
            texts[name] = {e.function: {m.label: m.en for m in e.mistakes} for e in module.EXERCISES}
        codes[name] = {f: {label: apply_edits(solution_cells(name)[f], edits) for label, edits in labels.items()}
                       for f, labels in mistakes.items()}
    diagnosis.mistake_codes = codes.__getitem__
    global explanation
    explanation = lambda name, function, label, language: texts[name][function][label]  # noqa: E731


def source_and_release(name, language, root=ROOT):
    assignment = ASSIGNMENTS[name]
    folder = assignment.folder(language)
    return (notebooks.read(root / "release" / folder / assignment.notebook),
            notebooks.read(root / "source" / folder / assignment.notebook))


def verify():
    """Problems with the independent set: edits that do not apply in a language, or mistakes that pass."""
    problems = []
    for name, functions in MISTAKES.items():
        nbs = {language: source_and_release(name, language) for language in LANGUAGES}
        cases = load_cases(name)
        for function, labels in functions.items():
            if function not in cases:
                problems.append(f"{name}.{function}: not a graded function")
                continue
            for label, edits in labels.items():
                for language, (release_nb, source_nb) in nbs.items():
                    try:
                        fill(release_nb, source_nb, {function: edits})
                    except ValueError as error:
                        problems.append(f"{name}.{function} {label!r} ({language}): {error}")
                try:
                    code = apply_edits(solution_cells(name)[function], edits)
                except ValueError as error:
                    problems.append(f"{name}.{function} {label!r} (grader's solution cell): {error}")
                    continue
                outputs = [run_code(name, function, code, case) for case in cases[function]]
                if not fails(name, function, outputs):
                    problems.append(f"{name}.{function} {label!r}: passes every check")
    return problems


def statement(name, function, outputs):
    """What the grader says of a wrong answer it cannot name (:mod:`tools.grading.relations`): (which outputs are
    wrong, if the function has several; each relation on the example's inputs), in English; ("", "") if nothing."""
    import importlib
    import inspect

    from tools.exercise import exercises
    from tools.grading.messages import findings as sentences
    from tools.grading.oracle import expected_outputs
    from tools.grading.relations import MISSING, findings
    declared = exercises(name)[function]
    reference = importlib.import_module(f"reference.{name}")
    found = findings(declared.outputs, load_cases(name)[function], expected_outputs(name, function),
                     [MISSING if isinstance(o, Raised) else o for o in outputs],
                     inspect.signature(getattr(reference, function)))
    if not found:
        return "", ""
    which = sentences({**found, "relations": []}, declared.output_name, "en")
    related = sentences({"wrong": [], "right": [], "relations": found["relations"]}, declared.output_name, "en")
    return which, related


def in_process(explain=False):
    """Part 1. Returns {(assignment, function, independent label): catalogue label or None}."""
    named_as = {}
    total = {"wrong": 0, "raising": 0, "named": 0, "related": 0, "said": 0}
    for name, functions in MISTAKES.items():
        cases = load_cases(name)
        counts, pairs, said = Counter(), [], []
        for function, labels in functions.items():
            for label, edits in labels.items():
                code = apply_edits(solution_cells(name)[function], edits)
                outputs = [run_code(name, function, code, case) for case in cases[function]]
                counts["wrong"] += 1
                if all(isinstance(o, Raised) for o in outputs):
                    counts["raising"] += 1
                found = diagnose(name, function, outputs)
                named_as[name, function, label] = found
                if found is not None:
                    counts["named"] += 1
                    pairs.append((function, label, found))
                    continue
                which, related = statement(name, function, outputs)
                counts["related"] += bool(related)
                counts["said"] += bool(which or related)
                if which or related:
                    said.append((function, label, " ".join(s for s in (which, related) if s)))
        for key in total:
            total[key] += counts[key]
        print(f"\n{name}: {counts['wrong']} wrong answers, {counts['raising']} raise on every case, "
              f"{counts['named']} named ({100 * counts['named'] / counts['wrong']:.0f} %); of the others, "
              f"{counts['related']} get a relation on the example and {counts['said']} a statement of some kind")
        for function, label, found in pairs:
            print(f"    {function}: {label!r} -> {found!r}")
            sentence = explanation(name, function, found, "en")
            if explain and sentence != found:
                print(f"        the student reads: {sentence}")
        for function, label, text in said:
            print(f"    {function}: {label!r}: not named; the student reads: {text}")
    print(f"\nall: {total['wrong']} wrong answers, {total['raising']} raise on every case, {total['named']} named: "
          f"{100 * total['named'] / total['wrong']:.0f} % of all, "
          f"{100 * total['named'] / (total['wrong'] - total['raising']):.0f} % of those with values")
    pointed = total["named"] + total["related"]
    print(f"named or related to the right value on the example: {pointed} ({100 * pointed / total['wrong']:.0f} %); "
          f"named or with any statement (which outputs are wrong, or a relation): {total['named'] + total['said']} "
          f"({100 * (total['named'] + total['said']) / total['wrong']:.0f} %)")
    return named_as


def build_class(course, students, seed):
    """Write the submissions; returns {(student, assignment id): {function: independent label}}."""
    rng = random.Random(seed)
    ids = [ASSIGNMENTS[name].folder(language) for name in MISTAKES for language in LANGUAGES]
    planted = {}
    for i in range(students):
        assignment_id = ids[i % len(ids)]
        name, _, language = assignment_id.rpartition("_")
        release_nb, source_nb = source_and_release(name, language, course)
        functions = rng.sample(sorted(MISTAKES[name]), k=min(len(MISTAKES[name]), rng.randint(1, 3)))
        chosen = {f: rng.choice(sorted(MISTAKES[name][f])) for f in functions}
        student = f"s{i:04d}"
        notebooks.write(fill(release_nb, source_nb, {f: MISTAKES[name][f][label] for f, label in chosen.items()}),
                        course / "submitted" / student / assignment_id / ASSIGNMENTS[name].notebook)
        planted[student, assignment_id] = chosen
    return planted


def through_grader(students, jobs, seed, named_as, pinned=None):
    """Part 2. ``pinned``: the commit part 1's catalogue comes from (None: the working tree's)."""
    from tools.grading.classroom import grade_class
    from tools.nbgrader_run import make_course, release

    with tempfile.TemporaryDirectory() as tmp:
        course = make_course(Path(tmp) / "course", with_release=False)
        ids = [ASSIGNMENTS[name].folder(language) for name in MISTAKES for language in LANGUAGES]
        used = ids[:students] if students < len(ids) else ids
        release(course, used)
        planted = build_class(course, students, seed)
        results = grade_class(course, used, jobs=jobs, progress=False)

    rows = defaultdict(Counter)
    disagreements, surprises, not_graded = [], [], []
    for r in results:
        name = r.assignment.rpartition("_")[0]
        if not r.graded:
            not_graded.append(f"{r.student} {r.assignment}: {r.status}")
            continue
        chosen = planted[r.student, r.assignment]
        row = rows[name]
        row["submissions"] += 1
        row["planted"] += len(chosen)
        for function in load_cases(name):
            scores = [r.cells[g] for g in (f"{function}_example", f"{function}_hidden") if g in r.cells]
            failing = any(score < top for score, top in scores)
            if failing != (function in chosen):
                surprises.append(f"{r.student} {r.assignment} {function}: "
                                 f"{'fails without a planted mistake' if failing else 'planted mistake kept full marks'}")
            if not failing:
                if function in r.mistakes:
                    surprises.append(f"{r.student} {r.assignment} {function}: diagnosed but not failing")
                continue
            row["failing"] += 1
            found = r.mistakes.get(function)
            if found is not None:
                row["named"] += 1
            if function in chosen:
                expected = named_as.get((name, function, chosen[function]))
                row["part 1"] += expected is not None
                if found != expected and not pinned:
                    disagreements.append(f"{r.student} {r.assignment} {function} {chosen[function]!r}: "
                                         f"grader {found!r}, in-process {expected!r}")

    part1 = f"@{pinned}" if pinned else "part 1"
    print(f"\n{'assignment':20s} {'subm.':>6s} {'planted':>8s} {'failing':>8s} {'named':>6s} {'share':>6s} {part1:>9s}")
    total = Counter()
    for name in MISTAKES:
        row = rows[name]
        total.update(row)
        share = f"{100 * row['named'] / row['failing']:.0f} %" if row["failing"] else "-"
        print(f"{name:20s} {row['submissions']:6d} {row['planted']:8d} {row['failing']:8d} {row['named']:6d} {share:>6s} "
              f"{row['part 1']:9d}")
    share = f"{100 * total['named'] / total['failing']:.0f} %" if total["failing"] else "-"
    print(f"{'all':20s} {total['submissions']:6d} {total['planted']:8d} {total['failing']:8d} {total['named']:6d} "
          f"{share:>6s} {total['part 1']:9d}")
    print(f"({part1}: how many of the failing functions part 1's in-process diagnosis names, with "
          f"{'the catalogue of ' + pinned if pinned else 'the same catalogue'})")
    if total["failing"] and not any(r.mistakes for r in results):
        print("note: Result.mistakes is empty for every submission (the grader does not report diagnoses yet?)")
    for title, lines in (("not graded", not_graded), ("unexpected scores", surprises),
                         ("grader's diagnosis differs from part 1's", disagreements)):
        if lines:
            print(f"{title}: {len(lines)}")
            for line in lines:
                print(f"    {line}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--class", dest="students", type=int, default=40,
                        help="students in the generated class graded by the real grader (0: skip part 2)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--explain", action="store_true", help="print the catalogue's sentence for each name")
    parser.add_argument("--verify", action="store_true", help="only check the independent set, then stop")
    parser.add_argument("--catalogue", metavar="REV", help="part 1: diagnose with tools/mistakes/ as of this commit "
                        "(default: the working tree; the real grader of part 2 always uses the working tree)")
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    if args.catalogue:
        pin_catalogue(args.catalogue)

    count = sum(len(labels) for functions in MISTAKES.values() for labels in functions.values())
    problems = verify()
    print(f"independent set: {count} mistakes in {sum(len(f) for f in MISTAKES.values())} functions; "
          f"{len(problems)} problems")
    for problem in problems:
        print(f"    {problem}")
    if args.verify or problems:
        return 1 if problems else 0

    print(f"\n1. in the grader's process: diagnose() on each independent mistake's outputs; catalogue: "
          f"{catalogue_version(args.catalogue)}")
    named_as = in_process(args.explain)
    if args.students > 0:
        print(f"\n2. a generated class of {args.students} submissions through the real grader "
              f"(grade_class, jobs={args.jobs}, seed {args.seed}); catalogue: {catalogue_version()}")
        through_grader(args.students, args.jobs, args.seed, named_as, args.catalogue)
    return 0


if __name__ == "__main__":
    sys.exit(main())
