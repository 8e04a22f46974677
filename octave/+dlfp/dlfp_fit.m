## -*- texinfo -*-
## @deftypefn  {} {@var{model} =} dlfp.dlfp_fit (@var{x}, @var{y})
## @deftypefnx {} {@var{model} =} dlfp.dlfp_fit (@var{x}, @var{y}, @var{name}, @var{value}, @dots{})
## model = train(initialize_parameters(layers, init, seed), x', targets(y)): fit a classifier.
##
## The Octave twin of Python's @code{DLFPClassifier.fit} (dlfp/estimator.py) and R's
## @code{dlfp_fit}: the same network and the same numbers for the same data and seed.
## @var{x} is n_samples x n_features (one example per row, as in scikit-learn and R; dlfp's
## own functions take its transpose); @var{y} holds one label per row of @var{x}, numbers or
## a cell of strings. The classes are the sorted distinct labels (numbers numerically,
## strings by character code, as numpy.unique sorts them), and a label becomes its 0-based
## class index. Two classes make a sigmoid output (binary cross-entropy), more a softmax.
##
## Settings, as name-value pairs (defaults as Python's):
## @table @code
## @item hidden
## units of each hidden layer, a row (5)
## @item activation
## of every hidden layer: "relu", "tanh" or "sigmoid" ("relu")
## @item init
## "scaled", "he" or "xavier" ("he")
## @item optimizer
## "gd", "momentum", "rmsprop" or "adam" ("adam")
## @item learning_rate
## (0.01)
## @item epochs
## (200)
## @item batch_size
## 0: full batch (0)
## @item lambda
## L2 strength (0)
## @item keep_prob
## dropout on the hidden layers, 1: none (1)
## @item seed
## initial weights, shuffles and masks, from the shared stream (1)
## @end table
##
## The settings become a scenario (layers [n_features, hidden, 1 or K], activations
## [activation for each hidden layer, sigmoid or softmax], record_every 1, data
## @{"csv": "(in memory)"@}) checked by @code{dlfp.check_scenario}, so a bad setting stops
## with the scenario's own message (e.g. @code{dlfp: read_scenario: 'learning_rate' must be
## a positive number}). @var{model} is a struct with fields params (W1, b1, @dots{}),
## classes (a column, numbers or a cell of strings), activations (a 1 x L cell of names) and
## loss_curve (a 1 x epochs row: the cost of every epoch). Predict with
## @code{dlfp.dlfp_predict}.
## @end deftypefn

function model = dlfp_fit (x, y, varargin)
  if (nargin < 2)
    print_usage ();
  endif
  fn = "dlfp_fit";
  settings = struct ("hidden", 5, "activation", "relu", "init", "he", "optimizer", "adam",
                     "learning_rate", 0.01, "epochs", 200, "batch_size", 0, "lambda", 0,
                     "keep_prob", 1, "seed", 1);
  if (mod (numel (varargin), 2) != 0)
    dlfp.internal.fail ("data", fn, "settings come as name-value pairs");
  endif
  known = fieldnames (settings)';
  for k = 1:2:numel (varargin)
    name = varargin{k};
    if (! (ischar (name) && any (strcmp (name, known))))
      dlfp.internal.fail ("name", fn,
                          sprintf ("unknown setting %s (known: %s)",
                                   dlfp.internal.py_repr (name), strjoin (sort (known), ", ")));
    endif
    settings.(name) = varargin{k + 1};
  endfor
  if (! (isnumeric (x) && isreal (x) && ismatrix (x)))
    dlfp.internal.fail ("data", fn, "x must be a numeric matrix, one example per row");
  endif
  if (! (isvector (y) && (isnumeric (y) || islogical (y) || iscellstr (y)))
      || numel (y) != rows (x))
    dlfp.internal.fail ("data", fn,
                        sprintf ("y must hold one label per row of x (%d rows)", rows (x)));
  endif
  [classes, ~, index] = unique (y(:));  # sorted: numerically, or by character code
  K = numel (classes);
  if (K < 2)
    dlfp.internal.fail ("data", fn,
                        sprintf ("needs samples of at least 2 classes; got %d class", K));
  endif
  s = fit_scenario (settings, columns (x), K);
  X = double (x)';  # (n_features, m)
  labels = index(:)' - 1;  # (1, m): 0-based class indices
  dlfp.check_data (X, labels, s.layers, s.activations{end});
  Y = dlfp.labels_to_targets (labels, s.activations{end}, s.layers(end));
  [params0, rng] = dlfp.initialize_parameters (s.layers, s.init, dlfp.rng_create (s.seed));
  [params, curve] = dlfp.train (X, Y, params0, s.activations, s, rng);
  model = struct ("params", params, "classes", {classes}, "activations", {s.activations},
                  "loss_curve", curve(:, 2)');
endfunction

function s = fit_scenario (settings, n_features, K)
  ## the checked scenario of these settings, as estimator.py's _scenario builds it: lists as
  ## cells, as a JSON file would give them to check_scenario
  if (K == 2)
    output = {"sigmoid", 1};
  else
    output = {"softmax", K};
  endif
  ## int() of each hidden size, as Python's estimator takes them
  hidden = fix (double (settings.hidden(:)'));
  raw = struct ("name", "DLFPClassifier", "data", struct ("csv", "(in memory)"),
                "layers", {num2cell([n_features, hidden, output{2}])},
                "activations", {[repmat({settings.activation}, 1, numel (hidden)), output(1)]},
                "init", settings.init, "optimizer", settings.optimizer,
                "learning_rate", settings.learning_rate, "epochs", settings.epochs,
                "record_every", 1, "batch_size", settings.batch_size,
                "lambda", settings.lambda, "keep_prob", settings.keep_prob,
                "seed", settings.seed);
  s = dlfp.check_scenario (raw);
endfunction

%!shared p, y, classes
%! ## the spiral, its three classes given as the labels 10, 20, 30
%! p = dlfp.prepare_scenario (dlfp.check_scenario (dlfp.internal.parse_json (
%!   '{"name": "s", "data": {"generator": "spiral", "n_per_class": 40}, "layers": [2, 3], "activations": ["softmax"], "learning_rate": 1, "epochs": 1}')));
%! classes = [10; 20; 30];
%! y = classes(p.labels + 1);  # (m, 1)
%!test
%! ## the same network as initialize_parameters and train build by hand from the settings
%! model = dlfp.dlfp_fit (p.X', y, "hidden", [6, 4], "activation", "tanh", "init", "xavier",
%!                        "optimizer", "momentum", "learning_rate", 0.3, "epochs", 40,
%!                        "batch_size", 32, "seed", 7);
%! assert (fieldnames (model), {"params"; "classes"; "activations"; "loss_curve"});
%! assert (model.classes, classes);
%! assert (model.activations, {"tanh", "tanh", "softmax"});
%! s = struct ("optimizer", "momentum", "learning_rate", 0.3, "epochs", 40, "record_every", 1,
%!             "batch_size", 32, "lambda", 0, "keep_prob", 1, "beta", 0.9, "beta1", 0.9,
%!             "beta2", 0.999, "epsilon", 1e-8, "lr_decay", struct ("kind", "none"));
%! [params0, rng] = dlfp.initialize_parameters ([2, 6, 4, 3], "xavier", dlfp.rng_create (7));
%! Y = double ((0:2)' == p.labels);  # one-hot, (3, m)
%! [params, curve] = dlfp.train (p.X, Y, params0, {"tanh", "tanh", "softmax"}, s, rng);
%! assert (isequal (model.params, params));
%! assert (isequal (model.loss_curve, curve(:, 2)'));
%! assert (size (model.loss_curve), [1, 40]);
%! ## predictions map back to the labels given; probabilities are the softmax columns
%! predicted = dlfp.dlfp_predict (model, p.X');
%! A = dlfp.forward_propagation (p.X, params, {"tanh", "tanh", "softmax"});
%! [~, k] = max (A, [], 1);
%! assert (predicted, classes(k));
%! assert (dlfp.dlfp_predict (model, p.X', "prob"), A');
%! assert (mean (predicted == y) > 0.5);
%!test
%! ## the defaults: one hidden layer of 5 relus, He, Adam at 0.01, 200 epochs, seed 1;
%! ## two classes make a sigmoid output, and any labels (here strings) come back
%! two = p.labels < 2;
%! names = {"inner", "outer"}(p.labels(two) + 1)';
%! model = dlfp.dlfp_fit (p.X(:, two)', names);
%! assert (model.classes, {"inner"; "outer"});
%! assert (model.activations, {"relu", "sigmoid"});
%! s = struct ("optimizer", "adam", "learning_rate", 0.01, "epochs", 200, "record_every", 1,
%!             "batch_size", 0, "lambda", 0, "keep_prob", 1, "beta", 0.9, "beta1", 0.9,
%!             "beta2", 0.999, "epsilon", 1e-8, "lr_decay", struct ("kind", "none"));
%! [params0, rng] = dlfp.initialize_parameters ([2, 5, 1], "he", dlfp.rng_create (1));
%! params = dlfp.train (p.X(:, two), p.labels(two), params0, {"relu", "sigmoid"}, s, rng);
%! assert (isequal (model.params, params));
%! prob = dlfp.dlfp_predict (model, p.X(:, two)', "prob");
%! a = dlfp.forward_propagation (p.X(:, two), params, {"relu", "sigmoid"})';
%! assert (prob, [1 - a, a]);
%! assert (dlfp.dlfp_predict (model, p.X(:, two)'), {"inner", "outer"}(1 + (a > 1 - a))');
%!test
%! ## strings sort by character code, as numpy.unique sorts them: "B" before "a"
%! model = dlfp.dlfp_fit ([0; 1; 2; 3], {"a"; "B"; "a"; "B"}, "hidden", [], "epochs", 1);
%! assert (model.classes, {"B"; "a"});
%! assert (model.activations, {"sigmoid"});
%!error <^dlfp: read_scenario: 'learning_rate' must be a positive number$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "learning_rate", 0);
%!error <^dlfp: read_scenario: unknown activation 'swish' \(known: relu, sigmoid, softmax, tanh\)$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "activation", "swish");
%!error <^dlfp: read_scenario: 'epochs' must be an integer from 1 to 1000000$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "epochs", 0);
%!error <^dlfp: dlfp_fit: unknown setting 'lambd' \(known: activation, batch_size, epochs, hidden, init, keep_prob, lambda, learning_rate, optimizer, seed\)$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "lambd", 0.1);
%!error <^dlfp: dlfp_fit: settings come as name-value pairs$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "epochs");
%!error <^dlfp: dlfp_fit: needs samples of at least 2 classes; got 1 class$>
%! dlfp.dlfp_fit ([0; 1], [3; 3]);
%!error <^dlfp: dlfp_fit: y must hold one label per row of x \(2 rows\)$>
%! dlfp.dlfp_fit ([0; 1], [0; 1; 1]);
%!error <^dlfp: check_data: X has NaN or Inf at feature 1, example 2$>
%! dlfp.dlfp_fit ([0; NaN], [0; 1]);
%!error <Invalid call> dlfp.dlfp_fit ()
