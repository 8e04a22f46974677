## -*- texinfo -*-
## @deftypefn {} {@var{scenario} =} check_scenario (@var{raw})
## scenario = defaults + raw, or an error naming the first bad field.
##
## @var{raw} is the struct decoded from a scenario's JSON. The checks run in
## scenario.py's order with its messages. Defaults: description "", init "scaled", seed 1,
## optimizer "gd", record_every 100, batch_size 0 (full batch), lambda 0, keep_prob 1,
## beta 0.9, beta1 0.9, beta2 0.999, epsilon 1e-8, lr_decay @{kind: "none"@}. In
## @var{scenario} layers is a row of doubles, activations a 1 x L cell of names, and data
## has its generator options and seed filled in.
## @end deftypefn

function s = check_scenario (raw)
  fn = "read_scenario";
  required = {"name", "data", "layers", "activations", "learning_rate", "epochs"};
  s = struct ("description", "", "init", "scaled", "seed", 1, "optimizer", "gd",
              "record_every", 100, "batch_size", 0, "lambda", 0, "keep_prob", 1, "beta", 0.9,
              "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8,
              "lr_decay", struct ("kind", "none"));
  dlfp.internal.check_known (raw, sort ([required, fieldnames(s)']), "field", fn);
  for key = required
    if (! isfield (raw, key{1}))
      dlfp.internal.fail ("scenario", fn, sprintf ("missing field '%s'", key{1}));
    endif
  endfor
  for key = fieldnames (raw)'
    s.(key{1}) = raw.(key{1});
  endfor
  if (! ischar (s.name) || isempty (s.name))
    dlfp.internal.fail ("scenario", fn, "'name' must be a non-empty string");
  endif
  if (! ischar (s.description))
    dlfp.internal.fail ("scenario", fn, "'description' must be a string");
  endif
  s.layers = check_layers (s.layers);
  s.activations = dlfp.internal.check_activations (s.activations, s.layers);
  dlfp.internal.check_name (s.init, dlfp.initializers (), "init", fn);
  dlfp.internal.check_name (s.optimizer, dlfp.optimizers (), "optimizer", fn);
  if (! dlfp.internal.is_int (s.seed) || s.seed < 0 || s.seed > 2147483645)
    dlfp.internal.fail ("scenario", fn, "'seed' must be an integer from 0 to 2147483645");
  endif
  if (! dlfp.internal.is_number (s.learning_rate) || ! (s.learning_rate > 0))
    dlfp.internal.fail ("scenario", fn, "'learning_rate' must be a positive number");
  endif
  for key = {"epochs", "record_every"}
    if (! dlfp.internal.is_int (s.(key{1})) || s.(key{1}) < 1)
      dlfp.internal.fail ("scenario", fn, sprintf ("'%s' must be a positive integer", key{1}));
    endif
  endfor
  if (! dlfp.internal.is_int (s.batch_size) || s.batch_size < 0)
    dlfp.internal.fail ("scenario", fn,
                        "'batch_size' must be a non-negative integer (0: full batch)");
  endif
  if (! dlfp.internal.is_number (s.lambda) || s.lambda < 0)
    dlfp.internal.fail ("scenario", fn, "'lambda' must be a non-negative number");
  endif
  if (! dlfp.internal.is_number (s.keep_prob) || ! (s.keep_prob > 0 && s.keep_prob <= 1))
    dlfp.internal.fail ("scenario", fn, "'keep_prob' must be a number in (0, 1]");
  endif
  for key = {"beta", "beta1", "beta2"}
    if (! dlfp.internal.is_number (s.(key{1})) || ! (s.(key{1}) >= 0 && s.(key{1}) < 1))
      dlfp.internal.fail ("scenario", fn, sprintf ("'%s' must be a number in [0, 1)", key{1}));
    endif
  endfor
  if (! dlfp.internal.is_number (s.epsilon) || ! (s.epsilon > 0))
    dlfp.internal.fail ("scenario", fn, "'epsilon' must be a positive number");
  endif
  s.lr_decay = dlfp.internal.check_decay (s.lr_decay);
  s.data = dlfp.internal.check_data_spec (s.data, s.seed);
endfunction

function layers = check_layers (layers)
  ## A JSON list of numbers decodes to a column; a list with other things in it to a cell.
  if (iscell (layers) && isvector (layers))
    ok = all (cellfun (@(n) dlfp.internal.is_int (n) && n >= 1, layers));
    if (ok)
      layers = cell2mat (layers(:)');
    endif
  else
    ok = isnumeric (layers) && isreal (layers) && isvector (layers) ...
         && all (isfinite (layers) & layers == floor (layers) & layers >= 1);
  endif
  if (! ok || numel (layers) < 2)
    dlfp.internal.fail ("scenario", "read_scenario",
                        "'layers' must be a list of at least 2 positive integers");
  endif
  layers = double (reshape (layers, 1, []));
endfunction

%!shared raw
%! raw = struct ("name", "t", "data", struct ("generator", "xor"), "layers", [2; 3; 1],
%!               "activations", {{"tanh"; "sigmoid"}}, "learning_rate", 0.5, "epochs", 10);
%!test
%! s = dlfp.check_scenario (raw);
%! assert (s.layers, [2, 3, 1]);
%! assert (s.activations, {"tanh", "sigmoid"});
%! assert (s.init, "scaled");
%! assert (s.seed, 1);
%! assert (s.optimizer, "gd");
%! assert (s.record_every, 100);
%! assert (s.description, "");
%! assert (s.data, struct ("generator", "xor", "seed", 1, "n", 200));
%! assert ([s.batch_size, s.lambda, s.keep_prob, s.beta, s.beta1, s.beta2, s.epsilon],
%!         [0, 0, 1, 0.9, 0.9, 0.999, 1e-8]);
%! assert (s.lr_decay, struct ("kind", "none"));
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
%! r = raw;
%! r.seed = 9;
%! r.layers = {2, 3, 1};
%! s = dlfp.check_scenario (r);
%! assert (s.data.seed, 9);
%! assert (s.layers, [2, 3, 1]);
%!error <dlfp: read_scenario: unknown field 'colour' \(allowed: activations, batch_size, beta, beta1, beta2, data, description, epochs, epsilon, init, keep_prob, lambda, layers, learning_rate, lr_decay, name, optimizer, record_every, seed\)>
%! r = raw; r.colour = 1; dlfp.check_scenario (r);
%!error <dlfp: read_scenario: missing field 'epochs'> r = rmfield (raw, "epochs"); dlfp.check_scenario (r);
%!error <'name' must be a non-empty string> r = raw; r.name = ""; dlfp.check_scenario (r);
%!error <'description' must be a string> r = raw; r.description = 1; dlfp.check_scenario (r);
%!error <'layers' must be a list of at least 2 positive integers> r = raw; r.layers = 2; dlfp.check_scenario (r);
%!error <'layers' must be a list of at least 2 positive integers> r = raw; r.layers = [2; 0; 1]; dlfp.check_scenario (r);
%!error <'layers' must be a list of at least 2 positive integers> r = raw; r.layers = {2, "a", 1}; dlfp.check_scenario (r);
%!error <'activations' has 1 entries but 'layers' needs 2> r = raw; r.activations = {"sigmoid"}; dlfp.check_scenario (r);
%!error <unknown activation 'swish' \(known: relu, sigmoid, softmax, tanh\)> r = raw; r.activations = {"swish"; "sigmoid"}; dlfp.check_scenario (r);
%!error <unknown init 'zeros' \(known: he, scaled, xavier\)> r = raw; r.init = "zeros"; dlfp.check_scenario (r);
%!error <unknown optimizer 'sgd' \(known: adam, gd, momentum, rmsprop\)> r = raw; r.optimizer = "sgd"; dlfp.check_scenario (r);
%!error <'seed' must be an integer from 0 to 2147483645> r = raw; r.seed = 2147483646; dlfp.check_scenario (r);
%!error <'learning_rate' must be a positive number> r = raw; r.learning_rate = 0; dlfp.check_scenario (r);
%!error <'learning_rate' must be a positive number> r = raw; r.learning_rate = true; dlfp.check_scenario (r);
%!error <'epochs' must be a positive integer> r = raw; r.epochs = 1.5; dlfp.check_scenario (r);
%!error <'record_every' must be a positive integer> r = raw; r.record_every = 0; dlfp.check_scenario (r);
%!error <'batch_size' must be a non-negative integer \(0: full batch\)> r = raw; r.batch_size = -1; dlfp.check_scenario (r);
%!error <'batch_size' must be a non-negative integer \(0: full batch\)> r = raw; r.batch_size = 2.5; dlfp.check_scenario (r);
%!error <'lambda' must be a non-negative number> r = raw; r.lambda = -0.1; dlfp.check_scenario (r);
%!error <'lambda' must be a non-negative number> r = raw; r.lambda = "x"; dlfp.check_scenario (r);
%!error <'keep_prob' must be a number in \(0, 1\]> r = raw; r.keep_prob = 0; dlfp.check_scenario (r);
%!error <'keep_prob' must be a number in \(0, 1\]> r = raw; r.keep_prob = 1.5; dlfp.check_scenario (r);
%!error <'beta' must be a number in \[0, 1\)> r = raw; r.beta = -0.1; dlfp.check_scenario (r);
%!error <'beta1' must be a number in \[0, 1\)> r = raw; r.beta1 = 1; dlfp.check_scenario (r);
%!error <'beta2' must be a number in \[0, 1\)> r = raw; r.beta2 = 1; dlfp.check_scenario (r);
%!error <'epsilon' must be a positive number> r = raw; r.epsilon = 0; dlfp.check_scenario (r);
%!error <unknown lr_decay kind 'step' \(known: exponential, inverse_time, none\)>
%! r = raw; r.lr_decay = struct ("kind", "step"); dlfp.check_scenario (r);
%!error <dlfp: read_scenario: 'keep_prob' must be a number in \(0, 1\]>
%! ## the checks run in Python's order: keep_prob before lr_decay and data
%! r = raw; r.keep_prob = 2; r.lr_decay = 1; r.data = 1; dlfp.check_scenario (r);
%!error <'data' must be an object> r = raw; r.data = "x.csv"; dlfp.check_scenario (r);
