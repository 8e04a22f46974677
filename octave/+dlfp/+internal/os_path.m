## -*- texinfo -*-
## @deftypefn {} {@var{p} =} os_path (@var{path})
## p = path as Python and R hand it to the system: a leading "~" is a folder named "~".
##
## Octave's stat, fopen, isfolder and rename expand a leading "~" to the home folder, as a
## shell would; Python and R do not, so "~/s.json" would be another file in Octave alone.
## "./" before it keeps the name literal; messages still show path as given.
## @end deftypefn

function p = os_path (path)
  p = path;
  if (strncmp (path, "~", 1))
    p = ["./" path];
  endif
endfunction

%!assert (dlfp.internal.os_path ("~/r.json"), "./~/r.json")
%!assert (dlfp.internal.os_path ("~"), "./~")
%!assert (dlfp.internal.os_path ("a/~/r.json"), "a/~/r.json")
%!assert (dlfp.internal.os_path ("/tmp/r.json"), "/tmp/r.json")
