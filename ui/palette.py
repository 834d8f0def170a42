"""The control window's colours, named by what they mean: the one place a colour is written.

Values are ``#RRGGBB`` strings, for style sheets and ``QColor(...)`` alike. Views
grew their own families of greys and reds (the board's, the runner's, the day's);
each keeps its exact colour here under a name saying where it belongs, so that
merging two near-equal colours is a visible choice, not an accident.
The exports' colours (deck, workbook) are theirs: exporters/ has its own.
"""

from __future__ import annotations

# ----- ink: text on light surfaces -------------------------------------------------
INK = "#1F2328"  # body text and headings: Sessions & plan, Kickoff, Quadrant
INK_STRONG = "#111827"  # titles and big figures: Offsite, Agenda, Run the day
INK_SOFT = "#374151"  # second-rank lines: the runner, the agenda's charts
INK_QUOTE = "#24292F"  # the question a talk asks
INK_BOARD = "#1F2430"  # the board's notes and headings
INK_BOARD_BODY = "#344054"  # the board's panels: card text, chips being written
INK_DOT_LABEL = "#111111"  # names beside the quadrant's dots
TEXT_MUTED = "#57606A"  # hints: Sessions & plan, Kickoff
TEXT_MUTED_COOL = "#4B5563"  # hints: Offsite, Agenda, Run the day
TEXT_MUTED_SLATE = "#4A5360"  # hints: Quadrant; a status not started yet
TEXT_MUTED_BOARD = "#667085"  # hints: Board
TEXT_FAINT = "#6B7280"  # card titles, the timeline's hours
TEXT_FAINT_BOARD = "#98A2B3"  # the ranking's unranked lines
TEXT_DISABLED = "#8A9099"  # not rated, not in a tier, your own feedback cell

# ----- surfaces and lines ----------------------------------------------------------
# (``#AARRGGBB`` is see-through: AA is its opacity, 00 to FF)
SURFACE = "#FFFFFF"  # cards, panels; also text on a dark or accent fill
ON_ACCENT = SURFACE
SURFACE_SUBTLE = "#F9FAFB"  # the runner's lower panel
SURFACE_ROW_ALT = "#F8F9FB"  # every other line of the ranking
SURFACE_MUTED = "#F3F4F6"  # breaks in the agenda table, empty bar tracks
SURFACE_SECTION = "#EEF2F6"  # a section row in the follow-up grid
BLACK = "#000000"  # the projector blacked out; the join code's dark modules
CANVAS = "#EEF0F4"  # the board's canvas
GRID_DOT = "#D5D9E0"  # the board canvas' dots
FRAME_FILL = "#FBFCFD"  # a board area
FRAME_LINE = "#CBD2DC"  # a board area's border
BORDER = "#E5E7EB"  # cards: Offsite, Run the day
BORDER_FORM = "#D0D7DE"  # group boxes and separators: Sessions & plan, Kickoff
BORDER_BOARD = "#D0D5DD"  # the board's buttons and cards
BORDER_BOARD_LIGHT = "#E4E7EC"  # under the board's capture bar
BAR_OUTLINE = "#C9CED4"  # the kickoff charts' outlines
TRACK = "#E6E9ED"  # the kickoff's empty progress track
TRACK_QUADRANT = "#EEF0F3"  # the quadrant's empty share bar
QUADRANT_AXIS = "#8A94A3"  # the quadrant's middle lines
QUADRANT_GRID = "#B8C0CC"  # the quadrant's grid

# ----- the sections list (dark, at the left) ---------------------------------------
NAV_BG = "#1F2937"
NAV_TEXT = BORDER
NAV_SELECTED = INK_SOFT
NAV_HOVER = "#2B3544"
NAV_MARK = "#F59E0B"  # the bar beside the section shown

# ----- accents ---------------------------------------------------------------------
ACCENT = "#0B5CAD"  # primary buttons, links, selection: Sessions & plan, Kickoff
ACCENT_DISABLED = "#9DB6D3"
ACCENT_RUNNER = "#1D4ED8"  # the runner's big button
DISABLED = "#9CA3AF"  # the runner's big button when it cannot act; breaks
ACCENT_BOARD = "#2563EB"  # the board's accent
ACCENT_BOARD_FILL = "#DBE7FE"  # a chosen board button
FOCUS_RING = "#F0B400"
SELECTION_INK = "#0B1F33"  # text of a selected feedback cell
SELECTION_FILL = "rgba(11, 92, 173, 60)"  # a selected feedback cell: ACCENT, see-through
HIGHLIGHT = "#DCEBFA"  # the goal the Keeper is looking at
PURPLE = "#6F42C1"  # strategy content, the second recognition tier
ORANGE = "#D9480F"  # culture content

# ----- good, warning, error, information (text colour, background) ---------------------
GOOD = "#1B5E20"
GOOD_BG = "#E3F4E6"
GOOD_CHIP_BG = "#D5F0DA"
GOOD_STRONG = "#1E6B3E"  # a strong rating, a metric met (a fill, white text on it)
GOOD_BOARD = "#067647"
GOOD_BOARD_BG = "#ECFDF3"
GOOD_BOARD_BORDER = "#ABEFC6"
GOOD_EXPORT = "#1B6E2D"
WARN_TEXT = "#7A4B00"
WARN_BG = "#FFF4D6"
WARN_CHIP_BG = "#FDE9B8"
WARN_LIST_BG = "#FFF8E1"
WARN = "#B54708"  # a metric behind, self-rating well above the manager's (a fill)
WARN_EXPORT = "#8A5300"
ERROR_TEXT = "#9F1D2A"
ERROR_BG = "#FDE7E9"
ERROR_CHIP_BG = "#F9D0D4"
ERROR = "#B42318"  # the board's errors and missing notes
ERROR_BOARD_BG = "#FEF3F2"
ERROR_BOARD_BORDER = "#F04438"
ERROR_FORM = "#B00020"  # a refused entry: Offsite, People, Export
LATE = "#B91C1C"  # overrun and the time now on the agenda's timeline
INFO_TEXT = "#0B4A8F"
INFO_BG = "#EAF2FB"
DONE_BG = "#D6E6FA"
STATUS_NEUTRAL_BG = "#ECEEF1"
PROJECTOR_NOTE_BG = "#FDECEC"  # "projector disconnected"
PROJECTOR_NOTE_TEXT = "#7F1D1D"
PRIVATE_BG = "#FFF8DB"  # the runner's private notes
PRIVATE_TEXT = "#5B4A00"
CARRY_BG = "#F3F7FC"  # goals carried over from last time
CARRY_BORDER = "#C9DBF0"

# ----- the Start/Stop/Continue grid (background, text) ---------------------------------
CELL_COMPLETE_BG, CELL_COMPLETE = "#CDEBD3", "#14532D"
CELL_PARTIAL_BG, CELL_PARTIAL = "#FCE7B2", "#6B4400"
CELL_MISSING_BG, CELL_MISSING = "#F6D3D6", "#8A1C27"
CELL_SELF_BG = "#E6E8EB"

# ----- the kickoff's heat-map bands (fills) ------------------------------------------
BAND_OK = "#F5C451"
BAND_DEVELOP = "#C2410C"
BAND_NEAR = "#E9ECEF"
BAND_UNDER = "#1D5FA8"
BAND_NONE = "#F6F7F9"

# ----- agenda content buckets --------------------------------------------------------
BUCKET_SKILLS = ACCENT_BOARD
BUCKET_STRATEGY = "#7C3AED"
BUCKET_CULTURE = "#DB2777"
BUCKET_BUSINESS = "#4F46E5"
BUCKET_NONE = "#D1D5DB"
BREAK = DISABLED
LUNCH = TEXT_FAINT

# ----- the board: notes, big bets, authors -------------------------------------------
NOTE_PLAIN = "#FFE98A"  # a note when authors are hidden
NOTE_SHADOW = "#1C101828"
NOTE_LINES = "#461F2430"  # a zoomed-out note's text, drawn as grey bars
NOTE_PILL = "#C8FFFFFF"  # behind a note's support count
BET_GOLD = "#B7791F"
BET_FILL = "#FFF7E6"
# An author's colour when the file has none (data, not style: each person keeps one).
AUTHOR_FALLBACK = ("#E4572E", "#17BEBB", "#E0A800", "#76B041", "#7D5BA6", "#2E86AB", "#F18F01",
                   "#C73E1D")

# ----- the quadrant: one fill and one accent per quadrant ----------------------------
ENABLE_FILL, ENABLE = "#E5EFFA", "#1A5FA8"  # high motivation, low skill
STAR_FILL, STAR = "#E4F3E6", "#23703A"  # high and high
LOW_FILL, LOW = "#F1ECF5", "#5E3F86"  # low and low
BREATHER_FILL, BREATHER = "#FDF0DE", "#A64B00"
REP_DOT = "#546E7A"  # a rep without a colour
DOT_LABEL_BG = "#CDFFFFFF"  # behind a rep's name on the board
DOT_LABEL_BG_SELECTED = "#EBFFFFFF"
PROJECTOR_DOT_LABEL_BG = "#E1FFFFFF"
PROJECTOR_QUADRANT_INK = "#3A4250"  # the quadrant's labels on the projector
PROJECTOR_QUADRANT_AXIS = "#5B6472"

# ----- projected screens -------------------------------------------------------------
PROJECTOR_BG = "#0B0C10"  # the day's projected pages
PROJECTOR_TEXT = "#F4F5F7"  # 17.9:1 on PROJECTOR_BG, as the countdown
PROJECTOR_CAPTION = "#C9CDD4"  # 11:1
FLASH_BG = "#FFB627"  # the runner's card flashing at time up
FLASH_INK = "#1A1200"
HELP_SCRIM = "#BE111827"  # over the runner while its keys are listed
