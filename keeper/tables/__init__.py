"""Files in and out: the one table reader, the one cell-text sanitiser, the one atomic writer."""
