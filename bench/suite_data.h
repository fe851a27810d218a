/* suite_data.h - constants shared by the generic bodies, the hand-written Jacobians and the
 * C++ translations. */
#ifndef BENCH_SUITE_DATA_H
#define BENCH_SUITE_DATA_H

#include "common.h"

/* Lorenz-96 forcing */
#define BENCH_L96_F 8.0

/* Robertson's stiff chemistry: rate constants k1, k2 (y2 y3), k3 (y2^2) */
#define BENCH_ROB_K1 0.04
#define BENCH_ROB_K2 1e4
#define BENCH_ROB_K3 3e7

/* The ReLU neuron's data: 16 samples of 4 features and their targets (Parr-Howard section 6,
 * MATH.md section 5). At the benchmark's points 13 samples are active (w.x + b > 0) and 3
 * are not; the nearest is 0.01 from the kink, beyond every step used (at most ~5e-4). */
#define BENCH_MSE_S 16
#define BENCH_MSE_K 4
static const double bench_mse_X[BENCH_MSE_S][BENCH_MSE_K] = {
    {0.5, -1.2, 0.3, 0.9},   {1.1, 0.4, -0.7, 0.2},  {-0.3, 0.8, 1.5, -1.0},
    {0.9, 0.1, 0.2, 0.4},    {-1.4, -0.6, 0.5, 0.3}, {0.2, 1.3, -0.4, 0.8},
    {0.7, -0.2, 0.9, -0.5},  {-0.8, 0.5, -1.1, 0.6}, {1.6, 0.9, 0.3, -0.2},
    {0.1, -0.9, -0.6, 1.2},  {-0.5, 1.7, 0.8, 0.1},  {1.0, -0.3, -0.2, -0.9},
    {0.4, 0.6, 1.2, 0.7},    {-1.2, -1.0, 0.4, -0.3}, {0.8, 1.1, -0.9, 0.5},
    {-0.2, 0.3, 0.6, 1.4}};
static const double bench_mse_t[BENCH_MSE_S] = {0.8, 1.2, 0.1, 1.0, 0.0, 0.9, 0.7, 0.2,
                                                 1.9, 0.3, 1.1, 0.4, 1.5, 0.0, 0.6, 1.3};

#endif /* BENCH_SUITE_DATA_H */
