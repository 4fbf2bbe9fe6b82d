"""Source independence: near-duplicate and syndicated copies share one origin (MinHash + LSH).

Incremental: each linked report's LSH bands are stored, so a new report finds its candidate copies with
one query over the bands instead of an index rebuilt from every signature. Copy groups only grow, and a
group's origin is its first report, so merging the groups a new report reaches gives what grouping all
reports at once gives.
"""

from __future__ import annotations

import hashlib
import re
import struct

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy.cluster.hierarchy import DisjointSet

from crosswire.store import Store

NUM_PERM = 64
SCHEME = "affine64"  # stored signatures must be read back with the scheme that made them
SHINGLE_WORDS = 5
# Jaccard similarity of 5-word shingles above which two texts are one story copied (wire copy, reposts).
COPY_THRESHOLD = 0.6
# A brief cut down from a longer copy shares little of the whole (Jaccard ~0.5 for half) but nearly all
# of its own shingles lie inside the longer text: containment above this, with Jaccard above the
# candidate floor, is a copy too.
CONTAINMENT_THRESHOLD = 0.75
CANDIDATE_THRESHOLD = 0.2
_WORD = re.compile(r"\w+")
_PAIRS_AT_ONCE = 20_000  # candidate pairs compared in one array operation: ~20 MB of signatures
# The LSH layout (bands of rows) datasketch picks for the candidate threshold: stored bands must use it.
_LAYOUT = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LAYOUT.b, _LAYOUT.r
# Drawn once: a MinHash made without them draws them again, which cost more than its count (or than hashing
# a report's shingles).
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> list[int]:
    """A MinHash signature of the text's word shingles, stored with the document."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch([s.encode() for s in shingles])
    return minhash.hashvalues.tolist()  # plain ints, as the store takes them


def copy_groups(signatures: dict[str, list[int]], order: list[str]) -> dict[str, str]:
    """Map each document to its origin: the first document (in `order`) of its group of copies.

    The in-memory form of `link_origins` (same candidates, same `is_copy`), for a folder scored at once
    (`crosswire eval syndication`) rather than a store grown report by report.
    """
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    for doc_id in order:
        hashes[doc_id] = MinHash(num_perm=NUM_PERM, hashvalues=signatures[doc_id], scheme=SCHEME)
        lsh.insert(doc_id, hashes[doc_id])
    groups = DisjointSet(order)
    for doc_id in order:
        for other in lsh.query(hashes[doc_id]):
            if other != doc_id and is_copy(hashes[doc_id], hashes[other]):
                groups.merge(doc_id, other)
    rank = {d: i for i, d in enumerate(order)}
    return _first_of_each(groups, key=rank.__getitem__)


def is_copy(a: MinHash, b: MinHash) -> bool:
    """Whether two texts are one story copied: near-identical, or the shorter one cut from the longer."""
    jaccard = a.jaccard(b)
    if jaccard >= COPY_THRESHOLD:
        return True
    if jaccard < CANDIDATE_THRESHOLD:
        return False
    # |A & B| = J (|A| + |B|) / (1 + J), with the set sizes estimated from the signatures themselves.
    size_a, size_b = a.count(), b.count()
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return shared / min(size_a, size_b) >= CONTAINMENT_THRESHOLD


def copy_pairs(pairs: list[tuple[str, str]], signatures: dict[str, list[int]]) -> list[tuple[str, str]]:
    """The pairs that `is_copy` finds copies, tested as arrays a chunk of pairs at a time.

    A corpus that retells a few stories has candidate pairs by the hundred thousand (half a million
    for 2,000 bench reports), and `is_copy` on each cost most of the link. Each report's set size is
    estimated once (`MinHash.count`), and the Jaccard estimates and the containment test are the same
    float operations as `is_copy`'s, so the answer is the same.
    """
    if not pairs:
        return []
    ids = sorted({d for pair in pairs for d in pair})
    row = {d: i for i, d in enumerate(ids)}
    values = np.array([signatures[d] for d in ids], dtype=np.uint64)
    sizes = np.array([MinHash(hashvalues=signatures[d], scheme=SCHEME, permutations=_PERMUTATIONS).count() for d in ids])
    copies = []
    for start in range(0, len(pairs), _PAIRS_AT_ONCE):
        chunk = pairs[start : start + _PAIRS_AT_ONCE]
        a = np.array([row[x] for x, _ in chunk])
        b = np.array([row[y] for _, y in chunk])
        jaccard = np.count_nonzero(values[a] == values[b], axis=1) / float(NUM_PERM)
        shared = jaccard * (sizes[a] + sizes[b]) / (1 + jaccard)
        contained = shared / np.minimum(sizes[a], sizes[b]) >= CONTAINMENT_THRESHOLD
        copy = (jaccard >= COPY_THRESHOLD) | ((jaccard >= CANDIDATE_THRESHOLD) & contained)
        copies.extend(pair for pair, yes in zip(chunk, copy.tolist()) if yes)
    return copies


def copy_bands(signature: list[int]) -> list[tuple[int, int]]:
    """(band, bucket) of each LSH band of a signature: two reports sharing one are candidate copies."""
    return [
        (band, int.from_bytes(hashlib.blake2b(
            struct.pack(f"<{ROWS}Q", *signature[band * ROWS : (band + 1) * ROWS]), digest_size=8).digest(), "little"))
        for band in range(BANDS)
    ]


def link_origins(store: Store, documents: list[str]) -> dict[str, str]:
    """Give new documents their origins, moving old copies to a new first report; returns the origins that changed."""
    signatures = store.signatures(documents)
    store.add_copy_bands([(band, bucket, d) for d in documents for band, bucket in copy_bands(signatures[d])])
    pairs = store.sharing_bands(documents)
    signatures.update(store.signatures({other for _, other in pairs} - signatures.keys()))
    copies = copy_pairs(pairs, signatures)
    reached = store.origins({b for _, b in copies} - set(documents))
    before = store.copies_of(set(reached.values()))
    members = set(before) | set(documents)
    groups = DisjointSet(members)
    for a, b in [*before.items(), *copies]:
        groups.merge(a, b)
    published = store.document_dates(members)
    first = _first_of_each(groups, key=lambda d: (published[d] is None, published[d] or "", d))
    changed = {d: first[d] for d in members if before.get(d) != first[d]}
    store.set_origins(changed)
    return changed


def _first_of_each(groups: DisjointSet, key) -> dict[str, str]:
    """Each member mapped to the first member of its group (by `key`): the group's origin."""
    first: dict[str, str] = {}
    for members in groups.subsets():
        first.update(dict.fromkeys(members, min(members, key=key)))
    return first
