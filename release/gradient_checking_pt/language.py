"""The language of everything the helpers print: ``"en"`` (default) or ``"pt"``.

A notebook calls ``set_language`` once (through ``testCases``); helper modules
read :func:`current` when they print.
"""
LANGUAGES = ("en", "pt")
_CURRENT = ["en"]


def set_language(language):
    """Choose ``"en"`` or ``"pt"`` for the messages of every helper module."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    _CURRENT[0] = language


def current():
    """The language chosen with :func:`set_language`."""
    return _CURRENT[0]


def text(**versions):
    """The version of a text in the current language: ``text(en="Accuracy", pt="Acurácia")``."""
    return versions[current()]
