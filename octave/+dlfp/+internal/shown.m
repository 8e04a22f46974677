## -*- texinfo -*-
## @deftypefn  {} {@var{s} =} shown (@var{text})
## @deftypefnx {} {@var{s} =} shown (@var{text}, @var{limit})
## s = text as a one-line message may show it: at most limit characters (then "..."), with
## backslash, controls, U+2028/9, lone surrogates and invalid bytes escaped.
##
## The twin of errors.py's @code{shown}: the escapes are \\, \n, \r, \t, \xNN (other
## controls, DEL, C1 and bytes that are not UTF-8) and \uNNNN (U+2028, U+2029 and a
## surrogate's three bytes), in lowercase hex. Characters are counted as Python counts them
## (a byte that is no UTF-8 counts as one). @var{limit} defaults to the rules' limits.shown;
## Inf keeps all (paths).
## @end deftypefn

function s = shown (text, limit)
  if (nargin < 2)
    rules = dlfp.scenario_rules ();
    limit = rules.limits.shown;
  endif
  if (! ischar (text))
    text = dlfp.internal.py_str (text);
  endif
  b = double (text(:)');  # (1, n) bytes
  n = numel (b);
  pieces = {};
  i = 1;
  while (i <= n && numel (pieces) <= limit)
    [cp, len] = unit_at (b, i);
    pieces{end + 1} = escape_unit (cp, text(i:i + len - 1));
    i += len;
  endwhile
  cut = numel (pieces) > limit;
  if (cut)
    pieces = [pieces(1:limit), {"..."}];
  endif
  s = [pieces{:}];
  if (isempty (s))
    s = "";
  endif
endfunction

function [cp, len] = unit_at (b, i)
  ## the character at byte i: its code point and length; -1 and 1 for a byte that starts no
  ## UTF-8 sequence (a surrogate's three bytes count as its code point)
  lead = b(i);
  len = (lead < 128) + 2 * (lead >= 194 && lead <= 223) + 3 * (lead >= 224 && lead <= 239) ...
        + 4 * (lead >= 240 && lead <= 244);
  if (len == 1)
    cp = lead;
    return;
  endif
  ok = len > 0 && i + len - 1 <= numel (b);
  if (ok)
    rest = b(i + 1:i + len - 1);
    ok = all (rest >= 128 & rest <= 191);
    if (ok && len > 2)
      ok = ! ((lead == 224 && rest(1) < 160) || (lead == 240 && rest(1) < 144)
              || (lead == 244 && rest(1) > 143));
    endif
  endif
  if (! ok)
    cp = -1;
    len = 1;
    return;
  endif
  cp = mod (lead, [0, 32, 16, 8](len)) * 64 ^ (len - 1) + sum (mod (rest, 64) .* 64 .^ (len - 2:-1:0));
endfunction

function e = escape_unit (cp, bytes)
  if (cp < 0)
    e = ['\x' sprintf("%02x", double (bytes(1)))];  # (sprintf would read a \x itself)
  elseif (cp == 92)
    e = '\\';
  elseif (cp == 10)
    e = '\n';
  elseif (cp == 13)
    e = '\r';
  elseif (cp == 9)
    e = '\t';
  elseif (cp < 32 || (cp >= 127 && cp <= 159))
    e = ['\x' sprintf("%02x", cp)];
  elseif (cp == 8232 || cp == 8233 || (cp >= 55296 && cp <= 57343))
    e = ['\u' sprintf("%04x", cp)];
  else
    e = bytes;
  endif
endfunction

%!assert (dlfp.internal.shown ("abc"), "abc")
%!assert (dlfp.internal.shown (sprintf ("a\nb\r\t\\")), 'a\nb\r\t\\')
%!assert (dlfp.internal.shown (char ([127, 194, 133, 226, 128, 168, 195, 169])), ['\x7f\x85\u2028' char([195, 169])])
%!assert (dlfp.internal.shown (char ([97, 255, 237, 160, 128, 195])), 'a\xff\ud800\xc3')
%!assert (dlfp.internal.shown (repmat ("a", 1, 50)), [repmat("a", 1, 40) "..."])
%!assert (dlfp.internal.shown (repmat (char ([195, 169]), 1, 41)), [repmat(char ([195, 169]), 1, 40) "..."])
%!assert (dlfp.internal.shown (repmat ("a", 1, 50), Inf), repmat ("a", 1, 50))
%!assert (dlfp.internal.shown (""), "")
