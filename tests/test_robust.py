"""What the corpus cannot hold as files, run through the three native runners: a full disk and
a file-size limit under --out (the old result stays whole, one identical line, exit 2), a FIFO
named as data (refused before it is opened, never a hang), a valid two-member gzip IDX file
(read alike), and predict's --out and result file."""
import gzip
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, require_language, skip_or_fail

RUNNERS = {
    "python": [sys.executable, "-m", "dlfp", "run"],
    "r": ["Rscript", str(ROOT / "r" / "dlfp_run.R")],
    "octave": ["octave-cli", "--no-gui", "--quiet", "--no-history",
               str(ROOT / "octave" / "dlfp_run.m")],
}
ENV = dict(os.environ, OPENBLAS_NUM_THREADS="1")
# a result of ~150 KB: more than a 64 KB file system or a 32 KB file-size limit can take
BIG = {"name": "big", "data": {"generator": "xor", "n": 20}, "layers": [2, 60, 60, 1],
       "activations": ["tanh", "tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 1}
OLD = '{"old": "result"}\n'


def run(lang, args, cwd, prefix=()):
    p = subprocess.run(list(prefix) + RUNNERS[lang] + [str(a) for a in args], cwd=cwd,
                       capture_output=True, text=True, timeout=300, env=ENV,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stderr, p.stdout


def langs():
    for lang in ("r", "octave"):
        require_language(lang)
    return list(RUNNERS)


@pytest.fixture
def tiny_fs(tmp_path):
    """A 64 KB tmpfs (root may mount one); skipped where mount is not permitted, except under
    CI=true."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        skip_or_fail(f"cannot mount a tmpfs here: {p.stderr.strip()}")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def expect_old_kept(folder, name, code, err, reason):
    assert code == 2, err
    assert err.splitlines() == [f"dlfp: write_result: cannot write {folder / name}: {reason}"]
    assert (folder / name).read_text() == OLD
    assert sorted(os.listdir(folder)) == [name] or all(
        not f.startswith(".dlfp-") for f in os.listdir(folder))


def test_a_full_disk_keeps_the_old_result_in_every_language(tmp_path, tiny_fs):
    scenario = tmp_path / "big.json"
    scenario.write_text(json.dumps(BIG))
    for lang in langs():
        (tiny_fs / f"{lang}.json").write_text(OLD)
        code, err, _ = run(lang, [scenario, "--quiet", "--out", tiny_fs / f"{lang}.json"], tmp_path)
        expect_old_kept(tiny_fs, f"{lang}.json", code, err, "No space left on device")
    assert sorted(os.listdir(tiny_fs)) == sorted(f"{lang}.json" for lang in RUNNERS)


@pytest.mark.parametrize("lang", ["python", "r"])
def test_a_file_size_limit_keeps_the_old_result(tmp_path, lang):
    """RLIMIT_FSIZE needs no privilege; SIGXFSZ ignored, a write fails with EFBIG. (Octave
    handles SIGXFSZ itself and adds a warning line of its own: the full-disk test covers it.)"""
    if lang != "python":
        require_language(lang)
    scenario = tmp_path / "big.json"
    scenario.write_text(json.dumps(BIG))
    out = tmp_path / "out"
    out.mkdir()
    (out / "r.json").write_text(OLD)
    limit = ["bash", "-c", 'trap "" XFSZ; ulimit -f 32; exec "$@"', "limit"]
    code, err, _ = run(lang, [scenario, "--quiet", "--out", out / "r.json"], tmp_path, limit)
    expect_old_kept(out, "r.json", code, err, "File too large")
    assert os.listdir(out) == ["r.json"]


def test_a_fifo_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "data.csv"
    os.mkfifo(fifo)
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps({**BIG, "layers": [2, 3, 1], "activations": ["tanh", "sigmoid"],
                                    "data": {"csv": "data.csv"}}))
    for lang in langs():
        code, err, _ = run(lang, [scenario, "--quiet"], tmp_path)
        assert (code, err.splitlines()) == (2, [f"dlfp: load_data: {fifo} is not a regular file"])
    code, err, _ = run("python", [fifo, "--quiet"], tmp_path)
    assert err.splitlines() == [f"dlfp: read_scenario: {fifo} is not a regular file"]


@pytest.mark.parametrize("scenario, line", [
    ("lr_decay_exponential_overflow.json",
     "dlfp: train: diverged at epoch 2 (cost nan): try a smaller learning_rate (now inf)"),
])
def test_a_schedule_that_overflows_diverges_alike(tmp_path, scenario, line):
    """rate^(e/every) past the largest double: inf in every language (Python's math.pow
    raised OverflowError), and R's divergence message no longer stops on inf * 0."""
    for lang in langs():
        code, err, out = run(lang, [ROOT / "fixtures" / "bad" / scenario, "--quiet", "--out",
                                    tmp_path / f"{lang}.json"], tmp_path)
        assert (code, err.splitlines(), out) == (2, [line], ""), lang
    assert os.listdir(tmp_path) == []


def idx_file(dims, data):
    return bytes([0, 0, 8, len(dims)]) + b"".join(d.to_bytes(4, "big") for d in dims) + data


def test_a_two_member_gzip_is_read_alike(tmp_path):
    images = idx_file([6, 2, 2], bytes(i * 37 % 256 for i in range(24)))
    labels = idx_file([6], bytes([0, 1, 1, 0, 1, 0]))
    (tmp_path / "images.idx.gz").write_bytes(gzip.compress(images[:10], mtime=0)
                                             + gzip.compress(images[10:], mtime=0))
    (tmp_path / "labels.idx.gz").write_bytes(gzip.compress(labels[:9], mtime=0)
                                             + gzip.compress(labels[9:], mtime=0))
    (tmp_path / "plain.idx").write_bytes(images)
    scenario = {"name": "gz", "data": {"idx_images": "images.idx.gz",
                                       "idx_labels": "labels.idx.gz"},
                "layers": [4, 3, 2], "activations": ["tanh", "softmax"], "learning_rate": 0.1,
                "epochs": 2}
    (tmp_path / "s.json").write_text(json.dumps(scenario))
    scenario["data"]["idx_images"] = "plain.idx"
    (tmp_path / "plain.json").write_text(json.dumps(scenario))
    results = {}
    for lang in langs():
        for name in ("s", "plain"):
            code, err, _ = run(lang, [tmp_path / f"{name}.json", "--quiet", "--out",
                                      tmp_path / f"{lang}-{name}.out.json"], tmp_path)
            assert code == 0, (lang, err)
        results[lang] = json.loads((tmp_path / f"{lang}-s.out.json").read_text())
        plain = json.loads((tmp_path / f"{lang}-plain.out.json").read_text())
        assert results[lang]["initial_params"] == plain["initial_params"]
        assert results[lang]["train_accuracy"] == plain["train_accuracy"]
    assert results["r"]["train_accuracy"] == results["octave"]["train_accuracy"] == \
        results["python"]["train_accuracy"]


def predict(args, cwd):
    p = subprocess.run([sys.executable, "-m", "dlfp", "predict"] + [str(a) for a in args],
                       cwd=cwd, capture_output=True, text=True, timeout=120, env=ENV)
    return p.returncode, p.stderr, p.stdout


@pytest.fixture
def trained(tmp_path):
    s = {"name": "p", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1],
         "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2}
    (tmp_path / "s.json").write_text(json.dumps(s))
    code, err, _ = run("python", [tmp_path / "s.json", "--quiet", "--out", tmp_path / "r.json"],
                       tmp_path)
    assert code == 0, err
    (tmp_path / "new.csv").write_text("0,0\n1,0\n0,1\n")
    return tmp_path


def test_predict_replaces_its_out_and_never_writes_through_a_link(trained):
    victim = trained / "victim.txt"
    victim.write_text("keep me\n")
    (trained / "labels.txt").symlink_to(victim)
    code, err, out = predict(["s.json", "r.json", "new.csv", "--out", "labels.txt"], trained)
    assert (code, err, out) == (0, "", "")
    assert victim.read_text() == "keep me\n"
    assert not os.path.islink(trained / "labels.txt")
    assert len((trained / "labels.txt").read_text().split()) == 3
    assert not [f for f in os.listdir(trained) if f.startswith(".dlfp-")]


@pytest.mark.parametrize("out, message", [
    ("{d}", "dlfp: predict: {d} is a folder"),
    ("{d}/no/labels.txt", "dlfp: predict: no such folder: {d}/no"),
    ("/dev/null", "dlfp: predict: /dev/null is not a regular file"),
    ("", "dlfp: predict: the result path is empty"),
])
def test_predict_names_a_bad_out_before_it_reads(trained, out, message):
    code, err, _ = predict(["nothing.json", "r.json", "new.csv", "--out",
                            out.format(d=trained)], trained)
    assert (code, err.splitlines()) == (2, [message.format(d=trained)])


@pytest.mark.parametrize("W1, why", [
    ([["a", "b"], ["c", "d"], ["e", "f"]], "strings"),
    ([[1, 2], [3], [5, 6]], "a ragged row"),
    ([[True, 1], [1, 1], [1, 1]], "booleans"),
    ([[1, 2], [3, 4]], "too few rows"),
    ([[1e308, 1e308], [1, 1], [1, 1]], "finite, but fine"),
    ("W", "a string"),
])
def test_predict_refuses_a_malformed_result(trained, W1, why):
    doc = json.loads((trained / "r.json").read_text())
    doc["final_params"]["W1"] = W1
    (trained / "bad.json").write_text(json.dumps(doc))
    code, err, out = predict(["s.json", "bad.json", "new.csv"], trained)
    if why == "finite, but fine":
        assert code == 0, err
        return
    assert (code, err.splitlines()) == (2, [
        "dlfp: predict: W1 in bad.json is not 3 x 2 finite numbers as the "
        "scenario's layers need"]), why
    assert "Traceback" not in err


def test_predict_names_a_row_whose_output_overflows(trained):
    # finite parameters, but relu passes 1e300 * 1e300 on: the output is NaN, which has no label
    s = json.loads((trained / "s.json").read_text())
    s.update(layers=[2, 3, 2], activations=["relu", "softmax"])
    (trained / "s2.json").write_text(json.dumps(s))
    code, err, _ = run("python", ["s2.json", "--quiet", "--out", "r2.json"], trained)
    assert code == 0, err
    doc = json.loads((trained / "r2.json").read_text())
    doc["final_params"].update(W1=[[1e300, 1e300]] * 3, W2=[[1e300] * 3] * 2)
    (trained / "huge.json").write_text(json.dumps(doc))
    (trained / "rows.csv").write_text("0,0\n1e300,1e300\n")
    code, err, out = predict(["s2.json", "huge.json", "rows.csv", "--out", "labels.txt"],
                             trained)
    assert (code, err.splitlines(), out) == (2, [
        "dlfp: predict: the network's output for row 2 of rows.csv is NaN or Inf (the "
        "parameters or the features are too large)"], "")
    assert not (trained / "labels.txt").exists()


# --- predict --out naming one of its own inputs: refused before anything is read, as run's is

@pytest.fixture
def trained_on_csv(tmp_path):
    s = {"name": "p", "data": {"csv": "train.csv"}, "layers": [2, 3, 1],
         "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2}
    (tmp_path / "s.json").write_text(json.dumps(s))
    (tmp_path / "train.csv").write_text("0,0,0\n1,0,1\n0,1,1\n1,1,0\n")
    code, err, _ = run("python", ["s.json", "--quiet", "--out", "r.json"], tmp_path)
    assert code == 0, err
    (tmp_path / "new.csv").write_text("0,0\n1,0\n0,1\n")
    (tmp_path / "sub").mkdir()
    os.symlink("r.json", tmp_path / "link.json")  # the result again, through a link
    return tmp_path


@pytest.mark.parametrize("out", ["s.json", "r.json", "new.csv", "train.csv", "link.json",
                                 "./sub/../new.csv", "{d}/s.json"])
def test_predict_refuses_an_out_that_is_its_own_input(trained_on_csv, out):
    d = trained_on_csv
    out = out.format(d=d)
    before = {f.name: f.read_bytes() for f in d.iterdir() if f.is_file()}
    code, err, stdout = predict(["s.json", "r.json", "new.csv", "--out", out], d)
    assert (code, err.splitlines(), stdout) == (2, [
        f"dlfp: predict: {out} is an input of this prediction (the scenario, its data, the "
        "result or the CSV)"], "")
    assert {f.name: f.read_bytes() for f in d.iterdir() if f.is_file()} == before
    assert sorted(os.listdir(d)) == ["link.json", "new.csv", "r.json", "s.json", "sub",
                                     "train.csv"]


def test_predict_writes_an_out_beside_its_inputs(trained_on_csv):
    d = trained_on_csv
    before = {f.name: f.read_bytes() for f in d.iterdir() if f.is_file()}
    code, err, stdout = predict(["s.json", "r.json", "new.csv", "--out", "sub/labels.txt"], d)
    assert (code, err, stdout) == (0, "", "")
    assert len((d / "sub" / "labels.txt").read_text().split()) == 3
    assert {f.name: f.read_bytes() for f in d.iterdir() if f.is_file()} == before


def test_read_text_checks_the_size_before_it_reads(tmp_path):
    # a sparse 8 GB file is refused at once (the limit is the rules' json_bytes for JSON); a
    # file at the limit is taken, and predict reads a result of any size
    from dlfp.errors import DlfpError
    from dlfp.textfile import read_json, read_text
    f = tmp_path / "big.json"
    with open(f, "wb") as h:
        h.truncate(8 * 2 ** 30)
    with pytest.raises(DlfpError) as e:
        read_json(str(f), "me")
    assert str(e.value) == f"dlfp: me: {f} is larger than 1000000 bytes"
    f.write_text("{}")
    assert read_text(str(f), "me", 2) == "{}"
    f.write_text('{"pad": "' + "x" * 9000 + '", "n": [' + ", ".join(["1.5"] * 300000) + "]}")
    assert f.stat().st_size > 1000000
    assert len(read_json(str(f), "predict", max_bytes=None)["n"]) == 300000


@pytest.mark.parametrize("args,problem", [
    (["s.json", "--bogus"], "unrecognized arguments: --bogus"),
    (["s.json", "t.json"], "unrecognized arguments: t.json"),
    (["s.json", "--qu"], "unrecognized arguments: --qu"),  # no abbreviations
    (["s.json", "--o", "r.json"], "unrecognized arguments: --o r.json"),
    (["s.json", "--bogus", "t.json", "x"], "unrecognized arguments: --bogus t.json x"),
    (["s.json", "--out"], "argument --out: expected one argument"),
    (["s.json", "--out", "--quiet"], "argument --out: expected one argument"),
    ([], "the following arguments are required: scenario"),
])
def test_a_usage_error_reads_alike_in_every_runner(tmp_path, args, problem):
    # argparse's shape in three languages: the usage line, then "<runner>: error: <problem>"
    for lang in langs():
        code, err, out = run(lang, args, tmp_path)
        lines = err.splitlines()
        assert (code, len(lines), out) == (2, 2, ""), (lang, err)
        assert lines[0].startswith("usage: ") and lines[1].endswith(": error: " + problem), \
            (lang, err)
    assert os.listdir(tmp_path) == []


def test_a_name_with_control_characters_is_printed_escaped_on_one_line(tmp_path):
    # the accuracy line echoes the name: an escape sequence would retitle or clear a terminal
    s = {"name": "a\x1b]0;x\x07\x1b[2Jb\nc\\d", "data": {"generator": "xor", "n": 20},
         "layers": [2, 3, 1], "activations": ["tanh", "sigmoid"], "learning_rate": 0.1,
         "epochs": 2}
    (tmp_path / "s.json").write_text(json.dumps(s))
    for lang in langs():
        code, err, out = run(lang, ["s.json"], tmp_path)
        assert (code, err) == (0, ""), (lang, err)
        assert out.splitlines()[-1].startswith(
            "a\\x1b]0;x\\x07\\x1b[2Jb\\nc\\\\d: train accuracy "), (lang, out)


def test_a_reader_that_goes_away_ends_the_run_without_a_traceback(tmp_path):
    # `dlfp run s.json | head -1`: exit 1 and no result, as R's runner stops (Octave's goes on)
    s = {"name": "p", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1],
         "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 3000,
         "record_every": 1}  # 3000 cost lines: more than a pipe's buffer
    (tmp_path / "s.json").write_text(json.dumps(s))
    p = subprocess.Popen(RUNNERS["python"] + ["s.json", "--out", "r.json"], cwd=tmp_path,
                         env=ENV, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert p.stdout.readline().startswith(b"epoch 0: cost ")
    p.stdout.close()
    err = p.stderr.read()
    assert (p.wait(timeout=120), err) == (1, b"")
    assert sorted(os.listdir(tmp_path)) == ["s.json"]


def test_a_leading_tilde_is_a_folder_named_tilde_in_every_runner(tmp_path):
    # Octave's file functions expanded "~" to the home folder, as a shell would: it read
    # $HOME/s.json and wrote $HOME/r.json where Python and R use the folder named "~"
    home, work = tmp_path / "home", tmp_path / "work"
    (work / "~").mkdir(parents=True)
    home.mkdir()
    s = json.dumps({"name": "p", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1],
                    "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2})
    (work / "~" / "s.json").write_text(s)
    (home / "only_at_home.json").write_text(s)
    env_home = ["env", f"HOME={home}"]
    for lang in langs():
        code, err, _ = run(lang, ["~/only_at_home.json", "--quiet"], work, prefix=env_home)
        assert (code, err) == (2, "dlfp: read_scenario: no such file: ~/only_at_home.json\n"), lang
        code, err, _ = run(lang, ["~/s.json", "--quiet", "--out", f"~/{lang}.json"], work,
                           prefix=env_home)
        assert (code, err) == (0, ""), (lang, err)
    assert sorted(os.listdir(work / "~")) == ["octave.json", "python.json", "r.json", "s.json"]
    assert os.listdir(home) == ["only_at_home.json"]


@pytest.mark.parametrize("closed", ["<&-", ">&-", "2>&-"])
def test_a_run_with_a_standard_stream_closed_still_writes_its_result(tmp_path, closed):
    # nohup or a daemon may start a runner so; Octave's fopen then got descriptor 0, 1 or 2,
    # which its fclose refused (exit 1, no result) where Python and R ran on
    (tmp_path / "s.json").write_text(json.dumps({
        "name": "p", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1],
        "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2}))
    shell = ["sh", "-c", f'exec "$0" "$@" {closed}']
    results = {}
    for lang in langs():
        code, err, _ = run(lang, ["s.json", "--quiet", "--out", f"{lang}.json"], tmp_path,
                           prefix=shell)
        assert (code, err) == (0, ""), (lang, err)
        results[lang] = json.loads((tmp_path / f"{lang}.json").read_text())["train_accuracy"]
    assert len(set(results.values())) == 1, results


def test_an_out_longer_than_path_max_is_the_same_line_in_every_runner(tmp_path):
    # R cut the path at PATH_MAX, found "." and called it a folder, with a warning on stderr
    (tmp_path / "s.json").write_text(json.dumps({
        "name": "p", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1],
        "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2}))
    out = "./" * 2100 + "r.json"
    for lang in langs():
        code, err, _ = run(lang, ["s.json", "--quiet", "--out", out], tmp_path)
        assert (code, err) == (2, f"dlfp: write_result: cannot write {out}: File name too "
                                  "long\n"), (lang, err[-300:])
    assert os.listdir(tmp_path) == ["s.json"]
