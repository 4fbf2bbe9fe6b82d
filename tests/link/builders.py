"""Hand-made event mentions for link tests: no spaCy needed."""

from crosswire.records import Attribution, Count, EventMention, TimeValue


def mention(doc, start, trigger="attack", *, type="ASSAULT", day=None, month=None, place=None, text=None,
            counts=(), speaker=None, kind="none", modality="asserted"):
    date = None
    if day:
        date = TimeValue(start=0, end=5, text=day, sentence=0, value=day, earliest=day, latest=day, precision="day")
    elif month:
        date = TimeValue(start=0, end=5, text=month, sentence=0, value=month, earliest=f"{month}-01",
                         latest=f"{month}-28", precision="month")
    return EventMention(
        id=f"{doc}-{start}", document=doc, sentence=start, start=start, end=start + len(trigger), trigger=trigger,
        text=text or f"Something about an {trigger} here.", type=type, date=date, location=place,
        location_key=f"place:{place.lower()}" if place else None, counts=tuple(counts), modality=modality,
        attribution=Attribution(speaker=speaker, speaker_kind=kind),
    )


def killed(value, *, approximate=False, low=None, speaker=None):
    return Count(kind="killed", value=value, low=low, approximate=approximate, start=0, end=2, text=str(value),
                 sentence=0, speaker=speaker)
