# Chapter 3: an L-layer network mixing relu and tanh, on XOR.
# Run from the repository root: Rscript r/examples/ch3_l_layers.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

run("deep_xor", "ch3")
