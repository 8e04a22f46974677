function J = compute_cost (ZL, Y, output_activation)
  m = columns (ZL);
  if (strcmp (output_activation, "sigmoid"))
    AL = 1 ./ (1 + exp (-ZL));
    J = -sum (Y .* log (AL)) / m;  # planted slip: the (1 - y) log(1 - a) term left out
  else
    E = exp (ZL - max (ZL));
    AL = E ./ sum (E);
    J = -sum (sum (Y .* log (AL))) / m;
  endif
endfunction
