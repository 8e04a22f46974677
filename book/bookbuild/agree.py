"""The "three agree" box: the numbers each language printed, compared by the build.

A key such as `final cost` is found in a language's printed output as a line `final cost:
<number>` (or `final cost = <number>`); the box takes the last such line printed by the cells
above it. Two values agree when |a - b| <= tolerance * max(1, |a|, |b|): absolute near zero,
relative for large numbers. A missing key or a pair past the tolerance fails the build.
"""
import re
from dataclasses import dataclass

from .languages import LANGS
from .paths import BuildError

NUMBER = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|NaN|Inf|-Inf)"


@dataclass
class Row:
    key: str
    printed: dict       # lang -> the number as printed
    values: dict        # lang -> float
    spread: float       # the largest |a - b| / max(1, |a|, |b|) over the pairs


def find(key, texts):
    """The last number printed on a `key: x` / `key = x` line in texts, as (text, float)."""
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*[:=]\s*" + NUMBER + r"\s*$",
                         re.M | re.I)
    found = None
    for t in texts:
        for m in pattern.finditer(t):
            found = m.group(1)
    return None if found is None else (found, float(found))


def scaled_gap(a, b):
    return abs(a - b) / max(1.0, abs(a), abs(b))


def check(box, texts_above, page):
    """The box's rows; raises BuildError when a number is missing or two differ.

    texts_above: {lang: [the printed text of each of its cells above the box]}.
    """
    rows = []
    for key in box.keys:
        printed, values = {}, {}
        for lang in LANGS:
            hit = find(key, texts_above.get(lang, []))
            if hit is None:
                raise BuildError(f"book: {page}:{box.line}: three-agree: {LANGS[lang]['label']} "
                                 f"printed no line '{key}: <number>' above the box")
            printed[lang], values[lang] = hit
        vals = list(values.values())
        spread = max(scaled_gap(a, b) for a in vals for b in vals)
        if not spread <= box.tolerance:  # NaN fails too
            shown = ", ".join(f"{LANGS[k]['label']} {v}" for k, v in printed.items())
            raise BuildError(f"book: {page}:{box.line}: three-agree: '{key}' differs: {shown} "
                             f"(scaled gap {spread:.3g} > tolerance {box.tolerance:g})")
        rows.append(Row(key, printed, values, spread))
    return rows
