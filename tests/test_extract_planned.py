"""An encounter named as one to come ("in advance of the meeting", "the talks in Geneva
tomorrow", "договорились о встрече в ближайшее время") is neither the encounter reported nor
its type (ANNOTATION.md §1; issue 11, round 7). The readouts are short texts written by the
team in the style of the ministries and agencies, never copies of real ones."""

from __future__ import annotations

from readouts import extract_text as _extract


def _types(registry, text, lang=None):
    return [e.type for e in _extract(registry, text, lang).events]


def test_a_meeting_the_call_was_held_in_advance_of_is_not_its_type(registry):
    text = """\
        Secretary of State John Kerry and Russian Foreign Minister Sergey Lavrov spoke this afternoon in advance of the meeting of their experts.
        During the phone call they discussed the schedule of the coming weeks.
        """
    assert _types(registry, text, "en") == ["phone_call"]


def test_a_meeting_agreed_to_is_not_the_encounter(registry):
    text = """\
        Chinese Foreign Minister Wang Yi and U.S. Secretary of State John Kerry agreed to a meeting in Beijing.
        The two ministers spoke by phone on Monday.
        """
    assert _types(registry, text, "en") == ["phone_call"]


def test_a_meeting_set_for_tomorrow_is_not_the_encounter(registry):
    text = """\
        U.S. Secretary of State John Kerry and Russian Foreign Minister Sergey Lavrov discussed the meeting in Paris tomorrow.
        The phone call was held at the request of the Russian side.
        """
    assert _types(registry, text, "en") == ["phone_call"]


def test_a_russian_meeting_agreed_for_soon_is_not_the_encounter(registry):
    text = """\
        Лавров договорился с Керри о встрече в ближайшее время

        Министр иностранных дел России Сергей Лавров заявил, что договорился с государственным секретарем США Джоном Керри о встрече в ближайшее время.
        Об этом он сообщил журналистам, комментируя свой телефонный разговор с Керри.
        """
    assert _types(registry, text, "ru") == ["phone_call"]


def test_a_meeting_that_took_place_the_day_before_stays_a_meeting(registry):
    """"the meeting in Geneva on Monday" names no day to come: the cue stands."""
    text = """\
        U.S. Secretary of State John Kerry met Russian Foreign Minister Sergey Lavrov in Geneva on Monday.
        """
    assert _types(registry, text, "en") == ["meeting"]


def test_a_french_meeting_prepared_for_is_not_the_encounter(registry):
    text = """\
        Le ministre chinois des Affaires étrangères Wang Yi et le ministre français des Affaires étrangères Laurent Fabius ont échangé en prévision de la rencontre des deux présidents.
        Lors de cet entretien téléphonique, les deux ministres ont évoqué la situation en Syrie.
        """
    assert _types(registry, text, "fr") == ["phone_call"]


def test_a_spanish_meeting_set_for_next_week_is_not_the_encounter(registry):
    text = """\
        El canciller argentino Héctor Timerman y el secretario de Estado John Kerry hablaron de la reunión de la próxima semana.
        En la conversación telefónica, ambos repasaron la agenda bilateral.
        """
    assert _types(registry, text, "es") == ["phone_call"]
