# The bad-input corpus, fixtures/bad/cases.json: every case must stop with the one line the
# corpus states (or, with "prefix", a line that starts with it: the parser's own detail
# follows). Python's and Octave's suites run the same cases; the messages were written by hand.

bad_dir <- file.path(dlfp_fixtures, "bad")

test_that("every case of the bad-input corpus stops with its message", {
  skip_without_repo(file.path(bad_dir, "cases.json"))
  bad <- normalizePath(bad_dir)  # absolute, links resolved: {bad} in the corpus
  fill <- function(text) gsub("{bad}", bad, text, fixed = TRUE)
  cases <- jsonlite::read_json(file.path(bad_dir, "cases.json"))$cases
  expect_gte(length(cases), 80)
  for (case in cases) {
    got <- dlfp_error_message({
      if (!is.null(case$out)) check_result_path(fill(case$out))
      prepare_scenario(file.path(bad, case$scenario))
    })
    want <- fill(case$message)
    if (isTRUE(case$prefix)) {
      expect_true(startsWith(got, want), label = sprintf("%s: '%s' starts with '%s'", case$id,
                                                         got, want))
    } else {
      expect_identical(got, want, label = case$id)
    }
  }
})
