## -*- texinfo -*-
## @deftypefn {} {@var{f} =} lookup_layers (@var{table}, @var{names}, @var{what}, @var{caller})
## f@{l@} = table.(names@{l@}) for each l in turn: @code{lookup_name} over a cell of names.
##
## The first unknown name, in the order given, is the error, as @code{lookup_name} words
## it. It resolves a network's names once (@code{dlfp.train}: once per training, not
## at every step). Internal: no argument checks.
## @end deftypefn

function f = lookup_layers (table, names, what, caller)
  f = cell (size (names));
  for l = 1:numel (names)
    f{l} = dlfp.internal.lookup_name (table, names{l}, what, caller);
  endfor
endfunction

%!test
%! f = dlfp.internal.lookup_layers (struct ("a", 1, "b", 2), {"b", "a", "b"}, "thing", "me");
%! assert (f, {2, 1, 2});
%!assert (dlfp.internal.lookup_layers (struct ("a", 1), {}, "thing", "me"), {})
%!error <dlfp: me: unknown thing 'c' \(known: a, b\)>
%! dlfp.internal.lookup_layers (struct ("a", 1, "b", 2), {"a", "c", "d"}, "thing", "me");
