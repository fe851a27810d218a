/* methods.c - every C method on every function of the suite: the user's function (one
 * generic body, suite_body.h) instantiated per number type and handed to jacobian.h's
 * builders, which are forced inline so that each wrapper below holds the whole computation.
 *
 * Compiled twice into each benchmark program: as is (bench_register_main), and with
 * -DBENCH_NOGUARD -DDUAL_NO_ZERO_GUARD (bench_register_noguard: the same dual methods without
 * the zero-tangent guard, timed side by side with the guarded ones). */
#include <complex.h>
#include <stddef.h>

#include "common.h"
#include "hand.h"

#define JAC_MALLOC(sz) bench_counted_malloc(sz)
#define JAC_FREE(p) bench_counted_free(p)
#include "types.h"

/* the generic bodies, once per type */
#define BT dual
#define BR double
#define BS dual
#include "suite_body.h"
#define BT dual2
#define BR double
#define BS dual2
#include "suite_body.h"
#define BT dual4
#define BR double
#define BS dual4
#include "suite_body.h"
#define BT dual8
#define BR double
#define BS dual8
#include "suite_body.h"
#define BT dual12
#define BR double
#define BS dual12
#include "suite_body.h"
#define BT dual16
#define BR double
#define BS dual16
#include "suite_body.h"
#define BT dual32
#define BR double
#define BS dual32
#include "suite_body.h"
#ifndef BENCH_NOGUARD
#define BT double
#define BR double
#define BS d
#include "suite_body.h"
#define BT double complex
#define BR double
#define BS c
#include "suite_body.h"
#define BT hdual
#define BR double
#define BS hdual
#include "suite_body.h"
#endif

/* F, its one-pass chunked type */
#define BENCH_FUNCS(X)                                                                         \
    X(seed, F_SEED, dual2)                                                                     \
    X(robertson, F_ROBERTSON, dual4)                                                           \
    X(mse, F_MSE, dual8)                                                                       \
    X(softmax, F_SOFTMAX, dual8)                                                               \
    X(l96_8, F_L96_8, dual8)                                                                   \
    X(trans, F_TRANS, dual12)                                                                  \
    X(rosen, F_ROSEN, dual16)                                                                  \
    X(l96_32, F_L96_32, dual32)

/* mw_<F>_<TY>: the Jacobian of F by jac_<TY>; mw1_<F>: by the one-pass type */
#define BENCH_WRAP(NAME, F, TY)                                                                \
    static int NAME(const double *x, double *J, bench_ctx *c) {                                \
        return jac_##TY(bf_##F##_##TY, c, (size_t)F##_N, (size_t)F##_M, x, NULL, J);           \
    }
#ifndef BENCH_NOGUARD
#define BENCH_WRAP_ALL(F, ID, TW)                                                              \
    BENCH_WRAP(mw_##F##_dual, F, dual)                                                         \
    BENCH_WRAP(mw1_##F, F, TW)                                                                 \
    BENCH_WRAP(mw_##F##_dual4, F, dual4)                                                       \
    BENCH_WRAP(mw_##F##_dual8, F, dual8)                                                       \
    static int mw_##F##_fdf(const double *x, double *J, bench_ctx *c) {                        \
        return jac_fd_forward(bf_##F##_d, c, (size_t)F##_N, (size_t)F##_M, x, NULL, J);        \
    }                                                                                          \
    static int mw_##F##_fdc(const double *x, double *J, bench_ctx *c) {                        \
        return jac_fd_central(bf_##F##_d, c, (size_t)F##_N, (size_t)F##_M, x, NULL, J);        \
    }                                                                                          \
    static int mw_##F##_cstep(const double *x, double *J, bench_ctx *c) {                      \
        return jac_cstep(bf_##F##_c, c, (size_t)F##_N, (size_t)F##_M, x, NULL, J);             \
    }
#define BENCH_REG(F, ID, TW)                                                                   \
    tab[ID][M_HAND] = hand_jac_##F;                                                            \
    tab[ID][M_FD_FWD] = mw_##F##_fdf;                                                          \
    tab[ID][M_FD_CEN] = mw_##F##_fdc;                                                          \
    tab[ID][M_CSTEP] = mw_##F##_cstep;                                                         \
    tab[ID][M_DUAL] = mw_##F##_dual;                                                           \
    tab[ID][M_CHUNK_N] = mw1_##F;                                                              \
    tab[ID][M_CHUNK_4] = mw_##F##_dual4;                                                       \
    tab[ID][M_CHUNK_8] = mw_##F##_dual8;
#else
#define BENCH_WRAP_ALL(F, ID, TW) BENCH_WRAP(mw_##F##_dual, F, dual) BENCH_WRAP(mw1_##F, F, TW)
#define BENCH_REG(F, ID, TW)                                                                   \
    tab[ID][M_DUAL_NG] = mw_##F##_dual;                                                        \
    tab[ID][M_CHUNK_N_NG] = mw1_##F;
#endif

BENCH_FUNCS(BENCH_WRAP_ALL)

#ifndef BENCH_NOGUARD
/* Hessians of the scalar functions */
#define BENCH_WRAP_HESS(F, ID)                                                                 \
    static int mh_##F##_hdual(const double *x, double *H, bench_ctx *c) {                      \
        return hess_hdual(bf_##F##_hdual, c, (size_t)F##_N, x, NULL, NULL, H);                 \
    }                                                                                          \
    static int mh_##F##_fdf(const double *x, double *H, bench_ctx *c) {                        \
        return jac_fd_forward(hand_grad_##F, c, (size_t)F##_N, (size_t)F##_N, x, NULL, H);     \
    }                                                                                          \
    static int mh_##F##_fdc(const double *x, double *H, bench_ctx *c) {                        \
        return jac_fd_central(hand_grad_##F, c, (size_t)F##_N, (size_t)F##_N, x, NULL, H);     \
    }
#define BENCH_REG_HESS(F, ID)                                                                  \
    tab[ID][M_HESS_HAND] = hand_hess_##F;                                                      \
    tab[ID][M_HESS_HDUAL] = mh_##F##_hdual;                                                    \
    tab[ID][M_HESS_FD_FWD] = mh_##F##_fdf;                                                     \
    tab[ID][M_HESS_FD_CEN] = mh_##F##_fdc;
BENCH_WRAP_HESS(mse, F_MSE)
BENCH_WRAP_HESS(rosen, F_ROSEN)

void bench_register_main(bench_fn tab[F_COUNT][M_COUNT]) {
    BENCH_FUNCS(BENCH_REG)
    BENCH_REG_HESS(mse, F_MSE)
    BENCH_REG_HESS(rosen, F_ROSEN)
}
#else
void bench_register_noguard(bench_fn tab[F_COUNT][M_COUNT]) {
    BENCH_FUNCS(BENCH_REG)
}
#endif
