## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} is_utf8 (@var{bytes})
## tf = bytes decode as UTF-8 the way Python's strict bytes.decode("utf-8") decodes them.
##
## Invalid: a continuation byte (0x80-0xBF) with no lead, a lead byte that cannot start a
## sequence (0xC0, 0xC1, 0xF5-0xFF), a sequence cut short, an overlong form (E0 80..9F,
## F0 80..8F), a surrogate (ED A0..BF) and anything above U+10FFFF (F4 90..BF). Vectorized:
## the leads are found at once and each of the (at most 3) continuation places is checked
## for all of them together.
## @end deftypefn

function tf = is_utf8 (bytes)
  b = double (bytes(:)');  # (1, n)
  n = numel (b);
  cont = b >= 0x80 & b <= 0xBF;
  lead = find (! cont);
  v = b(lead);
  ## the number of bytes each lead starts; 0 for a byte that starts nothing
  len = (v < 0x80) + 2 * (v >= 0xC2 & v <= 0xDF) + 3 * (v >= 0xE0 & v <= 0xEF) ...
        + 4 * (v >= 0xF0 & v <= 0xF4);
  tf = all (len > 0) && sum (cont) == sum (len - 1);
  for k = 1:3  # the k-th byte after each lead that needs one: there, and a continuation
    if (! tf)
      return;
    endif
    at = lead(len > k) + k;
    tf = all (at <= n) && all (cont(at(at <= n)));
  endfor
  if (tf && n > 0)
    ## the second byte's narrower range after E0, ED, F0 and F4
    b(end + 1) = 128;  # a continuation byte after the end keeps the indices below valid
    second = b(min (lead + 1, n + 1));
    tf = ! any ((v == 0xE0 & second < 0xA0) | (v == 0xED & second > 0x9F)
                | (v == 0xF0 & second < 0x90) | (v == 0xF4 & second > 0x8F));
  endif
endfunction

%!assert (dlfp.internal.is_utf8 (uint8 ([])))
%!assert (dlfp.internal.is_utf8 (uint8 ("plain ASCII {}\n")))
%!assert (dlfp.internal.is_utf8 (uint8 ([0xC3, 0xA9])))  # e acute
%!assert (dlfp.internal.is_utf8 (uint8 ([0xE2, 0x82, 0xAC, 0x41])))  # euro sign, A
%!assert (dlfp.internal.is_utf8 (uint8 ([0xF0, 0x9F, 0x98, 0x80])))  # U+1F600
%!assert (dlfp.internal.is_utf8 (uint8 ([0xF4, 0x8F, 0xBF, 0xBF])))  # U+10FFFF, the last
%!assert (dlfp.internal.is_utf8 (uint8 ([0xED, 0x9F, 0xBF])))  # U+D7FF, just below the surrogates
%!assert (dlfp.internal.is_utf8 (uint8 ([0xEF, 0xBB, 0xBF])))  # U+FEFF itself is valid
%!assert (! dlfp.internal.is_utf8 (uint8 ([0x41, 0xE9, 0x42])))  # Latin-1 e acute
%!assert (! dlfp.internal.is_utf8 (uint8 (0x80)))  # a lone continuation
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xC3, 0xA9, 0xA9])))  # one continuation too many
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xC0, 0xAF])))  # overlong '/'
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xE0, 0x80, 0xAF])))  # overlong '/', 3 bytes
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xF0, 0x8F, 0xBF, 0xBF])))  # overlong, 4 bytes
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xED, 0xA0, 0x80])))  # surrogate U+D800
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xF4, 0x90, 0x80, 0x80])))  # U+110000
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xF5, 0x80, 0x80, 0x80])))
%!assert (! dlfp.internal.is_utf8 (uint8 ([0x41, 0xE2, 0x82])))  # cut short at the end
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xE2, 0x82, 0x41])))  # cut short by ASCII
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xC3])))
%!assert (! dlfp.internal.is_utf8 (uint8 ([0xFF, 0xFE])))  # a UTF-16 byte-order mark
