"""German "ein Gespräch mit X führen" (held talks with X) is talks, as "Gespräche führen" is."""

from __future__ import annotations

from readouts import extract_text as _extract

# team-written, in the style of an embassy's news page
TALKS = ("Außenminister treffen sich in Berlin\n\n"
         "Bundesaußenminister Frank-Walter Steinmeier hat am 3. März 2016 in Berlin ein Gespräch mit "
         "seinem französischen Amtskollegen Jean-Marc Ayrault geführt. Beide Minister sprachen über die "
         "Lage in Syrien.")


def test_a_conversation_held_with_a_counterpart_is_talks(registry):
    events = _extract(registry, TALKS).events
    assert [(e.type, e.date, sorted(p.country for p in e.participants)) for e in events] == [
        ("talks", "2016-03-03", ["DEU", "FRA"])]
