## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}] =} read_idx_pair (@var{scenario}, @var{images}, @var{labels}, @var{limit})
## [X, labels] = IDX images / 255 and their labels, the first limit of them ([]: all).
##
## The twin of scenario.py's @code{_read_idx_pair}; file names are read against the
## scenario's base_dir, and a count mismatch names the files as the scenario does.
## @end deftypefn

function [X, y] = read_idx_pair (scenario, images, labels, limit)
  [X, dims_X] = dlfp.read_idx (dlfp.internal.data_path (scenario, images));
  [y, dims_y] = dlfp.read_idx (dlfp.internal.data_path (scenario, labels));
  if (numel (dims_X) < 2 || numel (dims_y) != 1 || columns (X) != numel (y))
    ## a labels file that is not 1-D still counts its items by columns, as in Python
    dlfp.internal.fail ("data", "load_data", sprintf ("%s has %d items but %s has %d labels",
                                                      dlfp.internal.shown (images, Inf), columns (X),
                                                      dlfp.internal.shown (labels, Inf), columns (y)));
  endif
  if (isempty (y))
    dlfp.internal.fail ("data", "load_data", sprintf ("%s holds no items",
                                                      dlfp.internal.shown (images, Inf)));
  endif
  n = numel (y);
  if (! isempty (limit))
    n = min (limit, n);
  endif
  if (n < columns (X))
    X = X(:, 1:n);
    y = y(1:n);
  endif
  X /= 255;
endfunction
