## -*- texinfo -*-
## @deftypefn {} {} save_boundary (@var{result}, @var{path_scenario}, @var{file})
## The decision regions the trained network draws over its 2-D data.
##
## predict_labels runs over a 200 x 200 grid padded by 0.25 around the data; the regions
## are filled contours, one band per class, and the training points sit on top, colored by
## label. gnuplot draws no transparency, so the fill takes viridis mixed 35 : 65 with
## white, the color of Python's alpha 0.35 over a white figure. Saved as
## examples/out/octave/FILE; the twin of Python's common.save_boundary.
## @end deftypefn

function save_boundary (result, path_scenario, file)
  s = dlfp.read_scenario (path_scenario);
  [X, labels] = dlfp.load_data (s);
  g0 = linspace (min (X(1, :)) - 0.25, max (X(1, :)) + 0.25, 200);
  g1 = linspace (min (X(2, :)) - 0.25, max (X(2, :)) + 0.25, 200);
  [G0, G1] = meshgrid (g0, g1);  # (200, 200)
  pred = reshape (dlfp.predict_labels ([G0(:)'; G1(:)'], result.final_params, s.activations),
                  size (G0));
  K = max (2, s.layers(end));  # a sigmoid output still has two classes
  colors = viridis (K);  # (K, 3), class k in row k + 1
  fig = example_figure (320, 320);
  colormap (0.35 * colors + 0.65);
  ## a level below every label too, or class 0's region is left unfilled
  contourf (G0, G1, pred, (0:K - 1) - 0.5, "linestyle", "none");
  caxis ([-0.5, K - 0.5]);  # level k - 0.5 takes class k's color
  hold on;
  ## one scatter per class: gnuplot draws one color for all points of a larger scatter
  for k = 0:K - 1
    in = labels == k;
    scatter (X(1, in), X(2, in), 24, colors(k + 1, :), "filled");
  endfor
  hold off;
  axis ([g0([1, end]), g1([1, end])]);
  axis square;
  title (sprintf ("%s: decision boundary", result.name), "interpreter", "none");
  save_figure (fig, file);
endfunction
