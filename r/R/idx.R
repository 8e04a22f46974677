# The IDX file format of MNIST and Fashion-MNIST, raw or gzipped.

IDX_TYPES <- c("8" = "unsigned byte")  # type byte -> meaning; 0x08 is what MNIST uses
GZIP_MAGIC <- as.raw(c(0x1f, 0x8b))
# the header's product must stay below this: every whole number below 2^53 is a double, so a
# product that reaches it is caught before any rounding (Python's integers never round)
IDX_LARGEST <- 2^53

#' X = the items of an IDX file as columns: prod(dims(2:end)) x dims(1), or a vector if 1-D.
#'
#' The header is two zero bytes, a type byte (0x08: unsigned byte, the MNIST files), the number
#' of dimensions, then each dimension as a big-endian 32-bit integer; the data follow, the last
#' dimension varying fastest. A gzipped file (magic 1f 8b) is unpacked by the gzip program
#' (every member of a multi-member file, as Python's gzip module reads it). Since each
#' item's bytes are contiguous in the file, filling a matrix column by column puts one item in
#' each column with no transpose.
#'
#' @param path An IDX file, raw or gzipped.
#' @return Doubles: a vector of length n for a 1-D file (labels); a d x n matrix for n items of
#'   d values (images: d = 784).
#' @export
read_idx <- function(path) {
  fn <- "read_idx"
  check_regular_file(path, fn)
  shown <- shown_path(path)
  raw <- read_bytes(path, fn)
  if (identical(raw[seq_len(min(2, length(raw)))], GZIP_MAGIC)) raw <- gunzip_file(path)
  b <- as.integer(raw[seq_len(min(4, length(raw)))])
  if (length(raw) < 4 || b[1] != 0 || b[2] != 0) {
    dlfp_stop(fn, sprintf("wrong magic in %s: not an IDX file", shown))
  }
  if (!(as.character(b[3]) %in% names(IDX_TYPES))) {
    dlfp_stop(fn, sprintf("unsupported IDX type 0x%02x in %s (supported: 0x08 unsigned byte)", b[3],
                     shown))
  }
  ndim <- b[4]
  header <- 4 + 4 * ndim
  if (ndim < 1 || length(raw) < header) dlfp_stop(fn, sprintf("truncated IDX header in %s", shown))
  bytes <- matrix(as.numeric(raw[5:header]), nrow = 4)  # (4, ndim), most significant first
  dims <- colSums(bytes * c(2^24, 2^16, 2^8, 1))
  want <- idx_size(dims)
  have <- length(raw) - header
  if (is.na(want) || have != want) {
    needs <- if (is.na(want)) sprintf("at least %.0f", IDX_LARGEST) else sprintf("%.0f", want)
    dlfp_stop(fn, sprintf("%s holds %.0f data bytes but its header %s needs %s%s", shown, have,
                     paste(sprintf("%.0f", dims), collapse = "x"), needs,
                     if (is.na(want) || have < want) " (truncated)" else ""))
  }
  # a range of positions, which R keeps compact: a negative index (or header + seq_len())
  # builds an index as long as the data first, twice as slow on 47 MB
  data <- if (want == 0) numeric(0) else as.numeric(raw[(header + 1):length(raw)])  # (n * d)
  if (ndim == 1) return(data)
  # (d, n): one column per item, no copy; no items: 0 x 0 (load_data refuses it)
  dim(data) <- if (dims[1] == 0) c(0, 0) else c(want / dims[1], dims[1])
  data
}

#' n = prod(dims), or NA when it would reach 2^53: each partial product is checked as it is
#' formed, while it is still exact (a zero anywhere makes it 0).
#'
#' @param dims The header's dimensions.
#' @return A whole number, or NA.
#' @keywords internal
idx_size <- function(dims) {
  if (any(dims == 0)) return(0)
  n <- 1
  for (d in dims) {
    n <- n * d
    if (n >= IDX_LARGEST) return(NA)
  }
  n
}

# The inflated bytes of a gzip file, by the gzip program (as Octave's read_idx): R's gzfile()
# reads a truncated or corrupt stream without complaint, and only the trailer of the last member
# says how long the whole is. gzip's own words follow "truncated or corrupt gzip file PATH: ".
gunzip_file <- function(path) {
  out <- tempfile(fileext = ".idx")
  on.exit(unlink(out))
  said <- suppressWarnings(system(sprintf("gzip -d -c < %s 2>&1 > %s", shQuote(literal_path(path)),
                                          shQuote(out)), intern = TRUE))
  status <- attr(said, "status")
  if (!is.null(status) && status != 0) {
    last <- if (length(said) > 0) said[length(said)] else "gzip failed"
    dlfp_stop("read_idx", sprintf("truncated or corrupt gzip file %s: %s", shown_path(path),
                                  shown(sub("^gzip: stdin:\\s*", "", last), NA)))
  }
  readBin(out, "raw", n = file.size(out))
}

#' Write an array of bytes as an IDX file (gzipped if path ends in .gz), dims = dim(A).
#'
#' Written beside path, checked to be all there and renamed over it (write_atomic): a full
#' disk is "dlfp: write_idx: cannot write PATH: No space left on device", the old file whole.
#'
#' The inverse of read_idx for items stored along the first index of A: a vector of n labels,
#' or an n x 28 x 28 array of images, A[i, r, c] being pixel (r, c) of item i. The file holds
#' the last index fastest (C order), so the array is written through aperm.
#'
#' @param path The file to write; a name ending in .gz is gzipped.
#' @param A A numeric vector, matrix or array of whole numbers 0..255.
#' @return path, invisibly.
#' @export
write_idx <- function(path, A) {
  dims <- if (is.null(dim(A))) length(A) else dim(A)
  if (!(is.numeric(A) && all(is.finite(A)) && all(A >= 0 & A <= 255 & A == round(A)))) {
    dlfp_stop("write_idx", "values must be whole numbers 0..255")
  }
  bytes <- rbind(dims %/% 2^24, dims %/% 2^16 %% 256, dims %/% 2^8 %% 256, dims %% 256)
  header <- as.raw(c(0, 0, 8, length(dims), bytes))  # dims big-endian, 4 bytes each
  data <- if (length(dims) > 1) aperm(A, rev(seq_along(dims))) else A  # C order
  bytes <- c(header, as.raw(data))
  if (endsWith(path, ".gz")) {  # gzipped in a scratch file, then written as any other bytes
    gz <- tempfile(fileext = ".gz")
    on.exit(unlink(gz))
    con <- gzfile(gz, "wb")
    writeBin(bytes, con)
    close(con)
    bytes <- readBin(gz, "raw", n = file.size(gz))
  }
  write_atomic(path, bytes, "write_idx")  # whole or not at all, checked, as a result is
}
