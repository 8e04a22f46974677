## -*- texinfo -*-
## @deftypefn {} {@var{rules} =} dlfp.scenario_rules ()
## RULES: the scenario format as data, read once from scenario_rules.json beside the code.
##
## Python's @code{RULES} (schema.py) and R's @code{RULES}: the file is the same in the three
## packages, byte for byte (here +dlfp/private/scenario_rules.json), and
## @code{dlfp.internal.check_object} walks it. Parsed by @code{dlfp.internal.parse_json}, so lists are
## 1 x n cells and objects structs: @var{rules}.fields is a cell of rows, each a struct with
## field, type and the row's bounds, default, table, ...
## @end deftypefn

function rules = scenario_rules ()
  persistent r;  # read once per session: every scenario check walks it
  if (isempty (r))
    file = fullfile (fileparts (mfilename ("fullpath")), "private", "scenario_rules.json");
    ## parsed straight from the text: read_json's checks read their limits from these rules
    r = dlfp.internal.parse_json (dlfp.read_text (file, "scenario_rules"));
  endif
  rules = r;
endfunction

%!test
%! r = dlfp.scenario_rules ();
%! fields = cellfun (@(row) row.field, r.fields, "UniformOutput", false);
%! assert (fields(1:3), {"name", "description", "layers"});
%! assert (any (strcmp (fields, "lr_decay")) && any (strcmp (fields, "data")));
%! assert (sort (fieldnames (r.sources))', {"csv", "generator", "idx_images"});
%! assert (r.output_units, struct ("sigmoid", 1, "softmax", 2));
%! epochs = r.fields{strcmp (fields, "epochs")};
%! assert ([epochs.min, epochs.max], [1, 1000000]);
%! assert (r.sources.generator.choice.variants.xor{1}.default, 200);
%!testif ; ! isempty (which ("dlfp_test.repo_root")) && isfile (fullfile (dlfp_test.repo_root (), "python", "dlfp", "scenario_rules.json"))
%! ## the package's copy is the Python package's file, byte for byte
%! root = dlfp_test.repo_root ();
%! here = fullfile (root, "octave", "+dlfp", "private", "scenario_rules.json");
%! python = fullfile (root, "python", "dlfp", "scenario_rules.json");
%! assert (isequal (fileread (here), fileread (python)),
%!         "octave/+dlfp/private/scenario_rules.json differs from python/dlfp/scenario_rules.json: cp it");
%!error <called with too many inputs> dlfp.scenario_rules (1)
