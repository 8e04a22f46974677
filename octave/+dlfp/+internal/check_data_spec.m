## -*- texinfo -*-
## @deftypefn {} {@var{out} =} check_data_spec (@var{data}, @var{seed})
## out = the scenario's data field checked, generator options and seed filled in.
##
## The twin of scenario.py's @code{_check_data} (named apart from the public
## @code{check_data}, which checks the loaded X and labels).
## @end deftypefn

function out = check_data_spec (data, seed)
  fn = "read_scenario";
  if (! (isstruct (data) && isscalar (data)) || isfield (data, "csv") == isfield (data, "generator"))
    dlfp.internal.fail ("scenario", fn,
                        "'data' must be an object with exactly one of 'csv' or 'generator'");
  endif
  if (isfield (data, "csv"))
    dlfp.internal.check_known (data, {"csv"}, "field of 'data'", fn);
    if (! ischar (data.csv) || isempty (data.csv))
      dlfp.internal.fail ("scenario", fn, "'data.csv' must be a file path");
    endif
    out = data;
    return;
  endif
  dlfp.internal.check_name (data.generator, dlfp.generators (), "generator", fn);
  options = dlfp.generator_options ();
  options = options.(data.generator);
  keys = fieldnames (options)';
  dlfp.internal.check_known (data, sort ([{"generator", "seed"}, keys]), "field of 'data'", fn);
  out = struct ("generator", data.generator, "seed", seed);
  if (isfield (data, "seed"))
    out.seed = data.seed;
  endif
  if (! dlfp.internal.is_int (out.seed) || out.seed < 0 || out.seed > 2147483645)
    dlfp.internal.fail ("scenario", fn, "'data.seed' must be an integer from 0 to 2147483645");
  endif
  for key = keys
    default = options.(key{1});
    value = default;
    if (isfield (data, key{1}))
      value = data.(key{1});
    endif
    whole = dlfp.internal.is_int (default);
    if (! dlfp.internal.is_number (value) || value < 0 || (whole && ! dlfp.internal.is_int (value)))
      kind = "number";
      if (whole)
        kind = "integer";
      endif
      dlfp.internal.fail ("scenario", fn,
                          sprintf ("'data.%s' must be a non-negative %s", key{1}, kind));
    endif
    out.(key{1}) = value;
  endfor
endfunction

%!test
%! out = dlfp.internal.check_data_spec (struct ("generator", "spiral", "noise", 0.3), 5);
%! assert (out, struct ("generator", "spiral", "seed", 5, "n_per_class", 100, "classes", 3,
%!                      "noise", 0.3));
%!test
%! out = dlfp.internal.check_data_spec (struct ("csv", "a.csv"), 5);
%! assert (out, struct ("csv", "a.csv"));
%!error <'data' must be an object with exactly one of 'csv' or 'generator'>
%! dlfp.internal.check_data_spec (struct ("csv", "a", "generator", "xor"), 1);
%!error <unknown field of 'data' 'noise' \(allowed: generator, n, seed\)>
%! dlfp.internal.check_data_spec (struct ("generator", "xor", "noise", 1), 1);
%!error <'data.n' must be a non-negative integer>
%! dlfp.internal.check_data_spec (struct ("generator", "xor", "n", 2.5), 1);
%!error <'data.noise' must be a non-negative number>
%! dlfp.internal.check_data_spec (struct ("generator", "circles", "noise", -1), 1);
%!error <'data.seed' must be an integer from 0 to 2147483645>
%! dlfp.internal.check_data_spec (struct ("generator", "xor", "seed", -1), 1);
%!error <'data.csv' must be a file path> dlfp.internal.check_data_spec (struct ("csv", ""), 1);
%!error <unknown generator 'moons' \(known: circles, spiral, xor\)>
%! dlfp.internal.check_data_spec (struct ("generator", "moons"), 1);
