# The shared random stream, against numbers worked out independently of dlfp's code.

m <- 2147483647

test_that("rng_create gives x_0 = seed + 1", {
  expect_identical(rng_create(0), 1)
  expect_identical(rng_create(41), 42)
  expect_identical(rng_create(2147483645), 2147483646)
})

test_that("the first draws are 48271 x_0 and 48271^2 x_0 mod m", {
  d <- rng_uniform(rng_create(0), 2)
  expect_identical(d$u, c(48271, 182605794) / m)  # 48271^2 = 2330089441 = m + 182605794
  expect_identical(d$rng, 182605794)
})

test_that("the 10000th minstd_rand value from x_0 = 1 is the C++ standard's 399268537", {
  expect_identical(rng_uniform(rng_create(0), 10000)$rng, 399268537)
})

test_that("uniforms match a step-by-step integer recurrence", {
  x0 <- rng_create(12345)
  x <- numeric(300)
  prev <- x0
  for (k in seq_along(x)) {  # the slow, obvious reference: one multiplication per draw
    prev <- (48271 * prev) %% m  # 48271 * prev < 2^47: exact in a double
    x[k] <- prev
  }
  d <- rng_uniform(x0, 300)
  expect_identical(d$u, x / m)
  expect_identical(d$rng, x[300])
})

test_that("multiplier_powers and mulmod are exact", {
  expect_identical(multiplier_powers(3), c(48271, 182605794, (182605794 * 48271) %% m))
  expect_identical(multiplier_powers(0), numeric(0))
  expect_identical(mulmod(m - 1, m - 1), 1)  # (-1)^2 = 1 mod m
  expect_identical(mulmod(c(2, 3), 1073741824), c(1, 1073741825))  # 2^31 = m + 1
})

test_that("the stream continues across calls", {
  a <- rng_uniform(rng_create(7), 10)
  b <- rng_uniform(a$rng, 5)
  expect_identical(c(a$u, b$u), rng_uniform(rng_create(7), 15)$u)
  expect_identical(rng_uniform(3, 0), list(u = numeric(0), rng = 3))
})

test_that("normals are Box-Muller on consecutive pairs of uniforms", {
  u1 <- 48271 / m
  u2 <- 182605794 / m
  z <- rng_normal(rng_create(0), 1)
  expect_identical(z$z, sqrt(-2 * log(u1)) * cos(2 * pi * u2))
  expect_identical(z$rng, 182605794)
  big <- rng_normal(rng_create(1), 1e5)$z
  expect_lt(abs(mean(big)), 0.01)
  expect_lt(abs(stats::sd(big) - 1), 0.01)
})

# The time of 10^6 draws is make bench's to report, not a test's to assert (a shared machine
# varies 20-50% run to run): here only that a million come out, all inside (0, 1).
test_that("10^6 uniforms come out in one vectorized call, all inside (0, 1)", {
  u <- rng_uniform(rng_create(1), 1e6)$u
  expect_length(u, 1e6)
  expect_true(all(u > 0 & u < 1))
})

test_that("rng_permutation is the order of n uniforms, 1-based, and draws exactly n", {
  p <- rng_permutation(rng_create(3), 6)
  u <- rng_uniform(rng_create(3), 6)
  expect_identical(sort(p$perm), 1:6)
  expect_true(all(diff(u$u[p$perm]) > 0))  # u(perm(1)) < u(perm(2)) < ...
  expect_identical(p$rng, u$rng)
  # seed 0 (x_0 = 1): x_k = 48271^k mod m = 48271, 182605794, 1291394886, 1914720637,
  # 2078669041, 407355683 (Python integers), so the 6th draw sorts third
  expect_identical(rng_permutation(rng_create(0), 6)$perm, c(1L, 2L, 6L, 3L, 4L, 5L))
})
