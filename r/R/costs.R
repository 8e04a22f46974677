# Costs of the output layer, looked up by output activation in COSTS; computed from logits.

#' J = -1/m * sum(y .* log(a) + (1 - y) .* log(1 - a)),  a = sigmoid(z).
#'
#' Computed from the logits z as mean(max(z, 0) - z .* y + log(1 + exp(-|z|))), which is the
#' same number without ever taking log(0) or overflowing exp.
#'
#' @param ZL Output logits, 1 x m.
#' @param Y Targets 0 or 1, 1 x m.
#' @return The cost, a number.
#' @export
binary_cross_entropy <- function(ZL, Y) {
  m <- ncol(ZL)
  sum(pmax(ZL, 0) - ZL * Y + log1p(exp(-abs(ZL)))) / m
}

#' J = -1/m * sum(sum(Y .* log(softmax(Z)))).
#'
#' log(softmax(z)) = z - max(z) - log(sum(exp(z - max(z)))) per column: never log(0).
#'
#' @param ZL Output logits, K x m.
#' @param Y One-hot targets, K x m.
#' @return The cost, a number.
#' @export
categorical_cross_entropy <- function(ZL, Y) {
  m <- ncol(ZL)
  K <- nrow(ZL)
  S <- ZL - rep(col_max(ZL), each = K)
  log_p <- S - rep(log(colSums(exp(S))), each = K)  # (K, m)
  -sum(Y * log_p) / m
}

#' Costs by output activation: J = COSTS[[output_activation]](ZL, Y).
#'
#' @format A named list of functions of (ZL, Y): sigmoid (binary_cross_entropy), softmax
#'   (categorical_cross_entropy).
#' @export
COSTS <- list(sigmoid = binary_cross_entropy, softmax = categorical_cross_entropy)
