# The one kind of error dlfp raises for bad input: a condition of class "dlfp_error" (the twin of
# Python's DlfpError) whose message reads "dlfp: <function>: <problem>", as in Python and Octave.

#' stop("dlfp: fn: problem"): signal a dlfp error, without R's call prefix.
#'
#' The condition has class \code{dlfp_error}, so callers (the runner) can tell bad input from
#' a bug, as Python's \code{except DlfpError} does.
#'
#' @param fn Name of the function at fault (the public entry point).
#' @param problem What is wrong, in the same words as Python's message.
#' @return Does not return.
#' @keywords internal
dlfp_stop <- function(fn, problem) {
  msg <- paste0("dlfp: ", fn, ": ", problem)
  stop(structure(class = c("dlfp_error", "error", "condition"),
                 list(message = msg, call = NULL)))
}

#' s = repr(x) as Python writes a float: shortest digits that read back as the same double.
#'
#' Messages must read as Python's, and Python prints a float with the fewest digits that
#' round-trip, in fixed notation for exponents -4..15 and with ".0" on whole values.
#'
#' @param x A double.
#' @return A string.
#' @keywords internal
py_float_repr <- function(x) {
  if (is.na(x)) return("nan")
  if (is.infinite(x)) return(if (x > 0) "inf" else "-inf")
  if (x == 0) return(if (1 / x < 0) "-0.0" else "0.0")
  cand <- sprintf("%.*e", 0:16, x)
  s <- cand[which(as.numeric(cand) == x)[1]]
  mant <- sub("e.*$", "", s)
  ex <- as.integer(sub("^.*e", "", s))
  sign <- if (x < 0) "-" else ""
  digits <- gsub("[-.]", "", mant)
  if (ex < -4 || ex >= 16) {
    rest <- substring(digits, 2)
    m <- if (nzchar(rest)) paste0(substr(digits, 1, 1), ".", rest) else substr(digits, 1, 1)
    return(sprintf("%s%se%s%02d", sign, m, if (ex < 0) "-" else "+", abs(ex)))
  }
  if (ex < 0) return(paste0(sign, "0.", strrep("0", -ex - 1), digits))
  padded <- paste0(digits, strrep("0", max(0, ex + 1 - nchar(digits))))
  int_part <- substr(padded, 1, ex + 1)
  frac <- substring(padded, ex + 2)
  paste0(sign, int_part, ".", if (nzchar(frac)) frac else "0")
}

#' s = str(x) as Python prints a value decoded from JSON (None, True, 3, 0.5, 'a', [..], \{..\}).
#'
#' The scenario checks quote the offending value; a JSON integer reads back as an R integer and
#' a JSON real as a double, so the text matches Python's for either.
#'
#' @param x A value from jsonlite::parse_json(simplifyVector = FALSE).
#' @param quote Quote strings (Python's repr, used inside lists) or not (str).
#' @return A string.
#' @keywords internal
py_str <- function(x, quote = FALSE) {
  if (is.null(x)) return("None")
  if (is.list(x)) {
    items <- vapply(x, py_str, "", quote = TRUE)
    if (is.null(names(x))) return(paste0("[", paste(items, collapse = ", "), "]"))
    keys <- vapply(names(x), py_str, "", quote = TRUE)
    return(paste0("{", paste(paste0(keys, ": ", items), collapse = ", "), "}"))
  }
  if (length(x) != 1) return(paste0("[", paste(vapply(as.list(x), py_str, "", quote = TRUE),
                                               collapse = ", "), "]"))
  if (is.logical(x)) return(if (is.na(x)) "None" else if (x) "True" else "False")
  if (is.integer(x)) return(as.character(x))
  if (is.numeric(x)) return(py_float_repr(x))
  if (is.complex(x)) return(py_complex_repr(x))
  if (quote) return(paste0("'", x, "'"))
  as.character(x)
}

#' s = repr(complex(x)) as Python writes it: 1j, (2-1.5j), its parts without a trailing .0.
#'
#' @param x A complex number.
#' @return A string.
#' @keywords internal
py_complex_repr <- function(x) {
  part <- function(v) if (is.finite(v) && v == round(v) && abs(v) < 1e16) sprintf("%.0f", v)
                      else py_float_repr(v)
  re <- Re(x)
  im <- Im(x)
  s <- paste0(part(im), "j")
  if (re != 0 || 1 / re < 0) s <- paste0("(", part(re), if (im < 0) "" else "+", s, ")")
  s
}

#' s = the number as text: an integer when whole, else Python's float repr.
#'
#' @param x A number.
#' @return A string.
#' @keywords internal
fmt_number <- function(x) {
  if (is.numeric(x) && length(x) == 1 && is.finite(x) && x == round(x)) sprintf("%.0f", x)
  else if (is.numeric(x) && length(x) == 1) py_float_repr(x)
  else py_str(x, quote = TRUE)
}

#' s = sprintf("\%.<digits>f", x), but NaN and Inf spelled as Python prints them (nan, inf).
#'
#' Progress lines must read the same in every language, even when training diverges.
#'
#' @param x A number.
#' @param digits Digits after the point.
#' @return A string.
#' @keywords internal
fmt_fixed <- function(x, digits) {
  if (is.na(x)) return("nan")
  if (is.infinite(x)) return(if (x > 0) "inf" else "-inf")
  sprintf("%.*f", as.integer(digits), x)
}

#' s = sprintf("\%g", x), but NaN and Inf spelled as Python's format(x, "g") spells them.
#'
#' @param x A number.
#' @return A string.
#' @keywords internal
fmt_g <- function(x) {
  if (is.na(x)) return("nan")
  if (is.infinite(x)) return(if (x > 0) "inf" else "-inf")
  sprintf("%g", x)
}

#' s = text as a one-line message may show it: at most limit characters (then "..."), with
#' backslash, controls, U+2028/9, lone surrogates and invalid bytes escaped.
#'
#' The escapes are \\\\, \\n, \\r, \\t, \\xNN (other controls, DEL, C1 and bytes that are not
#' UTF-8) and \\uNNNN (U+2028, U+2029 and a surrogate's three bytes), in lowercase hex, as
#' Python's and Octave's shown() write them for the same bytes. Characters are counted as
#' Python counts them (a byte that is no UTF-8 counts as one).
#'
#' @param text A string (its bytes are read as they are, whatever its marked encoding).
#' @param limit Characters to keep; NA keeps all (paths).
#' @return A string marked UTF-8.
#' @keywords internal
shown <- function(text, limit = shown_limit()) {
  if (!(is.character(text) && length(text) == 1)) text <- py_str(text)
  b <- as.integer(charToRaw(text))
  n <- length(b)
  most <- if (is.na(limit)) Inf else limit + 1
  pieces <- character(0)
  i <- 1
  while (i <= n && length(pieces) < most) {
    unit <- utf8_unit(b, i)
    pieces[length(pieces) + 1] <- escape_unit(unit$cp, b[i:(i + unit$size - 1)])
    i <- i + unit$size
  }
  cut <- !is.na(limit) && length(pieces) > limit
  out <- paste0(paste(if (cut) pieces[seq_len(limit)] else pieces, collapse = ""),
                if (cut) "..." else "")
  Encoding(out) <- "UTF-8"
  out
}

#' A path as a message shows it: escaped as shown() escapes, never cut.
#'
#' @param path A string.
#' @return A string.
#' @keywords internal
shown_path <- function(path) shown(path, NA)

# The limit of what a message quotes (scenario_rules.json's limits.shown).
shown_limit <- function() RULES[["limits"]][["shown"]]

# The character that starts at byte i: list(cp, size); cp -1 and size 1 for a byte that starts
# no UTF-8 sequence (a surrogate's three bytes count as its code point, as Python's
# surrogatepass reads them).
utf8_unit <- function(b, i) {
  lead <- b[i]
  size <- if (lead < 0x80) 1 else if (lead >= 0xC2 && lead <= 0xDF) 2
          else if (lead >= 0xE0 && lead <= 0xEF) 3 else if (lead >= 0xF0 && lead <= 0xF4) 4
          else 0
  if (size == 1) return(list(cp = lead, size = 1))
  seq <- if (size > 0 && i + size - 1 <= length(b)) b[i:(i + size - 1)] else integer(0)
  ok <- length(seq) == size && size > 0 && all(seq[-1] >= 0x80 & seq[-1] <= 0xBF)
  if (ok && size > 2) {
    second <- seq[2]
    ok <- !((lead == 0xE0 && second < 0xA0) || (lead == 0xF0 && second < 0x90) ||
              (lead == 0xF4 && second > 0x8F))
  }
  if (!ok) return(list(cp = -1, size = 1))
  low_bits <- c(0x1F, 0x0F, 0x07)[size - 1]
  cp <- sum(c(bitwAnd(lead, low_bits), bitwAnd(seq[-1], 0x3F)) * 64^((size - 1):0))
  list(cp = cp, size = size)
}

# One character as a message shows it (see shown()).
escape_unit <- function(cp, bytes) {
  named <- c("92" = "\\\\", "10" = "\\n", "13" = "\\r", "9" = "\\t")
  if (cp < 0) return(sprintf("\\x%02x", bytes[1]))
  if (as.character(cp) %in% names(named)) return(named[[as.character(cp)]])
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return(sprintf("\\x%02x", cp))
  if (cp %in% c(0x2028, 0x2029) || (cp >= 0xD800 && cp <= 0xDFFF)) return(sprintf("\\u%04x", cp))
  rawToChar(as.raw(bytes))
}
