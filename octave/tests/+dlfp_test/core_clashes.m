## -*- texinfo -*-
## @deftypefn {} {@var{names} =} dlfp_test.core_clashes (@var{folders})
## names = the .m files and +package folders of FOLDERS whose names Octave already knows.
##
## @var{names} is sorted, a 1 x n cell.
##
## A function file hides Octave's own function of the same name (or a loaded package's) for
## everything on the path, Octave's own code included: octave/examples/xor.m once hid the
## core @code{xor}, which @code{scatter} calls. So each name is looked up as Octave would
## find it without dlfp: with every folder of the repository and @var{folders} taken off the
## path and the current folder moved to an empty one, a name that @code{exist} still finds
## as a file, an oct-file or a built-in function is a clash. The path and the current folder
## are put back afterwards.
## @end deftypefn

function names = core_clashes (folders)
  names = {};
  for k = 1:numel (folders)
    files = dir (fullfile (folders{k}, "*.m"));
    packages = dir (fullfile (folders{k}, "+*"));
    names = [names, regexprep({files.name}, '\.m$', ''), ...
             regexprep({packages([packages.isdir]).name}, '^\+', '')];
  endfor
  names = unique (names);
  root = [dlfp_test.repo_root() filesep];
  on_path = strsplit (path (), pathsep);
  on_path(strcmp (on_path, ".")) = [];  # always first, whatever path () is given
  ## absolute, so that they mean the same from the empty folder below
  on_path = cellfun (@make_absolute_filename, on_path, "UniformOutput", false);
  mine = strncmp (on_path, root, numel (root)) ...
         | ismember (on_path, cellfun (@make_absolute_filename, folders, "UniformOutput", false));
  old_path = path ();
  old_dir = pwd ();
  empty = tempname ();
  mkdir (empty);
  unwind_protect
    path (strjoin (on_path(! mine), pathsep));
    cd (empty);  # the current folder comes first on the path, whatever path () says
    known = cellfun (@(n) any (exist (n, "file") == [2, 3]) || exist (n, "builtin") == 5,
                     names);
  unwind_protect_cleanup
    cd (old_dir);
    path (old_path);
    rmdir (empty);
  end_unwind_protect
  names = names(known);
endfunction

%!test
%! ## no file that dlfp puts on the path hides an Octave function: octave/ (the runner, this
%! ## test runner, the packages dlfp and dlfp_test), the examples (run from their own folder
%! ## too), the test helpers, the harness's functions, and +dlfp's own names, which an
%! ## `import dlfp.*` would bring in
%! root = dlfp_test.repo_root ();
%! folders = fullfile (root, {"octave", fullfile("octave", "examples"), fullfile("octave", "tests"), ...
%!                            fullfile("harness", "octave"), fullfile("octave", "+dlfp")});
%! assert (all (cellfun (@isfolder, folders)));
%! assert (strjoin (dlfp_test.core_clashes (folders), ", "), "");  # the names, if any
%!test
%! ## the check finds a clash: an examples/xor.m again, beside a harmless name
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   for name = {"xor.m", "dlfp_harmless_name.m", "notes.txt"}
%!     fclose (fopen (fullfile (d, name{1}), "w"));
%!   endfor
%!   mkdir (fullfile (d, "+dlfp_harmless_package"));
%!   mkdir (fullfile (d, "+sum"));  # a package sum: sum (...) would no longer mean the builtin
%!   warning ("off", "Octave:shadowed-function", "local");  # the warning this test expects
%!   addpath (d);  # on the path, as the examples' folder is while an example runs
%!   old = path ();
%!   assert (dlfp_test.core_clashes ({d}), {"sum", "xor"});
%!   assert (path (), old);
%!   assert (strcmp (which ("xor"), fullfile (d, "xor.m")));  # the clash, still there
%! unwind_protect_cleanup
%!   rmpath (d);
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect
