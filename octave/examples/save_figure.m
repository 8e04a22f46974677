## -*- texinfo -*-
## @deftypefn {} {} save_figure (@var{fig}, @var{file})
## examples/out/octave/FILE = the figure as PNG; then close it and say where it went.
##
## The PNG is drawn by gnuplot's cairo terminal at the figure's own pixel size: Octave's
## plain -dpng goes through Ghostscript, which the project does not need otherwise. The size
## is given as the paper's, in points (one a pixel here), not by print's -S option, which
## scales every font by the width over 6 inches: a figure 16 panels wide got letters four
## times too large.
## @end deftypefn

function save_figure (fig, file)
  out = fullfile (example_root (), "examples", "out", "octave");
  if (! isfolder (out))
    mkdir (out);
  endif
  path = fullfile (out, file);
  position = get (fig, "position");
  warning ("off", "print:nogs");  # cairo needs no Ghostscript
  set (fig, "paperunits", "points", "paperposition", [0, 0, position(3:4)]);
  print (fig, path, "-dpngcairo");
  close (fig);
  printf ("saved %s\n", path);
  fflush (stdout);
endfunction
