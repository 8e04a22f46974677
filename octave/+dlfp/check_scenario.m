## -*- texinfo -*-
## @deftypefn {} {@var{scenario} =} dlfp.check_scenario (@var{raw})
## scenario = defaults + raw, checked row by row against RULES, or the first error.
##
## The twin of schema.py's @code{check_scenario}: @var{raw} is a scenario as
## @code{dlfp.read_json} reads it (lists are cells), and @code{dlfp.internal.check_object}
## walks @code{dlfp.scenario_rules ()} over it, so the checks, their order, their words and
## the defaults are the rules file's (see the README's field table). In @var{scenario}
## integers and numbers are doubles, layers a 1 x n row, activations a 1 x L cell of names,
## lr_decay and data structs with their defaults (a generator's options, data.seed) filled
## in. An error reads @code{dlfp: read_scenario: <problem>}, as in Python and R.
## @end deftypefn

function s = check_scenario (raw)
  if (nargin < 1)
    print_usage ();
  endif
  if (! (isstruct (raw) && isscalar (raw)))
    dlfp.internal.fail ("scenario", "read_scenario", "a scenario must be an object");
  endif
  s = dlfp.internal.check_object (raw, dlfp.scenario_rules (), "", []);
endfunction

%!shared raw, json
%! json = @(text) dlfp.internal.parse_json (text);
%! raw = json ('{"name": "t", "data": {"generator": "xor"}, "layers": [2, 3, 1], "activations": ["tanh", "sigmoid"], "learning_rate": 0.5, "epochs": 10}');
%!test
%! s = dlfp.check_scenario (raw);
%! assert (s.layers, [2, 3, 1]);
%! assert (s.activations, {"tanh", "sigmoid"});
%! assert (s.init, "scaled");
%! assert (s.seed, 1);
%! assert (s.optimizer, "gd");
%! assert (s.record_every, 100);
%! assert (s.snapshot_every, 0);  # off
%! assert (s.description, "");
%! assert (s.data, struct ("generator", "xor", "seed", 1, "n", 200));
%! assert ([s.learning_rate, s.epochs, s.batch_size, s.lambda, s.keep_prob, s.beta, s.beta1, ...
%!          s.beta2, s.epsilon], [0.5, 10, 0, 0, 1, 0.9, 0.9, 0.999, 1e-8]);
%! assert (s.lr_decay, struct ("kind", "none"));
%! assert (fieldnames (s)', {"name", "description", "layers", "activations", "init", ...
%!                           "optimizer", "seed", "learning_rate", "epochs", "record_every", ...
%!                           "snapshot_every", "batch_size", "lambda", "keep_prob", "beta", ...
%!                           "beta1", "beta2", "epsilon", "lr_decay", "data"});
%!test
%! r = raw;
%! r.optimizer = "adam";
%! r.batch_size = 32;
%! r.lambda = 0.1;
%! r.keep_prob = 0.8;
%! r.beta2 = 0;
%! r.lr_decay = struct ("kind", "exponential", "rate", 0.5, "every", 100);
%! s = dlfp.check_scenario (r);
%! assert ([s.batch_size, s.lambda, s.keep_prob, s.beta2], [32, 0.1, 0.8, 0]);
%! assert (s.lr_decay, r.lr_decay);
%!test
%! ## the data's seed defaults to the scenario's; a generator's options to the rules' defaults
%! r = raw;
%! r.seed = 9;
%! r.data = struct ("generator", "spiral", "noise", 0.3);
%! s = dlfp.check_scenario (r);
%! assert (s.data, struct ("generator", "spiral", "seed", 9, "n_per_class", 100, "classes", 3,
%!                         "noise", 0.3));
%! r.data = struct ("generator", "circles", "seed", 4);
%! s = dlfp.check_scenario (r);
%! assert (s.data, struct ("generator", "circles", "seed", 4, "n_per_class", 100, "noise", 0.1,
%!                         "factor", 0.5));
%!test
%! ## validation: the split's seed defaults to the scenario's seed + 1, wrapping at the top
%! r = raw;
%! r.validation = struct ("folds", 5);
%! s = dlfp.check_scenario (r);
%! assert (s.validation, struct ("folds", 5, "seed", 2));
%! r.seed = 2147483645;
%! s = dlfp.check_scenario (r);
%! assert (s.validation, struct ("folds", 5, "seed", 0));
%! r.validation = struct ("seed", 7, "folds", 3);
%! s = dlfp.check_scenario (r);
%! assert (s.validation, struct ("folds", 3, "seed", 7));
%!test
%! r = raw;
%! r.data = struct ("idx_images", "i.gz", "idx_labels", "l.gz", "test_idx_images", "ti.gz",
%!                  "test_idx_labels", "tl.gz", "limit", 10, "test_limit", 5);
%! s = dlfp.check_scenario (r);
%! assert (s.data, r.data);
%! r.data = struct ("test_csv", "b.csv", "csv", "a.csv");
%! s = dlfp.check_scenario (r);
%! assert (s.data, struct ("csv", "a.csv", "test_csv", "b.csv"));  # the rows' order
%!test
%! ## integers may be written 10.0; they come back as the same doubles
%! r = json ('{"name": "t", "data": {"csv": "d.csv"}, "layers": [2.0, 1], "activations": ["sigmoid"], "learning_rate": 1, "epochs": 10.0, "lr_decay": {"kind": "inverse_time", "rate": 0, "every": 3}}');
%! s = dlfp.check_scenario (r);
%! assert ([s.layers, s.epochs], [2, 1, 10]);
%! assert (s.lr_decay, struct ("kind", "inverse_time", "rate", 0, "every", 3));
%!function check_error (raw, edit, expected)
%!  r = raw;
%!  for k = 1:2:numel (edit)
%!    if (ischar (edit{k + 1}) && strcmp (edit{k + 1}, "<remove>"))
%!      r = rmfield (r, edit{k});
%!    else
%!      r.(edit{k}) = edit{k + 1};
%!    endif
%!  endfor
%!  try
%!    dlfp.check_scenario (r);
%!    error ("no error: %s", expected);
%!  catch err
%!    assert (err.message, ["dlfp: read_scenario: " expected]);
%!    assert (err.identifier, "dlfp:scenario");
%!  end_try_catch
%!endfunction
%!test
%! allowed = "(allowed: activations, batch_size, beta, beta1, beta2, data, description, epochs, epsilon, init, keep_prob, lambda, layers, learning_rate, lr_decay, name, optimizer, record_every, seed, snapshot_every, validation)";
%! check_error (raw, {"colour", 1}, ["unknown field 'colour' " allowed]);
%! check_error (raw, {"learning-rate", 1}, ["unknown field 'learning-rate' " allowed]);
%! check_error (raw, {"epochs", "<remove>"}, "missing field 'epochs'");
%! check_error (raw, {"epochs", "<remove>", "name", "<remove>"}, "missing field 'name'");
%! check_error (raw, {"name", ""}, "'name' must be a non-empty string");
%! check_error (raw, {"name", {"t"}}, "'name' must be a non-empty string");
%! check_error (raw, {"description", 1}, "'description' must be a string");
%!test
%! layers = "'layers' must be a list of at least 2 integers from 1 to 100000";
%! check_error (raw, {"layers", 2}, layers);
%! check_error (raw, {"layers", {2}}, layers);
%! check_error (raw, {"layers", [2, 3, 1]}, layers);  # a list is a cell, as JSON reads it
%! check_error (raw, {"layers", {2, 0, 1}}, layers);
%! check_error (raw, {"layers", {2, "a", 1}}, layers);
%! check_error (raw, {"layers", {2, true, 1}}, layers);
%! check_error (raw, {"layers", {{2, 3, 1}}}, layers);
%! check_error (raw, {"layers", {2, 100001, 1}}, layers);
%! check_error (raw, {"layers", {100000, 100000, 3}}, "'layers' makes 10000300000 weights, more than 100000000");
%!test
%! check_error (raw, {"activations", "relu"}, "'activations' must be a list of names");
%! check_error (raw, {"activations", {"tanh", 1}}, "'activations' must be a list of names");
%! check_error (raw, {"activations", {"sigmoid"}}, "'activations' has 1 entries but 'layers' needs 2");
%! check_error (raw, {"activations", {}}, "'activations' has 0 entries but 'layers' needs 2");
%! check_error (raw, {"activations", {"swish", "sigmoid"}}, "unknown activation 'swish' (known: relu, sigmoid, softmax, tanh)");
%! check_error (raw, {"activations", {"softmax", "sigmoid"}}, "unknown hidden activation 'softmax' (known: relu, sigmoid, tanh)");
%! check_error (raw, {"activations", {"tanh", "relu"}}, "unknown output activation 'relu' (known: sigmoid, softmax)");
%! check_error (raw, {"layers", {2, 3, 2}}, "a sigmoid output has 1 unit but 'layers' ends in 2");
%! check_error (raw, {"activations", {"tanh", "softmax"}}, "a softmax output needs at least 2 units");
%!test
%! check_error (raw, {"init", "zeros"}, "unknown init 'zeros' (known: he, scaled, xavier)");
%! check_error (raw, {"init", 1}, "'init' must be a name (known: he, scaled, xavier)");
%! check_error (raw, {"optimizer", "sgd"}, "unknown optimizer 'sgd' (known: adam, gd, momentum, rmsprop)");
%! check_error (raw, {"optimizer", {"gd"}}, "'optimizer' must be a name (known: adam, gd, momentum, rmsprop)");
%!test
%! check_error (raw, {"seed", 2147483646}, "'seed' must be an integer from 0 to 2147483645");
%! check_error (raw, {"seed", -1}, "'seed' must be an integer from 0 to 2147483645");
%! check_error (raw, {"learning_rate", 0}, "'learning_rate' must be a positive number");
%! check_error (raw, {"learning_rate", true}, "'learning_rate' must be a positive number");
%! check_error (raw, {"learning_rate", Inf}, "'learning_rate' must be a positive number");
%! check_error (raw, {"learning_rate", []}, "'learning_rate' must be a positive number");  # null
%! check_error (raw, {"epochs", {5}}, "'epochs' must be an integer from 1 to 1000000");
%! check_error (raw, {"epochs", 1.5}, "'epochs' must be an integer from 1 to 1000000");
%! check_error (raw, {"epochs", 1e12}, "'epochs' must be an integer from 1 to 1000000");
%! check_error (raw, {"epochs", "5"}, "'epochs' must be an integer from 1 to 1000000");
%! check_error (raw, {"record_every", 0}, "'record_every' must be a positive integer");
%! check_error (raw, {"batch_size", -1}, "'batch_size' must be a non-negative integer (0: full batch)");
%! check_error (raw, {"batch_size", 2.5}, "'batch_size' must be a non-negative integer (0: full batch)");
%! check_error (raw, {"lambda", -0.1}, "'lambda' must be a non-negative number");
%! check_error (raw, {"lambda", "x"}, "'lambda' must be a non-negative number");
%! check_error (raw, {"keep_prob", 0}, "'keep_prob' must be a number in (0, 1]");
%! check_error (raw, {"keep_prob", 1.5}, "'keep_prob' must be a number in (0, 1]");
%! check_error (raw, {"beta", -0.1}, "'beta' must be a number in [0, 1)");
%! check_error (raw, {"beta1", 1}, "'beta1' must be a number in [0, 1)");
%! check_error (raw, {"beta2", 1}, "'beta2' must be a number in [0, 1)");
%! check_error (raw, {"epsilon", 0}, "'epsilon' must be a positive number");
%!test
%! d = @(varargin) struct (varargin{:});
%! check_error (raw, {"lr_decay", d("kind", "step")}, "unknown lr_decay kind 'step' (known: exponential, inverse_time, none)");
%! check_error (raw, {"lr_decay", d("kind", 3)}, "'lr_decay.kind' must be a name (known: exponential, inverse_time, none)");
%! check_error (raw, {"lr_decay", "none"}, "'lr_decay' must be an object with a 'kind'");
%! check_error (raw, {"lr_decay", d("rate", 1)}, "'lr_decay' must be an object with a 'kind'");
%! check_error (raw, {"lr_decay", d("kind", "none", "rate", 0.5)}, "unknown field of 'lr_decay' 'rate' (allowed: kind)");
%! check_error (raw, {"lr_decay", d("kind", "exponential", "step", 0.5)}, "unknown field of 'lr_decay' 'step' (allowed: every, kind, rate)");
%! check_error (raw, {"lr_decay", d("kind", "exponential", "rate", 0.5)}, "missing field 'lr_decay.every'");
%! check_error (raw, {"lr_decay", d("kind", "exponential")}, "missing field 'lr_decay.rate'");
%! check_error (raw, {"lr_decay", d("kind", "exponential", "rate", -1, "every", 1)}, "'lr_decay.rate' must be a non-negative number");
%! check_error (raw, {"lr_decay", d("kind", "inverse_time", "rate", 1, "every", 0.5)}, "'lr_decay.every' must be a positive integer");
%!test
%! d = @(varargin) struct (varargin{:});
%! one_of = "'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'";
%! check_error (raw, {"data", "x.csv"}, one_of);
%! check_error (raw, {"data", {d("csv", "a")}}, one_of);
%! check_error (raw, {"data", d()}, one_of);
%! check_error (raw, {"data", d("csv", "a", "generator", "xor")}, one_of);
%! check_error (raw, {"data", d("generator", "moons")}, "unknown generator 'moons' (known: circles, spiral, xor)");
%! check_error (raw, {"data", d("generator", 1)}, "'data.generator' must be a name (known: circles, spiral, xor)");
%! check_error (raw, {"data", d("generator", "xor", "noise", 1)}, "unknown field of 'data' 'noise' (allowed: generator, n, seed)");
%! check_error (raw, {"data", d("generator", "xor", "n", 1)}, "'data.n' must be an integer from 2 to 10000000");
%! check_error (raw, {"data", d("generator", "spiral", "classes", 101)}, "'data.classes' must be an integer from 2 to 100");
%! check_error (raw, {"data", d("generator", "circles", "noise", -1)}, "'data.noise' must be a non-negative number");
%! check_error (raw, {"data", d("generator", "xor", "seed", -1)}, "'data.seed' must be an integer from 0 to 2147483645");
%! check_error (raw, {"data", d("csv", "")}, "'data.csv' must be a file path");
%! check_error (raw, {"data", d("csv", "a", "test_csv", 3)}, "'data.test_csv' must be a file path");
%! check_error (raw, {"data", d("csv", "d.csv", "limit", 3)}, "unknown field of 'data' 'limit' (allowed: csv, test_csv)");
%! check_error (raw, {"data", d("idx_images", "a.gz")}, "missing field 'data.idx_labels'");
%! check_error (raw, {"data", d("idx_images", "a", "idx_labels", "b", "limit", 0)}, "'data.limit' must be a positive integer");
%! check_error (raw, {"data", d("idx_images", "a", "idx_labels", "b", "test_idx_images", "c")}, "'data.test_idx_images' and 'data.test_idx_labels' go together");
%!test
%! d = @(varargin) struct (varargin{:});
%! check_error (raw, {"validation", 5}, "'validation' must be an object");
%! check_error (raw, {"validation", d()}, "missing field 'validation.folds'");
%! check_error (raw, {"validation", d("folds", 1)}, "'validation.folds' must be an integer from 2 to 1000000");
%! check_error (raw, {"validation", d("folds", {{5}})}, "'validation.folds' must be an integer from 2 to 1000000");
%! check_error (raw, {"validation", d("folds", 2, "k", 1)}, "unknown field of 'validation' 'k' (allowed: folds, seed)");
%! check_error (raw, {"validation", d("folds", 2, "seed", -1)}, "'validation.seed' must be an integer from 0 to 2147483645");
%!test
%! ## the rows' order: keep_prob before lr_decay and data, whatever the file's order
%! check_error (raw, {"data", 1, "lr_decay", 1, "keep_prob", 2}, "'keep_prob' must be a number in (0, 1]");
%! ## unknown fields before missing ones, before any value
%! check_error (raw, {"epochs", "<remove>", "seed", -1, "zz", 1}, "unknown field 'zz' (allowed: activations, batch_size, beta, beta1, beta2, data, description, epochs, epsilon, init, keep_prob, lambda, layers, learning_rate, lr_decay, name, optimizer, record_every, seed, snapshot_every, validation)");
%!error <dlfp: read_scenario: a scenario must be an object> dlfp.check_scenario ({})
%!error <Invalid call> dlfp.check_scenario ()
