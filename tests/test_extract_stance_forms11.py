"""Endorsement forms of real readouts (issue 11, round 11), on short readouts the team wrote
in the style of agency and ministry pages: each test names its rule and fails without it."""

from __future__ import annotations

from readouts import extract_text, stances


def _stances(registry, text: str, lang: str = "en") -> set[tuple]:
    return stances(extract_text(registry, text, lang))


def test_a_visitor_welcomed_in_the_passive_is_greeted_not_backed(registry):
    # "was welcomed at the airport by X": the passive of a welcome greets whoever arrives
    stances = _stances(registry, """\
        President of Kenya visits Egypt

        CAIRO, 4 May 2023 - President William Ruto of Kenya arrived in Cairo on Thursday for talks with President Abdel Fattah al-Sisi of Egypt.

        He was welcomed at Cairo International Airport by President Sisi and the two leaders then held talks.
        """)
    assert not any(stance == "support" for _, stance, *_ in stances)


def test_who_received_a_congratulatory_message_is_congratulated_not_its_sender(registry):
    # "X has received another congratulatory message over his victory": X is the one
    # congratulated; the sender, named in the next sentence, is the endorser
    stances = _stances(registry, """\
        Another leader congratulates President Tinubu

        ABUJA, 4 March 2023 - President Bola Tinubu has received yet another congratulatory message over his victory in the presidential election.

        President Nana Akufo-Addo of Ghana congratulated President Tinubu on his election in a message on Saturday.
        """)
    assert ("GHA", "congratulate", "NGA", "Election") in stances
    assert not any(endorser == "NGA" for endorser, *_ in stances)


def test_who_received_a_visitor_and_congratulated_him_still_congratulates(registry):
    # "received" with a person as its object is a reception: its subject speaks
    stances = _stances(registry, """\
        President Ruto receives the new Foreign Minister of Uganda

        NAIROBI, 4 March 2023 - President William Ruto of Kenya received Foreign Minister Jeje Odongo of Uganda and congratulated him on his appointment.
        """)
    assert ("KEN", "congratulate", "UGA", "Taking office") in stances


def test_the_whole_a_part_belongs_to_is_not_who_says_so(registry):
    # "Taiwan is an inalienable part of China's territory and Kenya opposes ...": China, named
    # after "part of", owns the territory, not the stance; it backs no one here
    stances = _stances(registry, """\
        Wang Yi meets Foreign Minister of Kenya

        BEIJING, 4 March 2024 - Chinese Foreign Minister Wang Yi met with Kenyan Foreign Minister Alfred Mutua in Beijing on Friday.

        Mutua said Taiwan is an inalienable part of China's territory and Kenya opposes any form of "Taiwan independence".
        """)
    assert stances == {("KEN", "support", "CHN", "Taiwan")}



def test_the_speaker_set_after_what_he_said_is_no_target(registry):
    # agency prose puts the speaker last: ", Mutua said." names who speaks, not whom the
    # stance is about, so the stance keeps the target its topic gives
    stances = _stances(registry, """\
        Wang Yi holds talks with Kenyan FM

        BEIJING, March 4 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Kenyan Foreign Minister Alfred Mutua in Beijing on Monday, March 4, 2024.

        Kenya firmly adheres to the one-China principle, Mutua said.
        """)
    assert ("KEN", "support", "CHN", "One-China principle") in stances



def test_praise_of_a_courtesy_is_thanks_not_a_stance(registry):
    # "appreciated the warm hospitality of the Chinese side": a courtesy thanked for, no role backed
    stances = _stances(registry, """\
        Wang Yi holds talks with Kenyan FM

        BEIJING, March 4 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Kenyan Foreign Minister Alfred Mutua in Beijing on Monday, March 4, 2024.

        Mutua appreciated the warm hospitality of the Chinese side and praised China's role in regional peace.
        """)
    assert stances == {("KEN", "support", "CHN", None)}
    hospitality_only = _stances(registry, """\
        Wang Yi holds talks with Kenyan FM

        BEIJING, March 4 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Kenyan Foreign Minister Alfred Mutua in Beijing on Monday, March 4, 2024.

        Mutua appreciated the warm hospitality of the Chinese side.
        """)
    assert hospitality_only == set()


def test_praise_of_a_courtesy_is_no_stance_in_french(registry):
    stances = _stances(registry, """\
        Wang Yi s'entretient avec la ministre sénégalaise des Affaires étrangères

        PÉKIN, 4 mars 2024 (Xinhua) -- Le ministre chinois des Affaires étrangères Wang Yi s'est entretenu lundi à Pékin avec la ministre sénégalaise des Affaires étrangères, Aïssata Tall Sall.

        Mme Tall Sall a salué l'accueil chaleureux de la partie chinoise.
        """, lang="fr")
    assert stances == set()


_SENEGAL = """\
    Wang Yi holds talks with Senegalese FM

    BEIJING, March 4 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Senegalese Foreign Minister Aissata Tall Sall in Beijing on Monday, March 4, 2024.

    """


def test_the_party_named_before_what_is_opposed_commits_it(registry):
    # "opposes US interference", "the United States' unilateral sanctions": the party that
    # interferes is opposed, never backed by an "against" reading (a sign flip)
    interference = _stances(registry, _SENEGAL + "Wang said China firmly opposes US interference in Senegal's internal affairs.\n")
    assert ("CHN", "oppose", "USA", "Non-interference") in interference
    assert not any(target == "USA" and stance == "support" for _, stance, target, _ in interference)
    sanctions = _stances(registry, _SENEGAL + "Wang said China opposes the United States' unilateral sanctions against Senegal.\n")
    assert ("CHN", "oppose", "USA", "Multilateralism") in sanctions
    # with no party before it, opposing unilateral sanctions still backs multilateralism
    assert ("CHN", "support", None, "Multilateralism") in _stances(registry, _SENEGAL + "Wang said China opposes unilateral sanctions.\n")


def test_opposing_the_taiwan_authorities_backs_china(registry):
    # the Taiwan authorities' conduct is what China's position rejects: opposing it backs China
    stances = _stances(registry, _SENEGAL + "Tall Sall said Senegal opposes the Taiwan authorities' separatist activities.\n")
    assert stances == {("SEN", "support", "CHN", "Taiwan")}


def test_praise_of_a_courtesy_is_no_stance_in_chinese(registry):
    stances = _stances(registry, """\
        王毅同肯尼亚外长穆图亚会谈

        2024年3月4日，外交部长王毅在北京同肯尼亚外长穆图亚举行会谈。

        穆图亚赞赏中方的热情接待。
        """, lang="zh")
    assert stances == set()


def test_a_capitalised_cue_inside_a_name_is_no_stance(registry):
    # "the Multinational Security Support Mission": the capitalised "Support" names the mission,
    # so the state where it serves is backed by no one
    stances = _stances(registry, """\
        Blinken meets Kenyan Foreign Minister

        WASHINGTON, March 4, 2024 - Secretary of State Antony Blinken met with Kenyan Foreign Minister Musalia Mudavadi in Washington on Monday.

        The Secretary commended Kenya's leadership of the Multinational Security Support mission in Haiti.
        """)
    assert stances == {("USA", "support", "KEN", None)}
