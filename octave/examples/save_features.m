## -*- texinfo -*-
## @deftypefn {} {} save_features (@var{result}, @var{path_scenario}, @var{file})
## A_l(j, :) over the plane for each unit j of each hidden layer l: the features learned.
##
## A 100 x 100 grid padded by 0.25 around the data (as in save_boundary, which takes 200)
## goes forward through the final parameters; row l of the figure holds hidden layer l,
## one heat map per unit, titled "layer l unit j", each on its own color scale, with the
## training points drawn faintly on top (light grey dots: gnuplot draws no transparency).
## A layer narrower than the widest leaves its last panels empty. Saved as
## examples/out/octave/FILE; the twin of Python's common.save_features.
## @end deftypefn

function save_features (result, path_scenario, file)
  s = dlfp.read_scenario (path_scenario);
  X = dlfp.load_data (s);
  g0 = linspace (min (X(1, :)) - 0.25, max (X(1, :)) + 0.25, 100);
  g1 = linspace (min (X(2, :)) - 0.25, max (X(2, :)) + 0.25, 100);
  [G0, G1] = meshgrid (g0, g1);  # (100, 100)
  [~, caches] = dlfp.forward_propagation ([G0(:)'; G1(:)'], result.final_params,
                                          s.activations);
  hidden = s.layers(2:end - 1);  # units of each hidden layer
  rows = numel (hidden);
  cols = max (hidden);
  fig = example_figure (140 * cols, 140 * rows);
  colormap (viridis (64));
  for l = 1:rows
    for j = 1:hidden(l)
      ## subplot's own grid puts the top row's titles above the picture, where gnuplot
      ## drops them: each panel leaves the top fifth of its cell to its title
      subplot ("position", [(j - 1 + 0.08) / cols, (rows - l + 0.04) / rows, ...
                            0.84 / cols, 0.76 / rows]);
      imagesc (g0, g1, reshape (caches{l}.A(j, :), size (G0)));
      axis xy;  # imagesc puts the first row on top; the grid's first row is the lowest x2
      hold on;
      plot (X(1, :), X(2, :), ".", "color", [0.85, 0.85, 0.85], "markersize", 2);
      hold off;
      axis ([g0([1, end]), g1([1, end])]);
      set (gca, "xtick", [], "ytick", []);
      title (sprintf ("layer %d unit %d", l, j), "fontsize", 9);
    endfor
  endfor
  save_figure (fig, file);
endfunction
