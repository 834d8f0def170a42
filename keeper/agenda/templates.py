"""Agenda templates, loaded from ``resources/templates/*.json``."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from keeper.resources import resource
from keeper.store.models import AgendaItem, ContentTag, ItemKind, Offsite, OffsiteKind


class TemplateError(ValueError):
    pass


@dataclass(frozen=True)
class TemplateItem:
    title: str
    kind: str
    minutes: int
    tag: str | None = None
    protected: bool = False
    session_format: str | None = None
    day: int = 1
    notes: str | None = None


@dataclass(frozen=True)
class AgendaTemplate:
    key: str
    name: str
    kind: str
    day_start: dt.time
    description: str
    items: tuple[TemplateItem, ...]

    @property
    def total_minutes(self) -> int:
        return sum(i.minutes for i in self.items)


def _parse_item(raw: dict[str, object], where: str) -> TemplateItem:
    kind = str(raw.get("kind", ItemKind.SESSION))
    if kind not in set(ItemKind):
        raise TemplateError(f"{where}: unknown kind {kind!r}")
    tag = raw.get("tag")
    if tag is not None and tag not in set(ContentTag):
        raise TemplateError(f"{where}: unknown content tag {tag!r}")
    minutes = raw.get("minutes")
    if not isinstance(minutes, int) or not 1 <= minutes <= 600:
        raise TemplateError(f"{where}: minutes must be a whole number from 1 to 600")
    day = raw.get("day", 1)
    if not isinstance(day, int) or day < 1:
        raise TemplateError(f"{where}: day must be a whole number from 1")
    return TemplateItem(
        title=str(raw["title"]),
        kind=kind,
        minutes=minutes,
        tag=str(tag) if tag else None,
        protected=bool(raw.get("protected", kind == ItemKind.LUNCH)),
        session_format=str(raw["format"]) if raw.get("format") else None,
        day=day,
        notes=str(raw["notes"]) if raw.get("notes") else None,
    )


def load_template(key: str) -> AgendaTemplate:
    node = resource("templates", f"{key}.json")
    if not node.is_file():
        raise TemplateError(f"There is no agenda template called {key!r}. Known: {template_keys()}")
    raw = json.loads(node.read_text("utf-8"))
    items = tuple(
        _parse_item(item, f"{key}.json item {n + 1}") for n, item in enumerate(raw["items"])
    )
    return AgendaTemplate(
        key=key,
        name=str(raw["name"]),
        kind=str(raw.get("kind", OffsiteKind.LEADERSHIP)),
        day_start=dt.time.fromisoformat(str(raw.get("day_start", "09:00"))),
        description=str(raw.get("description", "")),
        items=items,
    )


def template_keys() -> list[str]:
    return sorted(
        f.name.removesuffix(".json")
        for f in resource("templates").iterdir()
        if f.name.endswith(".json")
    )


def find_template(name_or_key: str) -> AgendaTemplate:
    """Accept a key (``sales-kickoff-2-days``) or a display name, case-insensitively."""
    wanted = name_or_key.strip().lower()
    for key in template_keys():
        template = load_template(key)
        if wanted in (key, template.name.lower()):
            return template
    raise TemplateError(
        f"There is no agenda template called {name_or_key!r}. "
        f"Known: {', '.join(template_keys())}"
    )


def agenda_items(
    template: AgendaTemplate, offsite_id: int, start_position: int = 0
) -> list[AgendaItem]:
    return [
        AgendaItem(
            offsite_id=offsite_id,
            position=start_position + n,
            day=item.day,
            title=item.title,
            kind=item.kind,
            planned_minutes=item.minutes,
            content_tag=item.tag,
            session_format=item.session_format,
            protected=item.protected,
            notes=item.notes,
            warn_amber_s=120,
            warn_red_s=30,
        )
        for n, item in enumerate(template.items)
    ]


def new_offsite(
    template: AgendaTemplate, title: str, date: dt.date | None, now: dt.datetime
) -> Offsite:
    return Offsite(
        title=title,
        kind=template.kind,
        date=date,
        day_start=template.day_start,
        mix_rule="60/30/10",
        created_at=now.replace(tzinfo=None),
    )
