"""One declaration per graded function: its cases, its outputs' names, its mistakes and its correct variants.

``exercises/<assignment>.py`` defines ``EXERCISES``, a list of :class:`Exercise` in notebook order. Every stage
reads it through :func:`exercises`: the referee and the oracle (the cases), the diagnosis, the hints and the
report (the mistakes and their explanations), the messages (the outputs' names), the sample class, the bench
and the grading tests. The build checks each declaration against its master (:func:`problems`) and compiles
what grading needs from the master (each mistake's code, :func:`compiled_mistakes`) into
``reference/<assignment>_mistakes.json``, so the grader never reads ``masters/``.
"""
import ast
import dataclasses
import functools
import importlib
import json

from .course import ROOT


@dataclasses.dataclass
class Case:
    """One call of a graded function, as the grader makes it.

    Attributes
    ----------
    label : "example" or "hidden", the test cell it stands for (``<function>_<label>``)
    args, kwargs : the inputs
    calls : name -> function the code under test must call instead of ``name`` (served by the oracle)
    rtol, atol : tolerances of the comparison
    below : if set, the output must be a number below this (a correct gradient's difference) instead
        of equal to the reference's
    unchanged : the arguments must not be modified
    """

    label: str
    args: tuple
    kwargs: dict = dataclasses.field(default_factory=dict)
    calls: dict = dataclasses.field(default_factory=dict)
    rtol: float = 1e-5
    atol: float = 1e-7
    below: float = None
    unchanged: bool = False


@dataclasses.dataclass(frozen=True)
class Mistake:
    """A realistic bug: text edits ``[(old, new), ...]`` of the reference solution cell (each ``old`` once),
    with one or two sentences for the student who made it, in English and in Portuguese."""

    label: str
    edits: tuple
    en: str
    pt: str

    def explanation(self, language):
        return self.pt if language == "pt" else self.en


@dataclasses.dataclass(frozen=True)
class Exercise:
    """A graded function.

    Attributes
    ----------
    function : its name (the solution cell's grade_id; its test cells are ``<function>_example`` and
        ``<function>_hidden``)
    outputs : the names the notebook gives what it returns, as in its ``return`` statement: one name, or one per
        element of the returned tuple
    example, hidden : the cases of each test cell: a :class:`Case` (its label is set here: ``Case(None, args, ...)``),
        or a callable returning one or ``(args, kwargs)``, built when first needed
    mistakes : :class:`Mistake` s, the ones the diagnosis can name
    variants : label -> edits, correct solutions written differently (they keep full marks)
    typical : the label of the sample class's "typical mistakes" student's mistake here, or None
    """

    function: str
    outputs: tuple
    example: tuple = ()
    hidden: tuple = ()
    mistakes: tuple = ()
    variants: dict = dataclasses.field(default_factory=dict)
    typical: str = None

    def cases(self):
        """Every :class:`Case`, the example's first."""
        built = []
        for label, given in [("example", g) for g in self.example] + [("hidden", g) for g in self.hidden]:
            made = given if isinstance(given, Case) else given()
            if isinstance(made, Case):
                built.append(dataclasses.replace(made, label=label))
            else:
                built.append(Case(label, *made))
        return built

    def mistake(self, label):
        return next(m for m in self.mistakes if m.label == label)

    def output_name(self, path):
        """How the notebook names the part of the output at ``path`` (keys and indexes from the whole output).

        ``()`` -> ``cost``; ``(0,)`` -> ``A3``; ``(1, 0)`` -> ``cache[0]``; a key of a returned dict is its
        own name: ``("dW2",)`` -> ``dW2``, ``("dW2", 0)`` -> ``dW2[0]``.
        """
        path = list(path)
        if len(self.outputs) > 1 and path and isinstance(path[0], int) and 0 <= path[0] < len(self.outputs):
            name = self.outputs[path.pop(0)]
        elif path and isinstance(path[0], str):
            name = path.pop(0)
        else:
            name = self.outputs[0] if len(self.outputs) == 1 else "(" + ", ".join(self.outputs) + ")"
        return name + "".join(f"[{step!r}]" for step in path)


def exercises(assignment_name):
    """``{function: Exercise}`` of an assignment, in notebook order (``exercises/<assignment_name>.py``)."""
    return declared(f"exercises.{assignment_name}")


def load_cases(assignment_name):
    """``{function: [Case, ...]}`` of an assignment, in notebook order, built once per process."""
    return module_cases(f"exercises.{assignment_name}")


@functools.lru_cache(maxsize=None)
def declared(module_name):
    """``{function: Exercise}`` of the module ``module_name`` (its ``EXERCISES``)."""
    importlib.import_module("reference")  # puts utils/ on sys.path, where the cases' helpers live
    return {exercise.function: exercise for exercise in importlib.import_module(module_name).EXERCISES}


@functools.lru_cache(maxsize=None)
def module_cases(module_name):
    """``{function: [Case, ...]}`` of the module ``module_name``, built once per process."""
    return {function: exercise.cases() for function, exercise in declared(module_name).items()}


def mistakes(assignment_name):
    """function -> label -> edits of every declared mistake, functions in notebook order."""
    return {f: {m.label: m.edits for m in e.mistakes} for f, e in exercises(assignment_name).items()}


def variants(assignment_name):
    """function -> label -> edits of the correct variants (functions that have some)."""
    return {f: dict(e.variants) for f, e in exercises(assignment_name).items() if e.variants}


def typical(assignment_name):
    """function -> the label of the sample class's typical mistake (functions that have one)."""
    return {f: e.typical for f, e in exercises(assignment_name).items() if e.typical}


def infinite_loop(assignment_name):
    """An edit ``(old, new)`` that makes the first graded function loop forever (for the time-out tests)."""
    return importlib.import_module(f"exercises.{assignment_name}").INFINITE_LOOP


def mistakes_path(assignment_name, root=ROOT):
    return root / "reference" / f"{assignment_name}_mistakes.json"


@functools.lru_cache(maxsize=None)
def mistake_codes(assignment_name):
    """function -> label -> the code of the mistake's solution cell, as the build compiled it."""
    return json.loads(mistakes_path(assignment_name).read_text(encoding="utf-8"))


def returned_names(reference_source, function):
    """The names of ``function``'s last ``return`` in the reference's source: ``("A", "cache")``, ``("cost",)``."""
    tree = ast.parse(reference_source)
    definition = next((node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == function), None)
    returns = [node for node in ast.walk(definition) if isinstance(node, ast.Return)] if definition else []
    if not returns:
        return None
    value = returns[-1].value
    items = value.elts if isinstance(value, ast.Tuple) else [value]
    return tuple(ast.unparse(item) for item in items)


def problems(assignment_name, solutions, test_cells, reference_source):
    """What disagrees between the declarations of ``assignment_name`` and its master, one sentence each.

    ``solutions``: grade_id -> code of the master's solution cells, in notebook order (English); ``test_cells``:
    the grade_ids of its test cells; ``reference_source``: the reference module's source.
    """
    declared = exercises(assignment_name)
    graded = [name for name in solutions if f"{name}_example" in test_cells or f"{name}_hidden" in test_cells]
    found = []
    if list(declared) != graded:
        found.append(f"{assignment_name}: the declared functions {list(declared)} are not the master's graded "
                     f"solution cells (those with a test cell <function>_example or _hidden) in notebook order "
                     f"{graded}")
    for function, exercise in declared.items():
        where = f"{assignment_name}.{function}"
        for label in ("example", "hidden"):
            if f"{function}_{label}" not in test_cells:
                found.append(f"{where}: the master has no test cell {function}_{label}")
            if not getattr(exercise, label):
                found.append(f"{where}: no {label} case is declared")
        names = returned_names(reference_source, function)
        if names is not None and tuple(exercise.outputs) != names:
            found.append(f"{where}: outputs are declared as {tuple(exercise.outputs)}, the master returns {names}")
        for mistake in exercise.mistakes:
            for language in ("en", "pt"):
                if not (getattr(mistake, language) or "").strip():
                    found.append(f"{where}: mistake {mistake.label!r} has no {language} explanation")
        for label, edits in [(m.label, m.edits) for m in exercise.mistakes] + list(exercise.variants.items()):
            for old, _ in edits:
                count = solutions.get(function, "").count(old)
                if count != 1:
                    found.append(f"{where}: {label!r} edits {old!r}, which occurs {count} times in the solution")
        if exercise.typical is not None and exercise.typical not in {m.label for m in exercise.mistakes}:
            found.append(f"{where}: the typical mistake {exercise.typical!r} is not one of its mistakes")
    return found


def compiled_mistakes(assignment_name, solutions):
    """function -> label -> the solution cell's code with the mistake's edits (what the diagnosis runs)."""
    from .submissions import apply_edits
    return {function: {m.label: apply_edits(solutions[function], m.edits) for m in exercise.mistakes}
            for function, exercise in exercises(assignment_name).items()}
