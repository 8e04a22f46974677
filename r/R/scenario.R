# Scenario files: read and check one, load its data, run it, write its result as JSON.

REQUIRED_FIELDS <- c("name", "data", "layers", "activations", "learning_rate", "epochs")
DEFAULTS <- list(description = "", init = "scaled", seed = 1, optimizer = "gd", record_every = 100)
# sorted in byte order, as Python's sorted(): the locale's collation may differ
ALLOWED_FIELDS <- sort(c(REQUIRED_FIELDS, names(DEFAULTS)), method = "radix")
SEED_MAX <- 2147483645  # the largest seed rng_create takes

#' scenario = defaults + JSON(path), checked field by field.
#'
#' The JSON is parsed without simplification (simplifyVector = FALSE) so that a JSON list and a
#' scalar stay apart: simplified, "activations": "sigmoid" and ["sigmoid"] read the same, and
#' [2, true] reads as c(2, 1), where Python rejects both.
#'
#' @param path A scenario JSON file (see the README for the fields).
#' @return A named list: every field present, defaults filled in, plus base_dir (the file's
#'   folder, against which a relative data path is read).
#' @export
read_scenario <- function(path) {
  fn <- "read_scenario"
  if (!(is_string(path) && utils::file_test("-f", path))) {
    fail(fn, paste0("no such file: ", py_str(path)))
  }
  text <- paste(readLines(path, warn = FALSE, encoding = "UTF-8"), collapse = "\n")
  raw <- tryCatch(jsonlite::parse_json(text, simplifyVector = FALSE),
                  error = function(e) {
                    why <- gsub("\\s+", " ", trimws(conditionMessage(e)))
                    fail(fn, sprintf("malformed JSON in %s: %s", path, why))
                  })
  if (!is_object(raw)) {
    fail(fn, sprintf("malformed JSON in %s: the top level must be an object", path))
  }
  s <- check_scenario(raw)
  s$base_dir <- dirname(abs_path(path))
  s
}

#' scenario = defaults + raw, or an error naming the first bad field.
#'
#' @param raw Fields as parsed from JSON by jsonlite::parse_json(simplifyVector = FALSE):
#'   objects are named lists, lists are unnamed lists.
#' @return A named list: layers a numeric vector, activations a character vector, data a
#'   named list; numbers as doubles.
#' @export
check_scenario <- function(raw) {
  fn <- "read_scenario"
  check_known(raw, ALLOWED_FIELDS, "field", fn)
  for (key in REQUIRED_FIELDS) {
    if (!(key %in% names(raw))) fail(fn, sprintf("missing field '%s'", key))
  }
  s <- DEFAULTS
  s[names(raw)] <- raw  # a later duplicate key wins, as in Python's dict
  if (!(is_string(s[["name"]]) && nzchar(s[["name"]]))) {
    fail(fn, "'name' must be a non-empty string")
  }
  if (!is_string(s[["description"]])) fail(fn, "'description' must be a string")
  layers <- s[["layers"]]
  if (!(is_list(layers) && length(layers) >= 2 &&
        all(vapply(layers, function(n) is_int(n) && n >= 1, NA)))) {
    fail(fn, "'layers' must be a list of at least 2 positive integers")
  }
  s$layers <- as.numeric(unlist(layers))
  s$activations <- check_activations(s[["activations"]], s$layers)
  check_name(s[["init"]], INITIALIZERS, "init", fn)
  check_name(s[["optimizer"]], OPTIMIZERS, "optimizer", fn)
  if (!(is_int(s[["seed"]]) && s[["seed"]] >= 0 && s[["seed"]] <= SEED_MAX)) {
    fail(fn, sprintf("'seed' must be an integer from 0 to %.0f", SEED_MAX))
  }
  lr <- s[["learning_rate"]]
  if (!(is_number(lr) && lr > 0)) fail(fn, "'learning_rate' must be a positive number")
  s$learning_rate <- as.numeric(lr)
  for (key in c("epochs", "record_every")) {
    if (!(is_int(s[[key]]) && s[[key]] >= 1)) {
      fail(fn, sprintf("'%s' must be a positive integer", key))
    }
    s[[key]] <- as.numeric(s[[key]])
  }
  s$seed <- as.numeric(s[["seed"]])
  s$data <- check_data_field(s[["data"]], s$seed)
  s
}

# The activations must name a known function each, hidden ones with a derivative, the last
# one with a cost; returns them as a character vector.
check_activations <- function(acts, layers) {
  fn <- "read_scenario"
  if (!(is_list(acts) && all(vapply(acts, is_string, NA)))) {
    fail(fn, "'activations' must be a list of names")
  }
  acts <- as.character(unlist(acts))
  if (length(acts) != length(layers) - 1) {
    fail(fn, sprintf("'activations' has %d entries but 'layers' needs %d", length(acts),
                     length(layers) - 1))
  }
  for (a in acts) check_name(a, ACTIVATIONS, "activation", fn)
  for (a in acts[-length(acts)]) check_name(a, DERIVATIVES, "hidden activation", fn)
  out <- acts[length(acts)]
  check_name(out, COSTS, "output activation", fn)
  if (out == "sigmoid" && layers[length(layers)] != 1) {
    fail(fn, paste0("a sigmoid output has 1 unit but 'layers' ends in ",
                    fmt_number(layers[length(layers)])))
  }
  if (out == "softmax" && layers[length(layers)] < 2) {
    fail(fn, "a softmax output needs at least 2 units")
  }
  acts
}

# data is either {"csv": path} or {"generator": name, "seed": s, options...}; generator options
# are filled in from GENERATOR_OPTIONS and data.seed from the scenario seed.
check_data_field <- function(data, seed) {
  fn <- "read_scenario"
  if (!is_object(data) || ("csv" %in% names(data)) == ("generator" %in% names(data))) {
    fail(fn, "'data' must be an object with exactly one of 'csv' or 'generator'")
  }
  if ("csv" %in% names(data)) {
    check_known(data, "csv", "field of 'data'", fn)
    if (!(is_string(data[["csv"]]) && nzchar(data[["csv"]]))) {
      fail(fn, "'data.csv' must be a file path")
    }
    return(data)
  }
  check_name(data[["generator"]], GENERATORS, "generator", fn)
  options <- GENERATOR_OPTIONS[[data[["generator"]]]]
  allowed <- sort(c("generator", "seed", names(options)), method = "radix")
  check_known(data, allowed, "field of 'data'", fn)
  out <- list(generator = data[["generator"]],
              seed = if ("seed" %in% names(data)) data[["seed"]] else seed)
  if (!(is_int(out$seed) && out$seed >= 0 && out$seed <= SEED_MAX)) {
    fail(fn, sprintf("'data.seed' must be an integer from 0 to %.0f", SEED_MAX))
  }
  for (key in names(options)) {
    default <- options[[key]]
    value <- if (key %in% names(data)) data[[key]] else default
    if (is.integer(default)) {  # counts: a spiral arm needs 2 points (r = i / (N - 1))
      if (!(is_int(value) && value >= 2)) {
        fail(fn, sprintf("'data.%s' must be an integer of at least 2", key))
      }
    } else if (!(is_number(value) && value >= 0)) {
      fail(fn, sprintf("'data.%s' must be a non-negative number", key))
    }
    out[[key]] <- value
  }
  out
}

#' [X, labels] = the scenario's data: X is features x examples, labels 0 .. K-1.
#'
#' A CSV file holds one example per row, no header, the label in the last column; a generator
#' draws from the shared stream seeded with data.seed.
#'
#' @param scenario From read_scenario.
#' @return list(X = n_0 x m, labels = length m).
#' @export
load_data <- function(scenario) {
  data <- scenario[["data"]]
  if ("csv" %in% names(data)) {
    base <- if (is.null(scenario[["base_dir"]])) "." else scenario[["base_dir"]]
    return(read_csv_data(join_path(base, data[["csv"]])))
  }
  options <- data[setdiff(names(data), c("generator", "seed"))]
  g <- do.call(GENERATORS[[data[["generator"]]]], c(list(rng_create(data[["seed"]])), options))
  list(X = g$X, labels = g$labels)
}

#' [X, labels] = rows of the CSV file at path, transposed; the last column is the label.
#'
#' @param path A CSV file: one example per row, no header, numbers only.
#' @return list(X = n_features x m, labels = length m).
#' @export
read_csv_data <- function(path) {
  fn <- "load_data"
  if (!(is_string(path) && utils::file_test("-f", path))) {
    fail(fn, paste0("no such file: ", py_str(path)))
  }
  malformed <- function(why) fail(fn, sprintf("malformed CSV in %s: %s", path, why))
  read <- function(f) tryCatch(f(), error = function(e) malformed(conditionMessage(e)),
                               warning = function(w) malformed(conditionMessage(w)))
  # count.fields + scan rather than read.csv: read.csv pads short rows with NA and reads a
  # word as a string column, where Python stops; scan stops on anything but a number
  counts <- read(function() utils::count.fields(path, sep = ",", quote = "",
                                                comment.char = "#", blank.lines.skip = TRUE))
  values <- read(function() scan(path, what = numeric(), sep = ",", quote = "",
                                 comment.char = "#", blank.lines.skip = TRUE, quiet = TRUE))
  if (length(counts) == 0 || counts[1] < 2) {
    malformed("need at least one row of features and a label")
  }
  if (any(counts != counts[1])) {
    row <- which(counts != counts[1])[1]
    malformed(sprintf("row %d has %d columns but row 1 has %d", row, counts[row], counts[1]))
  }
  if (anyNA(values) && any(is.na(values) & !is.nan(values))) {
    malformed("an empty or NA field")
  }
  D <- matrix(values, nrow = length(counts), byrow = TRUE)  # (m, n_features + 1)
  k <- ncol(D)
  list(X = t(D[, -k, drop = FALSE]), labels = D[, k])
}

#' Stop unless X is finite with layers[0] rows and every label is in 0 .. K-1.
#'
#' @param X Inputs, n_0 x m.
#' @param labels Numeric vector of length m.
#' @param layers Layer sizes.
#' @param output_activation "sigmoid" or "softmax".
#' @return NULL, invisibly, when the data are good.
#' @export
check_data <- function(X, labels, layers, output_activation) {
  fn <- "check_data"
  bad <- which(!is.finite(X), arr.ind = TRUE)  # column-major order: the first is the first
  if (length(bad) > 0) {
    fail(fn, sprintf("X has NaN or Inf at feature %d, example %d", bad[1, 1], bad[1, 2]))
  }
  if (nrow(X) != layers[[1]]) {
    fail(fn, sprintf("the data have %d features but the first layer has %s units", nrow(X),
                     fmt_number(layers[[1]])))
  }
  if (length(labels) != ncol(X)) {
    fail(fn, sprintf("there are %d labels for %d examples", length(labels), ncol(X)))
  }
  K <- if (output_activation == "sigmoid") 2 else layers[[length(layers)]]
  ok <- is.finite(labels) & labels == round(labels) & labels >= 0 & labels <= K - 1
  if (!all(ok)) {
    j <- which(!ok)[1]
    fail(fn, sprintf("label %s at example %d is out of range 0..%s", fmt_number(labels[j]), j,
                     fmt_number(K - 1)))
  }
  invisible(NULL)
}

#' result = train(initialize_parameters(seed), load_data(scenario)): one scenario, start to end.
#'
#' @param path Scenario JSON file.
#' @param verbose Print the cost at each recorded epoch.
#' @return list(name, initial_params, final_params, loss_curve (rows [epoch, cost]),
#'   train_accuracy).
#' @export
run_scenario <- function(path, verbose = FALSE) {
  s <- read_scenario(path)
  d <- load_data(s)
  out_act <- s$activations[length(s$activations)]
  check_data(d$X, d$labels, s$layers, out_act)
  Y <- labels_to_targets(d$labels, out_act, s$layers[length(s$layers)])
  params0 <- initialize_parameters(s$layers, s$init, rng_create(s$seed))$params
  fit <- train(d$X, Y, params0, s$activations, s$learning_rate, s$epochs, s$record_every,
               optimizer = s$optimizer, verbose = verbose)
  acc <- accuracy(predict(d$X, fit$params, s$activations), d$labels)
  if (verbose) cat(sprintf("%s: train accuracy %s\n", s$name, fmt_fixed(acc, 4)))
  list(name = s$name, initial_params = params0, final_params = fit$params,
       loss_curve = fit$loss_curve, train_accuracy = acc)
}

#' Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.
#'
#' The file appears whole or not at all: it is written beside path and renamed over it. Every
#' number is written with %.17g, which reads back as the same double (jsonlite keeps fewer).
#'
#' @param result From run_scenario.
#' @param path The JSON file to write.
#' @return path, invisibly.
#' @export
write_result <- function(result, path) {
  text <- json_value(result, "")
  folder <- dirname(abs_path(path))
  if (!dir.exists(folder)) fail("write_result", paste0("no such folder: ", folder))
  tmp <- tempfile(pattern = ".dlfp-", tmpdir = folder, fileext = ".json")
  on.exit(if (file.exists(tmp)) unlink(tmp))
  writeLines(text, tmp)
  if (!file.rename(tmp, path)) stop(sprintf("cannot rename %s to %s", tmp, path), call. = FALSE)
  invisible(path)
}

# JSON text of a named list (object), a matrix (list of rows), a string or numbers; indent is
# the current indentation, one space per level as Python's json.dumps(indent = 1).
json_value <- function(v, indent) {
  inner <- paste0(indent, " ")
  if (is.list(v) && !is.null(names(v))) {
    items <- vapply(names(v), function(k) {
      paste0(inner, jsonlite::toJSON(k, auto_unbox = TRUE), ": ", json_value(v[[k]], inner))
    }, "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.character(v)) return(as.character(jsonlite::toJSON(v, auto_unbox = TRUE)))
  if (!all(is.finite(v))) {
    fail("write_result", "the result holds NaN or Inf, which JSON cannot carry")
  }
  num <- sprintf("%.17g", as.numeric(v))
  if (!is.matrix(v)) {
    return(if (length(v) == 1) num else paste0("[", paste(num, collapse = ", "), "]"))
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

# A path joined to a folder, unless it is already absolute (as Python's os.path.join).
join_path <- function(base, path) {
  if (grepl("^(/|~|[A-Za-z]:[/\\\\])", path)) path else file.path(base, path)
}

check_known <- function(obj, allowed, what, fn) {
  for (key in names(obj)) {
    if (!(key %in% allowed)) {
      fail(fn, sprintf("unknown %s '%s' (allowed: %s)", what, key,
                       paste(allowed, collapse = ", ")))
    }
  }
}

check_name <- function(name, table, what, fn) {
  if (!(is_string(name) && name %in% names(table))) {
    known <- paste(sort(names(table), method = "radix"), collapse = ", ")
    fail(fn, sprintf("unknown %s '%s' (known: %s)", what, py_str(name), known))
  }
}

# JSON types as parse_json(simplifyVector = FALSE) gives them: a list is an unnamed R list, an
# object a named one (an empty object has names character(0), an empty list none).
is_list <- function(x) is.list(x) && is.null(names(x))
is_object <- function(x) is.list(x) && !is.null(names(x))
is_string <- function(x) is.character(x) && length(x) == 1 && !is.na(x)
is_number <- function(x) is.numeric(x) && length(x) == 1 && is.finite(x)  # not TRUE/FALSE
is_int <- function(x) is_number(x) && x == floor(x)

fail <- function(fn, problem) dlfp_stop(fn, problem)
