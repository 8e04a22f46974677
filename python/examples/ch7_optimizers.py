"""Chapter 7: mini-batch momentum, RMSProp with exponential decay, Adam with inverse-time decay."""
from common import run

run("momentum_minibatch_spiral", "ch7_momentum")
run("rmsprop_exponential_xor", "ch7_rmsprop")
run("adam_inverse_time_spiral", "ch7_adam")
