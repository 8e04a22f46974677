# The IDX reader and writer (MNIST's format), raw and gzipped, on files the tests write.

# the bytes of an IDX file of unsigned bytes, written out by hand: 00 00 08 ndim, the dims as
# big-endian 32-bit integers, then the data
idx_bytes <- function(dims, data) {
  be32 <- function(d) c(0, 0, d %/% 256, d %% 256)  # dims below 65536 here
  as.raw(c(0, 0, 8, length(dims), unlist(lapply(dims, be32)), data))
}

idx_dir <- tempfile("dlfp-idx-")
dir.create(idx_dir)
tmp_file <- function(name) file.path(idx_dir, name)

read_bytes <- function(path) readBin(path, "raw", n = file.size(path))
gunzip_bytes <- function(path) {
  con <- gzfile(path, "rb")
  on.exit(close(con))
  readBin(con, "raw", n = 1e6)
}

test_that("read_idx: a hand-made file of 2 items of 3 x 4 reads as 12 x 2, item by column", {
  path <- tmp_file("hand.idx")
  writeBin(idx_bytes(c(2, 3, 4), 0:23), path)
  X <- read_idx(path)
  expect_identical(X, matrix(as.numeric(0:23), 12, 2))  # file order within each item
  writeBin(idx_bytes(3, c(3, 1, 4)), tmp_file("labels.idx"))
  expect_identical(read_idx(tmp_file("labels.idx")), c(3, 1, 4))
})

test_that("write_idx writes the header and the items in C order (the last index fastest)", {
  # A[i, r, c] = 12 (i - 1) + 4 (r - 1) + (c - 1): byte k of the file's data is k
  A <- array(0, c(2, 3, 4))
  A[] <- 12 * (slice.index(A, 1) - 1) + 4 * (slice.index(A, 2) - 1) + (slice.index(A, 3) - 1)
  write_idx(tmp_file("a.idx"), A)
  expect_identical(read_bytes(tmp_file("a.idx")), idx_bytes(c(2, 3, 4), 0:23))
  write_idx(tmp_file("a.idx.gz"), A)
  expect_identical(read_bytes(tmp_file("a.idx.gz"))[1:2], as.raw(c(0x1f, 0x8b)))  # gzipped
  expect_identical(gunzip_bytes(tmp_file("a.idx.gz")), idx_bytes(c(2, 3, 4), 0:23))
  write_idx(tmp_file("v.idx"), c(255, 0, 7))
  expect_identical(read_bytes(tmp_file("v.idx")), idx_bytes(3, c(255, 0, 7)))
})

test_that("IDX round trips, raw and gzipped: one column per item, each in row-major order", {
  z <- rng_uniform(rng_create(1), 30 * 5 * 7)$u
  images <- array(floor(z * 256), c(30, 5, 7))  # 30 items of 5 x 7
  for (name in c("x.idx", "x.idx.gz")) {
    write_idx(tmp_file(name), images)
    X <- read_idx(tmp_file(name))
    expect_identical(dim(X), c(35L, 30L), label = name)
    expect_identical(X[, 2], as.vector(t(images[2, , ])), label = name)  # row by row
    expect_identical(X, t(matrix(aperm(images, c(1, 3, 2)), 30, 35)), label = name)
  }
  labels <- floor(z[1:30] * 10)
  for (name in c("y.idx", "y.idx.gz")) {
    write_idx(tmp_file(name), labels)
    expect_identical(read_idx(tmp_file(name)), labels, label = name)
  }
  M <- matrix(floor(z[1:12] * 256), 4, 3)  # 4 items of 3 values, one per row
  write_idx(tmp_file("m.idx"), M)
  expect_identical(read_idx(tmp_file("m.idx")), t(M))
})

test_that("Fashion-MNIST's training labels: 60000, 6000 of each class", {
  path <- "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz"
  skip_if_not(file.exists(path), "Debian's dataset-fashion-mnist is not installed")
  y <- read_idx(path)
  expect_length(y, 60000)
  expect_identical(as.vector(table(y)), rep(6000L, 10))
})

test_that("read_idx errors: truncated, too long, wrong magic, type, header, missing file", {
  raw <- idx_bytes(c(2, 2, 2), rep(0, 8))
  msg <- function(bytes, name) {
    writeBin(bytes, tmp_file(name))
    dlfp_error_message(read_idx(tmp_file(name)))
  }
  expect_identical(msg(raw[-length(raw)], "short.idx"), paste0(
    "dlfp: read_idx: ", tmp_file("short.idx"),
    " holds 7 data bytes but its header 2x2x2 needs 8 (truncated)"))
  expect_identical(msg(c(raw, as.raw(1)), "long.idx"), paste0(
    "dlfp: read_idx: ", tmp_file("long.idx"), " holds 9 data bytes but its header 2x2x2 needs 8"))
  expect_identical(msg(c(as.raw(c(1, 2)), raw[-(1:2)]), "magic.idx"), paste0(
    "dlfp: read_idx: wrong magic in ", tmp_file("magic.idx"), ": not an IDX file"))
  expect_identical(msg(as.raw(c(0, 0)), "tiny.idx"), paste0(
    "dlfp: read_idx: wrong magic in ", tmp_file("tiny.idx"), ": not an IDX file"))
  expect_identical(msg(replace(raw, 3, as.raw(0x0d)), "float.idx"), paste0(
    "dlfp: read_idx: unsupported IDX type 0x0d in ", tmp_file("float.idx"),
    " (supported: 0x08 unsigned byte)"))
  expect_identical(msg(raw[1:9], "header.idx"), paste0(
    "dlfp: read_idx: truncated IDX header in ", tmp_file("header.idx")))
  expect_identical(msg(as.raw(c(0, 0, 8, 0)), "nodims.idx"), paste0(
    "dlfp: read_idx: truncated IDX header in ", tmp_file("nodims.idx")))
  missing <- tmp_file("none.idx")
  expect_identical(dlfp_error_message(read_idx(missing)),
                   paste0("dlfp: read_idx: no such file: ", missing))
})

test_that("read_idx errors on a truncated or corrupt gzip file", {
  z <- rng_uniform(rng_create(2), 4000)$u
  write_idx(tmp_file("ok.gz"), array(floor(z * 256), c(40, 10, 10)))
  gz <- read_bytes(tmp_file("ok.gz"))
  n <- length(gz)
  expect_identical(dim(read_idx(tmp_file("ok.gz"))), c(100L, 40L))
  prefix <- function(name) paste0("^dlfp: read_idx: truncated or corrupt gzip file ",
                                  tmp_file(name), ": ")
  bad <- list(
    cut.gz = gz[1:(n - 12)],  # the end of the stream and the trailer lost
    half.gz = gz[1:(n %/% 2)],
    zeroed.gz = replace(gz, 200:260, as.raw(0)),  # a stretch of the deflate stream garbled
    crc.gz = replace(gz, n - 5, as.raw(bitwXor(as.integer(gz[n - 5]), 1L))),
    isize.gz = replace(gz, n - 1, as.raw(bitwXor(as.integer(gz[n - 1]), 1L))),
    header.gz = gz[1:12])
  for (name in names(bad)) {
    writeBin(bad[[name]], tmp_file(name))
    expect_match(dlfp_error_message(read_idx(tmp_file(name))), prefix(name), label = name)
  }
})

test_that("write_idx refuses values that are not whole numbers 0..255", {
  for (A in list(c(1, 256), c(-1, 0), c(0.5, 1), c(1, NA), c(1, Inf))) {
    expect_identical(dlfp_error_message(write_idx(tmp_file("bad.idx"), A)),
                     "dlfp: write_idx: values must be whole numbers 0..255")
  }
})
