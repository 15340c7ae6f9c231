"""People merely mentioned take no part (ANNOTATION.md §1): a spokesperson whose title is kept
from the name by the body spoken for, and the leader whose words or invitation a participant
passes on, in languages beyond English and French. Readouts written by the team."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.extract.persons import Mention, PersonRecord, accompanied
from kg.model import Document


def _names(registry, text: str, lang: str) -> set[str]:
    doc = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    return {p.name for e in extract(doc, registry).events for p in e.participants}


def test_russian_spokesperson_of_a_ministry_reports_the_meeting(registry):
    """"официальный представитель российского МИД Мария Захарова": the ministry's name between the
    title and the name; she reports the meeting of two others and takes no part in it."""
    text = """\
        Захарова: в Москве начались переговоры Лаврова и Ван И

        В Москве начались переговоры министра иностранных дел России Сергея Лаврова и министра
        иностранных дел Китая Ван И.
        Об этом сообщила официальный представитель российского МИД Мария Захарова.
        """
    names = _names(registry, text, "ru")
    assert "Maria Zakharova" not in names
    assert {"Sergey Lavrov", "Wang Yi"} <= names


def _passed_on(registry, lang: str, text: str, name: str) -> bool:
    words = registry.lang(lang)
    person = PersonRecord(key="p1", name=name, country="CHN", qid=None, family=name.split()[-1],
                          roles={"head_of_state": "President"})
    start = text.index(name)
    mention = Mention(kind="person", start=start, end=start + len(name), person="p1")
    return accompanied(text, mention, words, {"p1": person})


def test_greetings_and_envoys_in_more_languages(registry):
    """The one whose greetings, message or invitation is passed on, and the leader an envoy
    serves, named after the cue with titles only between."""
    assert _passed_on(registry, "de", "Wang überbrachte Grüße von Staatspräsident Xi Jinping.", "Xi Jinping")
    assert _passed_on(registry, "pt", "Li, enviado especial do presidente chinês Xi Jinping, chegou.", "Xi Jinping")
    assert _passed_on(registry, "pt", "Li transmitiu os cumprimentos do presidente Xi Jinping.", "Xi Jinping")
    assert _passed_on(registry, "ru", "Ван И передал привет от председателя КНР Си Цзиньпина.", "Си Цзиньпина")
    assert _passed_on(registry, "ar", "سلم الرئيس دعوة من الرئيس الصيني «شي جين بينج» للمشاركة.", "شي جين بينج")


def test_a_leader_met_or_invited_by_is_kept(registry):
    """"بدعوة من" (at the invitation of) names a host, often present; a leader named with no cue
    before is no one passed on."""
    assert not _passed_on(registry, "ar", "وصل الوزير بدعوة من الرئيس الصيني شي جين بينج.", "شي جين بينج")
    assert not _passed_on(registry, "de", "Wang traf Staatspräsident Xi Jinping.", "Xi Jinping")
