# The shared random stream: MINSTD computed exactly in doubles, vectorized by jump-ahead.
#
# The same seed gives bit-identical uniforms and normals in Python, R and Octave. The generator
# state is a plain number that goes in and comes back out; nothing is changed in place.

MODULUS <- 2147483647  # 2^31 - 1
MULTIPLIER <- 48271
HALF <- 65536  # 2^16: splitting one factor keeps every product below 2^53

#' r = (a * b) mod (2^31 - 1), exact in doubles for 0 <= a, b < 2^31.
#'
#' @param a,b Integers held in doubles, below 2^31 (recycled against each other).
#' @return The product modulo 2^31 - 1, exactly.
#' @keywords internal
mulmod <- function(a, b) {
  hi <- floor(b / HALF)
  lo <- b - hi * HALF
  r <- mod_m(a * hi)  # a*hi < 2^47
  mod_m(r * HALF + a * lo)  # < 2^48: still exact
}

# floor(x/m) is exact for x < 2^53 with m ~ 2^31, so this is the integer remainder; written out
# (not %%) so the three languages do the very same operations.
mod_m <- function(x) x - floor(x / MODULUS) * MODULUS

#' p_k = 48271^k mod (2^31 - 1) for k = 1..n, by repeated doubling.
#'
#' @param n How many powers.
#' @return A numeric vector of length n.
#' @keywords internal
multiplier_powers <- function(n) {
  keep_powers(n)
  POWERS$p[seq_len(n)]
}

# Makes sure POWERS holds at least n powers p_k, and beside them s_k = p_k 2^16 mod (2^31 - 1)
# for rng_uniform. The same powers serve every later draw (each batch's dropout masks need
# them), so they are computed once and kept; they are exact integers, so extending them gives
# the same numbers as computing them afresh.
keep_powers <- function(n) {
  p <- POWERS$p
  if (length(p) >= n) return(invisible(NULL))
  while (length(p) < n) {
    # a^(k + len) = a^k * a^len: doubling keeps this O(n) with O(log n) vector steps
    p <- c(p, mulmod(p, p[length(p)]))
  }
  POWERS$p <- p
  POWERS$s <- mod_m(p * HALF)  # p * 2^16 < 2^47: exact
  invisible(NULL)
}

# The kept powers; an environment, as a package's own bindings are locked once it is loaded.
POWERS <- new.env(parent = emptyenv())
POWERS$p <- MULTIPLIER
POWERS$s <- mod_m(MULTIPLIER * HALF)

#' x_0 = seed + 1: the generator state for a seed in 0 .. 2^31 - 3.
#'
#' @param seed An integer from 0 to 2147483645 (x_0 = 2^31 - 1 would be 0 mod m, a stuck stream).
#' @return The generator state, an integer in [1, 2^31 - 2] held in a double.
#' @export
rng_create <- function(seed) {
  ok <- is.numeric(seed) && length(seed) == 1 && is.finite(seed) && seed == floor(seed) &&
    seed >= 0 && seed <= MODULUS - 2
  if (!ok) {
    dlfp_stop("rng_create", paste0("seed must be an integer from 0 to 2147483645, got ",
                                   fmt_number(seed)))
  }
  as.numeric(seed) + 1
}

#' u_k = x_k / (2^31 - 1),  x_k = 48271^k x_0 mod (2^31 - 1): n uniforms in (0, 1).
#'
#' @param rng The generator state.
#' @param n How many draws.
#' @return list(u = numeric vector of length n, rng = the state after the n draws).
#' @export
rng_uniform <- function(rng, n) {
  n <- trunc(n)
  if (n <= 0) return(list(u = numeric(0), rng = rng))
  keep_powers(n)
  k <- seq_len(n)
  hi <- floor(rng / HALF)  # rng = hi 2^16 + lo
  lo <- rng - hi * HALF
  # x_k = mulmod(rng, p_k) = (p_k lo + s_k hi) mod (2^31 - 1) with the kept s_k = p_k 2^16 mod
  # (2^31 - 1): products below 2^47 and their sum below 2^48, so exact and the same integers,
  # with the split of p_k paid once rather than at every draw (7 passes over n, not 12)
  x <- mod_m(POWERS$p[k] * lo + POWERS$s[k] * hi)
  list(u = x / MODULUS, rng = x[n])
}

#' z = sqrt(-2 log u1) * cos(2 pi u2): n standard normals from 2n uniforms (Box-Muller).
#'
#' Uniforms are taken in pairs (u1, u2) = (u_1, u_2), (u_3, u_4), ...
#'
#' @param rng The generator state.
#' @param n How many draws.
#' @return list(z = numeric vector of length n, rng = the state after).
#' @export
rng_normal <- function(rng, n) {
  draw <- rng_uniform(rng, 2 * trunc(n))
  odd <- c(TRUE, FALSE)  # recycled: u_1, u_3, ...
  u1 <- draw$u[odd]
  u2 <- draw$u[!odd]
  list(z = sqrt(-2 * log(u1)) * cos((2 * pi) * u2), rng = draw$rng)
}

#' perm = order(u_1..u_n): a random permutation of the n examples, by sorting n uniforms.
#'
#' The n uniforms of one block are distinct (MINSTD repeats only after 2^31 - 2 draws), so
#' every language's sort gives the same order. Indices are 1-based here, as in Octave, and
#' 0-based in Python: each language's own base, the same order.
#'
#' @param rng The generator state.
#' @param n How many examples.
#' @return list(perm = integer vector, a permutation of 1..n, rng = the state after n draws).
#' @export
rng_permutation <- function(rng, n) {
  draw <- rng_uniform(rng, n)
  list(perm = order(draw$u), rng = draw$rng)
}
