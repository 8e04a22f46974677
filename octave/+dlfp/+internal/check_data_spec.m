## -*- texinfo -*-
## @deftypefn {} {@var{out} =} check_data_spec (@var{data}, @var{seed})
## out = the scenario's data field checked, generator options and seed filled in.
##
## The twin of scenario.py's @code{_check_data} (named apart from the public
## @code{check_data}, which checks the loaded X and labels). The data come from exactly one
## source: csv (optional test_csv), idx_images with idx_labels (optional
## test_idx_images with test_idx_labels, limit, test_limit), or a generator, whose count
## options must be integers of at least 2 and other options non-negative numbers.
## @end deftypefn

function out = check_data_spec (data, seed)
  fn = "read_scenario";
  sources = {"csv", "generator", "idx_images"};
  if (! (isstruct (data) && isscalar (data)) || sum (isfield (data, sources)) != 1)
    dlfp.internal.fail ("scenario", fn,
                        "'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'");
  endif
  ## scenario.py's DATA_FIELDS: each file source's fields, required first, then optional
  data_fields = struct ("csv", {{{"csv"}, {"test_csv"}}},
                        "idx_images", {{{"idx_images", "idx_labels"}, ...
                                        {"test_idx_images", "test_idx_labels", "limit", ...
                                         "test_limit"}}});
  source = sources{isfield(data, sources)};
  if (isfield (data_fields, source))
    [required, optional] = data_fields.(source){:};
    dlfp.internal.check_known (data, sort ([required, optional]), "field of 'data'", fn);
    for key = [required, optional]
      k = key{1};
      if (! isfield (data, k))
        if (any (strcmp (k, required)))
          dlfp.internal.fail ("scenario", fn, sprintf ("missing field 'data.%s'", k));
        endif
      elseif (numel (k) >= 5 && strcmp (k(end - 4:end), "limit"))
        if (! dlfp.internal.is_int (data.(k)) || data.(k) < 1)
          dlfp.internal.fail ("scenario", fn, sprintf ("'data.%s' must be a positive integer", k));
        endif
      elseif (! ischar (data.(k)) || isempty (data.(k)))
        dlfp.internal.fail ("scenario", fn, sprintf ("'data.%s' must be a file path", k));
      endif
    endfor
    if (isfield (data, "test_idx_images") != isfield (data, "test_idx_labels"))
      dlfp.internal.fail ("scenario", fn,
                          "'data.test_idx_images' and 'data.test_idx_labels' go together");
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
    if (dlfp.internal.is_int (default))
      ## counts: a spiral arm needs 2 points (r = i / (N - 1))
      if (! dlfp.internal.is_int (value) || value < 2)
        dlfp.internal.fail ("scenario", fn,
                            sprintf ("'data.%s' must be an integer of at least 2", key{1}));
      endif
    elseif (! dlfp.internal.is_number (value) || value < 0)
      dlfp.internal.fail ("scenario", fn,
                          sprintf ("'data.%s' must be a non-negative number", key{1}));
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
%! d = struct ("csv", "a.csv", "test_csv", "b.csv");
%! assert (dlfp.internal.check_data_spec (d, 5), d);
%! d = struct ("idx_images", "i.gz", "idx_labels", "l.gz", "test_idx_images", "ti.gz",
%!             "test_idx_labels", "tl.gz", "limit", 10, "test_limit", 5);
%! assert (dlfp.internal.check_data_spec (d, 5), d);
%!error <'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'>
%! dlfp.internal.check_data_spec (struct ("csv", "a", "generator", "xor"), 1);
%!error <'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'>
%! dlfp.internal.check_data_spec (struct ("csv", "a", "idx_images", "i"), 1);
%!error <'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'>
%! dlfp.internal.check_data_spec (struct (), 1);
%!error <unknown field of 'data' 'noise' \(allowed: generator, n, seed\)>
%! dlfp.internal.check_data_spec (struct ("generator", "xor", "noise", 1), 1);
%!error <'data.n' must be an integer of at least 2>
%! dlfp.internal.check_data_spec (struct ("generator", "xor", "n", 2.5), 1);
%!error <'data.n_per_class' must be an integer of at least 2>
%! dlfp.internal.check_data_spec (struct ("generator", "spiral", "n_per_class", 1), 1);
%!error <'data.noise' must be a non-negative number>
%! dlfp.internal.check_data_spec (struct ("generator", "circles", "noise", -1), 1);
%!error <'data.seed' must be an integer from 0 to 2147483645>
%! dlfp.internal.check_data_spec (struct ("generator", "xor", "seed", -1), 1);
%!error <'data.csv' must be a file path> dlfp.internal.check_data_spec (struct ("csv", ""), 1);
%!error <'data.test_csv' must be a file path>
%! dlfp.internal.check_data_spec (struct ("csv", "a", "test_csv", 3), 1);
%!error <unknown field of 'data' 'limit' \(allowed: csv, test_csv\)>
%! dlfp.internal.check_data_spec (struct ("csv", "d.csv", "limit", 3), 1);
%!error <unknown field of 'data' 'x' \(allowed: idx_images, idx_labels, limit, test_idx_images, test_idx_labels, test_limit\)>
%! dlfp.internal.check_data_spec (struct ("idx_images", "a.gz", "x", 1), 1);
%!error <missing field 'data.idx_labels'>
%! dlfp.internal.check_data_spec (struct ("idx_images", "a.gz"), 1);
%!error <'data.limit' must be a positive integer>
%! dlfp.internal.check_data_spec (struct ("idx_images", "a", "idx_labels", "b", "limit", 0), 1);
%!error <'data.test_limit' must be a positive integer>
%! dlfp.internal.check_data_spec (struct ("idx_images", "a", "idx_labels", "b", "test_limit", 1.5), 1);
%!error <'data.test_idx_images' and 'data.test_idx_labels' go together>
%! dlfp.internal.check_data_spec (struct ("idx_images", "a", "idx_labels", "b",
%!                                        "test_idx_images", "c"), 1);
%!error <unknown generator 'moons' \(known: circles, spiral, xor\)>
%! dlfp.internal.check_data_spec (struct ("generator", "moons"), 1);
