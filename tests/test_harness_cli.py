"""python -m harness's command line: bad arguments are one line and exit 2 before anything runs;
the crosscheck report is claimed before the run and written whole, or the run says why not."""
import errno
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from harness.__main__ import build_parser, main
from harness.paths import copy_scenario

XOR = ROOT / "fixtures" / "scenarios" / "deep_xor.json"


def harness(*args):
    return subprocess.run([sys.executable, "-m", "harness", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "0.0", "soon", ""])
def test_crosscheck_refuses_a_timeout_that_is_not_a_positive_finite_number(value, capsys):
    # --timeout=VALUE: argparse takes a lone "-inf" for an option
    assert main(["crosscheck", "--langs", "python", f"--timeout={value}", str(XOR)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("harness: crosscheck: argument --timeout: must be a number of "
                            f"seconds > 0 and finite, not {value!r}\n")


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_crosscheck_refuses_an_empty_language_list(value, capsys):
    assert main(["crosscheck", f"--langs={value}", str(XOR)]) == 2
    assert capsys.readouterr().err == ("harness: crosscheck: argument --langs: no language "
                                       "given (known: python, r, octave)\n")


def test_an_unknown_language_and_an_unknown_option_are_one_line(capsys):
    assert main(["crosscheck", "--langs", "python,julia"]) == 2
    assert capsys.readouterr().err == ("harness: crosscheck: argument --langs: unknown language "
                                       "julia (known: python, r, octave)\n")
    assert main(["crosscheck", "--nope"]) == 2
    assert capsys.readouterr().err == "harness: crosscheck: unrecognized arguments: --nope\n"
    assert main(["gradcheck", "--nope\x1b[31m"]) == 2  # echoed escaped, on one line
    assert capsys.readouterr().err == ("harness: gradcheck: unrecognized arguments: "
                                       "--nope\\x1b[31m\n")
    assert main(["frobnicate"]) == 2
    assert capsys.readouterr().err.startswith("harness: argument command: invalid choice: "
                                              "'frobnicate'")


@pytest.mark.parametrize("args,line", [
    (["gradcheck", "--examples", "0"],
     "harness: gradcheck: argument --examples: must be a whole number >= 1, not '0'"),
    (["bench", "--reps", "-2"],
     "harness: bench: argument --reps: must be a whole number >= 1, not '-2'"),
    (["bench", "--engines", "abacus"], "harness: bench: --engines: unknown abacus (known: "),
    (["report", "/nonexistent/r.json", "/tmp/x"],
     "harness: report: cannot read /nonexistent/r.json: No such file or directory"),
    (["report", str(ROOT / "fixtures/scenarios/deep_xor.json"), "/tmp/x"],
     f"harness: report: {ROOT / 'fixtures/scenarios/deep_xor.json'} is not a crosscheck report"),
])
def test_other_commands_refuse_bad_arguments_in_one_line(args, line, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(line) and err.count("\n") == 1, err


def test_the_parser_gives_every_command_a_handler():
    parser = build_parser()
    for command in ["crosscheck", "gradcheck", "bench", "benchmark", "report", "schema",
                    "fixtures"]:
        extra = {"report": ["a.json", "dir"]}.get(command, [])
        assert callable(parser.parse_args([command, *extra]).func), command


@pytest.mark.parametrize("target,problem", [
    ("/proc/dlfp-report.json", "cannot write in /proc: "),
    ("{tmp}/no/r.json", "no such folder: {tmp}/no"),
    ("{tmp}", "{tmp} is a folder"),
    ("/dev/null", "/dev/null is not a regular file"),
])
def test_a_report_that_cannot_be_written_is_refused_before_the_run(tmp_path, target, problem):
    target = target.format(tmp=tmp_path)
    p = harness("crosscheck", "--langs", "python", "--report", target, str(XOR))
    assert p.returncode == 2, p.stdout + p.stderr
    assert p.stdout == ""  # nothing ran: not even the random stream's line
    assert p.stderr.startswith(f"harness: crosscheck: --report: {problem.format(tmp=tmp_path)}")
    assert p.stderr.count("\n") == 1, p.stderr


def test_a_report_that_fails_at_the_end_keeps_the_verdict_and_the_old_file(tmp_path, capsys,
                                                                          monkeypatch):
    import harness.outfile

    short = copy_scenario(XOR, tmp_path / "short.json", epochs=20, record_every=10)
    report = tmp_path / "report.json"
    report.write_text("the old report\n")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(harness.outfile.os, "fsync", full)
    assert main(["crosscheck", "--quiet", "--langs", "python", "--report", str(report),
                 str(short)]) == 2
    captured = capsys.readouterr()
    assert captured.out.rstrip().endswith("all languages agree")
    assert captured.err == (f"harness: crosscheck: --report: cannot write {report}: "
                            "No space left on device\n")
    assert report.read_text() == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "short.json"]


def test_a_report_is_written_whole_over_a_symlink_not_through_it(tmp_path):
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=20, record_every=10)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = tmp_path / "report.json"
    link.symlink_to(victim)
    assert main(["crosscheck", "--quiet", "--langs", "python", "--report", str(link),
                 str(short)]) == 0
    assert victim.read_text() == "keep me\n"
    assert not link.is_symlink() and json.loads(link.read_text())["agree"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "short.json",
                                                          "victim.txt"]


def test_an_html_folder_that_cannot_be_made_is_refused_before_the_run(tmp_path):
    (tmp_path / "file").write_text("")
    for target, problem in [(tmp_path / "file", f"{tmp_path / 'file'} is not a folder"),
                            (tmp_path / "no" / "html", f"no such folder: {tmp_path / 'no'}")]:
        p = harness("crosscheck", "--langs", "python", "--html", str(target), str(XOR))
        assert p.returncode == 2 and p.stdout == "", p.stdout + p.stderr
        assert p.stderr == f"harness: crosscheck: --html: {problem}\n"


def test_an_html_folder_holding_the_users_own_files_is_refused_before_the_run(tmp_path):
    for name, text in [("index.html", "<html>my own page</html>\n"), ("notes.txt", "mine\n")]:
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        (folder / name).write_text(text)
        p = harness("crosscheck", "--langs", "python", "--html", str(folder), str(XOR))
        assert (p.returncode, p.stdout) == (2, ""), p.stdout + p.stderr
        assert p.stderr == (f"harness: crosscheck: --html: {folder} holds files no crosscheck "
                            f"wrote there (e.g. '{name}'): give a new folder, or one a "
                            "crosscheck wrote\n")
        assert [f.name for f in folder.iterdir()] == [name]
        assert (folder / name).read_text() == text


def test_an_html_folder_a_crosscheck_wrote_is_written_again(tmp_path):
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=20, record_every=10)
    html = tmp_path / "html"
    for _ in range(2):
        assert main(["crosscheck", "--quiet", "--langs", "python", "--html", str(html),
                     str(short)]) == 0
        assert [f.name for f in html.iterdir()] == ["index.html"]


def test_crosscheck_refuses_a_timeout_past_what_a_worker_can_wait(capsys):
    assert main(["crosscheck", "--langs", "python", "--timeout", "1e7", str(XOR)]) == 2
    assert capsys.readouterr().err == ("harness: crosscheck: argument --timeout: must be at most "
                                       "1e+06 seconds, not '1e7'\n")


# --- harness report DIR: the folder check of crosscheck --html, a user's own files kept

REPORT = {"agree": True, "scenarios": [], "versions": {}}  # a crosscheck report of no scenario


@pytest.mark.parametrize("name, text, problem", [
    ("index.html", "<html>my own page</html>\n", "{d} holds files no crosscheck wrote there "
     "(e.g. 'index.html'): give a new folder, or one a crosscheck wrote"),
    ("notes.txt", "mine\n", "{d} holds files no crosscheck wrote there (e.g. 'notes.txt'): "
     "give a new folder, or one a crosscheck wrote"),
    (None, "a file, not a folder\n", "{d} is not a folder"),
])
def test_report_refuses_a_folder_holding_the_users_own_files(tmp_path, capsys, name, text,
                                                             problem):
    (tmp_path / "r.json").write_text(json.dumps(REPORT))
    folder = tmp_path / "html"
    if name is None:
        folder.write_text(text)
    else:
        folder.mkdir()
        (folder / name).write_text(text)
    assert main(["report", str(tmp_path / "r.json"), str(folder)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"harness: report: {problem}\n".format(
        d=folder))
    mine = folder if name is None else folder / name
    assert mine.read_text() == text
    assert sorted(f.name for f in tmp_path.iterdir()) == ["html", "r.json"]
    if name is not None:
        assert [f.name for f in folder.iterdir()] == [name]


def test_a_folder_a_report_wrote_is_written_again_by_report_and_crosscheck(tmp_path, capsys):
    (tmp_path / "r.json").write_text(json.dumps(REPORT))
    html = tmp_path / "html"
    for _ in range(2):
        assert main(["report", str(tmp_path / "r.json"), str(html)]) == 0
        assert capsys.readouterr().out == f"report: {html / 'index.html'}\n"
        assert [f.name for f in html.iterdir()] == ["index.html"]
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=20, record_every=10)
    assert main(["crosscheck", "--quiet", "--langs", "python", "--html", str(html),
                 str(short)]) == 0
    assert [f.name for f in html.iterdir()] == ["index.html"]
    assert "deep_xor" in (html / "index.html").read_text()  # the crosscheck's page now


@pytest.mark.parametrize("target", ["scenario", "data", "data through a link"])
def test_a_report_naming_a_scenario_or_its_data_is_refused_before_the_run(tmp_path, capsys,
                                                                         target):
    (tmp_path / "d.csv").write_text("0,0,0\n1,0,1\n0,1,1\n1,1,0\n")
    s = {"name": "s", "data": {"csv": "d.csv"}, "layers": [2, 3, 1],
         "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2}
    (tmp_path / "s.json").write_text(json.dumps(s))
    (tmp_path / "link.csv").symlink_to(tmp_path / "d.csv")
    report = tmp_path / {"scenario": "s.json", "data": "d.csv",
                         "data through a link": "link.csv"}[target]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["crosscheck", "--langs", "python", "--report", str(report),
                 str(tmp_path / "s.json")]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "", f"harness: crosscheck: --report: {report} is an input of this run\n")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_check_json_naming_the_learners_file_is_refused_before_the_check(tmp_path, capsys):
    mine = tmp_path / "mine.py"
    mine.write_text("def sigmoid_forward(Z):\n    return Z\n")
    assert main(["check", str(mine), "--json", str(mine)]) == 2
    assert capsys.readouterr().err == f"harness: check: --json: {mine} is an input of this run\n"
    assert mine.read_text() == "def sigmoid_forward(Z):\n    return Z\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.py"]


def test_a_scenario_name_is_shown_escaped_in_the_table(tmp_path, capsys):
    # a lone surrogate once ended the run in a UnicodeEncodeError; a control character would
    # split the row or reach the terminal
    for stem, name, row in [("sur", "p\\ud800", "p\\ud800"), ("ctl", "a\\u001b]0;x\\u0007b\\nc",
                                                               "a\\x1b]0;x\\x07b\\nc")]:
        (tmp_path / f"{stem}.json").write_text(
            '{"name": "%s", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1], '
            '"activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2}' % name)
        main(["crosscheck", "--quiet", "--langs", "python", str(tmp_path / f"{stem}.json")])
        out = capsys.readouterr().out
        assert any(line.startswith(row + " ") for line in out.splitlines()), out
        assert "\x1b" not in out and "\x07" not in out


def test_gradcheck_shows_a_scenario_name_escaped(tmp_path, capsys):
    (tmp_path / "ctl.json").write_text(json.dumps({
        "name": "a\x1b[2Jb\nc", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1],
        "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2}))
    main(["gradcheck", "--langs", "python", str(tmp_path / "ctl.json")])
    out = capsys.readouterr().out
    assert any(line.startswith("a\\x1b[2Jb\\nc ") for line in out.splitlines()), out
    assert "\x1b" not in out


@pytest.mark.parametrize("edit", ["scenarios of numbers", "no languages", "unknown language",
                                  "mismatches not text", "versions a list", "lone surrogate"])
def test_report_refuses_a_document_it_cannot_draw_in_one_line(tmp_path, capsys, edit):
    short = copy_scenario(XOR, tmp_path / "short.json", epochs=20, record_every=10)
    assert main(["crosscheck", "--quiet", "--langs", "python", "--report",
                 str(tmp_path / "r.json"), str(short)]) == 0
    doc = json.loads((tmp_path / "r.json").read_text())
    last = doc["scenarios"][-1]
    {"scenarios of numbers": lambda: doc.update(scenarios=[5, None]),
     "no languages": lambda: last.pop("languages"),
     "unknown language": lambda: last.update(languages={"klingon": {"status": "ok"}}),
     "mismatches not text": lambda: last.update(mismatches=[{"a": 1}, 5]),
     "versions a list": lambda: doc.update(versions=[1]),
     "lone surrogate": lambda: last.update(name="p\ud800")}[edit]()
    (tmp_path / "bad.json").write_text(json.dumps(doc))
    capsys.readouterr()
    assert main(["report", str(tmp_path / "bad.json"), str(tmp_path / "page")]) == 2
    assert capsys.readouterr().err == (f"harness: report: {tmp_path / 'bad.json'} is not a "
                                       "crosscheck report (a part is missing, of the wrong type "
                                       "or not text)\n")
    assert not (tmp_path / "page").exists()
