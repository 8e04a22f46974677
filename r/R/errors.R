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
  if (quote) return(paste0("'", x, "'"))
  as.character(x)
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
