"""A JSONL file read in byte ranges gives the documents, and the `file:line` names, of reading it whole."""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cleaner.io import Document, Fields, Source
from cleaner.shards import Shard, newlines, planned, shard_documents, shards_of
from cleaner.streams import documents

LIMIT = 40  # max_bytes: longer lines are reported, not read


def now(fn: Any, *args: Any) -> Any:
    """`defer` that runs at once, in this process."""
    return fn(*args)


def read_in_pieces(source: Source, size: int) -> list[Document]:
    return [
        doc for shard, before in planned(source, size, now) for doc in shard_documents(shard, Fields(), LIMIT, before)
    ]


def read_whole(source: Source) -> list[Document]:
    return list(documents(source, Fields(), LIMIT, None))


def as_read(docs: list[Document]) -> list[tuple[str, object, str | None]]:
    return [(doc.name, doc.data, doc.problem) for doc in docs]


def jsonl_file(folder: str, content: bytes) -> Source:
    path = Path(folder) / "in.jsonl"
    path.write_bytes(content)
    return Source(path, PurePath("in.jsonl"), "jsonl")


lines = st.one_of(
    st.builds(lambda n: f'{{"text": "{"w" * n}"}}', st.integers(0, 60)),  # some past LIMIT
    st.sampled_from(["", "   ", "{broken", '{"text": 3}', '{"html": "<p>x</p>"}\r']),
)


@given(st.lists(lines, max_size=30), st.booleans(), st.integers(1, 120))
def test_any_cut_reads_every_line_once_under_its_own_number(rows: list[str], ends: bool, size: int) -> None:
    content = "\n".join(rows).encode() + (b"\n" if ends and rows else b"")
    with tempfile.TemporaryDirectory() as folder:
        source = jsonl_file(folder, content)
        assert as_read(read_in_pieces(source, size)) == as_read(read_whole(source))


def test_pieces_are_fixed_byte_ranges_and_count_their_newlines(tmp_path: Path) -> None:
    source = jsonl_file(str(tmp_path), b'{"text": "a"}\n' * 10)  # 140 bytes
    pieces = shards_of(source, 50)
    assert [(p.start, p.end) for p in pieces] == [(0, 50), (50, 100), (100, None)]
    assert [newlines(p) for p in pieces] == [3, 4, 3]
    assert pieces[1].name == f"{tmp_path / 'in.jsonl'} (bytes 50-100)"
    assert [before for _, before in planned(source, 50, now)] == [0, 3, 7]


def test_small_compressed_or_warc_files_are_one_piece(tmp_path: Path) -> None:
    small = jsonl_file(str(tmp_path), b'{"text": "a"}\n')
    packed = Source(tmp_path / "in.jsonl.gz", PurePath("in.jsonl.gz"), "jsonl", ".gz")
    crawl = Source(tmp_path / "c.warc", PurePath("c.warc"), "warc")
    assert [shards_of(s, 14) for s in (small, packed, crawl)] == [[Shard(small)], [Shard(packed)], [Shard(crawl)]]


def test_a_piece_whose_file_went_missing_is_reported_as_that_piece(tmp_path: Path) -> None:
    source = Source(tmp_path / "gone.jsonl", PurePath("gone.jsonl"), "jsonl")
    piece = Shard(source, 100, 200)
    assert newlines(piece) == 0
    [doc] = shard_documents(piece, Fields(), LIMIT, 7)
    assert doc.name == f"{tmp_path / 'gone.jsonl'} (bytes 100-200)"
    assert doc.problem == "cannot read: No such file or directory"
