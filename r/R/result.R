# A run's result as JSON: check where it will go before training, then write it atomically.

RESULT_FN <- "write_result"

#' Stop unless a result can be written at path: not empty, not a folder, in a writable folder.
#'
#' Called before training, so a bad --out costs nothing; write_result checks again.
#'
#' @param path The result file to write.
#' @return path, invisibly.
#' @export
check_result_path <- function(path) {
  if (!(is_string(path) && nzchar(path))) result_fail("the result path is empty")
  if (dir.exists(literal_path(path))) result_fail(sprintf("%s is a folder", path))
  folder <- dirname(abs_path(path))
  if (!dir.exists(folder)) result_fail(paste0("no such folder: ", folder))
  if (file.access(folder, 3) != 0) result_fail(paste0("cannot write in ", folder))  # w and x
  invisible(path)
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
    tryCatch(writeBin(charToRaw(enc2utf8(paste0(text, "\n"))), con), finally = close(con))
    file.rename(tmp, literal_path(path))
  }, warning = note), error = function(e) {
    note(e)
    FALSE
  })
  if (!isTRUE(done)) {
    result_fail(sprintf("cannot write %s: %s", path, os_reason(detail)))
  }
  invisible(path)
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
