# Forward and backward propagation through L layers (with dropout and L2), the cost, and the
# gradient-descent step.

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
  fwd <- forward_propagation_dropout(X, params, activations, 1, NULL)
  list(AL = fwd$AL, caches = fwd$caches)
}

#' A_l = g_l(W_l * A_(l-1) + b_l) .* D_l / keep_prob on hidden layers, D_l = (u < keep_prob).
#'
#' Inverted dropout: each hidden layer's mask is drawn from the shared stream (n_l * m
#' uniforms, filled column by column), never on the input or the output layer. With
#' keep_prob = 1 no mask is drawn and rng is untouched.
#'
#' @param X Inputs, n_0 x m.
#' @param params list(W1, b1, ..., WL, bL).
#' @param activations One name per layer after the input (names in ACTIVATIONS).
#' @param keep_prob Probability of keeping a hidden unit, in (0, 1].
#' @param rng Generator state (needed when keep_prob < 1; NULL will do otherwise).
#' @return list(AL = n_L x m, caches = per layer l, list(A_prev, Z, A) with A = g(Z) before
#'   dropout and, with dropout, D, rng = the state after the masks).
#' @export
forward_propagation_dropout <- function(X, params, activations, keep_prob, rng) {
  A <- X
  L <- length(activations)
  caches <- vector("list", L)
  keys <- layer_keys(L)
  W <- params[keys$W]
  b <- params[keys$b]
  for (l in seq_len(L)) {
    g <- lookup(ACTIVATIONS, activations[[l]], "activation", "forward_propagation")
    Z <- linear_forward(A, W[[l]], b[[l]])  # (n_l, m)
    cache <- list(A_prev = A, Z = Z, A = g(Z))
    A <- cache$A
    if (keep_prob < 1 && l < L) {
      # a bug in the caller, not bad input (Python fails with a TypeError here): without a
      # state, rng_uniform would return NA masks
      if (is.null(rng)) {
        stop("forward_propagation_dropout: keep_prob < 1 needs a generator state rng",
             call. = FALSE)
      }
      draw <- rng_uniform(rng, length(Z))
      rng <- draw$rng
      D <- as.numeric(draw$u < keep_prob)
      dim(D) <- dim(Z)  # (n_l, m), filled column by column; dim<- does not copy as matrix() does
      cache$D <- D
      A <- (A * cache$D) / keep_prob
    }
    caches[[l]] <- cache
  }
  list(AL = A, caches = caches, rng = rng)
}

# The names of an L-layer network's weights (W1 .. WL), biases (b1 .. bL) and gradients (dW1,
# db1, ..., dWL, dbL), pasted once per depth and kept: every training step asks for them, and
# paste0 took longer than a small layer's product.
layer_keys <- function(L) {
  if (L > length(LAYER_KEYS$by_depth) || is.null(LAYER_KEYS$by_depth[[L]])) {
    l <- seq_len(L)
    LAYER_KEYS$by_depth[[L]] <- list(W = paste0("W", l), b = paste0("b", l),
                                     grads = paste0(c("dW", "db"), rep(l, each = 2)))
  }
  LAYER_KEYS$by_depth[[L]]
}

# layer_keys' store: an environment, as a package's own bindings are locked once it is loaded
LAYER_KEYS <- new.env(parent = emptyenv())
LAYER_KEYS$by_depth <- list()

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

#' dZ_L = A_L - Y ; dW_l = dZ_l A_(l-1)' / m + (lambda / m) W_l ; db_l = sum(dZ_l, 2) / m.
#'
#' Going down, dA_(l-1) = W_l' dZ_l, times D_(l-1) / keep_prob where dropout masked the layer,
#' and dZ_(l-1) = dA_(l-1) .* g'(Z_(l-1)). The output dZ_L = A_L - Y holds for sigmoid with
#' binary and softmax with categorical cross-entropy alike.
#'
#' @param AL Output activations, n_L x m.
#' @param Y Targets, n_L x m.
#' @param caches From forward_propagation or forward_propagation_dropout.
#' @param params list(W1, b1, ..., WL, bL).
#' @param activations One name per layer.
#' @param lambd L2 strength (0: none).
#' @param keep_prob The keep probability the masks in caches were drawn with.
#' @return list(dW1, db1, ..., dWL, dbL).
#' @export
backward_propagation <- function(AL, Y, caches, params, activations, lambd = 0, keep_prob = 1) {
  m <- ncol(AL)
  L <- length(caches)
  keys <- layer_keys(L)
  W <- params[keys$W]
  grads <- vector("list", 2 * L)
  names(grads) <- keys$grads
  dZ <- AL - Y  # (n_L, m)
  for (l in L:1) {  # L >= 1: every network has an output layer
    cache <- caches[[l]]
    # tcrossprod(dZ, A_prev) is dZ %*% t(A_prev) without forming the transpose
    dW <- tcrossprod(dZ, cache$A_prev) / m  # (n_l, n_(l-1))
    if (lambd != 0) {  # adding (0 / m) W would change nothing but the time
      dW <- dW + (lambd / m) * W[[l]]
    }
    grads[[2 * l - 1]] <- dW
    # the row sums as a product with a column of ones: BLAS sums in double, four times as fast
    # as rowSums, which sums in long double
    grads[[2 * l]] <- (dZ %*% rep(1, m)) / m  # (n_l, 1)
    if (l > 1) {
      below <- caches[[l - 1]]
      dA <- crossprod(W[[l]], dZ)  # (n_(l-1), m)
      if (!is.null(below$D)) {
        dA <- (dA * below$D) / keep_prob
      }
      g_prime <- lookup(DERIVATIVES, activations[[l - 1]], "hidden activation",
                        "backward_propagation")
      dZ <- g_prime(dA, below$Z, below$A)
    }
  }
  grads
}

#' P = lambda / (2 m) * sum_l sum(W_l .^ 2) (biases are not penalized).
#'
#' @param params list(W1, b1, ..., WL, bL).
#' @param lambd L2 strength.
#' @param m Examples in the batch the cost is averaged over.
#' @return The penalty, a number (0 when lambd is 0).
#' @export
l2_penalty <- function(params, lambd, m) {
  if (lambd == 0) return(0)
  total <- 0
  for (key in grep("^W", names(params), value = TRUE)) {
    W <- params[[key]]
    total <- total + sum(W * W)
  }
  lambd / (2 * m) * total
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
  g <- grads[paste0("d", names(params))]
  # a loop over the parameters, whole matrices each: Map's call per pair cost more than the
  # update on small layers. The first assignment copies the list, so the caller's is unchanged.
  for (i in seq_along(params)) params[[i]] <- params[[i]] - learning_rate * g[[i]]
  params
}

#' y_hat = (A_L > 0.5) for a sigmoid output ; y_hat = argmax_k A_L(k, :) - 1 for softmax.
#'
#' @param X Inputs, n_0 x m.
#' @param params list(W1, b1, ...).
#' @param activations One name per layer.
#' @return Labels 0 .. K-1 (0/1 for sigmoid), a numeric vector of length m.
#' @export
predict_labels <- function(X, params, activations) {
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
accuracy <- function(predicted, labels) {
  # a count over m in double, as numpy's mean of booleans: R's mean() divides in long double,
  # which could round twice
  sum(as.vector(predicted) == as.vector(labels)) / length(labels)
}

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

#' [Z_l, A_l, D_l, J, dW_l, db_l] of one forward and one backward pass, flat, for comparison.
#'
#' J is the cross-entropy plus the L2 penalty; D_l (the dropout masks) appear only when
#' keep_prob < 1, drawn from rng.
#'
#' @param X Inputs, n_0 x m.
#' @param Y Targets, n_L x m.
#' @param params list(W1, b1, ...).
#' @param activations One name per layer.
#' @param lambd L2 strength.
#' @param keep_prob Dropout keep probability (1: no dropout).
#' @param rng Generator state for the masks (NULL without dropout).
#' @return list(Z1, A1, [D1,] ..., ZL, AL, cost, dW1, db1, ..., dWL, dbL).
#' @export
forward_backward <- function(X, Y, params, activations, lambd = 0, keep_prob = 1, rng = NULL) {
  fwd <- forward_propagation_dropout(X, params, activations, keep_prob, rng)
  caches <- fwd$caches
  L <- length(caches)
  # per layer Z, A and (only where dropout masked it) D, concatenated in layer order
  out <- do.call(c, lapply(seq_len(L), function(l) {
    keep <- intersect(c("Z", "A", "D"), names(caches[[l]]))
    stats::setNames(caches[[l]][keep], paste0(keep, l))
  }))
  out$cost <- compute_cost(caches[[L]]$Z, Y, activations[[L]]) +
    l2_penalty(params, lambd, ncol(X))
  c(out, backward_propagation(fwd$AL, Y, caches, params, activations, lambd, keep_prob))
}
