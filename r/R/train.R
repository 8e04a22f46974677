# The training loop: epochs of (mini-)batches, dropout, L2, any optimizer and lr schedule.

#' params = optimizer(params, dJ/dparams) over epochs of mini-batches; J = CE + L2 penalty.
#'
#' Each epoch with batch_size > 0 shuffles the examples by rng_permutation and walks batches of
#' batch_size (the last one smaller); batch_size 0 is one full batch, unshuffled. The loss
#' curve holds [e, J_e] for each 0-based epoch e with e \%\% record_every == 0 and for the last
#' epoch, J_e being the mean of that epoch's batch costs (each from its forward pass, before
#' its update) weighted by batch size. Random draws (shuffles, then each batch's dropout
#' masks) continue the stream rng. With snapshot_every = k > 0 the parameters are kept at the
#' start of each epoch e with e \%\% k == 0 and after the last one (as epoch `epochs`).
#'
#' @param X Inputs, n_0 x m.
#' @param Y Targets, n_L x m.
#' @param params Initial list(W1, b1, ..., WL, bL) (not changed).
#' @param activations One name per layer.
#' @param settings A checked scenario: learning_rate, epochs, record_every, snapshot_every,
#'   optimizer, beta, beta1, beta2, epsilon, batch_size, lambda, keep_prob, lr_decay.
#' @param rng Generator state.
#' @param verbose Print each recorded cost.
#' @return list(params = the trained list, loss_curve = n_records x 2 matrix [epoch, cost],
#'   rng = the state after training's draws, snapshots = an unnamed list of list(epoch = e,
#'   params = the parameters then), in epoch order; list() when snapshot_every is 0).
#' @export
train <- function(X, Y, params, activations, settings, rng, verbose = FALSE) {
  update <- lookup(OPTIMIZERS, settings[["optimizer"]], "optimizer", "train")
  lambd <- settings[["lambda"]]
  keep_prob <- settings[["keep_prob"]]
  epochs <- settings[["epochs"]]
  record_every <- settings[["record_every"]]
  batch_size <- settings[["batch_size"]]
  every <- settings[["snapshot_every"]]
  L <- length(activations)
  m <- ncol(X)
  state <- initialize_optimizer(params)
  t <- 0
  epoch <- seq_len(epochs) - 1
  recorded <- epoch[epoch %% record_every == 0 | epoch == epochs - 1]
  curve <- matrix(c(recorded, rep(NA_real_, length(recorded))), ncol = 2)  # (n_records, 2)
  snapshots <- list()
  for (e in epoch) {
    # R copies on modify: the list kept here is not changed by the updates that follow
    if (every > 0 && e %% every == 0) snapshots[[length(snapshots) + 1]] <- snapshot(e, params)
    lr <- learning_rate_at(settings, e)
    shuffle <- shuffle_examples(m, batch_size, rng)
    rng <- shuffle$rng
    row <- match(e, recorded)
    total <- 0
    for (i in shuffle$starts) {
      # perm NULL stands for "all examples, in order": no copy of X for full-batch training
      idx <- if (is.null(shuffle$perm)) NULL else shuffle$perm[i:min(i + batch_size - 1, m)]
      Xb <- if (is.null(idx)) X else X[, idx, drop = FALSE]  # (n_0, m_b)
      Yb <- if (is.null(idx)) Y else Y[, idx, drop = FALSE]  # (n_L, m_b)
      mb <- ncol(Xb)
      fwd <- forward_propagation_dropout(Xb, params, activations, keep_prob, rng)
      rng <- fwd$rng
      if (!is.na(row)) {
        cost <- compute_cost(fwd$caches[[L]]$Z, Yb, activations[[L]]) +
          l2_penalty(params, lambd, mb)
        total <- total + cost * mb
      }
      grads <- backward_propagation(fwd$AL, Yb, fwd$caches, params, activations, lambd,
                                    keep_prob)
      t <- t + 1
      step <- update(params, grads, state, lr, settings, t)
      params <- step$params
      state <- step$state
    }
    if (!is.na(row)) curve[row, 2] <- total / m
    check_divergence(e, if (is.na(row)) NULL else curve[row, 2], params, X, Y, activations,
                     lambd, lr, batch_size)
    if (!is.na(row) && verbose) {
      cat(sprintf("epoch %d: cost %s\n", e, fmt_fixed(curve[row, 2], 6)))
      utils::flush.console()
    }
  }
  if (every > 0) snapshots[[length(snapshots) + 1]] <- snapshot(epochs, params)
  list(params = params, loss_curve = curve, rng = rng, snapshots = snapshots)
}

# One entry of train's snapshots: the epoch and the parameters at its start (or, as epoch
# `epochs`, after the last one).
snapshot <- function(epoch, params) list(epoch = epoch, params = params)

#' Stop when the epoch's cost or any parameter is NaN or Inf: training would go on
#' multiplying NaNs.
#'
#' @param epoch The 0-based epoch just run.
#' @param cost Its recorded cost, or NULL when it was not recorded; the message then gives the
#'   cost J(params) of the diverged parameters on all of X, and the settings that can cause
#'   it (see divergence_causes).
#' @param params,X,Y,activations,lambd As train has them.
#' @param lr The epoch's learning rate.
#' @param batch_size The settings' batch_size (0: full batch).
#' @return NULL, invisibly, while training is sound.
#' @keywords internal
check_divergence <- function(epoch, cost, params, X, Y, activations, lambd, lr,
                             batch_size = 0) {
  finite <- all(is.finite(unlist(params, use.names = FALSE)))  # one check for all, once an epoch
  if (finite && (is.null(cost) || is.finite(cost))) return(invisible(NULL))
  if (is.null(cost) || is.finite(cost)) {
    caches <- forward_propagation(X, params, activations)$caches
    L <- length(activations)
    cost <- compute_cost(caches[[L]]$Z, Y, activations[[L]]) + l2_penalty(params, lambd, ncol(X))
  }
  dlfp_stop("train", sprintf("diverged at epoch %d (cost %s): try a smaller %s", epoch,
                             fmt_g(cost), divergence_causes(lr, lambd, batch_size, ncol(X))))
}

#' 'learning_rate (now lr)', and ' or lambda (now lambda)' when lr * lambda / b >= 1.
#'
#' b is the examples of one update (batch_size, or m for a full batch). Each update shrinks
#' the weights by W = (1 - lr * lambda / b) W besides the loss's own step: from
#' lr * lambda / b = 1 on, that decay alone overshoots zero, and past 2 it grows without
#' bound, so lambda is then a cause as much as the learning rate.
#'
#' @param lr,lambd The epoch's learning rate and the L2 strength.
#' @param batch_size The settings' batch_size (0: full batch).
#' @param m The number of examples.
#' @return A string.
#' @keywords internal
divergence_causes <- function(lr, lambd, batch_size, m) {
  b <- if (batch_size == 0) m else min(batch_size, m)
  causes <- sprintf("learning_rate (now %s)", fmt_g(lr))
  # (an infinite rate with lambda 0 makes NaN, which is no cause, as in Python and Octave)
  if (isTRUE(lr * lambd / b >= 1)) {
    causes <- sprintf("%s or lambda (now %s)", causes, fmt_g(lambd))
  }
  causes
}

# One epoch's order of the examples and the first position of each batch in it:
# perm = rng_permutation(rng, m) and starts 1, 1 + bs, 1 + 2 bs, ...; batch_size 0 gives
# perm NULL (all of X, in order) and a single start, with no draw.
shuffle_examples <- function(m, batch_size, rng) {
  if (batch_size == 0) return(list(perm = NULL, starts = 1, rng = rng))
  draw <- rng_permutation(rng, m)
  # seq.int: seq's generic wrapper took longer than the whole draw on small sets
  list(perm = draw$perm, starts = seq.int(1, m, by = batch_size), rng = draw$rng)
}
