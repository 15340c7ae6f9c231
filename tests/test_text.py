"""kg.text: folding keeps every offset; sentences slice the text back exactly."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text import fold, is_cjk, join_wrapped, normalise_space, split_lines, split_sentences


# ---- fold ------------------------------------------------------------------------------
def test_fold_lowers_strips_accents_and_normalises_quotes():
    assert fold("Ministre des Affaires Étrangères") == "ministre des affaires etrangeres"
    assert fold("l’ONU « ici »") == "l'onu \" ici \""
    assert fold("Sino–Kazakh") == "sino-kazakh"


def test_fold_keeps_characters_that_have_no_single_lower_form():
    # "İ".lower() is two code points; fold must still give one character back.
    assert fold("İstanbul") == "istanbul"
    assert len(fold("ẞ")) == 1


def test_fold_leaves_cjk_alone():
    assert fold("中华人民共和国外交部") == "中华人民共和国外交部"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aéÉèçÇœ’«» \n\t\u00a0中国ŞİßABCxyz.-", min_size=1))
def test_fold_is_position_preserving(text):
    folded = fold(text)
    for i, char in enumerate(text):
        assert folded[i] == fold(char), (i, char)


def test_is_cjk():
    assert is_cjk("中") and is_cjk("國")
    assert not is_cjk("a") and not is_cjk("é") and not is_cjk("。")


def test_normalise_space():
    assert normalise_space("  Wang \n Yi\t ") == "Wang Yi"


# ---- lines and sentences ---------------------------------------------------------------
def _sentences(text: str, cjk: bool = False):
    return split_sentences(text, split_lines(text), cjk)


def test_lines_are_trimmed_and_keep_offsets():
    text = "  first line  \n\n\tsecond\r\n   \nthird"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["first line", "second", "third"]
    for line in lines:
        assert text[line.start:line.end] == line.text


def test_sentence_offsets_slice_the_seed_exactly(seed_text):
    sentences = _sentences(seed_text)
    assert len(sentences) > 10
    for sentence in sentences:
        assert seed_text[sentence.start:sentence.end] == sentence.text


def test_sentences_cover_every_word_of_a_paragraph(seed_text):
    # No text is lost between sentences: joined, they give back each paragraph's words.
    lines = split_lines(seed_text)
    sentences = split_sentences(seed_text, lines, cjk=False)
    for index, line in enumerate(lines):
        joined = " ".join(s.text for s in sentences if s.paragraph == index)
        assert joined.split() == line.text.split()


def test_no_split_after_french_monsieur(seed_text):
    sentences = _sentences(seed_text)
    assert not [s.text for s in sentences if s.text.endswith(" M.") or s.text == "M."]
    assert any(s.text.startswith("M. Wang a félicité Mukhtar Tleuberdi") for s in sentences)


def test_no_split_after_mr_and_us():
    text = textwrap.dedent("""\
        Mr. Blinken spoke with Mr. Retno. The U.S. Secretary of State and the Minister discussed trade. They agreed.
        """)
    sentences = _sentences(text)
    assert [s.text for s in sentences] == [
        "Mr. Blinken spoke with Mr. Retno.",
        "The U.S. Secretary of State and the Minister discussed trade.",
        "They agreed.",
    ]
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text


def test_split_after_french_closing_quote_set_off_by_a_space():
    text = "« Nous sommes prêts », a dit M. Wang. « Merci. » Le Kazakhstan est d'accord.\nDeuxième paragraphe."
    sentences = _sentences(text)
    assert [s.text for s in sentences] == [
        "« Nous sommes prêts », a dit M. Wang.",
        "« Merci. »",
        "Le Kazakhstan est d'accord.",
        "Deuxième paragraphe.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 0, 1]


def test_no_split_before_lower_case():
    # "etc." then a lower-case word, or a number like 3.5: one sentence.
    text = "Trade grew by 3.5 per cent. in 2020 and more."
    assert len(_sentences(text)) == 1


def test_chinese_sentences_keep_offsets():
    text = "王毅表示，中方支持哈方。哈方坚定支持中方！\n双方同意加强合作；并继续推进。"
    sentences = _sentences(text, cjk=True)
    assert [s.text for s in sentences] == ["王毅表示，中方支持哈方。", "哈方坚定支持中方！", "双方同意加强合作；", "并继续推进。"]
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text


# --- hard-wrapped pages (issue 11) ---------------------------------------------------------

_EN_WRAP = frozenset({"the", "to", "of", "and"})


def _sentences_of(text: str, words: frozenset[str] = _EN_WRAP) -> list[str]:
    lines = join_wrapped(text, split_lines(text), words)
    return [s.text for s in split_sentences(text, lines, cjk=False)]


def test_wrapped_line_ending_in_a_function_word_joins_the_next():
    text = ("The Minister said that Portugal would keep giving its firm backing to the\n"
            "Government of Ghana in its work on the new trade agreement. They also met.")
    sentences = _sentences_of(text)
    assert sentences[0].endswith("new trade agreement.")
    assert "backing to the\nGovernment of Ghana" in sentences[0]
    assert sentences[1] == "They also met."


def test_wrapped_line_followed_by_lower_case_joins_the_next():
    text = ("Both sides discussed cooperation in trade and the Speaker also\n"
            "  thanked the visitors for their support.\n")
    lines = join_wrapped(text, split_lines(text), _EN_WRAP)
    assert len(lines) == 1
    line = lines[0]
    assert text[line.start:line.end] == line.text  # a span of the text: offsets stay exact
    assert line.text.endswith("their support.")


def test_a_blank_line_ends_a_paragraph_even_before_a_lower_case_line():
    """A headline of many words, a blank line, then a site's stamp in lower case
    ("fmprc.gov.cn| Mis à jour : 2021-01-22"): two paragraphs, never one."""
    text = ("Wang Yi s'entretient par téléphone avec le ministre des Affaires étrangères du Kazakhstan\n\n"
            "fmprc.gov.cn| Mis à jour : 2021-01-22\n")
    assert len(join_wrapped(text, split_lines(text), _EN_WRAP)) == 2


def test_headline_and_date_line_stay_separate_lines():
    text = ("June 3, 2022\n"
            "Foreign Minister of Chile Meets Counterpart of Kenya in Nairobi\n"
            "Foreign Minister Ana Soto met her Kenyan counterpart in Nairobi on June 2.\n")
    lines = join_wrapped(text, split_lines(text), _EN_WRAP)
    assert [line.text for line in lines] == [line.text for line in split_lines(text)]


def test_line_closed_by_a_full_stop_is_not_joined_whatever_follows():
    text = "The two ministers held talks on regional security questions.\nand then a lower-case line"
    assert len(join_wrapped(text, split_lines(text), _EN_WRAP)) == 2


def test_cjk_lines_are_left_alone():
    text = "王毅同法国外长举行会谈双方就两国关系和共同关心的国际问题交换了\n意见。"
    assert len(join_wrapped(text, split_lines(text), _EN_WRAP)) == 2


# ---- reading glosses -------------------------------------------------------------------
from kg.text import to_original, without_glosses  # noqa: E402


def test_a_tone_marked_pinyin_gloss_after_a_han_character_is_taken_out():
    text = "國(guó)務(wù)委員王毅會(huì)見外賓"
    read, offsets = without_glosses(text)
    assert read == "國務委員王毅會見外賓"
    assert all(text[offsets[i]] == read[i] for i in range(len(read)))


def test_tone_digits_bopomofo_and_kana_readings_are_glosses_too():
    assert without_glosses("習(xi2)近平")[0] == "習近平"
    assert without_glosses("習（ㄒㄧˊ）近平")[0] == "習近平"
    assert without_glosses("王毅(おう・き)外交部長")[0] == "王毅外交部長"
    assert without_glosses("金(キム)正恩(ジョンウン)委員長")[0] == "金正恩委員長"


def test_a_gloss_after_a_character_lost_in_conversion_is_taken_out_too():
    assert without_glosses("開好今年?(yáng)東亞合作會議")[0] == "開好今年?東亞合作會議"
    assert without_glosses("開好今年\ufffd(yáng)東亞")[0] == "開好今年\ufffd東亞"


def test_a_neutral_tone_counts_only_on_a_page_with_tone_marked_glosses():
    assert without_glosses("我們(men)同意，雙(shuāng)方")[0] == "我們同意，雙方"
    assert without_glosses("我們(men)同意")[0] == "我們(men)同意"


def test_real_parentheses_stay():
    """An English or Spanish rendering, an agency, an acronym, a reporter, a number: no gloss."""
    for text in ("新华社北京电(记者 张三)", "王毅(Wang Yi)表示", "大使傅达耀（Darío Filártiga）", "五常(P5)会议",
                 "日本(03)3449", "央视(CGTN)报道", "本(6)月26日"):
        assert without_glosses(text) == (text, None), text
    assert without_glosses("發(fā)布會(huì)(Xinhua)")[0] == "發布會(Xinhua)"  # on a glossed page too


def test_a_span_of_the_read_text_covers_the_glosses_inside_it_in_the_original():
    text = "外長(zhǎng)王毅會(huì)見"
    read, offsets = without_glosses(text)
    start = read.index("王毅會見")
    begin, end = to_original(start, start + 4, offsets)
    assert text[begin:end] == "王毅會(huì)見"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("國務委員王毅會見習近平外長，。"), st.sampled_from(["", "(guó)", "(wù)", "（xí）", "(jin4)"])),
                min_size=1, max_size=30), st.data())
def test_a_span_read_without_glosses_is_the_same_words_in_the_original(pairs, data):
    pairs = [(char, gloss if is_cjk(char) else "") for char, gloss in pairs]  # glosses follow Han only
    text = "".join(char + gloss for char, gloss in pairs)
    read, offsets = without_glosses(text)
    assert read == "".join(char for char, _ in pairs)
    if offsets is None:
        return
    start = data.draw(st.integers(0, len(read) - 1))
    end = data.draw(st.integers(start + 1, len(read)))
    begin, stop = to_original(start, end, offsets)
    assert without_glosses(text[begin:stop])[0] == read[start:end]
