"""Copies found as arrays give the answer of `is_copy` pair by pair; candidate pairs come once."""

from __future__ import annotations

import random

from datasketch import MinHash

from crosswire.link.sources import NUM_PERM, SCHEME, copy_bands, copy_pairs, is_copy, signature
from crosswire.store import Store


def _texts(count: int) -> list[str]:
    """Reports cut from one story (copies, briefs, and ones sharing too little), plus unrelated ones."""
    rng = random.Random(7)
    story = [f"word{rng.randrange(400)}" for _ in range(300)]
    texts = []
    for _ in range(count):
        start, length = rng.randrange(150), rng.choice((40, 80, 150, 300))
        words = story[start : start + length]
        if rng.random() < 0.3:
            words = [w if rng.random() < 0.8 else f"other{rng.randrange(9999)}" for w in words]
        texts.append(" ".join(words))
    return texts


def test_copy_pairs_are_the_pairs_is_copy_finds():
    signatures = {f"d{i}": signature(text) for i, text in enumerate(_texts(40))}
    pairs = [(a, b) for a in signatures for b in signatures if a < b]
    hashes = {d: MinHash(num_perm=NUM_PERM, hashvalues=s, scheme=SCHEME) for d, s in signatures.items()}
    expected = [(a, b) for a, b in pairs if is_copy(hashes[a], hashes[b])]
    assert 0 < len(expected) < len(pairs)  # copies and non-copies, near both thresholds
    assert copy_pairs(pairs, signatures) == expected


def test_a_pair_of_two_new_reports_comes_once_and_a_pair_with_an_old_one_from_the_new_side(tmp_path):
    texts = _texts(12)
    with Store.open(tmp_path / "ledger.duckdb") as store:
        rows = [(band, bucket, f"d{i:02d}") for i, text in enumerate(texts) for band, bucket in copy_bands(signature(text))]
        store.add_copy_bands(rows)
        every = set(store.connection.execute(
            "SELECT DISTINCT n.document, o.document FROM copy_bands n JOIN copy_bands o"
            " ON n.band = o.band AND n.bucket = o.bucket AND n.document <> o.document"
        ).fetchall())
        new = [f"d{i:02d}" for i in range(6, 12)]
        pairs = store.sharing_bands(new)
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == {(a, b) for a, b in every if a in new and (b not in new or a < b)}
    assert any(b not in new for _, b in pairs) and any(b in new for _, b in pairs)
