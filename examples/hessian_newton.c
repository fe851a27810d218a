/* hessian_newton - minimize a smooth function by Newton's method with the exact Hessian from
 * hyper-dual numbers, against plain gradient descent.
 *
 * The function is Rosenbrock's banana valley, the classic test of minimizers:
 *     f(x, y) = 100 (y - x^2)^2 + (1 - x)^2,   minimum 0 at (1, 1), start (-1.2, 1).
 * It is written once through the generic front end and compiled for three number types:
 * hdual (hess_hdual: the exact Hessian, gradient and value, n(n+1)/2 = 3 passes), dual
 * (grad_dual, for gradient descent) and double (the line search).
 *
 * Newton: solve H d = -g (Cholesky; if H is not positive definite, add tau I until it is),
 * then halve the step until the Armijo condition f(x + t d) <= f(x) + 1e-4 t g.d holds.
 * Gradient descent: d = -g with the same line search (first trial t = twice the last one).
 * Both stop when |g|_inf <= 1e-8. The program checks the hyper-dual Hessian against the
 * closed form [[1200x^2 - 400y + 2, -400x], [-400x, 200]] at the start, that Newton reaches
 * (1, 1), and that it needs fewer iterations than gradient descent; it exits non-zero if not.
 *
 * Run: build/examples/hessian_newton [--smoke]   (--smoke: gradient descent is cut off
 *                                                 sooner, for `meson test`)
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jacobian.h"

#define ROSENBROCK_BODY                                                                        \
    (void)ctx;                                                                                 \
    out[0] = ad_add(ad_muls(ad_sqr(ad_sub(x[1], ad_sqr(x[0]))), 100.0),                        \
                    ad_sqr(ad_ssub(1.0, x[0])));                                               \
    return 0;

static int rosenbrock_hdual(const hdual *x, hdual *out, void *ctx) { ROSENBROCK_BODY }
static int rosenbrock_dual(const dual *x, dual *out, void *ctx) { ROSENBROCK_BODY }
static int rosenbrock(const double *x, double *out, void *ctx) { ROSENBROCK_BODY }

static double f_at(const double *x) {
    double f;
    rosenbrock(x, &f, NULL);
    return f;
}

static double norm_inf(const double *g) { return fmax(fabs(g[0]), fabs(g[1])); }

/* Solve (H + tau I) d = -g for the smallest tau in {0, 1e-3, 2e-3, 4e-3, ...} that makes the
 * 2x2 matrix positive definite (Cholesky by hand); d = -g if none does (H not finite). */
static void newton_direction(const double *H, const double *g, double *d) {
    d[0] = -g[0], d[1] = -g[1];
    for (double tau = 0; tau < 1e30; tau = tau == 0 ? 1e-3 : 2 * tau) {
        const double a = H[0] + tau, b = H[1], c = H[3] + tau;
        if (a > 0 && a * c - b * b > 0) {
            const double l11 = sqrt(a), l21 = b / l11, l22 = sqrt(c - l21 * l21);
            const double z0 = -g[0] / l11, z1 = (-g[1] - l21 * z0) / l22; /* L z = -g */
            d[1] = z1 / l22, d[0] = (z0 - l21 * d[1]) / l11;              /* L^T d = z */
            return;
        }
    }
}

/* Backtracking: the largest t = t0, t0/2, ... with f(x + t d) <= f + 1e-4 t g.d */
static double line_search(double *x, double f, const double *g, const double *d, double t0) {
    const double slope = g[0] * d[0] + g[1] * d[1];
    for (double t = t0; t > 1e-20; t /= 2) {
        const double trial[2] = {x[0] + t * d[0], x[1] + t * d[1]};
        if (f_at(trial) <= f + 1e-4 * t * slope) {
            x[0] = trial[0], x[1] = trial[1];
            return t;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    const int smoke = argc > 1 && strcmp(argv[1], "--smoke") == 0;
    const int gd_max = smoke ? 5000 : 100000;
    const double x0[2] = {-1.2, 1.0}, tol = 1e-8;
    double x[2], f, g[2], H[4], d[2];
    int newton_iters = -1, gd_iters = -1, ok = 1;

    /* the Hessian at the start against the closed form */
    if (hess_hdual(rosenbrock_hdual, NULL, 2, x0, &f, g, H) != 0) return 1;
    {
        const double X = x0[0], Y = x0[1];
        const double want[4] = {1200 * X * X - 400 * Y + 2, -400 * X, -400 * X, 200};
        double err = 0;
        for (int i = 0; i < 4; ++i) err = fmax(err, fabs(H[i] - want[i]) / fmax(1, fabs(want[i])));
        printf("Rosenbrock f(x, y) = 100 (y - x^2)^2 + (1 - x)^2 from (%g, %g)\n", X, Y);
        printf("Hessian there by hyper-duals [[%g, %g], [%g, %g]], closed form "
               "[[%g, %g], [%g, %g]], error %.1e\n\n",
               H[0], H[1], H[2], H[3], want[0], want[1], want[2], want[3], err);
        ok = ok && err <= 1e-15;
    }

    /* Newton with the exact Hessian */
    printf("Newton with the exact Hessian (hess_hdual):\n%6s %22s %22s %12s %8s\n", "iter",
           "x", "y", "f", "step t");
    memcpy(x, x0, sizeof x);
    for (int it = 0; it <= 100; ++it) {
        if (hess_hdual(rosenbrock_hdual, NULL, 2, x, &f, g, H) != 0) return 1;
        if (norm_inf(g) <= tol) {
            newton_iters = it;
            break;
        }
        newton_direction(H, g, d);
        const double t = line_search(x, f, g, d, 1.0);
        printf("%6d %22.15f %22.15f %12.3e %8g\n", it + 1, x[0], x[1], f_at(x), t);
        if (t == 0) break;
    }
    printf("converged in %d iterations to (%.15g, %.15g), |g| = %.1e\n\n", newton_iters, x[0],
           x[1], norm_inf(g));
    ok = ok && newton_iters > 0 && fabs(x[0] - 1) <= 1e-9 && fabs(x[1] - 1) <= 1e-9;

    /* gradient descent with the exact gradient */
    printf("Gradient descent with the exact gradient (grad_dual), same line search:\n");
    memcpy(x, x0, sizeof x);
    {
        double t = 1;
        for (int it = 0; it <= gd_max; ++it) {
            if (grad_dual(rosenbrock_dual, NULL, 2, x, &f, g) != 0) return 1;
            if (norm_inf(g) <= tol) {
                gd_iters = it;
                break;
            }
            if (it % (gd_max / 5) == 0)
                printf("%6d  (%.6f, %.6f)  f = %.3e  |g| = %.1e\n", it, x[0], x[1], f,
                       norm_inf(g));
            d[0] = -g[0], d[1] = -g[1];
            t = line_search(x, f, g, d, 2 * t);
            if (t == 0) break;
        }
    }
    if (gd_iters >= 0)
        printf("converged in %d iterations to (%.10f, %.10f)\n", gd_iters, x[0], x[1]);
    else
        printf("not converged after %d iterations: at (%.10f, %.10f), |g| = %.1e\n", gd_max,
               x[0], x[1], norm_inf(g));

    printf("\niterations to |g| <= %g: Newton %d, gradient descent %s%d\n", tol, newton_iters,
           gd_iters >= 0 ? "" : "more than ", gd_iters >= 0 ? gd_iters : gd_max);
    ok = ok && (gd_iters < 0 || gd_iters > newton_iters);
    printf("%s\n", ok ? "ok: Newton with the exact Hessian found the minimum first" : "FAILED");
    return ok ? 0 : 1;
}
