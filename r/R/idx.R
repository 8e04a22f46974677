# The IDX file format of MNIST and Fashion-MNIST, raw or gzipped.

IDX_TYPES <- c("8" = "unsigned byte")  # type byte -> meaning; 0x08 is what MNIST uses
GZIP_MAGIC <- as.raw(c(0x1f, 0x8b))

#' X = the items of an IDX file as columns: prod(dims(2:end)) x dims(1), or a vector if 1-D.
#'
#' The header is two zero bytes, a type byte (0x08: unsigned byte, the MNIST files), the number
#' of dimensions, then each dimension as a big-endian 32-bit integer; the data follow, the last
#' dimension varying fastest. A gzipped file (magic 1f 8b) is read through gzfile(). Since each
#' item's bytes are contiguous in the file, filling a matrix column by column puts one item in
#' each column with no transpose.
#'
#' @param path An IDX file, raw or gzipped.
#' @return Doubles: a vector of length n for a 1-D file (labels); a d x n matrix for n items of
#'   d values (images: d = 784).
#' @export
read_idx <- function(path) {
  fn <- "read_idx"
  if (!(is_string(path) && utils::file_test("-f", path))) {
    dlfp_stop(fn, paste0("no such file: ", py_str(path)))
  }
  size <- file.size(path)
  raw <- if (identical(readBin(path, "raw", n = 2), GZIP_MAGIC)) gunzip_file(path, size)
         else readBin(path, "raw", n = size)
  b <- as.integer(raw[seq_len(min(4, length(raw)))])
  if (length(raw) < 4 || b[1] != 0 || b[2] != 0) {
    dlfp_stop(fn, sprintf("wrong magic in %s: not an IDX file", path))
  }
  if (!(as.character(b[3]) %in% names(IDX_TYPES))) {
    dlfp_stop(fn, sprintf("unsupported IDX type 0x%02x in %s (supported: 0x08 unsigned byte)", b[3],
                     path))
  }
  ndim <- b[4]
  header <- 4 + 4 * ndim
  if (ndim < 1 || length(raw) < header) dlfp_stop(fn, sprintf("truncated IDX header in %s", path))
  bytes <- matrix(as.numeric(raw[5:header]), nrow = 4)  # (4, ndim), most significant first
  dims <- colSums(bytes * c(2^24, 2^16, 2^8, 1))
  want <- prod(dims)
  have <- length(raw) - header
  if (have != want) {
    dlfp_stop(fn, sprintf("%s holds %.0f data bytes but its header %s needs %.0f%s", path, have,
                     paste(sprintf("%.0f", dims), collapse = "x"), want,
                     if (have < want) " (truncated)" else ""))
  }
  # a range of positions, which R keeps compact: a negative index (or header + seq_len())
  # builds an index as long as the data first, twice as slow on 47 MB
  data <- if (want == 0) numeric(0) else as.numeric(raw[(header + 1):length(raw)])  # (n * d)
  if (ndim == 1) return(data)
  dim(data) <- c(prod(dims[-1]), dims[1])  # (d, n): one column per item, no copy
  data
}

# The inflated bytes of a gzip file. R's gzfile() reads a truncated or corrupt stream without
# complaint (it stops early, and only a bad CRC raises a warning), so the length is checked
# against the trailer's ISIZE (the inflated length mod 2^32), as gzip -t does. A file of
# several concatenated gzip members would fail this check; MNIST's files are single members.
gunzip_file <- function(path, size) {
  corrupt <- function(why) {
    dlfp_stop("read_idx", sprintf("truncated or corrupt gzip file %s: %s", path, why))
  }
  if (size < 18) corrupt("shorter than a gzip header and trailer")
  con <- file(path, "rb")
  seek(con, size - 4)
  isize <- sum(as.numeric(readBin(con, "raw", n = 4)) * 256^(0:3))
  close(con)
  inflate <- function() {
    con <- gzfile(path, "rb")
    on.exit(close(con))
    # the first read asks for the whole stream at once (fast); more reads follow only when
    # the trailer undercounts, and each is capped so that a garbled ISIZE cannot make R
    # allocate gigabytes
    parts <- list(readBin(con, "raw", n = max(1, min(isize, 2^28))))
    while (length(parts[[length(parts)]]) > 0) {
      parts[[length(parts) + 1]] <- readBin(con, "raw", n = 2^24)
    }
    if (length(parts) == 2) parts[[1]] else do.call(c, parts)
  }
  why <- NULL  # the first complaint of gzfile(), if any
  note <- function(cond) if (is.null(why)) why <<- conditionMessage(cond)
  raw <- tryCatch(withCallingHandlers(inflate(), warning = function(w) {
    note(w)
    invokeRestart("muffleWarning")
  }), error = function(e) note(e))
  if (!is.null(why)) corrupt(why)
  if (length(raw) %% 2^32 != isize) {
    corrupt(sprintf("it inflates to %.0f bytes but its trailer says %.0f", length(raw), isize))
  }
  raw
}

#' Write an array of bytes as an IDX file (gzipped if path ends in .gz), dims = dim(A).
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
  con <- if (endsWith(path, ".gz")) gzfile(path, "wb") else file(path, "wb")
  on.exit(close(con))
  writeBin(c(header, as.raw(data)), con)
  invisible(path)
}
