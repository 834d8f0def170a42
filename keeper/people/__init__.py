"""People: the roster and who attends."""
