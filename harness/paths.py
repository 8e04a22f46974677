"""Where things live in the repository, and copies of scenarios that can live elsewhere."""
import json
from pathlib import Path

import dlfp
from dlfp.schema import RULES

ROOT = Path(__file__).resolve().parent.parent
PYTHON_DIR = ROOT / "python"
R_DIR = ROOT / "r"
OCTAVE_DIR = ROOT / "octave"
FIXTURES = ROOT / "fixtures"
SCENARIOS = FIXTURES / "scenarios"
GOLDEN = FIXTURES / "golden"
DATA = FIXTURES / "data"


def default_scenarios():
    """The default suite: every scenario file in fixtures/scenarios, by name."""
    return sorted(SCENARIOS.glob("*.json"))


# The data fields that name files (type "path" in the scenario rules), read against the
# scenario file's folder
DATA_FILE_FIELDS = tuple(row["field"] for source in RULES["sources"].values()
                         for row in source["fields"] if row["type"] == "path")


def absolute_scenario(path):
    """The scenario file's fields (read as dlfp reads them) with its data paths made absolute,
    so that it reads the same files from any folder."""
    path = Path(path)
    s = dlfp.read_json(str(path), "read_scenario")
    if isinstance(s, dict) and "data" in s:
        s["data"] = absolute_data(s["data"], path.parent)
    return s


def absolute_data(data, folder):
    """A scenario's data object with each file path joined to folder and resolved; anything
    else (a generator's fields, a value of the wrong type) as it is."""
    if not isinstance(data, dict):
        return data
    return {k: str((Path(folder) / v).resolve()) if k in DATA_FILE_FIELDS and isinstance(v, str)
            else v for k, v in data.items()}


def copy_scenario(path, out, epochs=None, record_every=None, data=None, **fields):
    """Write scenario path to out with its data paths made absolute (so the copy reads the same
    files from any folder), optionally with fewer epochs, another record_every, more data
    fields and other top-level fields (e.g. snapshot_every). Returns out."""
    s = absolute_scenario(path)
    if epochs is not None:
        s["epochs"] = epochs
    if record_every is not None:
        s["record_every"] = record_every
    s.update(fields)
    s["data"].update(data or {})
    Path(out).write_text(json.dumps(s))
    return Path(out)
