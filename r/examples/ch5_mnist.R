# Chapter 5: MNIST-scale classification: the 8x8 digits, then a Fashion-MNIST subset.
# Run from the repository root: Rscript r/examples/ch5_mnist.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

run("digits_adam", "ch5_digits", boundary = FALSE)
run("fashion_subset", "ch5_fashion", boundary = FALSE)
