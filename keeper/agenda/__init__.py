"""The agenda: templates, schedule maths, the timer and the runner's rules."""
