## octave-cli driver.m JOB.json OUTDIR START: a learner's Octave functions, called on dlfp's inputs.
##
## Puts dlfp's package folder on the path, then a folder of forwarding functions (SHIMS, from
## the job: sigmoid_forward.m calls dlfp.sigmoid_forward ...), then the learner's folder
## in front of both, or sources the learner's script file (its functions are command-line
## functions, which come before any file on the path): so a function the learner has not
## written comes from dlfp. Then makes the job's calls from index START (0-based) on, one
## result file per call (OUTDIR/call_<i>.json, written whole), so the checker knows how far a
## killed process got. A function the learner has not written, or whose error message starts
## with "TODO", is "not_written"; any other error is reported with its message and the
## learner's line.
1;
## a killed learner must not leave octave-workspace behind, nor try to save a history
sigterm_dumps_octave_core (false);
sighup_dumps_octave_core (false);
crash_dumps_octave_core (false);
history_save (false);

function v = decode (x)
  if (isstruct (x) && isscalar (x))
    if (isfield (x, "dlfp_matrix"))
      v = reshape (sscanf (x.data, "%f"), x.dlfp_matrix(:)');
    elseif (isfield (x, "dlfp_vector"))
      v = sscanf (x.dlfp_vector, "%f")';
    elseif (isfield (x, "dlfp_number"))
      v = sscanf (x.dlfp_number, "%f");
    elseif (isfield (x, "dlfp_strings"))
      v = cellstr (x.dlfp_strings)(:)';
    elseif (isfield (x, "dlfp_list"))
      items = x.dlfp_list;
      if (isstruct (items))
        v = arrayfun (@(e) decode (e), items(:)', "UniformOutput", false);
      elseif (iscell (items))
        v = cellfun (@decode, items(:)', "UniformOutput", false);
      else
        v = {};
      endif
    elseif (isfield (x, "dlfp_ref"))
      v = x;
    else
      v = x;
      for f = fieldnames (x)'
        v.(f{1}) = decode (x.(f{1}));
      endfor
    endif
  else
    v = x;
  endif
endfunction

function s = num (x)
  x = double (x(:)');
  s = strsplit (sprintf ("%.17g,", x)(1:end-1), ",");
  s(isnan (x)) = {"NaN"};
  s(x == Inf) = {"Infinity"};
  s(x == -Inf) = {"-Infinity"};
  s = strjoin (s, ",");
endfunction

function s = encode (v)
  if ((isnumeric (v) || islogical (v)) && ! isreal (v))
    s = '{"dlfp_other":"complex numbers"}';
  elseif ((isnumeric (v) || islogical (v)) && isscalar (v))
    s = num (v);
  elseif (isnumeric (v) || islogical (v))
    dims = strjoin (arrayfun (@(d) sprintf ("%d", d), size (v), "UniformOutput", false), ",");
    data = "";
    if (! isempty (v))
      data = num (v);
    endif
    s = ['{"dlfp_matrix":[' dims '],"data":[' data ']}'];
  elseif (ischar (v))
    s = jsonencode (v(:)');
  elseif (isstruct (v) && isscalar (v))
    f = fieldnames (v);
    parts = cellfun (@(k) [jsonencode(k) ":" encode(v.(k))], f, "UniformOutput", false);
    s = ["{" strjoin(parts', ",") "}"];
  elseif (isstruct (v))
    parts = arrayfun (@(e) encode (e), v(:)', "UniformOutput", false);
    s = ['{"dlfp_list":[' strjoin(parts, ",") ']}'];
  elseif (iscell (v))
    parts = cellfun (@encode, v(:)', "UniformOutput", false);
    s = ['{"dlfp_list":[' strjoin(parts, ",") ']}'];
  else
    s = ['{"dlfp_other":' jsonencode(class (v)) '}'];
  endif
endfunction

function write_result (outdir, name, text)
  tmp = fullfile (outdir, [name ".tmp"]);
  fid = fopen (tmp, "w");
  fputs (fid, text);
  fclose (fid);
  rename (tmp, fullfile (outdir, name));
endfunction

## 'learner.m, line 12, in sigmoid_forward': the innermost frame in the learner's files
function w = learner_where (err, learner)
  w = [];
  for k = 1:numel (err.stack)
    f = err.stack(k).file;
    if (strcmp (f, learner) || strncmp (f, [learner filesep], numel (learner) + 1))
      [~, base, ext] = fileparts (f);
      w = sprintf ("%s%s, line %d, in %s", base, ext, err.stack(k).line, err.stack(k).name);
      return;
    endif
  endfor
endfunction

function s = error_record (status, err, learner)
  w = learner_where (err, learner);
  if (isempty (w))
    w = "null";
  else
    w = jsonencode (w);
  endif
  s = sprintf ('{"status":"%s","message":%s,"where":%s}', status, jsonencode (err.message), w);
endfunction

function yes = is_written (fn, shims)
  try
    w = which (fn);
  catch
    yes = true;  # a learner's file that does not parse: its call will say so
    return;
  end_try_catch
  yes = ! isempty (w) && ! strncmp (w, shims, numel (shims));
endfunction

args = argv ();
job = jsondecode (fileread (args{1}));
outdir = args{2};
start = str2double (args{3});
learner = job.learner;
addpath (fullfile (job.root, "octave"));
addpath (job.shims);
fclose (fopen (fullfile (outdir, "ready"), "w"));
try
  if (isfolder (learner))
    addpath (learner);
  else
    __parse_file__ (learner);  # a parse error with its line and caret (source only says it failed)
    source (learner);
  endif
catch err
  w = learner_where (err, learner);
  if (isempty (w))
    w = "null";
  else
    w = jsonencode (w);
  endif
  write_result (outdir, "loaded.json", sprintf ('{"error":%s,"where":%s}',
                                                jsonencode (err.message), w));
  exit (0);
end_try_catch
write_result (outdir, "loaded.json", '{"error":null}');

calls = job.calls;
if (isstruct (calls))
  calls = num2cell (calls);
endif
results = cell (1, numel (calls));
for i = 0:numel (calls) - 1
  if (i < start)
    continue;
  endif
  call = calls{i + 1};
  name = sprintf ("call_%d.json", i);
  if (! is_written (call.fn, job.shims))
    write_result (outdir, name, '{"status":"not_written"}');
    continue;
  endif
  a = call.args;
  if (isnumeric (a))
    a = num2cell (a);
  elseif (isstruct (a))
    a = num2cell (a);
  endif
  fargs = cellfun (@decode, a(:)', "UniformOutput", false);
  skip = false;
  for j = 1:numel (fargs)
    if (isstruct (fargs{j}) && isfield (fargs{j}, "dlfp_ref"))
      ref = fargs{j}.dlfp_ref;
      from = ref{1};
      if (isempty (results{from + 1}))
        skip = true;
        break;
      endif
      outputs = cellstr (calls{from + 1}.outputs);
      fargs{j} = results{from + 1}{find (strcmp (outputs, ref{2}))};
    endif
  endfor
  if (skip)
    write_result (outdir, name, '{"status":"skipped"}');
    continue;
  endif
  outs = cell (1, numel (cellstr (call.outputs)));
  try
    [outs{:}] = feval (call.fn, fargs{:});
  catch err
    status = "error";
    if (strncmp (err.message, "TODO", 4))
      status = "not_written";
    endif
    write_result (outdir, name, error_record (status, err, learner));
    continue;
  end_try_catch
  results{i + 1} = outs;
  write_result (outdir, name, ['{"status":"ok","outputs":' encode(outs) '}']);
endfor
exit (0);
