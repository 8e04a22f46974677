"""A self-contained HTML page of a cross-check: loss curves overlaid, their differences on a log
scale, each language's decision boundary for 2-D data, and the table of differences.

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

from .compare import QUANTITIES, TOLERANCES

COLOURS = {"python": "#1f77b4", "r": "#d62728", "octave": "#2ca02c"}
STYLES = {"python": "-", "r": "--", "octave": ":"}


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


def boundary_figure(entry):
    """Each language's learned decision regions over its data, or None for data not 2-D."""
    plt = _pyplot()

    import dlfp

    try:
        s = dlfp.read_scenario(entry["scenario"])
        X, labels = dlfp.load_data(s)
    except (dlfp.DlfpError, KeyError, OSError):
        return None
    if X.shape[0] != 2:
        return None
    langs = [k for k, v in entry["languages"].items() if "final_params" in v]
    fig, axes = plt.subplots(1, len(langs), figsize=(3.6 * len(langs), 3.4), squeeze=False)
    pad = 0.25
    g0 = np.linspace(X[0].min() - pad, X[0].max() + pad, 200)
    g1 = np.linspace(X[1].min() - pad, X[1].max() + pad, 200)
    G0, G1 = np.meshgrid(g0, g1)
    grid = np.vstack([G0.ravel(), G1.ravel()])
    for ax, lang in zip(axes[0], langs):
        params = {k: np.asarray(v, dtype=float) for k, v in
                  entry["languages"][lang]["final_params"].items()}
        pred = dlfp.predict_labels(grid, params, s["activations"]).reshape(G0.shape)
        ax.contourf(G0, G1, pred, alpha=0.35, cmap="viridis")
        ax.scatter(X[0], X[1], c=labels, s=6, cmap="viridis", edgecolors="none")
        ax.set_title(f"{lang}: decision boundary")
        ax.set_xticks([])
        ax.set_yticks([])
    return _png(fig)


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
            if e["name"] == "random_stream":
                same = info.get("bit_identical", False)
                cells = (f'<td class="{"pass" if same else "fail"}" colspan="{len(QUANTITIES)}">'
                         f'{"bit-identical" if same else "DIFFERENT"}</td>')
            else:
                diffs = e.get("by_language", {}).get(lang, {})
                cells = "".join(_cell(_num(diffs.get(q)), TOLERANCES[q]) for q in QUANTITIES)
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
.na{color:#999}img{max-width:100%}h2{margin-top:2em}.verdict{font-size:1.3em;padding:.5em}"""


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
        boundary = boundary_figure(e)
        if boundary:
            parts.append(f'<img alt="decision boundaries of {html.escape(e["name"])}" '
                         f'src="{boundary}">')
        for m in e["mismatches"]:
            parts.append(f'<p class="fail">{html.escape(m)}</p>')
    # After loading, the page notes how many of its images decoded: a browser test reads it.
    parts.append("<script>window.addEventListener('load',function(){var i=document.images,n=0;"
                 "for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0)n++;}"
                 "document.body.setAttribute('data-images',n+'/'+i.length);});</script>")
    parts.append("</body></html>")
    path = os.path.join(folder, "index.html")
    write_atomic(path, "\n".join(parts))
    return path
