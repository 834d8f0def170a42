"""PySide6 windows and views. Calls keeper/ and exporters/; holds no business rules."""
