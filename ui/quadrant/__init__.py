"""The motivation/skill quadrant board (issue 5)."""
