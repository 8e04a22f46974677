# Chapter 4: softmax and categorical cross-entropy on the 3-class spiral.
# Run from the repository root: Rscript r/examples/ch4_softmax_spiral.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

run("spiral_softmax", "ch4")
