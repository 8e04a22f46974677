# Forward and backward propagation, the step and the training loop, on hand-worked cases and by
# finite differences.

test_that("one hidden layer of 2 sigmoid units, unit weights, x = [0; 1]: 0.731 and 0.812", {
  params <- list(W1 = matrix(1, 2, 2), b1 = matrix(0, 2, 1), W2 = matrix(1, 1, 2),
                 b2 = matrix(0, 1, 1))
  fwd <- forward_propagation(matrix(c(0, 1), 2), params, c("sigmoid", "sigmoid"))
  # hidden: sigmoid(0 + 1) = 0.7310585786300049 each; output: sigmoid(2 * 0.7310585786300049)
  expect_equal(fwd$caches[[1]]$A, matrix(0.7310585786300049, 2, 1), tolerance = 1e-15)
  expect_equal(fwd$AL, matrix(0.8118562749129378, 1, 1), tolerance = 1e-9)
  expect_identical(fwd$caches[[1]]$A_prev, matrix(c(0, 1), 2))
  expect_identical(fwd$caches[[2]]$A_prev, fwd$caches[[1]]$A)
})

test_that("linear_forward adds b_l to every column", {
  Z <- linear_forward(matrix(1:6, 2), diag(2), matrix(c(10, 100), 2, 1))
  expect_identical(Z, matrix(c(11, 102, 13, 104, 15, 106), 2))
  Z1 <- linear_forward(matrix(c(1, 2), 2, 1), matrix(c(1, 1), 1, 2), matrix(5, 1, 1))
  expect_identical(Z1, matrix(8, 1, 1))
})

test_that("initialize_parameters: shapes, zero biases, scales and the stream order", {
  init <- initialize_parameters(c(3, 4, 2), "scaled", rng_create(5))
  p <- init$params
  expect_identical(names(p), c("W1", "b1", "W2", "b2"))
  expect_identical(dim(p$W1), c(4L, 3L))
  expect_identical(dim(p$W2), c(2L, 4L))
  expect_identical(p$b1, matrix(0, 4, 1))
  z <- rng_normal(rng_create(5), 12 + 8)$z  # W1 column by column, then W2
  expect_identical(p$W1, matrix(z[1:12], 4, 3) * 0.01)
  expect_identical(p$W2, matrix(z[13:20], 2, 4) * 0.01)
  expect_identical(init$rng, rng_normal(rng_create(5), 20)$rng)
  he <- initialize_parameters(c(3, 4, 2), "he", rng_create(5))$params
  expect_equal(he$W1, matrix(z[1:12], 4, 3) * sqrt(2 / 3), tolerance = 1e-15)
  xa <- initialize_parameters(c(3, 4, 2), "xavier", rng_create(5))$params
  expect_equal(xa$W2, matrix(z[13:20], 2, 4) * sqrt(1 / 4), tolerance = 1e-15)
})

# J(params) for the finite-difference checks below
cost_of <- function(X, Y, params, acts) {
  fwd <- forward_propagation(X, params, acts)
  compute_cost(fwd$caches[[length(acts)]]$Z, Y, acts[length(acts)])
}

# centered differences of J over every parameter entry, as one flat vector in grads order
numeric_gradient <- function(X, Y, params, acts, h = 1e-6) {
  flat <- unlist(params)
  shapes <- lapply(params, dim)
  rebuild <- function(v) {
    ends <- cumsum(vapply(params, length, 0L))
    parts <- Map(function(s, e, d) matrix(v[s:e], d[1], d[2]), c(1, head(ends, -1) + 1), ends,
                 shapes)
    stats::setNames(parts, names(params))
  }
  vapply(seq_along(flat), function(i) {  # a test's reference, one entry at a time
    e <- replace(numeric(length(flat)), i, h)
    (cost_of(X, Y, rebuild(flat + e), acts) - cost_of(X, Y, rebuild(flat - e), acts)) / (2 * h)
  }, 0)
}

# centered differences of cost(params) over every entry, flat in grads order (W1, b1, ...)
centered_differences <- function(cost, params, h = 1e-6) {
  unlist(lapply(names(params), function(key) {
    vapply(seq_along(params[[key]]), function(i) {  # a test's reference, one entry at a time
      plus <- params
      minus <- params
      plus[[key]][i] <- plus[[key]][i] + h
      minus[[key]][i] <- minus[[key]][i] - h
      (cost(plus) - cost(minus)) / (2 * h)
    }, 0)
  }))
}

test_that("backward_propagation matches centered finite differences (sigmoid output)", {
  X <- matrix(c(0.5, -1.2, 0.3, 0.8, -0.7, 0.1, 1.5, -0.4), 2)  # 2 features x 4 examples
  Y <- matrix(c(1, 0, 0, 1), 1)
  params <- initialize_parameters(c(2, 3, 2, 1), "xavier", rng_create(11))$params
  params$b1 <- matrix(c(0.1, -0.2, 0.3), 3, 1)
  acts <- c("tanh", "sigmoid", "sigmoid")
  fwd <- forward_propagation(X, params, acts)
  grads <- backward_propagation(fwd$AL, Y, fwd$caches, params, acts)
  expect_identical(names(grads), c("dW1", "db1", "dW2", "db2", "dW3", "db3"))
  g <- unlist(grads)
  expect_lt(max(abs(g - numeric_gradient(X, Y, params, acts))) / max(abs(g)), 1e-6)
})

test_that("backward_propagation matches centered finite differences (relu, tanh, softmax)", {
  X <- matrix(c(0.5, -1.2, 0.3, 0.8, -0.7, 0.1, 1.5, -0.4, 0.9, 0.2), 2)  # 2 x 5
  Y <- labels_to_targets(c(0, 2, 1, 2, 0), "softmax", 3)
  params <- initialize_parameters(c(2, 4, 3, 3), "he", rng_create(3))$params
  params$b1 <- matrix(c(0.05, 0.1, -0.1, 0.2), 4, 1)  # keeps every relu input away from 0
  acts <- c("relu", "tanh", "softmax")
  fwd <- forward_propagation(X, params, acts)
  expect_gt(min(abs(fwd$caches[[1]]$Z)), 1e-3)
  grads <- backward_propagation(fwd$AL, Y, fwd$caches, params, acts)
  g <- unlist(grads)
  expect_lt(max(abs(g - numeric_gradient(X, Y, params, acts))) / max(abs(g)), 1e-6)
})

test_that("update_parameters: W - lr dW, b - lr db, a new list", {
  params <- list(W1 = matrix(c(1, 2), 1), b1 = matrix(3, 1, 1))
  grads <- list(dW1 = matrix(c(10, -20), 1), db1 = matrix(1, 1, 1))
  new <- update_parameters(params, grads, 0.1)
  expect_equal(new, list(W1 = matrix(c(0, 4), 1), b1 = matrix(2.9, 1, 1)), tolerance = 1e-15)
  expect_identical(params$W1, matrix(c(1, 2), 1))
})

test_that("predict_labels, accuracy and labels_to_targets use labels 0..K-1", {
  params <- list(W1 = diag(3), b1 = matrix(0, 3, 1))
  X <- matrix(c(5, 1, 0, 0, 0, 9, 0, 4, 4), 3)  # argmax rows 1, 3 and a tie of 2 and 3
  expect_identical(predict_labels(X, params, "softmax"), c(0, 2, 1))  # a tie goes to the first
  p1 <- list(W1 = matrix(1, 1, 1), b1 = matrix(0, 1, 1))
  expect_identical(predict_labels(matrix(c(-1, 0, 2), 1), p1, "sigmoid"), c(0, 0, 1))
  expect_identical(accuracy(c(0, 2, 1, 1), c(0, 2, 2, 1)), 0.75)
  expect_identical(labels_to_targets(c(1, 0, 1), "sigmoid", 1), matrix(c(1, 0, 1), 1))
  expect_identical(labels_to_targets(c(2, 0, 1), "softmax", 3),
                   matrix(c(0, 0, 1, 1, 0, 0, 0, 1, 0), 3))
})

test_that("forward_backward returns Z1, A1, ..., cost, dW1, db1, ... flat", {
  params <- initialize_parameters(c(2, 3, 1), "he", rng_create(1))$params
  X <- matrix(c(1, 2, -1, 0.5), 2)
  Y <- matrix(c(1, 0), 1)
  out <- forward_backward(X, Y, params, c("relu", "sigmoid"))
  expect_identical(names(out), c("Z1", "A1", "Z2", "A2", "cost", "dW1", "db1", "dW2", "db2"))
  expect_identical(out$A1, pmax(out$Z1, 0))
  expect_identical(out$A2, 1 / (1 + exp(-out$Z2)))
})

test_that("train records epoch 0, every record_every and the last, and lowers the cost", {
  d <- generate_xor(rng_create(4), 60)
  Y <- labels_to_targets(d$labels, "sigmoid", 1)
  params <- initialize_parameters(c(2, 6, 1), "xavier", rng_create(4))$params
  settings <- train_settings(layers = c(2, 6, 1), learning_rate = 1, epochs = 25,
                             record_every = 10)
  fit <- train(d$X, Y, params, c("tanh", "sigmoid"), settings, rng_create(8))
  expect_identical(fit$loss_curve[, 1], c(0, 10, 20, 24))
  expect_lt(fit$loss_curve[4, 2], fit$loss_curve[1, 2])
  first <- forward_propagation(d$X, params, c("tanh", "sigmoid"))
  expect_identical(fit$loss_curve[1, 2], binary_cross_entropy(first$caches[[2]]$Z, Y))
  expect_identical(names(fit$params), names(params))
  expect_identical(fit$rng, rng_create(8))  # full batch, no dropout: no draw at all
  settings$epochs <- 3
  settings$record_every <- 2
  expect_output(train(d$X, Y, params, c("tanh", "sigmoid"), settings, 1, verbose = TRUE),
                "^epoch 0: cost [0-9.]+\nepoch 2: cost [0-9.]+$")
  settings$epochs <- 0
  expect_identical(dim(train(d$X, Y, params, c("tanh", "sigmoid"), settings, 1)$loss_curve),
                   c(0L, 2L))
})

test_that("plain gradient descent, full batch: p - lr g at every epoch, by hand", {
  d <- generate_xor(rng_create(5), 12)
  Y <- labels_to_targets(d$labels, "sigmoid", 1)
  acts <- c("tanh", "sigmoid")
  params <- initialize_parameters(c(2, 3, 1), "he", rng_create(5))$params
  fit <- train(d$X, Y, params, acts, train_settings(learning_rate = 0.5, epochs = 2), 1)
  p <- params
  for (e in 1:2) {
    fwd <- forward_propagation(d$X, p, acts)
    g <- backward_propagation(fwd$AL, Y, fwd$caches, p, acts)
    p <- Map(function(v, dv) v - 0.5 * dv, p, g[paste0("d", names(p))])
  }
  expect_identical(fit$params, p)
})

test_that("a mini-batch epoch: shuffled batches of batch_size, the cost their weighted mean", {
  # 10 examples in batches of 4: sizes 4, 4, 2 taken from one rng_permutation, in order
  d <- generate_xor(rng_create(2), 10)
  Y <- labels_to_targets(d$labels, "sigmoid", 1)
  acts <- c("tanh", "sigmoid")
  init <- initialize_parameters(c(2, 3, 1), "he", rng_create(2))
  settings <- train_settings(learning_rate = 1e-4, epochs = 1, batch_size = 4)
  fit <- train(d$X, Y, init$params, acts, settings, init$rng)
  shuffle <- rng_permutation(init$rng, 10)
  params <- init$params
  total <- 0
  for (idx in list(shuffle$perm[1:4], shuffle$perm[5:8], shuffle$perm[9:10])) {
    fb <- forward_backward(d$X[, idx, drop = FALSE], Y[, idx, drop = FALSE], params, acts)
    total <- total + fb$cost * length(idx)
    params <- update_parameters(params, fb[grep("^d", names(fb))], 1e-4)
  }
  expect_equal(fit$loss_curve[1, 2], total / 10, tolerance = 1e-14)
  expect_identical(fit$params$W1, params$W1)
  expect_identical(fit$rng, shuffle$rng)  # one shuffle, no dropout
})

test_that("train draws per epoch the permutation, then each batch's dropout masks", {
  d <- generate_xor(rng_create(2), 10)
  Y <- labels_to_targets(d$labels, "sigmoid", 1)
  init <- initialize_parameters(c(2, 3, 1), "he", rng_create(2))
  settings <- train_settings(epochs = 2, batch_size = 4, keep_prob = 0.5)
  fit <- train(d$X, Y, init$params, c("tanh", "sigmoid"), settings, init$rng)
  # per epoch: 10 uniforms for the shuffle, then 3 x 4, 3 x 4 and 3 x 2 for the hidden masks
  expect_identical(fit$rng, rng_uniform(init$rng, 2 * (10 + 30))$rng)
})

test_that("L2: the penalty lambda / (2 m) sum W^2 in the cost, (lambda / m) W in dW, by hand", {
  params <- list(W1 = matrix(c(1, 2), 1), b1 = matrix(3, 1, 1))
  expect_equal(l2_penalty(params, 0.5, 4), 0.5 / 8 * 5, tolerance = 1e-15)  # 1 + 4, not b1
  expect_identical(l2_penalty(params, 0, 4), 0)
  X <- diag(2)
  Y <- matrix(c(1, 0), 1)
  plain <- forward_backward(X, Y, params, "sigmoid")
  reg <- forward_backward(X, Y, params, "sigmoid", 0.5)
  expect_equal(reg$cost - plain$cost, 0.5 / 4 * 5, tolerance = 1e-14)  # m = 2
  expect_equal(reg$dW1 - plain$dW1, 0.5 / 2 * params$W1, tolerance = 1e-14)
  expect_identical(reg$db1, plain$db1)
})

test_that("L2 gradients match centered finite differences", {
  X <- matrix(c(0.5, -1.2, 0.3, 0.8, -0.7, 0.1, 1.5, -0.4), 2)
  Y <- matrix(c(1, 0, 0, 1), 1)
  params <- initialize_parameters(c(2, 3, 1), "xavier", rng_create(11))$params
  acts <- c("tanh", "sigmoid")
  cost <- function(p) forward_backward(X, Y, p, acts, 0.7)$cost
  g <- unlist(forward_backward(X, Y, params, acts, 0.7)[c("dW1", "db1", "dW2", "db2")])
  num <- centered_differences(cost, params)
  expect_lt(max(abs(g - num)) / max(abs(g)), 1e-7)
})

test_that("dropout: masks on hidden layers only, drawn from the stream column by column", {
  params <- initialize_parameters(c(3, 4, 5, 2), "he", rng_create(1))$params
  X <- matrix(1, 3, 6)
  acts <- c("relu", "tanh", "softmax")
  fwd <- forward_propagation_dropout(X, params, acts, 0.5, rng_create(9))
  u <- rng_uniform(rng_create(9), 4 * 6 + 5 * 6)
  expect_identical(fwd$caches[[1]]$D, matrix(as.numeric(u$u[1:24] < 0.5), 4, 6))
  expect_identical(fwd$caches[[2]]$D, matrix(as.numeric(u$u[25:54] < 0.5), 5, 6))
  expect_null(fwd$caches[[3]]$D)
  expect_identical(fwd$rng, u$rng)
  # inverted dropout: the next layer sees A .* D / keep_prob; A itself stays g(Z)
  expect_identical(fwd$caches[[2]]$A_prev, fwd$caches[[1]]$A * fwd$caches[[1]]$D / 0.5)
  expect_identical(fwd$caches[[1]]$A, pmax(fwd$caches[[1]]$Z, 0))
  # keep_prob 1: no mask and the stream untouched, the same as forward_propagation
  plain <- forward_propagation_dropout(X, params, acts, 1, rng_create(9))
  expect_identical(plain$rng, rng_create(9))
  expect_identical(plain$AL, forward_propagation(X, params, acts)$AL)
  expect_null(plain$caches[[1]]$D)
  fb <- forward_backward(X, labels_to_targets(c(0, 1, 1, 0, 1, 0), "softmax", 2), params, acts,
                         0, 0.5, rng_create(9))
  expect_identical(names(fb)[1:9], c("Z1", "A1", "D1", "Z2", "A2", "D2", "Z3", "A3", "cost"))
  expect_identical(fb$D2, fwd$caches[[2]]$D)
  expect_error(forward_propagation_dropout(X, params, acts, 0.5, NULL),
               "keep_prob < 1 needs a generator state rng")
})

test_that("dropout gradients match finite differences with the masks held fixed (re-seeded)", {
  params <- initialize_parameters(c(3, 4, 1), "xavier", rng_create(2))$params
  X <- matrix(seq(-1, 1, length.out = 15), 3, 5)
  Y <- matrix(c(1, 0, 1, 0, 1), 1)
  acts <- c("tanh", "sigmoid")
  cost <- function(p) {  # the same masks each time: the same rng state
    fwd <- forward_propagation_dropout(X, p, acts, 0.7, rng_create(4))
    compute_cost(fwd$caches[[2]]$Z, Y, "sigmoid")
  }
  fwd <- forward_propagation_dropout(X, params, acts, 0.7, rng_create(4))
  expect_true(any(fwd$caches[[1]]$D == 0))  # some units really are dropped
  g <- unlist(backward_propagation(fwd$AL, Y, fwd$caches, params, acts, 0, 0.7))
  num <- centered_differences(cost, params)
  expect_lt(sqrt(sum((g - num)^2)) / (sqrt(sum(g^2)) + sqrt(sum(num^2))), 1e-8)
})
