/* suite_body.h - the function suite, written ONCE with the generic front end (ad_*).
 *
 * Included once per number type, after defining
 *     BT  the number type (double, double complex, long double, dual, duall, hdual, dual8...)
 *     BR  its real scalar type (double, or long double for long double and duall/hduall)
 *     BS  the suffix of the generated names: bf_<function>_<BS>
 * Every function has jacobian.h's signature int f(const BT *x, BT *y, void *ctx); ctx is a
 * bench_ctx whose call counter each evaluation increments. No include guard (on purpose).
 */
#include "suite_data.h"

#define BF(fn) BENCH_CAT(bf_##fn, BS)
#ifndef BENCH_COUNT
#define BENCH_COUNT(ctx) (++((bench_ctx *)(ctx))->calls)
#endif

/* The seed Jacobian of MATH.md section 3: f(x, y) = [3 x^2 y, 2 x + y^8] */
BENCH_FN int BF(seed)(const BT *x, BT *y, void *ctx) {
    BENCH_COUNT(ctx);
    y[0] = ad_mul(ad_muls(ad_sqr(x[0]), 3.0), x[1]);
    y[1] = ad_add(ad_muls(x[0], 2.0), ad_powi(x[1], 8));
    return 0;
}

/* Robertson's stiff chemistry, the right-hand side of
 *   y1' = -k1 y1 + k2 y2 y3,  y2' = k1 y1 - k2 y2 y3 - k3 y2^2,  y3' = k3 y2^2 */
BENCH_FN int BF(robertson)(const BT *x, BT *y, void *ctx) {
    const BT a = ad_muls(x[0], BENCH_ROB_K1);
    const BT b = ad_muls(ad_mul(x[1], x[2]), BENCH_ROB_K2);
    const BT c = ad_muls(ad_sqr(x[1]), BENCH_ROB_K3);
    BENCH_COUNT(ctx);
    y[0] = ad_sub(b, a);
    y[1] = ad_sub(ad_sub(a, b), c);
    y[2] = c;
    return 0;
}

/* The mean squared error of a ReLU neuron over 16 samples, parameters p = (w_1..w_4, b):
 *   C = 1/16 sum_s (t_s - relu(w . x_s + b))^2 */
BENCH_FN int BF(mse)(const BT *p, BT *y, void *ctx) {
    BT acc = ad_const(p[0], 0);
    int s, k;
    BENCH_COUNT(ctx);
    for (s = 0; s < BENCH_MSE_S; ++s) {
        BT z = p[BENCH_MSE_K];
        for (k = 0; k < BENCH_MSE_K; ++k) z = ad_add(z, ad_muls(p[k], bench_mse_X[s][k]));
        acc = ad_add(acc, ad_sqr(ad_ssub(bench_mse_t[s], ad_relu(z))));
    }
    y[0] = ad_muls(acc, 1.0 / BENCH_MSE_S);
    return 0;
}

/* softmax, shifted by the largest input (a constant: softmax is shift-invariant) */
BENCH_FN int BF(softmax)(const BT *x, BT *y, void *ctx) {
    BT e[softmax_N], s;
    BR mx = ad_value(x[0]);
    int i;
    BENCH_COUNT(ctx);
    for (i = 1; i < softmax_N; ++i)
        if (ad_value(x[i]) > mx) mx = ad_value(x[i]);
    s = e[0] = ad_exp(ad_subs(x[0], mx));
    for (i = 1; i < softmax_N; ++i) {
        e[i] = ad_exp(ad_subs(x[i], mx));
        s = ad_add(s, e[i]);
    }
    s = ad_inv(s);
    for (i = 0; i < softmax_N; ++i) y[i] = ad_mul(e[i], s);
    return 0;
}

/* Lorenz-96, cyclic: y_i = (x_{i+1} - x_{i-2}) x_{i-1} - x_i + F */
BENCH_FN void BF(l96)(const BT *x, BT *y, int n) {
    int i;
    for (i = 0; i < n; ++i) {
        const BT d = ad_sub(x[(i + 1) % n], x[(i + n - 2) % n]);
        y[i] = ad_adds(ad_sub(ad_mul(d, x[(i + n - 1) % n]), x[i]), BENCH_L96_F);
    }
}
BENCH_FN int BF(l96_8)(const BT *x, BT *y, void *ctx) {
    BENCH_COUNT(ctx);
    BF(l96)(x, y, l96_8_N);
    return 0;
}
BENCH_FN int BF(l96_32)(const BT *x, BT *y, void *ctx) {
    BENCH_COUNT(ctx);
    BF(l96)(x, y, l96_32_N);
    return 0;
}

/* Heavy in transcendental calls (six per output), cyclic, p = i, q = i+1, r = i+2:
 *   y_i = sin(x_p) cos(x_q) + exp(-x_p^2/2) tanh(x_q) + log1p(x_r^2) + atan(x_p x_r) */
BENCH_FN int BF(trans)(const BT *x, BT *y, void *ctx) {
    int i;
    BENCH_COUNT(ctx);
    for (i = 0; i < trans_N; ++i) {
        const BT xp = x[i], xq = x[(i + 1) % trans_N], xr = x[(i + 2) % trans_N];
        const BT a = ad_mul(ad_sin(xp), ad_cos(xq));
        const BT b = ad_mul(ad_exp(ad_muls(ad_sqr(xp), -0.5)), ad_tanh(xq));
        const BT c = ad_add(ad_log1p(ad_sqr(xr)), ad_atan(ad_mul(xp, xr)));
        y[i] = ad_add(ad_add(a, b), c);
    }
    return 0;
}

/* Extended Rosenbrock, n = 16: f = sum_i 100 (x_{2i+1} - x_{2i}^2)^2 + (1 - x_{2i})^2 */
BENCH_FN int BF(rosen)(const BT *x, BT *y, void *ctx) {
    BT acc = ad_const(x[0], 0);
    int i;
    BENCH_COUNT(ctx);
    for (i = 0; i < rosen_N; i += 2) {
        const BT t = ad_sub(x[i + 1], ad_sqr(x[i]));
        const BT u = ad_ssub(1.0, x[i]);
        acc = ad_add(acc, ad_add(ad_muls(ad_sqr(t), 100.0), ad_sqr(u)));
    }
    y[0] = acc;
    return 0;
}

#undef BF
#undef BT
#undef BR
#undef BS
