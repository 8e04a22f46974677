# A learner's own implementation in R, written from the starter file (no dlfp function called
# but the random stream's): every exercise must pass.

sigmoid_forward <- function(Z) 1 / (1 + exp(-Z))
tanh_forward <- function(Z) tanh(Z)
relu_forward <- function(Z) pmax(Z, 0)
softmax_forward <- function(Z) {
  E <- exp(sweep(Z, 2, apply(Z, 2, max)))
  sweep(E, 2, colSums(E), "/")
}
sigmoid_backward <- function(dA, Z, A) dA * A * (1 - A)
tanh_backward <- function(dA, Z, A) dA * (1 - A^2)
relu_backward <- function(dA, Z, A) dA * (Z > 0)

linear_forward <- function(A_prev, W, b) W %*% A_prev + matrix(b, nrow(W), ncol(A_prev))

compute_cost <- function(ZL, Y, output_activation) {
  m <- ncol(Y)
  if (output_activation == "sigmoid") {
    AL <- sigmoid_forward(ZL)
    return(-sum(Y * log(AL) + (1 - Y) * log(1 - AL)) / m)
  }
  -sum(Y * log(softmax_forward(ZL))) / m
}

l2_penalty <- function(params, lambd, m) {
  W <- params[startsWith(names(params), "W")]
  lambd / (2 * m) * sum(sapply(W, function(w) sum(w^2)))
}

initialize_parameters <- function(layers, init, rng) {
  params <- list()
  for (l in 2:length(layers)) {
    n <- layers[l]
    n_prev <- layers[l - 1]
    draw <- rng_normal(rng, n * n_prev)
    rng <- draw$rng
    s <- switch(init, he = sqrt(2 / n_prev), xavier = sqrt(1 / n_prev), scaled = 0.01)
    params[[paste0("W", l - 1)]] <- matrix(draw$z, n, n_prev) * s
    params[[paste0("b", l - 1)]] <- matrix(0, n, 1)
  }
  list(params = params, rng = rng)
}

G <- list(sigmoid = sigmoid_forward, tanh = tanh_forward, relu = relu_forward,
          softmax = softmax_forward)
G_PRIME <- list(sigmoid = sigmoid_backward, tanh = tanh_backward, relu = relu_backward)

forward_propagation_dropout <- function(X, params, activations, keep_prob, rng) {
  A <- X
  L <- length(activations)
  caches <- list()
  for (l in 1:L) {
    Z <- linear_forward(A, params[[paste0("W", l)]], params[[paste0("b", l)]])
    cache <- list(A_prev = A, Z = Z, A = G[[activations[l]]](Z))
    A <- cache$A
    if (keep_prob < 1 && l < L) {
      draw <- rng_uniform(rng, length(Z))
      rng <- draw$rng
      cache$D <- matrix(as.numeric(draw$u < keep_prob), nrow(Z), ncol(Z))
      A <- A * cache$D / keep_prob
    }
    caches[[l]] <- cache
  }
  list(AL = A, caches = caches, rng = rng)
}

forward_propagation <- function(X, params, activations) {
  out <- forward_propagation_dropout(X, params, activations, 1, NULL)
  list(AL = out$AL, caches = out$caches)
}

backward_propagation <- function(AL, Y, caches, params, activations, lambd = 0, keep_prob = 1) {
  m <- ncol(Y)
  L <- length(caches)
  grads <- list()
  dZ <- AL - Y
  for (l in L:1) {
    W <- params[[paste0("W", l)]]
    grads[[paste0("dW", l)]] <- dZ %*% t(caches[[l]]$A_prev) / m + lambd / m * W
    grads[[paste0("db", l)]] <- matrix(rowMeans(dZ), ncol = 1)
    if (l > 1) {
      below <- caches[[l - 1]]
      dA <- t(W) %*% dZ
      if (!is.null(below$D)) dA <- dA * below$D / keep_prob
      dZ <- G_PRIME[[activations[l - 1]]](dA, below$Z, below$A)
    }
  }
  grads
}

update_parameters <- function(params, grads, learning_rate) {
  for (k in names(params)) params[[k]] <- params[[k]] - learning_rate * grads[[paste0("d", k)]]
  params
}

update_parameters_gd <- function(params, grads, state, learning_rate, settings, t) {
  list(params = update_parameters(params, grads, learning_rate), state = state)
}

update_parameters_momentum <- function(params, grads, state, learning_rate, settings, t) {
  for (k in names(params)) {
    state$v[[k]] <- settings$beta * state$v[[k]] + (1 - settings$beta) * grads[[paste0("d", k)]]
    params[[k]] <- params[[k]] - learning_rate * state$v[[k]]
  }
  list(params = params, state = state)
}

update_parameters_rmsprop <- function(params, grads, state, learning_rate, settings, t) {
  for (k in names(params)) {
    g <- grads[[paste0("d", k)]]
    state$s[[k]] <- settings$beta * state$s[[k]] + (1 - settings$beta) * g^2
    params[[k]] <- params[[k]] - learning_rate * g / (sqrt(state$s[[k]]) + settings$epsilon)
  }
  list(params = params, state = state)
}

update_parameters_adam <- function(params, grads, state, learning_rate, settings, t) {
  for (k in names(params)) {
    g <- grads[[paste0("d", k)]]
    state$v[[k]] <- settings$beta1 * state$v[[k]] + (1 - settings$beta1) * g
    state$s[[k]] <- settings$beta2 * state$s[[k]] + (1 - settings$beta2) * g^2
    v_hat <- state$v[[k]] / (1 - settings$beta1^t)
    s_hat <- state$s[[k]] / (1 - settings$beta2^t)
    params[[k]] <- params[[k]] - learning_rate * v_hat / (sqrt(s_hat) + settings$epsilon)
  }
  list(params = params, state = state)
}

schedule_exponential <- function(learning_rate, e, rate, every) learning_rate * rate^(e / every)
schedule_inverse_time <- function(learning_rate, e, rate, every) {
  learning_rate / (1 + rate * floor(e / every))
}
