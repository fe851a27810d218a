/* curve_fit - a Levenberg-Marquardt fit of a damped oscillation to noisy data, with the
 * Jacobian of the residuals from chunked dual numbers.
 *
 * The model has five parameters p = [A, gamma, omega, phi, c]:
 *     y(t) = A e^(-gamma t) cos(omega t + phi) + c,
 * and the data are m samples of it at t in [0, 10] with Gaussian noise (sigma = 0.05) from a
 * fixed-seed PRNG, so the run is the same everywhere. The residuals r_i(p) = y(t_i; p) - y_i
 * are written once with the generic front end. A chunked dual of width 5 (DUALN_DEFINE) carries
 * all five tangent directions at once, so JAC_DEFINE's jac_dual5 builds the whole m x 5
 * Jacobian in ONE pass over the data (jac_dual would take five). The working memory (m + 5
 * dual5 numbers) is passed in jac_opts, so the fit allocates nothing.
 *
 * Levenberg-Marquardt: solve (J^T J + lambda diag(J^T J)) dp = -J^T r; accept dp if the cost
 * (1/2)|r|^2 falls (then lambda /= 3), else lambda *= 2 and try again.
 *
 * Checks (exit status 1 if any fails): the chunked Jacobian equals the five-pass jac_dual one
 * bit for bit; the fit converges (gradient J^T r ~ 0); every parameter lies within 4 standard
 * errors of the truth (standard errors from s^2 (J^T J)^-1, s^2 = |r|^2 / (m - 5)).
 *
 * Run: build/examples/curve_fit [--smoke]     (--smoke: fewer data points, for `meson test`)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* dual5 joins the ad_* front end. Define this before including dual.h (it is expanded where
 * ad_* is used, so dual5 itself may come later). */
#define DUAL_GENERIC_USER(op) DUAL_GENERIC_ENTRY(dual5, op)
#include "jacobian.h" /* includes dual.h */

/* a chunked dual with 5 tangents, and its Jacobian builders */
DUALN_DEFINE(dual5, double, 5)
JAC_DEFINE(dual5) /* jac_dual5, jac_dual5_ex, jac_dual5_worksize, grad_dual5, jvp_dual5 */

enum { NP = 5, MMAX = 400 };

typedef struct dataset {
    int m;
    double t[MMAX], y[MMAX];
} dataset;

/* The model y(t; p) for any number type of p (double, dual, dual5), and the residuals
 * r_i(p) = y(t_i; p) - y_i. */
#define MODEL(p, t)                                                                            \
    ad_add(ad_mul(ad_mul(p[0], ad_exp(ad_muls(p[1], -(t)))),                                   \
                  ad_cos(ad_add(ad_muls(p[2], t), p[3]))),                                     \
           p[4])
#define RESIDUALS_BODY                                                                         \
    const dataset *d = ctx;                                                                    \
    for (int i = 0; i < d->m; ++i) r[i] = ad_subs(MODEL(p, d->t[i]), d->y[i]);                \
    return 0;

static int residuals5(const dual5 *p, dual5 *r, void *ctx) { RESIDUALS_BODY }
static int residuals1(const dual *p, dual *r, void *ctx) { RESIDUALS_BODY } /* for the check */
static int residuals(const double *p, double *r, void *ctx) { RESIDUALS_BODY }

/* splitmix64 and Box-Muller: deterministic Gaussian noise */
static uint64_t rng_state = 42;
static double uniform01(void) { /* in (0, 1) */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    z ^= z >> 31;
    return ((double)(z >> 11) + 0.5) * 0x1.0p-53;
}
static double gaussian(void) {
    const double u = uniform01(), v = uniform01();
    return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* Solve the symmetric positive definite system A x = b (n x n, row-major) by Cholesky;
 * A is kept, x overwrites b. Returns 0 on success, 1 if A is not positive definite. */
static int cholesky_solve(int n, const double *A, double *b) {
    double L[NP * NP] = {0};
    for (int i = 0; i < n; ++i)
        for (int j = 0; j <= i; ++j) {
            double s = A[i * n + j];
            for (int k = 0; k < j; ++k) s -= L[i * n + k] * L[j * n + k];
            if (i == j) {
                if (!(s > 0)) return 1;
                L[i * n + i] = sqrt(s);
            } else {
                L[i * n + j] = s / L[j * n + j];
            }
        }
    for (int i = 0; i < n; ++i) { /* L z = b */
        for (int k = 0; k < i; ++k) b[i] -= L[i * n + k] * b[k];
        b[i] /= L[i * n + i];
    }
    for (int i = n - 1; i >= 0; --i) { /* L^T x = z */
        for (int k = i + 1; k < n; ++k) b[i] -= L[k * n + i] * b[k];
        b[i] /= L[i * n + i];
    }
    return 0;
}

static double half_sq(int m, const double *r) {
    double s = 0;
    for (int i = 0; i < m; ++i) s += r[i] * r[i];
    return s / 2;
}

int main(int argc, char **argv) {
    const int smoke = argc > 1 && strcmp(argv[1], "--smoke") == 0;
    static const char *const names[NP] = {"A", "gamma", "omega", "phi", "c"};
    const double truth[NP] = {2.0, 0.3, 2.5, 0.4, 0.1}, sigma = 0.05;
    double p[NP] = {1.5, 0.1, 2.2, 0.0, 0.0}; /* a rough first guess */
    static dataset data;
    static double r[MMAX], J[MMAX * NP], J1[MMAX * NP], rt[MMAX];
    static dual5 work[MMAX + NP]; /* jac_dual5_worksize(NP, m) bytes, aligned for dual5 */
    jac_opts opt = JAC_OPTS_INIT;
    double A[NP * NP], g[NP], lambda = 1e-3, cost = 0, gmax = 0;
    int ok = 1, converged = 0, it;

    data.m = smoke ? 60 : 400;
    for (int i = 0; i < data.m; ++i) {
        data.t[i] = 10.0 * i / (data.m - 1);
        data.y[i] = MODEL(truth, data.t[i]) + sigma * gaussian();
    }
    opt.work = work;
    opt.work_size = sizeof work;
    if (jac_dual5_worksize(NP, (size_t)data.m) > opt.work_size) return 1;

    printf("Levenberg-Marquardt fit of y = A e^(-gamma t) cos(omega t + phi) + c to %d points\n",
           data.m);
    printf("(noise sigma = %g); Jacobian %d x %d by chunked duals, one pass per evaluation\n\n",
           sigma, data.m, NP);
    printf("%5s %14s %10s %10s\n", "iter", "cost", "lambda", "|J^T r|");
    for (it = 0; it < 100; ++it) {
        /* residuals and the m x 5 Jacobian in one pass, no allocation */
        if (jac_dual5_ex(residuals5, &data, NP, (size_t)data.m, p, r, J, &opt) != 0) return 1;
        if (it == 0) { /* the chunked Jacobian is the five-pass one, bit for bit */
            if (jac_dual(residuals1, &data, NP, (size_t)data.m, p, NULL, J1) != 0) return 1;
            const int same = memcmp(J, J1, (size_t)data.m * NP * sizeof(double)) == 0;
            printf("      (jac_dual5, 1 pass, and jac_dual, 5 passes: %s)\n",
                   same ? "identical Jacobians" : "DIFFERENT JACOBIANS");
            ok = ok && same;
        }
        cost = half_sq(data.m, r);
        for (int a = 0; a < NP; ++a) { /* A = J^T J, g = J^T r */
            g[a] = 0;
            for (int i = 0; i < data.m; ++i) g[a] += J[i * NP + a] * r[i];
            for (int b = 0; b < NP; ++b) {
                double s = 0;
                for (int i = 0; i < data.m; ++i) s += J[i * NP + a] * J[i * NP + b];
                A[a * NP + b] = s;
            }
        }
        gmax = 0;
        for (int a = 0; a < NP; ++a) gmax = fmax(gmax, fabs(g[a]));
        printf("%5d %14.8f %10.1e %10.1e\n", it, cost, lambda, gmax);
        if (gmax <= 1e-9) {
            converged = 1;
            break;
        }
        /* try damped steps until the cost falls */
        for (;;) {
            double M[NP * NP], dp[NP], trial[NP];
            memcpy(M, A, sizeof M);
            for (int a = 0; a < NP; ++a) {
                M[a * NP + a] += lambda * A[a * NP + a];
                dp[a] = -g[a];
            }
            if (cholesky_solve(NP, M, dp) == 0) {
                for (int a = 0; a < NP; ++a) trial[a] = p[a] + dp[a];
                residuals(trial, rt, &data);
                if (half_sq(data.m, rt) < cost) {
                    memcpy(p, trial, sizeof p);
                    lambda = fmax(lambda / 3, 1e-12);
                    break;
                }
            }
            lambda *= 2;
            if (lambda > 1e12) break; /* no descent possible: a minimum to rounding */
        }
        if (lambda > 1e12) {
            converged = gmax <= 1e-6;
            break;
        }
    }

    /* standard errors: the diagonal of s^2 (J^T J)^-1 */
    {
        const double s2 = 2 * cost / (data.m - NP);
        printf("\n%-6s %12s %12s %12s %8s\n", "param", "fitted", "std error", "true",
               "|err|/se");
        for (int a = 0; a < NP; ++a) {
            double e[NP] = {0};
            e[a] = 1;
            if (cholesky_solve(NP, A, e) != 0) return 1;
            const double se = sqrt(s2 * e[a]), z = fabs(p[a] - truth[a]) / se;
            printf("%-6s %12.6f %12.6f %12.6f %8.2f\n", names[a], p[a], se, truth[a], z);
            ok = ok && z <= 4;
        }
        printf("\nresidual rms %.4f (the noise: %g); %s after %d iterations\n", sqrt(s2), sigma,
               converged ? "converged" : "NOT CONVERGED", it);
    }
    ok = ok && converged;
    printf("%s\n", ok ? "ok: the fit recovered the parameters" : "FAILED");
    return ok ? 0 : 1;
}
