## -*- texinfo -*-
## @deftypefn  {} {@var{labels} =} dlfp.dlfp_predict (@var{model}, @var{newdata})
## @deftypefnx {} {@var{probs} =} dlfp.dlfp_predict (@var{model}, @var{newdata}, "prob")
## y_hat = classes(argmax_k P(k | x)), P = [1 - a, a] for a sigmoid output, else A_L': predict.
##
## The Octave twin of Python's @code{DLFPClassifier.predict} and @code{predict_proba} (and
## R's @code{predict} method for a dlfp_model). @var{model} comes from
## @code{dlfp.dlfp_fit}; @var{newdata} is n x n_features, one example per row, finite (a
## NaN or Inf row has no label: it is refused, as in Python and R). With "class"
## (the default) @var{labels} is an n x 1 column of the model's own labels (numbers, or a
## cell of strings); for two classes that is the second when a > 1 - a, as
## @code{dlfp.predict_labels}' a > 0.5 says. With "prob", @var{probs} is n x K, column k the
## probability of class k of @var{model}.classes.
## @end deftypefn

function out = dlfp_predict (model, newdata, type = "class")
  if (nargin < 2)
    print_usage ();
  endif
  fn = "dlfp_predict";
  if (! (ischar (type) && any (strcmp (type, {"class", "prob"}))))
    ## shown as every message shows a value: one line, cut at 40 characters
    if (dlfp.internal.is_string (type))
      got = ["'" dlfp.internal.shown(type) "'"];
    else
      got = dlfp.internal.shown (dlfp.internal.py_repr (type));
    endif
    dlfp.internal.fail ("name", fn, sprintf ("unknown type %s (known: class, prob)", got));
  endif
  if (! (isstruct (model) && isscalar (model)
         && all (isfield (model, {"params", "classes", "activations"}))
         && isstruct (model.params) && isfield (model.params, "W1")))
    dlfp.internal.fail ("data", fn, "the model is not one dlfp_fit returned");
  endif
  n_features = columns (model.params.W1);
  if (! (isnumeric (newdata) && isreal (newdata) && ismatrix (newdata)))
    dlfp.internal.fail ("data", fn, "newdata must be a numeric matrix, one example per row");
  endif
  if (isempty (newdata))  # R's and scikit-learn's: no rows is no input
    dlfp.internal.fail ("data", fn, sprintf ("newdata has %d rows and %d columns",
                                             rows (newdata), columns (newdata)));
  endif
  if (columns (newdata) != n_features)  # R's words
    dlfp.internal.fail ("data", fn, sprintf (["newdata has %d columns but the model was " ...
                                              "fitted on %d features"], columns (newdata),
                                             n_features));
  endif
  if (! all (isfinite (newdata(:))))
    dlfp.internal.fail ("data", fn, "newdata holds NaN or Inf");
  endif
  AL = dlfp.forward_propagation (double (newdata)', model.params, model.activations);
  if (numel (model.classes) == 2)
    probs = [1 - AL(1, :); AL(1, :)]';  # (n, 2)
  else
    probs = AL';  # (n, K)
  endif
  if (strcmp (type, "prob"))
    out = probs;
  else
    [~, k] = max (probs, [], 2);  # the first of equal maxima, as numpy's argmax
    out = model.classes(k);
    out = out(:);  # (n, 1), even for a single example
  endif
endfunction

%!shared model
%! ## a hand-made model: one sigmoid unit on x_1 - x_2, its classes "no" and "yes"
%! model = struct ("params", struct ("W1", [1, -1], "b1", 0), "classes", {{"no"; "yes"}},
%!                 "activations", {{"sigmoid"}}, "loss_curve", 0);
%!test
%! x = [2, 1; 0, 1; 1, 1];
%! a = 1 ./ (1 + exp (-[1; -1; 0]));
%! assert (dlfp.dlfp_predict (model, x, "prob"), [1 - a, a], 1e-15);
%! assert (dlfp.dlfp_predict (model, x), {"yes"; "no"; "no"});  # a = 0.5 is "no": a > 1 - a
%! assert (dlfp.dlfp_predict (model, x, "class"), {"yes"; "no"; "no"});
%!test
%! ## softmax over three classes labelled 10, 20, 30
%! m = struct ("params", struct ("W1", eye (3), "b1", zeros (3, 1)), "classes", [10; 20; 30],
%!             "activations", {{"softmax"}}, "loss_curve", 0);
%! assert (dlfp.dlfp_predict (m, [1, 0, 0; 0, 2, 1; 0, 0, 5]), [10; 20; 30]);
%! assert (sum (dlfp.dlfp_predict (m, [1, 0, 0; 0, 2, 1], "prob"), 2), [1; 1], 1e-15);
%!error <^dlfp: dlfp_predict: unknown type 'label' \(known: class, prob\)$>
%! dlfp.dlfp_predict (model, [1, 2], "label");
%!error <^dlfp: dlfp_predict: unknown type 'a\\nb' \(known: class, prob\)$>
%! dlfp.dlfp_predict (model, [1, 2], "a\nb");
%!error <^dlfp: dlfp_predict: unknown type 3 \(known: class, prob\)$>
%! dlfp.dlfp_predict (model, [1, 2], 3);
%!error <^dlfp: dlfp_predict: newdata has 3 columns but the model was fitted on 2 features$>
%! dlfp.dlfp_predict (model, [1, 2, 3]);
%!error <^dlfp: dlfp_predict: newdata has 0 rows and 2 columns$>
%! dlfp.dlfp_predict (model, zeros (0, 2));
%!error <^dlfp: dlfp_predict: newdata must be a numeric matrix, one example per row$>
%! dlfp.dlfp_predict (model, [1i, 2]);
%!error <^dlfp: dlfp_predict: newdata holds NaN or Inf$>
%! dlfp.dlfp_predict (model, [1, 2; NaN, 1]);
%!error <^dlfp: dlfp_predict: newdata holds NaN or Inf$>
%! dlfp.dlfp_predict (model, [1, -Inf], "prob");
%!error <^dlfp: dlfp_predict: newdata holds NaN or Inf$>
%! dlfp.dlfp_predict (model, [NA, 0]);
%!error <Invalid call> dlfp.dlfp_predict ()
