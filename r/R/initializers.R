# Weight initializers, looked up by name in INITIALIZERS: each gives the scale of W_l.

#' s = 0.01 (the book's default).
#'
#' @param n_prev Units in the layer below.
#' @return The scale of W_l.
#' @keywords internal
scale_scaled <- function(n_prev) 0.01

#' s = sqrt(2 / n_prev).
#'
#' @inheritParams scale_scaled
#' @return The scale of W_l.
#' @keywords internal
scale_he <- function(n_prev) sqrt(2 / n_prev)

#' s = sqrt(1 / n_prev).
#'
#' @inheritParams scale_scaled
#' @return The scale of W_l.
#' @keywords internal
scale_xavier <- function(n_prev) sqrt(1 / n_prev)

#' Initializer scales by name: s = INITIALIZERS[[init]](n_prev).
#'
#' @format A named list of functions of n_prev: scaled, he, xavier (scale_scaled, scale_he,
#'   scale_xavier).
#' @export
INITIALIZERS <- list(scaled = scale_scaled, he = scale_he, xavier = scale_xavier)

#' W_l = s(n_(l-1)) * N(0, 1) of size n_l x n_(l-1),  b_l = 0 of size n_l x 1.
#'
#' Normals come from the shared stream, layer by layer, each W_l filled column by column
#' (R's own order for matrix(), which Python copies with order = "F").
#'
#' @param layers Layer sizes c(n_0, n_1, ..., n_L), n_0 the number of features.
#' @param init A name in INITIALIZERS.
#' @param rng Generator state.
#' @return list(params = list(W1, b1, ..., WL, bL), rng = the state after).
#' @export
initialize_parameters <- function(layers, init, rng) {
  scale <- lookup(INITIALIZERS, init, "initializer", "initialize_parameters")
  params <- list()
  for (l in seq_along(layers)[-1]) {
    n <- layers[[l]]
    n_prev <- layers[[l - 1]]
    draw <- rng_normal(rng, n * n_prev)
    rng <- draw$rng
    params[[paste0("W", l - 1)]] <- matrix(draw$z, n, n_prev) * scale(n_prev)  # (n_l, n_(l-1))
    params[[paste0("b", l - 1)]] <- matrix(0, n, 1)  # (n_l, 1)
  }
  list(params = params, rng = rng)
}
