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
## units of each hidden layer, each from 1 to 100000, a row; [] for none (5)
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
## Each setting is checked first, by the scenario rules' row of its field: the same bounds
## and words as Python's @code{DLFPClassifier} and R's @code{dlfp_fit} (e.g. @code{dlfp:
## dlfp_fit: The 'hidden' parameter of dlfp_fit must be a list of integers from 1 to 100000.
## Got 2.7 instead.}); a logical is not a number. Then @var{x} and @var{y} are checked
## (finite; numbers with a fraction are a regression target, not labels, as scikit-learn's
## type_of_target says), and the settings become a scenario (layers [n_features, hidden, 1
## or K], activations [activation for each hidden layer, sigmoid or softmax], record_every
## 1, data @{"csv": "(in memory)"@}) checked by @code{dlfp.check_scenario}. @var{model} is
## a struct with fields params (W1, b1, @dots{}), classes (a column, numbers or a cell of
## strings), activations (a 1 x L cell of names) and loss_curve (a 1 x epochs row: the cost
## of every epoch). Predict with @code{dlfp.dlfp_predict}.
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
                                   echo (name), strjoin (sort (known), ", ")));
    endif
    settings.(name) = varargin{k + 1};
  endfor
  check_settings (settings, fn);
  estimator_inputs (x, fn);
  estimator_labels (y, rows (x), fn);
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

function estimator_inputs (x, fn)
  ## R's estimator_inputs: a numeric matrix of at least one row and column, finite
  if (! (isnumeric (x) && isreal (x) && ismatrix (x)))
    dlfp.internal.fail ("data", fn, "x must be a numeric matrix, one example per row");
  endif
  if (isempty (x))
    dlfp.internal.fail ("data", fn, sprintf ("x has %d rows and %d columns", rows (x),
                                             columns (x)));
  endif
  if (! all (isfinite (x(:))))
    dlfp.internal.fail ("data", fn, "x holds NaN or Inf");
  endif
endfunction

function estimator_labels (y, m, fn)
  ## R's estimator_labels: m labels, numbers finite (unique would make each NaN a class of its
  ## own) and whole (numbers with a fraction are a regression target: type_of_target's word)
  if (! ((isvector (y) || isempty (y)) && ((isnumeric (y) && isreal (y)) || islogical (y)
                                            || iscellstr (y))))
    dlfp.internal.fail ("data", fn, "y must be a vector of labels");  # as R says it
  endif
  if (numel (y) != m)  # R's words
    dlfp.internal.fail ("data", fn, sprintf ("y has %d labels but x has %d rows", numel (y), m));
  endif
  if (isnumeric (y) && ! all (isfinite (y(:))))
    dlfp.internal.fail ("data", fn, "y holds NaN or Inf");
  endif
  if (isnumeric (y) && any (y(:) != fix (y(:))))
    dlfp.internal.fail ("data", fn,
                        ["Unknown label type: continuous. Maybe you are trying to fit a ", ...
                         "classifier, which expects discrete classes on a regression target ", ...
                         "with continuous values."]);
  endif
endfunction

function check_settings (settings, fn)
  ## each setting against its rule, in the order of estimator.py's PARAMETERS (sorted, under
  ## Octave's names): a scenario row, the hidden layers' sizes (the row of "layers"), or a
  ## table of names; the first bad one is named in scikit-learn's words
  params = {"activation", "names", "DERIVATIVES"; "batch_size", "rule", "batch_size";
            "epochs", "rule", "epochs"; "hidden", "sizes", "layers";
            "init", "names", "INITIALIZERS"; "keep_prob", "rule", "keep_prob";
            "lambda", "rule", "lambda"; "learning_rate", "rule", "learning_rate";
            "optimizer", "names", "OPTIMIZERS"; "seed", "rule", "seed"};
  kinds = struct ("rule", {{@rule_ok, @rule_words}}, "sizes", {{@sizes_ok, @sizes_words}},
                  "names", {{@names_ok, @names_words}});
  for k = 1:rows (params)
    [name, kind, source] = params{k, :};
    c = kinds.(kind);
    value = settings.(name);
    if (! c{1} (value, source))
      dlfp.internal.fail ("scenario", fn,
                          sprintf ("The '%s' parameter of %s must be %s. Got %s instead.",
                                   name, fn, c{2} (source), echo (value)));
    endif
  endfor
endfunction

function s = echo (value)
  ## a setting's value as every message shows one: on one line, cut at 40 characters
  if (dlfp.internal.is_string (value))
    s = ["'" dlfp.internal.shown(value) "'"];
  else
    s = dlfp.internal.shown (dlfp.internal.py_repr (value));
  endif
endfunction

function row = rule_row (field)
  rules = dlfp.scenario_rules ();
  row = rules.fields{cellfun (@(r) strcmp (r.field, field), rules.fields)};
endfunction

function tf = rule_ok (value, field)
  row = rule_row (field);
  if (strcmp (row.type, "integer"))
    tf = dlfp.internal.is_int (value);
  else
    tf = dlfp.internal.is_number (value);
  endif
  tf = tf && dlfp.internal.in_bounds (value, row);
endfunction

function text = rule_words (field)
  row = rule_row (field);
  if (strcmp (row.type, "integer"))
    text = dlfp.internal.integer_phrase (row);
  else
    text = dlfp.internal.number_phrase (row);
  endif
endfunction

function tf = sizes_ok (value, field)
  row = rule_row (field);
  tf = isnumeric (value) && isreal (value) && (isempty (value) || isvector (value));
  if (tf)  # (a cell, a struct or a function has no double to take)
    v = double (value(:));
    tf = all (isfinite (v) & v == fix (v) & v >= row.min & v <= row.max);
  endif
endfunction

function text = sizes_words (field)
  text = ["a list of " dlfp.internal.integer_phrase(rule_row (field), true)];
endfunction

function tf = names_ok (value, table)
  tables = dlfp.internal.tables ();
  tf = dlfp.internal.is_string (value) && any (strcmp (value, fieldnames (tables.(table))));
endfunction

function text = names_words (table)
  tables = dlfp.internal.tables ();
  known = sort (fieldnames (tables.(table)));
  text = ["one of " strjoin(strcat ("'", known, "'")', ", ")];
endfunction

function check_network (n_features, hidden, n_out)
  ## the network x and hidden make is within a scenario's "layers" bounds
  row = rule_row ("layers");
  if (n_features > row.max)
    dlfp.internal.fail ("data", "dlfp_fit", sprintf ("x has %d features, more than %s",
                                                     n_features, dlfp.internal.num (row.max)));
  endif
  if (n_out > row.max)  # a softmax unit per class
    dlfp.internal.fail ("data", "dlfp_fit", sprintf ("y has %d classes, more than %s", n_out,
                                                     dlfp.internal.num (row.max)));
  endif
  n = [n_features, hidden, n_out];
  weights = sum (n(2:end) .* n(1:end - 1));
  if (weights > row.max_weights)
    dlfp.internal.fail ("data", "dlfp_fit",
                        sprintf ("'hidden' makes %s weights, more than %s",
                                 dlfp.internal.num (weights),
                                 dlfp.internal.num (row.max_weights)));
  endif
endfunction

function s = fit_scenario (settings, n_features, K)
  ## the checked scenario of these settings, as estimator.py's _scenario builds it: lists as
  ## cells, as a JSON file would give them to check_scenario
  if (K == 2)
    output = {"sigmoid", 1};
  else
    output = {"softmax", K};
  endif
  hidden = double (settings.hidden(:)');  # checked: whole numbers
  check_network (n_features, hidden, output{2});
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
%!test
%! ## a whole number of any numeric class is a size; [] is no hidden layer
%! model = dlfp.dlfp_fit ([0; 1; 2; 3], [0; 1; 0; 1], "hidden", int8 ([3, 2]), "epochs", 1);
%! assert (size (model.params.W2), [2, 3]);
%! model = dlfp.dlfp_fit ([0; 1; 2; 3], [0; 1; 0; 1], "hidden", 4.0, "epochs", 1);
%! assert (size (model.params.W1), [4, 1]);
%! model = dlfp.dlfp_fit ([0; 1; 2; 3], [0; 1; 0; 1], "hidden", zeros (1, 0), "epochs", 1);
%! assert (fieldnames (model.params), {"W1"; "b1"});
%! ## whole labels held as doubles are classes, not a regression target
%! model = dlfp.dlfp_fit ([0; 1; 2; 3], [-2; 5; 5; -2], "hidden", [], "epochs", 1);
%! assert (model.classes, [-2; 5]);
%!test
%! ## every setting is checked by its scenario rule, with the words Python's
%! ## InvalidParameterError and R's dlfp_fit use; the identifier is dlfp:scenario
%! x = [0; 1; 2; 3];
%! y = [0; 1; 0; 1];
%! msg = @(name, words, got) sprintf ("dlfp: dlfp_fit: The '%s' parameter of dlfp_fit must be %s. Got %s instead.", name, words, got);
%! a45 = repmat ("a", 1, 45);
%! cut = ["'", repmat("a", 1, 40), "...'"];  # a value is echoed cut at 40 characters
%! cases = {"hidden", 2.7, "a list of integers from 1 to 100000", "2.7";
%!          "hidden", true, "a list of integers from 1 to 100000", "True";
%!          "hidden", [4, 0], "a list of integers from 1 to 100000", "[4, 0]";
%!          "hidden", [4, NaN], "a list of integers from 1 to 100000", "[4, nan]";
%!          "hidden", 100001, "a list of integers from 1 to 100000", "100001";
%!          "hidden", "5", "a list of integers from 1 to 100000", "'5'";
%!          "hidden", [4, 3; 2, 1], "a list of integers from 1 to 100000", "[[4, 3], [2, 1]]";
%!          "activation", "softmax", "one of 'relu', 'sigmoid', 'tanh'", "'softmax'";
%!          "activation", [], "one of 'relu', 'sigmoid', 'tanh'", "None";
%!          "init", "glorot", "one of 'he', 'scaled', 'xavier'", "'glorot'";
%!          "init", "he\nxavier", "one of 'he', 'scaled', 'xavier'", "'he\\nxavier'";
%!          "optimizer", a45, "one of 'adam', 'gd', 'momentum', 'rmsprop'", cut;
%!          "optimizer", "sgd", "one of 'adam', 'gd', 'momentum', 'rmsprop'", "'sgd'";
%!          "learning_rate", 0, "a positive number", "0";
%!          "learning_rate", [], "a positive number", "None";
%!          "learning_rate", Inf, "a positive number", "inf";
%!          "learning_rate", true, "a positive number", "True";
%!          "epochs", 0, "an integer from 1 to 1000000", "0";
%!          "epochs", 2.5, "an integer from 1 to 1000000", "2.5";
%!          "epochs", true, "an integer from 1 to 1000000", "True";
%!          "batch_size", -1, "a non-negative integer (0: full batch)", "-1";
%!          "lambda", -0.5, "a non-negative number", "-0.5";
%!          "lambda", [0, 1], "a non-negative number", "[0, 1]";
%!          "keep_prob", 0, "a number in (0, 1]", "0";
%!          "keep_prob", 1.5, "a number in (0, 1]", "1.5";
%!          "seed", 2147483646, "an integer from 0 to 2147483645", "2147483646";
%!          "seed", {1}, "an integer from 0 to 2147483645", "[1]"};
%! for k = 1:rows (cases)
%!   [name, value, words, got] = cases{k, :};
%!   try
%!     dlfp.dlfp_fit (x, y, name, value);
%!     error ("no error for %s", name);
%!   catch err
%!     assert (err.message, msg (name, words, got));
%!     assert (err.identifier, "dlfp:scenario");
%!   end_try_catch
%! endfor
%!test
%! ## the settings are checked in Python's (sorted) order, before the data
%! try
%!   dlfp.dlfp_fit ([NaN; 1], [0; 1], "seed", -1, "epochs", 0, "learning_rate", 0);
%!   error ("no error");
%! catch err
%!   assert (err.message, "dlfp: dlfp_fit: The 'epochs' parameter of dlfp_fit must be an integer from 1 to 1000000. Got 0 instead.");
%! end_try_catch
%!error <^dlfp: dlfp_fit: 'hidden' makes 10000200000 weights, more than 100000000$>
%! ## 1 x 100000 + 100000 x 100000 + 100000 x 1
%! dlfp.dlfp_fit ([0; 1], [0; 1], "hidden", [100000, 100000]);
%!error <^dlfp: dlfp_fit: y has 100001 classes, more than 100000$>
%! dlfp.dlfp_fit ((1:100001)', (1:100001)', "hidden", []);
%!error <^dlfp: dlfp_fit: x has 100001 features, more than 100000$>
%! dlfp.dlfp_fit (zeros (2, 100001), [0; 1], "hidden", []);
%!error <^dlfp: dlfp_fit: unknown setting 'lambd' \(known: activation, batch_size, epochs, hidden, init, keep_prob, lambda, learning_rate, optimizer, seed\)$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "lambd", 0.1);
%!error <^dlfp: dlfp_fit: unknown setting 'a\\tb' \(known: activation, batch_size, epochs, hidden, init, keep_prob, lambda, learning_rate, optimizer, seed\)$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "a\tb", 0.1);
%!error <^dlfp: dlfp_fit: unknown setting 7 \(known: activation, batch_size, epochs, hidden, init, keep_prob, lambda, learning_rate, optimizer, seed\)$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], 7, 0.1);
%!error <^dlfp: dlfp_fit: settings come as name-value pairs$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "epochs");
%!error <^dlfp: dlfp_fit: needs samples of at least 2 classes; got 1 class$>
%! dlfp.dlfp_fit ([0; 1], [3; 3]);
%!error <^dlfp: dlfp_fit: y has 3 labels but x has 2 rows$>
%! dlfp.dlfp_fit ([0; 1], [0; 1; 1]);
%!error <^dlfp: dlfp_fit: y must be a vector of labels$>
%! dlfp.dlfp_fit ([0; 1], [0, 1; 1, 0]);
%!error <^dlfp: dlfp_fit: The 'hidden' parameter of dlfp_fit must be a list of integers from 1 to 100000. Got \[5\] instead.$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "hidden", {5});
%!error <^dlfp: dlfp_fit: The 'hidden' parameter of dlfp_fit must be a list of integers from 1 to 100000. Got function_handle instead.$>
%! dlfp.dlfp_fit ([0; 1], [0; 1], "hidden", @sin);
%!error <^dlfp: dlfp_fit: y must be a vector of labels$>
%! dlfp.dlfp_fit ([0; 1; 2; 3], [0; 1; 0; 1] + 1i);
%!error <^dlfp: dlfp_fit: x holds NaN or Inf$>
%! dlfp.dlfp_fit ([0; NaN], [0; 1]);
%!error <^dlfp: dlfp_fit: x holds NaN or Inf$>
%! dlfp.dlfp_fit ([0, 1; Inf, 2], [0; 1]);
%!error <^dlfp: dlfp_fit: x holds NaN or Inf$>
%! dlfp.dlfp_fit ([0; NA], [0; 1]);
%!error <^dlfp: dlfp_fit: x has 0 rows and 1 columns$>
%! dlfp.dlfp_fit (zeros (0, 1), zeros (0, 1));
%!error <^dlfp: dlfp_fit: y holds NaN or Inf$>
%! ## unique () would make each NaN a class of its own
%! dlfp.dlfp_fit ([0; 1; 2; 3], [0; NaN; 1; NaN]);
%!error <^dlfp: dlfp_fit: y holds NaN or Inf$>
%! dlfp.dlfp_fit ([0; 1; 2], [0; 1; -Inf]);
%!error <^dlfp: dlfp_fit: Unknown label type: continuous\. Maybe you are trying to fit a classifier, which expects discrete classes on a regression target with continuous values\.$>
%! ## a regression target: 20 distinct values would otherwise be 20 classes
%! dlfp.dlfp_fit ((1:20)', (1:20)' / 7);
%!error <^dlfp: dlfp_fit: Unknown label type: continuous\. > dlfp.dlfp_fit ([0; 1], [0; 0.5]);
%!error <Invalid call> dlfp.dlfp_fit ()
