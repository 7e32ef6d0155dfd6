"""Reference solutions, generated from masters/ (never shipped to students).

Importing this package puts ``utils/`` on ``sys.path`` so that the modules can
import the helpers exactly as the notebooks do.
"""
import sys
from pathlib import Path

_UTILS = str(Path(__file__).resolve().parent.parent / "utils")
if _UTILS not in sys.path:
    sys.path.insert(0, _UTILS)
