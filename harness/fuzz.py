"""make fuzz: a differential fuzzer of dlfp's three native runners.

    python -m harness.fuzz [--n N] [--seed S] [--timeout T] [--root DIR] [--save DIR]
    python -m harness.fuzz --replay fixtures/bad/fuzz

Each input is made from the scenario rules (fields at and past their bounds, wrong types,
combinations) or by mutating a small valid case (long strings, deep nesting, control and
non-UTF-8 bytes, odd numbers, CSV and IDX corruptions, non-regular and odd paths, odd --out
paths). It runs through `python -m dlfp run`, `Rscript r/dlfp_run.R` and `octave-cli
octave/dlfp_run.m` side by side, and the one contract is checked:

- all three exit 0 with equal results, or all three exit 2 with one identical `dlfp:` line on
  stderr and nothing left at --out;
- never a signal, a traceback, a hang past the timeout, or a write outside --out.

A failure is shrunk (fields dropped, strings and data cut while the same kind of failure
remains) and saved as a corpus case, a folder of fixtures/bad/fuzz (or --save): the input
files, and case.json with the runner's arguments, the seed and what each language did.
tests/test_fuzz.py replays every saved case and runs a small seeded batch. The seed is
printed, and the same seed makes the same inputs.
"""
import argparse
import gzip
import hashlib
import json
import math
import os
import random
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = ("python", "r", "octave")
RULES_FILE = os.path.join(ROOT, "python", "dlfp", "scenario_rules.json")
# the detail after these words is each parser's own (jsonlite's, gzip's): compared up to here
OWN_DETAIL = ("malformed JSON in ", "truncated or corrupt gzip file ")


def runner_commands(root):
    """The three native runners of the tree at root, as argv prefixes and environments."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               PYTHONPATH=os.path.join(root, "python"), LC_ALL="C.UTF-8")
    env.pop("PYTHONSTARTUP", None)
    return {
        "python": [sys.executable, "-m", "dlfp", "run"],
        "r": ["Rscript", os.path.join(root, "r", "dlfp_run.R")],
        "octave": ["octave-cli", "--no-gui", "--quiet", "--no-history",
                   os.path.join(root, "octave", "dlfp_run.m")],
    }, env


# ---------------------------------------------------------------------------------------------
# Cases: files (name -> bytes), specials (name -> fifo | dir | link:TARGET), the scenario
# argument and the --out argument (names inside the case's folder, or absolute paths)
# ---------------------------------------------------------------------------------------------

def make_case(kind, scenario, files=None, specials=None, scenario_arg="scenario.json",
              out="{out}/result.json", note=""):
    """A case: the scenario (a dict, written as JSON, or raw bytes) and its other files."""
    files = dict(files or {})
    files["scenario.json"] = scenario if isinstance(scenario, bytes) else \
        json.dumps(scenario).encode("utf-8")
    return {"kind": kind, "files": files, "specials": dict(specials or {}),
            "scenario": scenario_arg, "out": out, "note": note}


def materialize(case, folder):
    """Write the case's inputs into folder/in; returns that folder."""
    inp = os.path.join(folder, "in")
    os.makedirs(inp)
    for name, data in case["files"].items():
        with open(os.path.join(inp, name), "wb") as f:
            f.write(data)
    for name, what in case["specials"].items():
        path = os.path.join(inp, name)
        if what == "fifo":
            os.mkfifo(path)
        elif what == "dir":
            os.makedirs(path, exist_ok=True)
        elif what.startswith("link:"):
            target = what[5:]
            os.symlink(target if target.startswith("/") else os.path.join(inp, target), path)
    return inp


def resolve(arg, inp, outdir):
    """A case argument as a path: {in} and {out} stand for the folders, a bare name is in
    the case's input folder, an absolute path stays."""
    if arg.startswith("/") or arg == "":
        return arg
    if arg.startswith("{out}"):
        return outdir + arg[5:]
    return os.path.join(inp, arg)


def snapshot(folder):
    """{relative path: (type, size, sha1 of the content)} of everything under folder."""
    seen = {}
    for base, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = os.path.join(base, name)
            rel = os.path.relpath(path, folder)
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                with open(path, "rb") as f:
                    seen[rel] = ("file", st.st_size, hashlib.sha1(f.read()).hexdigest())
            else:
                seen[rel] = (stat.S_IFMT(st.st_mode), 0, os.readlink(path)
                             if stat.S_ISLNK(st.st_mode) else "")
    return seen


def run_case(case, root, timeout, workdir):
    """Run the case through the three runners side by side; returns {lang: outcome}."""
    commands, env = runner_commands(root)
    folder = tempfile.mkdtemp(prefix="case-", dir=workdir)
    try:
        inp = materialize(case, folder)
        before = snapshot(inp)
        outdirs = {lang: os.path.join(folder, f"out-{lang}") for lang in LANGS}
        for d in outdirs.values():
            os.makedirs(d)
        # an --out through a planted symlink: the link sits in each language's own folder
        for name, target in case.get("out_links", {}).items():
            for d in outdirs.values():
                os.symlink(resolve(target, inp, d), os.path.join(d, name))
        out_before = {lang: snapshot(d) for lang, d in outdirs.items()}

        def one(lang):
            d = outdirs[lang]
            out = resolve(case["out"], inp, d) if case["out"] is not None else None
            argv = commands[lang] + [resolve(case["scenario"], inp, d), "--quiet"]
            if out is not None:
                argv += ["--out", out]
            t0 = time.monotonic()
            try:
                p = subprocess.run(argv, cwd=d, env=env, capture_output=True, timeout=timeout,
                                   stdin=subprocess.DEVNULL)
                code, err, so = p.returncode, p.stderr, p.stdout
            except subprocess.TimeoutExpired as e:
                code, err, so = "timeout", e.stderr or b"", e.stdout or b""
            return {"code": code, "stderr": err.decode("utf-8", "backslashreplace"),
                    "stdout": so.decode("utf-8", "backslashreplace"), "out": out,
                    "seconds": round(time.monotonic() - t0, 2)}

        with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
            outcomes = dict(zip(LANGS, pool.map(one, LANGS)))
        for lang, o in outcomes.items():
            d = outdirs[lang]
            o["result"] = None
            if o["code"] == 0 and o["out"] and os.path.isfile(o["out"]):
                with open(o["out"], "rb") as f:
                    o["result"] = f.read()
            after = snapshot(d)
            changed = sorted(k for k in set(after) | set(out_before[lang])
                             if after.get(k) != out_before[lang].get(k))
            allowed = {os.path.relpath(o["out"], d)} if o["out"] and o["code"] == 0 else set()
            o["stray"] = [k for k in changed if k not in allowed]
            o["dir"] = d
        outcomes["_inputs_changed"] = sorted(
            k for k in set(snapshot(inp)) | set(before) if snapshot(inp).get(k) != before.get(k))
        outcomes["_folder"] = folder
        return outcomes
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The contract
# ---------------------------------------------------------------------------------------------

def normalize(line, outcome):
    """The line with the language's own output folder written {out}, and a parser's own
    detail cut off (see OWN_DETAIL)."""
    line = line.replace(outcome["dir"], "{out}")
    for words in OWN_DETAIL:
        at = line.find(words)
        if at >= 0:
            colon = line.find(": ", at + len(words))
            return line[:colon + 1] if colon >= 0 else line
    return line


def verdict(outcomes):
    """(None, "") when the contract holds, else (signature, explanation)."""
    problems = []
    if outcomes["_inputs_changed"]:
        return "wrote-inputs", f"inputs changed: {outcomes['_inputs_changed']}"
    for lang in LANGS:
        o = outcomes[lang]
        if o["code"] == "timeout":
            problems.append(("timeout", lang, "no answer within the timeout"))
        elif o["code"] < 0 or o["code"] > 2:
            problems.append(("crash", lang, f"exit {o['code']}: {o['stderr'][-300:]!r}"))
        elif o["code"] == 1:
            problems.append(("failure", lang, f"exit 1: {o['stderr'][-300:]!r}"))
        elif o["code"] == 2:
            lines = o["stderr"].splitlines()
            if len(lines) != 1 or not lines[0].startswith("dlfp: ") or o["stdout"]:
                problems.append(("lines", lang, f"stderr {o['stderr'][-300:]!r}, "
                                 f"stdout {o['stdout'][-100:]!r}"))
        if o["stray"]:
            problems.append(("stray-file", lang, f"left {o['stray']}"))
    if problems:
        kinds = sorted({p[0] for p in problems})
        langs = sorted({p[1] for p in problems})
        return f"{'+'.join(kinds)}:{'+'.join(langs)}", "; ".join(
            f"[{lang}] {text}" for _, lang, text in problems)
    codes = {lang: outcomes[lang]["code"] for lang in LANGS}
    if len(set(codes.values())) > 1:
        odd = odd_one(codes)
        return f"exit:{odd}", "exit codes " + ", ".join(f"{k} {v}" for k, v in codes.items()) \
            + "; " + "; ".join(f"[{k}] {outcomes[k]['stderr'].strip()[:300]!r}" for k in LANGS)
    if codes["python"] == 2:
        lines = {lang: normalize(outcomes[lang]["stderr"].strip(), outcomes[lang])
                 for lang in LANGS}
        if len(set(lines.values())) > 1:
            return f"message:{odd_one(lines)}", "; ".join(f"[{k}] {v!r}"
                                                          for k, v in lines.items())
        return None, ""
    results = {lang: outcomes[lang]["result"] for lang in LANGS}
    if any(r is None for r in results.values()):
        return "no-result", "exit 0 without a result at --out"
    docs = {}
    for lang, raw in results.items():
        try:
            docs[lang] = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            return f"bad-result:{lang}", f"[{lang}] result.json does not read back: {e}"
    for lang in ("r", "octave"):
        where = differ(docs["python"], docs[lang], "")
        if where:
            return f"results:{lang}", f"[{lang}] differs from Python at {where}"
    return None, ""


def odd_one(values):
    """The language whose value is alone (or 'all' when all three differ)."""
    for lang in LANGS:
        others = [values[k] for k in LANGS if k != lang]
        if others[0] == others[1] and values[lang] != others[0]:
            return lang
    return "all"


def differ(a, b, where, rtol=1e-6):
    """The first place two results differ (names exactly, numbers to rtol), or ''."""
    if isinstance(a, dict) and isinstance(b, dict):
        if sorted(a) != sorted(b):
            return f"{where or 'top'}: keys {sorted(a)} vs {sorted(b)}"
        for k in a:
            w = differ(a[k], b[k], f"{where}.{k}", rtol)
            if w:
                return w
        return ""
    if isinstance(a, str) or isinstance(b, str):
        return "" if a == b else f"{where}: {a!r} vs {b!r}"
    if isinstance(a, list) and isinstance(b, list) and any(isinstance(x, dict) for x in a + b):
        if len(a) != len(b):
            return f"{where}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            w = differ(x, y, f"{where}[{i}]", rtol)
            if w:
                return w
        return ""
    try:
        x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return "" if a == b else f"{where}: {a!r} vs {b!r}"
    if x.shape != y.shape:
        return f"{where}: shape {x.shape} vs {y.shape}"
    scale = max(float(np.max(np.abs(x))) if x.size else 0.0, 1e-12)
    if x.size and not np.all(np.abs(x - y) <= rtol * scale + 1e-12):
        return f"{where}: max difference {float(np.max(np.abs(x - y))):.3g} (scale {scale:.3g})"
    return ""


# ---------------------------------------------------------------------------------------------
# Generating inputs
# ---------------------------------------------------------------------------------------------

BASES = {
    "xor": {"name": "fuzz", "data": {"generator": "xor", "n": 20}, "layers": [2, 3, 1],
            "activations": ["tanh", "sigmoid"], "learning_rate": 0.1, "epochs": 2},
    "spiral": {"name": "fuzz spiral", "data": {"generator": "spiral", "n_per_class": 8,
                                               "classes": 3},
               "layers": [2, 4, 3], "activations": ["relu", "softmax"], "optimizer": "adam",
               "learning_rate": 0.01, "epochs": 3, "batch_size": 8, "record_every": 1,
               "lr_decay": {"kind": "exponential", "rate": 0.5, "every": 1}},
    "circles": {"name": "fuzz circles", "data": {"generator": "circles", "n_per_class": 10,
                                                 "noise": 0.1},
                "layers": [2, 3, 1], "activations": ["sigmoid", "sigmoid"],
                "optimizer": "momentum", "learning_rate": 0.5, "epochs": 2, "lambda": 0.1,
                "keep_prob": 0.8, "validation": {"folds": 3}, "snapshot_every": 1},
    "csv": {"name": "fuzz csv", "data": {"csv": "data.csv", "test_csv": "test.csv"},
            "layers": [3, 2, 1], "activations": ["tanh", "sigmoid"], "optimizer": "rmsprop",
            "learning_rate": 0.01, "epochs": 2, "init": "he"},
    "idx": {"name": "fuzz idx", "data": {"idx_images": "images.idx", "idx_labels": "labels.idx",
                                         "limit": 5},
            "layers": [4, 3, 2], "activations": ["relu", "softmax"], "init": "xavier",
            "learning_rate": 0.1, "epochs": 2},
}
# valid values that would make a run long: kept small when a mutation means them to pass
COSTLY_MAX = {"epochs": 4, "n": 60, "n_per_class": 30, "classes": 6, "snapshot_every": 3,
              "folds": 5, "layers": 60}


def csv_text(rng, rows, features, classes):
    """rows x (features + 1) plain decimal numbers, the label last."""
    lines = []
    for i in range(rows):
        cells = [repr(round(rng.uniform(-2, 2), rng.randint(0, 6))) for _ in range(features)]
        lines.append(",".join(cells + [str(i % classes)]))
    return ("\n".join(lines) + "\n").encode()


def idx_bytes(dims, data=None, type_byte=8):
    header = bytes([0, 0, type_byte, len(dims)]) + b"".join(
        int(d).to_bytes(4, "big") for d in dims)
    if data is None:
        data = bytes(i * 37 % 256 for i in range(int(np.prod(dims)) if dims else 0))
    return header + data


def base_files(name, rng):
    if name == "csv":
        return {"data.csv": csv_text(rng, 10, 3, 2), "test.csv": csv_text(rng, 4, 3, 2)}
    if name == "idx":
        return {"images.idx": idx_bytes([6, 2, 2]),
                "labels.idx": idx_bytes([6], bytes([0, 1, 1, 0, 1, 0]))}
    return {}


def rule_rows(rules):
    """(path, rule) for every field the rules name, sources' and variants' fields too."""
    rows = []

    def walk(spec, prefix):
        for r in spec.get("fields", []):
            rows.append((prefix + (r["field"],), r))
            if r.get("type") == "object":
                walk(r, prefix + (r["field"],))
                for variant in r.get("choice", {}).get("variants", {}).values():
                    walk({"fields": variant}, prefix + (r["field"],))
        for variant in spec.get("choice", {}).get("variants", {}).values():
            walk({"fields": variant}, prefix)

    walk(rules, ())
    for source in rules["sources"].values():
        walk(source, ("data",))
    return rows


ODD_STRINGS = ["", "x", "tanh ", "TANH", "e\u0301", "\u00e9", "a\nb", "a\rb", "\t", "a\x00b",
               "\x7f", "\u0085", "\u2028", "\ud800", "\udfff", "\ud83d\ude00", "a'b", 'a"b',
               "a\\b", "%s%d", "../x", "/dev/null", "~", "NaN", "Infinity", "1", "true"]


def odd_string(rng):
    pick = rng.random()
    if pick < 0.6:
        return rng.choice(ODD_STRINGS)
    if pick < 0.8:
        return rng.choice(ODD_STRINGS) * rng.choice([5, 50, 500])
    return "".join(rng.choice(ODD_STRINGS + ["abc"] * 5) for _ in range(rng.randint(2, 12)))


def odd_value(rng):
    """A JSON value of any type, often at an edge."""
    return rng.choice([
        None, True, False, 0, -0.0, 1, -1, 0.5, 2.5, 1e-320, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1,
        2 ** 63, 2 ** 64 + 1, 10 ** 30, [], {}, [1], [[1]], {"kind": "none"}, [1, 2],
        odd_string(rng), "1", "0.1"])


def integer_values(r, field):
    lo, hi = r.get("min"), r.get("max")
    vals = [lo, lo - 1, lo + 0.5, float(lo), str(lo), [lo], True, None, -1, 2 ** 63]
    cap = COSTLY_MAX.get(field)
    if hi is not None:
        vals += [hi + 1, hi + 0.5, 1e400, 10 ** 20]
        vals += [hi] if cap is None else [min(hi, cap), 10 ** 20]
    else:
        vals += [lo + 1, 10 ** 9 if cap is None else cap, 1e400, 1e20]
    return vals


def number_values(r):
    vals = [0, -0.0, 1e-320, -1e-320, 1, "0.1", None, [0.1], True, 1e400, -1e400, 1e308,
            -1e308]
    for key in ("min", "max", "exclusive_min", "exclusive_max"):
        if r.get(key) is not None:
            b = r[key]
            vals += [b, b + 1e-12, b - 1e-12, math.nextafter(b, math.inf),
                     math.nextafter(b, -math.inf)]
    return vals


def values_for(rule, field, rng):
    t = rule.get("type")
    if t == "integer":
        return integer_values(rule, field)
    if t == "number":
        return number_values(rule)
    if t in ("string", "path"):
        return ["", "x", odd_string(rng), 5, None, ["x"], {"a": 1}]
    if t in ("name", "chosen"):
        return ["none", "he", "adam", "rmsprop", "exponential", "inverse_time", "spiral",
                "circles", "xor", "sigmoid", odd_string(rng), 3, None, ["adam"]]
    if t == "integer_list":
        return [[2, 3, 1], [2, 1], [2], [], [2, 100000, 1], [2, 3.5, 1], [2, True, 1],
                [2, 0, 1], [2, -3, 1], [2, "3", 1], [2, [3], 1], [2, 10 ** 20, 1],
                [2, 100000, 100000, 1], [2, 60, 60, 1], [2, 3, 3], [3, 2, 1], [4, 3, 2], 7,
                "2,3,1", None, [2, 1e400, 1]]
    if t == "activations":
        return [["tanh", "sigmoid"], ["relu", "softmax"], ["sigmoid"], [], ["softmax", "softmax"],
                ["tanh", "relu"], ["tanh", 1], "tanh", None, ["tanh", "sigmoid", "sigmoid"],
                [odd_string(rng), "sigmoid"], ["tanh", odd_string(rng)]]
    if t in ("object", "source"):
        return [None, [], "x", 1, {}, {"kind": "none"}, {"kind": "exponential"},
                {"kind": "exponential", "rate": 1e308, "every": 1},
                {"kind": "exponential", "rate": 1e300, "every": 1},
                {"kind": "inverse_time", "rate": 1e308, "every": 1},
                {"folds": 2}, {"folds": 20}, {"folds": 21}, {"folds": 2, "seed": 2147483645},
                {"generator": "xor"}, {"generator": "xor", "n": 2},
                {"csv": "data.csv"}, {"csv": "missing.csv"}, {"idx_images": "images.idx"},
                {"generator": "spiral", "classes": 2, "n_per_class": 2},
                {"generator": "circles", "noise": 1e308}, {"generator": "circles", "factor": 1e308}]
    return [odd_value(rng)]


def set_path(doc, path, value):
    """doc with doc[path] = value (objects made on the way); a value of DELETE removes it."""
    node = doc
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    if value is DELETE:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value


DELETE = object()


def gen_rules(rng, rules):
    """A base scenario with one to three fields set at or past their bounds, to wrong types,
    removed, or an unknown field added."""
    name = rng.choice(list(BASES))
    doc = json.loads(json.dumps(BASES[name]))
    rows = rule_rows(rules)
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        path, rule = rng.choice(rows)
        pick = rng.random()
        if pick < 0.08:
            value = DELETE
        elif pick < 0.14:
            path = path[:-1] + (odd_string(rng) if rng.random() < 0.7 else path[-1] + "_",)
            value = odd_value(rng)
        else:
            value = rng.choice(values_for(rule, path[-1], rng))
        set_path(doc, path, value)
    return make_case("rules", doc, base_files(name, rng), note=f"base {name}")


def dumps_odd(doc, rng):
    """JSON text of doc with odd but valid spellings now and then (1E5, -0, spaces)."""
    text = json.dumps(doc, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.3:
        text = text.replace(", ", rng.choice([",", " , ", ",\n", ",\r\n", ",\t"]))
    return text


def gen_text(rng, rules):
    """Mutations of a valid scenario file's text: long strings, deep nesting, control and
    non-UTF-8 bytes, odd numbers, truncation, duplicates."""
    name = rng.choice(list(BASES))
    doc = json.loads(json.dumps(BASES[name]))
    files = base_files(name, rng)
    how = rng.choice(["long", "deep", "control", "surrogate", "bytes", "number", "truncate",
                      "flip", "duplicate", "bom", "literal", "space", "key"])
    if how == "long":
        n = rng.choice([1000, 9999, 10000, 10001, 20000, 100000, 400000])
        where = rng.choice(["name", "description", "key", "activation", "csv"])
        s = rng.choice(["a", "\u00e9", "\\", "\ud83d\ude00", "1", " "]) * n
        if where == "key":
            doc[s] = 1
        elif where == "activation":
            doc["activations"][0] = s
        elif where == "csv":
            doc["data"] = {"csv": s}
        else:
            doc[where] = s
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5)
    elif how == "deep":
        depth = rng.choice([10, 63, 64, 65, 100, 500, 999, 1000, 5000, 100000])
        opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
        inner = opener * depth + "1" + closer * depth
        if rng.random() < 0.2:
            inner = opener * depth  # never closed
        field = rng.choice(["description", "layers", "name", "zzz"])
        text = json.dumps(doc)[:-1] + f', "{field}": {inner}}}'
    elif how in ("control", "surrogate", "key"):
        chars = ["\x00", "\n", "\r", "\t", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff"] \
            if how != "surrogate" else ["\ud800", "\udc00", "\udbff\udfff", "\ud800\ud800"]
        s = "x" + rng.choice(chars) + rng.choice(["", "y", "\u00e9"])
        where = rng.choice(["name", "key", "activation", "optimizer", "csv", "kind"])
        if where == "name":
            doc["name"] = s
        elif where == "key":
            doc[s] = 1
        elif where == "activation":
            doc["activations"][-1] = s
        elif where == "optimizer":
            doc["optimizer"] = s
        elif where == "kind":
            doc["lr_decay"] = {"kind": s}
        else:
            doc["data"] = {"csv": s}
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.7)
        if rng.random() < 0.3:  # the control character raw, as JSON forbids inside a string
            text = text.replace("\\n", "\n").replace("\\u0000", "\x00").replace("\\r", "\r")
    elif how == "bytes":
        raw = bytearray(json.dumps(doc).encode())
        for _ in range(rng.randint(1, 3)):
            raw.insert(rng.randrange(len(raw) + 1),
                       rng.choice([0x80, 0xff, 0xc0, 0xed, 0xf5, 0x00, 0xc3, 0xe2]))
        return make_case("text", bytes(raw), files, note="bytes")
    elif how == "number":
        token = rng.choice(["1E5", "-0", "0.0", "1e-400", "1.0e0", "123456789012345678901234567890",
                            "1" * 5000, "1" * 400, "0." + "0" * 400 + "1", "1e999999999",
                            "-1e400", "2.", ".5", "+1", "01", "0x10", "1_0", "1e", "-", "1.5e3"])
        field = rng.choice(["epochs", "learning_rate", "seed", "lambda", "record_every"])
        text = json.dumps(doc).replace(f'"{field}": ', f'"{field}": {token}, "x{field}": ')
        if field not in doc:
            text = json.dumps(doc)[:-1] + f', "{field}": {token}}}'
    elif how == "truncate":
        text = json.dumps(doc)
        text = text[:rng.randrange(len(text))]
    elif how == "flip":
        raw = bytearray(json.dumps(doc).encode())
        for _ in range(rng.randint(1, 3)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return make_case("text", bytes(raw), files, note="flip")
    elif how == "duplicate":
        text = json.dumps(doc)[:-1] + f', "{rng.choice(list(doc))}": 1}}'
    elif how == "bom":
        return make_case("text", b"\xef\xbb\xbf" + json.dumps(doc).encode(), files, note="bom")
    elif how == "literal":
        token = rng.choice(["NaN", "Infinity", "-Infinity", "nan", "inf", "None", "undefined",
                            "True", "null"])
        field = rng.choice(["learning_rate", "lambda", "epochs"])
        doc[field] = 0
        text = json.dumps(doc).replace(f'"{field}": 0', f'"{field}": {token}')
    else:  # space
        ws = rng.choice(["\f", "\v", "\u00a0", "\u3000", "\r", "\t", "\n\n", "/* c */", "//c\n"])
        text = json.dumps(doc).replace(", ", "," + ws, rng.randint(1, 3))
    return make_case("text", text.encode("utf-8", "surrogatepass"), files, note=how)


def gen_csv(rng, rules):
    """The csv base with its data file corrupted."""
    doc = json.loads(json.dumps(BASES["csv"]))
    files = base_files("csv", rng)
    target = rng.choice(["data.csv", "data.csv", "test.csv"])
    lines = files[target].decode().split("\n")
    how = rng.choice(["cell", "cell", "ragged", "crlf", "cr", "bom", "latin1", "empty", "blank",
                      "long", "wide", "nul", "drop", "label"])
    row = rng.randrange(len(lines) - 1)
    cells = lines[row].split(",")
    if how == "cell":
        cells[rng.randrange(len(cells))] = rng.choice(
            ["", " ", "nan", "NaN", "inf", "-inf", "1e400", "-1e400", "1e-400", "-0", "+.5", " 1 ",
             "\t2\t", "0x10", "1_0", "1,5", "1;5", '"1"', "1 2", "\u00e9", "\u2212" + "1", "1e",
             "e1", ".", "-", "+", "1.2.3", "TRUE", "NA", "#1", "1" * 400, "9" * 310,
             "\x1b[31m", "a\rb", "\x0b", "\x0c", "1\x00", "\U0001f600", "\ud800", "0" * 1000 + "1",
             "secret-token-" + "k" * 60])
        lines[row] = ",".join(cells)
    elif how == "ragged":
        lines[row] = ",".join(cells[:-1] if rng.random() < 0.5 else cells + ["1"])
    elif how == "crlf":
        lines = [ln + "\r" for ln in lines]
    elif how == "cr":
        return make_case("csv", doc, dict(files, **{target: text_bytes("\r".join(lines))}),
                         note=how)
    elif how == "bom":
        return make_case("csv", doc, dict(files, **{target: b"\xef\xbb\xbf" + files[target]}),
                         note=how)
    elif how == "latin1":
        lines[row] = lines[row] + "\xe9"
        return make_case("csv", doc, dict(files, **{target: "\n".join(lines).encode("latin-1")}),
                         note=how)
    elif how == "empty":
        return make_case("csv", doc, dict(files, **{target: rng.choice([b"", b"\n", b" \n\t\n",
                                                                        b"\r\n"])}), note=how)
    elif how == "blank":
        lines.insert(row, rng.choice(["", " ", "\t", "\r", " , "]))
    elif how == "long":
        lines[row] = ",".join(["1"] * rng.choice([1000, 10000, 100000]))
    elif how == "wide":
        doc["layers"][0] = 2000
        lines = [",".join(["0.5"] * 2000 + [str(i % 2)]) for i in range(5)] + [""]
    elif how == "nul":
        return make_case("csv", doc, dict(files, **{target: files[target].replace(
            b",", b"\x00,", 1)}), note=how)
    elif how == "drop":
        lines = lines[:1] + [""]
    else:  # label
        cells[-1] = rng.choice(["2", "-1", "0.5", "1e9", "1.0", "1e0", "-0", "1e-320", "nan"])
        lines[row] = ",".join(cells)
    return make_case("csv", doc, dict(files, **{target: text_bytes("\n".join(lines))}), note=how)


def text_bytes(text):
    """UTF-8, a lone surrogate kept as its three bytes: invalid UTF-8 the readers must refuse."""
    return text.encode("utf-8", "surrogatepass")


def gz(data, level=6):
    return gzip.compress(data, compresslevel=level, mtime=0)


def gen_idx(rng, rules):
    """The idx base with its IDX files corrupted or gzipped."""
    doc = json.loads(json.dumps(BASES["idx"]))
    files = base_files("idx", rng)
    images, labels = files["images.idx"], files["labels.idx"]
    how = rng.choice(["dims", "ndim", "type", "truncate", "extra", "gzip", "gzip2", "gzipbad",
                      "overflow", "zero", "count", "magic", "tiny"])
    if how == "dims":
        dims = rng.choice([[6, 4], [6, 2, 2, 1], [6, 1, 4], [3, 2, 2], [12, 2, 2], [6, 2, 3]])
        images = idx_bytes(dims, images[16:] if int(np.prod(dims)) == 24 else None)
    elif how == "ndim":
        images = images[:3] + bytes([rng.choice([0, 1, 4, 255])]) + images[4:]
    elif how == "type":
        images = images[:2] + bytes([rng.choice([0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x00, 0xff])]) \
            + images[3:]
    elif how == "truncate":
        images = images[:rng.randrange(len(images))]
    elif how == "extra":
        images = images + bytes(rng.randint(1, 5))
    elif how == "gzip":
        images, labels = gz(images), gz(labels, 9)
    elif how == "gzip2":
        cut = rng.randrange(1, len(images))
        images = gz(images[:cut]) + gz(images[cut:])
        if rng.random() < 0.5:
            labels = gz(labels[:3]) + gz(labels[3:])
    elif how == "gzipbad":
        g = bytearray(gz(images))
        if rng.random() < 0.5:
            g = g[:rng.randrange(2, len(g))]
        else:
            g[rng.randrange(10, len(g))] ^= 0xff
        images = bytes(g)
    elif how == "overflow":
        dims = rng.choice([[0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF], [0xFFFFFFFF] * 3 + [2],
                           [2 ** 31, 2 ** 31, 4], [65536, 65536, 65536], [0xFFFFFFFF, 0, 2]])
        images = idx_bytes(dims, b"\x00" * 8)
    elif how == "zero":
        images = idx_bytes([0, 2, 2], b"")
        labels = idx_bytes([0], b"")
    elif how == "count":
        labels = idx_bytes([rng.choice([5, 7, 1])], None)
    elif how == "magic":
        images = rng.choice([b"\x1f\x8b", b"\x1f", b"", b"\x00\x00", b"PK\x03\x04" + images,
                             b"\x00\x01" + images[2:]])
    else:  # tiny
        doc["data"]["limit"] = rng.choice([1, 2, 10 ** 9])
    return make_case("idx", doc, {"images.idx": images, "labels.idx": labels}, note=how)


SPECIAL_TARGETS = ["/dev/null", "/dev/zero", "/dev/full", "/proc/self/status",
                   "/proc/self/environ", "/proc/cpuinfo", "/sys/kernel/mm", "/", "/etc/passwd",
                   "/etc/hostname", "/nonexistent/x.csv"]


def gen_path(rng, rules):
    """A data file or the scenario itself that is not a plain readable file: a folder, a
    FIFO, a device, a /proc entry, a link to one, an odd name."""
    name = rng.choice(["csv", "idx", "xor"])
    doc = json.loads(json.dumps(BASES[name]))
    files = base_files(name, rng)
    special = rng.choice(["fifo", "dir", "link", "abs", "oddname", "missing", "tilde"])
    key = {"csv": rng.choice(["csv", "test_csv"]), "idx": rng.choice(["idx_images", "idx_labels"]),
           "xor": None}[name]
    target_name = rng.choice(["thing", "thing.csv", "a b.csv", "t\u00e9.csv"])
    specials = {}
    scenario_arg = "scenario.json"
    if special == "fifo":
        specials[target_name] = "fifo"
    elif special == "dir":
        specials[target_name] = "dir"
    elif special == "link":
        specials[target_name] = "link:" + rng.choice(SPECIAL_TARGETS)
    elif special == "oddname":
        target_name = rng.choice(["a\nb.csv", "a\rb.csv", "\x1b[2J.csv", "a\tb.csv", "-x.csv",
                                  "a'b.csv", 'a"b.csv', "a\\b.csv", "%d.csv", "~x.csv"])
        if key is not None:
            files[target_name] = files[doc["data"][key]]
    elif special == "tilde":  # a data path beginning with ~ (no language expands it)
        target_name = "~/nothing.csv"
    if special == "abs":
        path = rng.choice(SPECIAL_TARGETS)
    else:
        path = target_name
    if key is None or (special != "tilde" and rng.random() < 0.3):  # the scenario itself
        if special in ("abs",):
            scenario_arg = path
        else:
            files[target_name] = files.get(target_name, json.dumps(doc).encode())
            if special in ("fifo", "dir", "link", "tilde", "missing"):
                files.pop(target_name, None)
            scenario_arg = target_name
        files_doc = doc
    else:
        doc["data"][key] = path
        files_doc = doc
    return make_case("path", files_doc, files, specials, scenario_arg=scenario_arg,
                     note=f"{special} {path!r}")


def gen_out(rng, rules):
    """A good scenario with an odd --out: a folder, no parent, a link, a device, odd names."""
    name = rng.choice(["xor", "csv"])
    doc = json.loads(json.dumps(BASES[name]))
    files = base_files(name, rng)
    case = make_case("out", doc, files)
    how = rng.choice(["folder", "noparent", "link", "device", "odd", "empty", "in", "dot"])
    if how == "folder":
        case["out"] = "{out}"
    elif how == "noparent":
        case["out"] = "{out}/no/such/result.json"
    elif how == "link":
        case["out"] = "{out}/link.json"
        case["files"]["victim.json"] = b"keep me\n"
        case["out_links"] = {"link.json": "victim.json"}
    elif how == "device":
        case["out"] = rng.choice(["/dev/null", "/dev/full", "/proc/self/status", "/"])
    elif how == "odd":
        case["out"] = "{out}/" + rng.choice(["a\nb.json", "r\u00e9sultat.json", "-x.json",
                                            "a b.json", ".hidden.json", "x" * 255, "x" * 300])
    elif how == "empty":
        case["out"] = ""
    elif how == "in":
        case["out"] = "{out}/" + rng.choice(["result.json", "sub"])
    else:
        case["out"] = "{out}/."
    case["note"] = f"out {how}"
    return case


GENERATORS = {"rules": (gen_rules, 0.35), "text": (gen_text, 0.25), "csv": (gen_csv, 0.12),
              "idx": (gen_idx, 0.12), "path": (gen_path, 0.1), "out": (gen_out, 0.06)}


def generate(rng, rules):
    names = list(GENERATORS)
    gen = rng.choices(names, weights=[GENERATORS[n][1] for n in names])[0]
    return GENERATORS[gen][0](rng, rules)


# ---------------------------------------------------------------------------------------------
# Shrinking and saving
# ---------------------------------------------------------------------------------------------

def shrink(case, signature, check, budget=40):
    """A smaller case that fails with the same signature: fields dropped, strings, lists and
    files cut, while check(case) still gives signature; at most budget runs."""
    runs = 0

    def still(candidate):
        nonlocal runs
        if runs >= budget:
            return False
        runs += 1
        return check(candidate) == signature

    best = case
    raw = best["files"]["scenario.json"]
    try:
        doc = json.loads(raw.decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        doc = None
    if isinstance(doc, dict):
        for key in list(doc):
            trial = {k: v for k, v in doc.items() if k != key}
            cand = with_file(best, "scenario.json", dumps(trial))
            if cand["files"]["scenario.json"] != best["files"]["scenario.json"] and still(cand):
                best, doc = cand, trial
        for key in list(doc):
            v = doc[key]
            while isinstance(v, (str, list)) and len(v) > 8:
                trial = dict(doc, **{key: v[:len(v) // 2]})
                cand = with_file(best, "scenario.json", dumps(trial))
                if not still(cand):
                    break
                best, doc, v = cand, trial, trial[key]
    else:
        data = best["files"]["scenario.json"]
        while len(data) > 64:
            for cut in (data[:len(data) // 2], data[len(data) // 2:]):
                cand = with_file(best, "scenario.json", cut)
                if still(cand):
                    best, data = cand, cut
                    break
            else:
                break
    for name in sorted(best["files"]):
        if name == "scenario.json":
            continue
        data = best["files"][name]
        if data.count(b"\n") > 2:
            lines = data.split(b"\n")
            while len(lines) > 2:
                cand = with_file(best, name, b"\n".join(lines[:len(lines) // 2]) + b"\n")
                if not still(cand):
                    break
                best, lines = cand, lines[:len(lines) // 2]
        cand = {**best, "files": {k: v for k, v in best["files"].items() if k != name}}
        if still(cand):
            best = cand
    return best, runs


def dumps(doc):
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")


def with_file(case, name, data):
    return {**case, "files": dict(case["files"], **{name: data})}


def save_case(case, signature, explanation, outcomes, folder, seed, index):
    """The case as a corpus folder: its files, and case.json (arguments, what happened)."""
    digest = hashlib.sha1(json.dumps(
        [case["scenario"], case["out"], case["specials"],
         {k: hashlib.sha1(v).hexdigest() for k, v in sorted(case["files"].items())}],
        sort_keys=True).encode()).hexdigest()[:8]
    name = f"{signature.replace(':', '-').replace('+', '-')}-{digest}"
    target = os.path.join(folder, name)
    if os.path.isdir(target):
        return target
    os.makedirs(target)
    files = {}
    for i, (fname, data) in enumerate(sorted(case["files"].items())):
        stored = fname if fname.isascii() and fname.isprintable() and "/" not in fname \
            and not fname.startswith((".", "-")) and len(fname) < 100 else f"file{i}.bin"
        with open(os.path.join(target, stored), "wb") as f:
            f.write(data)
        files[fname] = stored
    meta = {"kind": case["kind"], "note": case["note"], "seed": seed, "index": index,
            "signature": signature, "found": explanation[:2000],
            "files": files, "specials": case["specials"], "scenario": case["scenario"],
            "out": case["out"], "out_links": case.get("out_links", {}),
            "outcomes": {lang: {k: outcomes[lang][k] for k in ("code", "stderr")}
                         for lang in LANGS if lang in outcomes}}
    with open(os.path.join(target, "case.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, ensure_ascii=True)
        f.write("\n")
    return target


def load_case(folder):
    """A saved corpus case, ready for run_case."""
    with open(os.path.join(folder, "case.json"), encoding="utf-8") as f:
        meta = json.load(f)
    files = {}
    for fname, stored in meta["files"].items():
        with open(os.path.join(folder, stored), "rb") as f:
            files[fname] = f.read()
    return {"kind": meta["kind"], "files": files, "specials": meta["specials"],
            "scenario": meta["scenario"], "out": meta["out"],
            "out_links": meta.get("out_links", {}), "note": meta["note"]}


# ---------------------------------------------------------------------------------------------
# Batches
# ---------------------------------------------------------------------------------------------

def load_rules():
    with open(RULES_FILE, encoding="utf-8") as f:
        return json.load(f)


def batch(n, seed, root=ROOT, timeout=60.0, save=None, shrink_budget=30, log=print):
    """Run n generated inputs; returns (passed, failures: [(signature, explanation, path)])."""
    rules = load_rules()
    rng = random.Random(seed)
    workdir = tempfile.mkdtemp(prefix="dlfp-fuzz-")
    failures, passed = [], 0
    seen, made = {}, {}
    try:
        for i in range(n):
            if i and i % 50 == 0:
                log(f"... {i} inputs, {passed} held")
            case = generate(rng, rules)
            made[case["kind"]] = made.get(case["kind"], 0) + 1
            try:
                outcomes = run_case(case, root, timeout, workdir)
            except OSError as e:  # an input this machine cannot make (a name, a FIFO)
                log(f"[{i}] {case['kind']} ({case['note'][:60]!r}): not made: {e}")
                continue
            sig, why = verdict(outcomes)
            if sig is None:
                passed += 1
                continue
            log(f"[{i}] {case['kind']} ({case['note'][:60]!r}): {sig}: {why[:400]}")
            seen[sig] = seen.get(sig, 0) + 1
            path = None
            if save and seen[sig] == 1:  # one of a kind is enough to save
                small, runs = shrink(
                    case, sig, lambda c: verdict(run_case(c, root, timeout, workdir))[0],
                    shrink_budget)
                outcomes = run_case(small, root, timeout, workdir)
                path = save_case(small, sig, verdict(outcomes)[1] or why, outcomes, save, seed, i)
                log(f"    shrunk in {runs} runs, saved {path}")
            failures.append((sig, why, path))
        log("inputs by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(made.items())))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return passed, failures


def replay(folders, root=ROOT, timeout=60.0):
    """[(folder, signature, explanation)] of saved cases that break the contract today."""
    workdir = tempfile.mkdtemp(prefix="dlfp-fuzz-")
    bad = []
    try:
        for folder in folders:
            sig, why = verdict(run_case(load_case(folder), root, timeout, workdir))
            if sig is not None:
                bad.append((folder, sig, why))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return bad


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m harness.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=int(os.environ.get("FUZZ_N", "200")),
                        help="inputs to run (default: FUZZ_N, else 200)")
    parser.add_argument("--seed", type=int, default=None,
                        help="the seed (default: FUZZ_SEED, else drawn and printed)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds a runner may take on one input (default 60)")
    parser.add_argument("--root", default=ROOT, help="the dlfp tree whose runners to run")
    parser.add_argument("--save", default=os.path.join(ROOT, "fixtures", "bad", "fuzz"),
                        help="folder for shrunk failures (default fixtures/bad/fuzz)")
    parser.add_argument("--replay", metavar="DIR",
                        help="run the saved cases in DIR (each a folder with case.json) instead")
    args = parser.parse_args(argv)
    if args.n < 0 or not args.timeout > 0 or not math.isfinite(args.timeout):
        parser.error("--n must be >= 0 and --timeout a positive number")
    if args.replay:
        folders = sorted(os.path.join(args.replay, d) for d in os.listdir(args.replay)
                         if os.path.isfile(os.path.join(args.replay, d, "case.json")))
        bad = replay(folders, args.root, args.timeout)
        for folder, sig, why in bad:
            print(f"{os.path.basename(folder)}: {sig}: {why[:400]}")
        print(f"fuzz replay: {len(folders) - len(bad)} of {len(folders)} saved cases hold")
        return 1 if bad else 0
    seed = args.seed
    if seed is None:
        seed = int(os.environ["FUZZ_SEED"]) if os.environ.get("FUZZ_SEED") else \
            random.SystemRandom().randrange(2 ** 31)
    print(f"fuzz: seed {seed}, {args.n} inputs (rerun: python -m harness.fuzz --seed {seed} "
          f"--n {args.n})", flush=True)
    t0 = time.monotonic()
    passed, failures = batch(args.n, seed, args.root, args.timeout, args.save,
                             log=lambda s: print(s, flush=True))
    kinds = {}
    for sig, _, _ in failures:
        kinds[sig] = kinds.get(sig, 0) + 1
    print(f"fuzz: seed {seed}: {passed} of {args.n} inputs held the contract in "
          f"{time.monotonic() - t0:.0f} s" + ("" if not kinds else "; failures by kind: " +
                                              ", ".join(f"{k} {v}" for k, v in
                                                        sorted(kinds.items()))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
