# Activations and their backward steps, looked up by name in ACTIVATIONS and DERIVATIVES.

#' A = 1 / (1 + exp(-Z)).
#'
#' @param Z Pre-activation, n x m.
#' @return A, n x m (exp(-Z) = Inf gives A = 0, which is right).
#' @export
sigmoid_forward <- function(Z) 1 / (1 + exp(-Z))

#' A = tanh(Z).
#'
#' @param Z Pre-activation, n x m.
#' @return A, n x m.
#' @export
tanh_forward <- function(Z) tanh(Z)

#' A = max(Z, 0).
#'
#' @param Z Pre-activation, n x m.
#' @return A, n x m (a negative entry gives -0, which equals 0 and adds as 0).
#' @export
relu_forward <- function(Z) {
  # a comparison and a product, without branches: pmax tests each entry's sign, which the
  # random signs of Z make the CPU mispredict half the time (measured twice as slow)
  Z * (Z > 0)
}

#' A = exp(Z - max(Z)) ./ sum(exp(Z - max(Z))), per column.
#'
#' @param Z Pre-activation, K x m.
#' @return A, K x m; each column sums to 1.
#' @export
softmax_forward <- function(Z) {
  E <- exp(Z - rep(col_max(Z), each = nrow(Z)))  # the column max keeps exp from overflowing
  E / rep(colSums(E), each = nrow(E))
}

#' dZ = dA .* A .* (1 - A).
#'
#' @param dA Gradient of the cost with respect to A, n x m.
#' @param Z,A The layer's pre-activation and activation, n x m.
#' @return dZ, n x m.
#' @export
sigmoid_backward <- function(dA, Z, A) dA * A * (1 - A)

#' dZ = dA .* (1 - A.^2).
#'
#' @inheritParams sigmoid_backward
#' @return dZ, n x m.
#' @export
tanh_backward <- function(dA, Z, A) dA * (1 - A * A)

#' dZ = dA .* (Z > 0).
#'
#' @inheritParams sigmoid_backward
#' @return dZ, n x m.
#' @export
relu_backward <- function(dA, Z, A) dA * (Z > 0)

# A column's max as the elementwise max of the rows: a loop over the K units, vectorized over
# the m examples (measured faster than max.col(t(Z)) and apply(Z, 2, max) at every size tried;
# pmax.int, as the rows are plain vectors, skips pmax's checks of each argument's attributes).
col_max <- function(Z) do.call(pmax.int, lapply(seq_len(nrow(Z)), function(i) Z[i, ]))  # (m)

#' Activation functions by name: A = ACTIVATIONS[[name]](Z).
#'
#' @format A named list of functions of Z: sigmoid, tanh, relu, softmax (sigmoid_forward,
#'   tanh_forward, relu_forward, softmax_forward).
#' @export
ACTIVATIONS <- list(
  sigmoid = sigmoid_forward,
  tanh = tanh_forward,
  relu = relu_forward,
  softmax = softmax_forward
)

#' Backward steps by name: dZ = DERIVATIVES[[name]](dA, Z, A).
#'
#' Softmax has no entry: it is only an output layer, whose dZ = A - Y comes from the cost.
#'
#' @format A named list of functions of (dA, Z, A): sigmoid, tanh, relu (sigmoid_backward,
#'   tanh_backward, relu_backward).
#' @export
DERIVATIVES <- list(
  sigmoid = sigmoid_backward,
  tanh = tanh_backward,
  relu = relu_backward
)

#' f = table[[name]], or an error that lists the known names.
#'
#' @param table A named list (ACTIVATIONS, COSTS, ...).
#' @param name The key to look up.
#' @param what What the key names, for the message ("activation").
#' @param caller The public function to name in the message.
#' @return The entry.
#' @keywords internal
lookup <- function(table, name, what, caller) {
  # [[ matches a name exactly and gives NULL for an unknown one: one look, as training takes
  # it per layer and step (a single string only: [[ would index a longer vector recursively)
  entry <- if (is.character(name) && length(name) == 1) table[[name]]
  if (is.null(entry)) {
    known <- paste(sort(names(table), method = "radix"), collapse = ", ")
    dlfp_stop(caller, sprintf("unknown %s '%s' (known: %s)", what, py_str(name), known))
  }
  entry
}
