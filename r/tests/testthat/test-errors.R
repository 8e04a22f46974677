# Bad input stops with "dlfp: <function>: <problem>", in the same words as Python and Octave.

known_acts <- "(known: relu, sigmoid, softmax, tanh)"
allowed <- paste("(allowed: activations, batch_size, beta, beta1, beta2, data, description,",
                 "epochs, epsilon, init, keep_prob, lambda, layers, learning_rate, lr_decay, name,",
                 "optimizer, record_every, seed, snapshot_every, validation)")

test_that("NaN or Inf in the data names the first in column-major order, 1-based", {
  X <- matrix(1, 3, 5)
  X[3, 2] <- NaN
  X[1, 4] <- Inf
  X[2, 2] <- -Inf
  expect_identical(dlfp_error_message(check_data(X, rep(0, 5), c(3, 1), "sigmoid")),
                   "dlfp: check_data: X has NaN or Inf at feature 2, example 2")
})

test_that("an unknown activation lists the known ones", {
  p <- list(W1 = matrix(1, 1, 1), b1 = matrix(0, 1, 1))
  expect_identical(dlfp_error_message(forward_propagation(matrix(1, 1, 1), p, "swish")),
                   paste("dlfp: forward_propagation: unknown activation 'swish'", known_acts))
  path <- write_scenario(small_scenario(activations = c("swish", "sigmoid")))
  expect_identical(dlfp_error_message(read_scenario(path)),
                   paste("dlfp: read_scenario: unknown activation 'swish'", known_acts))
  path <- write_scenario(small_scenario(activations = c("softmax", "sigmoid")))
  expect_identical(dlfp_error_message(read_scenario(path)), paste(
    "dlfp: read_scenario: unknown hidden activation 'softmax' (known: relu, sigmoid, tanh)"))
  path <- write_scenario(small_scenario(activations = c("tanh", "relu")))
  expect_identical(dlfp_error_message(read_scenario(path)), paste(
    "dlfp: read_scenario: unknown output activation 'relu' (known: sigmoid, softmax)"))
  expect_identical(dlfp_error_message(initialize_parameters(c(2, 1), "glorot", 1)), paste(
    "dlfp: initialize_parameters: unknown initializer 'glorot' (known: he, scaled, xavier)"))
  expect_identical(dlfp_error_message(compute_cost(matrix(0), matrix(0), "tanh")), paste(
    "dlfp: compute_cost: unknown output activation 'tanh' (known: sigmoid, softmax)"))
})

test_that("layer sizes that do not match the data", {
  expect_identical(dlfp_error_message(check_data(matrix(0, 2, 4), rep(0, 4), c(3, 1), "sigmoid")),
                   "dlfp: check_data: the data have 2 features but the first layer has 3 units")
  expect_identical(dlfp_error_message(check_data(matrix(0, 2, 4), rep(0, 3), c(2, 1), "sigmoid")),
                   "dlfp: check_data: there are 3 labels for 4 examples")
  path <- write_scenario(small_scenario(layers = c(3, 4, 1)))
  s <- read_scenario(path)
  d <- load_data(s)
  expect_identical(dlfp_error_message(check_data(d$X, d$labels, s$layers, "sigmoid")),
                   "dlfp: check_data: the data have 2 features but the first layer has 3 units")
  expect_identical(dlfp_error_message(run_scenario(path)),
                   "dlfp: check_data: the data have 2 features but the first layer has 3 units")
})

test_that("a label out of range", {
  labels <- c(rep(0, 16), 3, 1)
  expect_identical(dlfp_error_message(check_data(matrix(0, 2, 18), labels, c(2, 3), "softmax")),
                   "dlfp: check_data: label 3 at example 17 is out of range 0..2")
  expect_identical(dlfp_error_message(check_data(matrix(0, 2, 2), c(0, 0.5), c(2, 1), "sigmoid")),
                   "dlfp: check_data: label 0.5 at example 2 is out of range 0..1")
  expect_identical(dlfp_error_message(check_data(matrix(0, 2, 2), c(-1, 0), c(2, 1), "sigmoid")),
                   "dlfp: check_data: label -1 at example 1 is out of range 0..1")
})

test_that("a missing file", {
  missing <- file.path(tempdir(), "nope.json")
  expect_identical(dlfp_error_message(read_scenario(missing)),
                   paste0("dlfp: read_scenario: no such file: ", missing))
  path <- write_scenario(small_scenario(data = list(csv = "nope.csv")))
  expect_identical(dlfp_error_message(load_data(read_scenario(path))),
                   paste0("dlfp: load_data: no such file: ", file.path(dirname(path), "nope.csv")))
})

test_that("malformed JSON, a top level that is not an object, a malformed CSV", {
  path <- tempfile(fileext = ".json")
  writeLines('{"name": "t",', path)
  expect_match(dlfp_error_message(read_scenario(path)),
               paste0("^dlfp: read_scenario: malformed JSON in ", path, ": "))
  writeLines("[1, 2]", path)
  expect_identical(dlfp_error_message(read_scenario(path)), paste0(
    "dlfp: read_scenario: malformed JSON in ", path, ": the top level must be an object"))
  csv <- tempfile(fileext = ".csv")
  writeLines(c("1,2,0", "3,abc,1"), csv)
  expect_match(dlfp_error_message(read_csv_data(csv)),
               paste0("^dlfp: load_data: malformed CSV in ", csv, ": "))
  writeLines(c("1,2,0", "3,1"), csv)
  expect_match(dlfp_error_message(read_csv_data(csv)),
               paste0("^dlfp: load_data: malformed CSV in ", csv, ": "))
  writeLines(c("1", "2"), csv)
  expect_identical(dlfp_error_message(read_csv_data(csv)), paste0("dlfp: load_data: malformed ",
    "CSV in ", csv, ": need at least one row of features and a label"))
})

test_that("an unknown field, a missing field, and fields of the wrong type", {
  msg <- function(...) dlfp_error_message(read_scenario(write_scenario(small_scenario(...))))
  expect_identical(msg(epoch = 3), paste("dlfp: read_scenario: unknown field 'epoch'", allowed))
  s <- small_scenario()
  s$epochs <- NULL
  expect_identical(dlfp_error_message(read_scenario(write_scenario(s))),
                   "dlfp: read_scenario: missing field 'epochs'")
  expect_identical(msg(name = ""), "dlfp: read_scenario: 'name' must be a non-empty string")
  layers_msg <- paste("dlfp: read_scenario: 'layers' must be a list of at least 2 integers",
                      "from 1 to 100000")
  expect_identical(msg(layers = c(2, 0, 1)), layers_msg)
  expect_identical(msg(layers = list(2, TRUE)), layers_msg)
  expect_identical(msg(layers = c(2, 100001)), layers_msg)
  expect_identical(msg(layers = list(2)), layers_msg)
  expect_identical(msg(layers = c(10000, 10001, 1)),
                   "dlfp: read_scenario: 'layers' makes 100020001 weights, more than 100000000")
  # a bare string is not a list of names, though R would read it as a length-1 vector
  expect_identical(msg(layers = c(2, 1), activations = "sigmoid"),
                   "dlfp: read_scenario: 'activations' must be a list of names")
  expect_identical(msg(activations = list("sigmoid")),
                   "dlfp: read_scenario: 'activations' has 1 entries but 'layers' needs 2")
  expect_identical(msg(layers = c(2, 3, 2)),
                   "dlfp: read_scenario: a sigmoid output has 1 unit but 'layers' ends in 2")
  expect_identical(msg(activations = c("tanh", "softmax")),
                   "dlfp: read_scenario: a softmax output needs at least 2 units")
  # a name field given anything but a string says so, whatever the value
  init_msg <- "dlfp: read_scenario: 'init' must be a name (known: he, scaled, xavier)"
  expect_identical(msg(init = 5), init_msg)
  expect_identical(msg(init = list("he")), init_msg)
  expect_identical(msg(init = TRUE), init_msg)
  expect_identical(msg(init = "Xavier"),
                   "dlfp: read_scenario: unknown init 'Xavier' (known: he, scaled, xavier)")
  expect_identical(msg(optimizer = "nesterov"), paste(
    "dlfp: read_scenario: unknown optimizer 'nesterov' (known: adam, gd, momentum, rmsprop)"))
  expect_identical(msg(seed = 2147483646),
                   "dlfp: read_scenario: 'seed' must be an integer from 0 to 2147483645")
  expect_identical(msg(learning_rate = 0),
                   "dlfp: read_scenario: 'learning_rate' must be a positive number")
  epochs_msg <- "dlfp: read_scenario: 'epochs' must be an integer from 1 to 1000000"
  expect_identical(msg(epochs = 2.5), epochs_msg)
  expect_identical(msg(epochs = 0), epochs_msg)
  expect_identical(msg(epochs = 1000001), epochs_msg)
  expect_identical(msg(epochs = "5"), epochs_msg)
  expect_identical(msg(epochs = list(5)), epochs_msg)  # [5] is a list, not a number
  expect_identical(msg(record_every = 0),
                   "dlfp: read_scenario: 'record_every' must be a positive integer")
  expect_identical(msg(data = list(csv = "a.csv", generator = "xor")), paste(
    "dlfp: read_scenario: 'data' must be an object with exactly one of 'csv', 'generator' or",
    "'idx_images'"))
  expect_identical(msg(data = list(generator = "moons")),
                   "dlfp: read_scenario: unknown generator 'moons' (known: circles, spiral, xor)")
  expect_identical(msg(data = list(generator = "xor", noise = 0.1)), paste(
    "dlfp: read_scenario: unknown field of 'data' 'noise' (allowed: generator, n, seed)"))
  expect_identical(msg(data = list(generator = "spiral", n_per_class = 10.5)),
                   "dlfp: read_scenario: 'data.n_per_class' must be an integer from 2 to 1000000")
  expect_identical(msg(data = list(generator = "spiral", classes = 1)),
                   "dlfp: read_scenario: 'data.classes' must be an integer from 2 to 100")
  expect_identical(msg(data = list(generator = "xor", n = 1)),
                   "dlfp: read_scenario: 'data.n' must be an integer from 2 to 10000000")
  expect_identical(msg(data = list(generator = 3)), paste(
    "dlfp: read_scenario: 'data.generator' must be a name (known: circles, spiral, xor)"))
  expect_identical(msg(data = list(generator = "circles", noise = -1)),
                   "dlfp: read_scenario: 'data.noise' must be a non-negative number")
  expect_identical(msg(data = list(generator = "xor", seed = -3)),
                   "dlfp: read_scenario: 'data.seed' must be an integer from 0 to 2147483645")
})

test_that("the chapter 5-8 fields: checked in Python's order, in Python's words", {
  msg <- function(...) dlfp_error_message(read_scenario(write_scenario(small_scenario(...))))
  rs <- function(problem) paste("dlfp: read_scenario:", problem)
  expect_identical(msg(batch_size = -1),
                   rs("'batch_size' must be a non-negative integer (0: full batch)"))
  expect_identical(msg(batch_size = 2.5),
                   rs("'batch_size' must be a non-negative integer (0: full batch)"))
  expect_identical(msg(lambda = -0.1), rs("'lambda' must be a non-negative number"))
  expect_identical(msg(lambda = "a"), rs("'lambda' must be a non-negative number"))
  expect_identical(msg(keep_prob = 0), rs("'keep_prob' must be a number in (0, 1]"))
  expect_identical(msg(keep_prob = 1.5), rs("'keep_prob' must be a number in (0, 1]"))
  expect_identical(msg(beta = 1), rs("'beta' must be a number in [0, 1)"))
  expect_identical(msg(beta1 = -0.1), rs("'beta1' must be a number in [0, 1)"))
  expect_identical(msg(beta2 = TRUE), rs("'beta2' must be a number in [0, 1)"))
  expect_identical(msg(epsilon = 0), rs("'epsilon' must be a positive number"))
  # the first bad field in Python's order wins: batch_size before lambda before lr_decay
  expect_identical(msg(lambda = -1, batch_size = -1, lr_decay = "x"),
                   rs("'batch_size' must be a non-negative integer (0: full batch)"))
  expect_identical(msg(lr_decay = "none"), rs("'lr_decay' must be an object with a 'kind'"))
  expect_identical(msg(lr_decay = list(rate = 1)), rs("'lr_decay' must be an object with a 'kind'"))
  expect_identical(msg(lr_decay = list(kind = "step")),
                   rs("unknown lr_decay kind 'step' (known: exponential, inverse_time, none)"))
  expect_identical(msg(lr_decay = list(kind = "none", rate = 1)),
                   rs("unknown field of 'lr_decay' 'rate' (allowed: kind)"))
  expect_identical(msg(lr_decay = list(kind = "exponential", every = 2)),
                   rs("missing field 'lr_decay.rate'"))
  expect_identical(msg(lr_decay = list(kind = "exponential", rate = -1, every = 2)),
                   rs("'lr_decay.rate' must be a non-negative number"))
  expect_identical(msg(lr_decay = list(kind = "inverse_time", rate = 1, every = 1.5)),
                   rs("'lr_decay.every' must be a positive integer"))
  expect_identical(msg(lr_decay = list(kind = "inverse_time", rate = 1, every = 2, foo = 1)),
                   rs("unknown field of 'lr_decay' 'foo' (allowed: every, kind, rate)"))
})

test_that("the data sources: csv with test_csv, IDX files, generators", {
  msg <- function(data) dlfp_error_message(read_scenario(write_scenario(small_scenario(
    data = data))))
  rs <- function(problem) paste("dlfp: read_scenario:", problem)
  expect_identical(msg(list(csv = "a.csv", foo = 1)),
                   rs("unknown field of 'data' 'foo' (allowed: csv, test_csv)"))
  expect_identical(msg(list(csv = "a.csv", test_csv = "")),
                   rs("'data.test_csv' must be a file path"))
  expect_identical(msg(list(idx_images = "a.gz")), rs("missing field 'data.idx_labels'"))
  expect_identical(msg(list(idx_labels = "a.gz")), rs(paste(
    "'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'")))
  expect_identical(msg(list(idx_images = 1, idx_labels = "b")),
                   rs("'data.idx_images' must be a file path"))
  expect_identical(msg(list(idx_images = "a", idx_labels = "b", limit = 0)),
                   rs("'data.limit' must be a positive integer"))
  expect_identical(msg(list(idx_images = "a", idx_labels = "b", test_limit = 2.5)),
                   rs("'data.test_limit' must be a positive integer"))
  expect_identical(msg(list(idx_images = "a", idx_labels = "b", test_idx_images = "c")),
                   rs("'data.test_idx_images' and 'data.test_idx_labels' go together"))
  expect_identical(msg(list(idx_images = "a", idx_labels = "b", bogus = 1)), rs(paste(
    "unknown field of 'data' 'bogus' (allowed: idx_images, idx_labels, limit, test_idx_images,",
    "test_idx_labels, test_limit)")))
  expect_identical(msg(list()), rs(paste(
    "'data' must be an object with exactly one of 'csv', 'generator' or 'idx_images'")))
})

test_that("IDX images and labels that do not pair up", {
  dir <- tempfile("dlfp-idx-pair-")
  dir.create(dir)
  write_idx(file.path(dir, "im.idx"), array(0, c(5, 2, 2)))
  write_idx(file.path(dir, "lb.idx"), rep(0, 4))
  path <- write_scenario(small_scenario(data = list(idx_images = "im.idx",
                                                    idx_labels = "lb.idx")), dir = dir)
  expect_identical(dlfp_error_message(load_data(read_scenario(path))),
                   "dlfp: load_data: im.idx has 5 items but lb.idx has 4 labels")
  path <- write_scenario(small_scenario(data = list(idx_images = "im.idx",
                                                    idx_labels = "gone.idx")), dir = dir)
  expect_identical(dlfp_error_message(load_data(read_scenario(path))),
                   paste0("dlfp: read_idx: no such file: ", file.path(dir, "gone.idx")))
})

test_that("rng_create rejects seeds outside 0 .. 2147483645", {
  expect_identical(dlfp_error_message(rng_create(-1)),
                   "dlfp: rng_create: seed must be an integer from 0 to 2147483645, got -1")
  expect_identical(dlfp_error_message(rng_create(1.5)),
                   "dlfp: rng_create: seed must be an integer from 0 to 2147483645, got 1.5")
  expect_identical(
    dlfp_error_message(rng_create(2147483646)),
    "dlfp: rng_create: seed must be an integer from 0 to 2147483645, got 2147483646")
  expect_identical(dlfp_error_message(rng_create(NULL)),
                   "dlfp: rng_create: seed must be an integer from 0 to 2147483645, got None")
})

test_that("an unknown optimizer in train lists the known ones", {
  p <- list(W1 = matrix(1, 1, 1), b1 = matrix(0, 1, 1))
  settings <- train_settings(optimizer = "gd")
  settings$optimizer <- "x"
  expect_identical(
    dlfp_error_message(train(matrix(1, 1, 1), matrix(1, 1, 1), p, "sigmoid", settings, 1)),
    "dlfp: train: unknown optimizer 'x' (known: adam, gd, momentum, rmsprop)")
})

test_that("errors carry no call and the class dlfp_error", {
  e <- tryCatch(rng_create(-1), error = identity)
  expect_s3_class(e, "dlfp_error")
  expect_null(conditionCall(e))
  expect_error(rng_create(-1), "^dlfp: rng_create: ", class = "dlfp_error")
})

test_that("write_result refuses NaN and a missing folder, and leaves no file behind", {
  result <- list(name = "x", loss_curve = matrix(c(0, NaN), 1), train_accuracy = 0.5)
  dir <- tempfile("dlfp-write-")
  dir.create(dir)
  expect_identical(dlfp_error_message(write_result(result, file.path(dir, "r.json"))),
                   "dlfp: write_result: the result holds NaN or Inf, which JSON cannot carry")
  expect_length(list.files(dir, all.files = TRUE, no.. = TRUE), 0)
  result$loss_curve[1, 2] <- 1
  target <- file.path(dir, "no", "..", "sub", "r.json")
  expect_identical(dlfp_error_message(write_result(result, target)),
                   paste0("dlfp: write_result: no such folder: ", dir, "/sub"))
})
