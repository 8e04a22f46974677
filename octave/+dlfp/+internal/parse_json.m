## -*- texinfo -*-
## @deftypefn {} {[@var{value}, @var{detail}, @var{twice}] =} parse_json (@var{text})
## value = JSON(text) as Python's json.loads reads it; detail = its syntax error, or "".
##
## Octave's jsondecode cannot serve dlfp: it turns [5] into 5 and [[2, 3, 1]] into a
## matrix, lets a key given twice overwrite the first silently and reads what Python
## rejects. So this is a small parser of its own: one regexp cuts @var{text} (UTF-8, a char
## row) into tokens, and a recursive descent over the tokens builds the value.
##
## Objects become scalar structs (fields in key order; any key string is a field name),
## arrays 1 x n cells @emph{always} (even of numbers), numbers doubles, strings char rows
## (escapes decoded, \uXXXX and surrogate pairs to UTF-8), true and false logicals, null
## [] (an empty double). It accepts exactly what Python's json module accepts, NaN,
## Infinity and -Infinity included (read_json's pre-scan refuses those), and a syntax error
## is worded as Python words it: @code{Expecting value: line 1 column 5 (char 4)}, columns
## and chars counted in characters.
##
## @var{twice} is the first key given twice in one object (a char, perhaps ""; [] when
## none): objects are
## checked as they close, inner before outer, as Python's object_pairs_hook sees them, and
## within an object the first key that repeats an earlier one. @var{value} is [] when
## @var{detail} is not empty.
## @end deftypefn

function [value, detail, twice] = parse_json (text)
  text = reshape (text, 1, []);
  ## a string (only a valid one: an invalid one leaves its quote alone, a token of its
  ## own), a number, a literal, a delimiter, a run of JSON's 4 white-space characters, or
  ## any other character; possessive quantifiers keep long strings off PCRE's stack
  pattern = ['"(?:[^"\\\x00-\x1f]++|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*+"', ...
             '|-?(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?(?:[eE][-+]?[0-9]++)?', ...
             '|true|false|null|NaN|Infinity|-Infinity|[{}\[\],:]|[ \t\n\r]++|.'];
  [tok, start] = regexp (text, pattern, "match", "start");
  first = text(start);
  keep = ! ismember (first, " \t\n\r");
  tok = tok(keep);
  start = start(keep);
  first = first(keep);
  len = cellfun (@numel, tok);
  ## kinds: s string, S a quote that starts no valid string, n number, T F 0 true false
  ## null, N I M NaN Infinity -Infinity, x anything else; delimiters stand for themselves
  kind = repmat ("x", size (first));
  delimiter = ismember (first, "{}[],:");
  kind(delimiter) = first(delimiter);
  kind(first == '"') = "s";
  kind(first == '"' & len == 1) = "S";
  [is_lit, which] = ismember (tok, {"true", "false", "null", "NaN", "Infinity"});
  kind(is_lit) = "TF0NI"(which(is_lit));
  is_minf = strcmp (tok, "-Infinity");
  is_num = ismember (first, "-0123456789") & ! is_minf & ! (first == "-" & len == 1);
  kind(is_num) = "n";
  kind(is_minf) = "M";
  num = NaN (size (tok));
  if (any (is_num))
    ## sscanf reads 1e400 as Inf, as Python's float does (str2double gives NaN)
    num(is_num) = sscanf (strjoin (tok(is_num), " "), "%f");
    ## Python reads -0 as the int 0, and only -0.0 as a negative zero
    whole = is_num & cellfun ("isempty", regexp (tok, "[.eE]", "once"));
    num(whole) += 0;
  endif
  P = struct ("text", text, "tok", {tok}, "start", start, "kind", kind, "num", num,
              "n", numel (tok));
  value = [];
  detail = "";
  twice = [];
  ## one Octave frame per level of nesting: Python's json reads nearly 1000 levels, more
  ## than Octave's default limits allow (256 recursive calls, 1024 stack frames)
  max_recursion_depth (max (max_recursion_depth (), 1100), "local");
  max_stack_depth (max (max_stack_depth (), 2500), "local");
  try
    [v, k, twice] = parse_value (P, 1, twice);
    if (k <= P.n)
      syntax_error (P, "Extra data", k);
    endif
    value = v;
  catch err
    if (! strcmp (err.identifier, "dlfp_json:syntax"))
      rethrow (err);
    endif
    detail = err.message;
    twice = [];
  end_try_catch
endfunction

function [v, k, twice] = parse_value (P, k, twice)
  ## the value at token k; k comes back as the token after it
  if (k > P.n)
    syntax_error (P, "Expecting value", k);
  endif
  switch (P.kind(k))
    case "s"
      v = decode_string (P.tok{k});
      k += 1;
    case "n"
      v = P.num(k);
      k += 1;
    case {"T", "F"}
      v = P.kind(k) == "T";
      k += 1;
    case "0"
      v = [];
      k += 1;
    case {"N", "I", "M"}
      v = [NaN, Inf, -Inf]("NIM" == P.kind(k));
      k += 1;
    case "["
      v = {};
      k += 1;
      if (k <= P.n && P.kind(k) == "]")
        v = cell (1, 0);
        k += 1;
        return;
      endif
      [v, k, flat] = flat_numbers (P, k);
      if (flat)
        return;
      endif
      while (true)
        [v{end + 1}, k, twice] = parse_value (P, k, twice);
        if (k <= P.n && P.kind(k) == "]")
          k += 1;
          return;
        endif
        expect (P, k, ",", "Expecting ',' delimiter");
        k += 1;
      endwhile
    case "{"
      keys = {};
      values = {};
      k += 1;
      if (! (k <= P.n && P.kind(k) == "}"))
        while (true)
          key_at (P, k);
          keys{end + 1} = decode_string (P.tok{k});
          expect (P, k + 1, ":", "Expecting ':' delimiter");
          [values{end + 1}, k, twice] = parse_value (P, k + 2, twice);
          if (k <= P.n && P.kind(k) == "}")
            break;
          endif
          expect (P, k, ",", "Expecting ',' delimiter");
          k += 1;
        endwhile
      endif
      k += 1;
      if (! ischar (twice))  # (the key "" is a key too)
        twice = first_repeat (keys);
      endif
      v = struct ();
      for i = 1:numel (keys)
        v.(keys{i}) = values{i};  # any string is a field name this way, "" and "a-b" too
      endfor
    case "S"
      [problem, at] = string_problem (P.text, P.start(k));
      syntax_error (P, problem, k, at);
    otherwise
      syntax_error (P, "Expecting value", k);
  endswitch
endfunction

function [v, k, flat] = flat_numbers (P, k)
  ## an array of plain numbers, n , n , ... n ], taken in one step from token k: a call of
  ## parse_value per element costs ~80 us, so 100,000 of them took Octave seconds where
  ## Python's json takes milliseconds. The window grows only for a long array, so the many
  ## short arrays of a file cost no scan of the rest of it.
  v = {};
  for w = [64, P.n]
    r = P.kind(k:min (P.n, k + w - 1));
    stop = find (r(2:2:end) != ",", 1);  # the first separator that is no comma
    if (! isempty (stop))
      break;
    endif
  endfor
  flat = ! isempty (stop) && r(2 * stop) == "]" && all (r(1:2:2 * stop - 1) == "n");
  if (flat)
    v = num2cell (P.num(k:2:k + 2 * stop - 2));
    k += 2 * stop;
  endif
endfunction

function key_at (P, k)
  ## an object's key must come at token k
  if (k <= P.n && P.kind(k) == "S")
    [problem, at] = string_problem (P.text, P.start(k));
    syntax_error (P, problem, k, at);
  endif
  expect (P, k, "s", "Expecting property name enclosed in double quotes");
endfunction

function expect (P, k, kind, message)
  if (k > P.n || P.kind(k) != kind)
    syntax_error (P, message, k);
  endif
endfunction

function key = first_repeat (keys)
  ## the first key that repeats an earlier one: a stable sort puts each key's first
  ## place first among its equals, so the others are the repeats
  key = [];
  if (numel (keys) < 2)
    return;
  endif
  [sorted, order] = sort (keys);
  again = order([false, strcmp(sorted(2:end), sorted(1:end - 1))]);
  if (! isempty (again))
    key = keys{min (again)};
  endif
endfunction

function s = decode_string (tok)
  s = tok(2:end - 1);
  if (isempty (s))
    s = "";  # 0 x 0, as Octave writes an empty string
    return;
  elseif (! any (s == '\'))
    return;
  endif
  [escapes, pieces] = regexp (s, '\\(?:u[0-9a-fA-F]{4}|.)', "match", "split");
  simple = struct ('"', '"', '\', '\', "/", "/", "b", "\b", "f", "\f", "n", "\n",
                   "r", "\r", "t", "\t");
  units = zeros (size (escapes));  # the UTF-16 unit of each \u escape, 0 for the others
  is_u = cellfun (@numel, escapes) == 6;
  units(is_u) = hex2dec (cellfun (@(e) e(3:6), escapes(is_u), "UniformOutput", false));
  high = units >= 55296 & units <= 56319;  # 0xD800 .. 0xDBFF
  low = units >= 56320 & units <= 57343;  # 0xDC00 .. 0xDFFF
  out = pieces(1);
  i = 1;
  while (i <= numel (escapes))
    if (! is_u(i))
      out{end + 1} = simple.(escapes{i}(2));
    elseif (high(i) && i < numel (escapes) && isempty (pieces{i + 1}) && low(i + 1))
      ## a surrogate pair, written as two escapes side by side, is one code point
      out{end + 1} = utf8 (65536 + (units(i) - 55296) * 1024 + (units(i + 1) - 56320));
      i += 1;
    else
      out{end + 1} = utf8 (units(i));  # a lone surrogate too, as Python keeps it
    endif
    out{end + 1} = pieces{i + 1};
    i += 1;
  endwhile
  s = [out{:}];
endfunction

function c = utf8 (cp)
  ## (decimal constants: Octave 7 reads 0xC0 as a uint8, whose arithmetic saturates)
  if (cp < 128)
    b = cp;
  elseif (cp < 2048)
    b = [192 + floor(cp / 64), 128 + mod(cp, 64)];
  elseif (cp < 65536)
    b = [224 + floor(cp / 4096), 128 + mod(floor (cp / 64), 64), 128 + mod(cp, 64)];
  else
    b = [240 + floor(cp / 262144), 128 + mod(floor (cp / 4096), 64), ...
         128 + mod(floor (cp / 64), 64), 128 + mod(cp, 64)];
  endif
  c = char (b);
endfunction

function [problem, at] = string_problem (text, q)
  ## why the string whose quote is at byte q is not valid, and the byte Python names,
  ## following the steps of Python's scanstring
  n = numel (text);
  p = q + 1;
  while (true)
    special = find (text(p:end) == '"' | text(p:end) == '\' | text(p:end) < 32, 1) + p - 1;
    if (isempty (special))
      problem = "Unterminated string starting at";
      at = q;
      return;
    elseif (text(special) < 32)
      problem = "Invalid control character at";
      at = special;
      return;
    elseif (text(special) == '"')
      problem = "";  # not reached: a string without a problem is a valid token
      at = special;
      return;
    endif
    next = special + 1;
    if (next > n)
      problem = "Unterminated string starting at";
      at = q;
      return;
    elseif (text(next) != "u")
      if (! any (text(next) == '"\/bfnrt'))
        problem = 'Invalid \escape';
        at = special;
        return;
      endif
      p = next + 1;
      continue;
    endif
    stop = next + 5;  # the byte after the 4 hex digits
    if (stop > n || ! is_hex (text(next + 1:stop - 1)))
      problem = 'Invalid \uXXXX escape';
      at = next;
      return;
    endif
    unit = hex2dec (text(next + 1:stop - 1));
    if (unit >= 55296 && unit <= 56319 && stop + 6 <= n && text(stop) == '\'
        && text(stop + 1) == "u")
      if (! is_hex (text(stop + 2:stop + 5)))
        problem = 'Invalid \uXXXX escape';
        at = stop + 1;
        return;
      endif
      low = hex2dec (text(stop + 2:stop + 5));
      if (low >= 56320 && low <= 57343)
        stop += 6;
      endif
    endif
    p = stop;
  endwhile
endfunction

function tf = is_hex (chars)
  ## (isxdigit takes some bytes of a multi-byte character for hex digits)
  tf = all (ismember (chars, "0123456789abcdefABCDEF"));
endfunction

function syntax_error (P, problem, k, at)
  ## "<problem>: line L column C (char N)", counted in characters as Python counts them
  if (nargin < 4)
    at = numel (P.text) + 1;  # the end of the text
    if (k <= P.n)
      at = P.start(k);
    endif
  endif
  before = P.text(1:at - 1);
  starts = before < 128 | before >= 192;  # bytes that begin a character
  pos = sum (starts);
  newlines = find (before == "\n");
  if (isempty (newlines))
    column = pos + 1;
  else
    column = pos - sum (starts(1:newlines(end) - 1));
  endif
  error ("dlfp_json:syntax", "%s: line %d column %d (char %d)", problem,
         numel (newlines) + 1, column, pos);
endfunction

%!test
%! ## a long flat array of numbers is read in one step, as a 1 x n cell like any other
%! [v, detail] = dlfp.internal.parse_json (["[" repmat("7, ", 1, 99999) "-0.5]"]);
%! assert (detail, "");
%! assert (size (v), [1, 100000]);
%! assert ([v{[1, 99999, 100000]}], [7, 7, -0.5]);
%!test
%! ## not flat, or not closed: the element-by-element path and its own errors
%! assert (dlfp.internal.parse_json ("[1, [2], 3]"), {1, {2}, 3});
%! assert (dlfp.internal.parse_json ("[1, \"a\"]"), {1, "a"});
%! [~, detail] = dlfp.internal.parse_json ("[1, 2, 3");
%! assert (detail, "Expecting ',' delimiter: line 1 column 9 (char 8)");
%! [~, detail] = dlfp.internal.parse_json ("[1, 2,]");
%! assert (detail, "Expecting value: line 1 column 7 (char 6)");
%! [~, detail] = dlfp.internal.parse_json ("[1 2]");
%! assert (detail, "Expecting ',' delimiter: line 1 column 4 (char 3)");
%!test
%! [v, detail, twice] = dlfp.internal.parse_json ('{"a": [1, 2.5, -3e2], "b": {"c": "x"}, "d": [], "e": {}}');
%! assert (detail, "");
%! assert (isempty (twice));
%! assert (fieldnames (v), {"a"; "b"; "d"; "e"});
%! assert (v.a, {1, 2.5, -300});
%! assert (v.b, struct ("c", "x"));
%! assert (size (v.d), [1, 0]);
%! assert (iscell (v.d));
%! assert (isstruct (v.e) && isempty (fieldnames (v.e)));
%!test
%! ## a one-element array stays a cell, never a number; nested arrays stay cells of cells
%! v = dlfp.internal.parse_json ('{"epochs": [5], "layers": [[2, 3, 1]], "n": 5}');
%! assert (v.epochs, {5});
%! assert (v.layers, {{2, 3, 1}});
%! assert (v.n, 5);
%!test
%! v = dlfp.internal.parse_json ('[true, false, null, "", -0, -0.0, 1E+2, 1e400, 12345678901234567890]');
%! assert (v{1}, true);
%! assert (islogical (v{2}) && ! v{2});
%! assert (isnumeric (v{3}) && isempty (v{3}));
%! assert (ischar (v{4}) && isempty (v{4}));
%! assert ([v{5:8}], [0, -0, 100, Inf]);
%! assert (1 ./ [v{5:6}], [Inf, -Inf]);  # -0 is the int 0, -0.0 a negative zero
%! assert (v{9}, 12345678901234567890);
%!test
%! ## escapes: the simple ones, \u to UTF-8 (2 and 3 bytes), a surrogate pair to 4 bytes
%! v = dlfp.internal.parse_json ('"a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\u20ac\ud83d\ude00"');
%! ## C3 A9, E2 82 AC, F0 9F 98 80
%! assert (double (v), [double("a""b\\c/d"), 8, double("e"), 12, double("f"), 10, ...
%!                      double("g"), 13, double("h"), 9, double("i"), 195, 169, 226, 130, ...
%!                      172, 240, 159, 152, 128]);
%!test
%! ## keys that are no Octave identifiers are kept as written
%! v = dlfp.internal.parse_json ('{"learning-rate": 1, "": 2, "1x": 3, "\u00e9": 4}');
%! assert (fieldnames (v), {"learning-rate"; ""; "1x"; char([195, 169])});
%! assert (v.("learning-rate"), 1);
%!test
%! ## Python's words and places for a syntax error
%! cases = {"",             "Expecting value: line 1 column 1 (char 0)";
%!          "  ",           "Expecting value: line 1 column 3 (char 2)";
%!          '{"a":1,}',     "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)";
%!          '[1,]',         "Expecting value: line 1 column 4 (char 3)";
%!          '[1 2]',        "Expecting ',' delimiter: line 1 column 4 (char 3)";
%!          '{"a" 1}',      "Expecting ':' delimiter: line 1 column 6 (char 5)";
%!          "{'a': 1}",     "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)";
%!          '{a: 1}',       "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)";
%!          '01',           "Extra data: line 1 column 2 (char 1)";
%!          '[01]',         "Expecting ',' delimiter: line 1 column 3 (char 2)";
%!          '1.',           "Extra data: line 1 column 2 (char 1)";
%!          '-',            "Expecting value: line 1 column 1 (char 0)";
%!          '+1',           "Expecting value: line 1 column 1 (char 0)";
%!          '.5',           "Expecting value: line 1 column 1 (char 0)";
%!          '{"a":tru}',    "Expecting value: line 1 column 6 (char 5)";
%!          '[1,2',         "Expecting ',' delimiter: line 1 column 5 (char 4)";
%!          '{"a":1',       "Expecting ',' delimiter: line 1 column 7 (char 6)";
%!          '{"a": 1} x',   "Extra data: line 1 column 10 (char 9)";
%!          '{"a": 1} // c', "Extra data: line 1 column 10 (char 9)";
%!          '/* c */ {}',   "Expecting value: line 1 column 1 (char 0)";
%!          "\n\n  [1 2]",  "Expecting ',' delimiter: line 3 column 6 (char 7)";
%!          '"é" x',        "Extra data: line 1 column 5 (char 4)";
%!          '"abc',         "Unterminated string starting at: line 1 column 1 (char 0)";
%!          '"ab\',         "Unterminated string starting at: line 1 column 1 (char 0)";
%!          "\"a\tb\"",     "Invalid control character at: line 1 column 3 (char 2)";
%!          '{"a": "x\q"}', 'Invalid \escape: line 1 column 9 (char 8)';
%!          '{"x":"é\q"}',  'Invalid \escape: line 1 column 8 (char 7)';
%!          '{"a": "x\u12"}', 'Invalid \uXXXX escape: line 1 column 10 (char 9)';
%!          '{"a": "\ud800\uzzzz"}', 'Invalid \uXXXX escape: line 1 column 15 (char 14)';
%!          '{"a": 1, "b\u00e": 2}', 'Invalid \uXXXX escape: line 1 column 13 (char 12)';
%!          "[1, 2]\f",     "Extra data: line 1 column 7 (char 6)";
%!          "NaNa",         "Extra data: line 1 column 4 (char 3)";
%!          "[1e]",         "Expecting ',' delimiter: line 1 column 3 (char 2)"};
%! for k = 1:rows (cases)
%!   [v, detail, twice] = dlfp.internal.parse_json (cases{k, 1});
%!   assert (detail, cases{k, 2});
%!   assert (isempty (v) && isempty (twice));
%! endfor
%!test
%! ## a key given twice: the first object to close that has one, then its first repeat
%! [~, ~, twice] = dlfp.internal.parse_json ('{"a": 1, "b": 2, "a": 3, "b": 4}');
%! assert (twice, "a");
%! [~, ~, twice] = dlfp.internal.parse_json ('{"b": 1, "a": 2, "a": 3, "b": 4}');
%! assert (twice, "a");
%! [~, ~, twice] = dlfp.internal.parse_json ('{"x": 1, "x": 2, "in": {"y": 1, "y": 2}}');
%! assert (twice, "y");  # the inner object closes first
%! [~, ~, twice] = dlfp.internal.parse_json ('[{"p": 1, "p": 1}, {"q": 1, "q": 1}]');
%! assert (twice, "p");  # siblings in document order
%! [~, ~, twice] = dlfp.internal.parse_json ('{"a": 1, "\u0061": 2}');
%! assert (twice, "a");  # keys compared once decoded
%! [~, ~, twice] = dlfp.internal.parse_json ('{"": 1, "": 2}');
%! assert (twice, "");  # the empty key is a key
%!test
%! ## NaN and Infinity are JSON to Python's json module (read_json refuses them before)
%! assert (dlfp.internal.parse_json ("[NaN, Infinity, -Infinity]"), {NaN, Inf, -Inf});
%!test
%! ## nesting deeper than Octave's default limits, as deep as Python's json reads
%! v = dlfp.internal.parse_json ([repmat("[", 1, 990), repmat("]", 1, 990)]);
%! for k = 1:989
%!   v = v{1};
%! endfor
%! assert (size (v), [1, 0]);
