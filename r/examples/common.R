# What every chapter example shares: run a scenario, print progress, save the figures.
#
# The twin of python/examples/common.py. Sourced by each example (Rscript r/examples/NAME.R),
# it loads dlfp as a package through r/load_dlfp.R (the project's installed copy when it is
# current, else the sources through pkgload::load_all), so the examples run from a plain
# checkout: dlfp::run_scenario reads as Python's dlfp.run_scenario.

# r/examples/, from Rscript's --file= (the running example lives beside this file)
HERE <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg) == 0) stop("common.R: run an example with Rscript", call. = FALSE)
  dirname(normalizePath(sub("^--file=", "", file_arg[1])))
})
ROOT <- dirname(dirname(HERE))
OUT <- file.path(ROOT, "examples", "out", "r")

source(file.path(ROOT, "r", "load_dlfp.R"))
load_dlfp(file.path(ROOT, "r"))

#' path = the scenario NAME.json: the default suite's, or the examples' own.
#'
#' @param name A scenario name, e.g. "spiral_softmax".
#' @return The path of fixtures/scenarios/NAME.json, else examples/scenarios/NAME.json; an
#'   unknown name stops with "no scenario NAME", as Python's common.scenario exits.
scenario <- function(name) {
  for (folder in file.path(ROOT, c("fixtures", "examples"), "scenarios")) {
    path <- file.path(folder, paste0(name, ".json"))
    if (file.exists(path)) return(path)
  }
  stop(sprintf("no scenario %s", name), call. = FALSE)
}

#' examples/out/r/FILE = what draw() plots on a width x height PNG; then say where it went.
#'
#' type = "cairo": the png() device then needs no X11 display, so the examples run headless.
#'
#' @param file The PNG's name.
#' @param width,height Its size in pixels.
#' @param draw A function of no arguments that plots with base graphics.
#' @return The PNG's path, invisibly.
save_figure <- function(file, width, height, draw) {
  dir.create(OUT, recursive = TRUE, showWarnings = FALSE)
  path <- file.path(OUT, file)
  grDevices::png(path, width = width, height = height, type = "cairo")
  tryCatch(draw(), finally = grDevices::dev.off())
  cat(sprintf("saved %s\n", path))
  invisible(path)
}

#' The loss curve, cost against epoch, from result$loss_curve (rows [epoch, cost]).
#'
#' @param result From dlfp::run_scenario.
#' @param file The PNG's name in examples/out/r/.
save_loss <- function(result, file) {
  curve <- result$loss_curve  # (n_recorded, 2)
  save_figure(file, 400, 280, function() {
    graphics::par(mar = c(3, 3.5, 2, 1), mgp = c(2, 0.6, 0), font.main = 1, las = 1)
    graphics::plot(curve[, 1], curve[, 2], type = "l", lwd = 1.5, col = "#1f77b4",
                   main = sprintf("%s: loss", result$name), xlab = "epoch", ylab = "cost")
  })
}

#' The decision regions the trained network draws over its 2-D data.
#'
#' predict_labels runs once over a 200 x 200 grid padded by 0.25 around the data; the regions are
#' filled contours, one band per class, and the training points sit on top, colored by label.
#' The fill is viridis mixed 35 : 65 with white, the color of Python's alpha 0.35 over a white
#' figure (an opaque fill leaves no seams between the bands).
#'
#' @param result From dlfp::run_scenario.
#' @param path_scenario The scenario it ran, for its data and activations.
#' @param file The PNG's name in examples/out/r/.
save_boundary <- function(result, path_scenario, file) {
  s <- dlfp::read_scenario(path_scenario)
  d <- dlfp::load_data(s)
  X <- d$X  # (2, m)
  g0 <- seq(min(X[1, ]) - 0.25, max(X[1, ]) + 0.25, length.out = 200)
  g1 <- seq(min(X[2, ]) - 0.25, max(X[2, ]) + 0.25, length.out = 200)
  grid <- rbind(rep(g0, times = length(g1)), rep(g1, each = length(g0)))  # (2, 200 * 200)
  # grid's first row varies fastest, so pred[i, j] is the class at (g0[i], g1[j]): the
  # x-by-y layout R's contour functions take
  pred <- matrix(dlfp::predict_labels(grid, result$final_params, s$activations),
                 length(g0), length(g1))  # (200, 200)
  K <- max(2, s$layers[length(s$layers)])  # a sigmoid output still has two classes
  colors <- grDevices::hcl.colors(K, "viridis")
  fill <- grDevices::rgb(0.35 * t(grDevices::col2rgb(colors)) / 255 + 0.65)
  save_figure(file, 320, 320, function() {
    graphics::par(mar = c(2.5, 3, 2, 1), pty = "s", font.main = 1, las = 1)
    graphics::plot.new()
    graphics::plot.window(range(g0), range(g1), xaxs = "i", yaxs = "i")
    # level k - 0.5 .. k + 0.5 is class k's band
    graphics::.filled.contour(g0, g1, pred, levels = (0:K) - 0.5, col = fill)
    graphics::points(X[1, ], X[2, ], pch = 16, cex = 0.7, col = colors[d$labels + 1])
    graphics::box()
    graphics::axis(1)
    graphics::axis(2)
    graphics::title(sprintf("%s: decision boundary", result$name))
  })
}

#' The feature maps of the trained network: each hidden unit's activation over the data plane.
#'
#' The final parameters forward-propagate a 100 x 100 grid padded by 0.25 around the 2-D data;
#' row l of the figure holds hidden layer l, panel j its unit j: A_l[j, ] as a heat map (blue to
#' red, scaled to the panel's own range, as Python's RdBu_r), titled "layer l unit j", the
#' training points faint on top.
#' A layer narrower than the widest leaves its extra panels empty.
#'
#' @param result From dlfp::run_scenario.
#' @param path_scenario The scenario it ran, for its data and activations.
#' @param file The PNG's name in examples/out/r/.
save_features <- function(result, path_scenario, file) {
  s <- dlfp::read_scenario(path_scenario)
  d <- dlfp::load_data(s)
  X <- d$X  # (2, m)
  g0 <- seq(min(X[1, ]) - 0.25, max(X[1, ]) + 0.25, length.out = 100)
  g1 <- seq(min(X[2, ]) - 0.25, max(X[2, ]) + 0.25, length.out = 100)
  grid <- rbind(rep(g0, times = length(g1)), rep(g1, each = length(g0)))  # (2, 100 * 100)
  caches <- dlfp::forward_propagation(grid, result$final_params, s$activations)$caches
  hidden <- lapply(caches[-length(caches)], function(cache) cache$A)  # A_l: (n_l, 100 * 100)
  units <- vapply(hidden, nrow, 0L)
  width <- max(units)
  colors <- grDevices::hcl.colors(64, "Blue-Red 2")
  # class 0 white, class 1 black, at 30% opacity (Python's Greys, alpha 0.3): faint on any hue
  faint <- grDevices::adjustcolor(c("white", "black")[d$labels + 1], alpha.f = 0.3)
  save_figure(file, 130 * width, 140 * length(hidden), function() {
    graphics::par(mfrow = c(length(hidden), width), mar = c(0.5, 0.5, 1.6, 0.5),
                  font.main = 1, cex.main = 0.9)
    for (l in seq_along(hidden)) {
      for (j in seq_len(width)) {
        if (j > units[l]) {  # past this layer's last unit: an empty panel
          graphics::plot.new()
          next
        }
        # grid's first row varies fastest: the values form the x-by-y matrix image() takes
        a <- matrix(hidden[[l]][j, ], length(g0), length(g1))  # (100, 100)
        zlim <- range(a)
        if (zlim[1] == zlim[2]) zlim <- zlim + c(-1, 1)  # a unit constant over the plane
        graphics::image(g0, g1, a, zlim = zlim, col = colors, axes = FALSE, xlab = "", ylab = "",
                        main = sprintf("layer %d unit %d", l, j))
        graphics::points(X[1, ], X[2, ], pch = 16, cex = 0.35, col = faint)
        graphics::box()
      }
    }
  })
}

#' result = dlfp::run_scenario(NAME), printing its progress and accuracy; then save its figures.
#'
#' @param name A scenario name (see scenario()).
#' @param prefix Saves PREFIX_loss.png and, when boundary is TRUE (for 2-D data),
#'   PREFIX_boundary.png into examples/out/r/.
#' @param boundary Draw the decision boundary too.
#' @return The result, invisibly.
run <- function(name, prefix, boundary = TRUE) {
  path <- scenario(name)
  result <- dlfp::run_scenario(path, verbose = TRUE)
  save_loss(result, paste0(prefix, "_loss.png"))
  if (boundary) save_boundary(result, path, paste0(prefix, "_boundary.png"))
  invisible(result)
}
