# The scenario's rules, read from scenario_rules.json, and the walker that checks a scenario
# against them. Python's schema.py and Octave's check_scenario.m walk the same file in the same
# order and word every error the same way.

# Where the rules file is: inst/scenario_rules.json of the package, as R finds any package's
# file (the installed copy's, or the sources' under pkgload::load_all, whose system.file reads
# inst/).
rules_file <- function() {
  installed <- system.file("scenario_rules.json", package = "dlfp")
  if (!nzchar(installed)) {
    dlfp_stop("read_scenario", "cannot find scenario_rules.json in the dlfp package")
  }
  installed
}

#' The scenario format as data: scenario_rules.json, parsed (objects as named lists).
#'
#' @format A named list: fields (the top level's rows), sources (the data sources' specs) and
#'   output_units, as in the file that Python and Octave read too.
#' @export
RULES <- jsonlite::parse_json(
  paste(readLines(rules_file(), encoding = "UTF-8", warn = FALSE), collapse = "\n"),
  simplifyVector = FALSE)

# the tables the rules name: a name is checked against the table's names
TABLES <- list(ACTIVATIONS = ACTIVATIONS, DERIVATIVES = DERIVATIVES, COSTS = COSTS,
               INITIALIZERS = INITIALIZERS, OPTIMIZERS = OPTIMIZERS, SCHEDULES = SCHEDULES,
               GENERATORS = GENERATORS)
SCHEMA_FN <- "read_scenario"

#' scenario = check_scenario(JSON(path)) + base_dir: a scenario file, read and checked.
#'
#' The JSON is read by read_json, which keeps a JSON list and a scalar apart ("epochs": [5] is a
#' list, not 5) and a key given twice visible.
#'
#' @param path A scenario JSON file (see the README for the fields).
#' @return A named list: every field present, defaults filled in, plus base_dir (the file's
#'   folder, against which a relative data path is read).
#' @export
read_scenario <- function(path) {
  raw <- read_json(path, SCHEMA_FN)
  if (!is_object(raw)) {
    schema_fail(sprintf("malformed JSON in %s: the top level must be an object", shown_path(path)))
  }
  s <- check_scenario(raw)
  s$base_dir <- dirname(abs_path(path))
  s
}

#' scenario = defaults + raw, checked row by row against RULES, or the first error.
#'
#' @param raw Fields as read from JSON by read_json (jsonlite::parse_json(simplifyVector =
#'   FALSE)): objects are named lists, lists are unnamed lists.
#' @return A named list, every default filled in: integers and numbers as doubles, layers a
#'   numeric vector, activations a character vector, data and lr_decay named lists.
#' @export
check_scenario <- function(raw) {
  if (!is_object(raw)) schema_fail("a scenario must be an object")
  check_object(raw, RULES, "", NULL)
}

#' out = obj checked against spec's rows (and its choice's variant), defaults filled in.
#'
#' Checks, in this order: the choice's key and name, unknown fields, missing required fields,
#' each row in turn, fields that go together.
#'
#' @param obj A named list from JSON.
#' @param spec Its rules: fields, and optionally choice and together.
#' @param prefix Names the object in messages ("" at the top level).
#' @param top The checked top level, where default_from and the activations look; NULL at the
#'   top level, where it is the output being built.
#' @return The checked named list, in the rows' order.
#' @keywords internal
check_object <- function(obj, spec, prefix, top) {
  rows <- spec[["fields"]]
  choice <- spec[["choice"]]
  if (!is.null(choice)) {
    key <- choice[["key"]]
    check_name(obj[[key]], choice[["table"]], choice[["what"]], label_of(prefix, key))
    rows <- c(list(list(field = key, type = "chosen")), rows,
              choice[["variants"]][[obj[[key]]]])
  }
  fields <- vapply(rows, function(r) r[["field"]], "")
  allowed <- sort(fields, method = "radix")  # byte order, as Python's sorted()
  what <- if (nzchar(prefix)) sprintf("field of '%s'", prefix) else "field"
  unknown <- setdiff(names(obj), allowed)
  if (length(unknown) > 0) {
    schema_fail(sprintf("unknown %s '%s' (allowed: %s)", what, shown(unknown[1]),
                        paste(allowed, collapse = ", ")))
  }
  required <- vapply(rows, function(r) isTRUE(r[["required"]]), NA)
  missing <- fields[required & !(fields %in% names(obj))]
  if (length(missing) > 0) {
    schema_fail(sprintf("missing field '%s'", label_of(prefix, missing[1])))
  }
  out <- list()
  for (r in rows) {
    key <- r[["field"]]
    if (key %in% names(obj)) {
      value <- obj[[key]]
    } else if ("default" %in% names(r)) {
      value <- r[["default"]]
    } else if ("default_from" %in% names(r)) {
      # another field's value, moved on by offset within [min, max]
      offset <- if (is.null(r[["offset"]])) 0 else r[["offset"]]
      value <- (top[[r[["default_from"]]]] + offset - r[["min"]]) %%
        (r[["max"]] - r[["min"]] + 1) + r[["min"]]
    } else {
      next
    }
    # R lists are values, not references: at the top level, the rows checked so far are the
    # top that later rows (activations, data.seed) look at
    out[[key]] <- CHECKS[[r[["type"]]]](value, r, label_of(prefix, key),
                                        if (is.null(top)) out else top)
  }
  for (group in spec[["together"]]) {
    group <- unlist(group)
    if (length(unique(group %in% names(obj))) > 1) {
      schema_fail(sprintf("%s go together", paste0("'", label_of(prefix, group), "'",
                                                   collapse = " and ")))
    }
  }
  out
}

#' value, if it names an entry of TABLES[[table]]; else an error listing the known names.
#'
#' @param value A value from JSON.
#' @param table The name of a table in TABLES ("INITIALIZERS").
#' @param what What the name names, for the message ("init").
#' @param label The field, for the message.
#' @return value.
#' @keywords internal
check_name <- function(value, table, what, label) {
  known <- paste(sort(names(TABLES[[table]]), method = "radix"), collapse = ", ")
  if (!is_string(value)) schema_fail(sprintf("'%s' must be a name (known: %s)", label, known))
  if (!(value %in% names(TABLES[[table]]))) {
    schema_fail(sprintf("unknown %s '%s' (known: %s)", what, shown(value), known))
  }
  value
}

#' 'an integer from 1 to 10', 'a positive integer', ... as the rule's bounds say.
#'
#' @param rule A row with min and optionally max and note.
#' @param plural 'integers from 1 to 10', 'positive integers', ...
#' @return A string.
#' @keywords internal
integer_phrase <- function(rule, plural = FALSE) {
  lo <- rule[["min"]]
  hi <- rule[["max"]]
  one <- if (plural) "integers" else "an integer"
  text <- if (!is.null(hi)) {
    sprintf("%s from %s to %s", one, fmt_number(lo), fmt_number(hi))
  } else if (!is.null(lo) && lo %in% c(0, 1)) {
    kind <- if (lo == 0) "non-negative" else "positive"
    if (plural) paste(kind, "integers") else paste("a", kind, "integer")
  } else {
    sprintf("%s of at least %s", one, fmt_number(lo))
  }
  if (is.null(rule[["note"]])) text else sprintf("%s (%s)", text, rule[["note"]])
}

#' 'a positive number', 'a number in (0, 1]', ... as the rule's bounds say.
#'
#' @param rule A row with any of min, exclusive_min, max, exclusive_max.
#' @return A string.
#' @keywords internal
number_phrase <- function(rule) {
  lo_in <- rule[["min"]]
  hi_in <- rule[["max"]]
  lo <- if (!is.null(lo_in)) lo_in else rule[["exclusive_min"]]
  hi <- if (!is.null(hi_in)) hi_in else rule[["exclusive_max"]]
  if (!is.null(lo) && !is.null(hi)) {
    return(sprintf("a number in %s%s, %s%s", if (!is.null(lo_in)) "[" else "(", fmt_number(lo),
                   fmt_number(hi), if (!is.null(hi_in)) "]" else ")"))
  }
  if (!is.null(lo) && lo == 0) {
    return(if (!is.null(lo_in)) "a non-negative number" else "a positive number")
  }
  if (!is.null(lo)) {
    return(sprintf("a number %s %s", if (!is.null(lo_in)) "of at least" else "greater than",
                   fmt_number(lo)))
  }
  if (!is.null(hi)) {
    return(sprintf("a number %s %s", if (!is.null(hi_in)) "of at most" else "less than",
                   fmt_number(hi)))
  }
  "a number"
}

#' TRUE when the number x lies within the rule's min, max, exclusive_min, exclusive_max.
#'
#' @param x A number.
#' @param rule A row of the rules.
#' @return TRUE or FALSE.
#' @keywords internal
in_bounds <- function(x, rule) {
  (is.null(rule[["min"]]) || x >= rule[["min"]]) &&
    (is.null(rule[["max"]]) || x <= rule[["max"]]) &&
    (is.null(rule[["exclusive_min"]]) || x > rule[["exclusive_min"]]) &&
    (is.null(rule[["exclusive_max"]]) || x < rule[["exclusive_max"]])
}

# One check per row type, each function(value, rule, label, top) returning the checked value,
# as Python's CHECKS (its _check_* functions).
CHECKS <- list(
  string = function(value, rule, label, top) {
    nonempty <- isTRUE(rule[["nonempty"]])
    if (!is_string(value) || (nonempty && !nzchar(value))) {
      schema_fail(sprintf("'%s' must be a %sstring", label, if (nonempty) "non-empty " else ""))
    }
    value
  },
  path = function(value, rule, label, top) {
    if (!is_string(value) || !nzchar(value)) {
      schema_fail(sprintf("'%s' must be a file path", label))
    }
    value
  },
  integer = function(value, rule, label, top) {
    if (!(is_int(value) && in_bounds(value, rule))) {
      schema_fail(sprintf("'%s' must be %s", label, integer_phrase(rule)))
    }
    as.numeric(value)
  },
  number = function(value, rule, label, top) {
    if (!(is_number(value) && in_bounds(value, rule))) {
      schema_fail(sprintf("'%s' must be %s", label, number_phrase(rule)))
    }
    as.numeric(value)
  },
  name = function(value, rule, label, top) {
    check_name(value, rule[["table"]], rule[["what"]], label)
  },
  chosen = function(value, rule, label, top) {
    value  # the choice's key, checked by check_object before anything else
  },
  integer_list = function(value, rule, label, top) {
    ok <- is_list(value) && length(value) >= rule[["min_length"]] &&
      all(vapply(value, function(n) is_int(n) && in_bounds(n, rule), NA))
    if (!ok) {
      schema_fail(sprintf("'%s' must be a list of at least %s %s", label,
                          fmt_number(rule[["min_length"]]), integer_phrase(rule, plural = TRUE)))
    }
    n <- as.numeric(unlist(value))
    weights <- sum(n[-1] * n[-length(n)])
    if (weights > rule[["max_weights"]]) {
      schema_fail(sprintf("'%s' makes %s weights, more than %s", label, fmt_number(weights),
                          fmt_number(rule[["max_weights"]])))
    }
    n
  },
  activations = function(value, rule, label, top) {
    layers <- top[["layers"]]
    if (!(is_list(value) && all(vapply(value, is_string, NA)))) {
      schema_fail(sprintf("'%s' must be a list of names", label))
    }
    acts <- as.character(unlist(value))
    if (length(acts) != length(layers) - 1) {
      schema_fail(sprintf("'%s' has %d entries but 'layers' needs %d", label, length(acts),
                          length(layers) - 1))
    }
    for (a in acts) check_name(a, rule[["table"]], "activation", label)
    for (a in acts[-length(acts)]) check_name(a, rule[["hidden_table"]], "hidden activation", label)
    out <- check_name(acts[length(acts)], rule[["output_table"]], "output activation", label)
    units <- RULES[["output_units"]][[out]]
    last <- layers[length(layers)]
    if (out == "sigmoid" && last != units) {
      schema_fail(sprintf("a sigmoid output has %s unit but 'layers' ends in %s",
                          fmt_number(units), fmt_number(last)))
    }
    if (last < units) {
      schema_fail(sprintf("a %s output needs at least %s units", out, fmt_number(units)))
    }
    acts
  },
  object = function(value, rule, label, top) {
    key <- rule[["choice"]][["key"]]  # NULL for an object without a choice
    if (!(is_object(value) && (is.null(key) || key %in% names(value)))) {
      schema_fail(sprintf("'%s' must be an object%s", label,
                          if (is.null(key)) "" else sprintf(" with a '%s'", key)))
    }
    check_object(value, rule, label, top)
  },
  source = function(value, rule, label, top) {
    sources <- sort(names(RULES[["sources"]]), method = "radix")
    present <- if (is_object(value)) intersect(sources, names(value)) else character(0)
    if (length(present) != 1) {
      quoted <- sprintf("'%s'", sources)
      schema_fail(sprintf("'%s' must be an object with exactly one of %s or %s", label,
                          paste(quoted[-length(quoted)], collapse = ", "),
                          quoted[length(quoted)]))
    }
    check_object(value, RULES[["sources"]][[present]], label, top)
  }
)

label_of <- function(prefix, key) if (nzchar(prefix)) paste0(prefix, ".", key) else key

# JSON types as parse_json(simplifyVector = FALSE) gives them: a list is an unnamed R list, an
# object a named one (an empty object has names character(0), an empty list none); a number is
# a length-1 integer or double, never TRUE/FALSE or a one-element list.
is_list <- function(x) is.list(x) && is.null(names(x))
is_object <- function(x) is.list(x) && !is.null(names(x))
is_string <- function(x) is.character(x) && length(x) == 1 && !is.na(x)
is_number <- function(x) is.numeric(x) && length(x) == 1 && is.finite(x)
is_int <- function(x) is_number(x) && x == floor(x)

schema_fail <- function(problem) dlfp_stop(SCHEMA_FN, problem)
