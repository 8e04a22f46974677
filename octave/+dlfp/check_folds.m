## -*- texinfo -*-
## @deftypefn {} {} dlfp.check_folds (@var{folds}, @var{m})
## Stop unless 2 <= K <= m: every fold must test on at least one example.
##
## The twin of validation.py's @code{check_folds} (K >= 2 is the scenario rules'; this
## checks K against the data): @code{dlfp: cross_validate: 'validation.folds' is <K> but
## the data have <m> examples}. @code{dlfp.prepare_scenario} calls it, so a bad fold count
## stops before any training.
## @end deftypefn

function check_folds (folds, m)
  if (nargin < 2)
    print_usage ();
  endif
  if (folds > m)
    dlfp.internal.fail ("data", "cross_validate",
                        sprintf ("'validation.folds' is %d but the data have %d examples",
                                 folds, m));
  endif
endfunction

%!test
%! dlfp.check_folds (2, 2);  # one example per fold is enough
%! dlfp.check_folds (5, 200);
%!error <^dlfp: cross_validate: 'validation.folds' is 7 but the data have 6 examples$>
%! dlfp.check_folds (7, 6);
%!error id=dlfp:data dlfp.check_folds (3, 2);
%!error <Invalid call> dlfp.check_folds ()
