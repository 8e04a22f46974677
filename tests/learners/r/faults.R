# A learner's file with faults the checker must survive, reporting each and going on:
# sigmoid_forward hangs, tanh_forward stops with an error, relu_forward returns the wrong
# shape, softmax_forward ends its process; linear_forward is right.

sigmoid_forward <- function(Z) {
  A <- Z
  repeat A <- A + 0
  A
}

tanh_forward <- function(Z) {
  tanh(Z) / scale_factor
}

relu_forward <- function(Z) {
  colSums(pmax(Z, 0))
}

softmax_forward <- function(Z) {
  quit(save = "no", status = 3)
}

linear_forward <- function(A_prev, W, b) {
  W %*% A_prev + as.vector(b)
}
