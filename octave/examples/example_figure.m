## -*- texinfo -*-
## @deftypefn {} {@var{fig} =} example_figure (@var{width}, @var{height})
## fig = an invisible figure of WIDTH x HEIGHT pixels that renders with no display.
##
## octave-cli has no on-screen toolkit (qt and fltk need a display), so the figures go
## through gnuplot, which needs Debian's gnuplot-nox (or gnuplot) and, for Octave's own
## text measuring, fonts-freefont-otf. Octave's advice to prefer qt is silenced: qt is
## not an option here.
## @end deftypefn

function fig = example_figure (width, height)
  warning ("off", "Octave:gnuplot-graphics");
  graphics_toolkit ("gnuplot");
  fig = figure ("visible", "off", "position", [0, 0, width, height]);
endfunction
