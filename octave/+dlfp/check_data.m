## -*- texinfo -*-
## @deftypefn {} {} dlfp.check_data (@var{X}, @var{labels}, @var{layers}, @var{output_activation})
## Stop unless X is finite with layers[0] rows and every label is in 0 .. K-1.
##
## layers[0] is Python's first entry, @code{layers(1)} here. The first non-finite entry is
## found in column-major order and reported 1-based; K is 2 for a sigmoid output, else
## the size of the output layer.
## @end deftypefn

function check_data (X, labels, layers, output_activation)
  if (nargin < 4)
    print_usage ();
  endif
  fn = "check_data";
  bad = find (! isfinite (X), 1);
  if (! isempty (bad))
    [i, j] = ind2sub (size (X), bad);
    dlfp.internal.fail ("data", fn, sprintf ("X has NaN or Inf at feature %d, example %d", i, j));
  endif
  if (rows (X) != layers(1))
    dlfp.internal.fail ("data", fn,
                        sprintf ("the data have %d features but the first layer has %d units",
                                 rows (X), layers(1)));
  endif
  if (numel (labels) != columns (X))
    dlfp.internal.fail ("data", fn, sprintf ("there are %d labels for %d examples",
                                             numel (labels), columns (X)));
  endif
  K = layers(end);
  if (strcmp (output_activation, "sigmoid"))
    K = 2;
  endif
  ok = isfinite (labels) & labels == round (labels) & labels >= 0 & labels <= K - 1;
  j = find (! ok, 1);
  if (! isempty (j))
    dlfp.internal.fail ("data", fn, sprintf ("label %s at example %d is out of range 0..%d",
                                             format_label (labels(j)), j, K - 1));
  endif
endfunction

function s = format_label (x)
  ## Python's _fmt: an integer when whole, else repr(float(x))
  if (isfinite (x) && x == round (x))
    s = sprintf ("%.0f", x + 0);
  else
    s = dlfp.internal.py_repr (x);
  endif
endfunction

%!test
%! check_data = @dlfp.check_data;
%! check_data ([1, 2; 3, 4], [0, 1], [2, 1], "sigmoid");
%! check_data (zeros (2, 3), [0, 2, 1], [2, 5, 3], "softmax");
%!error <dlfp: check_data: X has NaN or Inf at feature 1, example 2>
%! dlfp.check_data ([1, NaN; 3, Inf], [0, 1], [2, 1], "sigmoid");
%!error <dlfp: check_data: X has NaN or Inf at feature 2, example 1>
%! dlfp.check_data ([1, NaN; Inf, 1], [0, 1], [2, 1], "sigmoid");
%!error <dlfp: check_data: the data have 2 features but the first layer has 3 units>
%! dlfp.check_data ([1, 2; 3, 4], [0, 1], [3, 1], "sigmoid");
%!error <dlfp: check_data: there are 3 labels for 2 examples>
%! dlfp.check_data ([1, 2; 3, 4], [0, 1, 1], [2, 1], "sigmoid");
%!error <dlfp: check_data: label 3 at example 17 is out of range 0..2>
%! dlfp.check_data (zeros (2, 20), [zeros(1, 16), 3, 0, 0, 0], [2, 4, 3], "softmax");
%!error <dlfp: check_data: label 2 at example 1 is out of range 0..1>
%! dlfp.check_data (zeros (2, 2), [2, 0], [2, 1], "sigmoid");
%!error <dlfp: check_data: label 0.5 at example 2 is out of range 0..1>
%! dlfp.check_data (zeros (2, 2), [0, 0.5], [2, 1], "sigmoid");
%!error <dlfp: check_data: label nan at example 1 is out of range 0..1>
%! dlfp.check_data (zeros (2, 2), [NaN, 0], [2, 1], "sigmoid");
%!error <dlfp: check_data: label -1 at example 2 is out of range 0..2>
%! dlfp.check_data (zeros (2, 2), [0, -1], [2, 3], "softmax");
%!error <Invalid call> dlfp.check_data ()
