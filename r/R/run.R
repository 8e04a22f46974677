# One scenario from file to result: prepare it (read, check, load, targets, initial weights),
# then train it.

#' prepared = read -> check -> load checked data -> targets -> initial weights, once.
#'
#' @param scenario A scenario file, or a scenario already checked (read_scenario's list).
#' @return A named list: scenario, X (n_0 x m), labels (m), Y (n_L x m), X_test and
#'   labels_test (NULL without a test set), params0 (the initial parameters) and rng (the
#'   stream's state after them, where training's draws begin).
#' @export
prepare_scenario <- function(scenario) {
  s <- if (is.character(scenario)) read_scenario(scenario) else scenario
  d <- load_checked_data(s)
  if (!is.null(s$validation)) {  # a bad fold count is bad input: named before any training
    check_folds(s$validation$folds, ncol(d$X))
  }
  Y <- labels_to_targets(d$labels, s$activations[length(s$activations)],
                         s$layers[length(s$layers)])
  init <- initialize_parameters(s$layers, s$init, rng_create(s$seed))
  list(scenario = s, X = d$X, labels = d$labels, Y = Y, X_test = d$X_test,
       labels_test = d$labels_test, params0 = init$params, rng = init$rng)
}

#' Stop with train's divergence error when the trained network's outputs on X are not finite.
#'
#' Parameters still finite after the last update, but so large that the forward pass
#' overflows: each language would otherwise pick its own label for a NaN column.
#'
#' @param p From prepare_scenario.
#' @param params The trained parameters.
#' @return NULL, invisibly, when every output is finite.
#' @keywords internal
check_outputs <- function(p, params) {
  s <- p$scenario
  fwd <- forward_propagation(p$X, params, s$activations)
  if (all(is.finite(fwd$AL))) return(invisible(NULL))
  L <- length(s$activations)
  cost <- compute_cost(fwd$caches[[L]]$Z, p$Y, s$activations[[L]]) +
    l2_penalty(params, s$lambda, ncol(p$X))
  e <- s$epochs - 1
  check_divergence(e, if (is.finite(cost)) NaN else cost, params, p$X, p$Y, s$activations,
                   s$lambda, learning_rate_at(s, e), s$batch_size)
}

#' result = train(initialize_parameters(seed), load_data(scenario)): one scenario, start to end.
#'
#' The stream seeded with the scenario's seed makes the initial weights, then goes on to the
#' shuffles and dropout masks of training.
#'
#' @param scenario A scenario file, a checked scenario (read_scenario) or a prepared one
#'   (prepare_scenario), which is trained without reading anything again.
#' @param verbose Print the cost at each recorded epoch.
#' @return list(name, initial_params, final_params, loss_curve (rows [epoch, cost]),
#'   train_accuracy, with a test set test_accuracy, with snapshot_every > 0 the snapshots
#'   (train's: epoch and params), and with validation the cross_validation block
#'   (cross_validate's) after the full-data run).
#' @export
run_scenario <- function(scenario, verbose = FALSE) {
  p <- if (is.list(scenario) && "params0" %in% names(scenario)) scenario
       else prepare_scenario(scenario)
  s <- p$scenario
  fit <- train(p$X, p$Y, p$params0, s$activations, s, p$rng, verbose = verbose)
  check_outputs(p, fit$params)
  result <- list(name = s$name, initial_params = p$params0, final_params = fit$params,
                 loss_curve = fit$loss_curve,
                 train_accuracy = accuracy(predict_labels(p$X, fit$params, s$activations),
                                           p$labels))
  line <- sprintf("%s: train accuracy %s", shown(s$name, NA), fmt_fixed(result$train_accuracy, 4))
  if (!is.null(p$X_test)) {
    result$test_accuracy <- accuracy(predict_labels(p$X_test, fit$params, s$activations),
                                     p$labels_test)
    line <- paste0(line, ", test accuracy ", fmt_fixed(result$test_accuracy, 4))
  }
  if (verbose) cat(line, "\n", sep = "")
  if (length(fit$snapshots) > 0) result$snapshots <- fit$snapshots
  if (!is.null(s$validation)) result$cross_validation <- cross_validate(p, verbose = verbose)
  result
}
