"""Source independence: near-duplicate and syndicated copies share one origin (MinHash + LSH)."""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

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


def signature(text: str) -> list[int]:
    """A MinHash signature of the text's word shingles, stored with the document."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode() for s in shingles])
    return [int(v) for v in minhash.hashvalues]


def copy_groups(signatures: dict[str, list[int]], order: list[str]) -> dict[str, str]:
    """Map each document to its origin: the first document (in `order`) of its group of copies."""
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    for doc_id in order:
        hashes[doc_id] = MinHash(num_perm=NUM_PERM, hashvalues=signatures[doc_id], scheme=SCHEME)
        lsh.insert(doc_id, hashes[doc_id])
    parent = {d: d for d in order}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    rank = {d: i for i, d in enumerate(order)}
    for doc_id in order:
        for other in lsh.query(hashes[doc_id]):
            if other != doc_id and is_copy(hashes[doc_id], hashes[other]):
                a, b = find(doc_id), find(other)
                if a != b:
                    first, second = sorted((a, b), key=rank.__getitem__)
                    parent[second] = first
    return {d: find(d) for d in order}


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
