/* suite.c - the functions' metadata, their points, the methods' names, and the plain double
 * evaluation of the suite (used by the step sweep). */
#include <math.h>

#include "common.h"
#include "types.h"

#define BT double
#define BR double
#define BS ev
#include "suite_body.h"

const bench_func_info bench_funcs[F_COUNT] = {
    {"seed", seed_N, seed_M, 2, "[3x^2 y, 2x + y^8] (MATH.md 3)"},
    {"robertson", robertson_N, robertson_M, 4, "stiff chemistry right-hand side"},
    {"mse_relu", mse_N, mse_M, 8, "MSE of a ReLU neuron, 16 samples"},
    {"softmax", softmax_N, softmax_M, 8, "softmax"},
    {"lorenz96_8", l96_8_N, l96_8_M, 8, "Lorenz-96, cyclic, sparse"},
    {"transcend", trans_N, trans_M, 12, "sin cos exp tanh log1p atan"},
    {"rosenbrock", rosen_N, rosen_M, 16, "extended Rosenbrock (scalar)"},
    {"lorenz96_32", l96_32_N, l96_32_M, 32, "Lorenz-96, cyclic, sparse"},
};

const bench_method_info bench_methods[M_COUNT] = {
    {"hand", 0, 1, "hand-written analytic Jacobian (baseline)"},
    {"fd_fwd", 0, 0, "jac_fd_forward, n+1 evaluations"},
    {"fd_cen", 0, 0, "jac_fd_central, 2n evaluations"},
    {"cstep", 0, 1, "jac_cstep, n complex evaluations"},
    {"dual", 0, 1, "jac_dual, one direction per pass"},
    {"chunk_n", 0, 1, "jac_dualW, W >= n: one pass"},
    {"chunk_4", 0, 1, "jac_dual4"},
    {"chunk_8", 0, 1, "jac_dual8"},
    {"dual_ng", 0, 1, "jac_dual, -DDUAL_NO_ZERO_GUARD"},
    {"chunk_n_ng", 0, 1, "one pass, -DDUAL_NO_ZERO_GUARD"},
    {"ceres_jet", 0, 1, "Ceres Jet<double, W>, one pass (C++)"},
    {"eigen_ad", 0, 1, "Eigen AutoDiffScalar<Matrix<double, W, 1>>, one pass (C++)"},
    {"hess_hand", 1, 1, "hand-written Hessian (baseline of the Hessian rows)"},
    {"hess_hdual", 1, 1, "hess_hdual, n(n+1)/2 hyper-dual passes"},
    {"hess_fd_fwd", 1, 0, "jac_fd_forward of the hand-written gradient"},
    {"hess_fd_cen", 1, 0, "jac_fd_central of the hand-written gradient"},
};

/* base points */
static double base(int f, int j) {
    const double t = (double)j;
    switch (f) {
    case F_SEED: return j == 0 ? 1.5 : 1.2;
    case F_ROBERTSON: return j == 0 ? 0.9 : j == 1 ? 3.0e-5 : 0.1;
    case F_MSE: {
        static const double p[mse_N] = {0.4, -0.3, 0.5, 0.2, 0.3};
        return p[j];
    }
    case F_SOFTMAX: {
        static const double p[softmax_N] = {0.3, -1.2, 2.1, 0.5, -0.4, 1.0};
        return p[j];
    }
    case F_L96_8:
    case F_L96_32: return BENCH_L96_F + 2.0 * sin(1.3 * t + 0.2);
    case F_TRANS: return 0.3 + 0.6 * cos(0.7 * t);
    case F_ROSEN: return j % 2 == 0 ? -1.2 + 0.05 * t : 1.0 - 0.03 * t;
    default: return 0.0;
    }
}

void bench_point(int f, int k, double *x) {
    int j;
    for (j = 0; j < bench_funcs[f].n; ++j)
        x[j] = base(f, j) * (1.0 + 1e-6 * (double)k * (double)(j + 1));
}

int bench_eval(int f, const double *x, double *y) {
    bench_ctx c = {0};
    switch (f) {
    case F_SEED: return bf_seed_ev(x, y, &c);
    case F_ROBERTSON: return bf_robertson_ev(x, y, &c);
    case F_MSE: return bf_mse_ev(x, y, &c);
    case F_SOFTMAX: return bf_softmax_ev(x, y, &c);
    case F_L96_8: return bf_l96_8_ev(x, y, &c);
    case F_TRANS: return bf_trans_ev(x, y, &c);
    case F_ROSEN: return bf_rosen_ev(x, y, &c);
    case F_L96_32: return bf_l96_32_ev(x, y, &c);
    default: return -1;
    }
}
