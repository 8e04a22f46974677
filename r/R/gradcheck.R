# Gradient checking (chapter 8): backward propagation against centered finite differences.

#' Above this relative difference the gradients are wrong (chapter 8's threshold).
#'
#' The same in every language, the harness and the examples.
#'
#' @format A number, 1e-7.
#' @export
GRADCHECK_THRESHOLD <- 1e-7

#' d = ||g - g_num|| / (||g|| + ||g_num||),  g_num_i = (J(p + eps e_i) - J(p - eps e_i)) / (2 eps).
#'
#' Every parameter is perturbed in turn (W1 then b1, ..., each column by column), without
#' dropout. A relu kink between p - eps and p + eps makes g_num meaningless there, so a
#' perturbation that flips the sign of any relu pre-activation is not compared but counted in
#' kinks.
#'
#' @param X Inputs, n_0 x m.
#' @param Y Targets, n_L x m.
#' @param params list(W1, b1, ..., WL, bL).
#' @param activations One name per layer.
#' @param lambd L2 strength, included in J and in g.
#' @param epsilon The perturbation.
#' @return list(difference = the relative difference d, checked = how many parameter entries
#'   were compared, kinks = how many were skipped for a relu kink).
#' @export
gradient_check <- function(X, Y, params, activations, lambd = 0, epsilon = 1e-7) {
  L <- length(activations)
  fwd <- forward_propagation(X, params, activations)
  grads <- backward_propagation(fwd$AL, Y, fwd$caches, params, activations, lambd)
  base <- relu_signs(fwd$caches, activations)
  cost_at <- function(trial) {
    c <- forward_propagation(X, trial, activations)$caches
    list(same = identical(base, relu_signs(c, activations)),
         cost = compute_cost(c[[L]]$Z, Y, activations[[L]]) + l2_penalty(trial, lambd, ncol(X)))
  }
  g_all <- list()
  num_all <- list()
  kinks <- 0L
  for (key in names(params)) {
    P <- params[[key]]
    g <- as.vector(grads[[paste0("d", key)]])  # column-major, as P[i] below
    num <- numeric(length(P))
    ok <- rep(TRUE, length(P))
    # one forward pass per perturbation: inherently one parameter entry at a time, the one
    # loop over entries in dlfp
    for (i in seq_along(P)) {
      costs <- numeric(2)
      for (k in 1:2) {
        sign <- c(1, -1)[k]
        Q <- P
        Q[i] <- Q[i] + sign * epsilon
        trial <- params
        trial[[key]] <- Q
        r <- cost_at(trial)
        ok[i] <- ok[i] && r$same
        costs[k] <- r$cost
      }
      num[i] <- (costs[1] - costs[2]) / (2 * epsilon)
    }
    kinks <- kinks + sum(!ok)
    g_all[[key]] <- g[ok]
    num_all[[key]] <- num[ok]
  }
  g <- unlist(g_all, use.names = FALSE)
  num <- unlist(num_all, use.names = FALSE)
  norm2 <- function(x) sqrt(sum(x * x))
  denom <- norm2(g) + norm2(num)
  diff <- if (denom > 0) norm2(g - num) / denom else 0
  list(difference = diff, checked = length(g), kinks = kinks)
}

# Z > 0 for each relu layer: the sign pattern a perturbation must keep to be compared.
relu_signs <- function(caches, activations) {
  lapply(caches[unlist(activations) == "relu"], function(cache) cache$Z > 0)
}
