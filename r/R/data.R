# A scenario's data: load it (CSV, IDX or a generator), read a CSV file strictly, check X and
# the labels before training.

# A CSV cell: a plain decimal number, spaces or tabs around it; no hex, quotes, NA or words
# (one way only to match each cell: an ambiguous pattern backtracks exponentially on a long row
# whose last cell is bad, and PCRE then gives up with a warning)
CSV_CELL <- "[ \\t]*[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \\t]*"
CSV_ROW <- sprintf("^%s(?:,%s)*\\z", CSV_CELL, CSV_CELL)
CSV_NUMBER <- sprintf("^%s\\z", CSV_CELL)

#' [X, labels] = the scenario's training data: X is features x examples, labels 0 .. K-1.
#'
#' A CSV file holds one example per row, no header, the label in the last column; IDX files
#' (MNIST's format) are scaled from 0..255 to [0, 1] and cut to the first data.limit examples;
#' a generator draws from the shared stream seeded with data.seed, with the options the checked
#' scenario holds (their defaults are the rules').
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

#' data = load_data(scenario) and, with a test set, load_test_data(scenario), each checked.
#'
#' The one way a scenario's data are read: the training set, then the test set when the
#' scenario names one, each read and then checked by check_data against the scenario's layers
#' and output activation, so bad data stop with check_data's message before any training.
#'
#' @param scenario From read_scenario.
#' @return list(X = n_0 x m, labels = length m, X_test = n_0 x m_test, labels_test = length
#'   m_test); X_test and labels_test are NULL without a test set.
#' @export
load_checked_data <- function(scenario) {
  layers <- scenario$layers
  out_act <- scenario$activations[length(scenario$activations)]
  d <- load_data(scenario)
  check_data(d$X, d$labels, layers, out_act)
  test <- list(X = NULL, labels = NULL)
  if (has_test_data(scenario)) {
    test <- load_test_data(scenario)
    check_data(test$X, test$labels, layers, out_act)
  }
  list(X = d$X, labels = d$labels, X_test = test$X, labels_test = test$labels)
}

#' A data file named in the scenario, read against the scenario file's folder.
#'
#' As Python's os.path.join: an absolute name stays as it is, any other (even one starting with
#' ~) is joined to the folder.
#'
#' @param scenario From read_scenario (base_dir; "." without one).
#' @param name The file name the scenario gives.
#' @return The path.
#' @keywords internal
data_path <- function(scenario, name) {
  base <- if (is.null(scenario[["base_dir"]])) "." else scenario[["base_dir"]]
  if (startsWith(name, "/")) name else paste0(sub("/$", "", base), "/", name)
}

#' [X / 255, labels]: images and labels from two IDX files, the first limit of each.
#'
#' @param scenario From read_scenario, for data_path.
#' @param images,labels The two file names.
#' @param limit How many examples to keep at most; NULL: all.
#' @return list(X = n_0 x m, labels = length m).
#' @keywords internal
read_idx_pair <- function(scenario, images, labels, limit) {
  X <- read_idx(data_path(scenario, images))
  y <- read_idx(data_path(scenario, labels))
  if (!is.matrix(X) || is.matrix(y) || ncol(X) != length(y)) {
    dlfp_stop("load_data", sprintf("%s has %d items but %s has %d labels", shown_path(images),
                                   if (is.matrix(X)) ncol(X) else length(X), shown_path(labels),
                                   if (is.matrix(y)) ncol(y) else length(y)))
  }
  if (length(y) == 0) dlfp_stop("load_data", sprintf("%s holds no items", shown_path(images)))
  n <- if (is.null(limit)) length(y) else min(limit, length(y))
  if (n < ncol(X)) {
    X <- X[, seq_len(n), drop = FALSE]
    y <- y[seq_len(n)]
  }
  list(X = X / 255, labels = y)  # (n_0, m), (m)
}

#' D = the CSV file's rows as a matrix (m x n): plain decimal numbers, n the same in each row.
#'
#' Blank lines are skipped; a row is numbered by its line in the file. The first bad row (a
#' different number of cells, or a cell that is not a plain decimal number) is named. Every
#' line is matched at once; only the first bad row is split into its cells.
#'
#' @param path A CSV file.
#' @param fn The public function to name in the error.
#' @return A numeric matrix, one row per kept line.
#' @export
read_csv_matrix <- function(path, fn) {
  text <- read_text(path, fn)
  lines <- strsplit(text, "\n", fixed = TRUE)[[1]]
  number <- which(grepl("[^ \t\r]", lines, perl = TRUE))  # the kept lines' numbers
  lines <- sub("\r$", "", lines[number])
  malformed <- function(why) dlfp_stop(fn, sprintf("malformed CSV in %s: %s", shown_path(path), why))
  if (length(lines) == 0) malformed("need at least one row of features and a label")
  counts <- nchar(gsub("[^,]", "", lines)) + 1
  width <- counts[1]
  bad <- which(counts != width | !grepl(CSV_ROW, lines, perl = TRUE))
  if (length(bad) > 0) {
    i <- bad[1]
    if (counts[i] != width) {
      malformed(sprintf("row %d has %d columns but row %d has %d", number[i], counts[i],
                        number[1], width))
    }
    cells <- strsplit(paste0(lines[i], ","), ",", fixed = TRUE)[[1]]  # keeps a last empty cell
    col <- which(!grepl(CSV_NUMBER, cells, perl = TRUE))[1]
    malformed(sprintf("row %d, column %d: '%s' is not a plain decimal number", number[i], col,
                      shown(cells[col])))
  }
  # 1e309 reads as Inf. R's own strtod reads every %.17g number back exactly, as Python does,
  # but may round a number of more than 17 digits one unit in the last place off Python's
  values <- as.numeric(unlist(strsplit(lines, ",", fixed = TRUE)))
  matrix(values, nrow = length(lines), ncol = width, byrow = TRUE)
}

#' [X, labels] = rows of the CSV file at path, transposed; the last column is the label.
#'
#' @param path A CSV file: one example per row, no header, plain decimal numbers only.
#' @return list(X = n_features x m, labels = length m).
#' @export
read_csv_data <- function(path) {
  D <- read_csv_matrix(path, "load_data")  # (m, n_features + 1)
  if (ncol(D) < 2) {
    dlfp_stop("load_data", sprintf(
      "malformed CSV in %s: need at least one row of features and a label", shown_path(path)))
  }
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
    dlfp_stop(fn, sprintf("X has NaN or Inf at feature %d, example %d", bad[1, 1], bad[1, 2]))
  }
  if (nrow(X) != layers[[1]]) {
    dlfp_stop(fn, sprintf("the data have %d features but the first layer has %s units", nrow(X),
                          fmt_number(layers[[1]])))
  }
  if (length(labels) != ncol(X)) {
    dlfp_stop(fn, sprintf("there are %d labels for %d examples", length(labels), ncol(X)))
  }
  K <- if (output_activation == "sigmoid") 2 else layers[[length(layers)]]
  ok <- is.finite(labels) & labels == round(labels) & labels >= 0 & labels <= K - 1
  if (!all(ok)) {
    j <- which(!ok)[1]
    dlfp_stop(fn, sprintf("label %s at example %d is out of range 0..%s", fmt_number(labels[j]),
                          j, fmt_number(K - 1)))
  }
  invisible(NULL)
}

