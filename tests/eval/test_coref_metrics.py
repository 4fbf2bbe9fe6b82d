"""The metrics against the reference scorer's published test cases (conll/reference-coreference-scorers,
test/TestCases.README, v8.01): expected fractions copied from there, letters as mentions."""

import pytest

from crosswire.eval.coref_metrics import b_cubed, ceaf_e, clusters_from_labels, muc, score


def chains(text: str) -> list[frozenset[str]]:
    return [frozenset(part) for part in text.split()]


KEY_A = chains("a bc def")


@pytest.mark.parametrize(
    ("response", "muc_rp", "b3_rp", "ceafe_rp"),
    [
        ("a bc def", (1, 1), (1, 1), (1, 1)),  # TC-A-1
        ("a de", (1 / 3, 1), (7 / 18, 1), (0.6, 0.9)),  # TC-A-2: missing mentions
        ("a bcx defy z", (1, 3 / 5), (1, 55 / 108), (None, None)),  # TC-A-3: false alarms
        ("a bcx dy z", (1 / 3, 1 / 3), (5 / 9, 17 / 42), (2.2 / 3, 2.2 / 4)),  # TC-A-4
        ("a b c d e f", (0, 0), (3 / 6, 1), (None, None)),  # TC-A-10: all singletons
        ("abcdef", (1, 3 / 5), (1, 7 / 18), (None, None)),  # TC-A-11: all in one
        ("axycdez", (1 / 3, 1 / 6), (17 / 36, 6 / 49), (None, None)),  # TC-A-13
    ],
)
def test_metrics_match_reference_cases(response, muc_rp, b3_rp, ceafe_rp):
    got = chains(response)
    assert (muc(KEY_A, got).recall, muc(KEY_A, got).precision) == pytest.approx(muc_rp)
    assert (b_cubed(KEY_A, got).recall, b_cubed(KEY_A, got).precision) == pytest.approx(b3_rp)
    if ceafe_rp[0] is not None:
        assert (ceaf_e(KEY_A, got).recall, ceaf_e(KEY_A, got).precision) == pytest.approx(ceafe_rp)


def test_ceafe_false_alarms_tc_a_3():
    # common = 1 + 4/5 + 6/7 over 3 key and 4 response entities
    common = 1 + 4 / 5 + 6 / 7
    result = ceaf_e(KEY_A, chains("a bcx defy z"))
    assert (result.recall, result.precision) == pytest.approx((common / 3, common / 4))


@pytest.mark.parametrize(
    ("key", "response", "muc_f1", "b3_f1"),
    [
        ("12345 67 89ABC", "12345 6789ABC", 0.947368421, 0.864864865),  # TC-D-1 (B-cubed paper)
        ("12345 67 89ABC", "1234589ABC 67", 0.947368421, 0.736842105),  # TC-E-1
    ],
)
def test_merging_clusters_b_cubed_paper(key, response, muc_f1, b3_f1):
    assert muc(chains(key), chains(response)).f1 == pytest.approx(muc_f1)
    assert b_cubed(chains(key), chains(response)).f1 == pytest.approx(b3_f1)


@pytest.mark.parametrize(
    ("key", "response", "recall", "precision"),
    [
        ("ABCD", "AB CD", 2 / 3, 1),  # TC-F-1 (MUC paper)
        ("AB CD", "ABCD", 1, 2 / 3),  # TC-G-1
        ("BCDEGHJ", "ABC DEF GHI", 3 / 6, 3 / 6),  # TC-K-1
        ("ABC DEFG", "AB CD FGH", 2 / 5, 2 / 4),  # TC-L-1
    ],
)
def test_muc_paper_cases(key, response, recall, precision):
    result = muc(chains(key), chains(response))
    assert (result.recall, result.precision) == pytest.approx((recall, precision))


def test_conll_is_the_mean_of_the_three_f1():
    result = score(KEY_A, chains("a bcx dy z"))
    assert result.conll == pytest.approx((result.muc.f1 + result.b3.f1 + result.ceafe.f1) / 3)
    assert result.as_dict()["conll_f1"] == round(100 * result.conll, 2)


def test_clusters_from_labels_groups_by_label():
    assert sorted(map(sorted, clusters_from_labels({"a": 1, "b": 2, "c": 1}))) == [["a", "c"], ["b"]]
