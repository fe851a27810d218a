/* hand.h - the hand-written analytic Jacobians, gradients and Hessians (hand.c). */
#ifndef BENCH_HAND_H
#define BENCH_HAND_H

#include "common.h"

int hand_jac_seed(const double *x, double *J, bench_ctx *ctx);
int hand_jac_robertson(const double *x, double *J, bench_ctx *ctx);
int hand_jac_mse(const double *x, double *J, bench_ctx *ctx);
int hand_jac_softmax(const double *x, double *J, bench_ctx *ctx);
int hand_jac_l96_8(const double *x, double *J, bench_ctx *ctx);
int hand_jac_trans(const double *x, double *J, bench_ctx *ctx);
int hand_jac_rosen(const double *x, double *J, bench_ctx *ctx);
int hand_jac_l96_32(const double *x, double *J, bench_ctx *ctx);

/* gradients with jacobian.h's signature (for the finite-difference Hessians); count in ctx */
int hand_grad_mse(const double *x, double *g, void *ctx);
int hand_grad_rosen(const double *x, double *g, void *ctx);
int hand_hess_mse(const double *x, double *H, bench_ctx *ctx);
int hand_hess_rosen(const double *x, double *H, bench_ctx *ctx);

#endif
