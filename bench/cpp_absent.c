/* cpp_absent.c - stands in for cpp_methods.cpp when Meson found no C++ compiler, no Eigen 3 or
 * no ceres/jet.h: the Ceres and Eigen methods are then absent from the table. */
#include "common.h"

#ifndef BENCH_CPP_WHY
#define BENCH_CPP_WHY "not built"
#endif

const char *const bench_cpp_status = BENCH_CPP_WHY;

void bench_register_cpp(bench_fn tab[F_COUNT][M_COUNT]) { (void)tab; }
