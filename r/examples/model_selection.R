# Model selection (the course): 4 or 5 hidden units on the donut? Cross-validate both, and a few
# more widths, then ask a paired t-test whether the best two differ.
# Run from the repository root: Rscript r/examples/model_selection.R
# (the twin of python/examples/model_selection.py: the same lines, to the last digit)

file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(sub("^--file=", "", file_arg[1])), "common.R"))  # this folder's

WIDTHS <- c(2, 3, 4, 5, 8)
# "%.4f" rounded as Python rounds it: dlfp's own (internal) helper
fmt_fixed <- function(x, digits) dlfp:::fmt_fixed(x, digits)

base <- dlfp::read_scenario(scenario("donut_widths"))
scores <- list()
for (width in WIDTHS) {
  s <- base
  s$layers <- c(2, width, 1)
  cv <- dlfp::cross_validate(dlfp::prepare_scenario(s))
  scores[[as.character(width)]] <- vapply(cv$folds, function(f) f$test_accuracy, 0)
  cat(sprintf("%d hidden units: mean test accuracy %s, std %s, folds %s\n", width,
              fmt_fixed(cv$mean_test_accuracy, 4), fmt_fixed(cv$std_test_accuracy, 4),
              paste(vapply(scores[[as.character(width)]], fmt_fixed, "", 4), collapse = " ")))
}
# the sum of each width's fold accuracies, added in turn as Python's sum() adds them (R's sum()
# would add in long double, and could break a tie Python sees); order() is stable, so a tie
# goes to the narrower width
totals <- vapply(scores, function(a) Reduce(`+`, a, 0), 0)
ranked <- WIDTHS[order(-totals)]
best <- ranked[1]
second <- ranked[2]

#' "A vs B hidden units: paired t-test over the folds t = .., p = .." (Student's t on the folds'
#' differences a - b); t.test stops when the differences are all the same, where Python's t is
#' NaN: then the test is not defined.
paired_t_test <- function(a, b) {
  tt <- tryCatch(stats::t.test(scores[[as.character(a)]], scores[[as.character(b)]],
                               paired = TRUE),
                 error = function(e) NULL)
  paste0(sprintf("%d vs %d hidden units: paired t-test over the folds ", a, b),
         if (is.null(tt)) "not defined (the same accuracy on every fold)"
         else sprintf("t = %s, p = %s", fmt_fixed(unname(tt$statistic), 4),
                      fmt_fixed(tt$p.value, 4)))
}

cat(paired_t_test(4, 5), "\n", sep = "")
cat(sprintf("best %d, runner-up %d; %s\n", best, second, paired_t_test(best, second)))
