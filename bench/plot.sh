#!/bin/sh
# plot.sh BENCH OUTDIR SCRIPT.gp [GNUPLOT]: write OUTDIR/error_vs_step.csv with `BENCH --sweep`
# and render OUTDIR/error_vs_step.png with gnuplot when GNUPLOT is given.
set -e
bench=$1 out=$2 gp=$3 gnuplot=${4:-}
"$bench" --sweep="$out/error_vs_step.csv"
if [ -z "$gnuplot" ]; then
    echo "gnuplot not found: plot skipped (the CSV is $out/error_vs_step.csv)"
    exit 0
fi
"$gnuplot" -e "csv='$out/error_vs_step.csv'; png='$out/error_vs_step.png'" "$gp"
echo "plot: $out/error_vs_step.png"
