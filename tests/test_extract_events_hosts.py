"""A guest met by several officials of the host in turn, and one more encounter a later
sentence reports (issue 11, round 7). The readouts are short texts written by the team in
the style of the ministries and agencies, never copies of real ones."""

from __future__ import annotations

from readouts import extract_text as _extract


def _pairs(registry, text, lang=None):
    return sorted((e.type, tuple(sorted(p.name for p in e.participants)))
                  for e in _extract(registry, text, lang).events)


# ---- hosts in turn in the lead ------------------------------------------------------------
def test_a_guest_received_by_one_host_then_another_met_each(registry):
    """"reçu par le président A, puis par le ministre B": two meetings, one per host."""
    text = """\
        Le ministre chinois des Affaires étrangères, Wang Yi, effectue depuis lundi une visite de travail à Alger. Il a été reçu mardi 6 juin 2023 par le président Abdelmadjid Tebboune, puis par le ministre des Affaires étrangères Ahmed Attaf.
        Les deux parties ont salué la qualité des relations bilatérales.
        """
    assert _pairs(registry, text, "fr") == [("meeting", ("Abdelmadjid Tebboune", "Wang Yi")),
                                            ("meeting", ("Ahmed Attaf", "Wang Yi"))]


def test_two_hosts_named_together_stay_one_encounter(registry):
    """"reçu par le président A et le ministre B": no word of succession, one meeting."""
    text = """\
        Le ministre chinois des Affaires étrangères, Wang Yi, a été reçu mardi 6 juin 2023 à Alger par le président Abdelmadjid Tebboune et le ministre des Affaires étrangères Ahmed Attaf.
        Les deux parties ont salué la qualité des relations bilatérales.
        """
    assert _pairs(registry, text, "fr") == [("meeting", ("Abdelmadjid Tebboune", "Ahmed Attaf", "Wang Yi"))]


# ---- one more host in a later sentence ------------------------------------------------------
def test_a_later_sentence_saying_the_guest_was_also_received_adds_an_encounter(registry):
    """"Zudem wurde der Aussenminister von Bundespräsident X empfangen": one more meeting of the
    guest, on the first encounter's day."""
    text = """\
        Medienmitteilung, 14.03.2016

        Bundesrat Didier Burkhalter traf heute in Bern den chinesischen Aussenminister Wang Yi. Die beiden Minister erörterten die bilateralen Beziehungen. Zudem wurde der chinesische Gast von Bundespräsident Johann Schneider-Ammann empfangen.
        """
    events = _extract(registry, text, "de").events
    found = sorted((e.type, e.date, tuple(sorted(p.name for p in e.participants))) for e in events)
    assert found == [("meeting", "2016-03-14", ("Didier Burkhalter", "Wang Yi")),
                     ("meeting", "2016-03-14", ("Johann Schneider-Ammann", "Wang Yi"))]


def test_a_later_encounter_with_a_third_states_official_is_the_named_participants(registry):
    """"Albares también se reunió con el canciller de X": the participant the sentence names met
    the third state's official."""
    text = """\
        Madrid, 12 mar (EFE).- El ministro de Exteriores español, José Manuel Albares, se reunió este miércoles en Bruselas con su homólogo argelino, Ahmed Attaf.
        Albares también mantuvo un encuentro con el ministro de Relaciones Exteriores de Marruecos, Nasser Bourita.
        """
    assert _pairs(registry, text, "es") == [("meeting", ("Ahmed Attaf", "José Manuel Albares")),
                                            ("meeting", ("José Manuel Albares", "Nasser Bourita"))]


def test_an_encounter_planned_in_a_later_sentence_is_not_added(registry):
    """"A meeting with ... will also take place": planned, not reported."""
    text = """\
        Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Jakarta on July 13, 2023.
        A meeting with Chinese Vice President Han Zheng will also take place in the coming weeks.
        """
    assert _pairs(registry, text, "en") == [("meeting", ("Antony Blinken", "Wang Yi"))]


# ---- the meeting the next sentence calls talks ------------------------------------------------
def test_a_meeting_the_next_sentence_calls_talks_is_talks(registry):
    """"X traf heute Y. Im Zentrum der Gespräche standen ...": the talks say what it was."""
    text = """\
        Medienmitteilung, 14.03.2016

        Bundesrat Didier Burkhalter traf heute in Bern den chinesischen Aussenminister Wang Yi. Im Zentrum der Gespräche standen die bilateralen Beziehungen.
        """
    assert _pairs(registry, text, "de") == [("talks", ("Didier Burkhalter", "Wang Yi"))]


def test_talks_a_named_speaker_reports_leave_the_meeting_a_meeting(registry):
    """A next sentence that names someone ("Wang sagte, die Gespräche ...") reports speech, not the
    encounter's type."""
    text = """\
        Medienmitteilung, 14.03.2016

        Bundesrat Didier Burkhalter traf heute in Bern den chinesischen Aussenminister Wang Yi. Wang Yi sagte, die Gespräche mit der Schweiz seien offen.
        """
    assert _pairs(registry, text, "de") == [("meeting", ("Didier Burkhalter", "Wang Yi"))]


# ---- a word after a Chinese title is no name ----------------------------------------------
def test_a_word_after_a_chinese_title_names_no_participant(registry):
    """"出席东盟外长系列会议", "中俄总理定期会晤": the characters after the title are a word
    (``[names] not_names``), not an official of the organisation or state."""
    text = """\
        新华社吉隆坡7月10日电 7月10日，中国外长王毅在吉隆坡出席东盟外长系列会议期间会见日本外相岩屋毅。
        王毅表示，中日双方应加强沟通。
        """
    events = _extract(registry, text, "zh").events
    assert [sorted(p.country for p in e.participants) for e in events] == [["CHN", "JPN"]]


# ---- a counterpart the registry does not know, named before a title ------------------------
def test_a_name_with_a_particle_before_its_title_is_the_counterpart(registry):
    """"recibió a José Graziano da Silva, Director General de la FAO": a name particle between the
    capitalised words of a name before its title does not cut the name (``[names] particles``)."""
    text = """\
        La Habana, 3 jun 2019. – El ministro de Relaciones Exteriores de Cuba, Bruno Rodríguez Parrilla, recibió este lunes a Mateo Ferreira da Costa, Director General de la FAO, en su visita oficial.
        """
    events = _extract(registry, text, "es").events
    assert [sorted((p.name, p.country) for p in e.participants) for e in events] == [
        [("Bruno Rodríguez Parrilla", "CUB"), ("Mateo Ferreira da Costa", "FAO")]]


def test_an_infinitive_of_talks_after_a_word_of_succession_adds_an_encounter(registry):
    """"Il s'est ensuite rendu à Matignon afin de s'entretenir avec le Premier ministre X": the
    infinitive is a talks cue, and "ensuite" says one more encounter follows."""
    text = """\
        Le président chinois Hu Jintao s'est entretenu vendredi 5 novembre 2010 à Paris avec Jacques Chirac.
        Il s'est ensuite rendu à Matignon afin de s'entretenir avec le Premier ministre François Fillon.
        """
    assert _pairs(registry, text, "fr") == [("talks", ("François Fillon", "Hu Jintao")),
                                            ("talks", ("Hu Jintao", "Jacques Chirac"))]


# ---- a courtesy call ------------------------------------------------------------------------
def test_calling_on_an_official_by_title_is_a_meeting(registry):
    """"X called on Prime Minister Y": a courtesy call, a meeting, even when the next sentence
    names the consultations the visitor came for."""
    text = """\
        ISLAMABAD, Mar 7 (APP): Foreign Minister of Sri Lanka Ali Sabry called on Prime Minister Shehbaz Sharif on Tuesday 7 March 2023.
        The Foreign Minister is leading the delegation for the 5th Round of Bilateral Political Consultations.
        """
    events = _extract(registry, text, "en").events
    assert [(e.type, sorted(p.country for p in e.participants)) for e in events] == [("meeting", ["LKA", "PAK"])]


def test_calling_on_parties_to_act_is_no_meeting(registry):
    """"called on all parties to ...": the verb urges; the visit stays a visit."""
    text = """\
        Chinese Foreign Minister Wang Yi paid an official visit to Indonesia on 5 May 2023 at the invitation of Foreign Minister Retno Marsudi.
        During the visit, Wang Yi called on all parties to exercise restraint.
        """
    events = _extract(registry, text, "en").events
    assert [e.type for e in events] == ["visit"]
