"""The workbook's writers (openpyxl): the drawing kit below, one writer per part above."""
