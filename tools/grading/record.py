"""What the grading plugins hand each other within one notebook's conversion: ``resources["pack"]``.

One :class:`Pack` per conversion (autograde, or feedback), created by the first plugin that writes it
(:func:`pack`). What persists in the notebook (each test cell's ``metadata["pack"]``: points, message, overruled,
mistake; the notebook's: jailed, incidents) is written by :mod:`.scoring` and read back by :mod:`.worker`,
:mod:`.results` and :mod:`.feedback`.
"""
from dataclasses import dataclass, field


@dataclass
class Pack:
    """The record of one conversion.

    Attributes
    ----------
    jailed : the notebook ran in the jail (:class:`~.execute.JailedExecute`)
    kernel_ok : cell index -> the cell ran without an error in the kernel
    incidents : (kind, cell) of what happened while it ran (a text of :mod:`.messages`, a grade_id or "cell <i>")
    checks : (function, label) -> a verdict per case, None when it passed (:class:`~.referee.Referee`)
    diagnoses : function -> the label of the declared mistake its results match
    findings : function -> what :mod:`.relations` found, when no mistake matched
    dependencies : function -> the other graded functions its cell names
    messages : grade_id -> the grader's message of a test cell (feedback: :class:`~.feedback.FeedbackFromGrader`
        for the page's summary)
    """

    jailed: bool = False
    kernel_ok: dict = field(default_factory=dict)
    incidents: list = field(default_factory=list)
    checks: dict = field(default_factory=dict)
    diagnoses: dict = field(default_factory=dict)
    findings: dict = field(default_factory=dict)
    dependencies: dict = field(default_factory=dict)
    messages: dict = field(default_factory=dict)


def pack(resources):
    """The conversion's :class:`Pack`, created on first use."""
    return resources.setdefault("pack", Pack())
