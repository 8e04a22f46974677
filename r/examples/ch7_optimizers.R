# Chapter 7: mini-batch momentum, RMSProp with exponential decay, Adam with inverse-time decay.
# Run from the repository root: Rscript r/examples/ch7_optimizers.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

run("momentum_minibatch_spiral", "ch7_momentum")
run("rmsprop_exponential_xor", "ch7_rmsprop")
run("adam_inverse_time_spiral", "ch7_adam")
