/* common.h - the benchmark's shared declarations (C and C++).
 *
 * The suite (suite.c), the methods (methods.c, compiled twice: with and without the
 * zero-tangent guard; cpp_methods.cpp for Ceres and Eigen), the reference (ref.c) and the
 * driver (bench.c) meet here. Every method has the same signature: it writes the m x n
 * Jacobian (numerator layout) or, for the Hessian methods, the n x n Hessian, at x. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BENCH_MAX_N 32

/* Passed as ctx to every user function: the number of evaluations of f (or, for the
 * finite-difference Hessians, of the gradient). */
typedef struct bench_ctx {
    long calls;
} bench_ctx;

typedef int (*bench_fn)(const double *x, double *out, bench_ctx *ctx);

/* Functions of the suite; see suite.c for the definitions. */
enum {
    F_SEED,
    F_ROBERTSON,
    F_MSE,
    F_SOFTMAX,
    F_L96_8,
    F_TRANS,
    F_ROSEN,
    F_L96_32,
    F_COUNT
};

/* sizes, used as compile-time constants by the method wrappers */
enum {
    seed_N = 2, seed_M = 2,
    robertson_N = 3, robertson_M = 3,
    mse_N = 5, mse_M = 1,
    softmax_N = 6, softmax_M = 6,
    l96_8_N = 8, l96_8_M = 8,
    trans_N = 10, trans_M = 10,
    rosen_N = 16, rosen_M = 1,
    l96_32_N = 32, l96_32_M = 32
};

typedef struct bench_func_info {
    const char *name;
    int n, m;
    int width; /* the chunk width of the one-pass method: n rounded up to 2, or a multiple of 4 */
    const char *what;
} bench_func_info;

extern const bench_func_info bench_funcs[F_COUNT];

/* The base point of function f (n values); the timed runs cycle through BENCH_POINTS
 * points x0 (1 + k 1e-6 (j + 1)) around it. */
#define BENCH_POINTS 8
void bench_point(int f, int k, double *x);

/* Methods. The Hessian methods exist only for the scalar functions (m = 1). */
enum {
    M_HAND,       /* hand-written analytic Jacobian: the baseline */
    M_FD_FWD,     /* jac_fd_forward: n + 1 evaluations */
    M_FD_CEN,     /* jac_fd_central: 2n evaluations */
    M_CSTEP,      /* jac_cstep: n evaluations in double complex */
    M_DUAL,       /* jac_dual: one direction per pass, n passes */
    M_CHUNK_N,    /* jac_dualW, W = width >= n: one pass */
    M_CHUNK_4,    /* jac_dual4: ceil(n/4) passes */
    M_CHUNK_8,    /* jac_dual8: ceil(n/8) passes */
    M_DUAL_NG,    /* jac_dual built with DUAL_NO_ZERO_GUARD */
    M_CHUNK_N_NG, /* one pass, built with DUAL_NO_ZERO_GUARD */
    M_JET,        /* Ceres Jet<double, W>, one pass (C++) */
    M_EIGEN,      /* Eigen AutoDiffScalar<Matrix<double, W, 1>>, one pass (C++) */
    M_HESS_HAND,  /* hand-written Hessian: the baseline of the Hessian rows */
    M_HESS_HDUAL, /* hess_hdual: n(n+1)/2 hyper-dual passes */
    M_HESS_FD_FWD,/* jac_fd_forward of the hand-written gradient: n + 1 gradients */
    M_HESS_FD_CEN,/* jac_fd_central of the hand-written gradient: 2n gradients */
    M_COUNT
};

typedef struct bench_method_info {
    const char *name;
    int hessian; /* 1: writes the n x n Hessian, baseline M_HESS_HAND; 0: J, baseline M_HAND */
    int exact;   /* 1: exact up to rounding (duals, complex step) */
    const char *what;
} bench_method_info;

extern const bench_method_info bench_methods[M_COUNT];

/* Filled by the method units; entries left NULL do not exist (or are not built). */
void bench_register_main(bench_fn tab[F_COUNT][M_COUNT]);
void bench_register_noguard(bench_fn tab[F_COUNT][M_COUNT]);
void bench_register_cpp(bench_fn tab[F_COUNT][M_COUNT]);
extern const char *const bench_cpp_status; /* "Ceres 2.1.0, Eigen 3.4.0" or why not built */

/* Hand-written Jacobians, gradients and Hessians (hand.c). */
int bench_hand_jac(int f, const double *x, double *J);
int bench_hand_hess(int f, const double *x, double *H); /* scalar functions only */

/* References (ref.c): long double dual numbers (duall, hduall) on the same generic bodies,
 * rounded to double; and independent long double central differences (Richardson). */
int bench_ref_jac(int f, const double *x, double *J);
int bench_ref_hess(int f, const double *x, double *H);
int bench_ref_fd_ld(int f, const double *x, double *J);

/* f itself in double (for the step sweep), the value only. */
int bench_eval(int f, const double *x, double *y);

/* Heap allocations made by the program's own code since the start (alloc.c): counted by
 * -Wl,--wrap=malloc,... when the build could use it, always through JAC_MALLOC, and by the
 * C++ unit's replacement operator new. */
long bench_alloc_count(void);
extern const char *const bench_alloc_how;
void *bench_counted_malloc(size_t n);
void bench_counted_free(void *p);
void bench_count_alloc(void);

#ifdef __cplusplus
}
#endif

#endif /* BENCH_COMMON_H */
