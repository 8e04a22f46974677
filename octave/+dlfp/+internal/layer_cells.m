## -*- texinfo -*-
## @deftypefn {} {[@var{P}, @var{names}] =} layer_cells (@var{params}, @var{L})
## P(:, l) = @{W_l; b_l@}: the parameters of L layers as a 2 x L cell.
##
## @var{names} is the column cell of their field names in the order of @code{P(:)} (W1, b1,
## @dots{}, WL, bL), so @code{cell2struct (P(:), names, 1)} gives the struct back. The
## training step reads W_l as @code{P@{1, l@}} and b_l as @code{P@{2, l@}}, and the optimizers
## walk @code{P@{k@}} for k = 1 .. 2L: in Octave's interpreter a cell index costs half a struct
## field named at run time. Internal: no argument checks.
## @end deftypefn

function [P, names] = layer_cells (params, L)
  names = [arrayfun(@(l) sprintf ("W%d", l), 1:L, "UniformOutput", false);
           arrayfun(@(l) sprintf ("b%d", l), 1:L, "UniformOutput", false)](:);
  P = reshape (cellfun (@(k) params.(k), names, "UniformOutput", false), 2, L);
endfunction

%!test
%! p = struct ("b1", [0; 1], "W2", [3, 4], "W1", [1; 2], "b2", 5);  # any field order
%! [P, names] = dlfp.internal.layer_cells (p, 2);
%! assert (names, {"W1"; "b1"; "W2"; "b2"});
%! assert (P, {[1; 2], [3, 4]; [0; 1], 5});
%! assert (isequal (cell2struct (P(:), names, 1), p));
%!test
%! [P, names] = dlfp.internal.layer_cells (struct (), 0);
%! assert (size (P), [2, 0]);
%! assert (size (names), [0, 1]);
