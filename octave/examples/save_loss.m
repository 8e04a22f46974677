## -*- texinfo -*-
## @deftypefn {} {} save_loss (@var{result}, @var{file})
## The loss curve, cost against epoch, from @var{result}.loss_curve (rows [epoch, cost]).
##
## Saved as examples/out/octave/FILE; the twin of Python's common.save_loss.
## @end deftypefn

function save_loss (result, file)
  c = result.loss_curve;  # (n_recorded, 2)
  fig = example_figure (400, 280);
  plot (c(:, 1), c(:, 2), "linewidth", 1.5);
  ## "none": a scenario name like deep_xor would otherwise grow a subscript
  title (sprintf ("%s: loss", result.name), "interpreter", "none");
  xlabel ("epoch");
  ylabel ("cost");
  save_figure (fig, file);
endfunction
