"""dlfp: deep learning from first principles, the numpy twin of the R and Octave packages."""
from .activations import (ACTIVATIONS, DERIVATIVES, relu_backward, relu_forward,
                          sigmoid_backward, sigmoid_forward, softmax_forward, tanh_backward,
                          tanh_forward)
from .costs import COSTS, binary_cross_entropy, categorical_cross_entropy
from .datasets import GENERATORS, generate_circles, generate_spiral, generate_xor
from .errors import DlfpError
from .initializers import INITIALIZERS, initialize_parameters
from .network import (accuracy, backward_propagation, compute_cost, forward_backward,
                      forward_propagation, labels_to_targets, linear_forward, predict,
                      update_parameters)
from .rng import rng_create, rng_normal, rng_uniform
from .scenario import check_data, load_data, read_csv_data, read_scenario, run_scenario, write_result
from .train import OPTIMIZERS, train

__version__ = "0.1.0"
