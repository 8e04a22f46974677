"""The executed book's site (make book), opened in headless chromium with the network blocked:
no page asks for anything but its own files (every request a page makes is logged through the
DevTools protocol), the math is rendered, the tabs switch, every image decodes,
search works offline, and no internal link of the whole site is broken. The build's own
checks (a cell that raises, three numbers that differ) are tested on small pages of their own.

The site is built once per session: `make test` builds it before pytest, and the fixture only
builds when book/_build/stamp.json does not match the current sources."""
import html.parser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from conftest import ROOT, require_language, skip_or_fail

BOOK = ROOT / "book"
HTML = BOOK / "_build" / "html"
CHROMIUM = shutil.which("chromium")
sys.path.insert(0, str(BOOK))

from bookbuild import agree, source  # noqa: E402
from bookbuild.paths import BuildError  # noqa: E402

CHAPTERS = ["ch1_logistic_regression", "ch2_one_hidden_layer", "ch3_l_layers",
            "ch4_softmax_spiral"]


def _build_module():
    """book/build.py, imported under its own name (PyPI's `build` may be installed too)."""
    spec = importlib.util.spec_from_file_location("dlfp_book_build", BOOK / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _current():
    build = _build_module()
    stamp = BOOK / "_build" / "stamp.json"
    return stamp.is_file() and json.loads(stamp.read_text())["inputs"] == build.input_hash()


@pytest.fixture(scope="session")
def site():
    """book/_build/html, built now unless the last full build is of these very sources."""
    for lang in ("r", "octave"):
        require_language(lang)
    if not _current():
        p = subprocess.run([sys.executable, str(BOOK / "build.py")], cwd=ROOT,
                           capture_output=True, text=True, timeout=1800)
        assert p.returncode == 0, (p.stdout + p.stderr)[-4000:]
    assert (HTML / "index.html").is_file()
    return HTML


# ---------------------------------------------------------------- a browser over a pipe (CDP)

class Browser:
    """Headless chromium driven through the DevTools protocol on a pipe (--remote-debugging-
    pipe: fd 3 in, fd 4 out, NUL-separated JSON), so no port and no websocket are needed."""

    def __init__(self, profile):
        to_child_r, self._w = os.pipe()
        self._r, from_child_w = os.pipe()

        def fds():  # in the child: the pipe ends as fds 3 and 4 (dup2 makes them inheritable;
            a, b = os.dup(to_child_r), os.dup(from_child_w)  # Python's own fds are not)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--disable-extensions", "--disable-quic",
             f"--user-data-dir={profile}", "--remote-debugging-pipe",
             # nothing can leave: every name resolves to nowhere, every proxy is a closed port
             "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
             "--window-size=1200,900", "about:blank"],
            preexec_fn=fds, close_fds=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.call(f"{domain}.enable", session=True)

    def _read(self, timeout=60):
        end = time.monotonic() + timeout
        while b"\0" not in self._buf:
            if time.monotonic() > end:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed its pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=False):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self._id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def eval(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True}, session=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def open(self, path):
        self.events.clear()
        self.call("Page.navigate", {"url": path.as_uri()}, session=True)
        end = time.monotonic() + 60
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > end:
                raise TimeoutError(f"{path} never finished loading")
            self.events.append(self._read())
        self.eval("new Promise(r => setTimeout(r, 150))")  # KaTeX runs on DOMContentLoaded

    def requests(self):
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def click(self, selector):
        """A real mouse click (press and release) at the middle of the element."""
        box = self.eval(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: "center", behavior: "instant"}}); const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1},
                      session=True)

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError, TimeoutError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._w)
        os.close(self._r)


@pytest.fixture(scope="module")
def browser(site, tmp_path_factory):
    if CHROMIUM is None:
        skip_or_fail("chromium is not installed (make setup installs it)")
    b = Browser(tmp_path_factory.mktemp("chromium"))
    yield b
    b.close()


def pages_to_open(site):
    """Every page but the per-function API pages (a few of those stand for them all)."""
    out = [p for p in sorted(site.rglob("*.html")) if "api" not in p.relative_to(site).parts
           and p.name not in ("genindex.html",)]
    out += [site / "api" / "index.html", site / "api" / "python" / "train.html",
            site / "api" / "r" / "train.html", site / "api" / "octave" / "train.html"]
    return out


VISIBLE_TEXT = "document.body.innerText"
IMAGES = """Promise.all([...document.images].map(i => i.decode().then(() => [i.src, i.naturalWidth],
            () => [i.src, 0])))"""


def test_every_page_loads_with_no_request_leaving_the_machine(site, browser):
    opened = []
    for page in pages_to_open(site):
        browser.open(page)
        asked = browser.requests()
        remote = [u for u in asked if not u.startswith(("file:", "data:", "about:"))]
        assert not remote, f"{page.relative_to(site)} asked the network for {remote[:5]}"
        assert any(u.startswith("file:") for u in asked), page  # the log does see requests
        opened.append(page)
    assert site / "ch1_logistic_regression.html" in opened
    assert site / "report" / "index.html" in opened and site / "sweep" / "index.html" in opened


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_math_is_rendered_and_no_tex_source_is_visible(site, browser, chapter):
    browser.open(site / f"{chapter}.html")
    text = browser.eval(VISIBLE_TEXT)
    assert browser.eval("document.querySelectorAll('.katex').length") >= 5
    assert browser.eval("document.querySelectorAll('.katex-error').length") == 0
    for raw in ("$$", "\\frac", "\\(", "\\[", "\\sum", "\\partial"):
        assert raw not in text, f"{chapter}: raw {raw!r} in the visible text"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_image_decodes(site, browser, chapter):
    browser.open(site / f"{chapter}.html")
    images = browser.eval(IMAGES)
    figures = [src for src, w in images if "_images/" in src]
    assert len(figures) >= 3 * 1, f"{chapter}: {len(figures)} figures"  # one a language at least
    bad = [src for src, w in images if w == 0]
    assert not bad, f"{chapter}: images that do not decode: {bad}"


VISIBLE_TAB = """[...document.querySelectorAll('.sd-tab-set')].map(s =>
    [...s.querySelectorAll(':scope > .sd-tab-content')].findIndex(c => c.offsetParent !== null))"""


def test_the_tabs_switch_and_every_tab_set_follows(site, browser):
    browser.open(site / "ch1_logistic_regression.html")
    browser.eval("sessionStorage.clear(); localStorage.clear()")
    browser.open(site / "ch1_logistic_regression.html")
    first = browser.eval(VISIBLE_TAB)
    assert len(first) >= 5 and set(first) == {0}, first  # Python first everywhere
    labels = browser.eval("[...document.querySelectorAll('.sd-tab-set')[0]"
                          ".querySelectorAll(':scope > label')].map(l => l.innerText.trim())")
    assert labels == ["Python", "R", "Octave"]
    for k, name in ((2, "Octave"), (1, "R")):
        browser.click(f".sd-tab-set > label:nth-of-type({k + 1})")  # the first tab-set's
        shown = browser.eval(VISIBLE_TAB)
        assert set(shown) == {k}, f"after clicking {name}: {shown}"
    text = browser.eval("[...document.querySelectorAll('.sd-tab-set')[0]"
                        ".querySelectorAll(':scope > .sd-tab-content')][1].innerText")
    assert "dlfp::prepare_scenario" in text and "X is 30 x 569" in text


def test_search_works_offline(site, browser):
    browser.open(site / "search.html")
    browser.call("Page.navigate", {"url": (site / "search.html").as_uri() + "?q=softmax"},
                 session=True)
    end = time.monotonic() + 30
    hits = []
    while time.monotonic() < end:
        time.sleep(0.5)
        hits = browser.eval("[...document.querySelectorAll('#search-results li a')]"
                            ".map(a => a.getAttribute('href'))") or []
        if hits:
            break
    assert any("ch4_softmax_spiral" in h for h in hits), hits


# ---------------------------------------------------------------- the link checker

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical",)):
                self.links.append((tag, key, a[key]))


def parse(path, cache={}):
    if path not in cache:
        p = Links()
        p.feed(path.read_text(errors="replace"))
        cache[path] = p
    return cache[path]


def test_no_internal_link_in_the_whole_site_is_broken_and_nothing_loads_from_outside(site):
    broken, outside, checked = [], [], 0
    for page in sorted(site.rglob("*.html")):
        for tag, key, url in parse(page).links:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if tag != "a":  # a script, a stylesheet, an image, a font from the network
                    outside.append(f"{page.relative_to(site)}: <{tag} {key}={url}>")
                continue
            if parts.scheme in ("mailto", "data", "javascript"):
                continue
            target = page if not parts.path else \
                (page.parent / urllib.parse.unquote(parts.path)).resolve()
            checked += 1
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {url}")
            elif parts.fragment and target.suffix == ".html" and \
                    parts.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(site)}: {url} (no such anchor)")
    assert not outside, outside[:10]
    assert not broken, f"{len(broken)} broken links: {broken[:15]}"
    assert checked > 1000


def test_every_chapter_page_has_three_tabs_an_include_and_a_passed_agree_box(site):
    for chapter in CHAPTERS:
        text = (site / f"{chapter}.html").read_text()
        assert text.count('class="sd-tab-set') >= 4, chapter
        assert "The three agree" in text and 'class="dlfp-report-link"' in text, chapter
        assert "literal-block-wrapper" in text, chapter  # a library function, included
        for label in ("Python", "R", "Octave"):
            assert re.search(rf">\s*{label}</label>", text), (chapter, label)


def test_each_api_page_links_its_two_twins(site):
    for lang, others in (("python", ("r", "octave")), ("r", ("python", "octave")),
                         ("octave", ("python", "r"))):
        text = (site / "api" / lang / "backward_propagation.html").read_text()
        for other in others:
            assert f'href="../{other}/backward_propagation.html"' in text, (lang, other)
    python = (site / "api" / "python" / "backward_propagation.html").read_text()
    assert 'class="sig sig-object py"' in python and "py:function" not in python  # autodoc's
    assert "keep_prob" in python[python.index("Parameters"):]  # numpydoc sections rendered
    assert "dZ_L = A_L - Y" in (site / "api" / "r" / "backward_propagation.html").read_text()
    assert "dZ_L = A_L - Y" in (site / "api" / "octave" /
                                 "backward_propagation.html").read_text()


# ---------------------------------------------------------------- the build's own checks

def test_agree_box_accepts_close_numbers_and_fails_on_a_difference():
    page = ("```{code-cell} python\nprint('x')\n```\n\n```{three-agree}\n:tolerance: 1e-9\n"
            "final cost\n```\n")
    box = [b for b in source.parse(page, "t.md") if isinstance(b, source.Agree)][0]
    close = {"python": ["final cost: 0.5000000000001\n"], "r": ["final cost = 0.5\n"],
             "octave": ["epoch 1\nfinal cost: 0.50000000000\n"]}
    rows = agree.check(box, close, "t.md")
    assert rows[0].values == {"python": 0.5000000000001, "r": 0.5, "octave": 0.5}
    far = dict(close, r=["final cost: 0.5001\n"])
    with pytest.raises(BuildError, match="'final cost' differs: Python 0.5000000000001, "
                                         "R 0.5001, Octave 0.50000000000"):
        agree.check(box, far, "t.md")
    with pytest.raises(BuildError, match="Octave printed no line 'final cost: <number>'"):
        agree.check(box, dict(close, octave=["cost: 0.5\n"]), "t.md")
    nan = dict(close, python=["final cost: NaN\n"])
    with pytest.raises(BuildError, match="differs"):
        agree.check(box, nan, "t.md")


def test_cells_group_into_tabs_and_bad_sources_are_named():
    page = ("# T\n\n```{code-cell} python\na = 1\n```\n\n```{code-cell} r\na <- 1\n```\n\n"
            "prose\n\n```{code-cell} octave\n:show: output\na = 1\n```\n")
    blocks = source.parse(page, "t.md")
    groups = [b for b in blocks if isinstance(b, source.Group)]
    assert [[c.lang for c in g.cells] for g in groups] == [["python", "r"], ["octave"]]
    assert groups[1].cells[0].show == "output" and groups[1].cells[0].code == "a = 1"
    with pytest.raises(BuildError, match=r"t.md:1: code-cell language 'julia'"):
        source.parse("```{code-cell} julia\nx\n```\n", "t.md")
    again = source.parse("```{code-cell} python\na\n```\n```{code-cell} r\nb\n```\n"
                         "```{code-cell} python\nc\n```\n", "t.md")
    assert [[c.code for c in g.cells] for g in again] == [["a", "b"], ["c"]]
    with pytest.raises(BuildError, match="never closes"):
        source.parse("```{code-cell} python\na\n", "t.md")


def test_a_cell_that_raises_fails_the_build_naming_page_and_language(tmp_path):
    require_language("r")
    build = _build_module()
    from bookbuild import execute
    page = "```{code-cell} r\nx <- 1\nstop('dlfp: planted failure')\n```\n"
    blocks = source.parse(page, "planted.md")
    nb = execute.notebook(blocks, "r")
    with pytest.raises(BuildError) as err:
        execute.run(f"planted-{time.time_ns()}", "r", nb, "no-cache", lambda s: None)
    assert str(err.value).startswith("book: planted") and ": R: a cell raised" in str(err.value)
    assert "planted failure" in str(err.value)
    assert build.main  # the entry point the Makefile runs
