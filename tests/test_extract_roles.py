"""Who takes part and in which post, on tiny readouts written by the team in the styles of
real publishers (issues 11 and 15: the people behind missed roles and missed pairs)."""

from __future__ import annotations

import textwrap

import pytest

from kg.extract import extract
from kg.model import Document


def _extraction(registry, text: str, lang: str = "en", **document):
    doc = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang, **document)
    return extract(doc, registry)


def _people(registry, text: str, lang: str = "en", **document) -> dict[tuple[str, str], set[str]]:
    """(country, name) -> roles of every participant of every event."""
    return {(p.country, p.name): set(p.roles) for e in _extraction(registry, text, lang, **document).events
            for p in e.participants}


def test_french_state_councilor_written_as_councillor_of_state_affairs(registry):
    """The French ministry writes "conseiller des affaires d'État" for a Chinese State Councilor;
    a title going on with "et directeur du bureau ..." keeps its second post."""
    text = """\
        Entretien avec M. Wang Yi (3 mars 2019)

        Le ministre de l'Europe et des Affaires étrangères, M. Jean Dupuis, a reçu ce jour M. Wang Yi, conseiller des affaires d'État et directeur du bureau de la Commission centrale des Affaires étrangères.

        Les deux ministres ont évoqué la coopération bilatérale.
        """
    people = _people(registry, text, "fr")
    assert people[("CHN", "Wang Yi")] == {"state_councilor", "party_leader"}


def test_the_president_is_the_one_the_readout_names_president_elsewhere(registry):
    """"The President spoke with Prime Minister X ... President Obama also ...": with no date
    and no publisher, the title alone still names the one official called so in the text."""
    text = """\
        Readout of the President's Call with Prime Minister Tamm

        The President spoke today with Estonian Prime Minister Jaan Tamm about energy security in the Baltic region.

        The two leaders agreed to stay in close touch. President Obama also thanked the Prime Minister for Estonia's contribution to NATO.
        """
    people = _people(registry, text)
    assert people.get(("USA", "Barack Obama")) == {"head_of_state"}
    assert ("EST", "Jaan Tamm") in people


def test_a_title_before_a_name_is_not_someone_else_with_that_title(registry):
    """"Secretary Smith's Call with ...": the title belongs to the name right after it, never to
    another official the text calls "Secretary" ("Deputy Secretary Jones")."""
    text = """\
        Secretary Smith's Call with Estonian Foreign Minister Tamm

        Secretary of State John Smith spoke today with Estonian Foreign Minister Jaan Tamm. Secretary Smith thanked Foreign Minister Tamm for hosting Deputy Secretary Jones in Tallinn.
        """
    people = _people(registry, text)
    assert not any(name.endswith("Jones") for _, name in people)


def test_an_official_named_only_in_a_clause_dating_the_call_takes_no_part(registry):
    """"agreed in phone talks Thursday ... after Fumio Kishida became prime minister": who is
    named only in the clause after "after" is no participant; the next sentence names them."""
    text = """\
        The foreign ministers of Estonia and Latvia agreed in phone talks Thursday to deepen their cooperation, after Kaja Tamm became prime minister this week.

        Foreign Minister Jaan Kask of Estonia and Latvian Foreign Minister Andris Ozols discussed energy security during the 20-minute call.
        """
    people = _people(registry, text)
    assert not any(name.endswith("Tamm") for _, name in people)
    assert {name for _, name in people} == {"Jaan Kask", "Andris Ozols"}


def test_a_clause_of_a_later_aside_ends_at_its_comma(registry):
    """The clause runs to its comma: a counterpart named after it is a participant."""
    text = """\
        Foreign Minister Jaan Kask met on Monday, after the summit closed, with Latvian Foreign Minister Andris Ozols in Riga.
        """
    people = _people(registry, text)
    assert ("LVA", "Andris Ozols") in people


def test_a_state_guessed_from_a_list_yields_to_the_official_already_named(registry):
    """"Secretary Blinken and Foreign Minister Motegi": the second name is the Japanese
    minister named before, not an American official named Motegi."""
    text = """\
        Secretary of State Antony Blinken spoke with Japanese Foreign Minister Toshimitsu Motegi on October 7, 2021.

        During the call, Secretary Blinken and Foreign Minister Motegi reaffirmed the alliance.
        """
    extraction = _extraction(registry, text)
    (event,) = extraction.events
    assert sorted((p.country, p.name) for p in event.participants) == [("JPN", "Toshimitsu Motegi"), ("USA", "Antony Blinken")]


def test_a_post_taken_is_no_one_else_s_title(registry):
    """"to congratulate him on his new tenure as Foreign Minister": the title names the post of
    the one congratulated, never another official with that title."""
    text = """\
        Secretary Smith spoke with Estonian Foreign Minister Jaan Tamm to congratulate him on his new tenure as Foreign Minister.

        During the call, Secretary Smith and Foreign Minister Tamm discussed Ukraine with Latvian Foreign Minister Andris Ozols.
        """
    people = _people(registry, text)
    assert not any(country == "LVA" for country, _ in people)


def test_sentences_glued_without_a_space_are_split(registry):
    """"...in the region.The two ministers ...": a page that lost its spaces still has sentences;
    a meeting reported in a later one is not part of the lead."""
    from kg.extract.layout import read_layout

    text = ("Estonian Foreign Minister Jaan Kask held talks with Latvian Foreign Minister Andris Ozols in Riga on Saturday."
            "They discussed the region.After the talks, Kask and Ozols met Lithuanian Foreign Minister Tomas Jonaitis.\n")
    body = [s.text for s in read_layout(text, registry, "en").body]
    assert body[-1].startswith("After the talks")
    people = _people(registry, text)
    assert sorted(people) == [("EST", "Jaan Kask"), ("LVA", "Andris Ozols")]


def test_numeric_dates_are_month_first_on_a_us_page(registry):
    """"10/7/2021" is October 7 on a page of a state that writes the month first (here a U.S.
    Department of State readout, known from the manifest), 10 July elsewhere."""
    text = """\
        Secretary Blinken's Call with Estonian Foreign Minister Tamm

        10/7/2021 Washington D.C.

        Secretary of State Antony Blinken spoke today with Estonian Foreign Minister Jaan Tamm about energy security.
        """
    american = _extraction(registry, text, publisher="U.S. Department of State")
    assert american.published == "2021-10-07" and american.events[0].date == "2021-10-07"
    other = _extraction(registry, text, url="https://vm.ee/en/news")
    assert other.published == "2021-07-10"


@pytest.mark.parametrize("apposition", [
    "Wang, also a member of the Political Bureau of the CPC Central Committee, made the remarks",
    "Wang Yi, a member of the Political Bureau of the CPC Central Committee, made the remarks",
])
def test_a_title_in_apposition_after_also_a(registry, apposition):
    """News agencies give a second post in apposition: "Wang, also a member of the Political
    Bureau of ..., made the remarks" adds the post to Wang Yi."""
    text = f"""\
        BEIJING, March 3, 2021 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Estonian Foreign Minister Jaan Tamm in Beijing on Wednesday.

        {apposition} during the talks.
        """
    people = _people(registry, text)
    assert people[("CHN", "Wang Yi")] == {"foreign_minister", "party_leader"}


def test_french_feminine_head_of_diplomacy(registry):
    """"La cheffe de la diplomatie estonienne Kadri Tamm": the feminine form names the foreign
    minister as the masculine does, and her counterpart holds the same post."""
    text = """\
        La cheffe de la diplomatie estonienne Kadri Tamm et son homologue letton Andris Ozols ont évoqué mardi 1er novembre 2022 lors d'un appel téléphonique la coopération entre les deux pays.
        """
    people = _people(registry, text, "fr")
    assert people[("EST", "Kadri Tamm")] == {"foreign_minister"}
    assert people[("LVA", "Andris Ozols")] == {"foreign_minister"}


def test_a_bare_title_on_a_known_publisher_s_page_is_the_publisher_s_official(registry):
    """"Le Ministre des Affaires étrangères reçoit ..." on a French ministry's page: the headline's bare
    title is not the foreign minister of another state the text names with that title."""
    text = """\
        Le Ministre des Affaires étrangères reçoit le Vice-Ministre letton des Affaires étrangères

        Le Ministre de l'Europe et des Affaires étrangères, M. Jean Dupuis, a reçu lundi 12 mai 2025 M. Andris Ozols, Vice-Ministre des Affaires étrangères de la Lettonie.

        M. Ozols a transmis un message de M. Ivars Kalnins, Ministre des Affaires étrangères de la Lettonie.
        """
    people = _people(registry, text, "fr", url="https://www.diplomatie.gouv.fr/fr/actualites")
    assert {name for country, name in people if country == "LVA"} == {"Andris Ozols"}


@pytest.mark.parametrize("text, lang, expected", [
    ("Les chefs de la diplomatie estonienne et lettone, Jaan Tamm et Andris Ozols, se sont entretenus mardi à Riga.",
     "fr", {("EST", "Jaan Tamm"), ("LVA", "Andris Ozols")}),
    ("The foreign ministers of Estonia and Latvia, Jaan Tamm and Andris Ozols, held talks in Riga on Tuesday.",
     "en", {("EST", "Jaan Tamm"), ("LVA", "Andris Ozols")}),
    ("Los cancilleres de Estonia, Jaan Tamm, y Letonia, Andris Ozols, se reunieron el martes en Riga.",
     "es", {("EST", "Jaan Tamm"), ("LVA", "Andris Ozols")}),
])
def test_a_plural_title_is_shared_over_the_names_listed_after_it(registry, text, lang, expected):
    """"the foreign ministers of X and Y, A and B": every name of the list holds the post, and
    the states go to the names in order, whether listed before the names or one before each."""
    people = _people(registry, f"Réunion\n\n{text}\n" if lang == "fr" else f"Meeting\n\n{text}\n", lang,
                     published="2024-03-08")
    assert set(people) == expected
    assert all(roles == {"foreign_minister"} for roles in people.values())


@pytest.mark.parametrize("text, lang", [
    ("Le ministre estonien des Affaires étrangères, Jaan Tamm, a reçu mardi son homologue de la République de Lettonie, Andris Ozols.", "fr"),
    ("Estonian Foreign Minister Jaan Tamm received on Tuesday his counterpart of the Republic of Latvia, Andris Ozols.", "en"),
])
def test_a_counterpart_of_a_state_named_after_of_holds_the_same_post(registry, text, lang):
    """"son homologue de la République de Lettonie, Andris Ozols": the state written after the
    counterpart word with "de"/"of" is the counterpart's, and the post is the same."""
    people = _people(registry, f"Visite\n\n{text}\n", lang, published="2024-03-08")
    assert people.get(("LVA", "Andris Ozols")) == {"foreign_minister"}
    assert people.get(("EST", "Jaan Tamm")) == {"foreign_minister"}


@pytest.mark.parametrize("text, lang, spouse", [
    ("Besuch in Bratislava\n\nDer lettische Präsident Andris Ozols traf am Montag mit seiner Frau Liis Kask zu einem "
     "Staatsbesuch in der Slowakei ein, wo ihn Präsidentin Eva Novakova zu Gesprächen empfing.", "de", "Liis Kask"),
    ("State visit to Riga\n\nPresident Eva Novakova of Slovakia, accompanied by her husband Jan Novak, met President Andris "
     "Ozols of Latvia in Riga on Tuesday.", "en", "Jan Novak"),
])
def test_a_spouse_named_beside_an_official_takes_no_part(registry, text, lang, spouse):
    """"mit seiner Frau X", "accompanied by his wife X": a spouse is no official (ANNOTATION.md
    §1), so they are not a participant; the officials still are."""
    names = {name for _, name in _people(registry, text, lang, published="2024-03-08")}
    assert spouse not in names
    assert {"Eva Novakova", "Andris Ozols"} <= names


@pytest.mark.parametrize("text, lang, leader", [
    ("한미 외교장관 통화\n\n박진 외교부 장관은 5일 미국 바이든 행정부 출범 이후 처음으로 토니 블링컨 미국 국무장관과 전화 통화를 했다.",
     "ko", "Joe Biden"),
    ("Call with the Estonian Foreign Minister\n\nSecretary of State Antony Blinken spoke today with Estonian Foreign Minister "
     "Jaan Tamm about the Biden administration's support for Estonia.", "en", "Joe Biden"),
])
def test_a_leader_named_for_an_administration_takes_no_part(registry, text, lang, leader):
    """"미국 바이든 행정부", "the Biden administration": a leader's name that only names a
    government is no participant."""
    names = {name for _, name in _people(registry, text, lang, published="2022-07-08")}
    assert leader not in names
    assert "Antony Blinken" in names


def test_the_words_between_a_name_and_its_title_come_from_the_language_file(registry):
    """`names.apposition` of each language file, not code, says what may stand between a name
    and the title said of it ("Jaan Tamm, qui est également ..."): French reads its own words,
    and a language that lists none reads only punctuation there."""
    from kg.extract.finder import _Finder

    french, german = _Finder("", registry, "fr", None), _Finder("", registry, "de", None)
    assert ", qui est egalement" in french.apposition and ", qui est egalement" not in german.apposition
    assert french.apposed_name.search("Jaan Tamm, qui est également le ").group(1) == "Jaan Tamm"
    assert german.apposed_name.search("Jaan Tamm, qui est également le ") is None
    assert german.apposed_name.search("Jaan Tamm, ").group(1) == "Jaan Tamm"


@pytest.mark.parametrize("text, name, roles", [
    # a title with "and" joined to it right after a name is the next person's, not the name's
    ("بايدن وولي العهد الأردني يبحثان الأوضاع\n\nأجرى الرئيس الأمريكي جو بايدن وولي العهد الأردني الأمير حسين بن عبد الله "
     "اتصالا هاتفيا يوم الثلاثاء.", "Joe Biden", {"head_of_state"}),
    # ... and after a post that named its organisation or state it starts another person's chain
    ("الصفدي يستقبل وفدا\n\nاستقبل وزير الخارجية الأردني أيمن الصفدي يوم الأربعاء وفدا فلسطينيا. حضر الاجتماع عضو اللجنة "
     "التنفيذية لمنظمة التحرير الفلسطينية، الوزير رياض المالكي، ومدير المكتب السياسي الدكتور سامي عودة.", "Riyad al-Maliki",
     {"minister"}),
    # a title after the name and the Arabic comma, the name in quote marks
    ("اتصال هاتفي\n\nأجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا يوم الأربعاء مع السيد “وانج يي”، وزير خارجية "
     "الصين، لمناقشة العلاقات الثنائية.", "Wang Yi", {"foreign_minister"}),
    # a quoted name after its title
    ("الصفدي يبحث مع لافروف\n\nبحث وزير الخارجية الأردني أيمن الصفدي يوم الأربعاء في عمان مع وزير خارجية روسيا "
     "الاتحادية \"سيرجي لافروف\" الأوضاع في المنطقة.", "Sergey Lavrov", {"foreign_minister"}),
])
def test_arabic_titles_go_to_the_right_name(registry, text, name, roles):
    """Arabic joins "and" (و) to the next title and sets names in quote marks: the title goes to
    the name it is said of, whatever the commas (،) and quotes around it."""
    people = {n: r for (_, n), r in _people(registry, text, "ar", published="2023-10-24").items()}
    assert people.get(name) == roles


_CONSULTAS = ("Consultas políticas entre Chile y Estonia\n\nEl canciller chileno, Andrés Soto, recibió el jueves en Santiago a "
              "la vicecanciller de Estonia, Kadri Mets. Por parte de Chile, asistieron la subsecretaria Paula Rojas y el director "
              "general para Europa, Tomás Vera. Por la parte estonia asistieron Liis Kask, ministra consejera, y Peeter Saar, "
              "director de la Sección Comercial de la Embajada.")


def test_an_official_the_registry_does_not_know_named_before_the_title(registry):
    """"Liis Kask, ministra consejera, y ...": a full name with its title after it is a person
    even when the registry does not know them, of the side the sentence names."""
    people = _people(registry, _CONSULTAS, "es", published="2023-05-10")
    assert people.get(("EST", "Liis Kask")) == {"other"}
    assert people.get(("EST", "Peeter Saar")) == {"other"}


def test_a_side_named_with_por_parte_de_gives_its_officials_their_state(registry):
    """"Por parte de Chile, asistieron ...": the officials listed after it are Chile's."""
    people = _people(registry, _CONSULTAS, "es", published="2023-05-10")
    assert ("CHL", "Paula Rojas") in people


@pytest.mark.parametrize("text, lang, person, roles", [
    (_CONSULTAS, "es", ("CHL", "Tomás Vera"), {"other"}),
    ("Visita de una delegación china\n\nEl canciller uruguayo, Omar Paganini, recibió el miércoles a una delegación del PCCh. "
     "Asistieron además el Director General de la Oficina de Estudios del Comité Central del PCCh, Li Ming; y el Secretario "
     "General de la Oficina de Enlace del Comité Central del PCCh, Wang Hua.", "es", ("CHN", "Li Ming"), {"other"}),
    ("Échange de messages\n\nLe président Xi Jinping a échangé mardi des messages de félicitations avec le secrétaire général "
     "du Comité central du Parti populaire révolutionnaire lao, Sisouk Vong, à l'occasion de l'anniversaire.", "fr",
     ("LAO", "Sisouk Vong"), {"party_leader"}),
])
def test_a_general_secretary_heads_what_the_portfolio_names_first(registry, text, lang, person, roles):
    """"director general para Europa, X", "Director General de la Oficina de ..., X": the
    head of a department is no head of an organisation; of a party's Central Committee
    (``names.party_words``), a party leader. A party named in the portfolio gives the state."""
    assert _people(registry, text, lang, published="2023-05-10").get(person) == roles


def test_a_party_named_in_a_portfolio_gives_the_official_its_state(registry):
    """"Director General de la Oficina de Estudios del Comité Central del PCCh, X":
    a party named in the portfolio counts as its state, as a party in a title chain does."""
    text = ("Visita de una delegación\n\nEl canciller uruguayo, Omar Paganini, recibió el miércoles a una delegación. "
            "Asistieron además el Director General de la Oficina de Estudios del Comité Central del PCCh, Li Ming; y el "
            "Secretario General de la Oficina de Enlace del Comité Central del PCCh, Wang Hua.")
    people = _people(registry, text, "es", published="2023-05-10")
    assert ("CHN", "Li Ming") in people and ("CHN", "Wang Hua") in people


def test_a_list_of_officials_shares_the_state_of_its_first_item(registry):
    """"la canciller peruana, X; el ministro de Energía, Y, la ministra de Comercio, Z, y ...":
    items separated by commas, semicolons, "and" and articles share the state of the first,
    when their titles name none."""
    text = ("Visita de Estado a Vietnam\n\nEl presidente peruano se reunió el martes en Hanói con su homólogo vietnamita. "
            "Participaron también la canciller peruana, Rosa Vidal; el ministro de Energía, Marco Lazo, la ministra de "
            "Comercio, Elena Ríos, y el ministro de Pesca, Raúl Tello.")
    people = _people(registry, text, "es", published="2023-05-10")
    assert {("PER", "Marco Lazo"), ("PER", "Elena Ríos"), ("PER", "Raúl Tello")} <= set(people)


def test_a_ministry_secretary_general_heads_no_organisation(registry):
    """"Spanish Foreign Ministry Secretary General X": the secretary general of a ministry holds
    another post, and "Secretary General X" said again later names that same post."""
    text = ("Under Secretary Bass's Call with Spanish Foreign Ministry Secretary General López\n\nUnder Secretary for Political "
            "Affairs John Bass spoke today with Spanish Foreign Ministry Secretary General Ana López. Under Secretary Bass and "
            "Secretary General López reviewed preparations for the summit.")
    assert _people(registry, text, "en", published="2023-05-10").get(("ESP", "Ana López")) == {"other"}


@pytest.mark.parametrize("text, person, roles", [
    ("Minister meets Estonian counterpart\n\nMalaysian Foreign Minister Dato’ Ahmad Zaki met Estonian Foreign Minister Jaan Tamm "
     "in Putrajaya on Tuesday. Dato’ Ahmad Zaki and Mr Tamm reaffirmed the close ties between the two countries.",
     ("MYS", "Ahmad Zaki"), {"foreign_minister"}),
    ("Prime Minister receives call\n\nMalaysian Prime Minister Tan Sri Ahmad Zaki received a call from Estonian Prime Minister "
     "Jaan Tamm on Tuesday.", ("MYS", "Ahmad Zaki"), {"head_of_government"}),
    ("In telephone call with Tamm, FM Ozols reiterates commitment to bilateral ties\n\nLatvian Foreign Minister Andris Ozols "
     "held a telephone call with Estonian Foreign Minister Jaan Tamm on Tuesday.", ("LVA", "Andris Ozols"), {"foreign_minister"}),
])
def test_malaysian_honorifics_and_the_fm_abbreviation(registry, text, person, roles):
    """"Dato’", "Tan Sri" are courtesy titles, not part of the name nor a stop between a title and
    the name; "FM" before a family name is the foreign minister, not a first name."""
    people = _people(registry, text, "en", published="2022-07-06")
    assert people.get(person) == roles
    assert len(people) == 2


def test_an_official_with_a_new_post_after_the_name_keeps_the_state_of_that_post(registry):
    """"Juan Pérez, el nuevo embajador de Estados Unidos" ... "El embajador Pérez": words such as
    "nuevo" between the article and the title do not cut the name from its post, so the later
    short mention is that official of that state, not one of the state the readout names most."""
    from kg.extract.layout import read_layout
    from kg.extract.persons import find_people
    from kg.text import fold

    text = ("Encuentro en Buenos Aires\n\nEl ministro argentino de Relaciones Exteriores, Luis Soto, recibió el martes al "
            "embajador de China, Li Ming. Ambos conversaron sobre comercio.\n\nDías antes, Soto había visto a Juan Pérez, el "
            "nuevo embajador de Estados Unidos. El embajador Pérez habló luego de China ante la prensa.\n")
    matches = registry.gazetteer("es").find(text, fold(text))
    layout = read_layout(text, registry, "es", "2025-11-19", matches, None, None)
    people, _ = find_people(text, layout.body, matches, registry, "es", layout.publisher_country)
    assert {p.country for p in people.values() if p.family == "Pérez"} == {"USA"}


def test_chinese_text_joins_a_given_name_to_a_known_family_name_and_reads_japanese_titles(registry):
    """"美国国务卿安东尼·布林肯": a given name joined by the dot to a known official's name is
    that official, not a person of its own; "外务大臣"/"外相" after a Japanese minister's name
    is the foreign minister's title as Chinese texts write it."""
    text = ("日美外长通电话\n\n3月5日，上川阳子外务大臣同美国国务卿安东尼·布林肯通电话，双方就地区形势交换了意见。")
    people = _people(registry, text, "zh", published="2024-03-06")
    assert people.get(("USA", "Antony Blinken")) == {"foreign_minister"}
    assert len(people) == 2
    assert {"foreign_minister"} in [roles for (country, _), roles in people.items() if country == "JPN"]


def test_a_bare_and_closes_a_list_of_officials_begun_with_commas(registry):
    """"la canciller peruana, X, el ministro de Energía, Y y la ministra de Comercio, Z": "and"
    alone joins the last item to a list that commas began, so Z shares the state too."""
    text = ("Visita de Estado a Vietnam\n\nEl presidente peruano se reunió el martes en Hanói con su homólogo vietnamita. "
            "Participaron también la canciller peruana, Rosa Vidal, el ministro de Energía, Marco Lazo y la ministra de "
            "Comercio, Elena Ríos.")
    people = _people(registry, text, "es", published="2023-05-10")
    assert ("PER", "Elena Ríos") in people
