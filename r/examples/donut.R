# The course's donut problem: two relu layers, Adam, mini-batches, and what each unit learned.
# Run from the repository root: Rscript r/examples/donut.R

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

result <- run("donut", "donut")
save_features(result, scenario("donut"), "donut_features.png")
