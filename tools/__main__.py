"""Command line of the pack: ``python -m tools <command>``.

build      masters/ -> source/<assignment>_<lang>/ and reference/
release    source/ -> release/ with nbgrader generate_assignment (normalised)
check      fail if source/, reference/ or release/ differ from what build and release produce now
demo       grade the sample class of examples/ in this course folder and print where everything is
collect    nbgrader's collect from its exchange into submitted/, recording when each submission arrived there
times      the submission times the late penalty is computed from: set one by hand, import a CSV file, list
grade      autograde every submission in submitted/, write feedback and grades.csv, print a table
due        the due date of an assignment in both languages (nbgrader's, in the gradebook): set, clear, list
sample-class  rewrite examples/sample_class/; with --students N --seed S, generate a random class
export     grades for Moodle or Canvas: `nbgrader export` with an exporter of tools/lms.py and a roster
"""
import argparse
import sys


def cmd_build(args):
    from .build import build
    paths = build()
    print(f"built {len(paths)} files from masters/ into source/ and reference/")


def cmd_release(args):
    from .nbgrader_run import release
    for path in release(ids=args.assignments or None):
        print(f"released {path}")


def cmd_check(args):
    from .generated import check_generated
    problems = check_generated()
    for problem in problems:
        print(problem)
    if problems:
        print("generated files are stale: run `make build release sample-class` and commit the result")
        return 1
    print("source/, reference/ and release/ are what the build and nbgrader produce now")


def cmd_demo(args):
    from .demo import run_demo
    return run_demo(jobs=args.jobs, jail=not args.no_jail)


def cmd_grade(args):
    from .course import ROOT
    from .grading.classroom import grade_class
    from .instructor_texts import chosen, counted, text
    from .report import report
    language = args.language
    security = None
    tls = {"ca_file": args.tls_ca_file, "cert": args.tls_cert, "key": args.tls_key}
    if args.scheduler:
        from .grading.cluster import ClusterSecurity, client_security
        security = ClusterSecurity(**tls, allow_plaintext=args.allow_plaintext)
        client_security(args.scheduler, security)  # an unsafe address or missing certificates stop here, first
    elif any(tls.values()) or args.allow_plaintext:
        print(text("tls_needs_scheduler", language), file=sys.stderr)
        return 2
    results = grade_class(ROOT, args.assignments or None, jobs=args.jobs, jail=not args.no_jail,
                          scheduler=args.scheduler, security=security, language=language, force=args.force)
    reused = sum(r.reused for r in results)
    if reused:
        print(text("unchanged", chosen(language), submissions=counted("submissions", reused, chosen(language))))
    report(results, ROOT, language)


def cmd_due(args):
    from .course import ROOT
    from .grading import late
    from .instructor_texts import counted, text
    try:
        if args.list:
            if args.assignment or args.time or args.clear:
                raise late.DueError("due/usage", example=late.EXAMPLE)
            for assignment_id, moment in late.due_dates(ROOT).items():
                shown = text("due/none", args.language) if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S UTC")
                print(f"{assignment_id}\t{shown}")
            return
        if not args.assignment or bool(args.time) == bool(args.clear):
            raise late.DueError("due/usage", example=late.EXAMPLE)
        ids = late.due_ids(args.assignment)
        moment = None if args.clear else late.due_time(args.time)
    except late.DueError as error:
        print(text(error.key, args.language, **error.fields), file=sys.stderr)
        return 2
    graded = late.set_due(ROOT, ids, moment)
    for assignment_id in ids:
        if moment is None:
            print(text("due/cleared", args.language, assignment=assignment_id))
        else:
            print(text("due/set", args.language, assignment=assignment_id,
                       time=moment.strftime("%Y-%m-%d %H:%M:%S UTC")))
        if graded[assignment_id]:
            print(text("due/regrade", args.language, assignment=assignment_id,
                       submissions=counted("submissions", graded[assignment_id], args.language)))


def _nbgrader_log():
    """A logger that shows nbgrader's messages on stderr, names in them made printable."""
    import logging

    from .grading.intake import printable

    class Printable(logging.Formatter):
        def format(self, record):  # a message on several lines stays on one, its line breaks shown as \n
            return f"[nbgrader {record.levelname}] {printable(record.getMessage().strip())}"

    log = logging.getLogger("tools.collect.nbgrader")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(Printable())
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def cmd_collect(args):
    from nbgrader.exchange import ExchangeError

    from .course import ROOT
    from .grading import times
    from .grading.intake import printable
    options = times.nbgrader_options(args.nbgrader_options)
    try:
        collected = times.collect(ROOT, args.assignment, student=args.student, update=args.update,
                                  before_duedate=args.before_duedate, options=options, log=_nbgrader_log())
    except ExchangeError as error:
        print(f"nbgrader collect failed: {printable(error)}", file=sys.stderr)
        return 1
    for student, moment, entry in collected.recorded:
        print(f"{printable(student)} / {args.assignment}: arrived {times.time_text(moment)} "
              f"(inbound entry {printable(entry)})")
    for student in collected.kept:
        print(f"{printable(student)} / {args.assignment}: not copied (collected before; --update collects a newer "
              "submission), its recorded time unchanged")
    print(f"collected {len(collected.recorded)} submissions of {args.assignment}; their times are in "
          f"{times.ledger_path(ROOT)}")


def cmd_times(args):
    from .course import ROOT, assignment_ids
    from .grading import times
    from .grading.intake import printable
    if args.action == "set":
        if args.assignment not in assignment_ids():
            print(f"{printable(args.assignment)} is not an assignment of the course", file=sys.stderr)
            return 2
        moment = times.parse_time(args.time)
        times.record(ROOT, [(args.assignment, args.student, moment, args.source or times.BY_HAND)])
        print(f"{printable(args.student)} / {args.assignment}: {times.time_text(moment)}")
    elif args.action == "import":
        rows = times.record(ROOT, times.read_csv(args.csv, args.source))
        print(f"recorded {len(rows)} submission times from {args.csv}")
    else:
        ledger = times.read(ROOT)
        for (assignment_id, student), entry in sorted(ledger.items()):
            if not args.assignments or assignment_id in args.assignments:
                print(f"{assignment_id}\t{printable(student)}\t{entry.text}\t{printable(entry.source)}")


def cmd_sample_class(args):
    from .sample_class import generate_class, write_sample_class
    if args.students is None:
        print(f"wrote the sample class to {write_sample_class()}")
        return
    kinds = generate_class(args.out, args.students, args.seed, args.assignments or None)
    counts = {k: list(kinds.values()).count(k) for k in sorted(set(kinds.values()))}
    print(f"wrote {len(kinds)} submissions to {args.out}: {counts}")


def cmd_export(args):
    from pathlib import Path

    from .course import ROOT
    from .nbgrader_run import NbgraderError, nbgrader
    plugin = {"moodle": "MoodleExportPlugin", "canvas": "CanvasExportPlugin"}[args.lms]
    to = Path(args.to or f"{args.lms}.csv").resolve()
    command = ["export", f"--exporter=tools.lms.{plugin}", f"--to={to}"]
    if args.roster:
        command.append(f"--{plugin}.roster={Path(args.roster).resolve()}")
    if args.identifier:
        command.append(f"--{plugin}.identifier={args.identifier}")
    try:
        nbgrader(command, ROOT)
    except NbgraderError as error:  # it may quote student ids: shown with control characters escaped
        from .grading.intake import printable
        print("\n".join(printable(line) for line in str(error).split("\n")), file=sys.stderr)
        return 1
    print(f"wrote {to}")


def cmd_import(args):
    from .course import ROOT
    from .lms_import import ImportRefused, import_moodle, text
    try:
        lines = import_moodle(ROOT, args.moodle, args.assignment, args.roster or ROOT / "roster.csv",
                              identifier=args.identifier, worksheet=args.worksheet, zone=args.timezone,
                              replace=args.replace, language=args.language)
    except ImportRefused as refusal:
        print(text("import/refused", args.language), file=sys.stderr)
        for problem in refusal.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("\n".join(lines))


NO_JAIL = "grade without the jail (student code then runs with your rights); every status says so"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tools", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="masters -> source and reference").set_defaults(func=cmd_build)
    release = commands.add_parser("release", help="source -> release with nbgrader")
    release.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    release.set_defaults(func=cmd_release)
    commands.add_parser("check", help="generated files are up to date").set_defaults(func=cmd_check)
    demo = commands.add_parser("demo", help="grade the sample class")
    demo.add_argument("--jobs", type=int, default=None, help="parallel workers (default: the machine's cores)")
    demo.add_argument("--no-jail", action="store_true", help=NO_JAIL)
    demo.set_defaults(func=cmd_demo)
    grade = commands.add_parser("grade", help="autograde submitted/, feedback, grades.csv")
    grade.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    grade.add_argument("--jobs", type=int, default=None, help="parallel workers (default: the machine's cores)")
    grade.add_argument("--no-jail", action="store_true", help=NO_JAIL)
    grade.add_argument("--force", action="store_true",
                       help="grade every submission again, also those unchanged since they were last graded")
    grade.add_argument("--scheduler", metavar="tls://HOST:PORT",
                       help="grade on the workers of this Dask distributed scheduler instead of local processes "
                            "(tcp:// only on the loopback, unless --allow-plaintext)")
    grade.add_argument("--tls-ca-file", metavar="CA.pem", help="the cluster's CA certificate (tls:// scheduler; "
                                                               "default: Dask's distributed.comm.tls.ca-file)")
    grade.add_argument("--tls-cert", metavar="CLIENT.pem", help="this client's certificate, signed by that CA "
                                                                "(default: distributed.comm.tls.client.cert)")
    grade.add_argument("--tls-key", metavar="CLIENT-KEY.pem", help="this client's private key "
                                                                   "(default: distributed.comm.tls.client.key)")
    grade.add_argument("--allow-plaintext", action="store_true",
                       help="reach a tcp:// scheduler off the loopback, unencrypted: whoever can reach it can run "
                            "code on the workers, whoever is on the network between reads the submissions")
    grade.add_argument("--lang", choices=("en", "pt"), dest="lang",
                       help="the language of the table, the messages and report.html (default: the locale's: pt when "
                            "LC_ALL, LC_MESSAGES or LANG starts with pt, else en)")
    grade.set_defaults(func=cmd_grade)
    due = commands.add_parser(
        "due", help="set, clear or list due dates (both languages of an assignment at once)",
        description="nbgrader's due date of an assignment, in the course gradebook: `due regularization "
                    "'2027-04-10 23:59 -03:00'` sets it for regularization_en and regularization_pt (a full id sets "
                    "one), `due regularization --clear` removes it, `due --list` shows them. Works before and after "
                    "the release, which keeps it. The late penalty is configured in nbgrader_config.py.")
    due.add_argument("assignment", nargs="?", help="assignment name (both languages) or id, e.g. regularization")
    due.add_argument("time", nargs="?", help="with its offset: '2027-04-10 23:59 -03:00' or '2027-04-11 02:59 UTC'")
    due.add_argument("--clear", action="store_true", help="remove the due date")
    due.add_argument("--list", action="store_true", help="print every assignment's due date (UTC)")
    due.set_defaults(func=cmd_due)
    collect = commands.add_parser(
        "collect", help="nbgrader collect, recording when each submission arrived in the exchange",
        description="Run nbgrader's collect (its default exchange, the course's configuration) and record, for "
                    "each submission it copies into submitted/, when it arrived in the exchange (the latest ctime "
                    "of its inbound entry, which a student cannot set back). Options of nbgrader are given as "
                    "--Class.trait=value, e.g. --Exchange.root=/srv/nbgrader/exchange.")
    collect.add_argument("assignment", help="assignment id, e.g. regularization_pt")
    collect.add_argument("--student", help="collect only this student's submission")
    collect.add_argument("--update", action="store_true",
                         help="replace submissions collected before with newer ones (nbgrader's --update)")
    collect.add_argument("--before-duedate", action="store_true",
                         help="nbgrader's --before-duedate (it chooses the entry by the time in its name, which "
                              "the student wrote; the time recorded is still the entry's arrival)")
    collect.set_defaults(func=cmd_collect)
    times_ = commands.add_parser("times", help="the submission times the late penalty is computed from")
    actions = times_.add_subparsers(dest="action", required=True)
    set_ = actions.add_parser("set", help="record one submission's time by hand")
    set_.add_argument("assignment", help="assignment id, e.g. regularization_pt")
    set_.add_argument("student", help="student id (the folder name under submitted/)")
    set_.add_argument("time", help="with its offset: '2026-11-20 10:00 -03:00' or '2026-11-20 13:00 UTC'")
    set_.add_argument("--source", help="where the time comes from (default: set by hand)")
    import_ = actions.add_parser("import", help="record the times of a CSV file (an LMS download's)")
    import_.add_argument("csv", help="a CSV file with the columns assignment, student_id, time (with its offset)")
    import_.add_argument("--source", help="where the times come from (default: imported from FILE)")
    list_ = actions.add_parser("list", help="print the recorded times")
    list_.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    times_.set_defaults(func=cmd_times)
    sample = commands.add_parser("sample-class", help="rewrite examples/sample_class, or generate a random class")
    sample.add_argument("--students", type=int, help="generate this many submissions per notebook instead")
    sample.add_argument("--seed", type=int, default=0)
    sample.add_argument("--out", default="submitted", help="where the generated class goes (default: submitted/)")
    sample.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    sample.set_defaults(func=cmd_sample_class)
    export = commands.add_parser("export", help="grades.csv's scores as the CSV Moodle or Canvas imports")
    export.add_argument("--lms", choices=("moodle", "canvas"), required=True)
    export.add_argument("--roster", help="roster CSV (default: the config's, else roster.csv at the course root)")
    export.add_argument("--identifier", help="roster column the LMS matches students on (moodle: email, username, "
                                             "id_number; canvas: sis_login_id, sis_user_id, id)")
    export.add_argument("--to", help="the CSV file to write (default: moodle.csv or canvas.csv, here)")
    export.set_defaults(func=cmd_export)
    lms_import = commands.add_parser(
        "import", help="an LMS's download of all submissions into submitted/, with their times",
        description="Unpack Moodle's 'Download all submissions' zip of one assignment into submitted/<student_id>/"
                    "<assignment>/ (students matched through the roster), and record each submission's time from "
                    "Moodle's grading worksheet. Everything is checked first: on any problem nothing is written.")
    lms_import.add_argument("assignment", help="assignment id, e.g. regularization_pt")
    lms_import.add_argument("--moodle", metavar="ZIP", required=True,
                            help="the assignment's 'Download all submissions' zip")
    lms_import.add_argument("--worksheet", metavar="CSV",
                            help="the assignment's 'Download grading worksheet' CSV: the submission times "
                                 "(without it, no time is recorded and so no late penalty)")
    lms_import.add_argument("--timezone", metavar="ZONE",
                            help="the time zone of the worksheet's times, your Moodle profile's "
                                 "(e.g. America/Sao_Paulo); required with --worksheet")
    lms_import.add_argument("--roster", help="roster CSV (default: roster.csv at the course root)")
    lms_import.add_argument("--identifier", default="email", choices=("email", "username", "id_number"),
                            help="roster column matched with the worksheet's identity column (default: email); "
                                 "without --worksheet the zip's full names are matched with the roster's name column")
    lms_import.add_argument("--replace", action="store_true", help="replace submissions already in submitted/")
    lms_import.add_argument("--lang", choices=("en", "pt"), dest="lang",
                            help="the language of the messages (default: the locale's)")
    lms_import.set_defaults(func=cmd_import)
    args, extra = parser.parse_known_args(argv)
    from .grading.times import LedgerError, is_nbgrader_option
    if extra and (args.command != "collect" or not all(map(is_nbgrader_option, extra))):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")  # only collect passes --Class.trait=value on
    args.nbgrader_options = extra
    from .instructor_texts import chosen, text
    args.language = chosen(getattr(args, "lang", None))  # the instructor's: --lang, else the locale's
    from .grading.jail import JailUnavailable
    from .grading.worker import ClusterUnavailable
    try:
        return args.func(args) or 0
    except (JailUnavailable, ClusterUnavailable) as error:
        print(text("cannot_grade", args.language, error=error), file=sys.stderr)
        return 2
    except LedgerError as error:
        from .grading.intake import printable
        print(f"submission times: {printable(error)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
