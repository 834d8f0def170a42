"""The agenda check: sessions' content and format, the content mix, compensation flags."""

from __future__ import annotations

from dataclasses import dataclass, field

from keeper.agenda.ops import agenda_items, clean_item_values, entry_of
from keeper.agenda.schedule import MIX_RULES, MixReport, content_mix
from keeper.kickoff.fields import SkoError
from keeper.kickoff.rules import SESSION_FORMATS, compensation_flags
from keeper.ops import SetFields
from keeper.store.models import AgendaItem, ItemKind, Offsite
from keeper.store.offsite_file import OffsiteStore


@dataclass(frozen=True)
class SessionRow:
    id: int
    day: int
    title: str
    minutes: int
    content_tag: str | None
    session_format: str | None
    notes: str | None
    comp_advice: str | None


@dataclass
class AgendaCheck:
    sessions: list[SessionRow] = field(default_factory=list)
    mix: MixReport | None = None
    flags: dict[int, str] = field(default_factory=dict)


def load_agenda_check(store: OffsiteStore, offsite_id: int) -> AgendaCheck:
    offsite = store.session.get(Offsite, offsite_id)
    items = agenda_items(store, offsite_id)
    rule = offsite.mix_rule if offsite is not None and offsite.mix_rule in MIX_RULES else "60/30/10"
    flags = dict(compensation_flags((i.id, i.title, i.notes) for i in items
                                    if i.kind == ItemKind.SESSION))
    sessions = [SessionRow(i.id, i.day, i.title, i.planned_minutes, i.content_tag,
                           i.session_format, i.notes, flags.get(i.id))
                for i in items if i.kind == ItemKind.SESSION]
    return AgendaCheck(sessions, content_mix([entry_of(i) for i in items], rule), flags)


def set_session_format(store: OffsiteStore, item_id: int, session_format: str | None) -> SetFields:
    item = store.session.get(AgendaItem, item_id)
    if item is None:
        raise SkoError("That session is no longer in the agenda.")
    clean = clean_item_values({"session_format": session_format or ""})
    value = clean.get("session_format")
    known = {f.casefold(): f for f in SESSION_FORMATS}
    if value is not None:
        value = known.get(value.casefold(), value)
    return SetFields(AgendaItem, {"id": item_id}, {"session_format": value},
                     f"Format of {item.title[:40]}: {value or 'none'}")


def set_content_tag(store: OffsiteStore, item_id: int, tag: str | None) -> SetFields:
    item = store.session.get(AgendaItem, item_id)
    if item is None:
        raise SkoError("That session is no longer in the agenda.")
    clean = clean_item_values({"content_tag": tag})
    if "content_tag" not in clean:
        raise SkoError(f"A session is skills, strategy or culture, not {tag!r}.")
    return SetFields(AgendaItem, {"id": item_id}, clean,
                     f"Content of {item.title[:40]}: {clean['content_tag'] or 'none'}")
