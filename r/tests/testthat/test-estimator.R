# The estimator: dlfp_fit and its predict, print and summary methods; the same network as the
# scenario functions train by hand, and a package that masks nothing of base or stats.

spiral <- function() {
  skip_without_repo(file.path(dlfp_fixtures, "scenarios", "spiral_softmax.json"))
  prepare_scenario(file.path(dlfp_fixtures, "scenarios", "spiral_softmax.json"))
}

test_that("dlfp_fit trains the network initialize_parameters and train make by hand", {
  p <- spiral()
  y <- c(10, 20, 30)[p$labels + 1]  # three classes given as labels 10, 20, 30
  model <- dlfp_fit(t(p$X), y, hidden = 50, learning_rate = 0.05, epochs = 100)
  expect_s3_class(model, "dlfp_model")
  expect_identical(model$classes, c(10, 20, 30))
  expect_identical(model$activations, c("relu", "softmax"))
  # by hand: layers 2 -> 50 -> 3, he weights from seed 1, Adam, every epoch recorded
  settings <- read_scenario(write_scenario(list(
    name = "by hand", data = list(generator = "spiral", n_per_class = 100),
    layers = c(2, 50, 3), activations = c("relu", "softmax"), init = "he", optimizer = "adam",
    learning_rate = 0.05, epochs = 100, record_every = 1, seed = 1)))
  init <- initialize_parameters(c(2, 50, 3), "he", rng_create(1))
  Y <- (matrix(0:2, 3, ncol(p$X)) == matrix(p$labels, 3, ncol(p$X), byrow = TRUE)) + 0
  fit <- train(p$X, Y, init$params, c("relu", "softmax"), settings, init$rng)
  expect_identical(model$params, fit$params)
  expect_identical(model$loss_curve, fit$loss_curve[, 2])
  expect_length(model$loss_curve, 100)
  # predictions map back to the labels, the class of highest probability
  AL <- forward_propagation(p$X, fit$params, c("relu", "softmax"))$AL  # (3, 300)
  expect_identical(predict(model, t(p$X)), c(10, 20, 30)[max.col(t(AL), "first")])
  prob <- predict(model, t(p$X), type = "prob")
  expect_identical(dim(prob), c(300L, 3L))
  expect_identical(colnames(prob), c("10", "20", "30"))
  expect_identical(unname(prob), t(AL))
  expect_gt(mean(predict(model, t(p$X)) == y), 0.9)
})

test_that("two classes: a sigmoid output, [1 - p, p], labels of any type sorted by code point", {
  p <- spiral()
  keep <- p$labels < 2
  x <- t(p$X[, keep])
  y <- c("a", "B")[p$labels[keep] + 1]  # "B" (0x42) sorts before "a" (0x61), in every locale
  model <- dlfp_fit(x, y, hidden = c(4, 3), activation = "tanh", init = "xavier", epochs = 30,
                    seed = 4)
  expect_identical(model$classes, c("B", "a"))
  expect_identical(model$activations, c("tanh", "tanh", "sigmoid"))
  expect_identical(dim(model$params$W3), c(1L, 3L))
  labels <- as.numeric(y == "a")  # class index of "a": 1
  init <- initialize_parameters(c(2, 4, 3, 1), "xavier", rng_create(4))
  fit <- train(t(x), matrix(labels, 1), init$params, model$activations, model$settings, init$rng)
  expect_identical(model$params, fit$params)
  a <- forward_propagation(t(x), fit$params, model$activations)$AL[1, ]
  prob <- predict(model, x, type = "prob")
  expect_identical(unname(prob), unname(cbind(1 - a, a)))
  expect_identical(colnames(prob), c("B", "a"))
  expect_identical(predict(model, x), c("B", "a")[predict_labels(t(x), fit$params,
                                                                model$activations) + 1])
  # a factor: the same network, and predictions a factor with y's own levels
  f <- factor(y, levels = c("a", "B"))
  fmodel <- dlfp_fit(as.data.frame(x), f, hidden = c(4, 3), activation = "tanh",
                     init = "xavier", epochs = 30, seed = 4)
  expect_identical(fmodel$params, model$params)
  expect_identical(predict(fmodel, as.data.frame(x)),
                   factor(predict(model, x), levels = c("a", "B")))
})

test_that("bad settings and bad data get named", {
  x <- matrix(c(0, 1, 0, 1, 0, 0, 1, 1), 4)  # 4 examples, 2 features
  y <- c(0, 1, 1, 0)
  expect_identical(dlfp_error_message(dlfp_fit(x, y, learning_rate = 0)), paste(
    "dlfp: dlfp_fit: The 'learning_rate' parameter of dlfp_fit must be a positive number.",
    "Got 0 instead."))
  expect_identical(dlfp_error_message(dlfp_fit(x, y, activation = "soft")), paste(
    "dlfp: dlfp_fit: The 'activation' parameter of dlfp_fit must be one of 'relu', 'sigmoid',",
    "'tanh'. Got 'soft' instead."))
  expect_identical(dlfp_error_message(dlfp_fit(x, y, hidden = 0)), paste(
    "dlfp: dlfp_fit: The 'hidden' parameter of dlfp_fit must be a list of integers from 1 to",
    "100000. Got 0 instead."))
  expect_identical(dlfp_error_message(dlfp_fit(x, c(1, 1, 1, 1))),
                   "dlfp: dlfp_fit: needs samples of at least 2 classes; got 1 class")
  expect_identical(dlfp_error_message(dlfp_fit(x, y[-1])),
                   "dlfp: dlfp_fit: y has 3 labels but x has 4 rows")
  expect_identical(dlfp_error_message(dlfp_fit(x, c(0, 1, NA, 0))),
                   "dlfp: dlfp_fit: y holds NaN or Inf")
  x_nan <- x
  x_nan[2, 2] <- NaN
  expect_identical(dlfp_error_message(dlfp_fit(x_nan, y)), "dlfp: dlfp_fit: x holds NaN or Inf")
  expect_identical(dlfp_error_message(dlfp_fit(x[, 1], y)),
                   paste("dlfp: dlfp_fit: x must be a numeric matrix or data frame",
                         "(n_samples x n_features)"))
  expect_identical(dlfp_error_message(dlfp_fit(data.frame(a = 1:4, b = letters[1:4]), y)),
                   "dlfp: dlfp_fit: x must be numeric, but its column 'b' is not")
  model <- dlfp_fit(x, y, epochs = 2)
  expect_identical(dlfp_error_message(predict(model, x[, 1, drop = FALSE])),
                   "dlfp: predict: newdata has 1 columns but the model was fitted on 2 features")
  expect_identical(dlfp_error_message(predict(model, x, type = "response")),
                   "dlfp: predict: unknown type 'response' (known: class, prob)")
  expect_identical(dlfp_error_message(predict(model, x, type = "a\nb")),
                   "dlfp: predict: unknown type 'a\\nb' (known: class, prob)")
  expect_identical(dlfp_error_message(predict(model, x, type = 3)),
                   "dlfp: predict: unknown type 3 (known: class, prob)")
  expect_identical(dlfp_error_message(dlfp_fit(data.frame(a = 1:4, "b\rc" = letters[1:4],
                                                          check.names = FALSE), y)),
                   "dlfp: dlfp_fit: x must be numeric, but its column 'b\\rc' is not")
  expect_identical(dlfp_error_message(predict(model)),
                   "dlfp: predict: newdata is required (the rows to label)")
})

test_that("every setting is checked by its scenario rule, in Python's words and order", {
  x <- matrix(c(0, 1, 0, 1, 0, 0, 1, 1), 4)
  y <- c(0, 1, 1, 0)
  msg <- function(name, words, got) {
    sprintf("dlfp: dlfp_fit: The '%s' parameter of dlfp_fit must be %s. Got %s instead.",
            name, words, got)
  }
  sizes <- "a list of integers from 1 to 100000"
  cases <- list(
    list("hidden", 2.7, sizes, "2.7"), list("hidden", TRUE, sizes, "True"),
    list("hidden", NULL, sizes, "None"), list("hidden", c(4, 0), sizes, "[4, 0]"),
    list("hidden", c(4, NA), sizes, "[4, nan]"), list("hidden", 100001, sizes, "100001"),
    list("hidden", "5", sizes, "'5'"), list("hidden", list(4, 3), sizes, "list"),
    list("hidden", matrix(1:4, 2), sizes, "[1, 2, 3, 4]"),
    list("activation", "softmax", "one of 'relu', 'sigmoid', 'tanh'", "'softmax'"),
    list("activation", NULL, "one of 'relu', 'sigmoid', 'tanh'", "None"),
    list("activation", c("relu", "tanh"), "one of 'relu', 'sigmoid', 'tanh'",
         "['relu', 'tanh']"),
    list("init", "glorot", "one of 'he', 'scaled', 'xavier'", "'glorot'"),
    # a value is echoed on one line, cut at 40 characters
    list("init", "he\nxavier", "one of 'he', 'scaled', 'xavier'", "'he\\nxavier'"),
    list("optimizer", strrep("a", 45), "one of 'adam', 'gd', 'momentum', 'rmsprop'",
         sprintf("'%s...'", strrep("a", 40))),
    list("optimizer", "sgd", "one of 'adam', 'gd', 'momentum', 'rmsprop'", "'sgd'"),
    list("learning_rate", NULL, "a positive number", "None"),
    list("learning_rate", Inf, "a positive number", "inf"),
    list("learning_rate", TRUE, "a positive number", "True"),
    list("learning_rate", "0.1", "a positive number", "'0.1'"),
    list("epochs", 0, "an integer from 1 to 1000000", "0"),
    list("epochs", 2.5, "an integer from 1 to 1000000", "2.5"),
    list("epochs", TRUE, "an integer from 1 to 1000000", "True"),
    list("batch_size", -1, "a non-negative integer (0: full batch)", "-1"),
    list("lambda", -0.5, "a non-negative number", "-0.5"),
    list("lambda", c(0, 1), "a non-negative number", "[0, 1]"),
    list("keep_prob", 0, "a number in (0, 1]", "0"),
    list("keep_prob", 1.5, "a number in (0, 1]", "1.5"),
    list("seed", 2147483646, "an integer from 0 to 2147483645", "2147483646"),
    list("seed", NA, "an integer from 0 to 2147483645", "None"))
  for (case in cases) {
    args <- list(x, y)
    args[case[[1]]] <- list(case[[2]])  # [<- with a list keeps a NULL setting
    expect_identical(dlfp_error_message(do.call(dlfp_fit, args)),
                     msg(case[[1]], case[[3]], case[[4]]))
  }
  # sorted, as scikit-learn walks Python's parameters; before the data
  x_nan <- x
  x_nan[1, 1] <- NaN
  expect_identical(dlfp_error_message(dlfp_fit(x_nan, y, seed = -1, epochs = 0,
                                               learning_rate = 0)),
                   msg("epochs", "an integer from 1 to 1000000", "0"))
  # whole numbers of either type are sizes; numeric(0) is no hidden layer
  expect_identical(dim(dlfp_fit(x, y, hidden = c(3L, 2L), epochs = 1)$params$W2), c(2L, 3L))
  expect_identical(dim(dlfp_fit(x, y, hidden = 4, epochs = 1)$params$W1), c(4L, 2L))
  expect_identical(names(dlfp_fit(x, y, hidden = numeric(0), epochs = 1)$params),
                   c("W1", "b1"))
})

test_that("NaN, Inf and a regression target are refused; predict refuses NaN rows", {
  x <- matrix(c(0, 1, 0, 1, 0, 0, 1, 1), 4)
  y <- c(0, 1, 1, 0)
  x_inf <- x
  x_inf[3, 1] <- -Inf
  expect_identical(dlfp_error_message(dlfp_fit(x_inf, y)), "dlfp: dlfp_fit: x holds NaN or Inf")
  x_na <- as.data.frame(x)
  x_na[2, 2] <- NA
  expect_identical(dlfp_error_message(dlfp_fit(x_na, y)), "dlfp: dlfp_fit: x holds NaN or Inf")
  expect_identical(dlfp_error_message(dlfp_fit(x, c(0, 1, NaN, NaN))),
                   "dlfp: dlfp_fit: y holds NaN or Inf")
  expect_identical(dlfp_error_message(dlfp_fit(x, c(0, Inf, 1, 0))),
                   "dlfp: dlfp_fit: y holds NaN or Inf")
  expect_identical(dlfp_error_message(dlfp_fit(x, c("a", NA, "b", "a"))),
                   "dlfp: dlfp_fit: y holds NaN or Inf")
  continuous <- paste("dlfp: dlfp_fit: Unknown label type: continuous. Maybe you are trying to",
                      "fit a classifier, which expects discrete classes on a regression target",
                      "with continuous values.")
  # a regression target: 20 distinct values would otherwise be 20 classes
  expect_identical(dlfp_error_message(dlfp_fit(matrix(1:20), (1:20) / 7)), continuous)
  expect_identical(dlfp_error_message(dlfp_fit(x, c(0, 0.5, 1, 0))), continuous)
  # whole numbers held as doubles are labels
  expect_identical(dlfp_fit(x, c(-2, 5, 5, -2), epochs = 1)$classes, c(-2, 5))
  # the network's size, named by the estimator's own setting
  expect_identical(dlfp_error_message(dlfp_fit(x, y, hidden = c(1e5, 1e5))),
                   "dlfp: dlfp_fit: 'hidden' makes 10000300000 weights, more than 100000000")
  expect_identical(dlfp_error_message(dlfp_fit(matrix(1:100001), 1:100001, hidden = numeric(0))),
                   "dlfp: dlfp_fit: y has 100001 classes, more than 100000")
  model <- dlfp_fit(x, y, epochs = 2)
  for (bad in c(NaN, NA, Inf, -Inf)) {
    expect_identical(dlfp_error_message(predict(model, matrix(c(0, bad, 1, 1), 2))),
                     "dlfp: predict: newdata holds NaN or Inf")
  }
  expect_identical(dlfp_error_message(predict(model, matrix(c(NaN, 1), 1), type = "prob")),
                   "dlfp: predict: newdata holds NaN or Inf")
})

test_that("print and summary describe the model", {
  x <- matrix(c(0, 1, 0, 1, 0, 0, 1, 1), 4)
  model <- dlfp_fit(x, c("no", "yes", "yes", "no"), hidden = 3, epochs = 5)
  cost <- sprintf("%.6f", model$loss_curve[c(1, 5)])
  expect_output(print(model), paste0(
    "^dlfp model: 2 -> 3 relu -> 1 sigmoid\nclasses: no, yes\n",
    "trained: adam, learning_rate 0.01, 5 epochs; cost ", cost[1], " -> ", cost[2], "$"))
  s <- summary(model)
  expect_s3_class(s, "summary.dlfp_model")
  expect_identical(s$layers$units, c(3, 1))
  expect_identical(s$layers$activation, c("relu", "sigmoid"))
  expect_identical(s$layers$parameters, c(3 * 2 + 3, 1 * 3 + 1))
  expect_identical(s$cost, c(first = model$loss_curve[1], final = model$loss_curve[5]))
  text <- capture.output(print(s))
  expect_true("2 inputs; 13 parameters" %in% text)
  expect_true(paste("settings: init he, optimizer adam, learning_rate 0.01, epochs 5,",
                    "batch_size 0, lambda 0, keep_prob 1, seed 1") %in% text)
})

test_that("the package masks nothing of base or stats: predict is an S3 method", {
  ns_file <- file.path(dlfp_root, "r", "NAMESPACE")
  skip_without_repo(ns_file)
  ns <- readLines(ns_file)
  exports <- sub("^export\\((.*)\\)$", "\\1", grep("^export\\(", ns, value = TRUE))
  expect_true("dlfp_fit" %in% exports)
  expect_true("predict_labels" %in% exports)
  expect_false("predict" %in% exports)
  expect_true("S3method(predict,dlfp_model)" %in% ns)
  expect_true("importFrom(stats,predict)" %in% ns)
  expect_true(all(c("S3method(print,dlfp_model)", "S3method(summary,dlfp_model)",
                    "S3method(print,summary.dlfp_model)") %in% ns))
  # what library(dlfp) attaches, attached here: conflicts() names nothing of base or stats
  core <- union(ls(baseenv(), all.names = TRUE), getNamespaceExports("stats"))
  attached <- list2env(mget(exports, envir = environment(dlfp_fit)))
  attach(attached, name = "dlfp:exports", warn.conflicts = FALSE)
  on.exit(detach("dlfp:exports"))
  expect_length(intersect(conflicts(detail = TRUE)[["dlfp:exports"]], core), 0)
})

test_that("library(dlfp) in a fresh R masks nothing of base or stats", {
  libs <- .libPaths()
  # from the source tree (run_tests.R, test_local): install this dlfp into a temporary library,
  # as a user would; from an installed copy (test_check, R CMD check): that copy
  if (file.exists(file.path(dlfp_root, "r", "DESCRIPTION"))) {
    lib <- tempfile("dlfp-lib-")
    dir.create(lib)
    on.exit(unlink(lib, recursive = TRUE), add = TRUE)
    log <- system2(file.path(R.home("bin"), "R"),
                   c("CMD", "INSTALL", "--no-docs", "--no-multiarch", "--no-test-load",
                     paste0("--library=", shQuote(lib)), shQuote(file.path(dlfp_root, "r"))),
                   stdout = TRUE, stderr = TRUE)
    expect_true(file.exists(file.path(lib, "dlfp", "NAMESPACE")),
                info = paste(log, collapse = "\n"))
    libs <- c(lib, libs)
  }
  code <- paste(
    "suppressPackageStartupMessages(library(dlfp))",
    "core <- union(ls(baseenv(), all.names = TRUE), getNamespaceExports('stats'))",
    "masked <- intersect(conflicts(detail = TRUE)[['package:dlfp']], core)",
    "m <- dlfp_fit(matrix(c(0, 1, 0, 1), 2), c(0, 1), epochs = 2)",
    "cat(length(masked), class(predict(m, matrix(c(0, 1, 0, 1), 2))), sep = '\\n')",
    sep = "; ")
  out <- system2(file.path(R.home("bin"), "Rscript"), c("-e", shQuote(code)), stdout = TRUE,
                 env = paste0("R_LIBS=", shQuote(paste(libs, collapse = ":"))))
  expect_identical(out, c("0", "numeric"))
})
