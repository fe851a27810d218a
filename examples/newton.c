/* newton - Newton's method for nonlinear systems with the exact Jacobian, against the same
 * iteration with finite-difference Jacobians (forward and central).
 *
 * Newton's step solves J(x) dx = -F(x), J = dF/dx. The exact J comes from jac_dual (n passes
 * over dual numbers); the comparisons use jac_fd_forward and jac_fd_central, whose step is
 * h = sqrt(eps) max(|x_j|, 1) or cbrt(eps) max(|x_j|, 1) (MATH.md section 7). Two systems:
 *
 * 1. The pH of 0.1 mol/L acetic acid: four concentrations [H+], [OH-], [A-], [HA] with
 *        ln[H+] + ln[A-] - ln[HA] = ln Ka          (acid equilibrium, Ka = 1.75e-5)
 *        ln[H+] + ln[OH-]         = ln Kw          (water, Kw = 1e-14)
 *        ([HA] + [A-]) / C - 1    = 0              (mass balance, C = 0.1)
 *        ([H+] - [A-] - [OH-]) / C = 0             (charge balance)
 *    The unknowns span eleven orders of magnitude ([OH-] is about 8e-12), while the
 *    finite-difference step is at least 1.5e-8: it is a thousand times [OH-] itself, and the
 *    central difference even steps to a negative concentration (log of a negative number,
 *    NaN). Dual numbers have no step: the exact Newton converges quadratically. (Steps are
 *    shortened to keep every concentration positive, the same rule for all three runs.)
 *
 * 2. A well-scaled system for fairness: the steady temperature u(x) in a slab heated by an
 *    exothermic reaction (Frank-Kamenetskii's thermal ignition problem, Bratu's problem),
 *        u'' + lambda e^u = 0 on (0, 1),  u(0) = u(1) = 0,
 *    on n interior grid points x_i = i h, h = 1/(n + 1):
 *        F_i(u) = (u_{i-1} - 2 u_i + u_{i+1}) / h^2 + lambda e^{u_i} = 0.
 *    Here all three converge alike. The solution is checked against the closed form of the
 *    continuous problem, u(x) = -2 ln(cosh((x - 1/2) t/2) / cosh(t/4)) with
 *    t = sqrt(2 lambda) cosh(t/4), to the grid's accuracy O(h^2).
 *
 * The linear solve uses LAPACKE_dgesv when Meson found LAPACKE (HAVE_LAPACKE): jac_dual's
 * Jacobian is row-major (numerator layout, J[i*n + j] = dF_i/dx_j), so it goes straight into a
 * LAPACK_ROW_MAJOR call with lda = n. Without LAPACKE a small built-in Gaussian elimination
 * does the same job. The program exits non-zero unless both exact-Jacobian runs converge to
 * the known solutions.
 *
 * Run: build/examples/newton [--smoke]     (--smoke: a coarser grid, for `meson test`)
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jacobian.h"

#ifdef HAVE_LAPACKE
#include <lapacke.h>
#endif

enum { NMAX = 200, MAX_ITER = 40 };

/* ------------------------------------------------------------------ the two systems
 * Each F is written once through the generic front end (ad_*), so the same body runs over
 * dual (for the exact Jacobian) and over double (for the residual and finite differences). */

typedef struct acid {
    double C, Ka, Kw;
} acid;

/* x = [H+], [OH-], [A-], [HA] */
#define ACID_BODY                                                                              \
    const acid *a = ctx;                                                                       \
    F[0] = ad_subs(ad_sub(ad_add(ad_log(x[0]), ad_log(x[2])), ad_log(x[3])), log(a->Ka));     \
    F[1] = ad_subs(ad_add(ad_log(x[0]), ad_log(x[1])), log(a->Kw));                            \
    F[2] = ad_subs(ad_divs(ad_add(x[2], x[3]), a->C), 1.0);                                    \
    F[3] = ad_divs(ad_sub(ad_sub(x[0], x[2]), x[1]), a->C);                                    \
    return 0;

static int acid_dual(const dual *x, dual *F, void *ctx) { ACID_BODY }
static int acid_real(const double *x, double *F, void *ctx) { ACID_BODY }

typedef struct slab {
    int n;         /* interior points */
    double lambda; /* reaction strength; solutions exist for lambda < 3.5138... */
} slab;

#define SLAB_BODY(num)                                                                         \
    const slab *s = ctx;                                                                       \
    const double h = 1.0 / (s->n + 1);                                                         \
    for (int i = 0; i < s->n; ++i) {                                                           \
        const num zero = ad_const(x[0], 0.0);                                                  \
        const num left = i > 0 ? x[i - 1] : zero, right = i + 1 < s->n ? x[i + 1] : zero;      \
        const num lap = ad_divs(ad_add(ad_sub(left, ad_muls(x[i], 2.0)), right), h * h);       \
        F[i] = ad_add(lap, ad_muls(ad_exp(x[i]), s->lambda));                                  \
    }                                                                                          \
    return 0;

static int slab_dual(const dual *x, dual *F, void *ctx) { SLAB_BODY(dual) }
static int slab_real(const double *x, double *F, void *ctx) { SLAB_BODY(double) }

/* ------------------------------------------------------------------ Newton's method */

/* Solve A x = b for x (overwrites b), A n x n row-major. Returns 0 on success. */
static int solve(int n, double *A, double *b) {
#ifdef HAVE_LAPACKE
    lapack_int ipiv[NMAX];
    return LAPACKE_dgesv(LAPACK_ROW_MAJOR, (lapack_int)n, 1, A, (lapack_int)n, ipiv, b, 1) != 0;
#else
    /* Gaussian elimination with partial pivoting */
    for (int k = 0; k < n; ++k) {
        int p = k;
        for (int i = k + 1; i < n; ++i)
            if (fabs(A[i * n + k]) > fabs(A[p * n + k])) p = i;
        if (!(A[p * n + k] != 0)) return 1; /* singular, or NaN */
        if (p != k) {
            for (int j = 0; j < n; ++j) {
                const double t = A[k * n + j];
                A[k * n + j] = A[p * n + j], A[p * n + j] = t;
            }
            const double t = b[k];
            b[k] = b[p], b[p] = t;
        }
        for (int i = k + 1; i < n; ++i) {
            const double l = A[i * n + k] / A[k * n + k];
            for (int j = k; j < n; ++j) A[i * n + j] -= l * A[k * n + j];
            b[i] -= l * b[k];
        }
    }
    for (int i = n - 1; i >= 0; --i) {
        double r = b[i];
        for (int j = i + 1; j < n; ++j) r -= A[i * n + j] * b[j];
        b[i] = r / A[i * n + i];
    }
    return 0;
#endif
}

static double norm_inf(int n, const double *v) { /* NaN if any entry is NaN */
    double m = 0;
    for (int i = 0; i < n; ++i) {
        if (isnan(v[i])) return v[i];
        m = fmax(m, fabs(v[i]));
    }
    return m;
}

typedef struct problem {
    int n;
    jac_dual_fn f_dual;
    jac_real_fn f_real;
    void *ctx;
    double tol;   /* converged when |F|_inf <= tol */
    int positive; /* shorten steps so that every unknown stays > 0 */
    double x0[NMAX];
} problem;

enum method { EXACT, FORWARD, CENTRAL };
enum status { CONVERGED, NOT_CONVERGED, NOT_A_NUMBER }; /* NOT_A_NUMBER: in J, F or the step */

typedef struct run {
    double res[MAX_ITER + 1]; /* |F|_inf at x_k */
    int iters;                /* Newton steps taken */
    enum status status;
    double x[NMAX];
} run;

static void newton(const problem *p, enum method how, run *r) {
    static double J[NMAX * NMAX];
    double F[NMAX];
    const size_t n = (size_t)p->n;
    memcpy(r->x, p->x0, n * sizeof(double));
    r->status = NOT_CONVERGED;
    for (int it = 0; it <= MAX_ITER; ++it) {
        int rc = how == EXACT     ? jac_dual(p->f_dual, p->ctx, n, n, r->x, F, J)
                 : how == FORWARD ? jac_fd_forward(p->f_real, p->ctx, n, n, r->x, F, J)
                                  : jac_fd_central(p->f_real, p->ctx, n, n, r->x, F, J);
        r->iters = it;
        r->res[it] = norm_inf(p->n, F);
        if (rc != 0 || isnan(r->res[it]) || isnan(norm_inf(p->n * p->n, J))) {
            r->status = NOT_A_NUMBER;
            return;
        }
        if (r->res[it] <= p->tol) {
            r->status = CONVERGED;
            return;
        }
        if (it == MAX_ITER) return;
        for (int i = 0; i < p->n; ++i) F[i] = -F[i];
        if (solve(p->n, J, F) != 0) { /* F is now the step dx */
            r->status = NOT_A_NUMBER;
            return;
        }
        double step = 1;
        if (p->positive) /* go at most 90% of the way to zero */
            for (int i = 0; i < p->n; ++i)
                if (F[i] < 0) step = fmin(step, 0.9 * r->x[i] / -F[i]);
        for (int i = 0; i < p->n; ++i) r->x[i] += step * F[i];
    }
}

/* Run the three methods and print their residuals side by side. */
static void compare(const problem *p, run runs[3]) {
    static const char *const status[] = {"converged", "no", "NaN in J or F"};
    int last = 0;
    for (int m = 0; m < 3; ++m) {
        newton(p, (enum method)m, &runs[m]);
        if (runs[m].iters > last) last = runs[m].iters;
    }
    printf("   %9s  %-18s %-18s %-18s\n", "iteration", "|F| exact J", "|F| forward diff.",
           "|F| central diff.");
    for (int it = 0; it <= last; ++it) {
        if (it == 13 && last > 15) { /* skip the middle of a long run */
            printf("   %9s\n", "...");
            it = last - 1;
            continue;
        }
        printf("   %9d", it);
        for (int m = 0; m < 3; ++m) {
            if (it <= runs[m].iters) printf("  %-17.3e", runs[m].res[it]);
            else printf("  %-17s", "");
        }
        printf("\n");
    }
    printf("   %9s", "steps");
    for (int m = 0; m < 3; ++m) printf("  %-17d", runs[m].iters);
    printf("\n   %9s", "result");
    for (int m = 0; m < 3; ++m) printf("  %-17s", status[runs[m].status]);
    printf("\n");
}

/* t = sqrt(2 lambda) cosh(t/4), the lower branch, by a scalar Newton with a dual number */
static double theta(double lambda) {
    double t = 1.0;
    for (int it = 0; it < 50; ++it) {
        const dual x = dual_var(t);
        const dual g = dual_sub(x, dual_muls(dual_cosh(dual_muls(x, 0.25)), sqrt(2 * lambda)));
        const double step = g.v / g.d; /* g / g' */
        t -= step;
        if (fabs(step) <= 1e-15 * t) break;
    }
    return t;
}

int main(int argc, char **argv) {
    const int smoke = argc > 1 && strcmp(argv[1], "--smoke") == 0;
    static run runs[3];
    static problem p;
    int ok = 1;

    printf("Newton's method: exact Jacobian (dual numbers) against finite differences\n");
    printf("linear solver: %s\n",
#ifdef HAVE_LAPACKE
           "LAPACKE_dgesv (LAPACK_ROW_MAJOR, lda = n: jac_dual's J as it is)"
#else
           "built-in Gaussian elimination (LAPACKE not found at configure time)"
#endif
    );

    /* 1. the acid */
    {
        acid a = {0.1, 1.75e-5, 1e-14};
        const double start[4] = {1e-7, 1e-7, 0.05, 0.05}; /* neutral water, half dissociated */
        p.n = 4, p.f_dual = acid_dual, p.f_real = acid_real, p.ctx = &a;
        p.tol = 1e-12, p.positive = 1;
        memcpy(p.x0, start, sizeof start);
        printf("\n1. pH of %g mol/L acetic acid (Ka = %g): unknowns [H+], [OH-], [A-], [HA]\n\n",
               a.C, a.Ka);
        compare(&p, runs);
        const double *x = runs[EXACT].x;
        /* ignoring water, [H+] solves h^2 + Ka h - Ka C = 0 */
        const double h = (-a.Ka + sqrt(a.Ka * a.Ka + 4 * a.Ka * a.C)) / 2;
        printf("\n   exact J: [H+] = %.6e, [OH-] = %.6e, [A-] = %.6e, [HA] = %.6e\n", x[0], x[1],
               x[2], x[3]);
        printf("   pH = %.6f (the quadratic formula, ignoring water: %.6f)\n", -log10(x[0]),
               -log10(h));
        printf("   The forward-difference step is at least 1.5e-8 (the central one 6e-6) and\n"
               "   [OH-] is %.0e: the forward difference measures the wrong slope, the central\n"
               "   one steps to a negative concentration (log of it: NaN).\n",
               x[1]);
        ok = ok && runs[EXACT].status == CONVERGED && fabs(x[0] - h) <= 1e-6 * h &&
             fabs(x[0] * x[1] - a.Kw) <= 1e-10 * a.Kw;
    }

    /* 2. the slab */
    {
        slab s = {smoke ? 31 : 199, 3.0};
        const double h = 1.0 / (s.n + 1), t = theta(s.lambda);
        double err = 0;
        p.n = s.n, p.f_dual = slab_dual, p.f_real = slab_real, p.ctx = &s;
        p.tol = 1e-8, p.positive = 0;
        memset(p.x0, 0, sizeof p.x0); /* start from u = 0 */
        printf("\n2. u'' + %g e^u = 0, u(0) = u(1) = 0, on %d grid points (well scaled)\n\n",
               s.lambda, s.n);
        compare(&p, runs);
        for (int i = 0; i < s.n; ++i) {
            const double x = (i + 1) * h;
            const double u = -2 * log(cosh((x - 0.5) * t / 2) / cosh(t / 4));
            err = fmax(err, fabs(runs[EXACT].x[i] - u));
        }
        printf("\n   exact J: u(1/2) = %.8f; closed form %.8f (t = %.12f)\n",
               runs[EXACT].x[s.n / 2], -2 * log(1 / cosh(t / 4)), t);
        printf("   largest error against the closed form %.2e = %.2f h^2 (the grid's own)\n",
               err, err / (h * h));
        ok = ok && runs[EXACT].status == CONVERGED && err <= 2 * h * h;
    }

    printf("\n%s\n", ok ? "ok: the exact-Jacobian Newton solved both systems" : "FAILED");
    return ok ? 0 : 1;
}
