"""Chapter 2: one hidden layer of tanh units and a sigmoid output, on the donut."""
from common import run

run("one_hidden_circles", "ch2")
