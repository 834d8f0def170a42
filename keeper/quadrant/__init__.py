"""The motivation/skill quadrant: personas, shares, movement, placements."""
