# Forward and backward propagation through L layers, the cost, and the gradient-descent step.

#' Z = W * A_prev + b.
#'
#' @param A_prev Activations of the layer below, n_(l-1) x m.
#' @param W Weights, n_l x n_(l-1).
#' @param b Biases, n_l x 1.
#' @return Z, n_l x m.
#' @export
linear_forward <- function(A_prev, W, b) {
  # an n x 1 matrix does not broadcast in R; as a plain vector it recycles down each column
  W %*% A_prev + as.vector(b)
}

#' A_l = g_l(W_l * A_(l-1) + b_l) for l = 1..L, with A_0 = X.
#'
#' @param X Inputs, n_0 x m.
#' @param params list(W1, b1, ..., WL, bL).
#' @param activations One name per layer after the input (names in ACTIVATIONS).
#' @return list(AL = n_L x m, caches = per layer l, list(A_prev, Z, A)).
#' @export
forward_propagation <- function(X, params, activations) {
  A <- X
  caches <- vector("list", length(activations))
  for (l in seq_along(activations)) {
    g <- lookup(ACTIVATIONS, activations[[l]], "activation", "forward_propagation")
    Z <- linear_forward(A, params[[paste0("W", l)]], params[[paste0("b", l)]])  # (n_l, m)
    caches[[l]] <- list(A_prev = A, Z = Z, A = g(Z))
    A <- caches[[l]]$A
  }
  list(AL = A, caches = caches)
}

#' J = -1/m * sum(Y .* log(AL)) (cross-entropy of the output activation), from logits ZL.
#'
#' @param ZL The output layer's pre-activation, n_L x m.
#' @param Y Targets, n_L x m: 0/1 for a sigmoid output, one-hot for softmax.
#' @param output_activation "sigmoid" (binary cross-entropy) or "softmax" (categorical).
#' @return The cost, a number.
#' @export
compute_cost <- function(ZL, Y, output_activation) {
  lookup(COSTS, output_activation, "output activation", "compute_cost")(ZL, Y)
}

#' dZ_L = A_L - Y ; dW_l = dZ_l A_(l-1)' / m ; db_l = sum(dZ_l, 2) / m ; dZ_(l-1) = g'(W_l' dZ_l).
#'
#' The output dZ_L = A_L - Y holds for sigmoid with binary and softmax with categorical
#' cross-entropy alike.
#'
#' @param AL Output activations, n_L x m.
#' @param Y Targets, n_L x m.
#' @param caches From forward_propagation.
#' @param params list(W1, b1, ..., WL, bL).
#' @param activations One name per layer.
#' @return list(dW1, db1, ..., dWL, dbL).
#' @export
backward_propagation <- function(AL, Y, caches, params, activations) {
  m <- ncol(AL)
  L <- length(caches)
  grads <- vector("list", 2 * L)
  names(grads) <- paste0(c("dW", "db"), rep(seq_len(L), each = 2))
  dZ <- AL - Y  # (n_L, m)
  for (l in rev(seq_len(L))) {
    cache <- caches[[l]]
    grads[[paste0("dW", l)]] <- tcrossprod(dZ, cache$A_prev) / m  # (n_l, n_(l-1))
    grads[[paste0("db", l)]] <- matrix(rowSums(dZ) / m, ncol = 1)  # (n_l, 1)
    if (l > 1) {
      dA <- crossprod(params[[paste0("W", l)]], dZ)  # (n_(l-1), m)
      below <- caches[[l - 1]]
      g_prime <- lookup(DERIVATIVES, activations[[l - 1]], "hidden activation",
                        "backward_propagation")
      dZ <- g_prime(dA, below$Z, below$A)
    }
  }
  grads
}

#' W_l = W_l - lr * dW_l ;  b_l = b_l - lr * db_l.
#'
#' Returns a new list; params is not changed (R copies on modify anyway).
#'
#' @param params list(W1, b1, ...).
#' @param grads list(dW1, db1, ...).
#' @param learning_rate The step size lr.
#' @return The updated list(W1, b1, ...).
#' @export
update_parameters <- function(params, grads, learning_rate) {
  Map(function(v, g) v - learning_rate * g, params, grads[paste0("d", names(params))])
}

#' y_hat = (A_L > 0.5) for a sigmoid output ; y_hat = argmax_k A_L(k, :) - 1 for softmax.
#'
#' @param X Inputs, n_0 x m.
#' @param params list(W1, b1, ...).
#' @param activations One name per layer.
#' @return Labels 0 .. K-1 (0/1 for sigmoid), a numeric vector of length m.
#' @export
predict <- function(X, params, activations) {
  AL <- forward_propagation(X, params, activations)$AL
  if (activations[[length(activations)]] == "sigmoid") {
    return(as.numeric(AL[1, ] > 0.5))
  }
  # "first" breaks ties exactly like numpy's argmax; the default "random" is inexact
  as.numeric(max.col(t(AL), ties.method = "first") - 1)
}

#' acc = mean(y_hat == y).
#'
#' @param predicted,labels Numeric vectors of labels, same length.
#' @return The fraction predicted right.
#' @export
accuracy <- function(predicted, labels) mean(as.vector(predicted) == as.vector(labels))

#' Y = labels (1 x m) for a sigmoid output ; Y(k, i) = (labels(i) == k - 1) for softmax.
#'
#' @param labels Numeric vector of length m, values 0 .. K-1.
#' @param output_activation "sigmoid" or "softmax".
#' @param n_out Units in the output layer (K for softmax).
#' @return Targets, n_out x m.
#' @export
labels_to_targets <- function(labels, output_activation, n_out) {
  labels <- as.numeric(labels)
  if (output_activation == "sigmoid") {
    return(matrix(labels, nrow = 1))
  }
  outer(seq_len(n_out) - 1, labels, "==") + 0  # (n_out, m), doubles like numpy's astype(float)
}

#' [Z_l, A_l, J, dW_l, db_l] of one forward and one backward pass, flat, for comparison.
#'
#' @param X Inputs, n_0 x m.
#' @param Y Targets, n_L x m.
#' @param params list(W1, b1, ...).
#' @param activations One name per layer.
#' @return list(Z1, A1, ..., ZL, AL, cost, dW1, db1, ..., dWL, dbL).
#' @export
forward_backward <- function(X, Y, params, activations) {
  fwd <- forward_propagation(X, params, activations)
  caches <- fwd$caches
  L <- length(caches)
  out <- vector("list", 2 * L)
  names(out) <- paste0(c("Z", "A"), rep(seq_len(L), each = 2))
  out[c(TRUE, FALSE)] <- lapply(caches, `[[`, "Z")
  out[c(FALSE, TRUE)] <- lapply(caches, `[[`, "A")
  out$cost <- compute_cost(caches[[L]]$Z, Y, activations[[L]])
  c(out, backward_propagation(fwd$AL, Y, caches, params, activations))
}
