"""Fill colours that carry meaning in both files (a heat-map band, a status), as hex RGB.

Light tints under dark text, so every cell stays readable; every coloured cell also
holds its value or word, so colour never carries the meaning alone.
"""

from __future__ import annotations

GREEN, YELLOW, RED, BLUE, GREY = "BFE3BA", "FFE49A", "F6B3A3", "BFD7EA", "E3E7EC"
ORANGE = "F5A66E"

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
