## -*- texinfo -*-
## @deftypefn {} {@var{value} =} dlfp.read_json (@var{path}, @var{fn})
## @deftypefnx {} {@var{value} =} dlfp.read_json (@var{path}, @var{fn}, @var{max_bytes})
## value = JSON(path), strictly: no NaN or Infinity literal, no key given twice.
##
## The twin of textfile.py's @code{read_json}. The file is read by @code{read_text} (missing,
## larger than @var{max_bytes}, by default the rules' limits.json_bytes, byte-order mark, not
## UTF-8), then, in this order: a NaN, Infinity or -Infinity outside
## every string is @code{dlfp: <fn>: <path> holds NaN or Infinity, which JSON does not
## allow}; a syntax error is @code{dlfp: <fn>: malformed JSON in <path>: <detail>} (the
## detail worded as Python's json module words it); a key given twice in one object is
## @code{dlfp: <fn>: <path> has the key '<key>' twice}, for the first object to close that
## has one (inner objects close before the objects holding them), so every language names
## the same key.
##
## Objects become scalar structs, arrays 1 x n cells (always: [5] is never the number 5),
## numbers doubles, strings char rows, true and false logicals, null [] (see
## @code{dlfp.internal.parse_json}).
## @end deftypefn

function value = read_json (path, fn, max_bytes)
  if (nargin < 2)
    print_usage ();
  endif
  if (nargin < 3)
    rules = dlfp.scenario_rules ();
    max_bytes = rules.limits.json_bytes;
  endif
  text = dlfp.read_text (path, fn, max_bytes);
  shown = dlfp.internal.shown (path, Inf);
  ## every JSON string replaced by "", so that "NaN" inside one is never taken for the literal
  ## (Python's "." stops at a newline, hence dotexceptnewline). Possessive, as R's: a plain
  ## alternation recurses in PCRE and ends Octave on a string of ~10,000 characters; the two
  ## alternatives never start alike, so it matches what Python's pattern matches.
  string_re = '"(?:[^"\\]++|\\.)*+"';
  bare = regexprep (text, string_re, '""', "dotexceptnewline");
  if (! isempty (regexp (bare, '(?<![A-Za-z0-9_])(?:NaN|Infinity)(?![A-Za-z0-9_])', "once")))
    dlfp.internal.fail ("json", fn, [shown " holds NaN or Infinity, which JSON does not allow"]);
  endif
  check_limits (regexp (text, string_re, "match", "dotexceptnewline"), bare, shown, fn);
  [value, detail, twice] = dlfp.internal.parse_json (text);
  if (! isempty (detail))
    dlfp.internal.fail ("json", fn, sprintf ("malformed JSON in %s: %s", shown, detail));
  endif
  if (ischar (twice))
    dlfp.internal.fail ("json", fn, sprintf ("%s has the key '%s' twice", shown,
                                             dlfp.internal.shown (twice)));
  endif
endfunction

function check_limits (strings, bare, shown, fn)
  ## the rules' limits (textfile.py's check_limits): nesting, a string's or a number's length,
  ## and a \u0000 or lone surrogate escape, which R's parser cannot keep
  rules = dlfp.scenario_rules ();
  lim = rules.limits;
  depth = cumsum ((bare == "[" | bare == "{") - (bare == "]" | bare == "}"));
  if (! isempty (depth) && max (depth) > lim.json_depth)
    dlfp.internal.fail ("json", fn, sprintf ("%s nests arrays and objects more than %d deep",
                                             shown, lim.json_depth));
  endif
  ## characters, as Python counts them: the bytes that start one
  chars = cellfun (@(t) sum (t < 128 | t >= 192), strings) - 2;
  if (any (chars > lim.json_string))
    dlfp.internal.fail ("json", fn, sprintf ("%s has a string of more than %d characters",
                                             shown, lim.json_string));
  endif
  if (! isempty (regexp (bare, sprintf ('[-0-9][-+.0-9eE]{%d,}', lim.json_number), "once")))
    dlfp.internal.fail ("json", fn, sprintf ("%s has a number of more than %d characters",
                                             shown, lim.json_number));
  endif
  escaped = strrep (strings(! cellfun (@isempty, strfind (strings, '\u'))), '\\', "");
  bad = ['\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])' ...
         '|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}'];
  if (any (! cellfun (@isempty, regexp (escaped, bad, "once"))))
    dlfp.internal.fail ("json", fn, [shown ' has a string with \u0000 or a lone surrogate ' ...
                                     "escape, which dlfp does not take"]);
  endif
endfunction

%!function check_error (text, fn, expected)
%!  f = [tempname() ".json"];
%!  unwind_protect
%!    fid = fopen (f, "w"); fwrite (fid, text); fclose (fid);
%!    try
%!      dlfp.read_json (f, fn);
%!      error ("no error for %s", text);
%!    catch err
%!      assert (err.message, sprintf (expected, f));
%!    end_try_catch
%!  unwind_protect_cleanup
%!    unlink (f);
%!  end_unwind_protect
%!endfunction

%!test
%! f = [tempname() ".json"];
%! unwind_protect
%!   fid = fopen (f, "w");
%!   fputs (fid, '{"name": "NaN and Infinity", "layers": [2, 3, 1], "epochs": [5], "x": {"NaN": null}}');
%!   fclose (fid);
%!   v = dlfp.read_json (f, "me");
%!   assert (v.name, "NaN and Infinity");  # inside a string they are text
%!   assert (v.layers, {2, 3, 1});
%!   assert (v.epochs, {5});  # a list of one number, not the number
%!   assert (isempty (v.x.NaN));
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!test
%! check_error ('{"a": NaN}', "me", "dlfp: me: %s holds NaN or Infinity, which JSON does not allow");
%! check_error ('{"a": [1, -Infinity]}', "me", "dlfp: me: %s holds NaN or Infinity, which JSON does not allow");
%! check_error ("{\"a\": \"x\\\"\", \"b\": Infinity}", "me",  # an escaped quote ends no string
%!              "dlfp: me: %s holds NaN or Infinity, which JSON does not allow");
%! ## the NaN check comes before the syntax
%! check_error ('{"a": NaN,}', "me", "dlfp: me: %s holds NaN or Infinity, which JSON does not allow");
%!test
%! ## NaNs and Infinitys that are no literal are syntax errors, with Python's detail
%! check_error ('{"a": NaNx}', "me", "dlfp: me: malformed JSON in %s: Expecting ',' delimiter: line 1 column 10 (char 9)");
%! check_error ('{"a": xNaN}', "me", "dlfp: me: malformed JSON in %s: Expecting value: line 1 column 7 (char 6)");
%!test
%! ## Python's json module rejects these, so read_json does; the detail is Python's too
%! cases = {'{"a": 1,}', "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)";
%!          '[1, 2,]', "Expecting value: line 1 column 7 (char 6)";
%!          "{\"a\": 1 // one\n}", "Expecting ',' delimiter: line 1 column 9 (char 8)";
%!          "/* c */ {}", "Expecting value: line 1 column 1 (char 0)";
%!          "{'a': 1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)";
%!          '{a: 1}', "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)";
%!          '{"a": 01}', "Expecting ',' delimiter: line 1 column 8 (char 7)";
%!          '{"a": 0x10}', "Expecting ',' delimiter: line 1 column 8 (char 7)";
%!          '{"a": True}', "Expecting value: line 1 column 7 (char 6)";
%!          "{\"a\": \"x\ty\"}", "Invalid control character at: line 1 column 9 (char 8)";
%!          '{"a": 1} {"b": 2}', "Extra data: line 1 column 10 (char 9)";
%!          "", "Expecting value: line 1 column 1 (char 0)";
%!          '{"a": [1, 2', "Expecting ',' delimiter: line 1 column 12 (char 11)"};
%! for k = 1:rows (cases)
%!   check_error (cases{k, 1}, "read_scenario",
%!                ["dlfp: read_scenario: malformed JSON in %s: " cases{k, 2}]);
%! endfor
%!test
%! ## a key given twice: the first object to close (inner first), then its first repeat
%! check_error ('{"epochs": 1, "epochs": 2}', "me", "dlfp: me: %s has the key 'epochs' twice");
%! check_error ('{"a": 1, "b": 2, "b": 3, "a": 4}', "me", "dlfp: me: %s has the key 'b' twice");
%! check_error ('{"n": 1, "n": 1, "data": {"seed": 1, "seed": 2}}', "me",
%!              "dlfp: me: %s has the key 'seed' twice");
%! check_error ('{"d": {"x": {"k": 1, "k": 2}}, "d": 3}', "me", "dlfp: me: %s has the key 'k' twice");
%! check_error ('[{"p": 1, "p": 2}, {"q": 1, "q": 2}]', "me", "dlfp: me: %s has the key 'p' twice");
%! ## a syntax error anywhere wins over a key given twice
%! check_error ('{"a": 1, "a": 2,}', "me", "dlfp: me: malformed JSON in %s: Expecting property name enclosed in double quotes: line 1 column 17 (char 16)");
%!test
%! ## the file's own checks come first
%! check_error ([char([239, 187, 191]) '{"a": NaN}'], "me",
%!              "dlfp: me: %s begins with a byte-order mark (save it as UTF-8 without one)");
%! check_error (['{"a": "' char(233) '"}'], "me", "dlfp: me: %s is not UTF-8 text");  # Latin-1
%!error <dlfp: me: no such file: /nonexistent/s.json> dlfp.read_json ("/nonexistent/s.json", "me")
%!error <Invalid call> dlfp.read_json ()
