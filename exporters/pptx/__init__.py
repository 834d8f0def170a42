"""The deck's writers (python-pptx): the drawing kit below, one writer per part above."""
