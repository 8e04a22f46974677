# Scenario files: read and check one, load its data, run it, write its result as JSON.

REQUIRED_FIELDS <- c("name", "data", "layers", "activations", "learning_rate", "epochs")
DEFAULTS <- list(description = "", init = "scaled", seed = 1, optimizer = "gd", record_every = 100,
                 batch_size = 0, lambda = 0, keep_prob = 1, beta = 0.9, beta1 = 0.9,
                 beta2 = 0.999, epsilon = 1e-8, lr_decay = list(kind = "none"))
# the data sources read from files, each with its fields: required first, then optional
DATA_FIELDS <- list(csv = list(required = "csv", optional = "test_csv"),
                    idx_images = list(required = c("idx_images", "idx_labels"),
                                      optional = c("test_idx_images", "test_idx_labels", "limit",
                                                   "test_limit")))
DECAY_FIELDS <- list(none = character(0), exponential = c("rate", "every"),
                     inverse_time = c("rate", "every"))
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
#' @importFrom jsonlite parse_json
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
  if (!(is_int(s[["batch_size"]]) && s[["batch_size"]] >= 0)) {
    fail(fn, "'batch_size' must be a non-negative integer (0: full batch)")
  }
  s$batch_size <- as.numeric(s[["batch_size"]])
  if (!(is_number(s[["lambda"]]) && s[["lambda"]] >= 0)) {
    fail(fn, "'lambda' must be a non-negative number")
  }
  if (!(is_number(s[["keep_prob"]]) && s[["keep_prob"]] > 0 && s[["keep_prob"]] <= 1)) {
    fail(fn, "'keep_prob' must be a number in (0, 1]")
  }
  for (key in c("beta", "beta1", "beta2")) {
    if (!(is_number(s[[key]]) && s[[key]] >= 0 && s[[key]] < 1)) {
      fail(fn, sprintf("'%s' must be a number in [0, 1)", key))
    }
  }
  if (!(is_number(s[["epsilon"]]) && s[["epsilon"]] > 0)) {
    fail(fn, "'epsilon' must be a positive number")
  }
  for (key in c("lambda", "keep_prob", "beta", "beta1", "beta2", "epsilon")) {
    s[[key]] <- as.numeric(s[[key]])
  }
  s$lr_decay <- check_decay(s[["lr_decay"]])
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

# lr_decay is {"kind": name} plus, for a decaying kind, its rate and period.
check_decay <- function(decay) {
  fn <- "read_scenario"
  if (!(is_object(decay) && "kind" %in% names(decay))) {
    fail(fn, "'lr_decay' must be an object with a 'kind'")
  }
  check_name(decay[["kind"]], SCHEDULES, "lr_decay kind", fn)
  fields <- DECAY_FIELDS[[decay[["kind"]]]]
  check_known(decay, c("kind", fields), "field of 'lr_decay'", fn)
  for (key in fields) {
    if (!(key %in% names(decay))) fail(fn, sprintf("missing field 'lr_decay.%s'", key))
  }
  if (length(fields) > 0 && !(is_number(decay[["rate"]]) && decay[["rate"]] >= 0)) {
    fail(fn, "'lr_decay.rate' must be a non-negative number")
  }
  if (length(fields) > 0 && !(is_int(decay[["every"]]) && decay[["every"]] >= 1)) {
    fail(fn, "'lr_decay.every' must be a positive integer")
  }
  decay
}

# data is one of {"csv": path[, "test_csv": path]}, {"idx_images": path, "idx_labels": path,
# optional test_idx_images, test_idx_labels, limit, test_limit} or {"generator": name,
# "seed": s, options...}; generator options are filled in from GENERATOR_OPTIONS and data.seed
# from the scenario seed.
check_data_field <- function(data, seed) {
  fn <- "read_scenario"
  sources <- intersect(c("csv", "generator", "idx_images"), names(data))
  if (!is_object(data) || length(sources) != 1) {
    fail(fn, "'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'")
  }
  if (sources %in% names(DATA_FIELDS)) {
    required <- DATA_FIELDS[[sources]]$required
    optional <- DATA_FIELDS[[sources]]$optional
    check_known(data, sort(c(required, optional), method = "radix"), "field of 'data'", fn)
    for (key in c(required, optional)) {
      present <- key %in% names(data)
      if (!present && key %in% required) fail(fn, sprintf("missing field 'data.%s'", key))
      if (present && endsWith(key, "limit")) {
        if (!(is_int(data[[key]]) && data[[key]] >= 1)) {
          fail(fn, sprintf("'data.%s' must be a positive integer", key))
        }
      } else if (present && !(is_string(data[[key]]) && nzchar(data[[key]]))) {
        fail(fn, sprintf("'data.%s' must be a file path", key))
      }
    }
    if (("test_idx_images" %in% names(data)) != ("test_idx_labels" %in% names(data))) {
      fail(fn, "'data.test_idx_images' and 'data.test_idx_labels' go together")
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

#' [X, labels] = the scenario's training data: X is features x examples, labels 0 .. K-1.
#'
#' A CSV file holds one example per row, no header, the label in the last column; IDX files
#' (MNIST's format) are scaled from 0..255 to [0, 1] and cut to the first data.limit examples;
#' a generator draws from the shared stream seeded with data.seed.
#'
#' @param scenario From read_scenario.
#' @return list(X = n_0 x m, labels = length m).
#' @export
load_data <- function(scenario) {
  data <- scenario[["data"]]
  if ("csv" %in% names(data)) {
    return(read_csv_data(data_path(scenario, data[["csv"]])))
  }
  if ("idx_images" %in% names(data)) {
    return(read_idx_pair(scenario, data[["idx_images"]], data[["idx_labels"]], data[["limit"]]))
  }
  options <- data[setdiff(names(data), c("generator", "seed"))]
  g <- do.call(GENERATORS[[data[["generator"]]]], c(list(rng_create(data[["seed"]])), options))
  list(X = g$X, labels = g$labels)
}

#' TRUE when the scenario names a held-out test set (data.test_csv or data.test_idx_*).
#'
#' @param scenario From read_scenario.
#' @return TRUE or FALSE.
#' @export
has_test_data <- function(scenario) {
  any(c("test_csv", "test_idx_images") %in% names(scenario[["data"]]))
}

#' [X, labels] = the scenario's held-out test set, read like the training data.
#'
#' @param scenario From read_scenario, with a test set (see has_test_data).
#' @return list(X = n_0 x m_test, labels = length m_test).
#' @export
load_test_data <- function(scenario) {
  data <- scenario[["data"]]
  if ("test_csv" %in% names(data)) {
    return(read_csv_data(data_path(scenario, data[["test_csv"]])))
  }
  read_idx_pair(scenario, data[["test_idx_images"]], data[["test_idx_labels"]],
                data[["test_limit"]])
}

# A data file named in the scenario, relative to the scenario's folder.
data_path <- function(scenario, name) {
  join_path(if (is.null(scenario[["base_dir"]])) "." else scenario[["base_dir"]], name)
}

# Images and labels from two IDX files: X / 255 (n_0 x m) and the labels, the first limit.
read_idx_pair <- function(scenario, images, labels, limit) {
  X <- read_idx(data_path(scenario, images))
  y <- read_idx(data_path(scenario, labels))
  if (!is.matrix(X) || is.matrix(y) || ncol(X) != length(y)) {
    fail("load_data", sprintf("%s has %d items but %s has %d labels", images,
                              if (is.matrix(X)) ncol(X) else length(X), labels,
                              if (is.matrix(y)) ncol(y) else length(y)))
  }
  n <- if (is.null(limit)) length(y) else min(limit, length(y))
  if (n < ncol(X)) {
    X <- X[, seq_len(n), drop = FALSE]
    y <- y[seq_len(n)]
  }
  list(X = X / 255, labels = y)  # (n_0, m), (m)
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
#' The stream seeded with the scenario's seed makes the initial weights, then goes on to the
#' shuffles and dropout masks of training.
#'
#' @param path Scenario JSON file.
#' @param verbose Print the cost at each recorded epoch.
#' @return list(name, initial_params, final_params, loss_curve (rows [epoch, cost]),
#'   train_accuracy and, with a test set, test_accuracy).
#' @export
run_scenario <- function(path, verbose = FALSE) {
  s <- read_scenario(path)
  d <- load_data(s)
  out_act <- s$activations[length(s$activations)]
  check_data(d$X, d$labels, s$layers, out_act)
  test <- NULL
  if (has_test_data(s)) {
    test <- load_test_data(s)
    check_data(test$X, test$labels, s$layers, out_act)
  }
  Y <- labels_to_targets(d$labels, out_act, s$layers[length(s$layers)])
  init <- initialize_parameters(s$layers, s$init, rng_create(s$seed))
  fit <- train(d$X, Y, init$params, s$activations, s, init$rng, verbose = verbose)
  result <- list(name = s$name, initial_params = init$params, final_params = fit$params,
                 loss_curve = fit$loss_curve,
                 train_accuracy = accuracy(predict(d$X, fit$params, s$activations), d$labels))
  if (!is.null(test)) {
    result$test_accuracy <- accuracy(predict(test$X, fit$params, s$activations), test$labels)
  }
  if (verbose) {
    cat(sprintf("%s: train accuracy %s%s\n", s$name, fmt_fixed(result$train_accuracy, 4),
                if (is.null(test)) "" else
                  paste0(", test accuracy ", fmt_fixed(result$test_accuracy, 4))))
  }
  result
}

#' Write result as JSON (matrices as lists of rows, doubles to the last bit), atomically.
#'
#' The file appears whole or not at all: it is written beside path and renamed over it. Every
#' number is written with \%.17g, which reads back as the same double (jsonlite keeps fewer).
#'
#' @param result From run_scenario.
#' @param path The JSON file to write.
#' @return path, invisibly.
#' @importFrom jsonlite toJSON
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
