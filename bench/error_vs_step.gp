# error_vs_step.gp - error of finite-difference Jacobians against the step size, with the
# dual-number (and complex-step) error as flat lines. Called by plot.sh:
#   gnuplot -e "csv='error_vs_step.csv'; png='error_vs_step.png'" error_vs_step.gp
if (!exists("csv")) csv = 'error_vs_step.csv'
if (!exists("png")) png = 'error_vs_step.png'
set terminal pngcairo size 1100,600 font ",11"
set output png
set datafile separator ','
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set xrange [1e-15:1e-1]
set yrange [1e-17:10]
set xlabel "relative step h  (h_j = h max(|x_j|, 1))"
set ylabel "max_{ij} |J - J_{ref}| / max(1, |J_{ref}|)"
set title "Finite differences against the step size; dual numbers have no step (exact zero plotted at 10^{-17})"
set key outside right center font ",10" spacing 1.2
set grid
lo(v) = (v > 1e-17 ? v : 1e-17)
pick(f, col) = (strcol(1) eq f ? lo(column(col)) : NaN)
plot \
  csv skip 1 using 2:(pick('seed', 3)) with linespoints lc rgb '#1f77b4' pt 7 ps 0.6 title 'seed: forward', \
  csv skip 1 using 2:(pick('seed', 4)) with linespoints lc rgb '#1f77b4' dt 2 pt 5 ps 0.6 title 'seed: central', \
  csv skip 1 using 2:(pick('softmax', 3)) with linespoints lc rgb '#d62728' pt 7 ps 0.6 title 'softmax: forward', \
  csv skip 1 using 2:(pick('softmax', 4)) with linespoints lc rgb '#d62728' dt 2 pt 5 ps 0.6 title 'softmax: central', \
  csv skip 1 using 2:(pick('transcend', 3)) with linespoints lc rgb '#2ca02c' pt 7 ps 0.6 title 'transcend: forward', \
  csv skip 1 using 2:(pick('transcend', 4)) with linespoints lc rgb '#2ca02c' dt 2 pt 5 ps 0.6 title 'transcend: central', \
  csv skip 1 using 2:(pick('seed', 5)) with lines lc rgb '#1f77b4' lw 2 dt 3 title 'seed: dual', \
  csv skip 1 using 2:(pick('softmax', 5)) with lines lc rgb '#d62728' lw 2 dt 3 title 'softmax: dual', \
  csv skip 1 using 2:(pick('transcend', 5)) with lines lc rgb '#2ca02c' lw 2 dt 3 title 'transcend: dual'
