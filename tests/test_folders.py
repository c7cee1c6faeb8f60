"""Folders: text, HTML, JSONL and WARC files are read by default; anything else is skipped, counted and
named in the summary; `--glob` narrows; a saved page's resource folder is passed over as one."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from news_pages import STORY_TEXT, news_page
from tracker.archive import FolderListing, folder_files, read_paths
from tracker.article import Article, ReadError
from tracker.cli import cli, skipped_line


def archive_folder(root):
    """A journalist's folder: notes, a feed, a page saved with its resources, and files of other kinds."""
    (root / "2021").mkdir(parents=True)
    (root / "notes.txt").write_text('date 2021-06-08\n"The arch is sound," engineer Cato Rill said.', encoding="utf-8")
    (root / "feed.jsonl").write_text(json.dumps({"id": "f1", "text": "Officials said the road was open."}) + "\n",
                                     encoding="utf-8")
    (root / "2021" / "quarry.html").write_text(news_page(), encoding="utf-8")
    resources = root / "2021" / "quarry_files"
    resources.mkdir()
    (resources / "ad-frame.html").write_text("<html><body><p>Win a cruise! Click here now.</p></body></html>",
                                             encoding="utf-8")
    (resources / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "2021" / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x00")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (root / ".git" / "objects").mkdir(parents=True)
    (root / ".git" / "objects" / "3f2a9c").write_bytes(b"x\x01\x00")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return root


def test_a_folder_reads_every_kind_and_names_what_it_skips(tmp_path):
    root = archive_folder(tmp_path / "archive")
    skipped = []
    items = list(read_paths([str(root)], skipped=skipped))
    assert all(isinstance(item, Article) for item in items), items
    assert sorted(item.id for item in items) == sorted(["notes.txt", "f1", "2021/quarry.html"])
    assert [item.text for item in items if item.id.endswith("quarry.html")] == [STORY_TEXT]
    assert skipped == [str(root / "2021" / "scan.pdf"), str(root / "photo.jpg"),
                       f"{root / '2021' / 'quarry_files'}/ (a saved page's resources)"]


def test_glob_narrows_and_what_it_leaves_out_is_not_skipped(tmp_path):
    root = archive_folder(tmp_path / "archive")
    resources = f"{root / '2021' / 'quarry_files'}/ (a saved page's resources)"
    assert folder_files(root, "*.html") == FolderListing([root / "2021" / "quarry.html"], [resources])
    assert folder_files(root, "*.txt") == FolderListing([root / "notes.txt"], [])
    assert folder_files(root, "*.pdf") == FolderListing([], [str(root / "2021" / "scan.pdf")])


def test_a_folder_named_like_resources_without_its_page_is_read(tmp_path):
    (tmp_path / "old_files").mkdir()
    (tmp_path / "old_files" / "story.txt").write_text("Kalin said the deal holds.", encoding="utf-8")
    assert folder_files(tmp_path) == FolderListing([tmp_path / "old_files" / "story.txt"], [])


def test_a_file_given_by_name_is_read_whatever_its_suffix(tmp_path):
    path = tmp_path / "wire.story"
    path.write_text('"The arch is sound," engineer Cato Rill said.', encoding="utf-8")
    skipped = []
    assert [item.text for item in read_paths([str(path)], skipped=skipped)] == [path.read_text(encoding="utf-8")]
    assert skipped == []


def test_the_summary_counts_and_names_skipped_files(tmp_path):
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "a.txt").write_text('"The arch is sound," engineer Cato Rill said.', encoding="utf-8")
    (root / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "c.docx").write_bytes(b"PK\x03\x04\x00")
    result = CliRunner().invoke(cli, ["ingest", str(root), "--db", str(tmp_path / "claims.db")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"skipped 2 (not text, HTML, JSONL, Parquet or WARC files): {root / 'b.png'}, {root / 'c.docx'}"
    assert "1 article(s) ingested" in result.stdout


def test_a_long_list_of_skipped_files_is_cut_with_a_count():
    names = [f"img{n:02}.png" for n in range(25)]
    line = skipped_line(names, shown=3)
    assert line == "skipped 25 (not text, HTML, JSONL, Parquet or WARC files): img00.png, img01.png, img02.png and 22 more"


def lock(monkeypatch, folder):
    """Listing ``folder`` fails as it does without read permission (which chmod cannot take from root)."""
    scandir = os.scandir

    def refusing(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)
    monkeypatch.setattr(os, "scandir", refusing)


def test_an_unreadable_sub_folder_is_an_error_naming_it(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "story.txt").write_text("Kalin said the deal holds.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Mara said the road is open.", encoding="utf-8")
    lock(monkeypatch, tmp_path / "locked")
    items = list(read_paths([str(tmp_path)]))
    assert items[0] == ReadError(str(tmp_path / "locked"), "unreadable folder (Permission denied)")
    assert [item.id for item in items[1:]] == ["open.txt"]


def test_ingest_counts_an_unreadable_sub_folder_as_a_failure(tmp_path, monkeypatch):
    (tmp_path / "inbox" / "locked").mkdir(parents=True)
    lock(monkeypatch, tmp_path / "inbox" / "locked")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "inbox"), "--db", str(tmp_path / "claims.db")])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'inbox' / 'locked'}: unreadable folder (Permission denied)" in result.stderr
    assert "1 error(s)" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_a_folder_without_read_permission_is_an_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert list(read_paths([str(tmp_path)])) == [ReadError(str(locked), "unreadable folder (Permission denied)")]
    finally:
        locked.chmod(0o755)
