# The estimator: dlfp's network fitted to (x, y) and asked for labels, in R's own model idiom
# (a fit function, then predict, print and summary methods). The twin of Python's
# DLFPClassifier (python/dlfp/estimator.py) and Octave's dlfp_fit / dlfp_predict: the same
# scenario, the same stream, so the same numbers for the same data and seed.

ESTIMATOR_FN <- "dlfp_fit"
# Each setting's rule, as data (estimator.py's PARAMETERS, under R's names): a scenario row (its
# bounds and words, as the scenario's own checks use them), a table of names, or the hidden
# layers' sizes (the row of "layers"). Walked in this (sorted) order, as scikit-learn walks
# Python's, so the first bad setting is the same one in every language.
ESTIMATOR_PARAMETERS <- list(
  activation = c("names", "DERIVATIVES"), batch_size = c("rule", "batch_size"),
  epochs = c("rule", "epochs"), hidden = c("sizes", "layers"),
  init = c("names", "INITIALIZERS"), keep_prob = c("rule", "keep_prob"),
  lambda = c("rule", "lambda"), learning_rate = c("rule", "learning_rate"),
  optimizer = c("names", "OPTIMIZERS"), seed = c("rule", "seed"))
# One constraint per kind, as estimator.py's _Rule, _Sizes and _Names: ok(value, source) and
# its words. A logical is not a number, and a size with a fraction is not a size.
ESTIMATOR_CONSTRAINTS <- list(
  rule = list(
    ok = function(value, source) {
      row <- rule_row(source)
      (if (row$type == "integer") is_int else is_number)(value) && in_bounds(value, row)
    },
    words = function(source) {
      row <- rule_row(source)
      if (row$type == "integer") integer_phrase(row) else number_phrase(row)
    }),
  sizes = list(
    ok = function(value, source) {
      row <- rule_row(source)
      is.numeric(value) && is.null(dim(value)) &&
        all(is.finite(value) & value == floor(value) & value >= row$min & value <= row$max)
    },
    words = function(source) paste("a list of", integer_phrase(rule_row(source), plural = TRUE))),
  names = list(
    ok = function(value, source) is_string(value) && value %in% names(TABLES[[source]]),
    words = function(source) {
      paste("one of", paste0("'", sort(names(TABLES[[source]]), method = "radix"), "'",
                             collapse = ", "))
    }))
# type_of_target's word for labels that are numbers with a fraction: a regression target
CONTINUOUS <- paste("Unknown label type: continuous. Maybe you are trying to fit a classifier,",
                    "which expects discrete classes on a regression target with continuous",
                    "values.")

#' model = train(initialize_parameters(layers, init, rng_create(seed)), t(x), targets(y)).
#'
#' A network of the given hidden layers, then a sigmoid output for two classes or a softmax
#' output for more, is trained on x (n_samples x n_features, one row per example as in every R
#' model) and labels y (any vector or factor). Each setting is checked first, by the scenario
#' rules' row of its field: the same bounds and words as Python's DLFPClassifier and Octave's
#' dlfp_fit ("dlfp: dlfp_fit: The 'hidden' parameter of dlfp_fit must be a list of integers
#' from 1 to 100000. Got 2.7 instead."); a logical is not a number. Then x and y are checked
#' (finite; numbers with a fraction are a regression target, not labels), and the settings
#' become a scenario (layers [n_features, hidden..., 1 or K], activations [activation for each
#' hidden layer, sigmoid or softmax], record_every 1, data "(in memory)"). The classes are
#' y's distinct values sorted as numpy.unique sorts them (numbers numerically, strings by code
#' point, whatever the locale), and class k (0-based) is the network's label k: the same
#' network as Python's DLFPClassifier trains.
#'
#' @param x A numeric matrix or a data frame of numeric columns, n_samples x n_features,
#'   finite.
#' @param y The labels: a vector (numeric, character or logical) or a factor, one per row of x;
#'   at least two distinct values, no NA; numbers must be whole.
#' @param hidden Units of each hidden layer, each from 1 to 100000 (a numeric vector;
#'   numeric(0) for none: logistic regression).
#' @param activation Of every hidden layer: "relu", "tanh" or "sigmoid".
#' @param init "scaled", "he" or "xavier".
#' @param optimizer "gd", "momentum", "rmsprop" or "adam".
#' @param learning_rate The step size.
#' @param epochs How many passes over the data.
#' @param batch_size Examples per mini-batch; 0 for full batch.
#' @param lambda L2 strength.
#' @param keep_prob Dropout keep probability of the hidden layers (1: none).
#' @param seed Initial weights, shuffles and dropout masks, from the shared stream.
#' @return An object of class "dlfp_model": a list of params (W1, b1, ..., WL, bL), classes
#'   (the sorted distinct labels; a factor, with y's levels, when y is one), activations,
#'   loss_curve (the cost of every epoch), settings (the checked scenario) and call.
#' @seealso predict.dlfp_model, summary.dlfp_model; run_scenario trains from a scenario file.
#' @examples
#' d <- generate_circles(rng_create(1), 100, 0.1, 0.5)
#' model <- dlfp_fit(t(d$X), ifelse(d$labels == 1, "inner", "outer"), hidden = 4,
#'                   activation = "tanh", learning_rate = 0.05, epochs = 100)
#' model
#' table(predict(model, t(d$X)), d$labels)
#' @export
dlfp_fit <- function(x, y, hidden = 5, activation = "relu", init = "he", optimizer = "adam",
                     learning_rate = 0.01, epochs = 200, batch_size = 0, lambda = 0,
                     keep_prob = 1, seed = 1) {
  cl <- match.call()
  check_settings(mget(names(ESTIMATOR_PARAMETERS)), ESTIMATOR_FN)
  X <- estimator_inputs(x, "x", ESTIMATOR_FN)  # (n_features, m)
  y_values <- estimator_labels(y, ncol(X))
  classes <- sort(unique(y_values), method = "radix")  # numpy.unique's order
  if (length(classes) < 2) {
    dlfp_stop(ESTIMATOR_FN, "needs samples of at least 2 classes; got 1 class")
  }
  labels <- match(y_values, classes) - 1  # (m): 0-based class indices
  if (is.factor(y)) classes <- factor(classes, levels = levels(y))
  out <- if (length(classes) == 2) list(act = "sigmoid", units = 1)
         else list(act = "softmax", units = length(classes))
  check_network(nrow(X), hidden, out$units)
  # as a scenario file would hold them: lists for JSON lists, one value for a JSON value
  raw <- list(name = "DLFPClassifier", data = list(csv = "(in memory)"),
              layers = c(list(nrow(X)), as.list(hidden), list(out$units)),
              activations = c(rep(list(activation), length(hidden)), list(out$act)),
              init = init, optimizer = optimizer, learning_rate = learning_rate,
              epochs = epochs, record_every = 1, batch_size = batch_size, lambda = lambda,
              keep_prob = keep_prob, seed = seed)
  s <- check_scenario(raw)
  Y <- labels_to_targets(labels, out$act, out$units)  # (n_L, m)
  init_draw <- initialize_parameters(s$layers, s$init, rng_create(s$seed))
  fit <- train(X, Y, init_draw$params, s$activations, s, init_draw$rng)
  structure(list(params = fit$params, classes = classes, activations = s$activations,
                 loss_curve = fit$loss_curve[, 2], settings = s, call = cl),
            class = "dlfp_model")
}

#' y_hat = classes[argmax_k P(class k | x)] ; P = [1 - A_L, A_L] (sigmoid) or A_L' (softmax).
#'
#' The class of highest probability, the first on a tie (for two classes: p > 0.5, as
#' predict_labels decides).
#'
#' @param object A dlfp_model from dlfp_fit.
#' @param newdata A numeric matrix or a data frame of numeric columns, n_samples x n_features.
#' @param type "class" for the labels, "prob" for the probabilities.
#' @param ... Not used.
#' @return For "class", one label per row of newdata, of the type of model$classes (a factor
#'   when y was one); for "prob", an n_samples x K matrix whose columns are named by the classes.
#' @importFrom stats predict
#' @export
predict.dlfp_model <- function(object, newdata, type = c("class", "prob"), ...) {
  fn <- "predict"
  if (!(is.list(object) && all(c("params", "classes", "activations") %in% names(object)) &&
        is.list(object$params) && is.matrix(object$params$W1))) {
    dlfp_stop(fn, "the model is not one dlfp_fit returned")  # a class set by hand
  }
  if (missing(newdata)) dlfp_stop(fn, "newdata is required (the rows to label)")
  if (!identical(type, c("class", "prob"))) {
    if (!(is_string(type) && type %in% c("class", "prob"))) {
      dlfp_stop(fn, sprintf("unknown type %s (known: class, prob)", setting_repr(type)))
    }
  }
  X <- estimator_inputs(newdata, "newdata", fn)  # (n_features, n)
  n_features <- ncol(object$params$W1)
  if (nrow(X) != n_features) {
    dlfp_stop(fn, sprintf("newdata has %d columns but the model was fitted on %d features",
                          nrow(X), n_features))
  }
  AL <- forward_propagation(X, object$params, object$activations)$AL  # (n_L, n)
  P <- if (nrow(AL) == 1) cbind(1 - AL[1, ], AL[1, ]) else t(AL)  # (n, K)
  dimnames(P) <- list(if (is.data.frame(newdata) || is.matrix(newdata)) rownames(newdata),
                      as.character(object$classes))
  if (type[1] == "prob") return(P)
  # "first" breaks ties as numpy's argmax does; the default "random" is inexact
  object$classes[max.col(P, ties.method = "first")]
}

#' Print a dlfp_model: its layers, classes, training and first and final cost.
#'
#' @param x A dlfp_model.
#' @param ... Not used.
#' @return x, invisibly.
#' @export
print.dlfp_model <- function(x, ...) {
  s <- x$settings
  cat("dlfp model: ", layers_text(s), "\n", sep = "")
  cat("classes: ", paste(as.character(x$classes), collapse = ", "), "\n", sep = "")
  cat(sprintf("trained: %s, learning_rate %s, %s epochs; cost %s -> %s\n", s$optimizer,
              fmt_number(s$learning_rate), fmt_number(s$epochs),
              fmt_fixed(x$loss_curve[1], 6), fmt_fixed(x$loss_curve[length(x$loss_curve)], 6)))
  invisible(x)
}

#' A dlfp_model in detail: one row per layer, the classes, the settings and the costs.
#'
#' @param object A dlfp_model.
#' @param ... Not used.
#' @return An object of class "summary.dlfp_model": layers (a data frame of layer, units,
#'   activation, parameters), classes, settings (a named list: init, optimizer, learning_rate,
#'   epochs, batch_size, lambda, keep_prob, seed), cost (first and final) and call.
#' @export
summary.dlfp_model <- function(object, ...) {
  s <- object$settings
  n <- s$layers  # (L + 1): units, inputs first
  L <- length(n) - 1
  layers <- data.frame(layer = seq_len(L), units = n[-1], activation = s$activations,
                       parameters = n[-1] * n[-(L + 1)] + n[-1], stringsAsFactors = FALSE)
  curve <- object$loss_curve
  structure(list(layers = layers, inputs = n[1], classes = object$classes,
                 settings = s[c("init", "optimizer", "learning_rate", "epochs", "batch_size",
                                "lambda", "keep_prob", "seed")],
                 cost = c(first = curve[1], final = curve[length(curve)]), call = object$call),
            class = "summary.dlfp_model")
}

#' Print the summary of a dlfp_model.
#'
#' @param x A summary.dlfp_model.
#' @param ... Not used.
#' @return x, invisibly.
#' @method print summary.dlfp_model
#' @export
print.summary.dlfp_model <- function(x, ...) {
  cat("Call:\n")
  print(x$call)
  cat(sprintf("\n%s inputs; %s parameters\n", fmt_number(x$inputs),
              fmt_number(sum(x$layers$parameters))))
  print(x$layers, row.names = FALSE)
  cat("\nclasses: ", paste(as.character(x$classes), collapse = ", "), "\n", sep = "")
  cat("settings: ", paste(names(x$settings), vapply(x$settings, setting_text, ""), sep = " ",
                          collapse = ", "), "\n", sep = "")
  cat(sprintf("cost: %s at the first epoch, %s at the last\n", fmt_fixed(x$cost[["first"]], 6),
              fmt_fixed(x$cost[["final"]], 6)))
  invisible(x)
}

# "2 -> 5 relu -> 1 sigmoid": the layers' units and activations.
layers_text <- function(s) {
  n <- s$layers
  paste(c(fmt_number(n[1]), sprintf("%s %s", vapply(n[-1], fmt_number, ""), s$activations)),
        collapse = " -> ")
}

# X (n_features x n) from x (n x n_features): a numeric matrix or a data frame of numeric
# columns, finite, at least one row and one column; dimnames dropped, so the parameters
# trained on it carry none.
estimator_inputs <- function(x, what, fn) {
  if (is.data.frame(x)) {
    numeric_cols <- vapply(x, function(col) is.numeric(col) && !is.object(col), NA)
    if (!all(numeric_cols)) {
      dlfp_stop(fn, sprintf("%s must be numeric, but its column '%s' is not", what,
                            shown(names(x)[!numeric_cols][1])))
    }
    x <- as.matrix(x)
  }
  if (!(is.matrix(x) && is.numeric(x))) {
    dlfp_stop(fn, sprintf("%s must be a numeric matrix or data frame (n_samples x n_features)",
                          what))
  }
  if (nrow(x) == 0 || ncol(x) == 0) {
    dlfp_stop(fn, sprintf("%s has %d rows and %d columns", what, nrow(x), ncol(x)))
  }
  if (!all(is.finite(x))) dlfp_stop(fn, sprintf("%s holds NaN or Inf", what))  # NA as NaN
  X <- t(unname(x))
  storage.mode(X) <- "double"
  X
}

# y's values, one per example (a factor's as its labels' text), checked: m of them, no NA,
# NaN or Inf, and numbers whole (type_of_target's "continuous" is a regression target).
estimator_labels <- function(y, m) {
  if (!(is.atomic(y) && (is.factor(y) || is.numeric(y) || is.character(y) || is.logical(y))) ||
      length(dim(y)) > 1 && sum(dim(y) > 1) > 1) {  # a matrix of labels is no vector
    dlfp_stop(ESTIMATOR_FN, "y must be a vector of labels")
  }
  if (length(y) != m) {
    dlfp_stop(ESTIMATOR_FN, sprintf("y has %d labels but x has %d rows", length(y), m))
  }
  if (anyNA(y) || (is.numeric(y) && !all(is.finite(y)))) {
    dlfp_stop(ESTIMATOR_FN, "y holds NaN or Inf")  # NA as NaN
  }
  if (is.numeric(y) && any(y != floor(y))) dlfp_stop(ESTIMATOR_FN, CONTINUOUS)
  if (is.factor(y)) as.character(y) else as.vector(y)
}

# Each setting against its rule (ESTIMATOR_PARAMETERS), in order; the first bad one is named
# in scikit-learn's words, as Python's InvalidParameterError names it.
check_settings <- function(values, fn) {
  for (name in names(ESTIMATOR_PARAMETERS)) {
    kind <- ESTIMATOR_PARAMETERS[[name]]
    constraint <- ESTIMATOR_CONSTRAINTS[[kind[1]]]
    value <- values[[name]]
    if (!constraint$ok(value, kind[2])) {
      dlfp_stop(fn, sprintf("The '%s' parameter of %s must be %s. Got %s instead.", name, fn,
                            constraint$words(kind[2]), setting_repr(value)))
    }
  }
}

# A setting's value as Python's repr writes what a user types there (R's 0 and 4 are doubles,
# but typed as Python's 0 and 4, and Octave's: a whole number is written as an integer), as
# every message shows a value: on one line, cut at 40 characters.
setting_repr <- function(value) {
  if (is_string(value)) return(sprintf("'%s'", shown(value)))
  shown(value_repr(value))
}

value_repr <- function(value) {
  if (!(is.null(value) || is.atomic(value))) return(class(value)[1])
  if (!is.double(value) || length(value) == 0) return(py_str(value, quote = TRUE))
  whole <- is.finite(value) & value == round(value) & abs(value) < 1e16
  items <- ifelse(whole, sprintf("%.0f", value + 0), vapply(value, py_float_repr, ""))
  if (length(items) == 1) items else paste0("[", paste(items, collapse = ", "), "]")
}

# The scenario rules' row of a field.
rule_row <- function(field) Filter(function(r) r$field == field, RULES$fields)[[1]]

# The network x and hidden make is within a scenario's "layers" bounds.
check_network <- function(n_features, hidden, n_out) {
  row <- rule_row("layers")
  if (n_features > row$max) {
    dlfp_stop(ESTIMATOR_FN, sprintf("x has %d features, more than %s", n_features,
                                    fmt_number(row$max)))
  }
  if (n_out > row$max) {  # a softmax unit per class
    dlfp_stop(ESTIMATOR_FN, sprintf("y has %d classes, more than %s", n_out,
                                    fmt_number(row$max)))
  }
  n <- c(n_features, hidden, n_out)
  weights <- sum(n[-1] * n[-length(n)])
  if (weights > row$max_weights) {
    dlfp_stop(ESTIMATOR_FN, sprintf("'hidden' makes %s weights, more than %s",
                                    fmt_number(weights), fmt_number(row$max_weights)))
  }
}

# A setting as text: a name as it is, a number as fmt_number writes it.
setting_text <- function(v) if (is.character(v)) v else fmt_number(v)
