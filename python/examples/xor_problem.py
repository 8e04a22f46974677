"""The course's XOR problem: one hidden layer of 4 tanh units, and what each unit learned."""
from common import run, save_animation, save_features, scenario

result = run("xor", "xor")
save_features(result, scenario("xor"), "xor_features.png")
# Python only: the boundary at every snapshot as a GIF (matplotlib's animation writers)
save_animation(result, scenario("xor"), "xor_learning.gif")
