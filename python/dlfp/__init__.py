"""dlfp: deep learning from first principles, the numpy twin of the R and Octave packages."""
from .activations import (ACTIVATIONS, DERIVATIVES, relu_backward, relu_forward,
                          sigmoid_backward, sigmoid_forward, softmax_forward, tanh_backward,
                          tanh_forward)
from .costs import COSTS, binary_cross_entropy, categorical_cross_entropy
from .datasets import GENERATORS, generate_circles, generate_spiral, generate_xor
from .errors import DlfpError
from .initializers import INITIALIZERS, initialize_parameters
from .gradcheck import GRADCHECK_THRESHOLD, gradient_check
from .idx import read_idx, write_idx
from .network import (accuracy, backward_propagation, compute_cost, forward_backward,
                      forward_propagation, forward_propagation_dropout, l2_penalty,
                      labels_to_targets, linear_forward, predict_labels, update_parameters)
from .optimizers import (OPTIMIZERS, SCHEDULES, initialize_optimizer, learning_rate_at,
                         schedule_exponential, schedule_inverse_time, schedule_none,
                         update_parameters_adam, update_parameters_gd, update_parameters_momentum,
                         update_parameters_rmsprop)
from .rng import rng_create, rng_normal, rng_permutation, rng_uniform
from .data import (check_data, has_test_data, load_checked_data, load_data, load_test_data,
                   read_csv_data, read_csv_matrix)
from .result import check_result_path, write_result
from .run import prepare_scenario, run_scenario
from .schema import RULES, check_scenario, read_scenario
from .textfile import read_json, read_text
from .train import train
from .validation import check_folds, cross_validate, fold_indices, validate_fold

__version__ = "0.1.0"
