# Rscript driver.R JOB.json OUTDIR START: a learner's R functions, called on dlfp's inputs.
#
# Loads dlfp as r/dlfp_run.R does, then sources the learner's file into an environment whose
# parent is dlfp's (so a function the learner has not written comes from dlfp), then makes
# the job's calls from index START (0-based) on, one result file per call
# (OUTDIR/call_<i>.json, written whole), so the checker knows how far a killed process got.
# A function the learner has not written, or that stops with a message starting "TODO", is
# "not_written"; any other error is reported with its message and the learner's line.

args <- commandArgs(trailingOnly = TRUE)
job <- jsonlite::fromJSON(args[1], simplifyVector = FALSE)
outdir <- args[2]
start <- as.integer(args[3])
learner <- normalizePath(job$learner)

drv_load_dlfp_env <- function(root) {
  # as r/dlfp_run.R loads it: the project's installed copy or pkgload::load_all (r/load_dlfp.R);
  # the learner's functions see its namespace, exported and internal alike
  source(file.path(root, "r", "load_dlfp.R"))
  load_dlfp(file.path(root, "r"))
  asNamespace("dlfp")
}

drv_nums <- function(s) {
  if (!nzchar(s)) numeric(0) else as.numeric(strsplit(s, " ", fixed = TRUE)[[1]])
}

drv_decode <- function(x) {
  if (!is.list(x) || is.null(names(x))) return(x)
  if (!is.null(x[["dlfp_matrix"]])) {
    dims <- as.integer(unlist(x[["dlfp_matrix"]]))
    return(matrix(drv_nums(x[["data"]]), dims[1], dims[2]))
  }
  if (!is.null(x[["dlfp_vector"]])) return(drv_nums(x[["dlfp_vector"]]))
  if (!is.null(x[["dlfp_number"]])) return(as.numeric(x[["dlfp_number"]]))
  if (!is.null(x[["dlfp_strings"]])) return(as.character(unlist(x[["dlfp_strings"]])))
  if (!is.null(x[["dlfp_list"]])) return(lapply(x[["dlfp_list"]], drv_decode))
  if (!is.null(x[["dlfp_ref"]])) return(structure(x[["dlfp_ref"]], class = "dlfp_ref"))
  lapply(x, drv_decode)
}

drv_jstr <- function(s) {
  vapply(s, function(e) as.character(jsonlite::toJSON(e, auto_unbox = TRUE)), "",
         USE.NAMES = FALSE)
}

drv_num <- function(x) {
  x <- as.double(x)
  s <- sprintf("%.17g", x)
  s[is.na(x)] <- "NaN"
  s[!is.na(x) & x == Inf] <- "Infinity"
  s[!is.na(x) & x == -Inf] <- "-Infinity"
  s
}

drv_encode <- function(v) {
  if (is.null(v)) return("null")
  if (is.list(v)) {
    items <- vapply(v, drv_encode, "", USE.NAMES = FALSE)
    if (length(v) > 0 && !is.null(names(v)) && all(nzchar(names(v)))) {
      return(paste0("{", paste0(drv_jstr(names(v)), ":", items, collapse = ","), "}"))
    }
    return(paste0('{"dlfp_list":[', paste(items, collapse = ","), "]}"))
  }
  if (is.character(v)) {
    if (length(v) == 1) return(drv_jstr(v))
    return(paste0('{"dlfp_list":[', paste(drv_jstr(v), collapse = ","), "]}"))
  }
  if (is.numeric(v) || is.logical(v)) {
    d <- dim(v)
    if (is.null(d) && length(v) == 1) return(drv_num(v))
    if (is.null(d)) d <- length(v)
    return(paste0('{"dlfp_matrix":[', paste(d, collapse = ","), '],"data":[',
                  paste(drv_num(as.vector(v)), collapse = ","), "]}"))
  }
  paste0('{"dlfp_other":', drv_jstr(class(v)[1]), "}")
}

drv_write_result <- function(name, text) {
  tmp <- file.path(outdir, paste0(name, ".tmp"))
  writeLines(text, tmp, useBytes = TRUE)
  invisible(file.rename(tmp, file.path(outdir, name)))
}

# 'learner.R, line 12, in sigmoid_forward': the innermost call made from the learner's file
drv_learner_where <- function(calls) {
  for (k in rev(seq_along(calls))) {
    sr <- attr(calls[[k]], "srcref")
    file <- if (is.null(sr)) NULL else attr(sr, "srcfile")$filename
    if (!is.null(file) && identical(normalizePath(file, mustWork = FALSE), learner)) {
      within <- if (k > 1) deparse(calls[[k - 1]][[1]])[1] else NULL
      if (identical(within, "eval")) within <- NULL  # the file's top level, as sys.source runs it
      return(paste0(basename(learner), ", line ", sr[1],
                    if (!is.null(within)) paste0(", in ", within) else ""))
    }
  }
  NULL
}

drv_run_caught <- function(expr_fn) {
  where <- NULL
  # the checker's SIGINT when the learner's code hangs: note where it was
  tryCatch(withCallingHandlers(list(ok = TRUE, value = expr_fn()),
                               error = function(e) where <<- drv_learner_where(sys.calls()),
                               interrupt = function(e) where <<- drv_learner_where(sys.calls())),
           error = function(e) list(ok = FALSE, message = conditionMessage(e), where = where),
           interrupt = function(e) list(ok = FALSE, interrupted = TRUE, where = where))
}

drv_record_error <- function(status, r) {
  paste0('{"status":', drv_jstr(status), ',"error":', drv_jstr(r$message), ',"message":',
         drv_jstr(r$message), ',"where":', if (is.null(r$where)) "null" else drv_jstr(r$where),
         "}")
}

dlfp_env <- drv_load_dlfp_env(job$root)
invisible(file.create(file.path(outdir, "ready")))
space <- new.env(parent = dlfp_env)
loaded <- drv_run_caught(function() sys.source(learner, envir = space, keep.source = TRUE))
if (isTRUE(loaded$interrupted)) {
  drv_write_result("loaded.json", paste0('{"error":"stopped","hang":true,"where":',
                                         if (is.null(loaded$where)) "null"
                                         else drv_jstr(loaded$where), "}"))
  quit(save = "no", status = 0)
}
if (!loaded$ok) {
  drv_write_result("loaded.json", drv_record_error("load", loaded))
  quit(save = "no", status = 0)
}
drv_write_result("loaded.json", '{"error":null}')

results <- list()
for (i in seq_along(job$calls) - 1L) {
  if (i < start) next
  call <- job$calls[[i + 1L]]
  name <- paste0("call_", i, ".json")
  if (!exists(call$fn, envir = space, inherits = FALSE) ||
      !is.function(get(call$fn, envir = space, inherits = FALSE))) {
    drv_write_result(name, '{"status":"not_written"}')
    next
  }
  fargs <- lapply(call$args, drv_decode)
  refs <- vapply(fargs, function(a) inherits(a, "dlfp_ref"), TRUE)
  missing_ref <- FALSE
  for (j in which(refs)) {
    from <- fargs[[j]][[1]]
    out <- results[[as.character(from)]]
    if (is.null(out)) {
      missing_ref <- TRUE
      break
    }
    wanted <- fargs[[j]][[2]]
    outputs <- unlist(job$calls[[from + 1L]]$outputs)
    fargs[j] <- list(if (!is.null(names(out)) && wanted %in% names(out)) out[[wanted]]
                     else out[[match(wanted, outputs)]])
  }
  if (missing_ref) {
    drv_write_result(name, '{"status":"skipped"}')
    next
  }
  # called by name, so that the learner's error and location name the function
  r <- drv_run_caught(function() do.call(call$fn, fargs, envir = space))
  if (isTRUE(r$interrupted)) {
    drv_write_result(name, paste0('{"status":"hang","where":',
                                  if (is.null(r$where)) "null" else drv_jstr(r$where), "}"))
    quit(save = "no", status = 0)
  }
  if (!r$ok) {
    todo <- startsWith(r$message, "TODO")
    drv_write_result(name, drv_record_error(if (todo) "not_written" else "error", r))
    next
  }
  results[[as.character(i)]] <- if (length(call$outputs) > 1 && is.list(r$value)) r$value
                                else list(r$value)
  text <- tryCatch(paste0('{"status":"ok","outputs":', drv_encode(r$value), "}"),
                   error = function(e) drv_record_error("error", list(
                     message = paste("cannot read the value returned:", conditionMessage(e)),
                     where = NULL)))
  drv_write_result(name, text)
}
quit(save = "no", status = 0)
