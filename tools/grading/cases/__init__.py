"""Inputs on which the referee re-checks each graded function, one module per assignment.

A module defines ``FUNCTIONS`` (graded functions in notebook order), ``cases(function)``
returning ``[(label, build), ...]`` where ``label`` is ``"example"`` or ``"hidden"`` (the
suffix of the test cell it stands for) and ``build()`` returns ``(args, kwargs)``, and
optionally ``KEYS``: function -> the keys of a returned dict that are compared.
Expected outputs are never here: the referee computes them with ``reference/``.
"""
