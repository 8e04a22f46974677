# The rules as data (scenario_rules.json) and the walker over them: phrases made from bounds,
# checks in the rules' order, defaults from the rules.

test_that("the package's rules file is Python's, byte for byte", {
  python_copy <- file.path(dlfp_root, "python", "dlfp", "scenario_rules.json")
  skip_without_repo(python_copy)
  r_copy <- file.path(dlfp_root, "r", "inst", "scenario_rules.json")
  expect_identical(readBin(r_copy, "raw", file.size(r_copy)),
                   readBin(python_copy, "raw", file.size(python_copy)))
})

test_that("RULES holds the rows in the file's order, the tables they name exist", {
  fields <- vapply(RULES$fields, function(r) r$field, "")
  expect_identical(fields[1:4], c("name", "description", "layers", "activations"))
  expect_true(all(c("csv", "generator", "idx_images") %in% names(RULES$sources)))
  tables <- unlist(lapply(RULES$fields, function(r) r[c("table", "hidden_table", "output_table")]))
  expect_true(all(tables %in% c("ACTIVATIONS", "DERIVATIVES", "COSTS", "INITIALIZERS",
                                "OPTIMIZERS", "SCHEDULES", "GENERATORS")))
})

test_that("integer_phrase and number_phrase word the bounds", {
  expect_identical(integer_phrase(list(min = 1, max = 10)), "an integer from 1 to 10")
  expect_identical(integer_phrase(list(min = 1, max = 10), plural = TRUE), "integers from 1 to 10")
  expect_identical(integer_phrase(list(min = 0)), "a non-negative integer")
  expect_identical(integer_phrase(list(min = 1), plural = TRUE), "positive integers")
  expect_identical(integer_phrase(list(min = 2)), "an integer of at least 2")
  expect_identical(integer_phrase(list(min = 0, note = "0: full batch")),
                   "a non-negative integer (0: full batch)")
  expect_identical(integer_phrase(list(min = 0L, max = 2147483645L)),
                   "an integer from 0 to 2147483645")
  expect_identical(number_phrase(list(exclusive_min = 0)), "a positive number")
  expect_identical(number_phrase(list(min = 0)), "a non-negative number")
  expect_identical(number_phrase(list(exclusive_min = 0, max = 1)), "a number in (0, 1]")
  expect_identical(number_phrase(list(min = 0, exclusive_max = 1)), "a number in [0, 1)")
  expect_identical(number_phrase(list(min = 0.5, max = 2)), "a number in [0.5, 2]")
  expect_identical(number_phrase(list(min = 2.5)), "a number of at least 2.5")
  expect_identical(number_phrase(list(exclusive_min = -1)), "a number greater than -1")
  expect_identical(number_phrase(list(max = 3)), "a number of at most 3")
  expect_identical(number_phrase(list(exclusive_max = 1e-3)), "a number less than 0.001")
  expect_identical(number_phrase(list()), "a number")
})

test_that("in_bounds: inclusive and exclusive ends", {
  rule <- list(exclusive_min = 0, max = 1)
  expect_identical(vapply(c(-1, 0, 1e-300, 0.5, 1, 1.5), in_bounds, NA, rule = rule),
                   c(FALSE, FALSE, TRUE, TRUE, TRUE, FALSE))
  expect_true(in_bounds(-1e300, list()))
})

test_that("check_name: a known name, an unknown one, a value that is no name", {
  expect_identical(check_name("adam", "OPTIMIZERS", "optimizer", "optimizer"), "adam")
  expect_identical(dlfp_error_message(check_name("sgd", "OPTIMIZERS", "optimizer", "optimizer")),
    "dlfp: read_scenario: unknown optimizer 'sgd' (known: adam, gd, momentum, rmsprop)")
  expect_identical(dlfp_error_message(check_name(NULL, "GENERATORS", "generator",
                                                "data.generator")),
    "dlfp: read_scenario: 'data.generator' must be a name (known: circles, spiral, xor)")
})

test_that("check_scenario fills every default from the rules, numbers as doubles", {
  s <- check_scenario(list(name = "n", data = list(csv = "d.csv"), layers = list(2L, 1L),
                           activations = list("sigmoid"), learning_rate = 1L, epochs = 3L))
  expect_identical(s, list(name = "n", description = "", layers = c(2, 1),
                           activations = "sigmoid", init = "scaled", optimizer = "gd",
                           seed = 1, learning_rate = 1, epochs = 3, record_every = 100,
                           snapshot_every = 0, batch_size = 0, lambda = 0, keep_prob = 1,
                           beta = 0.9, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8,
                           lr_decay = list(kind = "none"),
                           data = list(csv = "d.csv")))
  expect_identical(dlfp_error_message(check_scenario(list(1, 2))),
                   "dlfp: read_scenario: a scenario must be an object")
})

test_that("the generator's seed defaults to the scenario's; its options to the rules'", {
  s <- train_settings(seed = 11, data = list(generator = "circles"), layers = c(2, 3, 1))
  expect_identical(s$data, list(generator = "circles", seed = 11, n_per_class = 100,
                                noise = 0.1, factor = 0.5))
  s <- train_settings(seed = 11, data = list(generator = "spiral", seed = 4, noise = 0))
  expect_identical(s$data, list(generator = "spiral", seed = 4, n_per_class = 100, classes = 3,
                                noise = 0))
})

test_that("the order of the checks: the choice, unknown fields, missing ones, each row", {
  rs <- function(problem) paste("dlfp: read_scenario:", problem)
  msg <- function(...) dlfp_error_message(check_scenario(jsonlite::parse_json(
    jsonlite::toJSON(small_scenario(...), auto_unbox = TRUE, digits = NA),
    simplifyVector = FALSE)))
  # the generator's name first, though the option is unknown too
  expect_identical(msg(data = list(generator = "moons", colour = 1)),
                   rs("unknown generator 'moons' (known: circles, spiral, xor)"))
  # an unknown field before a missing one, a missing one before a bad value
  expect_identical(msg(data = list(idx_images = 5, colour = 1)), rs(paste(
    "unknown field of 'data' 'colour' (allowed: idx_images, idx_labels, limit, test_idx_images,",
    "test_idx_labels, test_limit)")))
  expect_identical(msg(data = list(idx_images = 5)), rs("missing field 'data.idx_labels'"))
  # rows in the rules' order: layers before activations before init before learning_rate
  expect_identical(msg(layers = list(), activations = 1, init = 2, learning_rate = -1),
                   rs("'layers' must be a list of at least 2 integers from 1 to 100000"))
  expect_identical(msg(activations = 1, init = 2, learning_rate = -1),
                   rs("'activations' must be a list of names"))
  expect_identical(msg(init = 2, learning_rate = -1),
                   rs("'init' must be a name (known: he, scaled, xavier)"))
  # fields that go together: checked after each row
  expect_identical(msg(data = list(idx_images = "a", idx_labels = "b", test_idx_labels = "c",
                                   limit = 0)),
                   rs("'data.limit' must be a positive integer"))
  expect_identical(msg(data = list(idx_images = "a", idx_labels = "b", test_idx_labels = "c")),
                   rs("'data.test_idx_images' and 'data.test_idx_labels' go together"))
})
