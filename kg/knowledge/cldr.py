"""State names from the Unicode CLDR (shipped with babel), keyed by ISO 3166-1 alpha-3.

The registry's hand-written ``states.toml`` keeps only what CLDR lacks (adjectives, short
forms such as 中/哈, official long forms, historical names); the common name of every
state in every language comes from here, maintained by Unicode."""

from __future__ import annotations

from functools import lru_cache

import babel
import pycountry
from babel import Locale, UnknownLocaleError

__all__ = ["state_names", "alpha2", "DATA_VERSION", "LOCALES"]

# The CLDR locales read for each registry language: Chinese both simplified and traditional.
LOCALES: dict[str, tuple[str, ...]] = {"zh": ("zh", "zh_Hant"), "pt": ("pt", "pt_PT")}

# Part of the registry fingerprint: a new CLDR release can change names, hence the cache key.
DATA_VERSION = f"babel {babel.__version__}, pycountry {getattr(pycountry, '__version__', '?')}"


# Codes ISO leaves to its users that CLDR names all the same (Kosovo).
_USER_ASSIGNED = {"XKX": "XK"}


@lru_cache(maxsize=None)
def alpha2(alpha3: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of an alpha-3 one (None when neither ISO nor CLDR has one)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country is not None else _USER_ASSIGNED.get(alpha3)


@lru_cache(maxsize=None)
def _territories(locale: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(locale).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def state_names(alpha3: str, lang: str) -> list[str]:
    """CLDR's name of the state in ``lang`` (and in its other scripts), most common first."""
    code = alpha2(alpha3)
    if code is None:
        return []
    names = [_territories(locale).get(code) for locale in LOCALES.get(lang, (lang,))]
    return list(dict.fromkeys(name for name in names if name))
