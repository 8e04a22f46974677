"""Where things live in the repository."""
from pathlib import Path

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
