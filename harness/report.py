"""A self-contained HTML page of a cross-check: loss curves overlaid, their differences on a log
scale, each language's decision boundary for 2-D data, and the table of differences. Where the
scenario kept snapshots (snapshot_every), the page also shows the network learning: the decision
boundary at every snapshot as an animation (a slider and a play button, the languages side by
side), and what every hidden unit computes over the input plane at the end, one readable map a
unit with its colour scale.

Figures are PNGs embedded as data: URIs, styles and scripts are inline: the page opens from disk
with no server and no network, and works as a static file anywhere (the book copies it into its
site as report/index.html).
"""
import base64
import html
import io
import os

import numpy as np

from dlfp.errors import shown
from dlfp.plane import UNIT_DPI, plane_labels, units_figure
from dlfp.result import write_atomic

from .compare import ORACLE_TOLERANCES, QUANTITIES, TOLERANCES
from .outfile import OutputError

LANGUAGES = ("python", "r", "octave", "torch")  # every table and figure lists them in this order
COLOURS = {"python": "#1f77b4", "r": "#d62728", "octave": "#2ca02c", "torch": "#9467bd"}
STYLES = {"python": "-", "r": "--", "octave": ":", "torch": "-."}
DPI = 80


def ordered(langs):
    """langs in LANGUAGES' order, any other name after them in alphabetical order."""
    rank = {lang: i for i, lang in enumerate(LANGUAGES)}
    return sorted(langs, key=lambda lang: (rank.get(lang, len(rank)), lang))


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only: no display here
    import matplotlib.pyplot as plt

    return plt


def _png(fig, dpi=DPI):
    plt = _pyplot()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def loss_figure(entry):
    """Left: every language's loss curve; right: |J_lang - J_python| / |J_python|, log scale."""
    plt = _pyplot()

    fig, (ax, dx) = plt.subplots(1, 2, figsize=(10, 3.4))
    langs = entry["languages"]
    ref = np.asarray(langs.get("python", {}).get("loss_curve", []), dtype=float).reshape(-1, 2)
    for lang in ordered(langs):
        if "loss_curve" not in langs[lang]:
            continue
        c = np.asarray(langs[lang]["loss_curve"], dtype=float).reshape(-1, 2)
        ax.plot(c[:, 0], c[:, 1], STYLES.get(lang, "-"), color=COLOURS.get(lang), label=lang,
                linewidth=2)
        if lang != "python" and ref.shape == c.shape:
            d = np.abs(c[:, 1] - ref[:, 1]) / np.abs(ref[:, 1])
            dx.semilogy(c[:, 0], np.maximum(d, 1e-18), "o-", color=COLOURS.get(lang), label=lang,
                        markersize=3)
    ax.set(title="loss curves (one on top of another)", xlabel="epoch",
           ylabel="cost")
    ax.legend()
    dx.set_yscale("log")
    dx.axhline(TOLERANCES["loss_curve"], color="grey", linestyle="--", label="tolerance")
    dx.set(title="|J - J_python| / |J_python| (1e-18: identical)", xlabel="epoch",
           ylim=(1e-19, 1e-6))
    dx.legend()
    return _png(fig)


def plane_data(entry):
    """(scenario, X, labels) of an entry whose inputs are 2-D, else None."""
    import dlfp

    try:
        s = dlfp.read_scenario(entry["scenario"])
        X, labels = dlfp.load_data(s)
    except (dlfp.DlfpError, KeyError, OSError, TypeError):
        return None
    return (s, X, labels) if X.shape[0] == 2 else None


def _params(d):
    return {k: np.asarray(v, dtype=float).reshape(np.shape(v) if np.ndim(v) == 2 else (-1, 1))
            for k, v in d.items()}


def _draw_boundary(ax, plane, params, title, n=200):
    s, X, labels = plane
    G0, G1, pred = plane_labels(X, params, s["activations"], n)
    ax.contourf(G0, G1, pred, alpha=0.35, cmap="viridis")
    ax.scatter(X[0], X[1], c=labels, s=6, cmap="viridis", edgecolors="none")
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])


def boundary_figure(entry, plane=None):
    """Each language's learned decision regions over its data, or None for data not 2-D."""
    plane = plane or plane_data(entry)
    if plane is None:
        return None
    plt = _pyplot()
    langs = [k for k in ordered(entry["languages"]) if "final_params" in entry["languages"][k]]
    fig, axes = plt.subplots(1, len(langs), figsize=(3.6 * len(langs), 3.4), squeeze=False)
    for ax, lang in zip(axes[0], langs):
        _draw_boundary(ax, plane, _params(entry["languages"][lang]["final_params"]),
                       f"{lang}: decision boundary")
    return _png(fig)


def snapshot_frames(entry, plane):
    """One PNG per snapshot epoch: the decision boundary then, in every language that kept
    snapshots, side by side. Returns [(epoch, png)], empty without snapshots."""
    langs = [k for k in ordered(entry["languages"]) if entry["languages"][k].get("snapshots")]
    if not langs or plane is None:
        return []
    plt = _pyplot()
    by_lang = {lang: entry["languages"][lang]["snapshots"] for lang in langs}
    frames = []
    for i, snap in enumerate(by_lang[langs[0]]):
        fig, axes = plt.subplots(1, len(langs), figsize=(3.2 * len(langs), 3.2), squeeze=False)
        for ax, lang in zip(axes[0], langs):
            sn = by_lang[lang][i] if i < len(by_lang[lang]) else None
            if sn is None:
                ax.set_axis_off()
                continue
            _draw_boundary(ax, plane, _params(sn["params"]),
                           f"{lang}: epoch {int(sn['epoch'])}", n=100)
        frames.append((int(snap["epoch"]), _png(fig)))
    return frames


def features_figure(entry, lang, plane):
    """lang's trained network's hidden units as a PNG (dlfp.plane.units_figure), or None."""
    info = entry["languages"].get(lang, {})
    if plane is None or "final_params" not in info:
        return None
    s, X, labels = plane
    fig, _ = units_figure(X, labels, _params(info["final_params"]), s["activations"], lang)
    return None if fig is None else _png(fig, UNIT_DPI)


def animation_html(name, frames):
    """The frames as one image at a time: a slider over them and a play button."""
    if not frames:
        return ""
    key = html.escape(name)
    imgs = "".join(f'<img class="frame" data-epoch="{e}" alt="{key} at epoch {e}" src="{png}"'
                   f'{"" if i == len(frames) - 1 else " hidden"}>'
                   for i, (e, png) in enumerate(frames))
    return (f'<div class="anim" id="anim-{key}"><p><button class="play">play</button> '
            f'<input class="slider" type="range" min="0" max="{len(frames) - 1}" '
            f'value="{len(frames) - 1}" aria-label="snapshot of {key}"> '
            f'<span class="epoch">epoch {frames[-1][0]}</span></p>{imgs}</div>')


# Shows one frame per animation; play steps through them every 300 ms. "#selftest" in the
# address makes the page drive every slider through every frame and press every play button,
# then record what it saw in data-anim on the body: the browser test reads it.
ANIMATION_JS = """(function(){
function show(a,k){var f=a.querySelectorAll('img.frame');for(var i=0;i<f.length;i++)f[i].hidden=(i!=k);
a.querySelector('.slider').value=k;a.querySelector('.epoch').textContent='epoch '+f[k].dataset.epoch;a.dataset.shown=k;}
var anims=document.querySelectorAll('.anim');
anims.forEach(function(a){var s=a.querySelector('.slider'),b=a.querySelector('.play'),timer=null;
s.addEventListener('input',function(){show(a,+s.value);});
b.addEventListener('click',function(){if(timer){clearInterval(timer);timer=null;b.textContent='play';return;}
var n=+s.max;if(+s.value>=n)show(a,0);b.textContent='pause';
timer=setInterval(function(){var k=+s.value+1;if(k>n){clearInterval(timer);timer=null;b.textContent='play';return;}show(a,k);},300);});});
if(location.hash!=='#selftest')return;
var seen=[];anims.forEach(function(a){var s=a.querySelector('.slider'),n=+s.max+1,ok=0;
for(var k=0;k<n;k++){s.value=k;s.dispatchEvent(new Event('input'));
var vis=a.querySelectorAll('img.frame:not([hidden])');if(vis.length==1&&+a.dataset.shown==k)ok++;}
seen.push(a.id+':'+ok+'/'+n);a.querySelector('.play').click();});
setTimeout(function(){var moved=0;anims.forEach(function(a){if(+a.dataset.shown>0)moved++;});
document.body.setAttribute('data-anim',seen.join(' ')+' played:'+moved+'/'+anims.length);},1000);
})();"""

# After loading, a page notes how many of its images decoded: the browser tests read it.
IMAGES_JS = ("window.addEventListener('load',function(){var i=document.images,n=0;"
             "for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0)n++;}"
             "document.body.setAttribute('data-images',n+'/'+i.length);});")


def _cell(value, tol):
    if value is None:
        return '<td class="na">-</td>'
    ok = value <= tol
    shown = "inf" if value == float("inf") else f"{float(value):.2e}"
    return f'<td class="{"pass" if ok else "fail"}">{shown}</td>'


def _num(v):
    if v is None:
        return None
    return float("inf") if v in ("inf", "Infinity") else float(v)


def _quantity_cells(e, lang, info):
    """The row's cells under the quantities: differences against Python, Python's own row
    marked as the reference, the random stream as one verdict."""
    span = f'colspan="{len(QUANTITIES)}"'
    if lang == "python":
        return f'<td class="ref" {span}>reference</td>'
    if e["name"] == "random_stream":
        same = info.get("bit_identical", False)
        return (f'<td class="{"pass" if same else "fail"}" {span}>'
                f'{"bit-identical" if same else "DIFFERENT"}</td>')
    diffs = e.get("by_language", {}).get(lang, {})
    tols = ORACLE_TOLERANCES if lang == "torch" else TOLERANCES
    return "".join(_cell(_num(diffs.get(q)), tols.get(q, 0.0)) for q in QUANTITIES)


def _status_cell(info):
    # the document's status, as the text table prints it: ok, or FAIL and why
    status = info.get("status", "ok")
    if status == "ok":
        return '<td class="pass">ok</td>'
    why = f': {html.escape(info["error"])}' if "error" in info else ""
    return f'<td class="fail">FAIL {html.escape(status)}{why}</td>'


def table_html(doc):
    """scenario x language rows (languages in LANGUAGES' order), one column per compared
    quantity, coloured pass/fail. Each scenario's rows are a tbody with id rows-<scenario>, so
    a page can link to them (the book's "three agree" boxes do)."""
    head = "".join(f"<th>{q}<br><small>&le; {TOLERANCES[q]:g}</small></th>" for q in QUANTITIES)
    bodies = []
    for e in doc["scenarios"]:
        name = html.escape(e["name"])
        link = name if e["name"] == "random_stream" else f'<a href="#{name}">{name}</a>'
        rows = [f'<tr><td>{link}</td><td>{lang}</td>'
                f"{_quantity_cells(e, lang, e['languages'][lang])}"
                f"{_status_cell(e['languages'][lang])}</tr>"
                for lang in ordered(e["languages"])
                if not (e["name"] == "random_stream" and lang == "torch")]
        bodies.append(f'<tbody id="rows-{name}">' + "".join(rows) + "</tbody>")
    return (f'<div class="wide"><table id="summary"><thead><tr><th>scenario</th>'
            f"<th>language</th>{head}<th>status</th></tr></thead>" + "".join(bodies)
            + "</table></div>")


def versions_html(versions, what="language"):
    """The versions reported, a row a language (or a package: what names the first column)."""
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(str(versions[k]))}"
                   "</td></tr>" for k in ordered(versions))
    return (f'<table id="versions"><thead><tr><th>{what}</th><th>version</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


CSS = """body{font-family:sans-serif;margin:2em auto;max-width:1100px;padding:0 1em}
table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right;white-space:nowrap}
.wide{overflow-x:auto}
td:first-child,td:nth-child(2),th:first-child,th:nth-child(2){text-align:left}.pass{background:#d9f2d9}.fail{background:#f8d0d0}
.ref{color:#555;text-align:center!important}td[colspan]{text-align:center!important}.na{color:#999}img{max-width:100%}h2{margin-top:2em}
.verdict{font-size:1.3em;padding:.5em}.home{font-size:.9em}#versions td{text-align:left}"""


def _home(home):
    return f'<p class="home"><a href="{html.escape(home)}">&larr; the dlfp book</a></p>' if home \
        else ""


def scenario_html(e):
    """A scenario's section: loss curves, decision boundaries, the animation and the hidden
    units of every language that kept snapshots, one figure a language."""
    name = html.escape(e["name"])
    parts = [f'<h2 id="{name}">{name}</h2>',
             f'<p><a href="#rows-{name}">its rows in the table</a></p>']
    if any("loss_curve" in v for v in e["languages"].values()):
        parts.append(f'<img alt="loss curves of {name}" src="{loss_figure(e)}">')
    plane = plane_data(e)
    boundary = boundary_figure(e, plane)
    if boundary:
        parts.append(f'<img alt="decision boundaries of {name}" src="{boundary}">')
    frames = snapshot_frames(e, plane)
    if frames:
        parts.append("<h3>Watch it learn: the decision boundary at each snapshot</h3>")
        parts.append(animation_html(e["name"], frames))
        maps = [(lang, features_figure(e, lang, plane)) for lang in ordered(e["languages"])
                if e["languages"][lang].get("snapshots")]
        maps = [(lang, png) for lang, png in maps if png]
        if maps:
            parts.append("<h3>What each hidden unit learned (final epoch)</h3>"
                         "<p>A_l(j) over the input plane for every hidden unit: the layer's "
                         "colour bar gives its scale.</p>")
            parts.extend(f'<h4>{lang}</h4><img class="units" alt="{lang} hidden units of '
                         f'{name}" src="{png}">' for lang, png in maps)
    parts.extend(f'<p class="fail">{html.escape(m)}</p>' for m in e["mismatches"])
    return "\n".join(parts)


# the page's title, early in its head: an index.html without it was not written by write_html
PAGE_TITLE = "<title>dlfp cross-check</title>"


def write_html(doc, folder, home=None):
    """folder/index.html from a crosscheck report (the dict write_report writes); home, when
    given, is a link back to the site the page is part of (the book's "../index.html")."""
    # drawn first: a document it cannot draw leaves no folder behind
    return write_page(page_html(doc, home), folder)


def write_page(page, folder):
    """folder/index.html holding page (made by page_html), written whole."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "index.html")
    write_atomic(path, page)
    return path


def page_html(doc, home=None):
    """The whole page for a crosscheck report, as one string."""
    verdict = ('<p class="verdict pass">All languages agree.</p>' if doc["agree"] else
               '<p class="verdict fail">The languages DISAGREE: see the red cells.</p>')
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'>{PAGE_TITLE}"
             f"<style>{CSS}</style></head><body>{_home(home)}"
             f"<h1>dlfp cross-check: Python, R, Octave</h1>{verdict}", table_html(doc),
             "<h2>Versions</h2>", versions_html(doc.get("versions", {}))]
    parts.extend(scenario_html(e) for e in doc["scenarios"] if e["name"] != "random_stream")
    parts.append(f"<script>{ANIMATION_JS}</script><script>{IMAGES_JS}</script></body></html>")
    return "\n".join(parts)


def check_html_folder(html):
    """Refuse DIR (crosscheck --html, harness report) before any work unless it is a folder,
    or can be made as one, and holds nothing but a page write_html wrote (a user's own
    index.html is not replaced; a page of an earlier crosscheck or report is)."""
    if not html:
        return
    if os.path.exists(html):
        if not os.path.isdir(html):
            raise OutputError(html, f"{html} is not a folder")
        _check_only_a_page(html)
        return
    parent = os.path.dirname(os.path.abspath(html))
    if not os.path.isdir(parent):
        raise OutputError(html, f"no such folder: {parent}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(html, f"cannot write in {parent}")


def _check_only_a_page(html):
    """html holds nothing, or only the index.html of an earlier crosscheck (and write_atomic's
    leftovers): anything else is the user's, refused as the sweep refuses a foreign folder."""
    try:
        names = sorted(n for n in os.listdir(html) if not n.startswith(".dlfp-"))
        page = os.path.join(html, "index.html")
        ours = (names == ["index.html"] and os.path.isfile(page)
                and PAGE_TITLE.encode() in _head(page))
    except OSError as e:
        raise OutputError(html, f"cannot read {html}: {e.strerror}") from None
    if names and not ours:
        raise OutputError(html, f"{html} holds files no crosscheck wrote there (e.g. "
                          f"'{shown(names[0])}'): give a new folder, or one a crosscheck wrote")


def _head(path):
    with open(path, "rb") as f:
        return f.read(512)
