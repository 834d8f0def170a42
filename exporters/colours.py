"""Every colour the files use, as hex RGB, named by meaning (one palette for both).

Fills that carry meaning (a heat-map band, a status) are light tints under dark text, so
every cell stays readable; every coloured cell also holds its value or word, so colour
never carries the meaning alone.
"""

from __future__ import annotations

GREEN, YELLOW, RED, BLUE, GREY = "BFE3BA", "FFE49A", "F6B3A3", "BFD7EA", "E3E7EC"
ORANGE = "F5A66E"
NAVY = "1F3A5F"  # header fills and sheet titles
WHITE = "FFFFFF"  # text on a header fill
SLATE = "44546A"  # labels
RULE = "C9D3DF"  # thin cell borders
BAND = "F4F6F8"  # every other row of a deck table
CHART_BLUE = "2E86AB"  # a one-series chart
SERIES = (CHART_BLUE, ORANGE, "7FB069")  # several series, in order

HEAT = {"strong": GREEN, "ok": YELLOW, "develop": RED}  # keeper.kickoff.rules.heat_level bands
HEAT_LEGEND = (("strong", "8-10"), ("ok", "6-7"), ("develop", "below 6"))
GAP = {"over": ORANGE, "under": BLUE}  # keeper.kickoff.rules.gap_level bands ("near": no fill)
GAP_LEGEND = (("over", "self 2+ above manager"), ("under", "self 2+ below manager"))
TACTIC = {"not started": GREY, "on track": GREEN, "at risk": YELLOW, "off track": RED,
          "done": BLUE}
METRIC = {"met": GREEN, "behind": RED, "no data": GREY}
VERDICT = {"hit": GREEN, "missed": RED, "not scored": GREY}


def fill_for(table: dict[str, str], key: str | None) -> str | None:
    return table.get((key or "").strip().casefold()) if key else None
