"""Reading, normalising and writing notebooks so that committed diffs stay readable."""
import json
from pathlib import Path

import nbformat

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
KEPT_CELL_METADATA = ("nbgrader", "tags")


def normalise(nb):
    """Return ``nb`` with outputs, execution counts and volatile metadata removed.

    Keeps the cells, their ids, their ``nbgrader`` metadata (checksums included)
    and tags; sets one kernelspec and nbformat 4.5.
    """
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = nbformat.from_dict({"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}})
    for cell in nb.cells:
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k in KEPT_CELL_METADATA})
        cell.pop("attachments", None) if not cell.get("attachments") else None
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    return nb


def dumps(nb):
    """The canonical text of a notebook: sorted keys, one-space indent, UTF-8, final newline."""
    text = nbformat.writes(normalise(nb))  # sorted keys, indent 1, sources split into lines
    return text if text.endswith("\n") else text + "\n"


def write(nb, path):
    """Write ``nb`` normalised to ``path``, creating folders; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(nb), encoding="utf-8")
    return path


def read(path):
    """Read a notebook as nbformat 4, whatever minor version it was written with."""
    return nbformat.read(str(path), as_version=4)
