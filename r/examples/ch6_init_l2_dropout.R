# Chapter 6: Xavier initialization with L2 on the donut; He, L2 and dropout on the spiral.
# Run from the repository root: Rscript r/examples/ch6_init_l2_dropout.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

run("xavier_l2_circles", "ch6_xavier_l2")
run("l2_dropout_spiral", "ch6_he_l2_dropout")
