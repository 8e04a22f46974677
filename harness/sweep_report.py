"""The sweep's page: test accuracy against each searched field, the best configuration, and
whether the languages agree, trial by trial. Self-contained (PNG data URIs, no network)."""
import html
import json
import os


from dlfp.result import write_atomic

from .report import COLOURS, CSS, _png, _pyplot

MARKERS = {"python": "o", "r": "s", "octave": "^"}


def field_figure(doc, field):
    """Mean test accuracy over folds of every trial against one searched field."""
    plt = _pyplot()
    kind = next(iter(doc["sweep"]["space"][field]))
    fig, ax = plt.subplots(figsize=(5, 3.4))
    values = [json.dumps(t[field]) if isinstance(t[field], list) else t[field]
              for t in doc["trials"]]
    categorical = any(isinstance(v, str) for v in values)
    labels = sorted(set(map(str, values))) if categorical else None
    plotted = False
    for i, lang in enumerate(doc["languages"]):
        pts = [(s["fields"][field], s["mean_test_accuracy"]) for s in doc["summary"]
               if s["language"] == lang and s["mean_test_accuracy"] is not None]
        if not pts:
            continue
        xs = [labels.index(str(json.dumps(x) if isinstance(x, list) else x)) + 0.08 * i
              if categorical else x for x, _ in pts]
        ax.plot(xs, [y for _, y in pts], MARKERS.get(lang, "o"), color=COLOURS.get(lang),
                label=lang, alpha=0.7, fillstyle="none")
        plotted = True
    if categorical:
        ax.set_xticks(range(len(labels)), labels, rotation=20, fontsize=7)
    if kind == "log_uniform":
        ax.set_xscale("log")
    ax.set(xlabel=field, ylabel="mean test accuracy over folds", title=field)
    if plotted:
        ax.legend(fontsize=8)
    return _png(fig)


def table_html(doc):
    rows = []
    for s in doc["summary"]:
        agree = {True: '<td class="pass">yes</td>', False: '<td class="fail">NO</td>',
                 None: '<td class="na">-</td>'}[s["languages_agree"]]
        mean = "-" if s["mean_test_accuracy"] is None else f"{s['mean_test_accuracy']:.4f}"
        std = "-" if s["std_test_accuracy"] is None else f"{s['std_test_accuracy']:.4f}"
        rows.append(f"<tr><td>{s['trial']}</td><td>{s['language']}</td>"
                    f"<td>{html.escape(json.dumps(s['fields']))}</td><td>{mean}</td>"
                    f"<td>{std}</td><td>{html.escape(', '.join(s['statuses']))}</td>{agree}</tr>")
    return ('<table id="trials"><tr><th>trial</th><th>language</th><th>fields</th>'
            "<th>mean test acc.</th><th>std</th><th>statuses</th><th>languages agree</th></tr>"
            + "".join(rows) + "</table>")


def write_sweep_html(doc, path):
    """path (index.html) for a sweep document."""
    best = doc["best"]
    best_html = ("<p>No trial finished in every fold.</p>" if best is None else
                 f'<p id="best">Best: trial {best["trial"]}, '
                 f'{html.escape(json.dumps(best["fields"]))}, mean test accuracy '
                 f'{best["mean_test_accuracy"]:.4f} (std {best["std_test_accuracy"]:.4f}, '
                 f'{best["language"]})</p>')
    tt = doc.get("t_test")
    if tt:
        best_html += (f"<p>Paired t-test over the folds, trial {tt['best']} against the "
                      f"runner-up {tt['runner_up']}: "
                      + (f"t = {tt['t']:.4f}, p = {tt['p']:.4f}" if tt["t"] is not None
                         else tt["note"]) + "</p>")
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>dlfp sweep "
             f"{html.escape(doc['name'])}</title><style>{CSS}</style></head><body>"
             f"<h1>dlfp sweep: {html.escape(doc['name'])}</h1>{best_html}"
             f"<p>Cluster: {html.escape(json.dumps(doc.get('cluster')))}</p>"]
    for field in doc["sweep"]["space"]:
        parts.append(f'<img alt="test accuracy against {html.escape(field)}" '
                     f'src="{field_figure(doc, field)}">')
    parts.append(table_html(doc))
    parts.append("<script>window.addEventListener('load',function(){var i=document.images,n=0;"
                 "for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0)n++;}"
                 "document.body.setAttribute('data-images',n+'/'+i.length);});</script>")
    parts.append("</body></html>")
    write_atomic(path, "\n".join(parts))
    return os.path.abspath(path)
