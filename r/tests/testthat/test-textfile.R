# The strict reader: UTF-8 without a byte-order mark, JSON as Python's json reads it, no NaN or
# Infinity, no key given twice; a JSON list never taken for a number.

# A file holding exactly these bytes (a string is written as its UTF-8 bytes).
bytes_file <- function(content, ext = ".json") {
  path <- tempfile(fileext = ext)
  if (is.character(content)) content <- charToRaw(enc2utf8(content))
  writeBin(as.raw(content), path)
  path
}

json_msg <- function(content) {
  path <- bytes_file(content)
  list(path = path, msg = dlfp_error_message(read_json(path, "read_scenario")))
}

test_that("read_text returns the file's UTF-8 text, CR and all", {
  path <- bytes_file(c(0x61, 0xc3, 0xa9, 0x0d, 0x0a, 0xe2, 0x82, 0xac))  # "aé\r\n€"
  text <- read_text(path, "load_data")
  expect_identical(Encoding(text), "UTF-8")
  expect_identical(utf8ToInt(text), c(0x61L, 0xe9L, 0x0dL, 0x0aL, 0x20acL))
  expect_identical(read_text(bytes_file(raw(0)), "load_data"), "")
})

test_that("read_text: a missing file, a byte-order mark, text that is not UTF-8", {
  missing <- file.path(tempdir(), "no-such-file.csv")
  expect_identical(dlfp_error_message(read_text(missing, "load_data")),
                   paste0("dlfp: load_data: no such file: ", missing))
  expect_identical(dlfp_error_message(read_text(tempdir(), "load_data")),
                   paste0("dlfp: load_data: ", tempdir(), " is not a regular file"))
  expect_identical(dlfp_error_message(read_text("/dev/null", "load_data")),
                   "dlfp: load_data: /dev/null is not a regular file")
  expect_identical(dlfp_error_message(read_text("/proc/self/status", "load_data")),
                   "dlfp: load_data: /proc/self/status is not a regular file")
  fifo <- tempfile()
  system2("mkfifo", fifo)
  on.exit(unlink(fifo))
  expect_identical(dlfp_error_message(read_text(fifo, "load_data")),
                   paste0("dlfp: load_data: ", fifo, " is not a regular file"))
  expect_identical(dlfp_error_message(read_text(NULL, "load_data")),
                   "dlfp: load_data: no such file: None")
  bom <- bytes_file(c(0xef, 0xbb, 0xbf, charToRaw('{"a": 1}')))
  expect_identical(dlfp_error_message(read_text(bom, "read_scenario")), paste0(
    "dlfp: read_scenario: ", bom, " begins with a byte-order mark (save it as UTF-8 without one)"))
  not_utf8 <- list(latin1 = c(0x63, 0x61, 0x66, 0xe9),  # "café" in Latin-1
                   overlong = c(0xc0, 0xaf), surrogate = c(0xed, 0xa0, 0x80),
                   above_max = c(0xf4, 0x90, 0x80, 0x80), truncated = c(0x61, 0xe2, 0x82),
                   utf16 = c(0xff, 0xfe, 0x7b, 0x00))
  for (b in not_utf8) {
    path <- bytes_file(b)
    expect_identical(dlfp_error_message(read_text(path, "read_scenario")),
                     paste0("dlfp: read_scenario: ", path, " is not UTF-8 text"))
  }
})

test_that("read_text reads ~ as a folder name, not as the home folder, as Python does", {
  expect_match(dlfp_error_message(read_text("~/.profile", "load_data")),
               "^dlfp: load_data: no such file: ~/[.]profile$")
})

test_that("read_json keeps lists apart from numbers, objects as named lists", {
  path <- bytes_file('{"a": [5], "b": 5, "c": [[2, 3, 1]], "d": {}, "e": [], "f": null,
                       "g": true, "h": "x\\u00e9", "i": 1.5e3}')
  v <- read_json(path, "read_scenario")
  expect_identical(v$a, list(5L))
  expect_identical(v$b, 5L)
  expect_identical(v$c, list(list(2L, 3L, 1L)))
  expect_identical(v$d, setNames(list(), character(0)))
  expect_identical(v$e, list())
  expect_true("f" %in% names(v) && is.null(v$f))
  expect_identical(v$g, TRUE)
  expect_identical(v$h, "x\u00e9")
  expect_identical(v$i, 1500)
})

test_that("NaN and Infinity are refused outside strings, allowed inside them", {
  for (text in c('{"a": NaN}', '{"a": Infinity}', '{"a": -Infinity}', '[1, NaN]')) {
    r <- json_msg(text)
    expect_identical(r$msg, paste0("dlfp: read_scenario: ", r$path,
                                   " holds NaN or Infinity, which JSON does not allow"))
  }
  path <- bytes_file('{"name": "NaN", "d": "Infinity \\" NaN", "NaNa": 1, "xInfinity": 2}')
  expect_identical(names(read_json(path, "read_scenario")), c("name", "d", "NaNa", "xInfinity"))
})

test_that("what Python's json refuses, read_json refuses: malformed JSON in <path>: ...", {
  bad <- c(comment = '{"a": 1} // note', block_comment = '/* note */ {"a": 1}',
           trailing_comma = '{"a": 1,}', list_trailing_comma = '[1, 2,]',
           single_quotes = "{'a': 1}", unquoted_key = "{a: 1}", leading_zero = '{"a": 01}',
           plus = '{"a": +1}', bare_point = '{"a": .5}', point_no_digit = '{"a": 1.}',
           hex = '{"a": 0x10}', tab_in_string = '{"a": "x\ty"}',
           newline_in_string = '{"a": "x\ny"}', control_char = '{"a": "x\001"}',
           bad_escape = '{"a": "\\x41"}', trailing_garbage = '{"a": 1} x',
           two_values = '{"a": 1} {}', empty = "", spaces = "   \n",
           form_feed = '\f{"a": 1}', vertical_tab = '{"a":\v1}', python_true = '{"a": True}',
           unterminated = '{"a": "x}')
  for (id in names(bad)) {
    r <- json_msg(bad[[id]])
    expect_true(startsWith(r$msg, paste0("dlfp: read_scenario: malformed JSON in ", r$path, ": ")),
                label = paste(id, r$msg))
    expect_false(grepl("\n", r$msg), label = id)
  }
  nul <- json_msg(c(charToRaw('{"a": 1}'), as.raw(0)))  # a NUL byte after the object
  expect_identical(nul$msg, paste0("dlfp: read_scenario: ", nul$path,
                                   " has a NUL byte, which no text file has"))
})

test_that("a key given twice: the first object to close, then the first repeated key", {
  twice <- function(text, key) {
    r <- json_msg(text)
    expect_identical(r$msg, sprintf("dlfp: read_scenario: %s has the key '%s' twice", r$path,
                                    key))
  }
  twice('{"a": 1, "b": 2, "a": 3}', "a")
  twice('{"b": 1, "a": 2, "a": 3, "b": 4}', "a")  # a repeats first, though b was first seen
  twice('{"a": 1, "\\u0061": 2}', "a")  # the same key, once escaped
  # the inner object closes before the one that holds it
  twice('{"x": 1, "x": 2, "d": {"y": 1, "y": 2}}', "y")
  # siblings in document order, each closing before the next one opens
  twice('{"d": {"p": 1, "p": 2}, "e": {"q": 1, "q": 2}}', "p")
  twice('[{"k": [{"m": 1, "m": 2}]}, {"n": 1, "n": 2}]', "m")
  twice('{"d": {"z": {"w": 1, "w": 2}, "z": 3}}', "w")
})

test_that("read_scenario: the top level must be an object; [5] is not a number", {
  for (text in c("[1, 2]", "5", '"s"', "null")) {
    path <- bytes_file(text)
    expect_identical(dlfp_error_message(read_scenario(path)), paste0(
      "dlfp: read_scenario: malformed JSON in ", path, ": the top level must be an object"))
  }
  scenario <- function(epochs, layers) {
    sprintf('{"name": "t", "data": {"generator": "xor"}, "layers": %s, "activations":
             ["tanh", "sigmoid"], "learning_rate": 0.5, "epochs": %s}', layers, epochs)
  }
  expect_identical(dlfp_error_message(read_scenario(bytes_file(scenario("[5]", "[2, 3, 1]")))),
                   "dlfp: read_scenario: 'epochs' must be an integer from 1 to 1000000")
  expect_identical(dlfp_error_message(read_scenario(bytes_file(scenario("5", "[[2, 3, 1]]")))),
                   paste("dlfp: read_scenario: 'layers' must be a list of at least 2 integers",
                         "from 1 to 100000"))
  expect_identical(read_scenario(bytes_file(scenario("5.0", "[2, 3, 1]")))$epochs, 5)
  # 1e400 reads as Inf in Python and R: a number, but not a finite one
  expect_identical(dlfp_error_message(read_scenario(bytes_file(scenario("1e400", "[2, 3, 1]")))),
                   "dlfp: read_scenario: 'epochs' must be an integer from 1 to 1000000")
})

test_that("the rules' limits: nesting, long strings and numbers, \\u0000 and lone surrogates", {
  limit_msg <- function(text) json_msg(text)
  deep <- limit_msg(paste0('{"a": ', strrep("[", 64), strrep("]", 64), "}"))
  expect_identical(deep$msg, paste0("dlfp: read_scenario: ", deep$path,
                                    " nests arrays and objects more than 64 deep"))
  ok <- limit_msg(paste0(strrep("[", 64), strrep("]", 64)))  # 64 levels are allowed
  expect_true(is.na(ok$msg))
  long <- limit_msg(paste0('{"a": "', strrep("x", 10001), '"}'))
  expect_identical(long$msg, paste0("dlfp: read_scenario: ", long$path,
                                    " has a string of more than 10000 characters"))
  number <- limit_msg(paste0('{"a": ', strrep("1", 101), "}"))
  expect_identical(number$msg, paste0("dlfp: read_scenario: ", number$path,
                                      " has a number of more than 100 characters"))
  for (text in c('{"a": "x\\ud800y"}', '{"a\\u0000": 1}', '{"a": "\\udc00"}',
                 '{"a": "\\ud800\\ud800\\udc00"}')) {
    lone <- limit_msg(text)
    expect_identical(lone$msg, paste0("dlfp: read_scenario: ", lone$path, " has a string with ",
                                      "\\u0000 or a lone surrogate escape, which dlfp does not take"),
                     label = text)
  }
  # a pair, and an escaped backslash before u0000, are fine
  pair <- limit_msg('{"a": "\\ud83d\\ude00", "b": "\\\\u0000"}')
  expect_true(is.na(pair$msg))
})

test_that("shown: escapes and a cut as Python's and Octave's", {
  expect_identical(shown("a\nb\r\t\\"), "a\\nb\\r\\t\\\\")
  expect_identical(shown("\u007f\u0085\u2028\u00e9"), "\\x7f\\x85\\u2028\u00e9")
  expect_identical(shown(rawToChar(as.raw(c(0x61, 0xff, 0xed, 0xa0, 0x80, 0xc3)))),
                   "a\\xff\\ud800\\xc3")
  expect_identical(shown(strrep("a", 50)), paste0(strrep("a", 40), "..."))
  expect_identical(shown(strrep("\u00e9", 41)), paste0(strrep("\u00e9", 40), "..."))
  expect_identical(shown_path(strrep("a", 50)), strrep("a", 50))
})

test_that("read_text: the size is checked before a byte is read, as in Python and Octave", {
  # a sparse 8 GB file is refused at once; a file at the limit is taken
  f <- tempfile()
  on.exit(unlink(f))
  expect_equal(system2("truncate", c("-s", "8G", f)), 0)
  expect_identical(dlfp_error_message(read_text(f, "me", 1000000)),
                   paste0("dlfp: me: ", f, " is larger than 1000000 bytes"))
  writeLines("{}", f, sep = "")
  expect_identical(read_text(f, "me", 2), "{}")
  expect_identical(RULES[["limits"]][["json_bytes"]], 1000000L)
})
