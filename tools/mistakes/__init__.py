"""One module per assignment: its realistic mistakes, correct variants and the sample class's typical mistakes."""
