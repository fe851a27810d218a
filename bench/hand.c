/* hand.c - hand-written analytic Jacobians (numerator layout, J[i*n + j] = dy_i/dx_j),
 * gradients and Hessians of the suite: the baseline every method is compared with. Written
 * the way a careful user would: shared subexpressions once, libm calls once per input. */
#include <math.h>

#include "hand.h"
#include "suite_data.h"

static void zero(double *a, int k) {
    int i;
    for (i = 0; i < k; ++i) a[i] = 0.0;
}

/* [[6xy, 3x^2], [2, 8y^7]] */
int hand_jac_seed(const double *x, double *J, bench_ctx *ctx) {
    const double a = x[0], b = x[1], b2 = b * b, b3 = b2 * b;
    (void)ctx;
    J[0] = 6.0 * a * b;
    J[1] = 3.0 * a * a;
    J[2] = 2.0;
    J[3] = 8.0 * (b3 * b3 * b);
    return 0;
}

int hand_jac_robertson(const double *x, double *J, bench_ctx *ctx) {
    const double k1 = BENCH_ROB_K1, k2 = BENCH_ROB_K2, k3 = BENCH_ROB_K3;
    (void)ctx;
    J[0] = -k1;
    J[1] = k2 * x[2];
    J[2] = k2 * x[1];
    J[3] = k1;
    J[4] = -k2 * x[2] - 2.0 * k3 * x[1];
    J[5] = -k2 * x[1];
    J[6] = 0.0;
    J[7] = 2.0 * k3 * x[1];
    J[8] = 0.0;
    return 0;
}

/* dC/dw_k = 2/S sum_{z_s > 0} (z_s - t_s) x_sk,  dC/db = 2/S sum_{z_s > 0} (z_s - t_s) */
int hand_grad_mse(const double *p, double *g, void *ctx) {
    int s, k;
    if (ctx != NULL) ++((bench_ctx *)ctx)->calls;
    for (k = 0; k <= BENCH_MSE_K; ++k) g[k] = 0.0;
    for (s = 0; s < BENCH_MSE_S; ++s) {
        double z = p[BENCH_MSE_K], e;
        for (k = 0; k < BENCH_MSE_K; ++k) z += p[k] * bench_mse_X[s][k];
        if (!(z > 0.0)) continue;
        e = z - bench_mse_t[s];
        for (k = 0; k < BENCH_MSE_K; ++k) g[k] += e * bench_mse_X[s][k];
        g[BENCH_MSE_K] += e;
    }
    for (k = 0; k <= BENCH_MSE_K; ++k) g[k] *= 2.0 / BENCH_MSE_S;
    return 0;
}
int hand_jac_mse(const double *x, double *J, bench_ctx *ctx) {
    (void)ctx;
    return hand_grad_mse(x, J, NULL);
}
/* H = 2/S sum_{z_s > 0} xh_s xh_s^T, xh = (x_s, 1) */
int hand_hess_mse(const double *p, double *H, bench_ctx *ctx) {
    const int n = mse_N;
    int s, i, j;
    (void)ctx;
    zero(H, n * n);
    for (s = 0; s < BENCH_MSE_S; ++s) {
        double z = p[BENCH_MSE_K], xh[mse_N];
        for (i = 0; i < BENCH_MSE_K; ++i) {
            z += p[i] * bench_mse_X[s][i];
            xh[i] = bench_mse_X[s][i];
        }
        if (!(z > 0.0)) continue;
        xh[BENCH_MSE_K] = 1.0;
        for (i = 0; i < n; ++i)
            for (j = i; j < n; ++j) H[i * n + j] += xh[i] * xh[j];
    }
    for (i = 0; i < n; ++i)
        for (j = i; j < n; ++j) H[j * n + i] = H[i * n + j] *= 2.0 / BENCH_MSE_S;
    return 0;
}

/* dy_i/dx_j = s_i (delta_ij - s_j) */
int hand_jac_softmax(const double *x, double *J, bench_ctx *ctx) {
    const int n = softmax_N;
    double s[softmax_N], mx = x[0], sum = 0.0;
    int i, j;
    (void)ctx;
    for (i = 1; i < n; ++i)
        if (x[i] > mx) mx = x[i];
    for (i = 0; i < n; ++i) sum += s[i] = exp(x[i] - mx);
    sum = 1.0 / sum;
    for (i = 0; i < n; ++i) s[i] *= sum;
    for (i = 0; i < n; ++i)
        for (j = 0; j < n; ++j) J[i * n + j] = (i == j ? s[i] : 0.0) - s[i] * s[j];
    return 0;
}

/* d/dx_{i+1} = x_{i-1}, d/dx_{i-2} = -x_{i-1}, d/dx_{i-1} = x_{i+1} - x_{i-2}, d/dx_i = -1 */
static void l96(const double *x, double *J, int n) {
    int i;
    zero(J, n * n);
    for (i = 0; i < n; ++i) {
        const int p1 = (i + 1) % n, m1 = (i + n - 1) % n, m2 = (i + n - 2) % n;
        double *row = J + i * n;
        row[p1] = x[m1];
        row[m2] = -x[m1];
        row[m1] = x[p1] - x[m2];
        row[i] = -1.0;
    }
}
int hand_jac_l96_8(const double *x, double *J, bench_ctx *ctx) {
    (void)ctx;
    l96(x, J, l96_8_N);
    return 0;
}
int hand_jac_l96_32(const double *x, double *J, bench_ctx *ctx) {
    (void)ctx;
    l96(x, J, l96_32_N);
    return 0;
}

/* y_i = sin(x_p) cos(x_q) + exp(-x_p^2/2) tanh(x_q) + log1p(x_r^2) + atan(x_p x_r):
 *   d/dx_p = cos x_p cos x_q - x_p e_p tanh x_q + x_r / (1 + (x_p x_r)^2)
 *   d/dx_q = -sin x_p sin x_q + e_p sech^2 x_q
 *   d/dx_r = 2 x_r / (1 + x_r^2) + x_p / (1 + (x_p x_r)^2)
 * with the libm calls made once per input. */
int hand_jac_trans(const double *x, double *J, bench_ctx *ctx) {
    const int n = trans_N;
    double sn[trans_N], cs[trans_N], th[trans_N], sh2[trans_N], ep[trans_N];
    int i, j;
    (void)ctx;
    for (j = 0; j < n; ++j) {
        const double c = cosh(x[j]);
        sn[j] = sin(x[j]);
        cs[j] = cos(x[j]);
        th[j] = tanh(x[j]);
        sh2[j] = 1.0 / (c * c);
        ep[j] = exp(-0.5 * x[j] * x[j]);
    }
    zero(J, n * n);
    for (i = 0; i < n; ++i) {
        const int p = i, q = (i + 1) % n, r = (i + 2) % n;
        const double u = x[p] * x[r], da = 1.0 / (1.0 + u * u);
        double *row = J + i * n;
        row[p] += cs[p] * cs[q] - x[p] * ep[p] * th[q] + x[r] * da;
        row[q] += -sn[p] * sn[q] + ep[p] * sh2[q];
        row[r] += 2.0 * x[r] / (1.0 + x[r] * x[r]) + x[p] * da;
    }
    return 0;
}

/* a = x_{2i}, b = x_{2i+1}: df/da = -400 a (b - a^2) - 2 (1 - a), df/db = 200 (b - a^2) */
int hand_grad_rosen(const double *x, double *g, void *ctx) {
    int i;
    if (ctx != NULL) ++((bench_ctx *)ctx)->calls;
    for (i = 0; i < rosen_N; i += 2) {
        const double a = x[i], t = x[i + 1] - a * a;
        g[i] = -400.0 * a * t - 2.0 * (1.0 - a);
        g[i + 1] = 200.0 * t;
    }
    return 0;
}
int hand_jac_rosen(const double *x, double *J, bench_ctx *ctx) {
    (void)ctx;
    return hand_grad_rosen(x, J, NULL);
}
/* d2f/da2 = 1200 a^2 - 400 b + 2, d2f/dadb = -400 a, d2f/db2 = 200 */
int hand_hess_rosen(const double *x, double *H, bench_ctx *ctx) {
    const int n = rosen_N;
    int i;
    (void)ctx;
    zero(H, n * n);
    for (i = 0; i < n; i += 2) {
        const double a = x[i], b = x[i + 1];
        H[i * n + i] = 1200.0 * a * a - 400.0 * b + 2.0;
        H[i * n + i + 1] = H[(i + 1) * n + i] = -400.0 * a;
        H[(i + 1) * n + i + 1] = 200.0;
    }
    return 0;
}

int bench_hand_jac(int f, const double *x, double *J) {
    switch (f) {
    case F_SEED: return hand_jac_seed(x, J, NULL);
    case F_ROBERTSON: return hand_jac_robertson(x, J, NULL);
    case F_MSE: return hand_jac_mse(x, J, NULL);
    case F_SOFTMAX: return hand_jac_softmax(x, J, NULL);
    case F_L96_8: return hand_jac_l96_8(x, J, NULL);
    case F_TRANS: return hand_jac_trans(x, J, NULL);
    case F_ROSEN: return hand_jac_rosen(x, J, NULL);
    case F_L96_32: return hand_jac_l96_32(x, J, NULL);
    default: return -1;
    }
}

int bench_hand_hess(int f, const double *x, double *H) {
    switch (f) {
    case F_MSE: return hand_hess_mse(x, H, NULL);
    case F_ROSEN: return hand_hess_rosen(x, H, NULL);
    default: return -1;
    }
}
