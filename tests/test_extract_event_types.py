"""Event types on unseen pages (issue 11): the cue forms that say which encounter a readout
reports when its words could name several (ANNOTATION.md §1). The readouts are short texts
written by the team in the style of ministry pages, never copies of real ones."""

from __future__ import annotations

from readouts import extract_text, people


def _types(registry, text, lang=None):
    return [(e.type, e.date, sorted({p.country for p in e.participants}))
            for e in extract_text(registry, text, lang).events]


# ---- calling someone is phoning them ---------------------------------------------------------
def test_calling_an_official_is_a_phone_call_even_beside_the_message_it_answers(registry):
    text = ("Le Président Emmanuel Macron a appelé, ce 3 mars 2021, le Président de la République du "
            "Sénégal Macky Sall, pour le remercier du message de félicitations qu'il lui a adressé.")
    assert _types(registry, text, "fr") == [("phone_call", "2021-03-03", ["FRA", "SEN"])]


def test_calling_an_official_to_do_something_is_urging_not_a_call(registry):
    text = ("Lors de sa rencontre du 3 mars 2021 avec le Président Macky Sall à Paris, le Président "
            "Emmanuel Macron a appelé le Président sénégalais à renforcer la coopération régionale.")
    assert _types(registry, text, "fr") == [("meeting", "2021-03-03", ["FRA", "SEN"])]


def test_calling_an_official_is_a_phone_call_in_spanish(registry):
    text = ("El 4 de mayo de 2015, el canciller argentino Héctor Timerman llamó al secretario de Estado "
            "John Kerry para conversar sobre la agenda bilateral.")
    assert _types(registry, text, "es") == [("phone_call", "2015-05-04", ["ARG", "USA"])]


def test_calling_an_official_to_do_something_is_urging_not_a_call_in_spanish(registry):
    text = ("El 4 de mayo de 2015, durante su reunión en Buenos Aires, el canciller Héctor Timerman "
            "llamó al secretario de Estado John Kerry a apoyar el diálogo regional.")
    assert _types(registry, text, "es") == [("meeting", "2015-05-04", ["ARG", "USA"])]


def test_receiving_a_call_is_a_phone_call_not_a_reception(registry):
    text = "Le 3 mars 2021, le Président Macky Sall a reçu un appel du Président Emmanuel Macron."
    assert _types(registry, text, "fr") == [("phone_call", "2021-03-03", ["FRA", "SEN"])]


# ---- what the meeting was for says what it was ----------------------------------------------
def test_a_meeting_held_for_talks_is_talks(registry):
    text = ("Le président chinois Xi Jinping et le président français Emmanuel Macron se sont rencontrés "
            "le 25 mars 2019 à Paris pour un entretien sur les relations bilatérales.")
    assert _types(registry, text, "fr") == [("talks", "2019-03-25", ["CHN", "FRA"])]


# ---- an ambassador's talks are an audience ---------------------------------------------------
def test_talks_with_only_an_ambassador_on_one_side_are_a_meeting(registry):
    text = ("Le Président de la République Alassane Ouattara s'est entretenu, le 19 juin 2014, avec "
            "l'Ambassadeur de Turquie en Côte d'Ivoire, M. Mehmet Kaya, en fin de mission.")
    assert _types(registry, text, "fr") == [("meeting", "2014-06-19", ["CIV", "TUR"])]


# ---- a visit's frame and the encounter the two sides hold during it --------------------------
def test_a_visit_whose_next_sentence_has_both_sides_meet_is_that_meeting(registry):
    text = ("2017年11月8日，国家主席习近平陪同来华进行国事访问的美国总统特朗普参观故宫博物院。"
            "两国元首在宝蕴楼茶叙，共同观看文物展。")
    assert _types(registry, text, "zh") == [("meeting", "2017-11-08", ["CHN", "USA"])]


# ---- a post not yet taken --------------------------------------------------------------------
def test_a_president_elect_has_no_post_code(registry):
    text = ("Le Président élu Emmanuel Macron s'est entretenu par téléphone, le 12 mai 2017, avec le "
            "Président de la République du Sénégal Macky Sall.")
    found = people(extract_text(registry, text, "fr"))
    assert found["Emmanuel Macron"][1] == {"other"}
    assert found["Macky Sall"][1] == {"head_of_state"}


# ---- the encounter named as theirs in the next sentences -----------------------------------
def test_their_talks_in_a_later_paragraph_say_the_meeting_was_talks(registry):
    text = ("Le 5 avril 2023, le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré le ministre "
            "chinois des Affaires étrangères Wang Yi à Pékin.\n\n"
            "Wang Yi a accueilli Sergueï Lavrov à la résidence de Diaoyutai, où ils ont entamé leurs entretiens.")
    assert _types(registry, text, "fr") == [("talks", "2023-04-05", ["CHN", "RUS"])]


def test_their_phone_call_in_a_later_paragraph_outranks_a_reception(registry):
    text = ("On May 3, 2023, Prime Minister Narendra Modi received a message from President Joe Biden.\n\n"
            "During their phone call, the two leaders discussed trade.")
    assert _types(registry, text, "en")[0][0] == "phone_call"


# ---- the medium named above a lead that names the officials only by title ------------------
def test_a_call_said_above_the_first_named_sentence_is_the_encounter(registry):
    text = ("Le chef de l'État sénégalais a eu un échange téléphonique, le 30 mai 2023, avec son homologue turc.\n\n"
            "« Nous avons convenu de renforcer nos relations », a indiqué Macky Sall après avoir parlé à "
            "Recep Tayyip Erdogan.")
    assert _types(registry, text, "fr")[0][0] == "phone_call"


# ---- a joint press conference: the two met ---------------------------------------------------
def test_a_joint_press_conference_on_a_visit_is_a_meeting(registry):
    text = ("Pressekonferenz von Bundeskanzler Olaf Scholz und Präsident Emmanuel Macron zum Besuch des "
            "französischen Präsidenten am 28. März 2023\n\n"
            "Bundeskanzler Olaf Scholz: Sehr geehrter Herr Präsident Macron, herzlich willkommen zu Ihrem Besuch in Berlin!")
    assert _types(registry, text, "de") == [("meeting", "2023-03-28", ["DEU", "FRA"])]


def test_a_joint_press_conference_in_english_is_a_meeting(registry):
    text = ("Joint press conference of Secretary Antony Blinken and Foreign Minister Wang Yi on his visit "
            "to Washington, October 27, 2023\n\nSecretary Blinken: Good afternoon, and welcome to Washington.")
    assert _types(registry, text, "en")[0][0] == "meeting"


# ---- a headline's "Call" -----------------------------------------------------------------------
def test_a_headline_call_before_its_day_is_a_phone_call(registry):
    text = """\
        Readout of Secretary Kerry and Russian Foreign Minister Lavrov Call on March 3, 2014

        Secretary Kerry and Foreign Minister Lavrov spoke this morning about Ukraine.
        """
    assert _types(registry, text, "en") == [("phone_call", "2014-03-03", ["RUS", "USA"])]


def test_a_headline_call_ending_it_is_a_phone_call(registry):
    text = """\
        Secretary Kerry and Foreign Minister Lavrov Call

        Secretary Kerry and Foreign Minister Lavrov spoke on March 3, 2014 about Ukraine.
        """
    assert [t for t, _, _ in _types(registry, text, "en")] == ["phone_call"]


def test_a_headline_call_for_something_is_no_phone_call(registry):
    text = """\
        Secretary Kerry and Foreign Minister Lavrov Call for Restraint

        Secretary Kerry and Foreign Minister Lavrov met in Geneva on March 3, 2014.
        """
    assert [t for t, _, _ in _types(registry, text, "en")] == ["meeting"]


# ---- talks held by telephone -----------------------------------------------------------------
PHONE_TALKS = [
    ("es", "El 4 de mayo de 2015, el canciller argentino Héctor Timerman mantuvo conversaciones telefónicas "
           "con el secretario de Estado John Kerry."),
    ("fr", "Le 4 mai 2015, le ministre argentin des Affaires étrangères Héctor Timerman a tenu des pourparlers "
           "téléphoniques avec le secrétaire d'État John Kerry."),
    ("fr", "Le 4 mai 2015, le ministre argentin des Affaires étrangères Héctor Timerman a tenu des discussions "
           "téléphoniques avec le secrétaire d'État John Kerry."),
    ("pt", "Em 4 de maio de 2015, o chanceler argentino Héctor Timerman manteve conversações telefônicas com o "
           "secretário de Estado John Kerry."),
    ("en", "On May 4, 2015, Argentine Foreign Minister Héctor Timerman held talks via telephone with Secretary "
           "of State John Kerry."),
]


def test_talks_words_followed_by_a_telephone_word_are_a_phone_call(registry):
    """"mantuvo conversaciones telefónicas", "pourparlers téléphoniques", "conversações telefônicas",
    "talks via telephone": the medium wins over the talks word it follows (ANNOTATION.md §1)."""
    for lang, text in PHONE_TALKS:
        assert _types(registry, text, lang) == [("phone_call", "2015-05-04", ["ARG", "USA"])], text
