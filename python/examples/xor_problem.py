"""The course's XOR problem: one hidden layer of 4 tanh units."""
from common import run

run("xor", "xor")
