"""A self-contained HTML page of a cross-check: loss curves overlaid, their differences on a log
scale, each language's decision boundary for 2-D data, and the table of differences. Where the
scenario kept snapshots (snapshot_every), the page also shows the network learning: the decision
boundary at every snapshot as an animation (a slider and a play button, the languages side by
side), and what every hidden unit computes over the input plane at the end.

Figures are PNGs embedded as data: URIs, styles are inline: the page opens from disk with no
server and no network.
"""
import base64
import html
import io
import json
import os

import numpy as np

from dlfp.result import write_atomic

from .compare import ORACLE_TOLERANCES, QUANTITIES, TOLERANCES

COLOURS = {"python": "#1f77b4", "r": "#d62728", "octave": "#2ca02c", "torch": "#9467bd"}
STYLES = {"python": "-", "r": "--", "octave": ":", "torch": "-."}
PAD = 0.25  # the input plane drawn: the data's range and this much on each side


def _png(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only: no display here
    import matplotlib.pyplot as plt

    return plt


def loss_figure(entry):
    """Left: every language's loss curve; right: |J_lang - J_python| / |J_python|, log scale."""
    plt = _pyplot()

    fig, (ax, dx) = plt.subplots(1, 2, figsize=(10, 3.4))
    langs = entry["languages"]
    ref = np.asarray(langs.get("python", {}).get("loss_curve", []), dtype=float).reshape(-1, 2)
    for lang, info in langs.items():
        if "loss_curve" not in info:
            continue
        c = np.asarray(info["loss_curve"], dtype=float).reshape(-1, 2)
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


def plane_grid(X, n):
    """An n x n grid over the data's range plus PAD: G0, G1 (n, n) and the points (2, n^2)."""
    g0 = np.linspace(X[0].min() - PAD, X[0].max() + PAD, n)
    g1 = np.linspace(X[1].min() - PAD, X[1].max() + PAD, n)
    G0, G1 = np.meshgrid(g0, g1)
    return G0, G1, np.vstack([G0.ravel(), G1.ravel()])


def _params(d):
    return {k: np.asarray(v, dtype=float).reshape(np.shape(v) if np.ndim(v) == 2 else (-1, 1))
            for k, v in d.items()}


def _draw_boundary(ax, plane, params, title, n=200):
    import dlfp

    s, X, labels = plane
    G0, G1, grid = plane_grid(X, n)
    pred = dlfp.predict_labels(grid, params, s["activations"]).reshape(G0.shape)
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
    langs = [k for k, v in entry["languages"].items() if "final_params" in v]
    fig, axes = plt.subplots(1, len(langs), figsize=(3.6 * len(langs), 3.4), squeeze=False)
    for ax, lang in zip(axes[0], langs):
        _draw_boundary(ax, plane, _params(entry["languages"][lang]["final_params"]),
                       f"{lang}: decision boundary")
    return _png(fig)


def snapshot_frames(entry, plane):
    """One PNG per snapshot epoch: the decision boundary then, in every language that kept
    snapshots, side by side. Returns [(epoch, png)], empty without snapshots."""
    langs = [k for k, v in entry["languages"].items() if v.get("snapshots")]
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


def hidden_units(plane, params, n=100):
    """A_l(j, :) over an n x n grid of the input plane for every hidden layer l: a list of
    (n_l, n, n) arrays, what each hidden unit has learned to respond to."""
    import dlfp

    s, X, _ = plane
    G0, _, grid = plane_grid(X, n)
    _, caches = dlfp.forward_propagation(grid, params, s["activations"])
    return [c["A"].reshape(-1, *G0.shape) for c in caches[:-1]]


def features_figure(entry, lang, plane, columns=10):
    """Every hidden unit of lang's trained network as a heat map over the input plane, layer by
    layer (a layer wider than columns wraps), the training points faint on top; None without
    hidden layers."""
    info = entry["languages"].get(lang, {})
    if plane is None or "final_params" not in info:
        return None
    maps = hidden_units(plane, _params(info["final_params"]))
    if not maps:
        return None
    plt = _pyplot()
    _, X, labels = plane
    G0, G1, _ = plane_grid(X, 100)
    cols = min(columns, max(m.shape[0] for m in maps))
    units = sum(m.shape[0] for m in maps)
    layout = []  # each layer starts a new row of the figure
    for l, m in enumerate(maps, start=1):
        for start in range(0, m.shape[0], cols):
            layout.append([(l, j) for j in range(start, min(start + cols, m.shape[0]))])
    fig, axes = plt.subplots(len(layout), cols, figsize=(1.3 * cols, 1.35 * len(layout)),
                             squeeze=False)
    for r, row in enumerate(layout):
        for c in range(cols):
            ax = axes[r][c]
            ax.set_xticks([])
            ax.set_yticks([])
            if c >= len(row):
                ax.set_axis_off()
                continue
            l, j = row[c]
            ax.pcolormesh(G0, G1, maps[l - 1][j], cmap="RdBu_r", shading="auto")
            ax.scatter(X[0], X[1], c=labels, s=1, cmap="Greys", alpha=0.25, edgecolors="none")
            ax.set_title(f"layer {l} unit {j + 1}", fontsize=7)
    fig.suptitle(f"{lang}: hidden units over the input plane ({units} units)", fontsize=9)
    return _png(fig)


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


def _cell(value, tol):
    if value is None:
        return '<td class="na">-</td>'
    ok = value <= tol
    shown = "inf" if value == float("inf") or value == "inf" else f"{float(value):.2e}"
    return f'<td class="{"pass" if ok else "fail"}">{shown}</td>'


def table_html(doc):
    """scenario x language rows, one column per compared quantity, coloured pass/fail."""
    head = "".join(f"<th>{q}<br><small>&le; {TOLERANCES[q]:g}</small></th>" for q in QUANTITIES)
    rows = []
    for e in doc["scenarios"]:
        for lang, info in e["languages"].items():
            if lang == "python":
                continue
            if e["name"] == "random_stream" and lang == "torch":
                continue
            if e["name"] == "random_stream":
                same = info.get("bit_identical", False)
                cells = (f'<td class="{"pass" if same else "fail"}" colspan="{len(QUANTITIES)}">'
                         f'{"bit-identical" if same else "DIFFERENT"}</td>')
            else:
                diffs = e.get("by_language", {}).get(lang, {})
                tols = ORACLE_TOLERANCES if lang == "torch" else TOLERANCES
                cells = "".join(_cell(_num(diffs.get(q)), tols.get(q, 0.0)) for q in QUANTITIES)
            bad = "error" in info or any(m.startswith((f"{e['name']}, {lang},",
                                                       f"{e['name']}, {lang}:"))
                                         for m in e["mismatches"])
            status = ('<td class="fail">FAIL' + (f': {html.escape(info["error"])}'
                                                  if "error" in info else "") + "</td>"
                      if bad else '<td class="pass">ok</td>')
            rows.append(f'<tr><td><a href="#{html.escape(e["name"])}">{html.escape(e["name"])}'
                        f"</a></td><td>{lang}</td>{cells}{status}</tr>")
    return (f'<table id="summary"><tr><th>scenario</th><th>language</th>{head}<th>status</th></tr>'
            + "".join(rows) + "</table>")


def _num(v):
    if v is None:
        return None
    return float("inf") if v in ("inf", "Infinity") else float(v)


CSS = """body{font-family:sans-serif;margin:2em;max-width:1100px}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
td:first-child,td:nth-child(2),th:first-child,th:nth-child(2){text-align:left}.pass{background:#d9f2d9}.fail{background:#f8d0d0}
.na{color:#999}img{max-width:100%}h2{margin-top:2em}.verdict{font-size:1.3em;padding:.5em}
.features{display:flex;gap:1em;align-items:flex-start}.features img{max-width:33%}"""


def write_html(doc, folder):
    """folder/index.html from a crosscheck report (the dict write_report writes)."""
    os.makedirs(folder, exist_ok=True)
    verdict = ('<p class="verdict pass">All languages agree.</p>' if doc["agree"] else
               '<p class="verdict fail">The languages DISAGREE: see the red cells.</p>')
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>dlfp cross-check"
             f"</title><style>{CSS}</style></head><body><h1>dlfp cross-check: Python, R, Octave"
             f"</h1>{verdict}<p>Versions: {html.escape(json.dumps(doc.get('versions', {})))}</p>",
             table_html(doc)]
    for e in doc["scenarios"]:
        if e["name"] == "random_stream":
            continue
        parts.append(f'<h2 id="{html.escape(e["name"])}">{html.escape(e["name"])}</h2>')
        if any("loss_curve" in v for v in e["languages"].values()):
            parts.append(f'<img alt="loss curves of {html.escape(e["name"])}" '
                         f'src="{loss_figure(e)}">')
        plane = plane_data(e)
        boundary = boundary_figure(e, plane)
        if boundary:
            parts.append(f'<img alt="decision boundaries of {html.escape(e["name"])}" '
                         f'src="{boundary}">')
        frames = snapshot_frames(e, plane)
        if frames:
            parts.append("<h3>Watch it learn: the decision boundary at each snapshot</h3>")
            parts.append(animation_html(e["name"], frames))
            maps = [(lang, features_figure(e, lang, plane)) for lang in e["languages"]
                    if e["languages"][lang].get("snapshots")]
            maps = [(lang, png) for lang, png in maps if png]
            if maps:
                parts.append("<h3>What each hidden unit learned (final epoch)</h3>"
                             '<div class="features">' + "".join(
                                 f'<img alt="{lang} hidden units of {html.escape(e["name"])}" '
                                 f'src="{png}">' for lang, png in maps) + "</div>")
        for m in e["mismatches"]:
            parts.append(f'<p class="fail">{html.escape(m)}</p>')
    parts.append(f"<script>{ANIMATION_JS}</script>")
    # After loading, the page notes how many of its images decoded: a browser test reads it.
    parts.append("<script>window.addEventListener('load',function(){var i=document.images,n=0;"
                 "for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0)n++;}"
                 "document.body.setAttribute('data-images',n+'/'+i.length);});</script>")
    parts.append("</body></html>")
    path = os.path.join(folder, "index.html")
    write_atomic(path, "\n".join(parts))
    return path
