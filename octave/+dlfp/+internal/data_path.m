## -*- texinfo -*-
## @deftypefn {} {@var{path} =} data_path (@var{scenario}, @var{name})
## path = fullfile(base_dir, name): a data file named in a scenario, as os.path.join reads it.
##
## An absolute @var{name} wins; without a base_dir the name is read against ".".
## @end deftypefn

function path = data_path (scenario, name)
  base = ".";
  if (isfield (scenario, "base_dir"))
    base = scenario.base_dir;
  endif
  path = name;
  if (! is_absolute_filename (path))
    path = fullfile (base, path);
  endif
endfunction

%!assert (dlfp.internal.data_path (struct ("base_dir", "/a"), "b.csv"), "/a/b.csv")
%!assert (dlfp.internal.data_path (struct ("base_dir", "/a"), "/c/b.csv"), "/c/b.csv")
%!assert (dlfp.internal.data_path (struct (), "b.csv"), "./b.csv")
