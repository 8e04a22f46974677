# The course's XOR problem: one hidden layer of 4 tanh units, and what each unit learned.
# Run from the repository root: Rscript r/examples/xor_problem.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

result <- run("xor", "xor")
save_features(result, scenario("xor"), "xor_features.png")
