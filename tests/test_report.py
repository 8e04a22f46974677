"""The HTML report, opened in a real headless browser (Debian's chromium)."""
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, require_language, skip_or_fail
from harness import crosscheck
from harness.bridges import environment_problem
from harness.paths import copy_scenario

CHROMIUM = shutil.which("chromium")


def browse(path, tmp_path):
    """The DOM of a page after load, as headless chromium sees it."""
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
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
                          log=lambda s: None, oracle="torch")
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
