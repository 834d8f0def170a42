"""Packaged data: agenda templates, styles, icons, deck template."""
