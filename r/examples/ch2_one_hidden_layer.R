# Chapter 2: one hidden layer of tanh units and a sigmoid output, on the donut.
# Run from the repository root: Rscript r/examples/ch2_one_hidden_layer.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

run("one_hidden_circles", "ch2")
