"""Helpers shared by the per-language extraction tests: extract a readout written inline and
read back its participants and stances. Import into a test module:
``from readouts import extract_text, people, stances``."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def extract_text(registry, text: str, lang: str | None = None):
    return extract(Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang), registry)


def people(extraction) -> dict[str, tuple[str, set[str], str | None]]:
    """name -> (country, role codes, name as written) of every participant."""
    return {p.name: (p.country, set(p.roles), p.written) for e in extraction.events for p in e.participants}


def stances(extraction) -> set[tuple]:
    return {(e.endorser, e.stance, e.target, e.topic) for e in extraction.endorsements}


# the opening of one readout (headline, dateline, lead) in each language, a call of Xi Jinping and
# Kassym-Jomart Tokayev on 10 June 2022, that a stance test's own sentences follow
XI_TOKAYEV_CALL = {
    "en": "Xi Jinping Holds Phone Call with Kazakh President Tokayev\n\nBEIJING, June 10, 2022 - President Xi Jinping "
          "held a phone call with Kazakh President Kassym-Jomart Tokayev on Friday.\n\n",
    "fr": "Entretien téléphonique entre Xi Jinping et Kassym-Jomart Tokaïev\n\nPékin, 10 juin 2022 - Le président "
          "chinois Xi Jinping a eu vendredi un entretien téléphonique avec le président kazakh Kassym-Jomart Tokaïev.\n\n",
    "es": "Xi Jinping conversa por teléfono con el presidente de Kazajistán\n\nPekín, 10 de junio de 2022 - El presidente "
          "chino, Xi Jinping, conversó por teléfono el viernes con el presidente de Kazajistán, Kassym-Jomart Tokayev.\n\n",
    "de": "Xi Jinping telefoniert mit Kasachstans Präsident Tokajew\n\nPeking, 10. Juni 2022 - Der chinesische Staatspräsident Xi Jinping "
          "hat am Freitag mit dem kasachischen Präsidenten Kassym-Schomart Tokajew telefoniert.\n\n",
    "ja": "習近平国家主席がカザフスタンのトカエフ大統領と電話会談\n\n北京、2022年6月10日 - 中国の習近平国家主席は10日、"
          "カザフスタンのトカエフ大統領と電話会談を行った。\n\n",
    "zh": "习近平同哈萨克斯坦总统托卡耶夫通电话\n\n新华社北京2022年6月10日电 国家主席习近平10日同哈萨克斯坦总统托卡耶夫通电话。\n\n",
}


def stances_after(registry, heads: dict[str, str], lang: str, body: str) -> set[tuple]:
    """The stances of a readout made of ``heads[lang]`` (its opening) and ``body``."""
    return stances(extract_text(registry, heads[lang] + body + "\n", lang))
