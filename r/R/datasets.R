# Synthetic data sets made from the shared random stream, looked up by name in GENERATORS.
#
# Each generator returns X (2 x m, one column per example) and labels (length m), and does its
# arithmetic in the same order as its Python and Octave twins so the three give the same bits. The
# options' defaults and ranges are the scenario rules' (scenario_rules.json), not repeated here.

#' r = i / (N - 1) ; t = 4 j + 4 r + noise * z ; x = [r sin(t) ; r cos(t)], class j = 0..K-1.
#'
#' The spiral of chapter 4 (CS231n's): K arms of N points each, arm j labelled j.
#'
#' @param rng Generator state.
#' @param n_per_class Points per arm N.
#' @param classes Arms K.
#' @param noise Standard deviation of the angle's noise.
#' @return list(X = 2 x NK, labels = length NK, rng = the state after).
#' @export
generate_spiral <- function(rng, n_per_class, classes, noise) {
  N <- trunc(n_per_class)
  K <- trunc(classes)
  draw <- rng_normal(rng, N * K)
  r <- rep((seq_len(N) - 1) / (N - 1), K)  # (N K)
  j <- rep(seq_len(K) - 1, each = N)  # (N K)
  t <- 4 * j + 4 * r + noise * draw$z
  X <- rbind(r * sin(t), r * cos(t))
  list(X = X, labels = j, rng = draw$rng)
}

#' x = rho [cos(2 pi u) ; sin(2 pi u)] + noise * z ; rho = 1 (label 0) or factor (label 1).
#'
#' The donut: an outer ring of class 0 around an inner ring of class 1.
#'
#' @param rng Generator state.
#' @param n_per_class Points per ring N.
#' @param noise Standard deviation of the noise added to each coordinate.
#' @param factor Radius of the inner ring.
#' @return list(X = 2 x 2N, labels = length 2N, rng = the state after).
#' @export
generate_circles <- function(rng, n_per_class, noise, factor) {
  N <- trunc(n_per_class)
  ud <- rng_uniform(rng, 2 * N)
  zd <- rng_normal(ud$rng, 4 * N)
  z <- zd$z
  rho <- c(rep(1, N), rep(as.numeric(factor), N))
  theta <- (2 * pi) * ud$u
  X <- rbind(rho * cos(theta) + noise * z[seq_len(2 * N)],
             rho * sin(theta) + noise * z[2 * N + seq_len(2 * N)])
  list(X = X, labels = c(rep(0, N), rep(1, N)), rng = zd$rng)
}

#' x = 2 u - 1 in [-1, 1]^2 ; label = (x1 * x2 < 0).
#'
#' The course's XOR: opposite quadrants share a class.
#'
#' @param rng Generator state.
#' @param n Points.
#' @return list(X = 2 x n, labels = length n, rng = the state after).
#' @export
generate_xor <- function(rng, n) {
  n <- trunc(n)
  draw <- rng_uniform(rng, 2 * n)
  u <- draw$u
  X <- rbind(2 * u[seq_len(n)] - 1, 2 * u[n + seq_len(n)] - 1)
  list(X = X, labels = as.numeric(X[1, ] * X[2, ] < 0), rng = draw$rng)
}

#' Data generators by name: GENERATORS[[name]](rng, options...).
#'
#' @format A named list of functions of (rng, options...): spiral, circles, xor
#'   (generate_spiral, generate_circles, generate_xor), each returning list(X, labels, rng).
#' @export
GENERATORS <- list(spiral = generate_spiral, circles = generate_circles, xor = generate_xor)
