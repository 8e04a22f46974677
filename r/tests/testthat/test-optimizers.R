# Optimizers and learning-rate schedules, against values worked out by hand.

hp <- list(beta = 0.9, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8)
one <- function(v) list(W1 = matrix(v, 1, 1))
zero_state <- function() list(v = one(0), s = one(0))

test_that("initialize_optimizer: v and s are zeros shaped like each parameter", {
  params <- list(W1 = matrix(1:6 / 7, 2, 3), b1 = matrix(-1, 2, 1))
  st <- initialize_optimizer(params)
  expect_identical(names(st), c("v", "s"))
  expect_identical(st$v, list(W1 = matrix(0, 2, 3), b1 = matrix(0, 2, 1)))
  expect_identical(st$s, st$v)
})

test_that("gd: p = 1 - 0.1 * 2 = 0.8, the state passes through", {
  st <- zero_state()
  out <- update_parameters_gd(one(1), list(dW1 = matrix(2)), st, 0.1, hp, 1)
  expect_equal(out$params$W1[1, 1], 0.8, tolerance = 1e-15)
  expect_identical(out$state, st)
})

test_that("momentum: v = 0.9 * 0 + 0.1 * 2 = 0.2, p = 1 - 0.1 * 0.2 = 0.98", {
  out <- update_parameters_momentum(one(1), list(dW1 = matrix(2)), zero_state(), 0.1, hp, 1)
  expect_equal(out$state$v$W1[1, 1], 0.2, tolerance = 1e-15)
  expect_equal(out$params$W1[1, 1], 0.98, tolerance = 1e-15)
  expect_identical(out$state$s, one(0))
  # a second step with g = -1: v = 0.9 * 0.2 - 0.1 = 0.08, p = 0.98 - 0.1 * 0.08 = 0.972
  two <- update_parameters_momentum(out$params, list(dW1 = matrix(-1)), out$state, 0.1, hp, 2)
  expect_equal(two$state$v$W1[1, 1], 0.08, tolerance = 1e-15)
  expect_equal(two$params$W1[1, 1], 0.972, tolerance = 1e-15)
})

test_that("rmsprop: s = 0.1 * 2^2 = 0.4, p = 1 - 0.1 * 2 / (sqrt(0.4) + 1e-8)", {
  out <- update_parameters_rmsprop(one(1), list(dW1 = matrix(2)), zero_state(), 0.1, hp, 1)
  expect_equal(out$state$s$W1[1, 1], 0.4, tolerance = 1e-15)
  # sqrt(0.4) = 0.6324555320336759, so p = 1 - 0.2 / 0.63245554 = 0.6837722...
  expect_equal(out$params$W1[1, 1], 1 - 0.2 / (0.6324555320336759 + 1e-8), tolerance = 1e-15)
  expect_equal(out$params$W1[1, 1], 0.68377224, tolerance = 1e-8)
  expect_identical(out$state$v, one(0))
})

test_that("adam's first step moves p by about lr, whatever |g| is", {
  # bias-corrected, step 1 is lr * g / (|g| + eps): 0.01 towards -g for g = 2 and g = -0.003
  for (g in c(2, -0.003)) {
    out <- update_parameters_adam(one(1), list(dW1 = matrix(g)), zero_state(), 0.01, hp, 1)
    expect_equal(out$params$W1[1, 1], 1 - 0.01 * sign(g), tolerance = 1e-7)
    expect_equal(out$state$v$W1[1, 1], 0.1 * g, tolerance = 1e-15)
    expect_equal(out$state$s$W1[1, 1], 0.001 * g * g, tolerance = 1e-15)
  }
})

test_that("adam's second step, by hand", {
  st <- list(v = one(0.2), s = one(0.004))
  out <- update_parameters_adam(one(1), list(dW1 = matrix(1)), st, 0.01, hp, 2)
  v <- 0.9 * 0.2 + 0.1 * 1  # 0.28
  s <- 0.999 * 0.004 + 0.001 * 1  # 0.004996
  # 1 - 0.01 * (0.28 / 0.19) / (sqrt(0.004996 / 0.001999) + 1e-8) = 0.9906782...
  want <- 1 - 0.01 * (v / (1 - 0.81)) / (sqrt(s / (1 - 0.999^2)) + 1e-8)
  expect_equal(out$params$W1[1, 1], want, tolerance = 1e-14)
  expect_equal(out$params$W1[1, 1], 0.9906782, tolerance = 1e-7)
})

test_that("every optimizer updates each parameter of a list and leaves its inputs alone", {
  params <- list(W1 = matrix(c(1, 2, 3, 4), 2), b1 = matrix(c(-1, 1), 2, 1))
  grads <- list(dW1 = matrix(0.5, 2, 2), db1 = matrix(c(2, -2), 2, 1))
  state <- initialize_optimizer(params)
  expect_setequal(names(OPTIMIZERS), c("adam", "gd", "momentum", "rmsprop"))
  for (name in names(OPTIMIZERS)) {
    out <- OPTIMIZERS[[name]](params, grads, state, 0.1, hp, 1)
    expect_identical(names(out$params), c("W1", "b1"), label = name)
    expect_identical(dim(out$params$b1), c(2L, 1L), label = name)
    expect_true(all(out$params$W1 < params$W1), label = name)  # every g > 0 moves p down
    expect_identical(sign(out$params$b1 - params$b1), matrix(c(-1, 1), 2, 1), label = name)
  }
  expect_identical(params$W1, matrix(c(1, 2, 3, 4), 2))
  expect_identical(state, initialize_optimizer(params))
})

test_that("learning-rate schedules: none, exponential, inverse time", {
  s <- list(learning_rate = 0.1, lr_decay = list(kind = "exponential", rate = 0.5, every = 10))
  expect_identical(learning_rate_at(s, 0), 0.1)
  expect_equal(learning_rate_at(s, 10), 0.05, tolerance = 1e-15)
  expect_equal(learning_rate_at(s, 5), 0.1 * sqrt(0.5), tolerance = 1e-15)
  s$lr_decay <- list(kind = "inverse_time", rate = 1, every = 10)
  # 0.1 / (1 + floor(e / 10)): 0.1, 0.1, 0.05, 0.1 / 3
  expect_equal(vapply(c(0, 9, 10, 25), function(e) learning_rate_at(s, e), 0),
               c(0.1, 0.1, 0.05, 0.1 / 3), tolerance = 1e-15)
  s$lr_decay <- list(kind = "none")
  expect_identical(learning_rate_at(s, 99), 0.1)
  expect_identical(schedule_none(0.3, 7, 0.5, 2), 0.3)
  expect_equal(schedule_exponential(0.4, 4, 0.5, 2), 0.1, tolerance = 1e-15)
  expect_equal(schedule_inverse_time(0.4, 5, 0.5, 2), 0.2, tolerance = 1e-15)
  expect_setequal(names(SCHEDULES), c("none", "exponential", "inverse_time"))
})

test_that("train with momentum, full batch: v and p by hand over two epochs", {
  d <- generate_xor(rng_create(6), 8)
  Y <- labels_to_targets(d$labels, "sigmoid", 1)
  acts <- c("tanh", "sigmoid")
  params <- initialize_parameters(c(2, 3, 1), "he", rng_create(6))$params
  fit <- train(d$X, Y, params, acts,
               train_settings(optimizer = "momentum", beta = 0.5, learning_rate = 0.2,
                              epochs = 2), 1)
  p <- params
  v <- lapply(p, function(x) x * 0)
  for (e in 1:2) {
    g <- forward_backward(d$X, Y, p, acts)[paste0("d", names(p))]
    v <- Map(function(v, g) 0.5 * v + 0.5 * g, v, g)
    p <- Map(function(p, v) p - 0.2 * v, p, v)
  }
  expect_equal(fit$params, p, tolerance = 1e-15)
})

test_that("Adam with decay inside train: the step size of epoch e is learning_rate_at(e)", {
  d <- generate_xor(rng_create(6), 8)
  Y <- labels_to_targets(d$labels, "sigmoid", 1)
  acts <- c("tanh", "sigmoid")
  params <- initialize_parameters(c(2, 3, 1), "he", rng_create(6))$params
  settings <- train_settings(optimizer = "adam", learning_rate = 0.05, epochs = 3,
                             lr_decay = list(kind = "inverse_time", rate = 1, every = 1))
  fit <- train(d$X, Y, params, acts, settings, 1)
  p <- params
  st <- initialize_optimizer(p)
  for (t in 1:3) {  # lr 0.05, 0.025, 0.05 / 3
    g <- forward_backward(d$X, Y, p, acts)[paste0("d", names(p))]
    v <- Map(function(v, g) 0.9 * v + 0.1 * g, st$v, g)
    s <- Map(function(s, g) 0.999 * s + 0.001 * g * g, st$s, g)
    lr <- 0.05 / t
    p <- Map(function(p, v, s) p - lr * (v / (1 - 0.9^t)) / (sqrt(s / (1 - 0.999^t)) + 1e-8),
             p, v, s)
    st <- list(v = v, s = s)
  }
  expect_equal(fit$params, p, tolerance = 1e-13)
})
