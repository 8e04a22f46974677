"""The scenario rules are the one source: the packaged copies, the JSON Schema and the README's
field table are made from them (make schema) and must be up to date; the JSON Schema sorts
scenarios as dlfp does wherever JSON Schema can say the rule; random JSON never crashes the
reader or the checker."""
import json
import os

import jsonschema
import pytest
from hypothesis import given, settings, strategies as st

import dlfp
from conftest import ROOT
from harness.paths import default_scenarios
from harness.schema import expected_files, json_schema

BAD = ROOT / "fixtures" / "bad"
CASES = json.loads((BAD / "cases.json").read_text(encoding="utf-8"))["cases"]
# rules a JSON Schema cannot state: they span fields or count weights; and 1e400, which
# Python's json reads as inf, a number to JSON Schema
BEYOND_JSON_SCHEMA = {"layers_too_many_weights", "activations_count", "sigmoid_two_units",
                      "softmax_one_unit", "activations_hidden_softmax",
                      "activations_output_relu", "learning_rate_1e400",
                      "validation_more_folds_than_examples"}


@pytest.mark.parametrize("path", list(expected_files()), ids=lambda p: os.path.relpath(p, ROOT))
def test_files_made_from_the_rules_are_up_to_date(path):
    assert path.read_text(encoding="utf-8") == expected_files()[path], \
        f"{path} is out of date: run make schema"


def test_the_json_schema_is_valid_and_accepts_the_default_suite():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in default_scenarios():
        jsonschema.validate(json.loads(path.read_text()), schema)


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "field"], ids=lambda c: c["id"])
def test_the_json_schema_rejects_what_the_checker_rejects(case):
    doc = json.loads((BAD / case["scenario"]).read_text(encoding="utf-8"))
    valid = jsonschema.Draft202012Validator(json_schema()).is_valid(doc)
    assert valid == (case["id"] in BEYOND_JSON_SCHEMA)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
FIELDS = st.sampled_from([r["field"] for r in dlfp.RULES["fields"]] + ["colour"])


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(FIELDS, JSON, max_size=8))
def test_random_scenarios_are_accepted_or_named_never_crash(raw):
    try:
        dlfp.check_scenario(raw)
    except dlfp.DlfpError as e:
        assert str(e).startswith("dlfp: read_scenario: ") and "\n" not in str(e).strip("\n")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=60) | JSON.map(lambda v: json.dumps(v).encode()))
def test_random_files_are_read_or_named_never_crash(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("h") / "s.json"
    path.write_bytes(content)
    try:
        dlfp.read_scenario(str(path))
    except dlfp.DlfpError as e:
        assert str(e).startswith("dlfp: read_scenario: ")
