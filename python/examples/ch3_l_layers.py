"""Chapter 3: an L-layer network mixing relu and tanh, on XOR."""
from common import run

run("deep_xor", "ch3")
