# Times dlfp's R training of one scenario natively: Rscript bench_train.R SCENARIO REPS.
#
# The twin of bench_train.py (see there): prepare once, train once to warm up, then REPS timed
# runs; then the matrix products of the workload's own shapes in R's BLAS; one JSON line out.

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])))
r_dir <- normalizePath(file.path(here, "..", "..", "r"))
source(file.path(r_dir, "load_dlfp.R"))
load_dlfp(r_dir)  # library(dlfp): the project's installed copy, or the sources if it is stale

product_seconds <- function(A, B, transpose_a = FALSE, transpose_b = FALSE) {
  # the fastest of 5 batches of A %*% B (as the training step forms it), per product
  prod <- if (transpose_a) function() crossprod(A, B) else if (transpose_b)
    function() tcrossprod(A, B) else function() A %*% B
  k <- 1
  repeat {
    t <- proc.time()[["elapsed"]]
    for (i in seq_len(k)) prod()
    if (proc.time()[["elapsed"]] - t >= 0.02) break
    k <- k * 2
  }
  best <- Inf
  for (r in 1:5) {
    t <- proc.time()[["elapsed"]]
    for (i in seq_len(k)) prod()
    best <- min(best, (proc.time()[["elapsed"]] - t) / k)
  }
  best
}

bench_floor <- function(layers, m, batch_size, epochs) {
  mb <- if (batch_size == 0) m else batch_size
  steps <- epochs * ceiling(m / mb)
  seconds <- 0
  flops <- 0
  for (l in 2:length(layers)) {
    n <- layers[l]
    n_prev <- layers[l - 1]
    W <- matrix(runif(n * n_prev), n)
    A <- matrix(runif(n_prev * mb), n_prev)
    dZ <- matrix(runif(n * mb), n)
    seconds <- seconds + product_seconds(W, A) + product_seconds(dZ, A, transpose_b = TRUE)
    flops <- flops + 2 * 2 * n * n_prev * mb
    if (l > 2) {
      seconds <- seconds + product_seconds(W, dZ, transpose_a = TRUE)
      flops <- flops + 2 * n * n_prev * mb
    }
  }
  c(seconds = seconds * steps, flops = flops * steps)
}

peak_rss_mb <- function() {
  line <- grep("^VmHWM:", readLines("/proc/self/status"), value = TRUE)
  as.numeric(strsplit(trimws(sub("VmHWM:", "", line)), " +")[[1]][1]) / 1024
}

args <- commandArgs(trailingOnly = TRUE)
p <- prepare_scenario(args[1])
s <- p$scenario
once <- function() {
  t <- proc.time()[["elapsed"]]
  train(p$X, p$Y, p$params0, s$activations, s, p$rng)
  proc.time()[["elapsed"]] - t
}
invisible(once())  # warm-up
times <- vapply(seq_len(as.integer(args[2])), function(i) once(), numeric(1))
fl <- bench_floor(s$layers, ncol(p$X), s$batch_size, s$epochs)
cat(jsonlite::toJSON(list(times = I(times), floor_seconds = fl[["seconds"]], flops = fl[["flops"]],
                          peak_rss_mb = peak_rss_mb()), auto_unbox = TRUE, digits = NA), "\n")
