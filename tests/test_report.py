"""The HTML report, opened in a real headless browser (Debian's chromium)."""
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, require_language, skip_or_fail
from harness import crosscheck
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
                           epochs=12, record_every=3)
             for name in ("one_hidden_circles", "digits_adam")]
    assert crosscheck.run(paths, langs=["python", "r", "octave"], html=str(tmp / "html"),
                          log=lambda s: None)
    return tmp / "html" / "index.html"


def test_page_is_self_contained(page):
    text = page.read_text()
    assert not re.search(r"""(src|href)=["'](https?:|//)""", text)
    assert text.count("<img") == 3  # two loss figures, one decision-boundary figure (2-D data)


def test_page_loads_in_a_browser_with_every_image_and_every_scenario(page, tmp_path):
    if CHROMIUM is None:
        skip_or_fail("chromium is not installed (make setup installs it)")
    dom = browse(page, tmp_path)
    m = re.search(r'data-images="(\d+)/(\d+)"', dom)
    assert m and m.group(1) == m.group(2) == "3", dom[:500]
    table = dom[dom.index('<table id="summary"'):dom.index("</table>")]
    for name in ("random_stream", "one_hidden_circles", "digits_adam"):
        for lang in ("r", "octave"):
            assert re.search(rf"{name}</a>|{name}<", table) and f"<td>{lang}</td>" in table
    assert "All languages agree" in dom
