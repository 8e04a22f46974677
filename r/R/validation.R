# K-fold cross-validation (the course's model selection): the same folds and the same scores in
# Python, R and Octave, because the split comes from the shared random stream.

#' part_k = perm[start_k + 1 .. start_k + size_k], perm = rng_permutation(rng_create(seed), m).
#'
#' The m examples are split into K contiguous parts of the permutation, of sizes floor(m/K) + 1
#' for the first (m mod K) parts and floor(m/K) for the rest. Indices are 1-based, as
#' rng_permutation's (Python's are the same examples, 0-based).
#'
#' @param m How many examples.
#' @param folds K, 2 .. m.
#' @param seed The split's seed.
#' @return A list of K integer vectors: each fold's test indices, ascending, marked AsIs so that
#'   a fold of one example is still written as a JSON list.
#' @export
fold_indices <- function(m, folds, seed) {
  perm <- rng_permutation(rng_create(seed), m)$perm
  sizes <- rep(m %/% folds, folds) + (seq_len(folds) <= m %% folds)
  ends <- cumsum(sizes)
  lapply(seq_len(folds), function(k) I(sort(perm[ends[k] - sizes[k] + seq_len(sizes[k])])))
}

#' Stop unless 2 <= K <= m: every fold must test on at least one example.
#'
#' @param folds K.
#' @param m How many examples.
#' @return NULL, invisibly.
#' @export
check_folds <- function(folds, m) {
  if (folds > m) {
    dlfp_stop("cross_validate", sprintf("'validation.folds' is %s but the data have %d examples",
                                        fmt_number(folds), m))
  }
  invisible(NULL)
}

#' acc_k = accuracy on part k of the network trained on the other K - 1 parts; mean, std.
#'
#' Every fold starts from the scenario's initial weights and the stream's state after them, and
#' trains exactly as a plain run of the scenario would on its training part (in the examples'
#' order in X): shuffles and dropout masks go on from there.
#'
#' @param prepared From prepare_scenario, for a scenario with a validation field.
#' @param verbose Print one line per fold and the mean and std.
#' @return list(folds = a list of validate_fold's results, mean_test_accuracy,
#'   std_test_accuracy (the population std, numpy's default)).
#' @export
cross_validate <- function(prepared, verbose = FALSE) {
  v <- prepared[["scenario"]][["validation"]]
  folds <- vector("list", v[["folds"]])
  for (k in seq_len(v[["folds"]])) {
    folds[[k]] <- validate_fold(prepared, k)
    if (verbose) {
      cat(sprintf("fold %d: train accuracy %s, test accuracy %s, final cost %s\n", k,
                  fmt_fixed(folds[[k]]$train_accuracy, 4), fmt_fixed(folds[[k]]$test_accuracy, 4),
                  fmt_fixed(folds[[k]]$final_cost, 6)))
      utils::flush.console()
    }
  }
  scores <- vapply(folds, function(f) f$test_accuracy, 0)
  mu <- sum(scores) / length(scores)
  out <- list(folds = folds, mean_test_accuracy = mu,
              std_test_accuracy = sqrt(sum((scores - mu)^2) / length(scores)))
  if (verbose) {
    cat(sprintf("cross-validation: mean test accuracy %s, std %s\n",
                fmt_fixed(out$mean_test_accuracy, 4), fmt_fixed(out$std_test_accuracy, 4)))
  }
  out
}

#' acc = accuracy on part k of the network trained on the other parts: one fold, k = fold.
#'
#' One fold alone, as cross_validate computes it (a sweep runs the folds as separate tasks).
#'
#' @param prepared From prepare_scenario, for a scenario with a validation field.
#' @param fold The fold's number, 1 .. K (as the lines print it, in every language).
#' @return list(test_index (1-based, ascending, AsIs), train_accuracy, test_accuracy,
#'   final_cost).
#' @export
validate_fold <- function(prepared, fold) {
  s <- prepared[["scenario"]]
  X <- prepared[["X"]]
  labels <- prepared[["labels"]]
  v <- s[["validation"]]
  m <- ncol(X)
  check_folds(v[["folds"]], m)
  if (!(fold >= 1 && fold <= v[["folds"]])) {
    dlfp_stop("validate_fold", sprintf("fold %s is not one of 1..%s", fmt_number(fold),
                                       fmt_number(v[["folds"]])))
  }
  test <- fold_indices(m, v[["folds"]], v[["seed"]])[[fold]]
  keep <- setdiff(seq_len(m), test)  # ascending: the examples' order in X
  acts <- s[["activations"]]
  fit <- train(X[, keep, drop = FALSE], prepared[["Y"]][, keep, drop = FALSE],
               prepared[["params0"]], acts, s, prepared[["rng"]])
  score <- function(idx) {
    accuracy(predict_labels(X[, idx, drop = FALSE], fit$params, acts), labels[idx])
  }
  curve <- fit$loss_curve
  list(test_index = test, train_accuracy = score(keep), test_accuracy = score(as.vector(test)),
       final_cost = curve[nrow(curve), 2])
}
