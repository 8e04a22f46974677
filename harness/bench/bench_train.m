## Times dlfp's Octave training of one scenario natively: octave-cli bench_train.m SCENARIO REPS.
##
## The twin of bench_train.py (see there): prepare once, train once to warm up, then REPS timed
## runs; then the matrix products of the workload's own shapes in Octave's BLAS; one JSON line.
1;

function best = product_seconds (A, B, transpose_a, transpose_b)
  ## the fastest of 5 batches of A*B (as the training step forms it), per product
  k = 1;
  do
    t = tic ();
    for i = 1:k
      if (transpose_a) C = A' * B; elseif (transpose_b) C = A * B'; else C = A * B; endif
    endfor
    el = toc (t);
    if (el < 0.02) k *= 2; endif
  until (el >= 0.02)
  best = Inf;
  for r = 1:5
    t = tic ();
    for i = 1:k
      if (transpose_a) C = A' * B; elseif (transpose_b) C = A * B'; else C = A * B; endif
    endfor
    best = min (best, toc (t) / k);
  endfor
endfunction

function [seconds, flops] = bench_floor (layers, m, batch_size, epochs)
  mb = batch_size;
  if (mb == 0) mb = m; endif
  steps = epochs * ceil (m / mb);
  seconds = 0; flops = 0;
  for l = 2:numel (layers)
    n = layers(l); n_prev = layers(l - 1);
    W = rand (n, n_prev); A = rand (n_prev, mb); dZ = rand (n, mb);
    seconds += product_seconds (W, A, false, false) + product_seconds (dZ, A, false, true);
    flops += 2 * 2 * n * n_prev * mb;
    if (l > 2)
      seconds += product_seconds (W, dZ, true, false);
      flops += 2 * n * n_prev * mb;
    endif
  endfor
  seconds *= steps; flops *= steps;
endfunction

function mb = peak_rss_mb ()
  txt = fileread ("/proc/self/status");
  tok = regexp (txt, 'VmHWM:\s*(\d+)', "tokens", "once");
  mb = str2double (tok{1}) / 1024;
endfunction

here = fileparts (mfilename ("fullpath"));
addpath (fullfile (here, "..", "..", "octave"));
args = argv ();
p = dlfp.prepare_scenario (args{1});
s = p.scenario;
reps = str2double (args{2});
dlfp.train (p.X, p.Y, p.params0, s.activations, s, p.rng);  # warm-up
times = zeros (1, reps);
for r = 1:reps
  t = tic ();
  dlfp.train (p.X, p.Y, p.params0, s.activations, s, p.rng);
  times(r) = toc (t);
endfor
[seconds, flops] = bench_floor (s.layers, columns (p.X), s.batch_size, s.epochs);
printf ("{\"times\": [%s], \"floor_seconds\": %.17g, \"flops\": %.17g, \"peak_rss_mb\": %.17g}\n",
        strjoin (arrayfun (@(x) sprintf ("%.17g", x), times, "UniformOutput", false), ", "),
        seconds, flops, peak_rss_mb ());
