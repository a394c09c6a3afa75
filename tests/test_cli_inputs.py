"""`crossread brief` on good and bad inputs: one line per bad input, the rest still read."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.cli import main

GOOD_1 = ("Harbour crane collapses onto cargo ship\n\n"
          "A container crane collapsed onto a moored cargo ship early on Tuesday, the port "
          "authority said. Two dock workers were injured.\n")
GOOD_2 = ("A crane fell onto a ship in the north harbour on Tuesday morning, injuring two "
          "workers, officials said.\n\nThe quay was closed for the rest of the day.\n")
LATIN = "Le président du port a déclaré que la grue était tombée à Genève, près du café."
UTF16 = "The señor at the café said the crane’s fall was “naïve” engineering — déjà vu."
CONSOLE_SCRIPT = Path(sys.executable).with_name("crossread")


def _errors(stderr: str) -> list[str]:
    """stderr less the note on undated weekdays (test_cli), which these undated files earn."""
    return [line for line in stderr.splitlines() if "carry no publication date" not in line]


def _bad_folder(root: Path) -> Path:
    """Two good files, a latin-1 and a UTF-16 one, and an empty, a binary and a 50 MB file."""
    folder = root / "story"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD_1, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
                                         + bytes(range(256)) * 16)
    with (folder / "d-huge.txt").open("wb") as fh:  # sparse: instant, refused on its size
        fh.truncate(50 * 1024 * 1024)
    (folder / "e-good.txt").write_text(GOOD_2, encoding="utf-8")
    (folder / "f-latin1.txt").write_bytes(LATIN.encode("latin-1"))
    (folder / "g-utf16.txt").write_bytes(UTF16.encode("utf-16"))
    (folder / ".hidden.txt").write_bytes(b"\x00\x01 hidden files are skipped")
    return folder


BAD_LINES = {
    "b-empty.txt": "empty input",
    "c-image.png": "binary file, not text",
    "d-huge.txt": "too large: 50 MB, the limit is 20 MB (--max-size)",
}


def _check_folder_run(folder: Path, code: int, stdout: str, stderr: str) -> None:
    assert code == 0, stderr
    assert "Traceback" not in stdout + stderr
    doc = json.loads(stdout)
    arts = doc["articles"]
    names = [Path(a["source"]).name for a in arts]
    assert names == ["a-good.txt", "e-good.txt", "f-latin1.txt", "g-utf16.txt"]
    for art in arts:
        for key in ("text", "title", "outlet", "published", "external_id", "removed",
                    "sentences"):
            assert key in art
    assert arts[0]["text"] == GOOD_1
    assert arts[0]["title"] == "Harbour crane collapses onto cargo ship"
    assert arts[0]["outlet"] == "a-good"
    assert arts[1]["title"] is None
    assert arts[2]["text"] == LATIN
    assert arts[3]["text"] == UTF16
    assert all(a["sentences"] for a in arts)
    lines = _errors(stderr)
    assert lines == [f"crossread: {folder / name}: {msg}" for name, msg in BAD_LINES.items()]
    assert [(Path(e["source"]).name, e["message"]) for e in doc["errors"]] == list(
        BAD_LINES.items())


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv("CROSSREAD_DEBUG", raising=False)
    return CliRunner()


def test_folder_with_bad_files(runner: CliRunner, tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", str(folder)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _check_folder_run(folder, result.exit_code, result.stdout, result.stderr)


def test_folder_with_bad_files_subprocess(tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "CROSSREAD_DEBUG"}
    proc = subprocess.run(
        [str(CONSOLE_SCRIPT), "brief", "--fast", "--format", "json", str(folder)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )
    _check_folder_run(folder, proc.returncode, proc.stdout, proc.stderr)


def test_only_bad_inputs_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "data.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    result = runner.invoke(main, ["brief", "--fast", "--format", "json",
                                  str(empty), str(binary), str(missing)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"crossread: {empty}: empty input",
        f"crossread: {binary}: binary file, not text",
        f"crossread: {missing}: no such file or folder",
        "crossread: nothing could be read",
    ]
    assert "Traceback" not in result.output


def test_empty_folder_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    assert f"crossread: {tmp_path}: folder has no files to read" in result.stderr


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", "--date", "2017-11-13",
                                  "-"], input=GOOD_1.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    (art,) = json.loads(result.stdout)["articles"]
    assert art["source"] == "-"
    assert art["outlet"] == "stdin"
    assert art["text"] == GOOD_1
    assert art["published"] == "2017-11-13"
    assert result.stderr == ""


def test_stdin_latin1_subprocess() -> None:
    proc = subprocess.run(
        [str(CONSOLE_SCRIPT), "brief", "--fast", "--format", "json", "-"],
        input=LATIN.encode("latin-1"), capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    (art,) = json.loads(proc.stdout.decode("utf-8"))["articles"]
    assert art["text"] == LATIN


def test_empty_stdin_exit_1(runner: CliRunner) -> None:
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", "-"], input=b"")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["crossread: -: empty input",
                                          "crossread: nothing could be read"]


@pytest.mark.parametrize("codec", ["latin-1", "utf-16", "utf-16-le", "utf-8-sig"])
def test_encodings(runner: CliRunner, tmp_path: Path, codec: str) -> None:
    f = tmp_path / "story.txt"
    f.write_bytes(LATIN.encode(codec))
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", str(f)])
    assert result.exit_code == 0, result.stderr
    (art,) = json.loads(result.stdout)["articles"]
    assert art["text"] == LATIN
    assert "é" in art["text"] and "à" in art["text"]


def test_max_size_option(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    f.write_bytes((b"word " * 700_000)[: 3 * 1024 * 1024])  # 3 MB as --max-size counts them
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", "--max-size", "1",
                                  str(f)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"crossread: {f}: too large: 3 MB, the limit is 1 MB (--max-size)")


def test_a_very_long_page_is_compared_as_far_as_a_report_goes(runner: CliRunner,
                                                               tmp_path: Path) -> None:
    from crossread.analyse import MAX_SENTENCES

    f = tmp_path / "log.txt"
    f.write_text("\n".join(f"Line {k} of the log was written on Monday by the crane operator."
                           for k in range(MAX_SENTENCES + 100)), encoding="utf-8")
    g = tmp_path / "good.txt"
    g.write_text(GOOD_1)
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", str(f), str(g)])
    assert result.exit_code == 0
    (line,) = _errors(result.stderr)
    assert line == (f"crossread: {f}: very long: only its first {MAX_SENTENCES} sentences are "
                    "compared")
    doc = json.loads(result.stdout)
    assert [a["source"] for a in doc["articles"]] == [str(f), str(g)]
    # the page's text is all kept; its sentences stop at the cap
    assert doc["articles"][0]["text"].count("Line ") == MAX_SENTENCES + 100
    assert len(doc["articles"][0]["sentences"]) == MAX_SENTENCES


def test_private_url_refused_and_good_file_read(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "good.txt"
    f.write_text(GOOD_1)
    url = "http://10.0.0.1/story"
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", url, str(f)])
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"crossread: {url}: refused:") and "--allow-private" in line
    assert [a["source"] for a in json.loads(result.stdout)["articles"]] == [str(f)]


def test_date_option_and_json_metadata(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "wire.jsonl"
    f.write_text(json.dumps({"id": "w-1", "title": "Crane falls", "text": GOOD_2,
                             "source": "Wire", "published": "2024-03-05"}) + "\n"
                 + "{not json}\n"
                 + json.dumps({"id": "w-2", "text": GOOD_1, "url": "https://www.port.example/x"})
                 + "\n")
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", "--date", "2017-11-13",
                                  str(f)])
    assert result.exit_code == 0
    arts = json.loads(result.stdout)["articles"]
    assert [(a["external_id"], a["outlet"], a["published"]) for a in arts] == [
        ("w-1", "Wire", "2024-03-05"), ("w-2", "port.example", "2017-11-13")]
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"crossread: {f}:2: invalid JSON")


def test_unreachable_url_and_good_file(runner: CliRunner, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    f = tmp_path / "good.txt"
    f.write_text(GOOD_1)
    result = runner.invoke(main, ["brief", "--fast", "--format", "json", "--allow-private",
                                  "--timeout", "2", url, str(f)])
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"crossread: {url}: cannot fetch (")
    assert "Traceback" not in result.output
