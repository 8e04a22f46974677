"""The course's donut problem: two relu layers, Adam, mini-batches, and what each unit learned."""
from common import run, save_animation, save_features, scenario

result = run("donut", "donut")
save_features(result, scenario("donut"), "donut_features.png")
# Python only: the boundary at every snapshot as a GIF (matplotlib's animation writers)
save_animation(result, scenario("donut"), "donut_learning.gif")
