"""The course's donut problem: two relu layers, Adam, mini-batches."""
from common import run

run("donut", "donut")
