"""The opportunities whiteboard: capture, group, tally, big bets, projector."""
