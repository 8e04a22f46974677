## Model selection (the course): 4 or 5 hidden units on the donut? Cross-validate both, and a
## few more widths, then ask a paired t-test whether the best two differ.
## Run from the repository root (octave-cli octave/examples/model_selection.m) or from
## this folder (octave-cli model_selection.m).

here = fileparts (mfilename ("fullpath"));
addpath (fileparts (here), here);  # the octave folder, which holds +dlfp, and the helpers
example_no_history ();  # a run as octave-cli FILE.m keeps no history

function text = fixed4 (x)
  ## %.4f, with Python's spelling of an infinite t (constant, nonzero differences)
  if (isinf (x))
    text = {"-inf", "inf"}{(x > 0) + 1};
  else
    text = sprintf ("%.4f", x);
  endif
endfunction

function text = paired_t_test (scores, a, b)
  ## Student's paired t over the folds, as scipy.stats.ttest_rel: d = a - b,
  ## t = mean(d) / (std(d) / sqrt(n)) with n - 1 degrees of freedom, and the two-sided
  ## p = P(|T| >= |t|) = I_x((n - 1) / 2, 1 / 2), x = (n - 1) / (n - 1 + t^2), from Octave's
  ## own regularized incomplete beta function betainc (no statistics package needed)
  d = scores{a} - scores{b};
  n = numel (d);
  t = mean (d) / (std (d) / sqrt (n));
  text = sprintf ("%d vs %d hidden units: paired t-test over the folds ", a, b);
  if (isnan (t))  # 0 / 0: every fold gave the two widths the same accuracy
    text = [text "not defined (the same accuracy on every fold)"];
  else
    p = betainc ((n - 1) / (n - 1 + t ^ 2), (n - 1) / 2, 1 / 2);
    text = sprintf ("%st = %s, p = %s", text, fixed4 (t), fixed4 (p));
  endif
endfunction

widths = [2, 3, 4, 5, 8];

base = dlfp.read_scenario (example_scenario ("donut_widths"));
scores = cell (1, max (widths));  # scores{w}: the folds' test accuracies with w hidden units
for w = widths
  s = base;
  s.layers = [2, w, 1];
  cv = dlfp.cross_validate (dlfp.prepare_scenario (s));
  scores{w} = [cv.folds.test_accuracy];
  printf ("%d hidden units: mean test accuracy %.4f, std %.4f, folds %s\n", w,
          cv.mean_test_accuracy, cv.std_test_accuracy,
          strtrim (sprintf ("%.4f ", scores{w})));
endfor
## best and runner-up by the sum of the folds' accuracies; sort is stable, so a tie goes to
## the narrower width, as Python's sorted does
[~, order] = sort (-cellfun (@sum, scores(widths)));
best = widths(order(1));
second = widths(order(2));

printf ("%s\n", paired_t_test (scores, 4, 5));
printf ("best %d, runner-up %d; %s\n", best, second, paired_t_test (scores, best, second));
