"""Exact and near duplicates: labelled texts, the seeds' repeated verse, and an edited
copy of an article clustered with its original through the CLI."""

from __future__ import annotations

import random

import pyarrow as pa
import pyarrow.compute
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.config import DuplicateConfig
from flows.publish import signatures
from flows.publish.duplicates import find_duplicates, signature_duplicates
from flows.publish.signatures import SEED, document_signatures, normalized_words, signature_table
from flows.publish.signatures import shingles as _shingles
from tests.conftest import RAW, run_cli

CONFIG = DuplicateConfig()
SENTENCE = (
    "the party held a congress in moscow where delegates voted on a programme of reforms "
    "for workers unions and the press while police watched the square outside all day"
)
WORDS = SENTENCE.split(" ")


def _text(seed: int, n: int = 60) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def _clusters(records: list[tuple[str, str]]) -> dict[str, dict[str, tuple[str, float]]]:
    clusters: dict[str, dict[str, tuple[str, float]]] = {}
    for row in find_duplicates("block", records, CONFIG):
        clusters.setdefault(row["cluster_id"], {})[row["record_id"]] = (
            row["match"],
            row["similarity"],
        )
    return clusters


def test_exact_near_and_distinct_texts():
    original = _text(1, 200)
    words = original.split()
    edited = " ".join(w if i % 70 else "kremlin" for i, w in enumerate(words))
    records = [
        ("b3", original.upper().replace(" ", "  ,")),  # case and punctuation aside: exact
        ("b1", original),
        ("b2", edited),  # three words of 200 changed: near
        ("b4", _text(2)),  # other words: no cluster
        ("b5", "Short line repeated."),  # too few words to compare
        ("b6", "Short line repeated."),
    ]
    clusters = _clusters(records)
    assert list(clusters) == ["b1"]
    members = clusters["b1"]
    assert members["b1"] == ("exact", 1.0) and members["b3"] == ("exact", 1.0)
    match, similarity = members["b2"]
    assert match == "near" and CONFIG.threshold <= similarity < 1.0
    assert set(members) == {"b1", "b2", "b3"}


def test_rows_do_not_depend_on_input_order():
    records = [(f"b{i}", _text(i % 3, 40)) for i in range(12)]
    forward = list(find_duplicates("block", records, CONFIG))
    backward = list(find_duplicates("block", list(reversed(records)), CONFIG))
    assert forward == backward and len(forward) == 12


def test_a_document_carries_each_of_its_texts_minhash_once(monkeypatch):
    """Signatures as a batch writes them: within a document a repeated text's MinHash is
    on its first record only; across documents it is computed once but written in each;
    too short a text has none. Found from them, the rows are those of the texts."""
    hashed: list[list[str]] = []
    minhash = signatures.minhash_values
    monkeypatch.setattr(
        signatures,
        "minhash_values",
        lambda words, config: hashed.append(words) or minhash(words, config),
    )
    long, other = _text(1), _text(2)

    def document(doc_id: str, texts: list[str]) -> dict[str, list[dict[str, str]]]:
        blocks = [
            {"doc_id": doc_id, "block_id": f"{doc_id}.b{i}", "text": t} for i, t in enumerate(texts)
        ]
        return {"documents": [{"doc_id": doc_id, "text": "\n".join(texts)}], "blocks": blocks}

    known: signatures.Known = {}
    first = document_signatures(document("d1", [long, long, "Too short."]), CONFIG, known)
    second = document_signatures(document("d2", [other, long]), CONFIG, known)
    assert [(level, record) for _, level, record, _, _ in first] == [
        ("document", "d1"),
        ("block", "d1.b0"),
        ("block", "d1.b1"),
    ]
    assert [m is None for *_, m in first] == [False, False, True]
    assert [m is None for *_, m in second] == [False, False, False]
    assert len(hashed) == 4  # two documents' texts, `long` and `other`
    table = signature_table([first, second])
    blocks = table.filter(pa.compute.equal(table["level"], "block"))
    expected = find_duplicates(
        "block", [("d1.b0", long), ("d1.b1", long), ("d2.b0", other), ("d2.b1", long)], CONFIG
    )
    assert list(signature_duplicates("block", [blocks], CONFIG)) == list(expected)


def test_seed_verse_is_one_cluster(seed_release):
    rows = pq.read_table(seed_release / "data" / "duplicates.parquet").to_pylist()
    blocks = [row for row in rows if row["level"] == "block"]
    assert len({row["cluster_id"] for row in blocks}) == 1
    assert sorted(row["record_id"] for row in blocks) == [
        "26fea632ecc95b4c.p0001.b0034",  # the verse quoted in two articles of the digest
        "26fea632ecc95b4c.p0002.b0082",
    ]
    card = (seed_release / "README.md").read_text(encoding="utf-8")
    assert "| block | 1 | 1 | 0 | " in card.split("## Duplicates")[1]


def test_edited_copy_of_an_article_clusters_with_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    article = (RAW / "003_53b66d5e05b30e36.txt").read_text(encoding="utf-8")
    (raw / "original.txt").write_text(article, encoding="utf-8")
    edited = article.replace("elections", "votes", 2).replace("Moscow", "the capital", 1)
    assert edited != article
    (raw / "copy.txt").write_text(edited, encoding="utf-8")
    (raw / "other.txt").write_text(
        (RAW / "000_6979bae76ee3e673.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run_cli("build", "--raw", str(raw), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    release = tmp_path / "out" / "release"
    documents = pq.read_table(release / "data" / "documents.parquet").to_pylist()
    doc_of = {row["source_file"]: row["doc_id"] for row in documents}
    rows = pq.read_table(release / "data" / "duplicates.parquet").to_pylist()
    clustered = {row["record_id"]: row for row in rows if row["level"] == "document"}
    assert set(clustered) == {doc_of["original.txt"], doc_of["copy.txt"]}
    first, second = sorted(clustered)
    assert clustered[first]["similarity"] == 1.0
    assert clustered[second]["match"] == "near"
    assert clustered[second]["cluster_id"] == first
    assert 0.8 <= clustered[second]["similarity"] < 1.0


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=12), st.integers(1, 5))
def test_shingles_are_every_run_of_consecutive_words(words: list[str], size: int) -> None:
    expected = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    assert _shingles(words, size) == (expected if len(words) > size else [" ".join(words)])


def _in_memory_rows(records: list[tuple[str, str]]) -> list[tuple[str, str, str, float]]:
    """The definition, read with rensa's own in-memory LSH: every distinct text queries
    the ones before it; near pairs reach the threshold; clusters are their groups."""
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(
        threshold=CONFIG.threshold, num_perm=CONFIG.num_perm, num_bands=CONFIG.num_bands
    )
    texts: dict[str, int] = {}
    hashes: list[RMinHash] = []
    parent: list[int] = []
    kept = []
    for record_id, text in records:
        words = normalized_words(text)
        if len(words) < CONFIG.min_words:
            continue
        number = texts.setdefault(" ".join(words), len(hashes))
        if number == len(hashes):
            minhash = RMinHash(num_perm=CONFIG.num_perm, seed=SEED)
            minhash.update(_shingles(words, CONFIG.shingle_words))
            parent.append(number)
            for other in lsh.query(minhash):
                if minhash.jaccard(hashes[other]) >= CONFIG.threshold:
                    low, high = sorted((parent[number], parent[other]))
                    parent[:] = [low if label == high else label for label in parent]
            lsh.insert(number, minhash)
            hashes.append(minhash)
        kept.append((record_id, number))
    groups: dict[int, list[tuple[str, int]]] = {}
    for record_id, number in sorted(kept):
        groups.setdefault(parent[number], []).append((record_id, number))
    rows = []
    for group in sorted(found for found in groups.values() if len(found) > 1):
        root_id, root = group[0]
        for record_id, number in group:
            similarity = 1.0 if number == root else hashes[root].jaccard(hashes[number])
            rows.append((root_id, record_id, "exact" if number == root else "near", similarity))
    return rows


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3)), min_size=1, max_size=14))
def test_rows_match_an_in_memory_lsh(picks: list[tuple[int, int]]) -> None:
    """The scratch-database LSH gives the rows of rensa's in-memory one: texts are a few
    bases, each copied exactly or with 0-3 words changed, so every kind of pair occurs."""
    records = []
    for i, (base, changes) in enumerate(picks):
        words = _text(base, 40).split()
        for position in range(changes):
            words[7 * position + i % 7] = f"edit{i}"
        records.append((f"b{i:02d}", " ".join(words)))
    found = [
        (row["cluster_id"], row["record_id"], row["match"], row["similarity"])
        for row in find_duplicates("block", records, CONFIG)
    ]
    expected = [(*row[:3], round(row[3], 4)) for row in _in_memory_rows(records)]
    assert found == expected
