## -*- texinfo -*-
## @deftypefn {} {} example_no_history ()
## history_save (false) when the example is the program, as in octave-cli FILE.m.
##
## octave-cli saves its command history at exit, after a script too, and where
## ~/.local/share/octave is missing it prints "error: ignoring const execution_exception&
## while preparing to exit" instead, twice. A script run has no history worth keeping; an
## example called from an Octave session leaves that session's history alone (there the
## program is octave or octave-cli itself, not a .m file).
## @end deftypefn

function example_no_history ()
  [~, ~, ext] = fileparts (program_name ());
  if (strcmp (ext, ".m"))
    history_save (false);
  endif
endfunction
