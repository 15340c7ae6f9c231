"""Arabic readouts: short texts written by the team in the style of Arabic-language ministries
and news agencies (never copies of real ones). Each test names the rule it holds: particles and
the article joined to names, titles and states (و ب ل ك, ل + ال -> لل), Hindi-Arabic digits and
Levantine month names, Arabic spellings of known officials, an unknown official in Latin letters
with the name as written kept, verb-first stances and their negation, offsets into the
right-to-left text."""

from __future__ import annotations

import textwrap

from kg.extract import detect_language
from kg.knowledge.matcher import Gazetteer
from kg.knowledge.morphology import Morphology
from kg.text import fold, transliterate
from readouts import extract_text as _extract, people as _people, stances as _stances


PHONE_CALL = """\
    وزير الخارجية الصيني يجري اتصالا هاتفيا مع نظيره الأردني

    2024-03-14

    أجرى عضو المكتب السياسي للجنة المركزية للحزب الشيوعي الصيني وزير الخارجية وانغ يي، يوم الأربعاء ١٣ مارس ٢٠٢٤، اتصالاً هاتفياً مع نائب رئيس الوزراء ووزير الخارجية الأردني أيمن الصفدي. وبحث الجانبان العلاقات الثنائية والأوضاع في قطاع غزة.
    وأكد الصفدي أن الأردن يلتزم بمبدأ الصين الواحدة، ويدعم بثبات الموقف الصيني في قضية تايوان.
    وقال وانغ يي إن الصين تدعم القضية العادلة للشعب الفلسطيني، ولا تؤيد تهجير الفلسطينيين.
    """


def test_an_arabic_text_is_read_as_arabic(registry):
    assert detect_language(textwrap.dedent(PHONE_CALL), registry) == "ar"
    assert _extract(registry, PHONE_CALL).lang == "ar"


def test_phone_call_with_hindi_arabic_digits_and_compound_titles(registry):
    extraction = _extract(registry, PHONE_CALL)
    [event] = extraction.events
    assert (event.type, event.date, event.date_inferred) == ("phone_call", "2024-03-13", False)
    people = _people(extraction)
    assert people["Wang Yi"][:2] == ("CHN", {"foreign_minister", "party_leader"})
    # "ووزير الخارجية الأردني": the conjunction joined to the second title, the state after it
    assert people["Ayman Safadi"][:2] == ("JOR", {"deputy_head_of_government", "foreign_minister"})


def test_stances_with_joined_particles_and_a_negated_rejection(registry):
    stances = _stances(_extract(registry, PHONE_CALL))
    # "يلتزم بمبدأ الصين الواحدة": the topic written with ب
    assert ("JOR", "support", "CHN", "One-China principle") in stances
    assert ("JOR", "support", "CHN", "Taiwan") in stances
    # "لا تؤيد تهجير الفلسطينيين": not backing what is done to the Palestinians backs them,
    # the people named as holders of the position (ANNOTATION.md §3, orientation)
    assert ("CHN", "support", "PSE", "Palestine") in stances
    assert ("CHN", "oppose", None, "Palestine") not in stances


def test_offsets_slice_the_right_to_left_text(registry):
    text = textwrap.dedent(PHONE_CALL)
    extraction = _extract(registry, PHONE_CALL)
    [event] = extraction.events
    lead = text[event.evidence.start:event.evidence.end]
    assert lead.startswith("أجرى عضو المكتب السياسي") and "اتصالاً هاتفياً" in lead
    for participant in event.participants:
        assert participant.evidence is not None
        assert text[participant.evidence.start:participant.evidence.end].strip()
    for endorsement in extraction.endorsements:
        sentence = text[endorsement.evidence.start:endorsement.evidence.end]
        assert sentence == sentence.strip() and "\n" not in sentence


MEETING_WITH_ENVOY = """\
    استقبل رئيس الوزراء المصري مصطفى مدبولي، اليوم الثلاثاء، سفير جمهورية كوريا لدى مصر كيم يونغ هيون، بمقر مجلس الوزراء بالقاهرة.
    وأعرب مدبولي عن تقديره للتعاون القائم بين البلدين.
    """


def test_an_official_the_registry_does_not_know_gets_a_latin_name_and_keeps_the_arabic(registry):
    extraction = _extract(registry, MEETING_WITH_ENVOY)
    [event] = extraction.events
    assert event.type == "meeting"
    people = _people(extraction)
    assert people["Mostafa Madbouly"][:2] == ("EGY", {"head_of_government"})
    [envoy] = [p for p in event.participants if p.country == "KOR"]
    assert envoy.written == "كيم يونغ هيون"
    assert envoy.name.isascii() and envoy.name.split()[0] == "Kim"
    assert set(envoy.roles) == {"ambassador"}  # "لدى مصر": where the ambassador serves, not whom he represents


CONGRATULATION = """\
    هنأ الرئيس عبد الفتاح السيسي، الرئيس الصيني شي جين بينغ، في برقية تهنئة بمناسبة إعادة انتخابه رئيسا لجمهورية الصين الشعبية.
    """


def test_a_congratulatory_cable_is_a_message_and_a_verb_first_congratulation(registry):
    extraction = _extract(registry, CONGRATULATION)
    [event] = extraction.events
    assert event.type == "message"
    assert {p.name for p in event.participants} == {"Abdel Fattah el-Sisi", "Xi Jinping"}
    assert ("EGY", "congratulate", "CHN", "Election") in _stances(extraction)


LEVANTINE_DATE = """\
    التقى وزير الخارجية الصيني وانغ يي في بكين يوم 5 كانون الثاني/يناير 2023 بوزير الخارجية التركي مولود جاويش أوغلو.
    وقال وانغ إن الصين لا تدعم العقوبات الأحادية، وتعارض التدخل في الشؤون الداخلية لتركيا.
    """


def test_levantine_month_names_and_an_inflected_title(registry):
    extraction = _extract(registry, LEVANTINE_DATE)
    [event] = extraction.events
    assert (event.type, event.date) == ("meeting", "2023-01-05")
    # "بوزير الخارجية التركي": the title with the preposition ب joined to it
    assert _people(extraction)["Mevlüt Çavuşoğlu"][:2] == ("TUR", {"foreign_minister"})


def test_negation_flips_a_stance_and_opposing_interference_backs_its_target(registry):
    stances = _stances(_extract(registry, LEVANTINE_DATE))
    # "لا تدعم العقوبات الأحادية": not backing unilateral sanctions backs multilateralism
    assert ("CHN", "support", None, "Multilateralism") in stances
    assert ("CHN", "oppose", None, "Multilateralism") not in stances
    # "تعارض التدخل في الشؤون الداخلية لتركيا"
    assert ("CHN", "support", "TUR", "Non-interference") in stances


def test_particles_and_the_article_are_matched_at_their_offsets():
    arabic = Morphology({"proclitics": ["و", "ب", "ل", "ف", "ك"], "article": "ال", "conjunctions": ["و"]})
    g = Gazetteer(arabic.forms, ("state", "title"))
    g.add("الصين", "state", "CHN")
    g.add("الرئيس", "title", "head_of_state")
    g.add_all(arabic.cue_forms(["أكد"]), "speech")
    text = "وأكد للرئيس دعم بلاده للصين والصين"
    found = [(m.kind, m.value, text[m.start:m.end]) for m in g.find(text)]
    assert ("speech", "", "وأكد") in found
    assert ("title", "head_of_state", "للرئيس") in found
    assert ("state", "CHN", "للصين") in found and ("state", "CHN", "والصين") in found


def test_folding_joins_the_spellings_of_ya_and_the_arabic_comma():
    assert fold("شكرى") == fold("شكري")
    assert fold("الاتفاقیات") == fold("الاتفاقيات")  # Persian ya in Arabic text
    assert fold("أكد،") == "اكد,"
    assert len(fold("وانغ يى، مع")) == len("وانغ يى، مع")


def test_transliteration_of_arabic_names_by_table(registry):
    table = registry.lang("ar")["transliteration"]
    assert transliterate("أيمن الصفدي", table) == "Ayman al-Sfdi"
    assert transliterate("حسين الشيخ", table) == "Hussein al-Sheikh"
    assert transliterate("Wang Yi", table) == "Wang Yi"


def test_a_dated_line_under_a_long_site_menu_dates_the_page(registry):
    """A site's banner date and a menu of more than twelve lines above the headline: the
    article's own dated line ("الأربعاء 07/أبريل/2021 - 08:57 م", the month named between
    slashes) still stands above the body and dates the page and the call."""
    menu = "\n".join(["أخبار", "حوادث", "رياضة", "فن", "سياسة", "اقتصاد", "محافظات", "منوعات",
                      "ثقافة", "صحة", "تكنولوجيا", "مقالات", "فيديو"])
    text = (f"الجمعة 22 نوفمبر 2024\n{menu}\n\n"
            "بايدن يتصل بالعاهل الأردني\n"
            "الأربعاء 07/أبريل/2021 - 08:57 م\n\n"
            "أجرى الرئيس الأمريكي جو بايدن اتصالا هاتفيا اليوم مع العاهل الأردني الملك عبد الله الثاني، وأكد له دعم الولايات المتحدة للأردن.\n")
    extraction = _extract(registry, text)
    assert extraction.published == "2021-04-07"
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2021-04-07")]


def test_a_name_written_with_vowel_marks_is_the_registry_official(registry):
    """"عبد الفتاح السيسيّ" with a shadda: vowel marks are optional in Arabic writing, so the
    name is the registry's (Latin label), not an unknown official transliterated letter by letter."""
    text = ("الرئيس السيسي يتلقى اتصالا هاتفيا من الرئيس التونسي\n\n2022-03-31\n\n"
            "تلقى الرئيس عبد الفتاح السيسيّ، يوم الخميس ٣١ مارس ٢٠٢٢، اتصالاً هاتفياً من الرئيس التونسي قيس سعيّد. "
            "وبحث الجانبان العلاقات الثنائية.")
    people = _people(_extract(registry, text))
    assert people["Kais Saied"][0] == "TUN"
    assert people["Abdel Fattah el-Sisi"][0] == "EGY"
