## -*- texinfo -*-
## @deftypefn {} {} save_figure (@var{fig}, @var{file})
## examples/out/octave/FILE = the figure as PNG; then close it and say where it went.
##
## The PNG is drawn by gnuplot's cairo terminal at the figure's own pixel size: Octave's
## plain -dpng goes through Ghostscript, which the project does not need otherwise.
## @end deftypefn

function save_figure (fig, file)
  out = fullfile (example_root (), "examples", "out", "octave");
  if (! isfolder (out))
    mkdir (out);
  endif
  path = fullfile (out, file);
  position = get (fig, "position");
  warning ("off", "print:nogs");  # cairo needs no Ghostscript
  print (fig, path, "-dpngcairo", sprintf ("-S%d,%d", position(3), position(4)));
  close (fig);
  printf ("saved %s\n", path);
  fflush (stdout);
endfunction
