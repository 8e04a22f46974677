## -*- texinfo -*-
## @deftypefn {} {@var{state} =} dlfp.initialize_optimizer (@var{params})
## v = 0 ; s = 0, shaped like each parameter.
##
## @var{state} is a struct with fields v and s, each a struct with the fields of
## @var{params} (W1, b1, @dots{}) holding zeros of their sizes: the running averages every
## update in @code{dlfp.optimizers ()} takes in and gives back.
## @end deftypefn

function state = initialize_optimizer (params)
  if (nargin < 1)
    print_usage ();
  endif
  zero = structfun (@(p) {zeros(size (p))}, params);
  zero = cell2struct (zero, fieldnames (params), 1);
  state = struct ("v", zero, "s", zero);
endfunction

%!test
%! st = dlfp.initialize_optimizer (struct ("W1", ones (2, 3), "b1", [1; 2]));
%! assert (fieldnames (st), {"v"; "s"});
%! assert (st.v, struct ("W1", zeros (2, 3), "b1", [0; 0]));
%! assert (st.s, struct ("W1", zeros (2, 3), "b1", [0; 0]));
%!error <Invalid call> dlfp.initialize_optimizer ()
