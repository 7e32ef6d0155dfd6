"""One module per assignment: ``EXERCISES``, the declaration of each graded function (see :mod:`tools.exercise`)."""
