/* test_jacobian_errors.c - every error path of jacobian.h: bad arguments are rejected before
 * anything is written (and before f is called or memory allocated), a failing user function
 * leaves exactly the documented outputs, sizes above JAC_STACK_MAX use the workspace or the
 * allocator (JAC_MALLOC/JAC_FREE, replaced here by a counting allocator that can fail), and
 * small sizes allocate nothing. Output: TAP. */
#include <stdint.h>
#include <stdlib.h>

/* the test allocator: counts attempts and blocks handed out, and fails when asked to
 * (test-program state only) */
static long n_attempt, n_malloc, n_free;
static int fail_alloc;
static void *test_malloc(size_t sz) {
    ++n_attempt;
    if (fail_alloc) return NULL;
    ++n_malloc;
    return malloc(sz);
}
static void test_free(void *p) {
    ++n_free;
    free(p);
}
#define JAC_MALLOC(sz) test_malloc(sz)
#define JAC_FREE(p) test_free(p)

#define DUAL_GENERIC_USER(op) DUAL_GENERIC_ENTRY(dual3, op)
#include "jacobian.h"

#include <string.h>

#include "tap.h"

DUALN_DEFINE(dual3, double, 3)
JAC_DEFINE(dual3)

typedef double complex cplx;

#define SENT (-777.0) /* what untouched outputs hold */

typedef struct probe {
    long calls;
    long fail_at; /* the call (from 0) that returns non-zero; -1: none */
} probe;

static probe probe_make(long fail_at) {
    probe p;
    p.calls = 0;
    p.fail_at = fail_at;
    return p;
}
static int count_call(void *ctx) {
    probe *p = (probe *)ctx;
    return p->calls++ == p->fail_at ? -5 : 0;
}

/* y_i = sum_j (i + 1) x_j^2 / (j + 1) for any n, m (probe gives no sizes: use fixed ones) */
static size_t N_, M_;
#define DEF_QUAD(D)                                                                                \
    static int quad_##D(const D *x, D *y, void *ctx) {                                             \
        size_t i, j;                                                                               \
        if (count_call(ctx)) return -5;                                                            \
        for (i = 0; i < M_; ++i) {                                                                 \
            y[i] = ad_const(x[0], 0);                                                              \
            for (j = 0; j < N_; ++j)                                                               \
                y[i] = ad_add(y[i], ad_muls(ad_sqr(x[j]), (double)(i + 1) / (double)(j + 1)));     \
        }                                                                                          \
        return 0;                                                                                  \
    }
DEF_QUAD(double)
DEF_QUAD(cplx)
DEF_QUAD(dual)
DEF_QUAD(dual3)
DEF_QUAD(hdual)

/* dJ_ij of quad: 2 x_j ((i + 1) / (j + 1)), rounded as the dual arithmetic rounds it */
static double quad_J(size_t i, size_t j, const double *x) {
    return (2.0 * x[j]) * ((double)(i + 1) / (double)(j + 1));
}

static void fill(double *a, size_t cnt) {
    size_t k;
    for (k = 0; k < cnt; ++k) a[k] = SENT;
}
static int all_sent(const double *a, size_t cnt) {
    size_t k;
    for (k = 0; k < cnt; ++k)
        if (a[k] != SENT) return 0;
    return 1;
}

#define BIG 100 /* > JAC_STACK_MAX (64) */
static double xs[BIG], Jbuf[BIG * BIG], ybuf[BIG], vbuf[BIG];

/* one line per rejected call: the code, nothing written, f not called, nothing allocated */
#define REJECT(want, call, what)                                                                   \
    do {                                                                                           \
        probe p_ = probe_make(-1);                                                                 \
        probe *pp = &p_;                                                                           \
        long rm0 = n_malloc, ra0 = n_attempt;                                                      \
        int rc_;                                                                                   \
        fill(Jbuf, BIG *BIG);                                                                      \
        fill(ybuf, BIG);                                                                           \
        rc_ = (call);                                                                              \
        if (!tap_ok(rc_ == (want) && all_sent(Jbuf, BIG * BIG) && all_sent(ybuf, BIG) &&           \
                        p_.calls == 0 && n_malloc == rm0 &&                                        \
                        n_attempt - ra0 == ((want) == JAC_ENOMEM && fail_alloc),                   \
                    "%s: %s, nothing written, f not called, nothing allocated", what, #want))      \
            tap_diag("rc %d, calls %ld, allocations %ld, attempts %ld", rc_, p_.calls,             \
                     n_malloc - rm0, n_attempt - ra0);                                             \
        (void)pp;                                                                                  \
    } while (0)

static void test_arguments(void) {
    jac_opts o = JAC_OPTS_INIT;
    jac_check_report rep;
    const size_t HUGE_N = SIZE_MAX / 2 + 1;
    N_ = 3;
    M_ = 2;
    /* jac_dual */
    REJECT(JAC_EINVAL, jac_dual(NULL, pp, 3, 2, xs, ybuf, Jbuf), "jac_dual, f NULL");
    REJECT(JAC_EINVAL, jac_dual(quad_dual, pp, 3, 2, NULL, ybuf, Jbuf), "jac_dual, x NULL");
    REJECT(JAC_EINVAL, jac_dual(quad_dual, pp, 3, 2, xs, ybuf, NULL), "jac_dual, J NULL");
    REJECT(JAC_EINVAL, jac_dual(quad_dual, pp, 0, 2, xs, ybuf, Jbuf), "jac_dual, n = 0");
    REJECT(JAC_EINVAL, jac_dual(quad_dual, pp, 3, 0, xs, ybuf, Jbuf), "jac_dual, m = 0");
    REJECT(JAC_EINVAL, jac_dual(quad_dual, pp, SIZE_MAX, 2, xs, ybuf, Jbuf),
           "jac_dual, n = SIZE_MAX, m = 2 (n m overflows)");
    REJECT(JAC_EINVAL, jac_dual(quad_dual, pp, 2, HUGE_N, xs, ybuf, Jbuf),
           "jac_dual, n = 2, m = SIZE_MAX/2 + 1 (n m overflows)");
    REJECT(JAC_EINVAL, jac_dual(quad_dual, pp, SIZE_MAX / 4, 1, xs, ybuf, Jbuf),
           "jac_dual, n m sizeof(double) overflows");
    REJECT(JAC_EINVAL, jac_dual3(NULL, pp, 3, 2, xs, ybuf, Jbuf), "jac_dual3, f NULL");
    REJECT(JAC_EINVAL, jac_dual3(quad_dual3, pp, SIZE_MAX, SIZE_MAX, xs, ybuf, Jbuf),
           "jac_dual3, n = m = SIZE_MAX");
    o.layout = (jac_layout)7;
    REJECT(JAC_EINVAL, jac_dual_ex(quad_dual, pp, 3, 2, xs, ybuf, Jbuf, &o),
           "jac_dual_ex, unknown layout");
    o.layout = JAC_NUMERATOR;
    o.ld = 2;
    REJECT(JAC_EINVAL, jac_dual_ex(quad_dual, pp, 3, 2, xs, ybuf, Jbuf, &o),
           "jac_dual_ex, numerator, ld = 2 < n = 3");
    o.layout = JAC_DENOMINATOR;
    o.ld = 1;
    REJECT(JAC_EINVAL, jac_dual_ex(quad_dual, pp, 3, 2, xs, ybuf, Jbuf, &o),
           "jac_dual_ex, denominator, ld = 1 < m = 2");
    o.ld = SIZE_MAX / 2;
    REJECT(JAC_EINVAL, jac_dual_ex(quad_dual, pp, 3, 2, xs, ybuf, Jbuf, &o),
           "jac_dual_ex, (n - 1) ld + m overflows");
    o = (jac_opts)JAC_OPTS_INIT;
    /* grad, jvp */
    REJECT(JAC_EINVAL, grad_dual(quad_dual, pp, 3, xs, ybuf, NULL), "grad_dual, g NULL");
    REJECT(JAC_EINVAL, grad_dual(quad_dual, pp, 0, xs, ybuf, Jbuf), "grad_dual, n = 0");
    REJECT(JAC_EINVAL, grad_dual(NULL, pp, 3, xs, ybuf, Jbuf), "grad_dual, f NULL");
    REJECT(JAC_EINVAL, jvp_dual(quad_dual, pp, 3, 2, xs, NULL, ybuf, Jbuf), "jvp_dual, v NULL");
    REJECT(JAC_EINVAL, jvp_dual(quad_dual, pp, 3, 2, xs, vbuf, ybuf, NULL), "jvp_dual, Jv NULL");
    REJECT(JAC_EINVAL, jvp_dual(quad_dual, pp, 3, 0, xs, vbuf, ybuf, Jbuf), "jvp_dual, m = 0");
    REJECT(JAC_EINVAL, jvp_dual3(quad_dual3, pp, SIZE_MAX, 3, xs, vbuf, ybuf, Jbuf),
           "jvp_dual3, n m overflows");
    /* hess, hvp */
    REJECT(JAC_EINVAL, hess_hdual(NULL, pp, 3, xs, ybuf, ybuf, Jbuf), "hess_hdual, f NULL");
    REJECT(JAC_EINVAL, hess_hdual(quad_hdual, pp, 3, NULL, ybuf, ybuf, Jbuf), "hess_hdual, x NULL");
    REJECT(JAC_EINVAL, hess_hdual(quad_hdual, pp, 3, xs, ybuf, ybuf, NULL), "hess_hdual, H NULL");
    REJECT(JAC_EINVAL, hess_hdual(quad_hdual, pp, 0, xs, ybuf, ybuf, Jbuf), "hess_hdual, n = 0");
    REJECT(JAC_EINVAL, hess_hdual(quad_hdual, pp, HUGE_N, xs, ybuf, ybuf, Jbuf),
           "hess_hdual, n n overflows");
    REJECT(JAC_EINVAL, hvp_hdual(quad_hdual, pp, 3, xs, NULL, ybuf, Jbuf), "hvp_hdual, v NULL");
    REJECT(JAC_EINVAL, hvp_hdual(quad_hdual, pp, 3, xs, vbuf, ybuf, NULL), "hvp_hdual, Hv NULL");
    REJECT(JAC_EINVAL, hvp_hdual(quad_hdual, pp, 0, xs, vbuf, ybuf, Jbuf), "hvp_hdual, n = 0");
    /* finite differences */
    REJECT(JAC_EINVAL, jac_fd_forward(NULL, pp, 3, 2, xs, ybuf, Jbuf), "jac_fd_forward, f NULL");
    REJECT(JAC_EINVAL, jac_fd_forward(quad_double, pp, 3, 2, NULL, ybuf, Jbuf),
           "jac_fd_forward, x NULL");
    REJECT(JAC_EINVAL, jac_fd_forward(quad_double, pp, 3, 2, xs, ybuf, NULL),
           "jac_fd_forward, J NULL");
    REJECT(JAC_EINVAL, jac_fd_forward(quad_double, pp, 0, 2, xs, ybuf, Jbuf),
           "jac_fd_forward, n = 0");
    REJECT(JAC_EINVAL, jac_fd_central(quad_double, pp, 3, 0, xs, ybuf, Jbuf),
           "jac_fd_central, m = 0");
    REJECT(JAC_EINVAL, jac_fd_central(quad_double, pp, SIZE_MAX, 2, xs, ybuf, Jbuf),
           "jac_fd_central, n m overflows");
    REJECT(JAC_EINVAL, jac_cstep(NULL, pp, 3, 2, xs, ybuf, Jbuf), "jac_cstep, f NULL");
    REJECT(JAC_EINVAL, jac_cstep(quad_cplx, pp, 3, 2, xs, ybuf, NULL), "jac_cstep, J NULL");
    REJECT(JAC_EINVAL, jac_cstep(quad_cplx, pp, 2, HUGE_N, xs, ybuf, Jbuf),
           "jac_cstep, n m overflows");
    /* checker: rep is never written on error */
    {
        jac_check_report before;
        memset(&rep, 0x5a, sizeof rep);
        before = rep;
        REJECT(JAC_EINVAL, jac_check(quad_dual, pp, 3, 2, xs, Jbuf, 1e-6, NULL),
               "jac_check, rep NULL");
        REJECT(JAC_EINVAL, jac_check(quad_dual, pp, 3, 2, xs, NULL, 1e-6, &rep),
               "jac_check, J NULL");
        REJECT(JAC_EINVAL, jac_check(quad_dual, pp, 3, 2, xs, Jbuf, -1.0, &rep),
               "jac_check, tol < 0");
        REJECT(JAC_EINVAL, jac_check(quad_dual, pp, 3, 2, xs, Jbuf, (double)NAN, &rep),
               "jac_check, tol NaN");
        REJECT(JAC_EINVAL, jac_check(quad_dual, pp, 0, 2, xs, Jbuf, 1e-6, &rep),
               "jac_check, n = 0");
        REJECT(JAC_EINVAL, jac_check_fn(quad_dual, NULL, pp, 3, 2, xs, 1e-6, &rep),
               "jac_check_fn, jfn NULL");
        tap_ok(memcmp(&rep, &before, sizeof rep) == 0,
               "checker: the report is untouched by rejected calls");
    }
    /* y (fx) may be NULL */
    {
        probe p = probe_make(-1);
        fill(Jbuf, 6);
        tap_ok(jac_dual(quad_dual, &p, 3, 2, xs, NULL, Jbuf) == 0 && Jbuf[5] == quad_J(1, 2, xs),
               "jac_dual with y = NULL succeeds");
    }
}

/* a failing user function: exactly the documented outputs */
static void test_user_failure(void) {
    enum { n = 7, m = 5 };
    double J[m * n], Jref[m * n], y[m], H[n * n], Href[n * n], g[n], fx, v[n];
    probe p;
    size_t i, j;
    int rc, good;
    N_ = n;
    M_ = m;
    for (j = 0; j < n; ++j) v[j] = 1.0 + (double)j;
    for (i = 0; i < m; ++i)
        for (j = 0; j < n; ++j) Jref[i * n + j] = quad_J(i, j, xs);

    /* jac_dual: fail in pass 3 -> columns 0..2 written, the rest and y untouched */
    p = probe_make(3);
    fill(J, m * n);
    fill(y, m);
    rc = jac_dual(quad_dual, &p, n, m, xs, y, J);
    good = 1;
    for (i = 0; i < m; ++i)
        for (j = 0; j < n; ++j) good &= J[i * n + j] == (j < 3 ? Jref[i * n + j] : SENT);
    tap_ok(rc == JAC_EFUNC, "jac_dual: f fails in pass 3 -> JAC_EFUNC (%d)", rc);
    tap_ok(p.calls == 4, "jac_dual: stopped at once (4 calls)");
    tap_ok(good, "jac_dual: columns 0..2 (passes 0..2) written, columns 3..6 untouched");
    tap_ok(all_sent(y, m), "jac_dual: y untouched");
    /* in pass 0: nothing written */
    p = probe_make(0);
    fill(J, m * n);
    rc = jac_dual(quad_dual, &p, n, m, xs, y, J);
    tap_ok(rc == JAC_EFUNC && all_sent(J, m * n) && all_sent(y, m),
           "jac_dual: f fails in pass 0 -> nothing written");
    /* in the last pass: all columns but the last */
    p = probe_make(n - 1);
    rc = jac_dual(quad_dual, &p, n, m, xs, y, J);
    good = rc == JAC_EFUNC && all_sent(y, m);
    for (i = 0; i < m; ++i)
        for (j = 0; j < n; ++j) good &= J[i * n + j] == (j < n - 1 ? Jref[i * n + j] : SENT);
    tap_ok(good,
           "jac_dual: f fails in the last pass -> columns 0..5 written, column 6 and y untouched");

    /* chunked width 3: pass 1 fails -> columns 0..2 written (pass 0), 3..6 untouched */
    p = probe_make(1);
    fill(J, m * n);
    rc = jac_dual3(quad_dual3, &p, n, m, xs, y, J);
    good = rc == JAC_EFUNC && p.calls == 2 && all_sent(y, m);
    for (i = 0; i < m; ++i)
        for (j = 0; j < n; ++j) good &= J[i * n + j] == (j < 3 ? Jref[i * n + j] : SENT);
    tap_ok(good, "jac_dual3: f fails in pass 1 -> columns 0..2 written, 3..6 and y untouched");

    /* denominator layout: the same entries, transposed */
    {
        jac_opts den = JAC_OPTS_INIT;
        den.layout = JAC_DENOMINATOR;
        p = probe_make(2);
        fill(J, m * n);
        rc = jac_dual_ex(quad_dual, &p, n, m, xs, NULL, J, &den);
        good = rc == JAC_EFUNC;
        for (i = 0; i < m; ++i)
            for (j = 0; j < n; ++j) good &= J[j * m + i] == (j < 2 ? Jref[i * n + j] : SENT);
        tap_ok(good, "jac_dual_ex, denominator: f fails in pass 2 -> rows 0..1 of J^T written, "
                     "rest untouched");
    }

    /* grad: the same contract (one row) */
    M_ = 1;
    p = probe_make(4);
    fill(g, n);
    fx = SENT;
    rc = grad_dual(quad_dual, &p, n, xs, &fx, g);
    good = rc == JAC_EFUNC && fx == SENT;
    for (j = 0; j < n; ++j) good &= g[j] == (j < 4 ? quad_J(0, j, xs) : SENT);
    tap_ok(good, "grad_dual: f fails in pass 4 -> g[0..3] written, g[4..6] and fx untouched");

    /* jvp: one pass, nothing written */
    M_ = m;
    p = probe_make(0);
    fill(J, m);
    fill(y, m);
    rc = jvp_dual(quad_dual, &p, n, m, xs, v, y, J);
    tap_ok(rc == JAC_EFUNC && all_sent(J, m) && all_sent(y, m),
           "jvp_dual: f fails -> Jv and y untouched");

    /* hess, n = 4: passes (0,0) (0,1) (0,2) (0,3) (1,1) | (1,2) fails */
    N_ = 4;
    M_ = 1;
    {
        const size_t nh = 4;
        for (i = 0; i < nh; ++i)
            for (j = 0; j < nh; ++j)
                Href[i * nh + j] = i == j ? 2.0 * (1.0 / (double)(i + 1)) : 0.0;
        p = probe_make(5);
        fill(H, nh * nh);
        fill(g, nh);
        fx = SENT;
        rc = hess_hdual(quad_hdual, &p, nh, xs, &fx, g, H);
        good = rc == JAC_EFUNC && p.calls == 6 && fx == SENT && all_sent(g, nh);
        for (i = 0; i < nh; ++i)
            for (j = 0; j < nh; ++j) {
                size_t a = i < j ? i : j, b = i < j ? j : i; /* pass (a, b), a <= b */
                int done = a == 0 || (a == 1 && b == 1);
                good &= H[i * nh + j] == (done ? Href[i * nh + j] : SENT);
            }
        tap_ok(good,
               "hess_hdual: f fails in pass 5 = (1, 2) -> H entries of passes (0,0..3), (1,1) and "
               "their mirrors written; the rest, g and fx untouched");
        /* hvp: pass 2 fails -> Hv[0..1] written */
        p = probe_make(2);
        fill(J, nh);
        fx = SENT;
        rc = hvp_hdual(quad_hdual, &p, nh, xs, v, &fx, J);
        good = rc == JAC_EFUNC && fx == SENT && J[2] == SENT && J[3] == SENT &&
               J[0] == 2.0 * v[0] && J[1] == 2.0 / 2.0 * v[1];
        tap_ok(good, "hvp_hdual: f fails in pass 2 -> Hv[0..1] written, Hv[2..3] and fx untouched");
    }

    /* finite differences */
    N_ = 3;
    M_ = 2;
    {
        const size_t nf = 3, mf = 2;
        p = probe_make(0);
        fill(J, nf * mf);
        fill(y, mf);
        rc = jac_fd_forward(quad_double, &p, nf, mf, xs, y, J);
        tap_ok(rc == JAC_EFUNC && all_sent(J, nf * mf) && all_sent(y, mf),
               "jac_fd_forward: f(x) (pass 0) fails -> nothing written");
        p = probe_make(3); /* calls: 0 = f(x), 1 = col 0, 2 = col 1, 3 = col 2 fails */
        rc = jac_fd_forward(quad_double, &p, nf, mf, xs, y, J);
        good = rc == JAC_EFUNC && all_sent(y, mf);
        for (i = 0; i < mf; ++i)
            for (j = 0; j < nf; ++j) good &= (J[i * nf + j] != SENT) == (j < 2);
        tap_ok(good,
               "jac_fd_forward: pass 3 fails -> columns 0, 1 written, column 2 and y untouched");
        p = probe_make(3); /* calls 0, 1 = col 0; 2, 3 = col 1 */
        fill(J, nf * mf);
        rc = jac_fd_central(quad_double, &p, nf, mf, xs, y, J);
        good = rc == JAC_EFUNC && all_sent(y, mf);
        for (i = 0; i < mf; ++i)
            for (j = 0; j < nf; ++j) good &= (J[i * nf + j] != SENT) == (j < 1);
        tap_ok(good, "jac_fd_central: pass 3 (x_1 - h) fails -> column 0 written, columns 1, 2 and "
                     "y untouched");
        p = probe_make(6); /* 2n = 6: the pass for y */
        fill(J, nf * mf);
        rc = jac_fd_central(quad_double, &p, nf, mf, xs, y, J);
        good = rc == JAC_EFUNC && all_sent(y, mf);
        for (i = 0; i < nf * mf; ++i) good &= J[i] != SENT;
        tap_ok(good,
               "jac_fd_central: the last pass (f(x) for y) fails -> all of J written, y untouched");
        p = probe_make(2);
        fill(J, nf * mf);
        rc = jac_cstep(quad_cplx, &p, nf, mf, xs, y, J);
        good = rc == JAC_EFUNC && all_sent(y, mf);
        for (i = 0; i < mf; ++i)
            for (j = 0; j < nf; ++j) good &= (J[i * nf + j] != SENT) == (j < 2);
        tap_ok(good, "jac_cstep: pass 2 fails -> columns 0, 1 written, column 2 and y untouched");
    }

    /* checker */
    {
        jac_check_report rep, before;
        memset(&rep, 0x5a, sizeof rep);
        before = rep;
        p = probe_make(1);
        rc = jac_check(quad_dual, &p, 3, 2, xs, Jref, 1e-6, &rep);
        tap_ok(rc == JAC_EFUNC && memcmp(&rep, &before, sizeof rep) == 0,
               "jac_check: f fails -> JAC_EFUNC, report untouched");
    }
}

static int bad_jfn(const double *x, double *J, void *ctx) {
    (void)x;
    (void)J;
    (void)ctx;
    return 3;
}
static int good_jfn(const double *x, double *J, void *ctx) {
    size_t i, j;
    (void)ctx;
    for (i = 0; i < M_; ++i)
        for (j = 0; j < N_; ++j) J[i * N_ + j] = quad_J(i, j, x);
    return 0;
}

/* memory: stack below JAC_STACK_MAX, workspace or allocator above, ENOMEM */
static void test_memory(void) {
    static double J[BIG * BIG], Jw[BIG * BIG];
    double y[BIG], g[BIG];
    probe p;
    long m0, f0;
    size_t i, j;
    int rc, good;

    /* small sizes: no allocation for any builder */
    N_ = JAC_STACK_MAX;
    M_ = JAC_STACK_MAX;
    m0 = n_malloc;
    p = probe_make(-1);
    rc = jac_dual(quad_dual, &p, N_, M_, xs, y, J);
    rc |= jac_dual3(quad_dual3, &p, N_, M_, xs, y, J);
    rc |= jvp_dual(quad_dual, &p, N_, M_, xs, vbuf, y, g);
    rc |= jac_fd_forward(quad_double, &p, N_, M_, xs, y, J);
    rc |= jac_fd_central(quad_double, &p, N_, M_, xs, y, J);
    rc |= jac_cstep(quad_cplx, &p, N_, M_, xs, y, J);
    M_ = 1;
    rc |= grad_dual(quad_dual, &p, N_, xs, y, g);
    rc |= hess_hdual(quad_hdual, &p, N_, xs, y, g, J);
    rc |= hvp_hdual(quad_hdual, &p, N_, xs, vbuf, y, g);
    tap_ok(rc == 0 && n_malloc == m0,
           "n = m = JAC_STACK_MAX = %d: jac, jvp, grad, hess, hvp, fd, cstep allocate nothing",
           JAC_STACK_MAX);

    /* n > JAC_STACK_MAX without a workspace: the allocator, once, freed */
    N_ = BIG;
    M_ = 3;
    m0 = n_malloc;
    f0 = n_free;
    p = probe_make(-1);
    rc = jac_dual(quad_dual, &p, BIG, 3, xs, y, J);
    good = rc == 0 && n_malloc == m0 + 1 && n_free == f0 + 1 && p.calls == BIG;
    for (i = 0; i < 3; ++i)
        for (j = 0; j < BIG; ++j) good &= J[i * BIG + j] == quad_J(i, j, xs);
    tap_ok(good, "jac_dual, n = %d > JAC_STACK_MAX: one JAC_MALLOC, one JAC_FREE, correct J", BIG);
    N_ = 2;
    M_ = BIG;
    m0 = n_malloc;
    rc = jac_dual(quad_dual, &p, 2, BIG, xs, y, J);
    good = rc == 0 && n_malloc == m0 + 1 && n_free == f0 + 2;
    for (i = 0; i < BIG; ++i) good &= J[i * 2 + 1] == quad_J(i, 1, xs);
    tap_ok(good, "jac_dual, m = %d > JAC_STACK_MAX: allocator used, correct J", BIG);
    N_ = BIG;
    M_ = 1;
    m0 = n_malloc;
    rc = hess_hdual(quad_hdual, &p, BIG, xs, y, g, J);
    good = rc == 0 && n_malloc == m0 + 1 && n_free == n_malloc;
    for (i = 0; i < BIG; ++i)
        good &= J[i * BIG + i] == 2.0 * (1.0 / (double)(i + 1)) && g[i] == quad_J(0, i, xs);
    tap_ok(good, "hess_hdual, n = %d: allocator used, correct diagonal and gradient", BIG);
    m0 = n_malloc;
    rc = jac_fd_central(quad_double, &p, BIG, 1, xs, NULL, J);
    rc |= jac_cstep(quad_cplx, &p, BIG, 1, xs, NULL, J);
    rc |= hvp_hdual(quad_hdual, &p, BIG, xs, vbuf, NULL, g);
    rc |= jvp_dual3(quad_dual3, &p, BIG, 1, xs, vbuf, NULL, g);
    tap_ok(rc == 0 && n_malloc == m0 + 4,
           "fd_central, cstep, hvp, jvp with n = %d: one allocation each", BIG);
    tap_ok(n_malloc == n_free, "every allocation was freed (%ld, %ld)", n_malloc, n_free);

    /* a failing user function on the heap path still frees */
    p = probe_make(10);
    m0 = n_malloc;
    rc = jac_dual(quad_dual, &p, BIG, 1, xs, NULL, J);
    tap_ok(rc == JAC_EFUNC && n_malloc == m0 + 1 && n_free == n_malloc,
           "heap path, f fails: JAC_EFUNC and the block freed");

    /* with a workspace: no allocation, same bits */
    {
        size_t need = jac_dual_worksize(BIG, 1);
        void *work = malloc(need + 64);
        jac_opts o = JAC_OPTS_INIT;
        tap_ok(need == (BIG + 1) * sizeof(dual),
               "jac_dual_worksize(%d, 1) = (n + m) sizeof(dual) = %zu", BIG, need);
        o.work = work;
        o.work_size = need;
        p = probe_make(-1);
        jac_dual(quad_dual, &p, BIG, 1, xs, NULL, J);
        m0 = n_malloc;
        rc = jac_dual_ex(quad_dual, &p, BIG, 1, xs, NULL, Jw, &o);
        tap_ok(rc == 0 && n_malloc == m0 && memcmp(J, Jw, BIG * sizeof(double)) == 0,
               "jac_dual_ex with a workspace: no allocation, the same J bit for bit");
        /* small n with a workspace: used too, same result */
        N_ = 3;
        M_ = 2;
        jac_dual(quad_dual, &p, 3, 2, xs, NULL, J);
        rc = jac_dual_ex(quad_dual, &p, 3, 2, xs, NULL, Jw, &o);
        tap_ok(rc == 0 && memcmp(J, Jw, 6 * sizeof(double)) == 0,
               "jac_dual_ex, small n with a workspace: same J");
        N_ = BIG;
        M_ = 1;
        /* too small, misaligned: JAC_EINVAL, nothing written */
        o.work_size = need - 1;
        REJECT(JAC_EINVAL, jac_dual_ex(quad_dual, pp, BIG, 1, xs, ybuf, Jbuf, &o),
               "jac_dual_ex, workspace 1 byte too small");
        o.work = (char *)work + 1;
        o.work_size = need + 8;
        REJECT(JAC_EINVAL, jac_dual_ex(quad_dual, pp, BIG, 1, xs, ybuf, Jbuf, &o),
               "jac_dual_ex, misaligned workspace");
        o.work = work;
        o.work_size = hess_hdual_worksize(BIG);
        free(work);
        work = malloc(o.work_size);
        o.work = work;
        m0 = n_malloc;
        rc = hess_hdual_ex(quad_hdual, &p, BIG, xs, NULL, g, J, &o);
        tap_ok(rc == 0 && n_malloc == m0 && g[BIG - 1] == quad_J(0, BIG - 1, xs),
               "hess_hdual_ex with hess_hdual_worksize(n) bytes: no allocation, correct");
        o.work_size -= 1;
        REJECT(JAC_EINVAL, hess_hdual_ex(quad_hdual, pp, BIG, xs, ybuf, ybuf, Jbuf, &o),
               "hess_hdual_ex, workspace too small");
        free(work);
        o.work_size = jac_fd_worksize(BIG, 2);
        work = malloc(o.work_size);
        o.work = work;
        m0 = n_malloc;
        M_ = 2;
        rc = jac_fd_forward_ex(quad_double, &p, BIG, 2, xs, NULL, J, &o);
        rc |= jac_cstep_ex(quad_cplx, &p, BIG, 2, xs, NULL, J, &o);
        tap_ok(rc == 0 && n_malloc == m0,
               "jac_fd_forward_ex, jac_cstep_ex with jac_fd_worksize(n, m) bytes: no allocation");
        free(work);
    }

    /* the allocator fails: JAC_ENOMEM, nothing written, f not called */
    fail_alloc = 1;
    N_ = BIG;
    M_ = 1;
    REJECT(JAC_ENOMEM, jac_dual(quad_dual, pp, BIG, 1, xs, ybuf, Jbuf),
           "jac_dual, n > JAC_STACK_MAX, allocator fails");
    REJECT(JAC_ENOMEM, jac_dual3(quad_dual3, pp, 2, BIG, xs, ybuf, Jbuf),
           "jac_dual3, m > JAC_STACK_MAX, allocator fails");
    REJECT(JAC_ENOMEM, grad_dual(quad_dual, pp, BIG, xs, ybuf, Jbuf), "grad_dual, allocator fails");
    REJECT(JAC_ENOMEM, jvp_dual(quad_dual, pp, BIG, 1, xs, vbuf, ybuf, Jbuf),
           "jvp_dual, allocator fails");
    REJECT(JAC_ENOMEM, hess_hdual(quad_hdual, pp, BIG, xs, ybuf, ybuf, Jbuf),
           "hess_hdual, allocator fails");
    REJECT(JAC_ENOMEM, hvp_hdual(quad_hdual, pp, BIG, xs, vbuf, ybuf, Jbuf),
           "hvp_hdual, allocator fails");
    REJECT(JAC_ENOMEM, jac_fd_forward(quad_double, pp, BIG, 1, xs, ybuf, Jbuf),
           "jac_fd_forward, allocator fails");
    REJECT(JAC_ENOMEM, jac_fd_central(quad_double, pp, BIG, 1, xs, ybuf, Jbuf),
           "jac_fd_central, allocator fails");
    REJECT(JAC_ENOMEM, jac_cstep(quad_cplx, pp, BIG, 1, xs, ybuf, Jbuf),
           "jac_cstep, allocator fails");
    REJECT(JAC_ENOMEM,
           jac_check(quad_dual, pp, BIG, 1, xs, Jbuf, 1e-6, (jac_check_report *)(void *)ybuf),
           "jac_check, allocator fails");
    N_ = 3;
    M_ = 2;
    REJECT(JAC_ENOMEM,
           jac_check_fn(quad_dual, good_jfn, pp, 3, 2, xs, 1e-6, (jac_check_report *)(void *)ybuf),
           "jac_check_fn (always allocates), allocator fails");
    fail_alloc = 0;
    /* the byte count overflows although n m sizeof(double) does not: ENOMEM, no allocation tried */
    {
        volatile size_t vn = SIZE_MAX / 8 - 1; /* opaque: no compile-time loop analysis */
        REJECT(JAC_ENOMEM, jac_dual(quad_dual, pp, vn, 1, xs, ybuf, Jbuf),
               "jac_dual, (n + m) sizeof(dual) overflows (no allocation attempted)");
    }

    /* jac_check_fn: allocates once; jfn failing -> JAC_EFUNC */
    {
        jac_check_report rep;
        m0 = n_malloc;
        rc = jac_check_fn(quad_dual, good_jfn, &p, 3, 2, xs, 1e-12, &rep);
        tap_ok(
            rc == 0 && rep.ok && n_malloc == m0 + 1 && n_free == n_malloc,
            "jac_check_fn: one allocation (m n doubles + workspace), freed; a correct jfn passes");
        rc = jac_check_fn(quad_dual, bad_jfn, &p, 3, 2, xs, 1e-12, &rep);
        tap_ok(rc == JAC_EFUNC && n_free == n_malloc,
               "jac_check_fn: jfn fails -> JAC_EFUNC, block freed");
    }
}

int main(void) {
    size_t j;
    for (j = 0; j < BIG; ++j) {
        xs[j] = 0.5 + 0.25 * (double)j;
        vbuf[j] = 1.0;
    }
    test_arguments();
    test_user_failure();
    test_memory();
    tap_ok(n_malloc == n_free, "no leak: %ld allocations, %ld frees", n_malloc, n_free);
    return tap_done();
}
