# Reading text files the one way all three twins read them: a regular file, UTF-8 without a
# byte-order mark or NUL, JSON without NaN, Infinity or a key given twice and within the limits
# of scenario_rules.json. Each parser is laxer (or weaker) in its own way, so these rules are
# checked here, before and after the parser, in the same order in Python, R and Octave.

BOM <- as.raw(c(0xef, 0xbb, 0xbf))
# a JSON string, so that what is inside one is never taken for a literal (possessive, which
# matches what Python's "(?:[^"\\]|\\.)*" matches: the two alternatives never start alike)
JSON_STRING <- '"(?:[^"\\\\]++|\\\\.)*+"'
NONFINITE <- "(?<![A-Za-z0-9_])(?:NaN|Infinity)(?![A-Za-z0-9_])"
# what jsonlite's parser (yajl) takes outside strings but Python's json does not: comments
# (/* */ and //) and form feed or vertical tab as whitespace; JSON has none of them
YAJL_ONLY <- "[/\f\v]"
# a \u0000 or a surrogate escape without its partner (jsonlite cuts a string at the first and
# turns the second into "?"), looked for once escaped backslashes are taken out
BAD_ESCAPE <- paste0("\\\\u0000|\\\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\\\u[dD][c-fC-F])",
                     "|(?<!\\\\u[dD][89abAB][0-9a-fA-F]{2})\\\\u[dD][c-fC-F][0-9a-fA-F]{2}")
# folders whose entries are not files, whatever stat says of them
SPECIAL_FOLDERS <- c("/proc/", "/sys/", "/dev/")

#' Stop unless path names a regular file, before anything opens it.
#'
#' "no such file", or "is not a regular file" for a folder, FIFO, device, socket or anything
#' under /proc, /sys or /dev (links followed): a FIFO would block R's reader for ever, a device
#' never end. R's file.info does not tell a FIFO from an empty file, so an empty one is asked
#' of test -f.
#'
#' @param path A file.
#' @param fn The public function to name in the error.
#' @return path, invisibly.
#' @keywords internal
check_regular_file <- function(path, fn) {
  ok <- is_string(path) && nzchar(path)
  info <- if (ok) suppressWarnings(file.info(literal_path(path), extra_cols = FALSE)) else NULL
  if (is.null(info) || is.na(info$isdir)) {
    dlfp_stop(fn, paste0("no such file: ", if (is_string(path)) shown_path(path) else py_str(path)))
  }
  real <- paste0(normalizePath(literal_path(path), mustWork = FALSE), "/")
  regular <- !info$isdir && !any(startsWith(real, SPECIAL_FOLDERS)) &&
    (info$size > 0 || system2("test", c("-f", shQuote(literal_path(path)))) == 0)
  if (!regular) dlfp_stop(fn, sprintf("%s is not a regular file", shown_path(path)))
  invisible(path)
}

# The bytes of a regular file, or "cannot read PATH: <the system's words>".
read_bytes <- function(path, fn) {
  why <- NULL
  raw <- tryCatch(withCallingHandlers(
    readBin(literal_path(path), "raw", n = file.size(literal_path(path))),
    warning = function(w) {
      if (is.null(why)) why <<- conditionMessage(w)
      invokeRestart("muffleWarning")
    }), error = function(e) NULL)
  if (is.null(raw)) dlfp_stop(fn, sprintf("cannot read %s: %s", shown_path(path), os_reason(why)))
  raw
}

#' text = the UTF-8 file at path, or an error naming the file (missing, larger than max_bytes,
#' BOM, not UTF-8).
#'
#' Checked as Python's strict decode checks: R's validUTF8() refuses overlong forms, surrogates,
#' code points above U+10FFFF and truncated sequences, as Python does. A NUL byte, which an R
#' string cannot hold, is refused in every language ("has a NUL byte").
#'
#' @param path A file.
#' @param fn The public function to name in the error.
#' @param max_bytes The largest file taken, checked before a byte is read; NULL takes any size.
#' @return The text, one string marked UTF-8.
#' @export
read_text <- function(path, fn, max_bytes = NULL) {
  check_regular_file(path, fn)
  if (!is.null(max_bytes) && file.size(literal_path(path)) > max_bytes) {
    dlfp_stop(fn, sprintf("%s is larger than %d bytes", shown_path(path), as.integer(max_bytes)))
  }
  raw <- read_bytes(path, fn)
  if (length(raw) >= 3 && identical(raw[1:3], BOM)) {
    dlfp_stop(fn, sprintf("%s begins with a byte-order mark (save it as UTF-8 without one)",
                          shown_path(path)))
  }
  nul <- raw == as.raw(0)
  raw[nul] <- as.raw(1)
  text <- rawToChar(raw)
  if (!validUTF8(text)) dlfp_stop(fn, sprintf("%s is not UTF-8 text", shown_path(path)))
  if (any(nul)) dlfp_stop(fn, sprintf("%s has a NUL byte, which no text file has",
                                      shown_path(path)))
  Encoding(text) <- "UTF-8"
  text
}

#' value = JSON(path), strictly: no NaN or Infinity literal, no key given twice.
#'
#' Parsed by jsonlite::parse_json(simplifyVector = FALSE), which keeps a one-element list apart
#' from a number and keeps both entries of a key given twice; what it takes and Python's json
#' does not (comments, form feed or vertical tab between tokens) is refused before it parses.
#' A key given twice is reported for the first object to close that has one (objects close
#' inner before outer), so every language names the same key. A file larger than max_bytes (the
#' rules' limits.json_bytes) is refused unread.
#'
#' @param path A JSON file.
#' @param fn The public function to name in the error.
#' @param max_bytes The largest file taken; NULL takes any size.
#' @return Objects as named lists, lists as unnamed lists, numbers as integers or doubles,
#'   strings, TRUE/FALSE, NULL.
#' @export
read_json <- function(path, fn, max_bytes = RULES[["limits"]][["json_bytes"]]) {
  text <- read_text(path, fn, max_bytes)
  bare <- gsub(JSON_STRING, '""', text, perl = TRUE)  # strings emptied: what is left is syntax
  if (grepl(NONFINITE, bare, perl = TRUE)) {
    dlfp_stop(fn, sprintf("%s holds NaN or Infinity, which JSON does not allow", shown_path(path)))
  }
  check_limits(text, bare, path, fn)
  malformed <- function(detail) {
    dlfp_stop(fn, sprintf("malformed JSON in %s: %s", shown_path(path), detail))
  }
  stray <- regmatches(bare, regexpr(YAJL_ONLY, bare, perl = TRUE))
  if (length(stray) > 0) {
    malformed(c("/" = "'/' outside a string (JSON has no comments)",
                "\f" = "a form feed outside a string", "\v" = "a vertical tab outside a string")
              [[stray]])
  }
  # jsonlite's first line only: the lines after it quote the file
  why <- function(e) malformed(shown(strsplit(trimws(conditionMessage(e)), "\n")[[1]][1], NA))
  value <- tryCatch(jsonlite::parse_json(text, simplifyVector = FALSE), error = why,
                    warning = why)
  twice <- first_repeated_key(value)
  if (!is.null(twice)) {
    dlfp_stop(fn, sprintf("%s has the key '%s' twice", shown_path(path), shown(twice)))
  }
  value
}

#' Stop at JSON nested too deep, a string or number too long, or a \\u0000 or lone surrogate.
#'
#' The limits are scenario_rules.json's (limits.json_depth, json_string, json_number), checked
#' on the text before jsonlite recurses (a thousand levels end R with "C stack usage"). bare is
#' the text with every string emptied, so brackets and digits inside strings do not count; a
#' string's length is that of its text between the quotes, escapes as written.
#'
#' @param text The file's text.
#' @param bare text with every JSON string replaced by "".
#' @param path,fn What the error names.
#' @return NULL, invisibly.
#' @keywords internal
check_limits <- function(text, bare, path, fn) {
  lim <- RULES[["limits"]]
  codes <- utf8ToInt(bare)
  step <- (codes == 91L | codes == 123L) - (codes == 93L | codes == 125L)
  if (length(step) > 0 && max(cumsum(step)) > lim$json_depth) {
    dlfp_stop(fn, sprintf("%s nests arrays and objects more than %d deep", shown_path(path),
                          as.integer(lim$json_depth)))
  }
  strings <- regmatches(text, gregexpr(JSON_STRING, text, perl = TRUE))[[1]]
  if (any(nchar(strings, "chars") - 2 > lim$json_string)) {
    dlfp_stop(fn, sprintf("%s has a string of more than %d characters", shown_path(path),
                          as.integer(lim$json_string)))
  }
  if (grepl(sprintf("[-0-9][-+.0-9eE]{%d,}", as.integer(lim$json_number)), bare, perl = TRUE)) {
    dlfp_stop(fn, sprintf("%s has a number of more than %d characters", shown_path(path),
                          as.integer(lim$json_number)))
  }
  escaped <- gsub("\\\\", "", strings[grepl("\\u", strings, fixed = TRUE)], fixed = TRUE)
  if (any(grepl(BAD_ESCAPE, escaped, perl = TRUE))) {
    dlfp_stop(fn, sprintf(paste("%s has a string with \\u0000 or a lone surrogate escape,",
                                "which dlfp does not take"), shown_path(path)))
  }
  invisible(NULL)
}

# The key given twice in the first object to close (children in document order before their
# parent, as Python's object_pairs_hook sees them), the first in that object that repeats an
# earlier one; NULL when no object has one.
first_repeated_key <- function(v) {
  if (!is.list(v)) return(NULL)
  for (x in v) {
    k <- first_repeated_key(x)
    if (!is.null(k)) return(k)
  }
  i <- anyDuplicated(names(v))
  if (i > 0) names(v)[i] else NULL
}

# The path as Python's open() takes it: R expands a leading ~ to the home folder, Python does
# not, so "~/x" must name ./~/x in both.
literal_path <- function(path) if (startsWith(path, "~")) paste0("./", path) else path

