"""Chapter 4: softmax and categorical cross-entropy on the 3-class spiral."""
from common import run

run("spiral_softmax", "ch4")
