"""A small hand-built ledger about the fictional Halvik bombing (see examples/corpus/)."""

import pytest

from crosswire.records import (
    Conflict,
    ConflictValue,
    Event,
    EventDate,
    EventLocation,
    EventMentionRef,
    EventParticipant,
    Ledger,
    LedgerDocument,
    MentionAttribution,
    ReportedCount,
    Skipped,
)

WIRE = "HALVIK, Veldris - A bomb exploded in the market on Monday. At least 27 people were killed, Varela said."
POST = "PORT ANSELM - 31 people died, according to the health ministry. The Northern Front claimed the attack."
RADIO = "HALVIK - Police arrested five suspects on Wednesday. The group denied any involvement."


def _doc(id, source, published, text, title=None, url=None):
    return LedgerDocument(
        id=id, source=source, title=title or f"{source} report", published=published, url=url,
        path=f"corpus/{id}.txt", text=text,
    )  # fmt: skip


def mention(document, text, sentence, trigger, *, source, modality="asserted", speaker=None, via=None, origin=None):
    """A mention whose offsets point at `trigger` inside `sentence` inside the document `text`."""
    start = text.index(sentence) + sentence.index(trigger)
    return EventMentionRef(
        id=f"{document}:{start}", document=document, sentence=0, start=start, end=start + len(trigger),
        text=sentence, trigger=trigger, modality=modality, source=source, origin=origin or document,
        attribution=MentionAttribution(speaker=speaker, speaker_kind="named" if speaker else "none", via=via),
    )  # fmt: skip


def count(kind, value, document, text, *, low=None, speaker=None):
    return ReportedCount(
        kind=kind, value=value, low=low, document=document, speaker=speaker, text=text, start=0, end=len(text)
    )


def build_ledger() -> Ledger:
    """Four events (one undated), one conflict, three documents, one skipped file."""
    documents = (
        _doc("d-wire", "Meridian Daily", "2025-03-03", WIRE, url="https://meridian-daily.example/halvik"),
        _doc("d-post", "Veldris Post", "2025-03-04", POST),
        _doc("d-radio", "Eastgate Radio", "2025-03-05", RADIO),
    )
    bombing = Event(
        id="ev-bombing",
        type="ASSAULT",
        mode="bombing",
        summary="Bombing of the Halvik covered market",
        date=EventDate(start="2025-03-03", end="2025-03-03", precision="day", text="on Monday"),
        location=EventLocation(name="Halvik", country="VD"),
        participants=(
            EventParticipant(entity="e-nf", name="Northern Front", role="actor"),
            EventParticipant(entity=None, name="shoppers", role="victim"),
        ),
        counts=(
            count("killed", None, "d-wire", "At least 27", low=27, speaker="Dana Varela"),
            count("killed", 31, "d-post", "31 people", speaker="health ministry"),
        ),
        mentions=(
            mention("d-wire", WIRE, "A bomb exploded in the market on Monday.", "exploded", source="Meridian Daily"),
            mention(
                "d-post", POST, "31 people died, according to the health ministry.", "died",
                source="Veldris Post", modality="reported", speaker="health ministry", via="Northwire",
            ),
        ),
        independent_sources=2,
        origins=("d-wire", "d-post"),
        status="corroborated",
    )
    claim = Event(
        id="ev-claim",
        type="CLAIM",
        summary="Northern Front claims the bombing",
        date=EventDate(start="2025-03-01", end="2025-03-31", precision="month", text="in March"),
        mentions=(
            mention(
                "d-post", POST, "The Northern Front claimed the attack.", "claimed",
                source="Veldris Post", modality="claimed",
            ),
            mention(
                "d-radio", RADIO, "The group denied any involvement.", "denied",
                source="Eastgate Radio", modality="denied",
            ),
        ),
        independent_sources=2,
        status="contested",
    )
    arrests = Event(
        id="ev-arrests",
        type="ARREST",
        summary="Five suspects arrested",
        date=EventDate(start="2025-03-05", end="2025-03-07", precision="day", text="two days after the bombing"),
        counts=(count("arrested", 5, "d-radio", "five suspects"),),
        mentions=(
            mention("d-radio", RADIO, "Police arrested five suspects on Wednesday.", "arrested", source="Eastgate Radio"),
        ),
        independent_sources=1,
        status="single-source",
    )
    undated = Event(
        id="ev-undated", type="PROTEST", summary="March in memory of the victims",
        independent_sources=1, status="single-source",
    )
    conflicts = (
        Conflict(
            event="ev-bombing",
            field="counts.killed",
            values=(
                ConflictValue(value="at least 27", documents=("d-wire",), speaker="Dana Varela"),
                ConflictValue(value="31", documents=("d-post",), speaker="health ministry"),
            ),
        ),
    )
    return Ledger(
        schema_version=1,
        generated_at="2025-03-14T12:00:00Z",
        documents=documents,
        entities=(),
        # Deliberately out of order: the timeline sorts.
        events=(undated, arrests, claim, bombing),
        conflicts=conflicts,
        skipped=(Skipped(path="corpus/broken.pdf", reason="corpus/broken.pdf: not UTF-8, HTML or JSONL."),),
    )


@pytest.fixture
def ledger() -> Ledger:
    return build_ledger()
