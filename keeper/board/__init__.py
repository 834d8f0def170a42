"""The opportunities whiteboard: loading it for the tally rules, and its undoable edits.

The modules, by area: :mod:`~keeper.board.geometry` (sizes, grids, free space),
:mod:`~keeper.board.loading` (the board as plain values), :mod:`~keeper.board.placement`
(frames, inbox, reading order), :mod:`~keeper.board.operation` (the recorded-steps base
of every edit), :mod:`~keeper.board.notes`, :mod:`~keeper.board.clusters`,
:mod:`~keeper.board.arrange` (tidy and arrange), :mod:`~keeper.board.support`
(supporters, dots, tally settings), :mod:`~keeper.board.bets` (big bets) and
:mod:`~keeper.board.patch` (a loaded board brought up to date with an edit's rows).

This package re-exports what the board view, its tests and bench use, so callers
can write ``from keeper import board as bo`` and ``bo.AddNotes(...)``.
"""

from keeper.board.arrange import ArrangeBoard, TidyCluster
from keeper.board.bets import SetBigBet
from keeper.board.clusters import (
    DEFAULT_CLUSTER_TITLE,
    CreateCluster,
    DissolveCluster,
    MergeClusters,
    MoveCluster,
    RenameCluster,
    accept_suggestion,
)
from keeper.board.geometry import (
    GAP_X,
    GAP_Y,
    HEADER,
    INBOX_COLUMNS,
    MARGIN,
    MAX_ROW_WIDTH,
    NOTE_H,
    NOTE_W,
    PAD,
    Rect,
    _overlaps,
    cluster_bounds,
    frame_size,
    free_slot,
    free_spot,
    grid_columns,
    grid_positions,
    note_rect,
    pack_frames,
    union,
)
from keeper.board.loading import (
    BoardCluster,
    BoardData,
    BoardNote,
    BoardPerson,
    board_people,
    initials,
    load_board,
    tally_config,
)
from keeper.board.notes import AddNotes, DeleteNotes, EditNote, MoveNotes, NoteMove, split_notes
from keeper.board.operation import BoardError, BoardOperation
from keeper.board.patch import BoardPatch, patch_board
from keeper.board.placement import _frames, cluster_at, inbox_positions, reading_order
from keeper.board.support import SetDots, SetTallySettings, ToggleSupport

__all__ = [
    "DEFAULT_CLUSTER_TITLE", "GAP_X", "GAP_Y", "HEADER", "INBOX_COLUMNS", "MARGIN",
    "MAX_ROW_WIDTH", "NOTE_H", "NOTE_W", "PAD",
    "AddNotes", "ArrangeBoard", "BoardCluster", "BoardData", "BoardError", "BoardNote",
    "BoardOperation", "BoardPerson", "CreateCluster", "DeleteNotes", "DissolveCluster",
    "EditNote", "MergeClusters", "MoveCluster", "MoveNotes", "NoteMove", "Rect",
    "RenameCluster", "SetBigBet", "SetDots", "SetTallySettings", "TidyCluster",
    "ToggleSupport",
    "_frames", "_overlaps", "accept_suggestion", "board_people", "cluster_at",
    "cluster_bounds", "frame_size", "free_slot", "free_spot", "grid_columns", "grid_positions",
    "inbox_positions", "initials", "load_board", "note_rect", "pack_frames", "reading_order",
    "split_notes", "tally_config", "union", "BoardPatch", "patch_board",
]
