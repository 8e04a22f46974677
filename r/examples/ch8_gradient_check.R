# Chapter 8: gradient checking: backward propagation against centered finite differences.
# Run from the repository root: Rscript r/examples/ch8_gradient_check.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

s <- dlfp::read_scenario(scenario("l2_dropout_spiral"))
d <- dlfp::load_data(s)
X <- d$X[, 2:33]  # skip the spiral's centre point, where relus sit on 0
labels <- d$labels[2:33]
out_act <- s$activations[length(s$activations)]
Y <- dlfp::labels_to_targets(labels, out_act, s$layers[length(s$layers)])
params <- dlfp::initialize_parameters(s$layers, s$init, dlfp::rng_create(s$seed))$params
r <- dlfp::gradient_check(X, Y, params, s$activations, 0.1)
# The difference itself (about 1e-8) is rounding noise magnified by 1/epsilon, so its digits
# differ between Python, R and Octave; the verdict against GRADCHECK_THRESHOLD (1e-7) is what
# they share.
good <- r$difference < dlfp::GRADCHECK_THRESHOLD
cat(sprintf("gradient check over %d parameters, %d relu kinks skipped: difference %s 1e-7: %s\n",
            r$checked, r$kinks, if (good) "below" else "ABOVE", if (good) "ok" else "FAILED"))
