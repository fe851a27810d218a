/* ref.c - the references every Jacobian is measured against.
 *
 * bench_ref_jac: the same generic bodies in long double dual numbers (duall: 64-bit
 * significand), rounded to double once at the end. bench_ref_hess: hyper-duals in long double.
 * Both are checked (bench --check) against two independent computations: the hand-written
 * Jacobians, and bench_ref_fd_ld, Richardson-extrapolated central differences in long double
 * (no dual-number rule involved; error ~1e-14). */
#include <math.h>
#include <stddef.h>

#include "common.h"
#include "types.h"

#define BT duall
#define BR long double
#define BS duall
#include "suite_body.h"
#define BT hduall
#define BR long double
#define BS hduall
#include "suite_body.h"
#define BT long double
#define BR long double
#define BS ld
#include "suite_body.h"

typedef int (*ref_dfn)(const duall *x, duall *y, void *ctx);
typedef int (*ref_hfn)(const hduall *x, hduall *y, void *ctx);
typedef int (*ref_lfn)(const long double *x, long double *y, void *ctx);

static const ref_dfn ref_d[F_COUNT] = {bf_seed_duall,   bf_robertson_duall, bf_mse_duall,
                                       bf_softmax_duall, bf_l96_8_duall,    bf_trans_duall,
                                       bf_rosen_duall,   bf_l96_32_duall};
static const ref_hfn ref_h[F_COUNT] = {bf_seed_hduall,   bf_robertson_hduall, bf_mse_hduall,
                                       bf_softmax_hduall, bf_l96_8_hduall,    bf_trans_hduall,
                                       bf_rosen_hduall,   bf_l96_32_hduall};
static const ref_lfn ref_l[F_COUNT] = {bf_seed_ld,   bf_robertson_ld, bf_mse_ld,
                                       bf_softmax_ld, bf_l96_8_ld,    bf_trans_ld,
                                       bf_rosen_ld,   bf_l96_32_ld};

int bench_ref_jac(int f, const double *x, double *J) {
    long double xl[BENCH_MAX_N], Jl[BENCH_MAX_N * BENCH_MAX_N];
    const int n = bench_funcs[f].n, m = bench_funcs[f].m;
    bench_ctx c = {0};
    int j, rc;
    if (n < 1 || n > BENCH_MAX_N || m < 1 || m > BENCH_MAX_N) return -1;
    for (j = 0; j < n; ++j) xl[j] = (long double)x[j];
    rc = jac_duall(ref_d[f], &c, (size_t)n, (size_t)m, xl, NULL, Jl);
    for (j = 0; j < n * m; ++j) J[j] = (double)Jl[j];
    return rc;
}

int bench_ref_hess(int f, const double *x, double *H) {
    long double xl[BENCH_MAX_N], Hl[BENCH_MAX_N * BENCH_MAX_N];
    const int n = bench_funcs[f].n;
    bench_ctx c = {0};
    int j, rc;
    if (bench_funcs[f].m != 1 || n < 1 || n > BENCH_MAX_N) return -1;
    for (j = 0; j < n; ++j) xl[j] = (long double)x[j];
    rc = hess_hduall(ref_h[f], &c, (size_t)n, xl, NULL, NULL, Hl);
    for (j = 0; j < n * n; ++j) H[j] = (double)Hl[j];
    return rc;
}

/* R = (4 D(h/2) - D(h)) / 3 with D(h) the central difference, h = 2^-12 max(|x_j|, 1) */
int bench_ref_fd_ld(int f, const double *x, double *J) {
    long double xl[BENCH_MAX_N], yp[BENCH_MAX_N], ym[BENCH_MAX_N], d[2][BENCH_MAX_N];
    const int n = bench_funcs[f].n, m = bench_funcs[f].m;
    bench_ctx c = {0};
    int i, j, k;
    for (j = 0; j < n; ++j) xl[j] = (long double)x[j];
    for (j = 0; j < n; ++j) {
        const long double x0 = xl[j];
        long double h = 0x1p-12L * fmaxl(fabsl(x0), 1.0L);
        for (k = 0; k < 2; ++k, h /= 2) {
            xl[j] = x0 + h;
            ref_l[f](xl, yp, &c);
            xl[j] = x0 - h;
            ref_l[f](xl, ym, &c);
            for (i = 0; i < m; ++i) d[k][i] = (yp[i] - ym[i]) / (2 * h);
        }
        xl[j] = x0;
        for (i = 0; i < m; ++i) J[i * n + j] = (double)((4 * d[1][i] - d[0][i]) / 3);
    }
    return 0;
}
