"""make schema: what is made from the scenario rules (python/dlfp/scenario_rules.json): the
copies the R and Octave packages ship, a JSON Schema for editors and other tools, and the
field table of the book's page on scenarios. tests/test_schema_files.py fails when any of them
is out of date."""
import json

from dlfp.result import write_atomic
from dlfp.schema import RULES, RULES_FILE, TABLES, integer_phrase, number_phrase

from .paths import ROOT

COPIES = [ROOT / "r" / "inst" / "scenario_rules.json",
          ROOT / "octave" / "+dlfp" / "private" / "scenario_rules.json"]
JSON_SCHEMA = ROOT / "schema" / "scenario.schema.json"
README = ROOT / "book" / "src" / "guide" / "03_scenarios.md"  # the book page with the field table
BEGIN = "<!-- scenario fields: made by make schema from scenario_rules.json -->"
END = "<!-- end of scenario fields -->"


def row_schema(rule):
    """The JSON Schema of one row of the rules."""
    kind = rule["type"]
    out = {"description": rule["doc"]} if "doc" in rule else {}
    if kind in ("string", "path"):
        out["type"] = "string"
        if kind == "path" or rule.get("nonempty"):
            out["minLength"] = 1
    elif kind in ("integer", "number"):
        out["type"] = kind
        out.update(_bounds(rule))
    elif kind == "name":
        out["enum"] = sorted(TABLES[rule["table"]])
    elif kind == "integer_list":
        out.update(type="array", minItems=rule["min_length"],
                   items=dict(type="integer", **_bounds(rule)))
    elif kind == "activations":
        out.update(type="array", minItems=1, items={"enum": sorted(TABLES[rule["table"]])})
    elif kind == "object" and "choice" in rule:
        out.update(type="object", oneOf=_choices(rule))
    elif kind == "object":
        out.update(_object(rule))
    elif kind == "source":
        out.update(type="object", oneOf=[_object(spec) if "choice" not in spec
                                         else {"oneOf": _choices(spec)}
                                         for _, spec in sorted(RULES["sources"].items())])
    if "default" in rule:
        out["default"] = rule["default"]
    return out


def _bounds(rule):
    names = {"min": "minimum", "max": "maximum", "exclusive_min": "exclusiveMinimum",
             "exclusive_max": "exclusiveMaximum"}
    return {names[k]: rule[k] for k in names if k in rule}


def _object(spec, required=(), extra_rows=()):
    rows = list(extra_rows) + spec.get("fields", [])
    out = {"type": "object", "additionalProperties": False,
           "required": list(required) + [r["field"] for r in rows if r.get("required")],
           "properties": {r["field"]: row_schema(r) for r in rows}}
    together = {k: [o for o in group if o != k] for group in spec.get("together", [])
                for k in group}
    if together:
        out["dependentRequired"] = together
    return out


def _choices(spec):
    choice = spec["choice"]
    out = []
    for name in sorted(choice["variants"]):
        one = _object(spec, [choice["key"]], choice["variants"][name])
        one["properties"] = {choice["key"]: {"const": name}, **one["properties"]}
        out.append(one)
    return out


def json_schema():
    """The scenario format as a JSON Schema (draft 2020-12)."""
    top = _object(RULES)
    top["properties"] = {r["field"]: row_schema(r) for r in RULES["fields"]}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://dlfp.example.org/scenario.schema.json",
            "title": "dlfp scenario",
            "description": "Made from python/dlfp/scenario_rules.json by make schema; dlfp's "
                           "own checkers also enforce what JSON Schema cannot say (activations "
                           "one per layer, at most 10^8 weights, the output's units).",
            **top}


def field_table():
    """The README's table of scenario fields: name, meaning and allowed values, default."""
    lines = ["| field | meaning | default |", "|---|---|---|"]
    for r in RULES["fields"]:
        default = ("required" if r.get("required") else
                   f"`{json.dumps(r['default'])}`" if "default" in r else "")
        lines.append(f"| `{r['field']}` | {_allowed(r)} | {default} |")
    return "\n".join(lines)


def _allowed(rule):
    phrase = {"integer": lambda: integer_phrase(rule), "number": lambda: number_phrase(rule),
              "integer_list": lambda: (f"a list of at least {rule['min_length']} "
                                       f"{integer_phrase(rule, plural=True)}")}
    extra = phrase.get(rule["type"])
    return rule["doc"] + (f"; {extra()}" if extra else "")


def expected_files():
    """{path: text} of every file made from the rules, as make schema writes them."""
    rules = rules_text()
    out = {path: rules for path in COPIES}
    out[JSON_SCHEMA] = json.dumps(json_schema(), indent=1) + "\n"
    readme = README.read_text(encoding="utf-8")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    out[README] = f"{head}{BEGIN}\n{field_table()}\n{END}{tail}"
    return out


def rules_text():
    """The rules file as it is on disk: the copies are byte for byte the same."""
    with open(RULES_FILE, encoding="utf-8") as f:
        return f.read()


def write_schema_files():
    """Write every file made from the rules; returns their paths."""
    written = []
    for path, text in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(path), text)
        written.append(path)
    return written
