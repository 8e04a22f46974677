# Parameter updates, looked up by name in OPTIMIZERS, and learning-rate schedules in SCHEDULES.
#
# Every update has the signature (params, grads, state, learning_rate, settings, t) and returns
# list(params =, state =): state holds the running averages v and s (zero at the start) and
# goes in and comes back out; t counts updates from 1. settings supplies beta, beta1, beta2,
# epsilon. Each update is a handful of whole-matrix operations per parameter (a loop over the
# list of parameters, never over entries: Map's call per parameter cost more than the update
# itself on small layers). The first assignment to a list copies it: the caller's lists stay
# as they were.

#' v = 0 ; s = 0, shaped like each parameter.
#'
#' @param params list(W1, b1, ..., WL, bL).
#' @return list(v = zeros like params, s = zeros like params).
#' @export
initialize_optimizer <- function(params) {
  zeros <- lapply(params, function(p) {
    p[] <- 0  # keeps the dims (and names) of p
    p
  })
  list(v = zeros, s = zeros)
}

#' p = p - lr * g.
#'
#' @param params list(W1, b1, ..., WL, bL).
#' @param grads list(dW1, db1, ..., dWL, dbL).
#' @param state list(v, s) from initialize_optimizer or the previous update.
#' @param learning_rate The step size lr.
#' @param settings A checked scenario (or any list with beta, beta1, beta2, epsilon).
#' @param t The update's number, from 1.
#' @return list(params = the updated list, state = the state, unchanged).
#' @export
update_parameters_gd <- function(params, grads, state, learning_rate, settings, t) {
  list(params = update_parameters(params, grads, learning_rate), state = state)
}

#' v = beta * v + (1 - beta) * g ;  p = p - lr * v.
#'
#' @inheritParams update_parameters_gd
#' @return list(params = the updated list, state = list(v = the new averages, s unchanged)).
#' @export
update_parameters_momentum <- function(params, grads, state, learning_rate, settings, t) {
  beta <- settings[["beta"]]
  keys <- names(params)
  g <- grads[paste0("d", keys)]
  v <- state$v[keys]
  for (i in seq_along(params)) {
    v[[i]] <- beta * v[[i]] + (1 - beta) * g[[i]]
    params[[i]] <- params[[i]] - learning_rate * v[[i]]
  }
  list(params = params, state = list(v = v, s = state$s))
}

#' s = beta * s + (1 - beta) * g.^2 ;  p = p - lr * g ./ (sqrt(s) + epsilon).
#'
#' @inheritParams update_parameters_gd
#' @return list(params = the updated list, state = list(v unchanged, s = the new averages)).
#' @export
update_parameters_rmsprop <- function(params, grads, state, learning_rate, settings, t) {
  beta <- settings[["beta"]]
  eps <- settings[["epsilon"]]
  keys <- names(params)
  g <- grads[paste0("d", keys)]
  s <- state$s[keys]
  for (i in seq_along(params)) {
    s[[i]] <- beta * s[[i]] + (1 - beta) * (g[[i]] * g[[i]])
    params[[i]] <- params[[i]] - learning_rate * g[[i]] / (sqrt(s[[i]]) + eps)
  }
  list(params = params, state = list(v = state$v, s = s))
}

#' v = beta1 v + (1 - beta1) g ; s = beta2 s + (1 - beta2) g.^2 ;
#' p = p - lr * (v / (1 - beta1^t)) ./ (sqrt(s / (1 - beta2^t)) + epsilon).
#'
#' Each parameter is updated exactly once per step (the book's Python Adam updated the output
#' layer once per hidden layer).
#'
#' @inheritParams update_parameters_gd
#' @return list(params = the updated list, state = list(v, s) = the new averages).
#' @export
update_parameters_adam <- function(params, grads, state, learning_rate, settings, t) {
  b1 <- settings[["beta1"]]
  b2 <- settings[["beta2"]]
  eps <- settings[["epsilon"]]
  c1 <- 1 - b1^t  # bias corrections, from t = 1
  c2 <- 1 - b2^t
  keys <- names(params)
  g <- grads[paste0("d", keys)]
  v <- state$v[keys]
  s <- state$s[keys]
  for (i in seq_along(params)) {
    v[[i]] <- b1 * v[[i]] + (1 - b1) * g[[i]]
    s[[i]] <- b2 * s[[i]] + (1 - b2) * (g[[i]] * g[[i]])
    params[[i]] <- params[[i]] - learning_rate * (v[[i]] / c1) / (sqrt(s[[i]] / c2) + eps)
  }
  list(params = params, state = list(v = v, s = s))
}

#' Optimizers by name: list(params, state) = OPTIMIZERS[[optimizer]](params, grads, state,
#' learning_rate, settings, t).
#'
#' @format A named list of functions of (params, grads, state, learning_rate, settings, t): gd,
#'   momentum, rmsprop, adam (update_parameters_gd, update_parameters_momentum,
#'   update_parameters_rmsprop, update_parameters_adam).
#' @export
OPTIMIZERS <- list(gd = update_parameters_gd, momentum = update_parameters_momentum,
                   rmsprop = update_parameters_rmsprop, adam = update_parameters_adam)

#' lr_e = lr.
#'
#' @param learning_rate The initial step size lr.
#' @param e The 0-based epoch.
#' @param rate The decay rate.
#' @param every The decay period in epochs.
#' @return The step size for epoch e.
#' @export
schedule_none <- function(learning_rate, e, rate, every) learning_rate

#' lr_e = lr * rate^(e / every).
#'
#' @inheritParams schedule_none
#' @return The step size for epoch e.
#' @export
schedule_exponential <- function(learning_rate, e, rate, every) {
  learning_rate * rate^(e / every)
}

#' lr_e = lr / (1 + rate * floor(e / every)).
#'
#' @inheritParams schedule_none
#' @return The step size for epoch e.
#' @export
schedule_inverse_time <- function(learning_rate, e, rate, every) {
  learning_rate / (1 + rate * floor(e / every))
}

#' Learning-rate schedules by name: lr_e = SCHEDULES[[kind]](learning_rate, e, rate, every).
#'
#' @format A named list of functions of (learning_rate, e, rate, every): none, exponential,
#'   inverse_time (schedule_none, schedule_exponential, schedule_inverse_time).
#' @export
SCHEDULES <- list(none = schedule_none, exponential = schedule_exponential,
                  inverse_time = schedule_inverse_time)

#' lr_e = SCHEDULES[[lr_decay$kind]](learning_rate, e, rate, every), e the 0-based epoch.
#'
#' @param settings A checked scenario: learning_rate and lr_decay (kind, and for a decaying
#'   kind rate and every).
#' @param e The 0-based epoch.
#' @return The step size for epoch e.
#' @export
learning_rate_at <- function(settings, e) {
  d <- settings[["lr_decay"]]
  rate <- if (is.null(d[["rate"]])) 0 else d[["rate"]]
  every <- if (is.null(d[["every"]])) 1 else d[["every"]]
  SCHEDULES[[d[["kind"]]]](settings[["learning_rate"]], e, rate, every)
}
