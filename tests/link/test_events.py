from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.link.events import (
    MIN_EVIDENCE,
    Blocks,
    Cluster,
    Features,
    _contradicts,
    _evidence,
    cluster_mentions,
    date_interval,
)
from tests.link.builders import mention

COUNTRIES = {"place:kerman": "IR", "place:moscow": "RU", "place:hall": None}


def features(m):
    country = COUNTRIES.get(m.location_key or "")
    return Features(
        interval=date_interval(m.date),
        places=frozenset({m.location_key} if m.location_key else ()),
        countries=frozenset({country} if country else ()),
        participants=frozenset(),
    )


def cluster(new, existing=None):
    return cluster_mentions(existing or {}, new, features_of=features, document_order=["a", "b"], window_days=3)


def test_same_place_and_day_in_two_reports_is_one_event():
    assignments, _ = cluster([mention("a", 10, day="2024-01-03", place="Kerman"), mention("b", 5, month="2024-01", place="Kerman")])
    assert len(set(assignments.values())) == 1


def test_different_countries_are_never_one_event():
    assignments, _ = cluster([mention("a", 10, day="2024-03-22", place="Moscow"), mention("b", 5, day="2024-03-22", place="Kerman")])
    assert len(set(assignments.values())) == 2


def test_dates_months_apart_are_different_events():
    assignments, _ = cluster([mention("a", 10, day="2024-01-03", place="Kerman"), mention("b", 5, day="2024-03-22", place="Kerman")])
    assert len(set(assignments.values())) == 2


def test_definite_bare_mention_continues_the_latest_event_of_its_type():
    first = mention("a", 10, day="2024-03-22", place="Moscow")
    bare = mention("a", 200, text="Many people died in the attack.")
    assignments, _ = cluster([first, bare])
    assert assignments[first.id] == assignments[bare.id]


def test_indefinite_bare_mention_in_another_sentence_starts_its_own_event():
    first = mention("a", 10, day="2024-03-22", place="Moscow")
    other = mention("a", 200, text="Police foiled an attack elsewhere.")
    assignments, _ = cluster([first, other])
    assert assignments[first.id] != assignments[other.id]


def test_new_reports_join_existing_events_without_relinking_them():
    old = mention("a", 10, day="2024-01-03", place="Kerman")
    assignments, touched = cluster([mention("b", 5, day="2024-01-03", place="Kerman")], existing={"ev-old": [old]})
    assert set(assignments.values()) == {"ev-old"} and touched == {"ev-old"}


def test_blocking_compares_a_new_cluster_only_with_events_it_could_join():
    blocks = Blocks(window_days=3)
    near, far, undated_here, undated_elsewhere = (
        Cluster(id=i, type="ASSAULT") for i in ("near", "far", "undated-here", "undated-elsewhere")
    )
    for cluster, day in ((near, "2024-03-22"), (far, "2023-01-01")):
        m = mention("a", 1, day=day)
        cluster.add(m, features(m))
    for cluster, place in ((undated_here, "Moscow"), (undated_elsewhere, "Kerman")):
        m = mention("a", 2, place=place)
        cluster.add(m, features(m))
    for c in (near, far, undated_here, undated_elsewhere):
        blocks.add(c)
    new = Cluster(id="new", type="ASSAULT")
    m = mention("b", 1, day="2024-03-23", place="Moscow")
    new.add(m, features(m))
    # an undated event can reach the evidence needed only through a shared place or participant
    assert {c.id for c in blocks.candidates(new)} == {"near", "undated-here"}


def test_a_dated_cluster_skips_events_of_its_place_dated_in_other_weeks():
    blocks = Blocks(window_days=3)
    for day in range(100):  # a city's year of shootings
        event = Cluster(id=f"old-{day:03d}", type="ASSAULT")
        m = mention("a", 1, day=(date(2023, 1, 1) + timedelta(days=day)).isoformat(), place="Moscow")
        event.add(m, features(m))
        blocks.add(event)
    new = Cluster(id="new", type="ASSAULT")
    m = mention("b", 1, day="2023-02-15", place="Moscow")
    new.add(m, features(m))
    assert len(blocks.candidates(new)) < 30  # the weeks around its day, not the whole year


_DAY = st.integers(0, 60).map(lambda d: date(2024, 1, 1) + timedelta(days=d))
_INTERVAL = st.one_of(
    _DAY.map(lambda d: (d, d, "day")),
    _DAY.map(lambda d: (d.replace(day=1), d.replace(day=28), "month")),
    st.just((date(2020, 1, 1), date(2029, 12, 31), "decade")),
)
_CLUSTER = st.builds(
    lambda intervals, places, countries, participants: Cluster(
        id="", type="ASSAULT", intervals=intervals, places=places, countries=countries, participants=participants
    ),
    st.lists(_INTERVAL, max_size=2, unique=True),
    st.sets(st.sampled_from(["place:a", "place:b", "place:c"]), max_size=2),
    st.sets(st.sampled_from(["IR", "RU"]), max_size=1),
    st.sets(st.sampled_from(["person:x", "org:y"]), max_size=1),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLUSTER, min_size=1, max_size=6), _CLUSTER)
def test_blocks_never_hide_an_event_the_cluster_could_join(indexed, new):
    blocks = Blocks(window_days=3)
    for number, cluster in enumerate(indexed):
        cluster.id = f"ev-{number}"
        blocks.add(cluster)
    new.id = "new"
    found = {c.id for c in blocks.candidates(new)}
    joinable = {c.id for c in indexed if not _contradicts(new, c, 3) and _evidence(new, c, 3) >= MIN_EVIDENCE}
    assert joinable <= found


def test_a_coarsely_dated_cluster_finds_events_of_its_country():
    blocks = Blocks(window_days=3)
    event = Cluster(id="dated", type="ASSAULT")
    m = mention("a", 1, day="2024-03-22", place="Kerman")
    event.add(m, features(m))
    blocks.add(event)
    decade = Cluster(id="new", type="ASSAULT", intervals=[(date(2020, 1, 1), date(2029, 12, 31), "decade")],
                     countries={"IR"})
    assert [c.id for c in blocks.candidates(decade)] == ["dated"]
    decade.countries = {"RU"}
    assert blocks.candidates(decade) == []
