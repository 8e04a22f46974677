# Where a result may go (check_result_path, before any training) and how it is written: whole
# or not at all, with the mode the umask gives.

test_that("check_result_path: empty, a folder, a missing folder", {
  dir <- tempfile("dlfp-out-")
  dir.create(dir)
  expect_identical(dlfp_error_message(check_result_path("")),
                   "dlfp: write_result: the result path is empty")
  expect_identical(dlfp_error_message(check_result_path(NULL)),
                   "dlfp: write_result: the result path is empty")
  expect_identical(dlfp_error_message(check_result_path(dir)),
                   paste0("dlfp: write_result: ", dir, " is a folder"))
  expect_identical(dlfp_error_message(check_result_path(file.path(dir, "no", "r.json"))),
                   paste0("dlfp: write_result: no such folder: ", dir, "/no"))
  # the folder is named absolute, "." and ".." resolved, as os.path.abspath does
  expect_identical(dlfp_error_message(check_result_path(file.path(dir, "a", "..", "b", "r.json"))),
                   paste0("dlfp: write_result: no such folder: ", dir, "/b"))
  old <- setwd(dir)
  on.exit(setwd(old))
  here <- getwd()
  expect_identical(dlfp_error_message(check_result_path("sub/r.json")),
                   paste0("dlfp: write_result: no such folder: ", here, "/sub"))
  expect_identical(dlfp_error_message(check_result_path("r.json")), NA_character_)
  expect_length(list.files(dir, all.files = TRUE, no.. = TRUE), 0)  # checking writes nothing
})

test_that("check_result_path: a folder it cannot write in", {
  dir <- tempfile("dlfp-ro-")
  dir.create(dir)
  Sys.chmod(dir, "0555")
  on.exit(Sys.chmod(dir, "0755"))
  got <- dlfp_error_message(check_result_path(file.path(dir, "r.json")))
  if (file.access(dir, 2) == 0) {
    expect_identical(got, NA_character_)  # root writes even here: the check follows access(2)
  } else {
    expect_identical(got, paste0("dlfp: write_result: cannot write in ", dir))
  }
})

test_that("write_result writes the file with the umask's mode and leaves nothing else", {
  dir <- tempfile("dlfp-write-")
  dir.create(dir)
  result <- list(name = "x", loss_curve = rbind(c(0, 0.5), c(9, 0.25)), train_accuracy = 1)
  old <- Sys.umask("022")
  on.exit(Sys.umask(old))
  path <- file.path(dir, "r.json")
  writeLines("old", path)
  write_result(result, path)
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE), "r.json")
  expect_identical(format(file.mode(path)), "644")
  expect_identical(readLines(path), c("{", ' "name": "x",', ' "loss_curve": [', "  [0, 0.5],",
                                      "  [9, 0.25]", " ],", ' "train_accuracy": 1', "}"))
})

test_that("write_result: an OS failure is named, and no temporary file is left", {
  dir <- tempfile("dlfp-fail-")
  dir.create(dir)
  result <- list(name = "x", train_accuracy = 1)
  # "nope/" passes the checks (its folder is dir) but cannot be renamed onto
  old <- setwd(dir)
  on.exit(setwd(old))
  expect_match(dlfp_error_message(write_result(result, "nope/")),
               "^dlfp: write_result: cannot write nope/: .+$")
  expect_length(list.files(dir, all.files = TRUE, no.. = TRUE), 0)
})
