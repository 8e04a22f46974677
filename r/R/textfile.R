# Reading text files the one way all three twins read them: UTF-8 without a byte-order mark,
# JSON without NaN, Infinity or a key given twice. Each parser is laxer in its own way, so these
# rules are checked here, before and after the parser, in the same order in Python, R and Octave.

BOM <- as.raw(c(0xef, 0xbb, 0xbf))
# a JSON string, so that what is inside one is never taken for a literal (possessive, which
# matches what Python's "(?:[^"\\]|\\.)*" matches: the two alternatives never start alike)
JSON_STRING <- '"(?:[^"\\\\]++|\\\\.)*+"'
NONFINITE <- "(?<![A-Za-z0-9_])(?:NaN|Infinity)(?![A-Za-z0-9_])"
# what jsonlite's parser (yajl) takes outside strings but Python's json does not: comments
# (/* */ and //) and form feed or vertical tab as whitespace; JSON has none of them
YAJL_ONLY <- "[/\f\v]"

#' text = the UTF-8 file at path, or an error naming the file (missing, BOM, not UTF-8).
#'
#' Checked as Python's strict decode checks: R's validUTF8() refuses overlong forms, surrogates,
#' code points above U+10FFFF and truncated sequences, as Python does. A NUL byte, which an R
#' string cannot hold, is read as the control character 0x01: neither is valid in JSON or in a
#' number, so every check that follows says what it says of the NUL.
#'
#' @param path A file.
#' @param fn The public function to name in the error.
#' @return The text, one string marked UTF-8.
#' @export
read_text <- function(path, fn) {
  if (!(is_string(path) && utils::file_test("-f", literal_path(path)))) {
    dlfp_stop(fn, paste0("no such file: ", py_str(path)))
  }
  raw <- readBin(literal_path(path), "raw", n = file.size(literal_path(path)))
  if (length(raw) >= 3 && identical(raw[1:3], BOM)) {
    dlfp_stop(fn, sprintf("%s begins with a byte-order mark (save it as UTF-8 without one)", path))
  }
  raw[raw == as.raw(0)] <- as.raw(1)
  text <- rawToChar(raw)
  if (!validUTF8(text)) dlfp_stop(fn, sprintf("%s is not UTF-8 text", path))
  Encoding(text) <- "UTF-8"
  text
}

#' value = JSON(path), strictly: no NaN or Infinity literal, no key given twice.
#'
#' Parsed by jsonlite::parse_json(simplifyVector = FALSE), which keeps a one-element list apart
#' from a number and keeps both entries of a key given twice; what it takes and Python's json
#' does not (comments, form feed or vertical tab between tokens) is refused before it parses.
#' A key given twice is reported for the first object to close that has one (objects close
#' inner before outer), so every language names the same key.
#'
#' @param path A JSON file.
#' @param fn The public function to name in the error.
#' @return Objects as named lists, lists as unnamed lists, numbers as integers or doubles,
#'   strings, TRUE/FALSE, NULL.
#' @export
read_json <- function(path, fn) {
  text <- read_text(path, fn)
  bare <- gsub(JSON_STRING, '""', text, perl = TRUE)  # strings emptied: what is left is syntax
  if (grepl(NONFINITE, bare, perl = TRUE)) {
    dlfp_stop(fn, sprintf("%s holds NaN or Infinity, which JSON does not allow", path))
  }
  malformed <- function(detail) dlfp_stop(fn, sprintf("malformed JSON in %s: %s", path, detail))
  stray <- regmatches(bare, regexpr(YAJL_ONLY, bare, perl = TRUE))
  if (length(stray) > 0) {
    malformed(c("/" = "'/' outside a string (JSON has no comments)",
                "\f" = "a form feed outside a string", "\v" = "a vertical tab outside a string")
              [[stray]])
  }
  why <- function(e) malformed(gsub("\\s+", " ", trimws(conditionMessage(e))))
  value <- tryCatch(jsonlite::parse_json(text, simplifyVector = FALSE), error = why,
                    warning = why)
  twice <- first_repeated_key(value)
  if (!is.null(twice)) dlfp_stop(fn, sprintf("%s has the key '%s' twice", path, twice))
  value
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

