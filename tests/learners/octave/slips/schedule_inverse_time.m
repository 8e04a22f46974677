function lr = schedule_inverse_time (learning_rate, e, rate, every)
  lr = learning_rate / (1 + rate * e / every);  # planted slip: no floor
endfunction
