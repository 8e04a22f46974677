# A learner's R file with planted slips, one per function, each of which the checker must name
# (function, quantity, layer or step, hint): see tests/test_check.py's SLIPS table.

tanh_backward <- function(dA, Z, A) {
  dA * (1 - tanh(A)^2)  # slip: the derivative evaluated at A
}

linear_forward <- function(A_prev, W, b) {
  # slip: one row per example, Z' = A_prev' W' (+ b along each row)
  t(A_prev) %*% t(W) + matrix(b, ncol(A_prev), nrow(W), byrow = TRUE)
}

softmax_forward <- function(Z) {
  E <- exp(Z)
  E / rowSums(E)  # slip: normalized along the rows
}

l2_penalty <- function(params, lambd, m) {
  W <- params[grepl("^W", names(params))]
  lambd / 2 * sum(vapply(W, function(w) sum(w^2), 0))  # slip: not divided by m
}

backward_propagation <- function(AL, Y, caches, params, activations, lambd = 0, keep_prob = 1) {
  m <- ncol(AL)
  L <- length(caches)
  grads <- list()
  dZ <- AL - Y
  for (l in L:1) {
    cache <- caches[[l]]
    grads[[paste0("dW", l)]] <- dZ %*% t(cache$A_prev) / m  # slip: no L2 term
    grads[[paste0("db", l)]] <- rowSums(dZ) / m
    if (l > 1) {
      below <- caches[[l - 1]]
      dA <- t(params[[paste0("W", l)]]) %*% dZ
      if (!is.null(cache$D)) dA <- dA * cache$D / keep_prob  # slip: this layer's mask, not below's
      gp <- switch(activations[[l - 1]], relu = below$Z > 0, tanh = 1 - below$A^2,
                   sigmoid = below$A * (1 - below$A))
      dZ <- dA * gp
    }
  }
  grads
}

update_parameters_momentum <- function(params, grads, state, learning_rate, settings, t) {
  beta <- settings$beta
  v <- list()
  for (k in names(params)) {
    v[[k]] <- (1 - beta) * grads[[paste0("d", k)]]  # slip: the v that came in is dropped
    params[[k]] <- params[[k]] - learning_rate * v[[k]]
  }
  list(params = params, state = list(v = v, s = state$s))
}

schedule_exponential <- function(learning_rate, e, rate, every) {
  learning_rate * rate^floor(e / every)  # slip: a staircase
}
