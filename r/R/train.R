# The training loop and its optimizers, looked up by name in OPTIMIZERS.

#' Optimizers by name: params = OPTIMIZERS[[optimizer]](params, grads, learning_rate).
#' @export
OPTIMIZERS <- list(gd = update_parameters)

#' params = params - lr * dJ/dparams, repeated for epochs full-batch steps.
#'
#' The loss curve holds [e, J_e] for each 0-based epoch e with e %% record_every == 0 and for
#' the last epoch, J_e being the cost of epoch e's forward pass, before its update.
#'
#' @param X Inputs, n_0 x m.
#' @param Y Targets, n_L x m.
#' @param params Initial list(W1, b1, ..., WL, bL) (not changed).
#' @param activations One name per layer.
#' @param learning_rate The step size.
#' @param epochs,record_every Full-batch steps, and how often to record the cost.
#' @param optimizer A name in OPTIMIZERS.
#' @param verbose Print each recorded cost.
#' @return list(params = the trained list, loss_curve = n_records x 2 matrix [epoch, cost]).
#' @export
train <- function(X, Y, params, activations, learning_rate, epochs, record_every,
                  optimizer = "gd", verbose = FALSE) {
  update <- lookup(OPTIMIZERS, optimizer, "optimizer", "train")
  L <- length(activations)
  epoch <- seq_len(epochs) - 1
  recorded <- epoch[epoch %% record_every == 0 | epoch == epochs - 1]
  curve <- matrix(c(recorded, rep(NA_real_, length(recorded))), ncol = 2)  # (n_records, 2)
  for (e in epoch) {
    fwd <- forward_propagation(X, params, activations)
    row <- match(e, recorded)
    if (!is.na(row)) {
      curve[row, 2] <- compute_cost(fwd$caches[[L]]$Z, Y, activations[[L]])
      if (verbose) {
        cat(sprintf("epoch %d: cost %s\n", e, fmt_fixed(curve[row, 2], 6)))
        utils::flush.console()
      }
    }
    grads <- backward_propagation(fwd$AL, Y, fwd$caches, params, activations)
    params <- update(params, grads, learning_rate)
  }
  list(params = params, loss_curve = curve)
}
