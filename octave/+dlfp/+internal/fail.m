## -*- texinfo -*-
## @deftypefn {} {} fail (@var{kind}, @var{fn}, @var{problem})
## error ("dlfp:<kind>", "dlfp: <fn>: <problem>"): the one way dlfp reports bad input.
##
## The message text is Python's DlfpError text word for word; the identifier
## @code{dlfp:@var{kind}} (file, json, scenario, data, name, rng) is Octave's extra.
## @end deftypefn

function fail (kind, fn, problem)
  ## "%s" keeps any % or \ in a file name or value from being read as a format.
  error (["dlfp:" kind], "%s", ["dlfp: " fn ": " problem]);
endfunction

%!error <dlfp: f: a 100% problem> dlfp.internal.fail ("data", "f", "a 100% problem")
%!test
%! try
%!   dlfp.internal.fail ("rng", "g", "p");
%! catch err
%!   assert (err.identifier, "dlfp:rng");
%!   assert (err.message, "dlfp: g: p");
%! end_try_catch
