"""Japanese readouts: short texts written by the team in the style of Japan's Ministry of Foreign
Affairs (外相電話会談, 首脳会談 ... "概要は以下のとおりです") and of the Japanese editions of Xinhua
and People's Daily (never copies of real ones). Each test names the rule it holds: detection by
kana, era years, kana matched without spaces, kanji read through the simplified conversion,
names before titles, subjects marked by particles, and what blocks a stance."""

from __future__ import annotations

import textwrap

from kg.extract import detect_language
from readouts import extract_text as _extract, people as _people, stances as _stances


CALL = """\
    日豪外相電話会談

    令和4年3月9日

     本9日、午後5時から約30分間、林芳正外務大臣は、ジェームズ・ノーラン・ニュージーランド外務大臣と電話会談を行ったところ、概要は以下のとおりです。
    1 冒頭、ノーラン外務大臣から、林大臣の外務大臣就任に祝意が表明されました。
    2 両大臣は、引き続き緊密に連携していくことで一致しました。
    """


def test_kana_makes_a_text_japanese_and_kanji_alone_stay_chinese(registry):
    assert detect_language(textwrap.dedent(CALL), registry) == "ja"
    assert _extract(registry, CALL).lang == "ja"
    assert detect_language("王毅同日本外相林芳正通电话。双方就中日关系交换了意见。", registry) == "zh"
    assert "ja" in registry.languages


def test_an_era_year_dates_the_page_and_the_day_of_the_call(registry):
    """"令和4年3月9日" is 2022-03-09 (令和 began in 2019); "本9日" is that day."""
    extraction = _extract(registry, CALL)
    assert extraction.published == "2022-03-09"
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2022-03-09")]


def test_the_first_year_of_an_era_is_written_gan(registry):
    text = "日米外相会談\n令和元年6月28日\n本28日、茂木敏充外務大臣は、マイク・ポンペオ米国国務長官と会談を行いました。"
    extraction = _extract(registry, text)
    assert extraction.published == "2019-06-28"
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2019-06-28")]


def test_a_name_before_its_title_is_that_official_even_unknown_to_the_registry(registry):
    """"ジェームズ・ノーラン・ニュージーランド外務大臣": the katakana run before the state and
    title is a foreign minister of that state; "林芳正外務大臣": the registry's official."""
    people = _people(_extract(registry, CALL))
    assert people["Yoshimasa Hayashi"][:2] == ("JPN", {"foreign_minister"})
    assert people["ジェームズ・ノーラン"][:2] == ("NZL", {"foreign_minister"})


def test_an_unknown_kanji_name_before_a_title_and_no_name_from_state_compounds(registry):
    """"日本の佐藤一郎外相", "韓国の朴民秀外相": two to four kanji after a kana before a title are
    a name, and the state joined to it by の is the official's; "日韓外相" names two states' ministers,
    no one's name; and no name is read after a title ("外務大臣就任" is no one)."""
    text = ("日韓外相会談\n2023年4月2日\n"
            "本2日、日本の佐藤一郎外相は、ソウルで韓国の朴民秀外相と会談を行い、日韓外相は両国の協力で一致した。"
            "佐藤外相は外務大臣就任後初めての訪韓となった。")
    extraction = _extract(registry, text, lang="ja")
    people = _people(extraction)
    assert set(people) == {"佐藤一郎", "朴民秀"}
    assert people["佐藤一郎"][:2] == ("JPN", {"foreign_minister"})
    assert people["朴民秀"][:2] == ("KOR", {"foreign_minister"})
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2023-04-02")]


def test_kana_need_no_spaces_around_a_name(registry):
    """"…に際してトランプ大統領から…": a katakana name glued to the kana before it is still found."""
    text = ("日米首脳電話会談\n平成30年5月3日\n本3日、安倍晋三内閣総理大臣は、連休に際してトランプ大統領から"
            "電話を受け、電話会談を行いました。")
    people = _people(_extract(registry, text))
    assert people["Donald Trump"][:2] == ("USA", {"head_of_state"})
    assert people["Shinzo Abe"][:2] == ("JPN", {"head_of_government"})


def test_traditional_forms_read_like_the_common_ones(registry):
    """A page converted to traditional characters ("電話會談", "習近平國家主席") reads as 電話会談
    and 習近平国家主席: the text and the lexicon go through the same conversion."""
    text = "中日首脳が電話會談\n2022年9月30日\n習近平國家主席は29日、日本の岸田文雄首相と電話會談を行った。"
    extraction = _extract(registry, text)
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2022-09-29")]
    assert set(_people(extraction)) == {"Xi Jinping", "Fumio Kishida"}


def test_the_subject_marked_by_a_particle_congratulates_the_one_named_after_it(registry):
    """"林大臣から、王毅外交部長の再任に祝意を述べました": the verb comes last; the actor marked by
    から is the subject, the one after it the object (Japan congratulates China); "林大臣" is the
    official named in full before ("林芳正外務大臣"), not whoever spoke last."""
    text = ("日中外相電話会談\n令和4年3月9日\n本9日、林芳正外務大臣は、王毅外交部長と電話会談を行いました。\n"
            "1 冒頭、王毅外交部長は、日中関係の発展に努めたいと述べました。\n"
            "2 林大臣から、王毅外交部長の再任に祝意を述べました。")
    assert ("JPN", "congratulate", "CHN", "Taking office") in _stances(_extract(registry, text))


def test_a_congratulation_with_its_object_dropped_goes_to_the_other_party(registry):
    """"ノーラン外務大臣から、林大臣の外務大臣就任に祝意が表明されました" names Hayashi; with the
    object dropped ("祝意が表明されました") the other party of the call is congratulated."""
    stances = _stances(_extract(registry, CALL))
    assert any(stance == "congratulate" and target == "JPN" and endorser != "JPN" for endorser, stance, target, _ in stances)
    text = ("日中外相電話会談\n令和4年3月9日\n本9日、林芳正外務大臣は、王毅外交部長と電話会談を行いました。\n"
            "1 冒頭、王毅外交部長から、祝意が表明されました。")
    assert ("CHN", "congratulate", "JPN", None) in _stances(_extract(registry, text))


def test_a_state_named_as_a_place_is_no_target(registry):
    """"フィリピンにおける台風被害に際してのインドの支援を評価": the Philippines is where the
    typhoon struck, India whose help is praised: only India is the stance's target."""
    text = ("日印外相電話会談\n令和4年3月9日\n本9日、林芳正外務大臣は、スブラマニヤム・ジャイシャンカル・インド外務大臣と"
            "電話会談を行いました。\n1 林大臣から、フィリピンにおける台風被害に際してのインドの支援を評価しました。")
    stances = _stances(_extract(registry, text))
    assert ("JPN", "support", "IND", None) in stances
    assert not any(target == "PHL" for _, _, target, _ in stances)


def test_two_verbs_each_in_its_own_clause_are_two_stances_and_a_wish_is_none(registry):
    """"習近平国家主席は首相の訪問を歓迎し、首相が…表明したことを称賛した": welcoming a visit is
    courtesy, praising what the prime minister said is support; "支持していきたい" is a wish."""
    text = ("【新華社北京5月6日】習近平国家主席は5日、北京で日本の岸田文雄首相と会見した。\n"
            "習近平国家主席は首相の訪問を歓迎し、首相が両国関係の改善を何度も表明したことを称賛した。\n"
            "岸田首相は、中国の一帯一路構想を支持していきたいと述べた。")
    stances = _stances(_extract(registry, text, lang="ja"))
    assert ("CHN", "support", "JPN", None) in stances
    assert not any(endorser == "JPN" for endorser, *_ in stances)


def test_meetings_held_one_by_one_are_one_event_each(registry):
    """"それぞれ会談した": the host met each counterpart on their own."""
    text = ("王毅外交部長は4日、ジャカルタで日本の林芳正外相、ロシアのセルゲイ・ラブロフ外相とそれぞれ会談した。\n"
            "「人民網日本語版」2023年7月5日")
    extraction = _extract(registry, text, lang="ja")
    pairs = sorted(tuple(sorted(p.country for p in e.participants)) for e in extraction.events)
    assert pairs == [("CHN", "JPN"), ("CHN", "RUS")]
    assert {e.date for e in extraction.events} == {"2023-07-04"}


def test_a_time_of_day_is_no_part_of_a_name_and_a_family_name_is_the_same_official(registry):
    """"同日午後佐藤一郎外相と会見": the name starts after "午後"; "佐藤外相" in the headline and
    "佐藤一郎外相" in the text are one official."""
    text = ("王毅氏、東京で佐藤外相と会見\n2023年4月3日\n"
            "中国の王毅外交部長は日本政府の招きで2日に来日し、同日午後佐藤一郎外相と会見した。")
    extraction = _extract(registry, text, lang="ja")
    assert set(_people(extraction)) == {"Wang Yi", "佐藤一郎"}
    assert [(e.type, e.date) for e in extraction.events] == [("meeting", "2023-04-02")]


def test_a_run_of_one_character_state_names_before_a_title_is_no_name(registry):
    """"日中外相" are the Japanese and Chinese foreign ministers; "岡田克也外相" is a name."""
    from kg.extract.finder import _Finder
    from kg.text import simplified

    for text, name in (("本日、日中外相は", None), ("本日、日米韓外相は", None), ("本日、岡田克也外相は", "岡田克也")):
        text = simplified(text)  # as extraction reads Japanese
        name = simplified(name) if name else None
        finder = _Finder(text, registry, "ja", None)
        position = text.index("外相")
        span = finder.name_before(position, 0)
        assert (text[span[0]:span[1]] if span else None) == name


def test_foreign_leaders_in_katakana_get_the_registry_latin_name(registry):
    """"ナレンドラ・モディ・インド首相", "ジョコ・ウィドド大統領": the registry knows the katakana
    spellings of the leaders readouts name most, so the participant is named as ANNOTATION.md §2
    asks (Latin script), not kept in kana."""
    text = ("日印首脳電話会談\n令和5年2月10日\n"
            "本10日、岸田文雄内閣総理大臣は、ナレンドラ・モディ・インド首相と電話会談を行いました。"
            "両首脳は、インドネシアのジョコ・ウィドド大統領との協力についても意見交換を行いました。")
    people = _people(_extract(registry, text))
    assert people["Narendra Modi"][:2] == ("IND", {"head_of_government"})
    assert not any("モディ" in name for name in people)


def test_a_known_family_name_glued_to_another_given_name_is_someone_else(registry):
    """"河野洋平議長": 河野 alone is Taro Kono's family name, but 洋平 is not his given name; the
    speaker is another Kono. "河野外相" and "河野氏" stay Taro Kono."""
    other = _people(_extract(registry, "王毅外相は17日、東京で衆議院の河野洋平議長と会見した。\n", "ja"))
    assert "Taro Kono" not in other
    same = _people(_extract(registry, "王毅外相は17日、東京で河野外相と会談した。河野氏は歓迎した。\n", "ja"))
    assert same.get("Taro Kono", (None,))[0] == "JPN"
