"""Chapter 6: Xavier initialization with L2 on the donut; He, L2 and dropout on the spiral."""
from common import run

run("xavier_l2_circles", "ch6_xavier_l2")
run("l2_dropout_spiral", "ch6_he_l2_dropout")
