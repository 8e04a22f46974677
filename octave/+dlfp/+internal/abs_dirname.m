## -*- texinfo -*-
## @deftypefn {} {@var{folder} =} abs_dirname (@var{path})
## folder = os.path.dirname(os.path.abspath(path)): the absolute folder a path lies in.
##
## As Python computes it, so that messages and base_dir name the same folder: the path is
## joined to the current folder when relative, then normalized by text alone (no symbolic
## link is followed): "//" and "/./" collapse, "a/.." goes, a trailing "/" goes; then the
## last component is dropped.
## @end deftypefn

function folder = abs_dirname (path)
  if (! is_absolute_filename (path))
    path = [pwd() "/" path];
  endif
  ## posixpath.normpath: two leading slashes stay two, three or more become one
  lead = 1 + (strncmp (path, "//", 2) && ! strncmp (path, "///", 3));
  parts = strsplit (path, "/");
  parts = parts(! (cellfun (@isempty, parts) | strcmp (parts, ".")));
  kept = {};
  for p = parts  # ".." removes the component before it; at the root it is dropped
    if (! strcmp (p{1}, ".."))
      kept{end + 1} = p{1};
    elseif (! isempty (kept))
      kept(end) = [];
    endif
  endfor
  folder = [repmat("/", 1, lead) strjoin(kept(1:end - 1), "/")];
endfunction

%!assert (dlfp.internal.abs_dirname ("/a/b/c.json"), "/a/b")
%!assert (dlfp.internal.abs_dirname ("/a//b/./c.json"), "/a/b")
%!assert (dlfp.internal.abs_dirname ("/a/b/../c/d.json"), "/a/c")
%!assert (dlfp.internal.abs_dirname ("/a/b/"), "/a")
%!assert (dlfp.internal.abs_dirname ("/x.json"), "/")
%!assert (dlfp.internal.abs_dirname ("/../x.json"), "/")
%!assert (dlfp.internal.abs_dirname ("//srv/x.json"), "//srv")
%!assert (dlfp.internal.abs_dirname ("x.json"), pwd ())
