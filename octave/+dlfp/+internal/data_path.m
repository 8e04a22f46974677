## -*- texinfo -*-
## @deftypefn {} {@var{path} =} data_path (@var{scenario}, @var{name})
## path = os.path.join(base_dir, name): a data file named in a scenario, read against its folder.
##
## The twin of data.py's @code{data_path}: an absolute @var{name} wins; without a base_dir the
## name is read against "."; the two are joined with one "/" (none added after a base_dir that
## ends in one), nothing else changed, so messages name the same path in every language.
## @end deftypefn

function path = data_path (scenario, name)
  base = ".";
  if (isfield (scenario, "base_dir"))
    base = scenario.base_dir;
  endif
  if (strncmp (name, "/", 1))
    path = name;
  elseif (isempty (base) || base(end) == "/")
    path = [base name];
  else
    path = [base "/" name];
  endif
endfunction

%!assert (dlfp.internal.data_path (struct ("base_dir", "/a"), "b.csv"), "/a/b.csv")
%!assert (dlfp.internal.data_path (struct ("base_dir", "/a/"), "b.csv"), "/a/b.csv")
%!assert (dlfp.internal.data_path (struct ("base_dir", "/a"), "../d//b.csv"), "/a/../d//b.csv")
%!assert (dlfp.internal.data_path (struct ("base_dir", "/a"), "/c/b.csv"), "/c/b.csv")
%!assert (dlfp.internal.data_path (struct (), "b.csv"), "./b.csv")
