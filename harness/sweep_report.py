"""The sweep's page: every searched field against the test accuracy in one parallel-coordinates
plot (the best trial highlighted), each varying field on its own against the accuracy, and a
table of one row per trial, sortable by any column, where the languages' agreement is shown once
and a disagreement stands out. Self-contained (PNG data URIs, inline style and script, no
network): it works as a static file anywhere (the book copies it into its site as
sweep/index.html)."""
import html
import json
import math
import os

import numpy as np

from dlfp.result import write_atomic

from .report import COLOURS, CSS, IMAGES_JS, _home, _png, _pyplot, ordered, versions_html

MARKERS = {"python": "o", "r": "s", "octave": "^"}
BEST = "#d62728"


def sig4(x):
    """x to 4 significant digits, as the page shows every number ("-" for none)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{x:.4g}"


def shown(v):
    """A field's value as the page shows it: numbers to 4 significant digits, lists as JSON."""
    if isinstance(v, bool) or isinstance(v, str):
        return str(v)
    if isinstance(v, (int, float)):
        return sig4(v)
    return json.dumps(v)


def varying_fields(doc):
    """The searched fields whose value differs between trials, in the sweep's order (a field
    every trial shares says nothing about the accuracy, so it is not plotted)."""
    return [f for f in doc["sweep"]["space"]
            if len({json.dumps(t[f]) for t in doc["trials"]}) > 1]


def _axis(doc, field):
    """(positions in [0, 1] of the trials' values, tick positions, tick labels) of one field:
    numbers on a linear or (log_uniform) log scale, anything else as evenly spaced categories."""
    values = [t[field] for t in doc["trials"]]
    numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    if not numeric:
        cats = sorted({json.dumps(v) for v in values})
        at = {c: (k / (len(cats) - 1) if len(cats) > 1 else 0.5) for k, c in enumerate(cats)}
        return [at[json.dumps(v)] for v in values], list(at.values()), cats
    log = next(iter(doc["sweep"]["space"][field])) == "log_uniform"
    x = np.log10(values) if log else np.asarray(values, dtype=float)
    lo, hi = float(x.min()), float(x.max())
    pos = (x - lo) / (hi - lo) if hi > lo else np.full(len(x), 0.5)
    ticks = np.linspace(lo, hi, 4)
    labels = [sig4(10 ** t if log else t) for t in ticks]
    return list(pos), list((ticks - lo) / (hi - lo)) if hi > lo else [0.5], labels


def _reference_rows(doc):
    """The first language's summary row of each trial: the one the best trial is ranked by."""
    ref = doc["languages"][0]
    return {s["trial"]: s for s in doc["summary"] if s["language"] == ref}


def parallel_figure(doc):
    """Every varying field and the mean test accuracy as parallel axes, a line a trial coloured
    by its accuracy; the best trial drawn thick on top. None when no trial finished."""
    refs = _reference_rows(doc)
    done = [i for i in range(len(doc["trials"])) if refs[i]["mean_test_accuracy"] is not None]
    if not done:
        return None
    plt = _pyplot()
    fields = varying_fields(doc)
    axes = [_axis(doc, f) for f in fields]
    acc = np.array([refs[i]["mean_test_accuracy"] for i in done])
    lo, hi = float(acc.min()), float(acc.max())
    scale = (acc - lo) / (hi - lo) if hi > lo else np.full(len(acc), 0.5)
    names = fields + ["mean test accuracy"]
    fig, ax = plt.subplots(figsize=(min(11.0, max(6.0, 2.8 * len(names))), 4.6))
    cmap = plt.get_cmap("viridis")
    best = doc["best"]["trial"] if doc["best"] else None
    for k, i in enumerate(done):
        ys = [a[0][i] for a in axes] + [scale[k]]
        style = dict(color=BEST, linewidth=3.5, zorder=3, label=f"best: trial {i}") \
            if i == best else dict(color=cmap(scale[k]), linewidth=1.3, alpha=0.8, zorder=2)
        ax.plot(range(len(names)), ys, "o-", markersize=4, **style)
    for x, (_, ticks, labels) in enumerate(axes + [(None, [0, 1 / 3, 2 / 3, 1],
                                                    [sig4(lo + t * (hi - lo)) for t in
                                                     (0, 1 / 3, 2 / 3, 1)])]):
        ax.axvline(x, color="#888", linewidth=1, zorder=1)
        for t, lab in zip(ticks, labels):
            ax.text(x + 0.03, t, lab, fontsize=8, va="center", color="#333")
    ax.set_xticks(range(len(names)), names)
    ax.set_yticks([])
    ax.set_ylim(-0.06, 1.06)
    ax.set_xlim(-0.2, len(names) - 0.6)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"{len(done)} trials: the searched fields and the mean test accuracy over "
                 f"folds ({doc['languages'][0]})")
    if best is not None:
        ax.legend(loc="upper left", fontsize=9, frameon=False, bbox_to_anchor=(0, -0.08))
    return _png(fig, 100)


def fields_figure(doc):
    """A panel per varying field: each language's mean test accuracy of every trial against the
    field's value (categories evenly spaced, log_uniform on a log axis). None if none varies."""
    fields = varying_fields(doc)
    if not fields:
        return None
    plt = _pyplot()
    from matplotlib.ticker import NullFormatter

    fig, axs = plt.subplots(1, len(fields), figsize=(3.6 * len(fields), 3.2), squeeze=False,
                            sharey=True)
    best = doc["best"]["trial"] if doc["best"] else None
    for ax, field in zip(axs[0], fields):
        categorical = not all(isinstance(t[field], (int, float)) for t in doc["trials"])
        cats = sorted({json.dumps(t[field]) for t in doc["trials"]})
        for k, lang in enumerate(ordered(doc["languages"])):
            pts = [(s["trial"], s["fields"][field], s["mean_test_accuracy"])
                   for s in doc["summary"]
                   if s["language"] == lang and s["mean_test_accuracy"] is not None]
            xs = [cats.index(json.dumps(v)) + 0.08 * k if categorical else v for _, v, _ in pts]
            ax.plot(xs, [y for _, _, y in pts], MARKERS.get(lang, "o"), color=COLOURS.get(lang),
                    label=lang, alpha=0.8, fillstyle="none")
            ax.plot([x for x, (i, _, _) in zip(xs, pts) if i == best],
                    [y for i, _, y in pts if i == best], "*", color=BEST, markersize=12)
        if categorical:
            ax.set_xticks(range(len(cats)), cats, rotation=15, fontsize=8)
        elif next(iter(doc["sweep"]["space"][field])) == "log_uniform":
            ax.set_xscale("log")
            ax.xaxis.set_minor_formatter(NullFormatter())  # 2x10^-3, 3x10^-3, ... overlap
        ax.set(xlabel=field, title=field)
    axs[0][0].set_ylabel("mean test accuracy over folds")
    axs[0][0].legend(fontsize=8)
    return _png(fig)


def _agreement_cell(doc, trial):
    """One cell for the languages of a trial: agree, DISAGREE with each language's mean, or
    why some language did not finish."""
    rows = [s for s in doc["summary"] if s["trial"] == trial]
    agree = rows[0]["languages_agree"]
    langs = ordered([s["language"] for s in rows])
    if len(langs) == 1:
        return f'<td class="na" data-v="single">{langs[0]} only</td>'
    if agree is True:
        return f'<td class="pass" data-v="agree">agree ({", ".join(langs)})</td>'
    if agree is False:
        means = ", ".join(f'{s["language"]} {sig4(s["mean_test_accuracy"])}' for s in rows)
        return f'<td class="fail disagree" data-v="DISAGREE">DISAGREE: {html.escape(means)}</td>'
    unfinished = ", ".join(f'{s["language"]}: {"/".join(s["statuses"]) or "not run"}'
                           for s in rows if s["mean_test_accuracy"] is None)
    return f'<td class="na" data-v="unfinished">not all finished ({html.escape(unfinished)})</td>'


def _num_cell(x):
    return f'<td data-v="{x!r}">{sig4(x)}</td>' if x is not None else '<td data-v="">-</td>'


def table_html(doc):
    """A row a trial: its fields, the reference language's mean and std test accuracy over
    folds, its statuses and the languages' agreement; sortable by a click on a header."""
    fields = list(doc["sweep"]["space"])
    refs = _reference_rows(doc)
    best = doc["best"]["trial"] if doc["best"] else None
    head = ('<th data-type="num">trial</th>' + "".join(
        f'<th data-type="{"num" if _numeric(doc, f) else "text"}">{html.escape(f)}</th>'
        for f in fields) + '<th data-type="num">mean test acc.</th><th data-type="num">std</th>'
        '<th data-type="text">statuses</th><th data-type="text">languages</th>')
    rows = []
    for i, trial in enumerate(doc["trials"]):
        r = refs[i]
        cells = [f'<td data-v="{i}">{i}</td>']
        cells += [_num_cell(trial[f]) if _numeric(doc, f) else
                  f'<td data-v="{html.escape(shown(trial[f]))}">{html.escape(shown(trial[f]))}'
                  "</td>" for f in fields]
        statuses = sorted({st for s in doc["summary"] if s["trial"] == i for st in s["statuses"]})
        cells += [_num_cell(r["mean_test_accuracy"]), _num_cell(r["std_test_accuracy"]),
                  f'<td data-v="{html.escape("/".join(statuses))}">'
                  f'{html.escape(", ".join(statuses)) or "-"}</td>', _agreement_cell(doc, i)]
        mark = ' class="best"' if i == best else ""
        rows.append(f'<tr{mark} data-trial="{i}">' + "".join(cells) + "</tr>")
    return (f'<div class="wide"><table id="trials" class="sortable"><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></div>')


def _numeric(doc, field):
    return all(isinstance(t[field], (int, float)) and not isinstance(t[field], bool)
               for t in doc["trials"])


# A click on a header sorts the rows by that column (numbers as numbers, a missing number
# last); a second click reverses. "#selftest" in the address sorts by the mean accuracy, high
# first, and records the trials' order in data-sorted on the body: the browser test reads it.
SORT_JS = """(function(){
function key(td,num){var v=td.dataset.v;if(!num)return v;var n=parseFloat(v);return isNaN(n)?-Infinity:n;}
function sort(t,i,asc){var th=t.tHead.rows[0].cells,num=th[i].dataset.type==='num';
for(var k=0;k<th.length;k++)th[k].removeAttribute('data-dir');th[i].dataset.dir=asc?'asc':'desc';
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
rows.sort(function(x,y){var a=key(x.cells[i],num),c=key(y.cells[i],num);
var d=a<c?-1:a>c?1:(+x.dataset.trial)-(+y.dataset.trial);return asc?d:(a<c||a>c?-d:d);});
rows.forEach(function(r){b.appendChild(r);});}
document.querySelectorAll('table.sortable').forEach(function(t){
var th=t.tHead.rows[0].cells;Array.prototype.forEach.call(th,function(h,i){h.title='sort';
h.addEventListener('click',function(){sort(t,i,h.dataset.dir!=='asc');});});});
if(location.hash!=='#selftest')return;
var t=document.getElementById('trials'),th=t.tHead.rows[0].cells,i;
for(i=0;i<th.length;i++)if(th[i].textContent==='mean test acc.')break;
th[i].click();th[i].click();
var order=Array.prototype.map.call(t.tBodies[0].rows,function(r){return r.dataset.trial;});
document.body.setAttribute('data-sorted',order.join(' '));
})();"""

SWEEP_CSS = """tr.best td{font-weight:bold;background:#fff3c4}td.disagree{font-weight:bold;color:#900}
th{cursor:pointer}th[data-dir=asc]::after{content:' \\25B2'}th[data-dir=desc]::after{content:' \\25BC'}
.facts td,#trials td:last-child{text-align:left}"""


def _best_html(doc):
    best = doc["best"]
    if best is None:
        return "<p>No trial finished in every fold.</p>"
    text = (f'<p id="best">Best: trial {best["trial"]}, '
            f'{html.escape(", ".join(f"{k} = {shown(v)}" for k, v in best["fields"].items()))}: '
            f'mean test accuracy {sig4(best["mean_test_accuracy"])} '
            f'(std {sig4(best["std_test_accuracy"])}, {best["language"]})</p>')
    tt = doc.get("t_test")
    if tt:
        text += (f"<p>Paired t-test over the folds, trial {tt['best']} against the runner-up "
                 f"{tt['runner_up']}: " + (f"t = {sig4(tt['t'])}, p = {sig4(tt['p'])}"
                                           if tt["t"] is not None else tt["note"]) + "</p>")
    return text


def _agreement_html(doc):
    """The languages' agreement over the whole sweep, in one line."""
    if len(doc["languages"]) < 2:
        return f"<p>One language: {html.escape(doc['languages'][0])}.</p>"
    verdicts = {}
    for s in doc["summary"]:
        verdicts[s["trial"]] = s["languages_agree"]
    bad = sorted(t for t, v in verdicts.items() if v is False)
    langs = ", ".join(ordered(doc["languages"]))
    if bad:
        return (f'<p class="verdict fail">The languages DISAGREE on trial(s) '
                f'{", ".join(map(str, bad))}: see the red rows.</p>')
    unfinished = sum(v is None for v in verdicts.values())
    tail = f" ({unfinished} trial(s) not finished in every language)" if unfinished else ""
    return (f'<p class="verdict pass">{langs}: the same test accuracy on every fold of every '
            f"finished trial{tail}.</p>")


def _cluster_html(cluster):
    if not isinstance(cluster, dict):
        return f"<p>Cluster: {html.escape(json.dumps(cluster))}</p>"
    rows = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(shown(v))}</td></tr>"
                   for k, v in cluster.items())
    return f'<table class="facts" id="cluster"><tbody>{rows}</tbody></table>'


def write_sweep_html(doc, path, home=None):
    """path (index.html) for a sweep document; home, when given, links back to the site the page
    is part of (the book's "../index.html")."""
    name = html.escape(doc["name"])
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>dlfp sweep {name}"
             f"</title><style>{CSS}\n{SWEEP_CSS}</style></head><body>{_home(home)}"
             f"<h1>dlfp sweep: {name}</h1>", _best_html(doc), _agreement_html(doc)]
    for alt, png in (("all searched fields and the test accuracy", parallel_figure(doc)),
                     ("test accuracy against each searched field", fields_figure(doc))):
        if png:
            parts.append(f'<img alt="{alt}" src="{png}">')
    constant = [f for f in doc["sweep"]["space"] if f not in varying_fields(doc)]
    if constant:
        parts.append("<p>The same in every trial (not plotted): " + html.escape(", ".join(
            f"{f} = {shown(doc['trials'][0][f])}" for f in constant)) + ".</p>")
    parts += ["<h2>Trials</h2><p>A row a trial; click a header to sort.</p>", table_html(doc),
              "<h2>Cluster</h2>", _cluster_html(doc.get("cluster")),
              "<h2>Versions</h2>", versions_html(doc.get("versions", {}), "package"),
              f"<script>{SORT_JS}</script><script>{IMAGES_JS}</script></body></html>"]
    write_atomic(path, "\n".join(parts))
    return os.path.abspath(path)
