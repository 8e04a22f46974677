# CSV files as dlfp reads them: plain decimal numbers only, the same number of cells in every
# row, blank lines skipped, rows named by their line in the file.

csv_file <- function(lines, eol = "\n") {
  path <- tempfile(fileext = ".csv")
  writeBin(charToRaw(paste0(paste(lines, collapse = eol), eol)), path)
  path
}

csv_msg <- function(lines, ...) {
  path <- csv_file(lines, ...)
  list(path = path, msg = dlfp_error_message(read_csv_data(path)))
}

malformed <- function(r, problem) {
  expect_identical(r$msg, sprintf("dlfp: load_data: malformed CSV in %s: %s", r$path, problem))
}

test_that("plain decimal numbers in every form, spaces and tabs around them, blank lines", {
  path <- csv_file(c("", "1, 2.5 ,0", " \t", "-3,\t.5e1,1", "+4.,1E-2,1", "  ", "0.25,7e+0,0"),
                   eol = "\r\n")
  d <- read_csv_data(path)
  expect_identical(d$X, rbind(c(1, -3, 4, 0.25), c(2.5, 5, 0.01, 7)))
  expect_identical(d$labels, c(0, 1, 1, 0))
  expect_identical(read_csv_matrix(path, "predict"), cbind(c(1, -3, 4, 0.25), c(2.5, 5, 0.01, 7),
                                                           c(0, 1, 1, 0)))
  expect_identical(read_csv_matrix(csv_file("0.1,0.2", eol = ""), "predict"), cbind(0.1, 0.2))
})

test_that("a cell that is not a plain decimal number is named by row and column", {
  malformed(csv_msg(c("1,2,0", "0x10,2,1")),
            "row 2, column 1: '0x10' is not a plain decimal number")
  malformed(csv_msg(c("1,TRUE,0")), "row 1, column 2: 'TRUE' is not a plain decimal number")
  malformed(csv_msg(c("1,2,0", '"3",4,1')),
            "row 2, column 1: '\"3\"' is not a plain decimal number")
  malformed(csv_msg(c("1,NA,0")), "row 1, column 2: 'NA' is not a plain decimal number")
  malformed(csv_msg(c("1,,0")), "row 1, column 2: '' is not a plain decimal number")
  malformed(csv_msg(c("1,2,")), "row 1, column 3: '' is not a plain decimal number")
  malformed(csv_msg(c("1,nan,0")), "row 1, column 2: 'nan' is not a plain decimal number")
  malformed(csv_msg(c("1,inf,0")), "row 1, column 2: 'inf' is not a plain decimal number")
  malformed(csv_msg(c("1,1_000,0")), "row 1, column 2: '1_000' is not a plain decimal number")
  malformed(csv_msg(c("1, 2 3,0")), "row 1, column 2: ' 2 3' is not a plain decimal number")
  malformed(csv_msg(c("1;2;0")), "row 1, column 1: '1;2;0' is not a plain decimal number")
  malformed(csv_msg(c("x,y,label", "1,2,0")), "row 1, column 1: 'x' is not a plain decimal number")
})

test_that("a row with another number of cells: rows are lines, blank ones counted", {
  malformed(csv_msg(c("1,2,0", "", "3,4", "5,6,1")), "row 3 has 2 columns but row 1 has 3")
  malformed(csv_msg(c("", " ", "1,2,0", "", "3,4,5,1")), "row 5 has 4 columns but row 3 has 3")
  malformed(csv_msg(c("1,2,0", "3,4"), eol = "\r\n"), "row 2 has 2 columns but row 1 has 3")
  # the first bad row decides, whichever its fault
  malformed(csv_msg(c("1,2,0", "a,2,0", "3,4")),
            "row 2, column 1: 'a' is not a plain decimal number")
  malformed(csv_msg(c("1,2,0", "3,4", "a,2,0")), "row 2 has 2 columns but row 1 has 3")
})

test_that("no rows, or no column besides the label", {
  need <- "need at least one row of features and a label"
  malformed(csv_msg(character(0), eol = ""), need)
  malformed(csv_msg(c("", " \t", ""), eol = "\r\n"), need)
  malformed(csv_msg(c("1", "0")), need)
  r <- csv_msg(c("1", "0"))
  expect_identical(read_csv_matrix(r$path, "predict"), cbind(c(1, 0)))  # fine as features
})

test_that("the reader's file checks come first, named for the caller", {
  bom <- tempfile(fileext = ".csv")
  writeBin(as.raw(c(0xef, 0xbb, 0xbf, charToRaw("1,2,0\n"))), bom)
  expect_identical(dlfp_error_message(read_csv_matrix(bom, "predict")), paste0(
    "dlfp: predict: ", bom, " begins with a byte-order mark (save it as UTF-8 without one)"))
  latin1 <- tempfile(fileext = ".csv")
  writeBin(as.raw(c(charToRaw("1,2,0\n"), 0xe9, charToRaw(",2,0\n"))), latin1)
  expect_identical(dlfp_error_message(read_csv_data(latin1)),
                   paste0("dlfp: load_data: ", latin1, " is not UTF-8 text"))
})

test_that("1e309 reads as Inf, which check_data then names", {
  path <- csv_file(c("1,2,0", "3,1e309,1"))
  d <- read_csv_data(path)
  expect_identical(d$X[2, 2], Inf)
  expect_identical(dlfp_error_message(check_data(d$X, d$labels, c(2, 1), "sigmoid")),
                   "dlfp: check_data: X has NaN or Inf at feature 2, example 2")
})

test_that("data_path joins a relative name to the scenario's folder, as os.path.join", {
  expect_identical(data_path(list(base_dir = "/a/b"), "d.csv"), "/a/b/d.csv")
  expect_identical(data_path(list(base_dir = "/a/b"), "/abs/d.csv"), "/abs/d.csv")
  expect_identical(data_path(list(base_dir = "/a/b"), "~/d.csv"), "/a/b/~/d.csv")
  expect_identical(data_path(list(base_dir = "/"), "d.csv"), "/d.csv")
  expect_identical(data_path(list(), "d.csv"), "./d.csv")
})
