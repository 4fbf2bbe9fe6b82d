from crosswire.records import MentionAttribution
from crosswire.report.highlight import highlight
from crosswire.report.index import LedgerIndex


def test_index_orders_events_and_counts_what_each_outlet_contributes(ledger):
    index = LedgerIndex(ledger)
    assert [e.id for e in index.events] == ["ev-claim", "ev-bombing", "ev-arrests", "ev-undated"]
    outlets = {o.name: o for o in index.outlets}
    assert outlets["Eastgate Radio"].events == 2 and outlets["Eastgate Radio"].sole_source == 1
    assert outlets["Veldris Post"].conflicts == 1 and dict(outlets["Veldris Post"].modalities) == {"reported": 1, "claimed": 1}


def test_index_finds_copies_from_shared_report_origins(ledger):
    bombing = next(e for e in ledger.events if e.id == "ev-bombing")
    copied = bombing.mentions[1].model_copy(update={"origin": "report:d-wire"})
    bombing = bombing.model_copy(update={"mentions": (bombing.mentions[0], copied)})
    index = LedgerIndex(ledger.model_copy(update={"events": tuple(bombing if e.id == "ev-bombing" else e for e in ledger.events)}))
    assert [(c.document.id, c.original.id) for c in index.copies] == [("d-post", "d-wire")]
    assert index.copy_of("d-post").id == "d-wire" and index.copy_of("d-wire") is None


def test_index_lists_what_an_entity_does_and_what_is_said_about_it(ledger):
    index = LedgerIndex(ledger)
    assert [(role, e.id) for role, e in index.roles_of_entity["e-nf"]] == [("actor", "ev-bombing")]
    assert [s.mention.document for s in index.statements_about("e-nf")] == ["d-wire", "d-post"]
    speaking = ledger.events[2].mentions[0].model_copy(
        update={"origin": "speaker:e-nf", "attribution": MentionAttribution(speaker="the Front", speaker_kind="named")}
    )
    claim = ledger.events[2].model_copy(update={"mentions": (speaking,)})
    index = LedgerIndex(ledger.model_copy(update={"events": (*ledger.events[:2], claim, ledger.events[3])}))
    assert [s.event.id for s in index.statements_by("e-nf")] == ["ev-claim"]


def test_highlight_keeps_every_character_and_marks_trigger_and_figure(ledger):
    index = LedgerIndex(ledger)
    document = index.document["d-radio"]
    runs = highlight(document, index)
    assert "".join(p.text for r in runs for p in r.pieces) == document.text
    marks = [(p.text, p.mark.kind) for r in runs for p in r.pieces if p.mark]
    assert ("arrested", "trigger") in marks and ("denied", "trigger") in marks
    assert [r.cited for r in runs].count(True) == 2


def test_highlight_drops_offsets_that_point_at_other_words(ledger):
    index = LedgerIndex(ledger)
    stale = ledger.documents[2].model_copy(update={"text": "Something else entirely. " + ledger.documents[2].text})
    runs = highlight(stale, index)
    assert "".join(p.text for r in runs for p in r.pieces) == stale.text
    assert not any(p.mark for r in runs for p in r.pieces)


def test_highlight_keeps_the_anchor_of_a_mark_that_overlaps_another(ledger):
    bombing = next(e for e in ledger.events if e.id == "ev-bombing")
    twin = bombing.mentions[0].model_copy(update={"id": "twin", "trigger": "explod", "end": bombing.mentions[0].end - 2})
    events = tuple(e.model_copy(update={"mentions": (*e.mentions, twin)}) if e.id == "ev-bombing" else e for e in ledger.events)
    index = LedgerIndex(ledger.model_copy(update={"events": events}))
    pieces = [p for r in highlight(index.document["d-wire"], index) for p in r.pieces if p.mark]
    assert [(p.text, p.also) for p in pieces if p.mark.kind == "trigger"] == [("exploded", ("m-twin",))]
