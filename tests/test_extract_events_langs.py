"""Several encounters in every language: the words the encounter rules read (``[events] also``,
``earlier``, ``then``, ``joint``) given to each language are what finds the second encounter
(issue 11, round 8). The readouts are short texts written by the team in the style of each
language's ministries and agencies, never copies of real ones."""

from __future__ import annotations

from readouts import extract_text as _extract


def _pairs(registry, text, lang):
    return sorted((e.type, tuple(sorted(p.country for p in e.participants)))
                  for e in _extract(registry, text, lang).events)


def test_chinese_an_earlier_call_opening_with_cici_is_its_own_encounter(registry):
    """"此前，…同…通电话": an encounter held before the lead's."""
    text = ("外交部长王毅12日在北京同土耳其外长恰武什奥卢举行会谈。\n"
            "双方就双边关系和共同关心的国际问题交换了意见。\n"
            "此前，王毅同日本外相林芳正通电话。\n")
    assert ("phone_call", ("CHN", "JPN")) in _pairs(registry, text, "zh")


def test_chinese_also_met_is_one_more_meeting_of_the_one_named(registry):
    """"王毅还会见了…": one more meeting, on the lead's day."""
    text = ("外交部长王毅12日在北京同土耳其外长恰武什奥卢举行会谈。\n"
            "双方就双边关系和共同关心的国际问题交换了意见。\n"
            "王毅还会见了日本外相林芳正。\n")
    assert ("meeting", ("CHN", "JPN")) in _pairs(registry, text, "zh")


def test_japanese_an_earlier_meeting_opening_with_koreni_sakidachi(registry):
    text = ("中土外相会談\n\n"
            "王毅外交部長は4日、ジャカルタでトルコのチャブシオール外相と会談した。"
            "両外相は二国間関係について意見を交換した。"
            "これに先立ち、王毅外交部長はロシアのセルゲイ・ラブロフ外相と会談した。\n")
    assert ("talks", ("CHN", "RUS")) in _pairs(registry, text, "ja")


def test_russian_an_earlier_talks_opening_with_ranee(registry):
    text = ("10 апреля 2024 года глава МИД Китая Ван И провел переговоры с министром иностранных дел Венгрии Петером Сийярто.\n"
            "Стороны обсудили двусторонние отношения.\n"
            "Ранее Ван И провел телефонный разговор с министром иностранных дел Российской Федерации Сергеем Лавровым.\n")
    assert ("phone_call", ("CHN", "RUS")) in _pairs(registry, text, "ru")


def test_portuguese_an_earlier_meeting_opening_with_anteriormente(registry):
    text = ("O ministro dos Negócios Estrangeiros da China, Wang Yi, reuniu-se com o ministro das Relações Exteriores do Brasil, Mauro Vieira, em Pequim.\n"
            "Os dois ministros discutiram as relações bilaterais.\n"
            "Anteriormente, Wang Yi reuniu-se com o ministro dos Negócios Estrangeiros da Rússia, Sergei Lavrov.\n")
    assert ("meeting", ("CHN", "RUS")) in _pairs(registry, text, "pt")


def test_arabic_an_earlier_call_opening_with_fi_waqt_sabiq(registry):
    text = ("التقى وزير الخارجية الصيني وانغ يي في بكين يوم 5 كانون الثاني/يناير 2023 بوزير الخارجية التركي مولود جاويش أوغلو.\n"
            "وبحث الجانبان العلاقات الثنائية.\n"
            "وفي وقت سابق، أجرى وانغ يي اتصالاً هاتفياً مع نائب رئيس الوزراء ووزير الخارجية الأردني أيمن الصفدي.\n")
    assert ("phone_call", ("CHN", "JOR")) in _pairs(registry, text, "ar")


def test_korean_an_earlier_call_opening_with_apseo(registry):
    text = ("박진 외교부 장관은 3월 11일 왕이 중국 외교부장과 회담을 가졌다.\n"
            "양 장관은 양국 관계에 대해 의견을 교환하였다.\n"
            "앞서 박진 장관은 하야시 요시마사 일본 외무대신과 통화를 가졌다.\n")
    assert ("phone_call", ("JPN", "KOR")) in _pairs(registry, text, "ko")


def test_a_trip_named_earlier_is_background_not_an_encounter(registry):
    """"앞서 … 베이징을 방문했다": a visit the earlier sentence names is the trip behind the call."""
    text = ("박진 외교부 장관은 3월 11일 토니 블링컨 미국 국무장관과 통화를 가졌다.\n"
            "양 장관은 양국 관계에 대해 의견을 교환하였다.\n"
            "앞서 박진 장관은 왕이 중국 외교부장의 초청으로 베이징을 방문했다.\n")
    assert ("visit", ("CHN", "KOR")) not in _pairs(registry, text, "ko")


def test_each_wire_item_opening_with_its_own_dateline_reports_its_own_encounter(registry):
    """Two Xinhua items on one page: the second, opening with "新华社北京…电", is its own call."""
    text = ("2023年5月12日，外交部长王毅同土耳其外长恰武什奥卢通电话，就地区形势交换意见。\n"
            "王毅表示，中方愿同土方加强沟通。\n"
            "新华社北京5月12日电 外交部长王毅12日同日本外相林芳正通电话，就双边关系交换意见。\n"
            "林芳正表示，日方愿同中方保持沟通。\n")
    assert _pairs(registry, text, "zh") == [("phone_call", ("CHN", "JPN")), ("phone_call", ("CHN", "TUR"))]


def test_a_wire_item_repeating_the_lead_encounter_adds_none(registry):
    text = ("2023年5月12日，外交部长王毅同土耳其外长恰武什奥卢通电话，就地区形势交换意见。\n"
            "王毅表示，中方愿同土方加强沟通。\n"
            "新华社北京5月12日电 外交部长王毅12日同土耳其外长恰武什奥卢通电话。\n")
    assert _pairs(registry, text, "zh") == [("phone_call", ("CHN", "TUR"))]


def test_a_story_of_another_day_listed_under_the_readout_is_no_item_of_it(registry):
    text = ("2023年5月12日，外交部长王毅同土耳其外长恰武什奥卢通电话，就地区形势交换意见。\n"
            "王毅表示，中方愿同土方加强沟通。\n"
            "新华社北京3月2日电 外交部长王毅2日同日本外相林芳正通电话，就双边关系交换意见。\n")
    assert _pairs(registry, text, "zh") == [("phone_call", ("CHN", "TUR"))]
