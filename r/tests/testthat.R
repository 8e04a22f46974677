library(testthat)
library(dlfp)

test_check("dlfp")
