"""The command line: version, help, output files and option errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from crossread import __version__
from crossread.cli import main

STORY = "Crane falls at port\n\nA crane fell at the port on Tuesday, injuring two workers.\n"


def test_version_and_help():
    res = CliRunner().invoke(main, ["--version"])
    assert res.exit_code == 0 and __version__ in res.output
    res = CliRunner().invoke(main, ["brief", "--help"])
    assert res.exit_code == 0 and "--format" in res.output and "--date" in res.output


def test_output_file_format_from_extension_and_not_read_back(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(STORY)
    out = story / "brief.json"
    for _ in range(2):  # the second run must not read brief.json as an article
        res = CliRunner().invoke(main, ["brief", "--fast", "-q", str(story), "-o", str(out)])
        assert res.exit_code == 0, res.output
        doc = json.loads(out.read_text())
        assert [a["source"] for a in doc["articles"]] == [str(story / "a.txt")]
    md = tmp_path / "brief.md"
    res = CliRunner().invoke(main, ["brief", "--fast", str(story / "a.txt"), "-o", str(md)])
    assert res.exit_code == 0 and "*A crossread brief of 1 report:" in md.read_text()


def test_date_resolves_weekdays(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(STORY)
    res = CliRunner().invoke(main, ["brief", "--fast", "--format", "json", "--date",
                                    "2026-03-11", str(f)])
    doc = json.loads(res.stdout)
    (t,) = doc["articles"][0]["sentences"][0]["times"]
    assert (t["text"], t["value"]) == ("Tuesday", "2026-03-10")


def test_bad_date_is_a_one_line_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["brief", "--date", "14/11/2017", str(tmp_path)])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output and "Traceback" not in res.output


def test_undated_weekdays_are_pointed_out_once(tmp_path):
    # two reports naming days by weekday, without dates: the days cannot be set against each
    # other, and the user is told how to give the date; not with --date, not with -q
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text("Port crane collapse\n\nTwo workers were hurt when a crane "
                                    "fell at the port on Wednesday.\n")
    res = CliRunner().invoke(main, ["brief", "--fast", "--format", "json", str(tmp_path)])
    assert res.exit_code == 0
    assert res.stderr.strip().splitlines() == [
        '2 of 2 reports carry no publication date: the days they name by weekday ("on Monday") '
        "are not set against other reports' days; give --date YYYY-MM-DD if you know it"]
    for extra in (["--date", "2026-03-11"], ["-q"]):
        res = CliRunner().invoke(main, ["brief", "--fast", "--format", "json", *extra,
                                        str(tmp_path)])
        assert res.exit_code == 0 and res.stderr == ""
