# A run's result as JSON: check where it will go before training, then write it atomically.

RESULT_FN <- "write_result"

#' Stop unless a result can be written at path: not empty, not a folder or other non-regular
#' file (a device, a FIFO, anything under /proc, /sys or /dev), in a writable folder.
#'
#' Called before training, so a bad --out costs nothing; write_result checks again.
#'
#' @param path The result file to write.
#' @param fn The command the error names (predict checks its --out the same way).
#' @return path, invisibly.
#' @export
check_result_path <- function(path, fn = RESULT_FN) {
  fail <- function(problem) dlfp_stop(fn, problem)
  if (!(is_string(path) && nzchar(path))) fail("the result path is empty")
  # R expands a path in a buffer of PATH_MAX bytes and cuts a longer one (a run of "./" then
  # names this folder): the system's own refusal, which Python and Octave meet at the write
  if (nchar(path, type = "bytes") >= 4096) {
    fail(sprintf("cannot write %s: File name too long", shown_path(path)))
  }
  if (dir.exists(literal_path(path))) fail(sprintf("%s is a folder", shown_path(path)))
  if (file.exists(literal_path(path)) && !is_regular_file(path)) {
    fail(sprintf("%s is not a regular file", shown_path(path)))
  }
  folder <- dirname(abs_path(path))
  if (!dir.exists(folder)) fail(paste0("no such folder: ", shown_path(folder)))
  if (file.access(folder, 3) != 0) fail(paste0("cannot write in ", shown_path(folder)))  # w, x
  invisible(path)
}

# TRUE when an existing path is a regular file, links followed, and not under /proc, /sys or
# /dev (as check_regular_file decides).
is_regular_file <- function(path) {
  tryCatch({
    check_regular_file(path, RESULT_FN)
    TRUE
  }, dlfp_error = function(e) FALSE)
}

#' Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.
#'
#' The file appears whole or not at all: it is written beside path and renamed over it, with
#' the mode the umask gives a new file (0644 under the usual 022), as Python and Octave write
#' it. Every number is written with \%.17g, which reads back as the same double.
#'
#' @param result From run_scenario.
#' @param path The JSON file to write.
#' @return path, invisibly.
#' @export
write_result <- function(result, path) {
  text <- json_value(result, "")
  check_result_path(path)
  write_atomic(path, charToRaw(enc2utf8(paste0(text, "\n"))), RESULT_FN)
  invisible(path)
}

#' path holds bytes, or what it held before: written beside it, checked, then renamed over it.
#'
#' R's connections do not always report a failed write (a full disk can leave a short file and
#' no error), so the file's size is checked after it is closed; when it falls short, the
#' system's words for why are asked of head(1) writing the same number of bytes there (a full
#' disk: "No space left on device", a file-size limit: "File too large", as Python's OSError
#' says). A link at path is replaced, never written through.
#'
#' @param path The file to write.
#' @param bytes A raw vector.
#' @param fn The function the error names: "cannot write PATH: <why>".
#' @return path, invisibly.
#' @keywords internal
write_atomic <- function(path, bytes, fn) {
  folder <- dirname(abs_path(path))
  tmp <- tempfile(pattern = ".dlfp-", tmpdir = folder, fileext = ".tmp")
  on.exit(if (file.exists(tmp)) unlink(tmp))
  # an OS failure comes as a warning (with the system's words) and then an error or FALSE
  detail <- NULL
  note <- function(cond) {
    if (is.null(detail)) detail <<- conditionMessage(cond)
    if (inherits(cond, "warning")) invokeRestart("muffleWarning")
  }
  done <- tryCatch(withCallingHandlers({
    con <- file(tmp, "wb")
    tryCatch(writeBin(bytes, con), finally = close(con))
    size <- file.size(tmp)
    if (is.na(size) || size != length(bytes)) {
      detail <- short_write_reason(tmp, length(bytes))
      FALSE
    } else {
      file.rename(tmp, literal_path(path))
    }
  }, warning = note), error = function(e) {
    note(e)
    FALSE
  })
  if (!isTRUE(done)) {
    dlfp_stop(fn, sprintf("cannot write %s: %s", shown_path(path), os_reason(detail)))
  }
  invisible(path)
}

# Why a file came out short: head(1) writes n bytes there and says what the system said.
short_write_reason <- function(tmp, n) {
  # (head ignores SIGXFSZ, as Python does, so that a file-size limit reads "File too large")
  said <- suppressWarnings(system(sprintf("trap '' XFSZ; head -c %.0f /dev/zero 2>&1 > %s", n,
                                          shQuote(tmp)), intern = TRUE))
  if (length(said) > 0) return(said[length(said)])
  "cannot write, reason 'the file came out short'"
}

# The system's words in an R file warning ("cannot rename file 'a' to 'b', reason 'Is a
# directory'", "cannot open file 'a': Permission denied"), as Python's strerror gives them.
os_reason <- function(detail) {
  if (is.null(detail)) return("unknown error")
  if (grepl("reason '", detail, fixed = TRUE)) return(sub("^.*reason '(.*)'$", "\\1", detail))
  sub("^.*: ", "", detail)
}

# JSON text of a named list (object), an unnamed list, a matrix (list of rows), a string or
# numbers; indent is the current indentation, one space per level as Python's
# json.dumps(indent = 1).
json_value <- function(v, indent) {
  inner <- paste0(indent, " ")
  if (is.list(v) && !is.null(names(v))) {
    items <- vapply(names(v), function(k) {
      paste0(inner, jsonlite::toJSON(k, auto_unbox = TRUE), ": ", json_value(v[[k]], inner))
    }, "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(v)) {  # unnamed: a JSON list, one item a line
    if (length(v) == 0) return("[]")
    items <- vapply(v, json_value, "", indent = inner)
    return(paste0("[\n", paste0(inner, items, collapse = ",\n"), "\n", indent, "]"))
  }
  if (is.character(v)) return(as.character(jsonlite::toJSON(v, auto_unbox = TRUE)))
  if (!all(is.finite(v))) {
    result_fail("the result holds NaN or Inf, which JSON cannot carry")
  }
  num <- sprintf("%.17g", as.numeric(v))
  if (!is.matrix(v)) {  # one number is a JSON number, unless marked AsIs (a list of one)
    return(if (length(v) == 1 && !inherits(v, "AsIs")) num
           else paste0("[", paste(num, collapse = ", "), "]"))
  }
  if (nrow(v) == 0) return("[]")
  cells <- matrix(num, nrow(v), ncol(v))
  # paste the columns side by side: one string per row, no loop over rows or entries
  rows <- if (ncol(v) == 0) "" else do.call(paste, c(split(cells, col(cells)), sep = ", "))
  paste0("[\n", paste0(inner, "[", rows, "]", collapse = ",\n"), "\n", indent, "]")
}

# The absolute path with "." and ".." resolved by text, as Python's os.path.abspath (the folder
# need not exist, so normalizePath cannot do it).
abs_path <- function(path) {
  if (!startsWith(path, "/")) path <- file.path(getwd(), path)
  parts <- strsplit(path, "/", fixed = TRUE)[[1]]
  kept <- character(0)
  for (p in parts[nzchar(parts) & parts != "."]) {
    kept <- if (p == "..") kept[-length(kept)] else c(kept, p)
  }
  paste0("/", paste(kept, collapse = "/"))
}

result_fail <- function(problem) dlfp_stop(RESULT_FN, problem)
