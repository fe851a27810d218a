/* test_jacobian.c - jacobian.h: the identities of MATH.md sections 3-5 as Jacobians, agreement
 * of every builder (scalar and chunked duals bit for bit, jvp, grad, hess, hvp), the call
 * counts each builder promises, the two layouts, finite differences and the complex step
 * against the exact Jacobian, and the derivative checker. Output: TAP. */
#define DUAL_GENERIC_USER(op)                                                                      \
    DUAL_GENERIC_ENTRY(dual1, op) DUAL_GENERIC_ENTRY(dual2, op) DUAL_GENERIC_ENTRY(dual3, op)      \
    DUAL_GENERIC_ENTRY(dual4, op) DUAL_GENERIC_ENTRY(dual8, op) DUAL_GENERIC_ENTRY(dualf3, op)
#include "jacobian.h"

#include <complex.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

/* tap_near with the promotion to long double made explicit (-Wdouble-promotion) */
#define TNEAR(got, want, rtol, atol, ...)                                                          \
    tap_near((long double)(got), (long double)(want), (long double)(rtol), (long double)(atol),    \
             __VA_ARGS__)

DUALN_DEFINE(dual1, double, 1)
DUALN_DEFINE(dual2, double, 2)
DUALN_DEFINE(dual3, double, 3)
DUALN_DEFINE(dual4, double, 4)
DUALN_DEFINE(dual8, double, 8)
DUALN_DEFINE(dualf3, float, 3)
JAC_DEFINE(dual1)
JAC_DEFINE(dual2)
JAC_DEFINE(dual3)
JAC_DEFINE(dual4)
JAC_DEFINE(dual8)
JAC_DEFINE(dualf3)

typedef double complex cplx;

/* ------------------------------------------------------------------ helpers */

/* ctx of the test functions: counts calls; fails (returns 7) on call number fail_at (from 0) */
typedef struct probe {
    long calls;
    long fail_at;
    size_t n;        /* size for the functions that need one */
    const double *A; /* data for the identities */
    const double *w;
    double z;
} probe;

static probe probe_make(void) {
    probe p;
    memset(&p, 0, sizeof p);
    p.fail_at = -1;
    return p;
}

static int count_call(void *ctx) {
    probe *p = (probe *)ctx;
    if (p == NULL) return 0;
    return p->calls++ == p->fail_at;
}

/* |got - want| <= atol + rtol |want| for every entry; one TAP line, a diagnostic at the worst */
static int mat_near(const double *got, const double *want, size_t cnt, double rtol, double atol,
                    const char *what) {
    size_t k, worst = 0;
    double werr = -1.0;
    int good = 1;
    for (k = 0; k < cnt; ++k) {
        double e = fabs(got[k] - want[k]), lim = atol + rtol * fabs(want[k]);
        if (!tap_close((long double)got[k], (long double)want[k], (long double)rtol,
                       (long double)atol))
            good = 0;
        if (isnan(e) || e - lim > werr) {
            werr = isnan(e) ? HUGE_VAL : e - lim;
            worst = k;
        }
    }
    if (!tap_ok(good, "%s", what))
        tap_diag("worst entry %zu: got %.17g, want %.17g", worst, got[worst], want[worst]);
    return good;
}

/* equal values (-0 == +0) */
static int mat_eq(const double *got, const double *want, size_t cnt, const char *what) {
    size_t k;
    for (k = 0; k < cnt; ++k)
        if (!(got[k] == want[k])) break;
    if (!tap_ok(k == cnt, "%s", what))
        tap_diag("first difference at %zu: got %.17g, want %.17g", k, got[k], want[k]);
    return k == cnt;
}

/* bit for bit */
static int mat_same(const double *got, const double *want, size_t cnt, const char *what) {
    size_t k;
    for (k = 0; k < cnt; ++k)
        if (!tap_same(got[k], want[k])) break;
    if (!tap_ok(k == cnt, "%s", what))
        tap_diag("first difference at %zu: got %.17g, want %.17g", k, got[k], want[k]);
    return k == cnt;
}

/* max over entries of |a - b| / max(1, |b|) (the checker's relative error) */
static double max_relerr(const double *a, const double *b, size_t cnt) {
    double r = 0.0;
    size_t k;
    for (k = 0; k < cnt; ++k) {
        double e = fabs(a[k] - b[k]) / fmax(1.0, fabs(b[k]));
        if (!(e <= r)) r = e;
    }
    return r;
}

/* ------------------------------------------------------------------ test functions */

/* R^7 -> R^5, smooth, one body for every type */
#define MIX_N 7
#define MIX_M 5
#define DEF_MIX(D)                                                                                 \
    static int mix_##D(const D *x, D *y, void *ctx) {                                              \
        if (count_call(ctx)) return 7;                                                             \
        y[0] = ad_add(ad_mul(ad_sin(x[0]), ad_exp(x[1])), ad_mul(x[2], x[3]));                     \
        y[1] = ad_div(ad_log(ad_adds(ad_sqr(x[4]), 1.0)), ad_adds(ad_sqr(x[5]), 1.0));             \
        y[2] = ad_mul(ad_sqrt(ad_adds(ad_add(ad_sqr(x[0]), ad_sqr(x[6])), 1.0)), ad_tanh(x[3]));   \
        y[3] = ad_add(ad_sub(ad_powi(x[1], 3), ad_mul(x[5], x[6])), ad_atan(x[2]));                \
        y[4] = ad_add(ad_hypot(x[4], x[5]), ad_muls(ad_add(x[0], x[6]), 0.5));                     \
        return 0;                                                                                  \
    }
DEF_MIX(double)
DEF_MIX(cplx)
DEF_MIX(dual)
DEF_MIX(dualf)
DEF_MIX(duall)
DEF_MIX(dual1)
DEF_MIX(dual2)
DEF_MIX(dual3)
DEF_MIX(dual4)
DEF_MIX(dual8)
DEF_MIX(dualf3)

/* homogeneous functions (relative FD errors do not depend on the scale of x) */
#define DEF_HOMOG(D)                                                                               \
    static int homog_##D(const D *x, D *y, void *ctx) {                                            \
        (void)ctx;                                                                                 \
        y[0] = ad_mul(ad_sqr(x[0]), x[1]);                                                         \
        y[1] = ad_div(ad_powi(x[1], 3), x[0]);                                                     \
        y[2] = ad_hypot(x[0], x[1]);                                                               \
        return 0;                                                                                  \
    }
DEF_HOMOG(double)
DEF_HOMOG(dual)

/* Rosenbrock-like scalar function of n = probe.n inputs:
 * f = sum (1 - x_i)^2 + 10 sum (x_{i+1} - x_i^2)^2 + sin(x_0 x_{n-1}) */
#define DEF_ROSEN(D)                                                                               \
    static int rosen_##D(const D *x, D *y, void *ctx) {                                            \
        size_t i, n = ((probe *)ctx)->n;                                                           \
        D acc = ad_const(x[0], 0);                                                                 \
        if (count_call(ctx)) return 7;                                                             \
        for (i = 0; i < n; ++i) {                                                                  \
            acc = ad_add(acc, ad_sqr(ad_ssub(1.0, x[i])));                                         \
            if (i + 1 < n)                                                                         \
                acc = ad_add(acc, ad_muls(ad_sqr(ad_sub(x[i + 1], ad_sqr(x[i]))), 10.0));          \
        }                                                                                          \
        y[0] = ad_add(acc, ad_sin(ad_mul(x[0], x[n - 1])));                                        \
        return 0;                                                                                  \
    }
DEF_ROSEN(double)
DEF_ROSEN(dual)
DEF_ROSEN(dual3)
DEF_ROSEN(dual4)
DEF_ROSEN(hdual)
DEF_ROSEN(hdualf)
DEF_ROSEN(hduall)

/* its gradient, written by hand as a function R^n -> R^n over dual:
 * g_k = -2(1 - x_k) + [k >= 1] 20 (x_k - x_{k-1}^2) - [k < n-1] 40 x_k (x_{k+1} - x_k^2)
 *       + cos(x_0 x_{n-1}) ([k = 0] x_{n-1} + [k = n-1] x_0) */
static int rosen_grad(const dual *x, dual *g, void *ctx) {
    size_t k, n = ((probe *)ctx)->n;
    dual c = dual_cos(dual_mul(x[0], x[n - 1]));
    for (k = 0; k < n; ++k) {
        dual t = dual_muls(dual_ssub(1.0, x[k]), -2.0);
        if (k >= 1) t = dual_add(t, dual_muls(dual_sub(x[k], dual_sqr(x[k - 1])), 20.0));
        if (k + 1 < n)
            t = dual_sub(t, dual_muls(dual_mul(x[k], dual_sub(x[k + 1], dual_sqr(x[k]))), 40.0));
        if (k == 0) t = dual_add(t, dual_mul(c, x[n - 1]));
        if (k == n - 1) t = dual_add(t, dual_mul(c, x[0]));
        g[k] = t;
    }
    return 0;
}

/* ------------------------------------------------------------------ MATH.md identities */

/* The test point arrives at run time (main copies it from a volatile array): with inputs known
 * at compile time clang folds a*b + c as one fused operation (its default -ffp-contract=on)
 * in some passes and not in others, which no run-time input would see. */
static volatile double X7_src[MIX_N] = {0.7, -0.3, 1.1, 0.4, -1.3, 0.9, 0.2};
static double X7[MIX_N];

/* the Jacobian of section 3: f = 3x^2 y, g = 2x + y^8 */
static int fg(const dual *x, dual *y, void *ctx) {
    (void)ctx;
    y[0] = ad_mul(ad_muls(ad_sqr(x[0]), 3.0), x[1]);
    y[1] = ad_add(ad_muls(x[0], 2.0), ad_powi(x[1], 8));
    return 0;
}
static int d2l(const dual *x, dual *y, void *ctx) { /* x1^2 + 2 x2^2 */
    (void)ctx;
    y[0] = ad_add(ad_sqr(x[0]), ad_muls(ad_sqr(x[1]), 2.0));
    return 0;
}
static int ident(const dual *x, dual *y, void *ctx) {
    size_t i, n = ((probe *)ctx)->n;
    for (i = 0; i < n; ++i) y[i] = x[i];
    return 0;
}
/* w + x and w - x, differentiated by w (x = probe.w fixed) or by x (w fixed): */
static int w_plus_x(const dual *w, dual *y, void *ctx) { /* by w */
    const probe *p = (const probe *)ctx;
    size_t i;
    for (i = 0; i < p->n; ++i) y[i] = ad_adds(w[i], p->w[i]);
    return 0;
}
static int w_minus_x(const dual *x, dual *y, void *ctx) { /* by x */
    const probe *p = (const probe *)ctx;
    size_t i;
    for (i = 0; i < p->n; ++i) y[i] = ad_ssub(p->w[i], x[i]);
    return 0;
}
static int w_times_x(const dual *v, dual *y, void *ctx) { /* v (x) c, c = probe.w */
    const probe *p = (const probe *)ctx;
    size_t i;
    for (i = 0; i < p->n; ++i) y[i] = ad_muls(v[i], p->w[i]);
    return 0;
}
static int w_over_x_by_w(const dual *w, dual *y, void *ctx) { /* w / x, x = probe.w */
    const probe *p = (const probe *)ctx;
    size_t i;
    for (i = 0; i < p->n; ++i) y[i] = ad_divs(w[i], p->w[i]);
    return 0;
}
static int w_over_x_by_x(const dual *x, dual *y, void *ctx) { /* w / x, w = probe.w */
    const probe *p = (const probe *)ctx;
    size_t i;
    for (i = 0; i < p->n; ++i) y[i] = ad_sdiv(p->w[i], x[i]);
    return 0;
}
/* inputs [x_0 .. x_{n-1}, z]: outputs x + z, x z, sum(x), sum(x z) */
static int scalar_exp(const dual *xz, dual *y, void *ctx) {
    size_t i, n = ((probe *)ctx)->n;
    dual s = ad_const(xz[0], 0), sz = ad_const(xz[0], 0);
    for (i = 0; i < n; ++i) {
        y[i] = ad_add(xz[i], xz[n]);
        y[n + i] = ad_mul(xz[i], xz[n]);
        s = ad_add(s, xz[i]);
        sz = ad_add(sz, ad_mul(xz[i], xz[n]));
    }
    y[2 * n] = s;
    y[2 * n + 1] = sz;
    return 0;
}
static int dot_w(const dual *v, dual *y, void *ctx) { /* v . c, c = probe.w */
    const probe *p = (const probe *)ctx;
    size_t i;
    y[0] = ad_const(v[0], 0);
    for (i = 0; i < p->n; ++i) y[0] = ad_add(y[0], ad_muls(v[i], p->w[i]));
    return 0;
}
#define AX_M 3
#define AX_N 4
static const double A34[AX_M * AX_N] = {1, -2, 0.5, 3, 0, 4, -1, 2, 7, 0.25, -3, 1};
static int ax(const dual *x, dual *y, void *ctx) { /* A x, A = probe.A, m = 3, n = 4 */
    const probe *p = (const probe *)ctx;
    size_t i, j;
    if (count_call(ctx)) return 7;
    for (i = 0; i < AX_M; ++i) {
        y[i] = ad_const(x[0], 0);
        for (j = 0; j < AX_N; ++j) y[i] = ad_add(y[i], ad_muls(x[j], p->A[i * AX_N + j]));
    }
    return 0;
}
static const double A44[16] = {2, -1, 0.5, 3, 1, 4, -2, 0, 0.25, 1, 5, -1, 3, 2, 1, -4};
#define DEF_XAX(D)                                                                                 \
    static int xax_##D(const D *x, D *y, void *ctx) { /* x^T A x, A = probe.A, n = 4 */            \
        const probe *p = (const probe *)ctx;                                                       \
        size_t i, j;                                                                               \
        y[0] = ad_const(x[0], 0);                                                                  \
        for (i = 0; i < 4; ++i)                                                                    \
            for (j = 0; j < 4; ++j)                                                                \
                y[0] = ad_add(y[0], ad_muls(ad_mul(x[i], x[j]), p->A[i * 4 + j]));                 \
        return 0;                                                                                  \
    }
DEF_XAX(dual)
DEF_XAX(hdual)
static int sqnorm(const dual *x, dual *y, void *ctx) {
    size_t i, n = ((probe *)ctx)->n;
    y[0] = ad_const(x[0], 0);
    for (i = 0; i < n; ++i) y[0] = ad_add(y[0], ad_sqr(x[i]));
    return 0;
}
static int sigm(const dual *x, dual *y, void *ctx) {
    size_t i, n = ((probe *)ctx)->n;
    for (i = 0; i < n; ++i) y[i] = ad_sigmoid(x[i]);
    return 0;
}
/* y(x) = [ln(x^2), sin(3x)]: dy/dx = [2/x, 3 cos(3x)] */
static int one_var(const dual *x, dual *y, void *ctx) {
    (void)ctx;
    y[0] = ad_log(ad_sqr(x[0]));
    y[1] = ad_sin(ad_muls(x[0], 3.0));
    return 0;
}

/* the vector chain rule: g: R^3 -> R^4, f: R^4 -> R^2 */
static int chain_g(const dual *x, dual *u, void *ctx) {
    (void)ctx;
    u[0] = ad_mul(x[0], x[1]);
    u[1] = ad_sin(x[2]);
    u[2] = ad_exp(ad_muls(x[0], 0.5));
    u[3] = ad_add(ad_sqr(x[1]), x[2]);
    return 0;
}
static int chain_f(const dual *u, dual *v, void *ctx) {
    (void)ctx;
    v[0] = ad_add(ad_mul(u[0], u[1]), ad_log(ad_adds(ad_sqr(u[2]), 1.0)));
    v[1] = ad_div(u[3], ad_adds(ad_sqr(u[0]), 2.0));
    return 0;
}
static int chain_fg(const dual *x, dual *v, void *ctx) {
    dual u[4];
    chain_g(x, u, ctx);
    return chain_f(u, v, ctx);
}

/* product rules of the identity sheet: yv(x), zv(x): R^3 -> R^2 */
static const double B22[4] = {1.5, -2, 0.5, 3};
static int yv(const dual *x, dual *y, void *ctx) {
    (void)ctx;
    y[0] = ad_mul(x[0], ad_sin(x[1]));
    y[1] = ad_add(ad_sqr(x[2]), x[0]);
    return 0;
}
static int zv(const dual *x, dual *z, void *ctx) {
    (void)ctx;
    z[0] = ad_exp(ad_muls(x[2], 0.3));
    z[1] = ad_mul(x[1], x[2]);
    return 0;
}
static int ytz(const dual *x, dual *h, void *ctx) { /* y^T z */
    dual y[2], z[2];
    yv(x, y, ctx);
    zv(x, z, ctx);
    h[0] = ad_add(ad_mul(y[0], z[0]), ad_mul(y[1], z[1]));
    return 0;
}
static int ytaz(const dual *x, dual *h, void *ctx) { /* y^T B z */
    dual y[2], z[2], bz0, bz1;
    yv(x, y, ctx);
    zv(x, z, ctx);
    bz0 = ad_add(ad_muls(z[0], B22[0]), ad_muls(z[1], B22[1]));
    bz1 = ad_add(ad_muls(z[0], B22[2]), ad_muls(z[1], B22[3]));
    h[0] = ad_add(ad_mul(y[0], bz0), ad_mul(y[1], bz1));
    return 0;
}

/* the neuron of Parr-Howard section 5: inputs [w_0 .. w_{d-1}, b], sample probe.w (d = probe.n) */
static int neuron(const dual *wb, dual *a, void *ctx) {
    const probe *p = (const probe *)ctx;
    size_t i;
    dual z = wb[p->n];
    for (i = 0; i < p->n; ++i) z = ad_add(z, ad_muls(wb[i], p->w[i]));
    a[0] = ad_relu(z);
    return 0;
}

/* the MSE loss over N samples (rows of probe.A, d = probe.n columns), targets probe.w */
#define MSE_N 5
#define MSE_D 3
static const double MSE_X[MSE_N * MSE_D] = {1, 2, -1, 0.5, -1, 2, -2, 0.5, 1, 3, 1, 0.5, -1, -3, 2};
static const double MSE_Y[MSE_N] = {1.0, 2.5, -0.5, 4.0, 0.3};
#define DEF_MSE(D)                                                                                 \
    static int mse_##D(const D *wb, D *c, void *ctx) {                                             \
        const probe *p = (const probe *)ctx;                                                       \
        size_t s, i;                                                                               \
        D acc = ad_const(wb[0], 0);                                                                \
        for (s = 0; s < MSE_N; ++s) {                                                              \
            D z = wb[p->n];                                                                        \
            for (i = 0; i < p->n; ++i) z = ad_add(z, ad_muls(wb[i], p->A[s * p->n + i]));          \
            acc = ad_add(acc, ad_sqr(ad_ssub(p->w[s], ad_relu(z))));                               \
        }                                                                                          \
        c[0] = ad_divs(acc, (double)MSE_N);                                                        \
        return 0;                                                                                  \
    }
DEF_MSE(dual)
DEF_MSE(double)

static void test_identities(void) {
    double J[64], Jt[64], want[64], y[16];
    double w[4] = {1.5, -2.0, 0.25, 3.0}, x[5] = {0.5, 2.0, -1.5, 4.0, 1.75};
    probe p = probe_make();
    jac_opts den = JAC_OPTS_INIT;
    size_t i, j, n = 4;
    den.layout = JAC_DENOMINATOR;
    p.n = n;
    p.w = w;

    /* section 3 */
    {
        double xy[2] = {1.5, -1.25}, X = 1.5, Y = -1.25;
        double W[4] = {6 * Y * X, 3 * X * X, 2, 8 * pow(Y, 7)};
        tap_ok(jac_dual(fg, NULL, 2, 2, xy, y, J) == 0, "3: jac_dual of [3x^2 y, 2x + y^8] runs");
        mat_near(J, W, 4, 1e-15, 0, "3: J = [[6yx, 3x^2], [2, 8y^7]] (numerator layout)");
        TNEAR(y[0], 3 * X * X * Y, 1e-15, 0, "3: y_0 = f(x, y)");
        TNEAR(y[1], 2 * X + pow(Y, 8), 1e-15, 0, "3: y_1 = g(x, y)");
        jac_dual_ex(fg, NULL, 2, 2, xy, NULL, Jt, &den);
        double Wt[4] = {W[0], W[2], W[1], W[3]};
        mat_near(Jt, Wt, 4, 1e-15, 0, "3: denominator layout is the transpose");
    }
    {
        double x11[2] = {1, 1}, g[2], W[2] = {2, 4}, fx;
        tap_ok(grad_dual(d2l, NULL, 2, x11, &fx, g) == 0 && fx == 3.0,
               "3: grad of x1^2 + 2x2^2 runs, f(1,1) = 3");
        mat_same(g, W, 2, "3: D2L: d(x1^2 + 2x2^2)/dx = (2, 4) at (1, 1)");
    }
    /* section 4 */
    jac_dual(ident, &p, n, n, x, NULL, J);
    for (i = 0; i < 16; ++i) want[i] = i % 5 == 0;
    mat_eq(J, want, 16, "4: dx/dx = I");
    jac_dual(w_plus_x, &p, n, n, x, y, J);
    mat_eq(J, want, 16, "4: d(w + x)/dw = I");
    jac_dual(w_minus_x, &p, n, n, x, NULL, J);
    for (i = 0; i < 16; ++i) want[i] = i % 5 == 0 ? -1.0 : 0.0;
    mat_eq(J, want, 16, "4: d(w - x)/dx = -I");
    p.w = x; /* d(w (x) x)/dw = diag(x) */
    jac_dual(w_times_x, &p, n, n, w, NULL, J);
    for (i = 0; i < 16; ++i) want[i] = i % 5 == 0 ? x[i / 5] : 0.0;
    mat_eq(J, want, 16, "4: d(w (x) x)/dw = diag(x)");
    p.w = w;
    jac_dual(w_times_x, &p, n, n, x, NULL, J);
    for (i = 0; i < 16; ++i) want[i] = i % 5 == 0 ? w[i / 5] : 0.0;
    mat_eq(J, want, 16, "4: d(w (x) x)/dx = diag(w)");
    p.w = x;
    jac_dual(w_over_x_by_w, &p, n, n, w, NULL, J);
    for (i = 0; i < 16; ++i) want[i] = i % 5 == 0 ? 1.0 / x[i / 5] : 0.0;
    mat_near(J, want, 16, 1e-15, 0, "4: d(w / x)/dw = diag(1/x_i)");
    p.w = w;
    jac_dual(w_over_x_by_x, &p, n, n, x, NULL, J);
    for (i = 0; i < 16; ++i) want[i] = i % 5 == 0 ? -w[i / 5] / (x[i / 5] * x[i / 5]) : 0.0;
    mat_near(J, want, 16, 1e-15, 0, "4: d(w / x)/dx = diag(-w_i / x_i^2)");
    {
        /* scalar expansion and reductions: inputs [x, z], outputs [x + z, x z, sum x, sum x z] */
        double xz[5] = {x[0], x[1], x[2], x[3], 1.75}, z = 1.75, Jx[50], sx = 0;
        const size_t N = 5, M = 2 * 4 + 2;
        jac_dual(scalar_exp, &p, N, M, xz, NULL, Jx);
        for (i = 0; i < 4; ++i) sx += x[i];
        int okI = 1, okOnes = 1, okIz = 1, okX = 1, okSum = 1, okSumZ = 1;
        for (i = 0; i < 4; ++i) {
            for (j = 0; j < 4; ++j) {
                okI &= Jx[i * N + j] == (i == j ? 1.0 : 0.0);
                okIz &= Jx[(4 + i) * N + j] == (i == j ? z : 0.0);
            }
            okOnes &= Jx[i * N + 4] == 1.0;
            okX &= Jx[(4 + i) * N + 4] == x[i];
            okSum &= Jx[8 * N + i] == 1.0;
            okSumZ &= Jx[9 * N + i] == z;
        }
        okSum &= Jx[8 * N + 4] == 0.0;
        tap_ok(okI, "4: d(x + z)/dx = I");
        tap_ok(okOnes, "4: d(x + z)/dz = 1 (a column of ones)");
        tap_ok(okIz, "4: d(x z)/dx = I z");
        tap_ok(okX, "4: d(x z)/dz = x");
        tap_ok(okSum, "4: d sum(x)/dx = 1^T");
        tap_ok(okSumZ, "4: d sum(x z)/dx = [z, ..., z]");
        TNEAR(Jx[9 * N + 4], sx, 1e-15, 0, "4: d sum(x z)/dz = sum(x)");
    }
    jac_dual(dot_w, &p, n, 1, x, NULL, J);
    mat_same(J, w, n, "4: d(w . x)/dx = w^T");
    p.w = x;
    jac_dual(dot_w, &p, n, 1, w, NULL, J);
    mat_same(J, x, n, "4: d(w . x)/dw = x^T");
    p.w = w;
    {
        double Ax[AX_M * AX_N], xa[AX_N] = {0.3, -1.2, 2.5, 0.7}, AT[AX_N * AX_M], Jpad[AX_N * 5];
        jac_opts ld5 = JAC_OPTS_INIT;
        p.A = A34;
        jac_dual(ax, &p, AX_N, AX_M, xa, NULL, Ax);
        mat_same(Ax, A34, AX_M * AX_N, "4: d(Ax)/dx = A (numerator layout, m x n)");
        jac_dual_ex(ax, &p, AX_N, AX_M, xa, NULL, Jt, &den);
        for (i = 0; i < AX_M; ++i)
            for (j = 0; j < AX_N; ++j) AT[j * AX_M + i] = A34[i * AX_N + j];
        mat_same(Jt, AT, AX_M * AX_N, "4: d(Ax)/dx = A^T in denominator layout (n x m)");
        /* denominator layout with a leading dimension 5 > m: padding untouched */
        for (i = 0; i < AX_N * 5; ++i) Jpad[i] = -777.0;
        ld5.layout = JAC_DENOMINATOR;
        ld5.ld = 5;
        jac_dual_ex(ax, &p, AX_N, AX_M, xa, NULL, Jpad, &ld5);
        int okp = 1;
        for (j = 0; j < AX_N; ++j)
            for (i = 0; i < 5; ++i)
                okp &= Jpad[j * 5 + i] == (i < AX_M ? A34[i * AX_N + j] : -777.0);
        tap_ok(
            okp,
            "4: denominator layout with ld = 5: A^T in the first 3 of each row, padding untouched");
        /* numerator with ld = 6 */
        for (i = 0; i < AX_M * 6; ++i) Jpad[i] = -777.0;
        ld5.layout = JAC_NUMERATOR;
        ld5.ld = 6;
        jac_dual_ex(ax, &p, AX_N, AX_M, xa, NULL, Jpad, &ld5);
        okp = 1;
        for (i = 0; i < AX_M; ++i)
            for (j = 0; j < 6; ++j)
                okp &= Jpad[i * 6 + j] == (j < AX_N ? A34[i * AX_N + j] : -777.0);
        tap_ok(okp,
               "4: numerator layout with ld = 6: A in the first 4 of each row, padding untouched");
    }
    {
        double xq[4] = {0.5, -1.0, 2.0, 1.5}, g[4] = {0}, gw[4], H[16] = {0}, Hw[16], fx = 0,
               g2[4] = {0};
        p.A = A44;
        for (j = 0; j < 4; ++j) {
            gw[j] = 0;
            for (i = 0; i < 4; ++i) gw[j] += xq[i] * (A44[i * 4 + j] + A44[j * 4 + i]);
        }
        grad_dual(xax_dual, &p, 4, xq, NULL, g);
        mat_near(g, gw, 4, 1e-15, 1e-15, "4: d(x^T A x)/dx = x^T (A + A^T)");
        for (i = 0; i < 4; ++i)
            for (j = 0; j < 4; ++j) Hw[i * 4 + j] = A44[i * 4 + j] + A44[j * 4 + i];
        tap_ok(hess_hdual(xax_hdual, &p, 4, xq, &fx, g2, H) == 0, "4: hess_hdual of x^T A x runs");
        mat_same(H, Hw, 16, "4: the Hessian of x^T A x is A + A^T, exactly");
        mat_near(g2, gw, 4, 1e-15, 1e-15, "4: hess_hdual's gradient is x^T (A + A^T)");
    }
    {
        double g[4], W[4];
        grad_dual(sqnorm, &p, n, x, NULL, g);
        for (i = 0; i < n; ++i) W[i] = 2 * x[i];
        mat_same(g, W, n, "4: d||x||^2/dx = 2x^T");
        /* ||X||_F^2 for a 2 x 3 matrix, flattened */
        double X6[6] = {1, -2, 0.5, 3, 0.25, -1}, g6[6], W6[6];
        probe p6 = probe_make();
        p6.n = 6;
        grad_dual(sqnorm, &p6, 6, X6, NULL, g6);
        for (i = 0; i < 6; ++i) W6[i] = 2 * X6[i];
        mat_same(g6, W6, 6, "4: d||X||_F^2/dX = 2X (2 x 3, flattened)");
    }
    {
        double s;
        jac_dual(sigm, &p, n, n, x, NULL, J);
        for (i = 0; i < 16; ++i) {
            s = 1.0 / (1.0 + exp(-x[i / 5]));
            want[i] = i % 5 == 0 ? s * (1 - s) : 0.0;
        }
        mat_near(J, want, 16, 1e-15, 1e-17,
                 "4: d sigma(x)/dx = diag(sigma (1 - sigma)) (elementwise)");
    }
    {
        double x1 = 0.8, Jv[2], W[2] = {2 / 0.8, 3 * cos(3 * 0.8)};
        jac_dual(one_var, NULL, 1, 2, &x1, NULL, Jv);
        mat_near(Jv, W, 2, 1e-15, 0, "1: y(x) = [ln x^2, sin 3x]: dy/dx = [2/x, 3 cos 3x]");
    }
    {
        /* vector chain rule: J_{f o g}(x) = J_f(g(x)) J_g(x), (2x4)(4x3) */
        double xc[3] = {0.4, -1.1, 0.9}, u[4], Jg[12], Jf[8], Jfg[6], prod[6];
        jac_dual(chain_g, NULL, 3, 4, xc, u, Jg);
        jac_dual(chain_f, NULL, 4, 2, u, NULL, Jf);
        jac_dual(chain_fg, NULL, 3, 2, xc, NULL, Jfg);
        for (i = 0; i < 2; ++i)
            for (j = 0; j < 3; ++j) {
                prod[i * 3 + j] = 0;
                for (size_t k = 0; k < 4; ++k) prod[i * 3 + j] += Jf[i * 4 + k] * Jg[k * 3 + j];
            }
        mat_near(Jfg, prod, 6, 1e-14, 1e-15,
                 "4: vector chain rule: J of f(g(x)) = J_f(g(x)) J_g(x)");
    }
    {
        /* identity sheet, denominator layout: d(y^T z)/dx = (dy/dx) z + (dz/dx) y, and
         * d(y^T B z)/dx = (dy/dx) B z + (dz/dx) B^T y, dy/dx n x k */
        double xs[3] = {0.6, -0.4, 1.3}, yy[2] = {0}, zz[2] = {0}, Dy[6], Dz[6], g[3], W[3], Bz[2],
               BTy[2];
        jac_dual_ex(yv, NULL, 3, 2, xs, yy, Dy, &den);
        jac_dual_ex(zv, NULL, 3, 2, xs, zz, Dz, &den);
        grad_dual(ytz, NULL, 3, xs, NULL, g);
        for (i = 0; i < 3; ++i)
            W[i] = Dy[i * 2] * zz[0] + Dy[i * 2 + 1] * zz[1] + Dz[i * 2] * yy[0] +
                   Dz[i * 2 + 1] * yy[1];
        mat_near(g, W, 3, 1e-14, 1e-15,
                 "4: d(y^T z)/dx = (dy/dx) z + (dz/dx) y (denominator layout)");
        Bz[0] = B22[0] * zz[0] + B22[1] * zz[1];
        Bz[1] = B22[2] * zz[0] + B22[3] * zz[1];
        BTy[0] = B22[0] * yy[0] + B22[2] * yy[1];
        BTy[1] = B22[1] * yy[0] + B22[3] * yy[1];
        grad_dual(ytaz, NULL, 3, xs, NULL, g);
        for (i = 0; i < 3; ++i)
            W[i] = Dy[i * 2] * Bz[0] + Dy[i * 2 + 1] * Bz[1] + Dz[i * 2] * BTy[0] +
                   Dz[i * 2 + 1] * BTy[1];
        mat_near(g, W, 3, 1e-14, 1e-15, "4: d(y^T B z)/dx = (dy/dx) B z + (dz/dx) B^T y");
    }
}

static void test_neuron(void) {
    /* activation(w, b) = max(0, w . x + b), x = (1, 2) */
    double xs[2] = {1.0, 2.0}, g[3], a;
    probe p = probe_make();
    p.n = 2;
    p.w = xs;
    double pos[3] = {0.5, 0.25, 0.1}, neg[3] = {-0.5, 0.25, -0.2}, zero[3] = {0.5, -0.25, 0.0};
    double Wpos[3] = {1.0, 2.0, 1.0}, Wzero[3] = {0, 0, 0};
    grad_dual(neuron, &p, 3, pos, &a, g);
    mat_same(g, Wpos, 3, "5: neuron, z > 0: d act/dw = x^T, d act/db = 1");
    grad_dual(neuron, &p, 3, neg, &a, g);
    mat_same(g, Wzero, 3, "5: neuron, z < 0: d act/dw = 0^T, d act/db = 0");
    grad_dual(neuron, &p, 3, zero, &a, g);
    tap_ok(a == 0.0, "5: neuron at z = 0 exactly: activation 0");
    mat_same(g, Wzero, 3, "5: neuron, z = 0: gradient 0 (relu'(0) = 0, Parr-Howard)");

    /* MSE loss: dC/dw = (2/N) sum e_i x_i, dC/db = (2/N) sum e_i over the active samples,
     * e_i = w . x_i + b - y_i; computed independently in plain double */
    double wb[MSE_D + 1] = {0.4, 0.3, -0.2, 0.5}, gm[MSE_D + 1], W[MSE_D + 1] = {0, 0, 0, 0}, c;
    size_t s, i;
    int active = 0;
    probe q = probe_make();
    q.n = MSE_D;
    q.A = MSE_X;
    q.w = MSE_Y;
    for (s = 0; s < MSE_N; ++s) {
        double z = wb[MSE_D], e;
        for (i = 0; i < MSE_D; ++i) z += wb[i] * MSE_X[s * MSE_D + i];
        if (z <= 0) continue;
        ++active;
        e = z - MSE_Y[s];
        for (i = 0; i < MSE_D; ++i) W[i] += 2.0 / MSE_N * e * MSE_X[s * MSE_D + i];
        W[MSE_D] += 2.0 / MSE_N * e;
    }
    tap_ok(active > 0 && active < MSE_N,
           "5: the MSE data has active and inactive samples (%d of %d active)", active, MSE_N);
    grad_dual(mse_dual, &q, MSE_D + 1, wb, &c, gm);
    mat_near(gm, W, MSE_D + 1, 1e-14, 1e-15,
             "5: MSE: dC/dw = (2/N) sum e_i x_i^T, dC/db = (2/N) sum e_i");
    {
        double c0, c1, step[MSE_D + 1];
        mse_double(wb, &c0, &q);
        for (i = 0; i <= MSE_D; ++i) step[i] = wb[i] - 0.05 * gm[i];
        mse_double(step, &c1, &q);
        tap_ok(fabs(c - c0) <= 1e-15 && c1 < c0,
               "5: a gradient-descent step lowers the loss (%.6g -> %.6g)", c0, c1);
    }
}

/* ------------------------------------------------------------------ agreement of builders */

static double Jref[MIX_M * MIX_N], yref[MIX_M];

#define CHECK_CHUNK(D)                                                                             \
    do {                                                                                           \
        double Jc[MIX_M * MIX_N] = {0}, yc[MIX_M] = {0};                                           \
        probe pc = probe_make();                                                                   \
        long want = (MIX_N + D##_width - 1) / D##_width;                                           \
        int rcc = jac_##D(mix_##D, &pc, MIX_N, MIX_M, X7, yc, Jc);                                 \
        tap_ok(rcc == 0 && pc.calls == want,                                                       \
               "jac_" #D " (width %d): rc 0, %ld passes = ceil(7/%d)", (int)D##_width, pc.calls,   \
               (int)D##_width);                                                                    \
        mat_same(Jc, Jref, MIX_M *MIX_N, "jac_" #D " equals jac_dual bit for bit");                \
        mat_same(yc, yref, MIX_M, "jac_" #D ": y equals jac_dual's bit for bit");                  \
    } while (0)

static void test_agreement(void) {
    probe p = probe_make();
    size_t i, j;
    int rc = jac_dual(mix_dual, &p, MIX_N, MIX_M, X7, yref, Jref);
    tap_ok(rc == 0 && p.calls == MIX_N, "jac_dual: rc 0, n = 7 passes (%ld)", p.calls);
    {
        double y0[MIX_M];
        mix_double(X7, y0, NULL);
        mat_same(yref, y0, MIX_M, "jac_dual: y = f(x) of the plain-double body, bit for bit");
    }
    CHECK_CHUNK(dual1);
    CHECK_CHUNK(dual2);
    CHECK_CHUNK(dual3);
    CHECK_CHUNK(dual4);
    CHECK_CHUNK(dual8);

    /* float and long double against double */
    {
        float xf[MIX_N], Jf[MIX_M * MIX_N], Jf3[MIX_M * MIX_N];
        long double xl[MIX_N], Jl[MIX_M * MIX_N];
        double Jd[MIX_M * MIX_N];
        for (j = 0; j < MIX_N; ++j) {
            xf[j] = (float)X7[j];
            xl[j] = (long double)X7[j];
        }
        tap_ok(jac_dualf(mix_dualf, NULL, MIX_N, MIX_M, xf, NULL, Jf) == 0, "jac_dualf runs");
        for (i = 0; i < MIX_M * MIX_N; ++i) Jd[i] = (double)Jf[i];
        mat_near(Jd, Jref, MIX_M * MIX_N, 1e-5, 1e-6,
                 "jac_dualf agrees with jac_dual to float precision");
        tap_ok(jac_dualf3(mix_dualf3, NULL, MIX_N, MIX_M, xf, NULL, Jf3) == 0,
               "jac_dualf3 (float, width 3) runs");
        tap_ok(memcmp(Jf3, Jf, sizeof Jf) == 0, "jac_dualf3 equals jac_dualf bit for bit");
        tap_ok(jac_duall(mix_duall, NULL, MIX_N, MIX_M, xl, NULL, Jl) == 0, "jac_duall runs");
        for (i = 0; i < MIX_M * MIX_N; ++i) Jd[i] = (double)Jl[i];
        mat_near(Jd, Jref, MIX_M * MIX_N, 1e-15, 1e-16,
                 "jac_duall agrees with jac_dual to double precision");
    }

    /* jvp = J v, in one pass, scalar and chunked */
    {
        double v[MIX_N] = {1, -0.5, 2, 0.25, -1, 3, 0.5}, Jv[MIX_M], Jv4[MIX_M], W[MIX_M],
               yv_[MIX_M];
        for (i = 0; i < MIX_M; ++i) {
            W[i] = 0;
            for (j = 0; j < MIX_N; ++j) W[i] += Jref[i * MIX_N + j] * v[j];
        }
        p = probe_make();
        rc = jvp_dual(mix_dual, &p, MIX_N, MIX_M, X7, v, yv_, Jv);
        tap_ok(rc == 0 && p.calls == 1, "jvp_dual: rc 0, one pass (%ld)", p.calls);
        mat_near(Jv, W, MIX_M, 1e-14, 1e-15, "jvp_dual = J v");
        mat_same(yv_, yref, MIX_M, "jvp_dual: y = f(x)");
        p = probe_make();
        rc = jvp_dual4(mix_dual4, &p, MIX_N, MIX_M, X7, v, NULL, Jv4);
        tap_ok(rc == 0 && p.calls == 1, "jvp_dual4: rc 0, one pass");
        mat_same(Jv4, Jv, MIX_M, "jvp_dual4 equals jvp_dual bit for bit");
    }

    /* grad = the one-row Jacobian; chunked too */
    {
        double x6[6] = {0.3, -0.8, 1.2, 0.5, -0.1, 0.9}, g[6] = {0}, J1[6] = {0}, g3[6] = {0},
               g4[6] = {0}, fx = 0, fx1 = 1;
        probe q = probe_make();
        q.n = 6;
        rc = grad_dual(rosen_dual, &q, 6, x6, &fx, g);
        tap_ok(rc == 0 && q.calls == 6, "grad_dual: rc 0, n = 6 passes (%ld)", q.calls);
        q.calls = 0;
        jac_dual(rosen_dual, &q, 6, 1, x6, &fx1, J1);
        mat_same(g, J1, 6, "grad_dual equals the one-row jac_dual bit for bit");
        tap_ok(tap_same(fx, fx1), "grad_dual: fx equals jac_dual's y");
        q.calls = 0;
        rc = grad_dual3(rosen_dual3, &q, 6, x6, NULL, g3);
        tap_ok(rc == 0 && q.calls == 2, "grad_dual3: 2 passes for n = 6");
        mat_same(g3, g, 6, "grad_dual3 equals grad_dual bit for bit");
        q.calls = 0;
        rc = grad_dual4(rosen_dual4, &q, 6, x6, NULL, g4);
        tap_ok(rc == 0 && q.calls == 2, "grad_dual4: 2 passes for n = 6 (last chunk partial)");
        mat_same(g4, g, 6, "grad_dual4 equals grad_dual bit for bit");

        /* hess: against the Jacobian of the hand-written gradient */
        double H[36] = {0}, Jg[36] = {0}, gh[6] = {0}, fh = 0, gg[6] = {0}, rosen_x = 1;
        q.calls = 0;
        rc = hess_hdual(rosen_hdual, &q, 6, x6, &fh, gh, H);
        tap_ok(rc == 0 && q.calls == 21, "hess_hdual: rc 0, n(n+1)/2 = 21 passes (%ld)", q.calls);
        jac_dual(rosen_grad, &q, 6, 6, x6, gg, Jg);
        mat_near(gg, g, 6, 1e-14, 1e-14, "the hand-written gradient agrees with grad_dual");
        mat_near(H, Jg, 36, 1e-14, 1e-13,
                 "hess_hdual = jac_dual of the gradient (written over dual)");
        int sym = 1;
        for (i = 0; i < 6; ++i)
            for (j = 0; j < 6; ++j) sym &= tap_same(H[i * 6 + j], H[j * 6 + i]);
        tap_ok(sym, "hess_hdual: H is exactly symmetric");
        mat_near(gh, g, 6, 1e-15, 1e-15, "hess_hdual: g (e1 parts) = grad_dual");
        rosen_double(x6, &rosen_x, &q);
        tap_ok(tap_same(fh, rosen_x), "hess_hdual: fx = f(x) of the plain-double body");
        /* NULL fx and g are allowed */
        double H2[36];
        rc = hess_hdual(rosen_hdual, &q, 6, x6, NULL, NULL, H2);
        tap_ok(rc == 0 && memcmp(H, H2, sizeof H) == 0, "hess_hdual with fx = g = NULL: same H");
        /* float and long double hyper-duals */
        {
            float xf[6], Hf[36];
            long double xl[6], Hl[36];
            double Hd[36];
            for (i = 0; i < 6; ++i) {
                xf[i] = (float)x6[i];
                xl[i] = (long double)x6[i];
            }
            hess_hdualf(rosen_hdualf, &q, 6, xf, NULL, NULL, Hf);
            for (i = 0; i < 36; ++i) Hd[i] = (double)Hf[i];
            mat_near(Hd, H, 36, 1e-4, 1e-4,
                     "hess_hdualf agrees with hess_hdual to float precision");
            hess_hduall(rosen_hduall, &q, 6, xl, NULL, NULL, Hl);
            for (i = 0; i < 36; ++i) Hd[i] = (double)Hl[i];
            mat_near(Hd, H, 36, 1e-14, 1e-13, "hess_hduall agrees with hess_hdual");
        }
        /* hvp = H v in n passes */
        double v[6] = {1, 0.5, -2, 0.25, 3, -1}, Hv[6] = {0}, W[6], fv = 0;
        for (i = 0; i < 6; ++i) {
            W[i] = 0;
            for (j = 0; j < 6; ++j) W[i] += H[i * 6 + j] * v[j];
        }
        q.calls = 0;
        rc = hvp_hdual(rosen_hdual, &q, 6, x6, v, &fv, Hv);
        tap_ok(rc == 0 && q.calls == 6, "hvp_hdual: rc 0, n = 6 passes (%ld)", q.calls);
        mat_near(Hv, W, 6, 1e-14, 1e-13, "hvp_hdual = H v");
        tap_ok(tap_same(fv, rosen_x), "hvp_hdual: fx = f(x)");
    }
}

/* ------------------------------------------------------------------ FD, complex step, checker */

static void test_fd(void) {
    double J[MIX_M * MIX_N], y[MIX_M], e;
    probe p = probe_make();
    int rc = jac_fd_forward(mix_double, &p, MIX_N, MIX_M, X7, y, J);
    tap_ok(rc == 0 && p.calls == MIX_N + 1, "jac_fd_forward: rc 0, n + 1 = 8 calls (%ld)", p.calls);
    e = max_relerr(J, Jref, MIX_M * MIX_N);
    tap_ok(e < 1e-7,
           "jac_fd_forward: max |fd - exact| / max(1, |exact|) = %.2g < 1e-7 (~sqrt(eps))", e);
    mat_same(y, yref, MIX_M, "jac_fd_forward: y = f(x)");

    p = probe_make();
    rc = jac_fd_central(mix_double, &p, MIX_N, MIX_M, X7, y, J);
    tap_ok(rc == 0 && p.calls == 2 * MIX_N + 1,
           "jac_fd_central with y: rc 0, 2n + 1 = 15 calls (%ld)", p.calls);
    e = max_relerr(J, Jref, MIX_M * MIX_N);
    tap_ok(e < 1e-9, "jac_fd_central: max rel error %.2g < 1e-9 (~eps^(2/3))", e);
    mat_same(y, yref, MIX_M, "jac_fd_central: y = f(x)");
    p = probe_make();
    jac_fd_central(mix_double, &p, MIX_N, MIX_M, X7, NULL, J);
    tap_ok(p.calls == 2 * MIX_N, "jac_fd_central without y: 2n = 14 calls (%ld)", p.calls);

    p = probe_make();
    rc = jac_cstep(mix_cplx, &p, MIX_N, MIX_M, X7, y, J);
    tap_ok(rc == 0 && p.calls == MIX_N, "jac_cstep: rc 0, n = 7 calls (%ld)", p.calls);
    e = max_relerr(J, Jref, MIX_M * MIX_N);
    tap_ok(e < 1e-14, "jac_cstep: max rel error %.2g < 1e-14", e);
    mat_near(y, yref, MIX_M, 1e-15, 0, "jac_cstep: y = Re f(x + ih e_j) = f(x)");

    /* denominator layout for the FD builders too */
    {
        double Jt[MIX_N * MIX_M], T[MIX_N * MIX_M];
        jac_opts den = JAC_OPTS_INIT;
        size_t i, j;
        den.layout = JAC_DENOMINATOR;
        jac_fd_central_ex(mix_double, NULL, MIX_N, MIX_M, X7, NULL, J, NULL);
        jac_fd_central_ex(mix_double, NULL, MIX_N, MIX_M, X7, NULL, Jt, &den);
        for (i = 0; i < MIX_M; ++i)
            for (j = 0; j < MIX_N; ++j) T[j * MIX_M + i] = J[i * MIX_N + j];
        mat_same(Jt, T, MIX_M * MIX_N, "jac_fd_central_ex: denominator layout is the transpose");
        jac_cstep_ex(mix_cplx, NULL, MIX_N, MIX_M, X7, NULL, J, NULL);
        jac_cstep_ex(mix_cplx, NULL, MIX_N, MIX_M, X7, NULL, Jt, &den);
        for (i = 0; i < MIX_M; ++i)
            for (j = 0; j < MIX_N; ++j) T[j * MIX_M + i] = J[i * MIX_N + j];
        mat_same(Jt, T, MIX_M * MIX_N, "jac_cstep_ex: denominator layout is the transpose");
    }
    /* large and small |x|: the step scales with max(|x_j|, 1) */
    {
        double xb[2] = {1234.5, -2345.75}, xs[2] = {0.75, -0.5}, Jd[6], Jf[6];
        jac_dual(homog_dual, NULL, 2, 3, xb, NULL, Jd);
        jac_fd_central(homog_double, NULL, 2, 3, xb, NULL, Jf);
        e = max_relerr(Jf, Jd, 6);
        tap_ok(e < 1e-9, "jac_fd_central at |x| ~ 2e3: max rel error %.2g < 1e-9", e);
        jac_fd_forward(homog_double, NULL, 2, 3, xb, NULL, Jf);
        e = max_relerr(Jf, Jd, 6);
        tap_ok(e < 1e-7, "jac_fd_forward at |x| ~ 2e3: max rel error %.2g < 1e-7", e);
        jac_dual(homog_dual, NULL, 2, 3, xs, NULL, Jd);
        jac_fd_central(homog_double, NULL, 2, 3, xs, NULL, Jf);
        e = max_relerr(Jf, Jd, 6);
        tap_ok(e < 1e-9, "jac_fd_central at |x| < 1: max rel error %.2g < 1e-9", e);
    }
}

/* jfn for mix: the exact Jacobian from jac_dual, with one entry optionally spoiled */
typedef struct jctx {
    probe p;
    size_t bad_i, bad_j;
    double delta;
} jctx;
static int mix_dual_j(const dual *x, dual *y, void *ctx) {
    return mix_dual(x, y, &((jctx *)ctx)->p);
}
static int mix_jfn(const double *x, double *J, void *ctx) {
    jctx *c = (jctx *)ctx;
    jac_dual(mix_dual, NULL, MIX_N, MIX_M, x, NULL, J);
    J[c->bad_i * MIX_N + c->bad_j] += c->delta;
    return 0;
}

static void test_checker(void) {
    double J[MIX_M * MIX_N];
    jac_check_report r;
    probe p = probe_make();
    int rc;
    memcpy(J, Jref, sizeof J);
    rc = jac_check(mix_dual, &p, MIX_N, MIX_M, X7, J, 1e-12, &r);
    tap_ok(rc == 0 && r.ok && r.n_bad == 0 && r.rel_err == 0.0,
           "jac_check: the exact Jacobian passes");
    tap_ok(p.calls == MIX_N, "jac_check: n = 7 calls (%ld)", p.calls);
    J[3 * MIX_N + 5] += 0.01; /* a wrong dy_3/dx_5 */
    rc = jac_check(mix_dual, NULL, MIX_N, MIX_M, X7, J, 1e-6, &r);
    tap_ok(rc == 0 && !r.ok && r.n_bad == 1, "jac_check: a wrong entry fails the check (%zu bad)",
           r.n_bad);
    tap_ok(r.i == 3 && r.j == 5,
           "jac_check: names the wrong entry (i, j) = (%zu, %zu), want (3, 5)", r.i, r.j);
    tap_ok(r.user == J[3 * MIX_N + 5] && r.exact == Jref[3 * MIX_N + 5],
           "jac_check: reports the user value %.17g and the exact value %.17g", r.user, r.exact);
    TNEAR(r.rel_err, fabs(r.user - r.exact) / fmax(1.0, fabs(r.exact)), 1e-15, 0,
          "jac_check: rel_err = |user - exact| / max(1, |exact|)");
    tap_ok(r.abs_err == fabs(r.user - r.exact) && r.tol == 1e-6 && r.n == MIX_N && r.m == MIX_M,
           "jac_check: abs_err, tol, n, m reported");
    /* the report, printed */
    {
        FILE *f = tmpfile();
        char buf[2048];
        size_t len = 0;
        if (f != NULL) {
            jac_check_print(f, &r);
            rewind(f);
            len = fread(buf, 1, sizeof buf - 1, f);
            fclose(f);
        }
        buf[len] = '\0';
        tap_ok(strstr(buf, "FAIL") != NULL && strstr(buf, "(i, j) = (3, 5)") != NULL &&
                   strstr(buf, "dy_3/dx_5") != NULL,
               "jac_check_print: says FAIL and names (i, j) = (3, 5)");
        for (char *line = strtok(buf, "\n"); line != NULL; line = strtok(NULL, "\n"))
            tap_diag("%s", line);
    }
    /* the same J given in denominator layout */
    {
        double Jt[MIX_N * MIX_M];
        jac_opts den = JAC_OPTS_INIT;
        size_t i, j;
        for (i = 0; i < MIX_M; ++i)
            for (j = 0; j < MIX_N; ++j) Jt[j * MIX_M + i] = J[i * MIX_N + j];
        den.layout = JAC_DENOMINATOR;
        rc = jac_check_ex(mix_dual, NULL, MIX_N, MIX_M, X7, Jt, 1e-6, &r, &den);
        tap_ok(rc == 0 && !r.ok && r.i == 3 && r.j == 5,
               "jac_check_ex, denominator layout: names (3, 5)");
    }
    /* a small error within tolerance passes; a NaN fails */
    memcpy(J, Jref, sizeof J);
    J[0] *= 1 + 1e-10;
    rc = jac_check(mix_dual, NULL, MIX_N, MIX_M, X7, J, 1e-8, &r);
    tap_ok(rc == 0 && r.ok && r.i == 0 && r.j == 0,
           "jac_check: an error of 1e-10 passes tol 1e-8, worst (0, 0)");
    J[2 * MIX_N + 1] = (double)NAN;
    rc = jac_check(mix_dual, NULL, MIX_N, MIX_M, X7, J, 1e-8, &r);
    tap_ok(rc == 0 && !r.ok && r.i == 2 && r.j == 1 && isinf(r.rel_err),
           "jac_check: a NaN entry fails with rel_err inf at (2, 1)");
    /* jac_check_fn with a user Jacobian function */
    {
        jctx c;
        c.p = probe_make();
        c.bad_i = 0;
        c.bad_j = 0;
        c.delta = 0.0;
        rc = jac_check_fn(mix_dual_j, mix_jfn, &c, MIX_N, MIX_M, X7, 1e-12, &r);
        tap_ok(rc == 0 && r.ok, "jac_check_fn: a correct Jacobian function passes");
        c.bad_i = 4;
        c.bad_j = 2;
        c.delta = -0.5;
        rc = jac_check_fn(mix_dual_j, mix_jfn, &c, MIX_N, MIX_M, X7, 1e-6, &r);
        tap_ok(rc == 0 && !r.ok && r.i == 4 && r.j == 2,
               "jac_check_fn: a wrong entry is named (%zu, %zu), want (4, 2)", r.i, r.j);
        TNEAR(r.user - r.exact, -0.5, 1e-12, 0, "jac_check_fn: user - exact = the injected error");
    }
    /* the FD Jacobian is within FD accuracy */
    {
        double Jf[MIX_M * MIX_N];
        jac_fd_forward(mix_double, NULL, MIX_N, MIX_M, X7, NULL, Jf);
        rc = jac_check(mix_dual, NULL, MIX_N, MIX_M, X7, Jf, 1e-6, &r);
        tap_ok(rc == 0 && r.ok,
               "jac_check: the forward-difference Jacobian passes at tol 1e-6 (worst %.2g)",
               r.rel_err);
        rc = jac_check(mix_dual, NULL, MIX_N, MIX_M, X7, Jf, 1e-12, &r);
        tap_ok(rc == 0 && !r.ok, "jac_check: ... and fails at tol 1e-12");
    }
    tap_ok(strcmp(jac_strerror(JAC_EINVAL), "invalid argument") == 0 &&
               strcmp(jac_strerror(0), "success") == 0,
           "jac_strerror names the codes");
}

int main(void) {
    size_t j;
    for (j = 0; j < MIX_N; ++j) X7[j] = X7_src[j];
    test_identities();
    test_neuron();
    test_agreement();
    test_fd();
    test_checker();
    return tap_done();
}
