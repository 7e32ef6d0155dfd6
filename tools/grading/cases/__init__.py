"""The hidden checks: on which inputs the referee calls each graded function, one module per assignment.

A module defines ``FUNCTIONS`` (the graded functions, in notebook order) and ``cases(function)``, a list
whose items are either a :class:`tools.grading.referee.Case` or ``(label, build)`` with ``build()``
returning ``(args, kwargs)``; ``label`` is ``"example"`` or ``"hidden"``, the test cell the case stands for
(``<function>_<label>``). The whole returned value is compared, every dict key and cache included.
Expected outputs are never here: the referee computes them with ``reference/``, in the grader's process.
"""
