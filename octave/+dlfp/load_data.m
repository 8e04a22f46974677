## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{labels}] =} load_data (@var{scenario})
## [X, labels] = the scenario's data: X is features x examples, labels 0 .. K-1.
##
## A CSV file holds one example per row, no header, the label in the last column; its
## path is read against the scenario's base_dir. A generator draws from the shared
## stream seeded with data.seed. @var{labels} is a 1 x m row.
## @end deftypefn

function [X, labels] = load_data (scenario)
  data = scenario.data;
  if (isfield (data, "csv"))
    base = ".";
    if (isfield (scenario, "base_dir"))
      base = scenario.base_dir;
    endif
    path = data.csv;
    if (! is_absolute_filename (path))  # as os.path.join: an absolute path wins
      path = fullfile (base, path);
    endif
    [X, labels] = dlfp.read_csv_data (path);
    return;
  endif
  generate = dlfp.internal.lookup_name (dlfp.generators (), data.generator, "generator",
                                        "load_data");
  options = dlfp.generator_options ();
  options = options.(data.generator);
  keys = fieldnames (options)';
  args = cellfun (@(k) options.(k), keys, "UniformOutput", false);
  given = isfield (data, keys);
  args(given) = cellfun (@(k) data.(k), keys(given), "UniformOutput", false);
  [X, labels] = generate (dlfp.rng_create (data.seed), args{:});
endfunction

%!test
%! s = struct ("data", struct ("generator", "xor", "seed", 3, "n", 5));
%! [X, labels] = dlfp.load_data (s);
%! [X2, labels2] = dlfp.generate_xor (dlfp.rng_create (3), 5);
%! assert (X, X2);
%! assert (labels, labels2);
%!test
%! s = struct ("data", struct ("generator", "spiral", "seed", 1, "classes", 2));
%! [X, labels] = dlfp.load_data (s);
%! assert (size (X), [2, 200]);
%!testif ; ! isempty (dlfp.internal.golden_dir ())
%! ## the Python twin's data, compared bit for bit (examples as rows, label last)
%! for name = {"logreg_breast_cancer", "one_hidden_circles", "deep_xor", "spiral_softmax"}
%!   g = fullfile (dlfp.internal.golden_dir (), name{1});
%!   summary = jsondecode (fileread (fullfile (g, "summary.json")));
%!   s = dlfp.read_scenario (fullfile (g, summary.scenario));
%!   [X, labels] = dlfp.load_data (s);
%!   expected = dlmread (fullfile (g, "data.csv"), ",");
%!   assert (isequal ([X; labels]', expected), name{1});
%! endfor
%!error <dlfp: load_data: no such file: .*nowhere.csv>
%! dlfp.load_data (struct ("data", struct ("csv", "nowhere.csv"), "base_dir", tempdir ()));
