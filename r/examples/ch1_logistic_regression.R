# Chapter 1: logistic regression as a neural network (breast-cancer data, 30 -> 1 sigmoid).
# Run from the repository root: Rscript r/examples/ch1_logistic_regression.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

run("logreg_breast_cancer", "ch1", boundary = FALSE)
