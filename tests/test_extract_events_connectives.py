"""One more encounter per later sentence that opens a sequence or an addition ("Anschließend
traf er ...", "كما تلقى سموه اتصالاً من ...", "当天下午，...通电话") with an encounter word of its own
and a counterpart of a state it names, not met yet on the page (encounters._connective_events).
Every readout here is team-written in the style of a ministry's or a leader's news page."""

from __future__ import annotations

import pytest

from readouts import extract_text as _extract


def _events(registry, text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(e.type, e.date, sorted(p.country for p in e.participants)) for e in _extract(registry, text).events]


AR_CALLS = ('تلقى صاحب السمو الملكي الأمير محمد بن سلمان ولي العهد رئيس مجلس الوزراء، اليوم الأربعاء 10 مايو 2023، اتصالاً هاتفياً من فخامة الرئيس الأمريكي جو بايدن، جرى خلاله بحث العلاقات بين البلدين.\n'
         '\n'
         'كما تلقى سموه اتصالاً هاتفياً من فخامة الرئيس الصيني شي جين بينغ، جرى خلاله استعراض فرص التعاون.\n'
         '\n'
         'وتلقى سموه اتصالاً هاتفياً من دولة رئيس الوزراء الهندي ناريندرا مودي، تم خلاله بحث المستجدات.')

DE_MEETINGS = ('Bali, 15. November 2022\n'
         'Bundeskanzler Olaf Scholz ist am Rande des G20-Gipfels mit dem chinesischen Staatspräsidenten Xi Jinping zusammengetroffen. Beide sprachen über den Handel.\n'
         'Anschließend traf er den indischen Premierminister Narendra Modi.\n'
         'Außerdem führte der Kanzler ein Gespräch mit dem südafrikanischen Präsidenten Cyril Ramaphosa.')

ES_CALL = ('El presidente Alberto Fernández se reunió este martes 20 de septiembre de 2022 en Nueva York con el presidente de Francia, Emmanuel Macron.\n'
         'Además, Fernández mantuvo una conversación telefónica con el primer ministro de Japón, Fumio Kishida.')

FR_TALKS = ('Paris, le 12 juin 2023\n'
         "Le président de la République, Emmanuel Macron, s'est entretenu avec le chancelier allemand Olaf Scholz.\n"
         "Il a ensuite rencontré le Premier ministre de l'Inde, M. Narendra Modi.\n"
         "Le président s'est également entretenu avec le président du Kenya, M. William Ruto.")

ZH_CALL = ('2023年5月10日，国家主席习近平在北京会见巴西总统卢拉。\n'
         '当天下午，习近平同法国总统马克龙通电话。')

RU_CALL = ('8 ноября 2022 года Министр иностранных дел России Сергей Лавров провёл переговоры с Министром иностранных дел Индии Субраманьямом Джайшанкаром.\n'
         'Также Сергей Лавров провёл телефонный разговор с Министром иностранных дел Турции Мевлютом Чавушоглу.')

FR_DURING = ('Paris, le 12 juin 2023\n'
         "Le président de la République, Emmanuel Macron, s'est entretenu avec le chancelier allemand Olaf Scholz.\n"
         'Lors de la rencontre, le président a également salué le président du Kenya, M. William Ruto.')

DE_DURING = ('Bali, 15. November 2022\n'
         'Bundeskanzler Olaf Scholz ist am Rande des G20-Gipfels mit dem chinesischen Staatspräsidenten Xi Jinping zusammengetroffen.\n'
         'Bei dem Treffen würdigte Scholz außerdem den südafrikanischen Präsidenten Cyril Ramaphosa.')

DE_UNPLACED = ('Bali, 15. November 2022\n'
         'Bundeskanzler Olaf Scholz ist am Rande des G20-Gipfels mit dem chinesischen Staatspräsidenten Xi Jinping zusammengetroffen.\n'
         'Anschließend traf er Cyril Ramaphosa, der den Empfang ausrichtete.')

EN_FUTURE = ('Secretary Blinken met with Indian External Affairs Minister Subrahmanyam Jaishankar in New Delhi on March 2, 2023.\n'
         'Later, the Secretary will meet with Saudi Foreign Minister Prince Faisal bin Farhan.')

ES_OTHER_DAY = ('El presidente Alberto Fernández se reunió este martes 20 de septiembre de 2022 en Nueva York con el presidente de Francia, Emmanuel Macron.\n'
         'Además, Fernández se reunió el 3 de mayo de 2021 con el primer ministro de Japón, Fumio Kishida.')


@pytest.mark.parametrize("text, expected", [
    (AR_CALLS, [('phone_call', '2023-05-10', ['SAU', 'USA']), ('phone_call', '2023-05-10', ['CHN', 'SAU']), ('phone_call', '2023-05-10', ['IND', 'SAU'])]),
    (DE_MEETINGS, [('meeting', '2022-11-15', ['CHN', 'DEU']), ('meeting', '2022-11-15', ['DEU', 'IND']), ('talks', '2022-11-15', ['DEU', 'ZAF'])]),
    (ES_CALL, [('meeting', '2022-09-20', ['ARG', 'FRA']), ('phone_call', '2022-09-20', ['ARG', 'JPN'])]),
    (FR_TALKS, [('talks', '2023-06-12', ['DEU', 'FRA']), ('meeting', '2023-06-12', ['FRA', 'IND']), ('talks', '2023-06-12', ['FRA', 'KEN'])]),
    (ZH_CALL, [('meeting', '2023-05-10', ['BRA', 'CHN']), ('phone_call', '2023-05-10', ['CHN', 'FRA'])]),
    (RU_CALL, [('talks', '2022-11-08', ['IND', 'RUS']), ('phone_call', '2022-11-08', ['RUS', 'TUR'])]),
], ids=['ar', 'de', 'es', 'fr', 'zh', 'ru'])
def test_a_later_connective_sentence_with_its_own_encounter_and_counterpart_is_one_more(registry, text, expected):
    assert _events(registry, text) == expected


@pytest.mark.parametrize("text", [FR_DURING, DE_DURING, DE_UNPLACED, EN_FUTURE, ES_OTHER_DAY], ids=['fr_during', 'de_during', 'de_unplaced', 'en_future', 'es_last'])
def test_no_more_encounter_from_a_cue_before_the_connective_an_unplaced_counterpart_a_plan_or_another_day(
        registry, text):
    # "Lors de la rencontre, ... a également salué A", "Bei dem Treffen würdigte er außerdem A": the
    # connective follows the cue, of what was said there; "traf er A, der den Empfang ausrichtete":
    # no state placed for A; "will meet": an announcement; "se reunió el 3 de mayo de 2021": a
    # contact of another time
    assert len(_events(registry, text)) == 1
