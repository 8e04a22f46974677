"""The cross-check report and the sweep page, opened in a real headless browser (Debian's
chromium) with the network blocked; the input plane and the hidden units' figure they draw."""
import json
import re
import shutil
import subprocess

import numpy as np
import pytest

from conftest import ROOT, require_language, skip_or_fail
from dlfp.plane import UNIT_DPI, plane_grid, plane_labels, units_figure
from harness import crosscheck
from harness.bridges import environment_problem
from harness.paths import copy_scenario
from harness.report import write_html
from harness.sweep_report import sig4, write_sweep_html

CHROMIUM = shutil.which("chromium")


def browse(path, tmp_path):
    """The DOM of a page after load, as headless chromium sees it."""
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
         "--virtual-time-budget=5000", "--dump-dom", f"file://{path}"],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    for lang in ("r", "octave"):
        require_language(lang)
    tmp = tmp_path_factory.mktemp("report")
    paths = [copy_scenario(ROOT / "fixtures/scenarios" / f"{name}.json", tmp / f"{name}.json",
                           epochs=12, record_every=3, snapshot_every=snap)
             for name, snap in (("one_hidden_circles", 4), ("digits_adam", 0))]
    if environment_problem("torch"):
        skip_or_fail("PyTorch is not installed (make setup-torch)")
    assert crosscheck.run(paths, langs=["python", "r", "octave"], html=str(tmp / "html"),
                          report=str(tmp / "report.json"), log=lambda s: None, oracle="torch")
    return tmp / "html" / "index.html"


# one_hidden_circles: loss, boundaries, 4 animation frames (epochs 0, 4, 8, 12) and the hidden
# units of 3 languages; digits_adam (64 inputs): its loss figure only
IMAGES = 1 + 1 + 4 + 3 + 1


def test_page_is_self_contained(page):
    text = page.read_text()
    assert not re.search(r"""(src|href)=["'](https?:|//)""", text)
    assert text.count("<img") == IMAGES


def test_the_animation_has_a_frame_per_snapshot_and_three_languages_of_units(page):
    text = page.read_text()
    epochs = re.findall(r'class="frame" data-epoch="(\d+)"', text)
    assert epochs == ["0", "4", "8", "12"]
    assert text.count(' hidden>') == 3  # the last frame shows first
    for lang in ("python", "r", "octave"):
        assert f'alt="{lang} hidden units of one_hidden_circles"' in text
    assert 'alt="torch hidden units' not in text  # the oracle keeps no snapshots


def test_slider_and_play_button_work_in_a_browser(page, tmp_path):
    if CHROMIUM is None:
        skip_or_fail("chromium is not installed (make setup installs it)")
    # "#selftest": the page moves its slider through every frame and presses play
    dom = browse(f"{page}#selftest", tmp_path)
    m = re.search(r'data-anim="([^"]*)"', dom)
    assert m, dom[:500]
    assert m.group(1) == "anim-one_hidden_circles:4/4 played:1/1"


def test_screenshot_has_the_page_size_and_every_section(page, tmp_path):
    if CHROMIUM is None:
        skip_or_fail("chromium is not installed (make setup installs it)")
    shot = tmp_path / "shot.png"
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,3000",
         f"--screenshot={shot}", f"file://{page}"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    assert (width, height) == (1200, 3000)
    assert shot.stat().st_size > 50_000  # figures drawn, not a blank page


def test_page_loads_in_a_browser_with_every_image_and_every_scenario(page, tmp_path):
    if CHROMIUM is None:
        skip_or_fail("chromium is not installed (make setup installs it)")
    dom = browse(page, tmp_path)
    m = re.search(r'data-images="(\d+)/(\d+)"', dom)
    assert m and m.group(1) == m.group(2) == str(IMAGES), dom[:500]
    table = dom[dom.index('<table id="summary"'):dom.index("</table>")]
    for name in ("random_stream", "one_hidden_circles", "digits_adam"):
        for lang in ("r", "octave"):
            assert re.search(rf"{name}</a>|{name}<", table) and f"<td>{lang}</td>" in table
    assert "All languages agree" in dom


def test_rows_come_in_a_fixed_order_python_r_octave_torch(page):
    text = page.read_text()
    for name in ("one_hidden_circles", "digits_adam"):
        body = re.search(rf'<tbody id="rows-{name}">(.*?)</tbody>', text).group(1)
        assert re.findall(r"<td>(python|r|octave|torch)</td>", body) == [
            "python", "r", "octave", "torch"]
        assert "reference" in body.split("</tr>")[0]  # Python's own row
    body = re.search(r'<tbody id="rows-random_stream">(.*?)</tbody>', text).group(1)
    assert re.findall(r"<td>(python|r|octave|torch)</td>", body) == ["python", "r", "octave"]
    # the figures too: the languages' boundaries left to right, their hidden units top to bottom
    units = re.findall(r'alt="(\w+) hidden units of one_hidden_circles"', text)
    assert units == ["python", "r", "octave"]


def test_versions_are_a_table_with_a_row_a_language(page):
    text = page.read_text()
    table = re.search(r'<table id="versions">(.*?)</table>', text).group(1)
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>", table)
    assert [lang for lang, _ in rows] == ["python", "r", "octave", "torch"]
    assert rows[0][1].startswith("numpy ") and rows[1][1].startswith("R version")
    assert rows[2][1].startswith("Octave ") and rows[3][1].startswith("PyTorch ")
    assert "{" not in table


def test_a_page_in_the_book_links_back_and_stands_alone(page, tmp_path):
    doc = json.loads((page.parent.parent / "report.json").read_text())
    out = write_html(doc, str(tmp_path / "book" / "report"), home="../index.html")
    text = open(out).read()
    assert '<a href="../index.html">' in text
    # every other link stays in the page: an anchor of a section or of a scenario's rows
    links = set(re.findall(r'href="([^"]*)"', text)) - {"../index.html"}
    ids = set(re.findall(r'id="([^"]*)"', text))
    assert links and all(link.startswith("#") and link[1:] in ids for link in links), links


def test_plane_grid_hand_worked():
    # x0 in [0, 2], x1 in [1, 3], padded by 0.25: three points along each input
    G0, G1, points = plane_grid(np.array([[0.0, 2.0], [1.0, 3.0]]), 3)
    assert np.array_equal(G0, [[-0.25, 1.0, 2.25]] * 3)
    assert np.array_equal(G1, [[0.75] * 3, [2.0] * 3, [3.25] * 3])
    assert points.shape == (2, 9)
    assert np.array_equal(points[:, 1], [1.0, 0.75]) and np.array_equal(points[:, 3], [-0.25, 2])


def test_plane_labels_of_a_hand_made_classifier():
    # one sigmoid unit, z = x0 - 1: class 1 right of x0 = 1, 0 left of it
    params = {"W1": np.array([[1.0, 0.0]]), "b1": np.array([[-1.0]])}
    G0, _, labels = plane_labels(np.array([[0.0, 2.0], [0.0, 2.0]]), params, ["sigmoid"], 5)
    assert np.array_equal(labels, (G0 > 1).astype(float))


def test_every_hidden_unit_has_a_titled_map_of_at_least_120_px_and_a_colour_bar():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (2, 50))
    sizes = [2, 9, 3, 1]  # 9 units wrap onto two rows, then 3: three rows, two colour bars
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"] = rng.normal(size=(sizes[l], sizes[l - 1]))
        params[f"b{l}"] = rng.normal(size=(sizes[l], 1))
    fig, axes = units_figure(X, (X[0] > 0).astype(float), params, ["tanh", "relu", "sigmoid"],
                             "test")
    assert sorted(axes) == [(1, j) for j in range(1, 10)] + [(2, j) for j in range(1, 4)]
    fig.set_dpi(UNIT_DPI)
    fig.canvas.draw()
    for (l, j), ax in axes.items():
        assert ax.get_title() == f"layer {l}, unit {j}"
        box = ax.get_window_extent()
        assert min(box.width, box.height) >= 120, ((l, j), box)
    bars = [a for a in fig.axes if a.get_label() == "<colorbar>"]
    assert sorted(b.get_ylabel() for b in bars) == ["A1 (tanh)", "A2 (relu)"]
    plt.close(fig)


def _sweep_doc():
    """A hand-made sweep document: 3 trials x python, r; the languages disagree on trial 2,
    epochs is the same in every trial."""
    trials = [{"learning_rate": 0.0123456, "layers": [64, 16, 10], "epochs": 6},
              {"learning_rate": 0.00123456, "layers": [64, 32, 10], "epochs": 6},
              {"learning_rate": 0.0031, "layers": [64, 16, 10], "epochs": 6}]
    means = {0: (0.912345, 0.912345), 1: (0.95, 0.95), 2: (0.5, 0.51)}
    summary = [{"trial": i, "language": lang, "fields": t, "mean_test_accuracy": means[i][k],
                "std_test_accuracy": 0.0123456, "fold_test_accuracy": [means[i][k]] * 2,
                "statuses": ["ok"], "languages_agree": i != 2}
               for i, t in enumerate(trials) for k, lang in enumerate(["python", "r"])]
    return {"name": "hand", "languages": ["python", "r"], "trials": trials, "summary": summary,
            "sweep": {"space": {"learning_rate": {"log_uniform": [0.001, 0.03]},
                                "layers": {"choice": [[64, 16, 10], [64, 32, 10]]},
                                "epochs": {"values": [6]}}},
            "best": summary[2], "t_test": None,
            "cluster": {"scheduler": "LocalCluster, 2 worker processes", "workers": 2},
            "versions": {"numpy": "2", "dlfp": "0.1.0"}}


def test_sig4():
    assert [sig4(0.0123456), sig4(0.912345), sig4(6), sig4(None)] == ["0.01235", "0.9123", "6",
                                                                      "-"]


def test_sweep_page_a_row_a_trial_the_disagreement_standing_out(tmp_path):
    text = open(write_sweep_html(_sweep_doc(), str(tmp_path / "index.html"))).read()
    body = re.search(r'<table id="trials".*?<tbody>(.*?)</tbody>', text).group(1)
    rows = re.findall(r'<tr[^>]*data-trial="(\d)"', body)
    assert rows == ["0", "1", "2"]
    assert body.count(">DISAGREE") == 1 and 'class="fail disagree"' in body
    assert "python 0.5, r 0.51" in body
    assert "DISAGREE on trial(s) 2" in text
    assert ">0.01235<" in body and ">0.9123<" in body and ">0.001235<" in body
    assert "0.0123456" not in body.replace('data-v="0.0123456"', "")  # only the sort key
    assert 'class="best" data-trial="1"' in body
    assert "not plotted): epochs = 6" in text
    assert text.count("<img") == 2  # all fields together; each varying field on its own
    assert not re.search(r"""(src|href)=["'](https?:|//)""", text)


def test_sweep_page_sorts_in_a_browser_with_no_network(tmp_path):
    if CHROMIUM is None:
        skip_or_fail("chromium is not installed (make setup installs it)")
    path = write_sweep_html(_sweep_doc(), str(tmp_path / "index.html"), home="../index.html")
    dom = browse(f"{path}#selftest", tmp_path)
    # by mean test accuracy, high first: 0.95 (trial 1), 0.9123 (0), 0.5 (2)
    assert re.search(r'data-sorted="([^"]*)"', dom).group(1) == "1 0 2"
    assert re.search(r'data-images="([^"]*)"', dom).group(1) == "2/2"


def test_the_status_cell_is_the_documents_status():
    # read from each language's status, as the text table prints it: never from message text
    from harness.report import table_html
    entry = {"name": "xor", "mismatches": ["xor, r: loss_curve 1e-3 > 1e-9"],
             "by_language": {},
             "languages": {"python": {"status": "ok"},
                           "r": {"status": "mismatch", "error": "loss_curve <differs>"},
                           "octave": {"status": "ok"}}}
    page = table_html({"scenarios": [entry]})
    assert page.count('<td class="pass">ok</td>') == 2
    assert '<td class="fail">FAIL mismatch: loss_curve &lt;differs&gt;</td>' in page
    entry["languages"]["r"] = {"status": "ok"}  # the status decides, not the mismatch lines
    assert table_html({"scenarios": [entry]}).count('<td class="pass">ok</td>') == 3
