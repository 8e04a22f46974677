# K-fold cross-validation (the course's model selection): the same folds and the same scores in
# Python, R and Octave, because the split comes from the shared random stream.

#' part_k = perm[start_k + 1 .. start_k + size_k], perm = rng_permutation(rng_create(seed), m).
#'
#' The m examples are split into K contiguous parts of the permutation, of sizes floor(m/K) + 1
#' for the first (m mod K) parts and floor(m/K) for the rest. The indices are 0-BASED, as in
#' Python, Octave and the result JSON, so that the three languages hold the same numbers:
#' example i is column i + 1 of X.
#'
#' @param m How many examples.
#' @param folds K, 2 .. m.
#' @param seed The split's seed.
#' @return A list of K numeric vectors: each fold's test indices, 0-based, ascending, marked
#'   AsIs so that a fold of one example is still written as a JSON list.
#' @export
fold_indices <- function(m, folds, seed) {
  perm <- as.numeric(rng_permutation(rng_create(seed), m)$perm) - 1  # 0-based
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
  K <- length(scores)
  # numpy's mean and std (ddof 0), summed in numpy's order: the same last bit as Python's
  mu <- np_sum(scores) / K
  out <- list(folds = folds, mean_test_accuracy = mu,
              std_test_accuracy = sqrt(np_sum((scores - mu) * (scores - mu)) / K))
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
#' @return list(test_index (0-based, ascending, AsIs: fold_indices'), train_accuracy,
#'   test_accuracy, final_cost).
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
  test_index <- fold_indices(m, v[["folds"]], v[["seed"]])[[fold]]  # 0-based
  test <- as.vector(test_index) + 1  # X's columns
  keep <- setdiff(seq_len(m), test)  # ascending: the examples' order in X
  acts <- s[["activations"]]
  fit <- train(X[, keep, drop = FALSE], prepared[["Y"]][, keep, drop = FALSE],
               prepared[["params0"]], acts, s, prepared[["rng"]])
  score <- function(idx) {
    accuracy(predict_labels(X[, idx, drop = FALSE], fit$params, acts), labels[idx])
  }
  curve <- fit$loss_curve
  list(test_index = test_index, train_accuracy = score(keep), test_accuracy = score(test),
       final_cost = curve[nrow(curve), 2])
}

#' s = x_1 + x_2 + ... + x_n in numpy's order (pairwise summation), so that a mean or std
#' comes out as numpy's to the last bit.
#'
#' R's sum() accumulates in long double and can differ from numpy.sum in the last bit. numpy
#' adds fewer than 8 numbers in turn from 0; up to 128 in 8 running sums (x_j, x_(j+8), ...)
#' combined as ((r1 + r2) + (r3 + r4)) + ((r5 + r6) + (r7 + r8)), then the last n mod 8 in turn;
#' more by halves (the first a multiple of 8).
#'
#' @param x A numeric vector.
#' @return The sum, a double.
#' @keywords internal
np_sum <- function(x) {
  n <- length(x)
  if (n < 8) return(Reduce(`+`, x, 0))
  if (n <= 128) {
    whole <- n - n %% 8
    r <- Reduce(`+`, split(x[seq_len(whole)], (seq_len(whole) - 1) %/% 8))  # (8): running sums
    total <- ((r[1] + r[2]) + (r[3] + r[4])) + ((r[5] + r[6]) + (r[7] + r[8]))
    return(Reduce(`+`, x[-seq_len(whole)], total))
  }
  half <- n %/% 2
  half <- half - half %% 8
  np_sum(x[seq_len(half)]) + np_sum(x[-seq_len(half)])
}
