"""Student stubs and restored-cell notes in the notebook's language (nbgrader plugins).

The language comes from the assignment nbgrader is working on
(``regularization_pt`` is Portuguese), however nbgrader is driven: the pack's
commands, plain ``nbgrader generate_assignment`` / ``autograde``, or the
formgrader's buttons.
"""
from nbgrader.preprocessors import ClearSolutions, OverwriteCells

from .notebook import notebook_language

STUBS = {
    "en": ("# YOUR CODE HERE\nraise NotImplementedError()", "YOUR ANSWER HERE"),
    "pt": ("# SEU CÓDIGO AQUI\nraise NotImplementedError()", "SUA RESPOSTA AQUI"),
}
RESTORED = {
    "en": "This cell (id:{cell_id}) was missing from the submission. It was added back by nbgrader.\n\n",
    "pt": "Esta célula (id:{cell_id}) faltava na entrega e foi recolocada pelo nbgrader.\n\n",
}


class LocalizedClearSolutions(ClearSolutions):
    """nbgrader's ClearSolutions with the stub of the notebook's language."""

    def preprocess(self, nb, resources):
        code, text = STUBS[notebook_language(resources)]
        self.code_stub = {"python": code}
        self.text_stub = text
        return super().preprocess(nb, resources)


class LocalizedOverwriteCells(OverwriteCells):
    """nbgrader's OverwriteCells with the restored-cell note in the notebook's language."""

    def preprocess(self, nb, resources):
        self.missing_cell_notification = RESTORED[notebook_language(resources)]
        return super().preprocess(nb, resources)
