"""Korean readouts: short texts written by the team in the style of Korea's Ministry of Foreign
Affairs (외교장관 통화 결과, "□ ... 의견을 교환하였다"), of Yonhap and of the Korean editions of Xinhua
(never copies of real ones). Each test names the rule it holds: Hangul read as itself, particles
joined to names, titles and cue words, names before titles, the family name with a title, dates
with 년/월/일 and MOFA's "5.13.(월)", short paragraphs, particles that close a phrase or mark the
subject, bracketed agency datelines, and praise only with its adverb."""

from __future__ import annotations

from kg.extract import detect_language
from kg.extract.dates import find_dates
from kg.text import fold
from readouts import extract_text as _extract, people as _people, stances as _stances


MOFA = """\
    한중 외교장관 통화 결과

    2024-03-12

    □ 박진 외교부 장관은 3.11.(월) 오후 왕이(王毅) 중국 공산당 중앙정치국 위원 겸 외교부장과 통화를 갖고, 양국 관계에 대해 의견을 교환하였다.

    □ 박 장관은 중국 측의 건설적 역할을 높이 평가하였다.
    """


def test_hangul_is_korean_and_folds_as_itself(registry):
    """Folding must not drop a syllable to its first letter (NFD splits 통 into ᄐ ᅩ ᆼ)."""
    assert fold("통화") == "통화"
    assert detect_language(MOFA, registry) == "ko"
    assert _extract(registry, MOFA).lang == "ko"


def test_mofa_date_and_particles_on_names_titles_and_cues(registry):
    """"3.11.(월)" is the day of the call; "외교부장과", "통화를" carry particles; the hanja after
    "왕이" is the same person; "박 장관은" is the 박진 named before."""
    extraction = _extract(registry, MOFA)
    assert extraction.published == "2024-03-12"
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2024-03-11")]
    people = _people(extraction)
    assert people["Park Jin"][:2] == ("KOR", {"foreign_minister"})
    assert people["Wang Yi"][:2] == ("CHN", {"party_leader", "foreign_minister"})
    assert _stances(extraction) == {("KOR", "support", "CHN", None)}


def test_dates_written_with_year_month_day_words(registry):
    words = registry.lang("ko")
    [full] = find_dates("2023년 6월 18일 오후", words)
    assert (full.year, full.month, full.day) == (2023, 6, 18)
    [day] = find_dates("지난 18일에 통화했다", words)
    assert (day.year, day.month, day.day) == (None, None, 18)
    mofa = find_dates("장관은 6.18.(일) 오후", words)[0]
    assert (mofa.month, mofa.day) == (6, 18)
    assert find_dates("성장률은 3.5%였다", words) == []


def test_an_unknown_name_before_its_title_and_a_short_paragraph(registry):
    """"아흐마드 카림 요르단 외교장관과": the Hangul words before the state and title are the
    name; a Korean lead of ten words is body text, not page furniture."""
    text = ("한-요르단 외교장관 회담\n\n2022-09-21\n\n"
            "박진 외교부 장관은 20일 뉴욕에서 아흐마드 카림 요르단 외교장관과 회담했다.\n")
    extraction = _extract(registry, text)
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2022-09-20")]
    people = _people(extraction)
    assert people["아흐마드 카림"][:2] == ("JOR", {"foreign_minister"})
    assert people["Park Jin"][:2] == ("KOR", {"foreign_minister"})


def test_a_word_that_is_no_name_stops_it(registry):
    """"이날 오후 ... 신임 외교장관과": time words and "신임" (new) are never part of a name."""
    text = ("한-칠레 외교장관 통화\n\n2023-04-03\n\n"
            "박진 외교부 장관은 이날 오후 마리아 로페스 칠레 신임 외교장관과 전화통화를 했다.\n")
    people = _people(_extract(registry, text))
    assert people["마리아 로페스"][:2] == ("CHL", {"foreign_minister"})
    assert set(people) == {"마리아 로페스", "Park Jin"}


def test_the_subject_takes_a_particle_and_ends_its_phrase(registry):
    """"블링컨 장관은 한국 정부의 ... 지지한다고 말했다": the actor whose title ends in 은 is the
    subject and speaker; "장관은 북한의" is two phrases, so North Korea is opposed, not the minister's state."""
    text = ("한미 외교장관 통화\n\n2023-02-14\n\n"
            "박진 외교부 장관은 13일 토니 블링컨 미국 국무장관과 전화통화를 했다.\n\n"
            "블링컨 장관은 한국 정부의 대북 정책을 지지한다고 말했다.\n\n"
            "박 장관은 북한의 탄도미사일 발사를 강력히 규탄했다.\n")
    extraction = _extract(registry, text)
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2023-02-13")]
    assert _stances(extraction) == {("USA", "support", "KOR", None), ("KOR", "oppose", "PRK", "Korean Peninsula")}


def test_an_assessment_is_no_praise(registry):
    """"평가를 공유하고" shares an assessment; only "높이 평가" praises."""
    text = ("한미 외교장관 회담\n\n2021-10-06\n\n"
            "□ 정의용 외교부 장관은 10.5.(화) 토니 블링컨 미국 국무장관과 회담을 갖고 한반도 문제에 대해 의견을 교환하였다.\n\n"
            "□ 양 장관은 한반도 정세에 대한 평가를 공유하였다.\n")
    extraction = _extract(registry, text)
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2021-10-05")]
    assert _stances(extraction) == set()


def test_an_agency_dateline_is_not_the_day_of_the_call(registry):
    """"[신화망 베이징 3월 9일] ... 3월 8일 저녁": the bracketed dateline is the copy's day; the
    congratulation on an election ("당선된 것을 축하") has its topic."""
    text = ("시진핑 주석, 한국 대통령과 통화\n\n출처: 신화망 | 2022-03-09 10:20:11\n\n"
            "[신화망 베이징 3월 9일] 시진핑 중국 국가주석이 3월 8일 저녁 윤석열 한국 대통령과 전화 통화를 했다.\n\n"
            "시진핑 주석은 윤석열이 한국 대통령으로 당선된 것을 축하했다.\n")
    extraction = _extract(registry, text)
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2022-03-08")]
    assert ("CHN", "congratulate", "KOR", "Election") in _stances(extraction)


def test_years_of_diplomatic_ties_fix_the_year(registry):
    """"수교 30년이래": China and Korea established relations in 1992, so a day and month with no
    year fall in 2022."""
    text = ("[신화망 베이징 5월 12일] 시진핑 중국 국가주석이 11일 윤석열 한국 대통령과 전화 통화를 했다.\n\n"
            "시 주석은 수교 30년이래 중한 관계가 크게 발전했다고 말했다.\n")
    extraction = _extract(registry, text, lang="ko")
    assert [e.date for e in extraction.events] == ["2022-05-11"]


def test_an_as_of_stamp_of_a_box_is_not_the_pages_date(registry):
    """"2022.08.01 00:00 기준" heads a box of live keywords ("as of"): the article's own stamp
    below it dates the page and the call."""
    text = """\
        조현 장관, 日외무상과 첫 통화

        실시간 키워드

        2022.08.01 00:00 기준

        뉴스 2025-07-24 21:51:50

        조현 외교부 장관은 24일 오후 이와야 다케시 일본 외무상과 취임 후 첫 전화통화를 했다.
        양 장관은 한일 관계를 안정적으로 발전시켜 나가기로 했다.
        """
    extraction = _extract(registry, text)
    assert extraction.published == "2025-07-24"
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2025-07-24")]


def test_foreign_leaders_in_hangul_get_the_registry_latin_name(registry):
    """"조코 위도도 인도네시아 대통령": the registry knows the hangul spellings of the leaders
    readouts name most, so the participant has its Latin name, not the hangul."""
    text = ("한-인도네시아 정상 통화\n\n2020-04-21\n\n"
            "문재인 대통령은 4월 21일 조코 위도도 인도네시아 대통령과 전화 통화를 갖고 양국 협력에 대해 의견을 교환하였다.")
    people = _people(_extract(registry, text))
    assert people["Joko Widodo"][:2] == ("IDN", {"head_of_state"})
    assert not any("위도도" in name for name in people)


def test_the_registered_stamp_below_a_repeated_headline_dates_the_page(registry):
    """A site banner's date above, then the headline printed twice (page title, article heading)
    and the article's "등록 2019.05.22 18:31": the labelled stamp under the headline is the page's."""
    text = ("2024년 04월 20일 토요일\n\n"
            "한일 외교장관 통화한 박 장관 “양국 관계 더 높은 수준으로 발전시키자”\n\n"
            "한일 외교장관 통화한 박 장관 “양국 관계 더 높은 수준으로 발전시키자”\n\n"
            "등록 2019.05.22 18:31\n\n"
            "박진 외교부 장관은 22일 하야시 요시마사 일본 외무상과 전화 통화를 가졌다.\n")
    extraction = _extract(registry, text, lang="ko")
    assert extraction.published == "2019-05-22"
    assert [e.date for e in extraction.events] == ["2019-05-22"]


def test_a_word_that_dates_the_post_between_a_name_and_its_state_and_title(registry):
    """"존 케리 신임 미국 국무장관과": "신임" (newly appointed, ``actors.glue_words``) between a
    known name and the state and title leaves the title the name's."""
    text = ("한미 외교장관 통화\n\n2013-02-06\n\n"
            "김성환 외교통상부 장관은 5일 존 케리 신임 미국 국무장관과 전화 통화를 갖고 "
            "양국 현안에 대해 의견을 교환하였다.\n")
    people = _people(_extract(registry, text))
    assert people["John Kerry"][:2] == ("USA", {"foreign_minister"})
