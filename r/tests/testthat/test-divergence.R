# Divergence names its causes: the learning rate, and lambda when one update's weight decay
# lr * lambda / b is 1 or more (b: the examples of one update), in the words of Python and
# Octave.

test_that("lambda is named when lr * lambda / b >= 1", {
  p <- list(W1 = matrix(c(1, -1), 1), b1 = matrix(0))
  X <- matrix(1, 2, 4)  # four examples of two features
  Y <- matrix(c(1, 0, 1, 0), 1)
  lr_only <- function(lr) {
    sprintf("dlfp: train: diverged at epoch 1 (cost nan): try a smaller learning_rate (now %s)",
            lr)
  }
  both <- function(lr, lambd) sprintf("%s or lambda (now %s)", lr_only(lr), lambd)
  cases <- list(
    list(0.5, 8, 0, both("0.5", "8")),         # full batch: 0.5 * 8 / 4 = 1
    list(0.5, 7.9, 0, lr_only("0.5")),         # 0.5 * 7.9 / 4 < 1
    list(0.5, 4, 2, both("0.5", "4")),         # batches of 2: 0.5 * 4 / 2 = 1
    list(0.5, 4, 0, lr_only("0.5")),           # all 4 at once: 0.5
    list(0.5, 4, 9, lr_only("0.5")),           # a batch_size past m is all of them
    list(0.5, 0, 1, lr_only("0.5")),           # no L2 at all
    list(1e-3, 1e6, 0, both("0.001", "1e+06")))
  for (case in cases) {
    expect_identical(dlfp_error_message(check_divergence(1, NaN, p, X, Y, "sigmoid", case[[2]],
                                                         case[[1]], case[[3]])), case[[4]])
  }
})

test_that("a huge lambda diverges by itself, and the message names it", {
  # one sigmoid unit, x = y = 1, w = 1, b = 0, lr = 1, lambda = 1e308. Epoch 0 costs
  # -log(sigmoid(1)) + lambda / 2 (finite); its step is dW = (sigmoid(1) - 1) + lambda w, so
  # w = 1 - dW = -1e308 (finite); epoch 1 then costs lambda / 2 * w^2 = inf.
  s <- list(optimizer = "gd", learning_rate = 1, epochs = 3, record_every = 1,
            snapshot_every = 0, batch_size = 0, lambda = 1e308, keep_prob = 1, beta = 0.9,
            beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, lr_decay = list(kind = "none"))
  p <- list(W1 = matrix(1), b1 = matrix(0))
  expect_identical(dlfp_error_message(train(matrix(1), matrix(1), p, "sigmoid", s, 1)),
                   paste("dlfp: train: diverged at epoch 1 (cost inf): try a smaller",
                         "learning_rate (now 1) or lambda (now 1e+308)"))
})
