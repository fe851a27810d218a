/* bench.c - dualjac's benchmark: every method on every function of the suite, timed in
 * interleaved rounds against the hand-written Jacobian, with the error of each against a
 * long double reference, the number of function evaluations and of heap allocations.
 *
 *   bench [--functions=a,b] [--methods=a,b] [--min-time=MS] [--samples=K] [--csv=FILE]
 *   bench --sweep=FILE      error of forward/central differences for h = 1e-1 .. 1e-15
 *   bench --check           self-check (TAP): references, hand-written Jacobians, the error
 *                           bound and evaluation count of every method, zero allocations
 *   bench --list | --help
 *
 * Measurement: for each function, each method's repetition count is calibrated so that one
 * sample lasts at least --min-time (20 ms); then --samples (7) rounds run every method once
 * each, in an order rotated every round, so that machine noise hits all methods alike; the
 * time per Jacobian is the median sample. Each repetition takes the next of 8 points around
 * the base point, and an entry of every result feeds a volatile sink.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "common.h"

#ifndef BENCH_BUILD
#define BENCH_BUILD "default"
#endif
#ifndef BENCH_CFLAGS
#define BENCH_CFLAGS "?"
#endif
/* the target for the one-pass chunked method's geometric mean (x hand-written) */
#ifndef BENCH_TARGET_CHUNK
#define BENCH_TARGET_CHUNK 2.5
#endif
#if defined(__clang__)
#define BENCH_CC "clang " __clang_version__
#elif defined(__GNUC__)
#define BENCH_CC "gcc " __VERSION__
#else
#define BENCH_CC "unknown C compiler"
#endif

static bench_fn tab[F_COUNT][M_COUNT];
volatile double bench_sink;
void *volatile bench_keep;

typedef struct result {
    int have;
    double ns, ns_lo, ns_hi; /* median, min, max per Jacobian */
    double err;              /* max_ij |J - J_ref| / max(1, |J_ref_ij|) at the base point */
    double evals;            /* evaluations of f per Jacobian */
    long allocs;             /* heap allocations during all of its samples */
    long reps;
} result;
static result res[F_COUNT][M_COUNT];

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double relerr(const double *a, const double *ref, int k) {
    double e = 0.0;
    int i;
    for (i = 0; i < k; ++i) {
        const double d = fabs(a[i] - ref[i]) / fmax(1.0, fabs(ref[i]));
        if (!(d <= e)) e = d; /* NaN wins */
    }
    return e;
}

static int out_size(int f, int mth) {
    const int n = bench_funcs[f].n;
    return bench_methods[mth].hessian ? n * n : n * bench_funcs[f].m;
}

static int reference(int f, int mth, const double *x, double *R) {
    return bench_methods[mth].hessian ? bench_ref_hess(f, x, R) : bench_ref_jac(f, x, R);
}

/* ------------------------------------------------------------------ timing */

static double pts[BENCH_POINTS][BENCH_MAX_N];

/* seconds for reps Jacobians */
static double sample(bench_fn fn, long reps, bench_ctx *c) {
    double J[BENCH_MAX_N * BENCH_MAX_N], acc = 0.0, t0, t1;
    long r;
    int bad = 0;
    t0 = now_s();
    for (r = 0; r < reps; ++r) {
        bad |= fn(pts[r & (BENCH_POINTS - 1)], J, c);
        acc += J[0];
    }
    t1 = now_s();
    bench_sink = acc;
    if (bad) {
        fprintf(stderr, "bench: a method returned an error\n");
        exit(2);
    }
    return t1 - t0;
}

static long calibrate(bench_fn fn, double min_s) {
    bench_ctx c = {0};
    long reps = 1;
    for (;;) {
        const double t = sample(fn, reps, &c);
        if (t >= min_s) return reps;
        if (t < min_s / 50) {
            reps *= 10;
        } else {
            const double want = (double)reps * min_s * 1.1 / t;
            reps = (long)ceil(want);
            if (reps < 1) reps = 1;
            /* one more sample to confirm */
        }
        if (reps > 1000000000L) return reps;
    }
}

static int cmp_double(const void *a, const void *b) {
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int use_func[F_COUNT], use_meth[M_COUNT];

static void bench_function(int f, int fi, int nf, int samples, double min_s, int tty) {
    const bench_func_info *F = &bench_funcs[f];
    int list[M_COUNT], nl = 0, k, r, i;
    double t[M_COUNT][64], tstart = now_s();
    long reps[M_COUNT];
    for (k = 0; k < M_COUNT; ++k)
        if (use_meth[k] && tab[f][k] != NULL) list[nl++] = k;
    if (nl == 0) return;
    for (k = 0; k < BENCH_POINTS; ++k) bench_point(f, k, pts[k]);
    /* errors at the base point */
    for (i = 0; i < nl; ++i) {
        double J[BENCH_MAX_N * BENCH_MAX_N], R[BENCH_MAX_N * BENCH_MAX_N];
        bench_ctx c = {0};
        const int mth = list[i];
        tab[f][mth](pts[0], J, &c);
        reference(f, mth, pts[0], R);
        res[f][mth].err = relerr(J, R, out_size(f, mth));
    }
    fprintf(stderr, "[%d/%d] %s (n = %d, m = %d): calibrating %d methods", fi + 1, nf, F->name,
            F->n, F->m, nl);
    if (!tty) {
        fprintf(stderr, ":");
        for (i = 0; i < nl; ++i) fprintf(stderr, " %s", bench_methods[list[i]].name);
        fprintf(stderr, "\n");
    }
    for (i = 0; i < nl; ++i) {
        if (tty) fprintf(stderr, "\r[%d/%d] %s: calibrating %-12s", fi + 1, nf, F->name,
                         bench_methods[list[i]].name);
        reps[list[i]] = calibrate(tab[f][list[i]], min_s);
    }
    for (r = 0; r < samples; ++r) {
        for (i = 0; i < nl; ++i) {
            const int mth = list[(i + r) % nl];
            bench_ctx c = {0};
            long a0;
            double s;
            if (tty)
                fprintf(stderr, "\r[%d/%d] %s: round %d/%d, method %2d/%d %-12s", fi + 1, nf,
                        F->name, r + 1, samples, i + 1, nl, bench_methods[mth].name);
            a0 = bench_alloc_count();
            s = sample(tab[f][mth], reps[mth], &c);
            res[f][mth].allocs += bench_alloc_count() - a0;
            t[mth][r] = s / (double)reps[mth];
            res[f][mth].evals = (double)c.calls / (double)reps[mth];
        }
    }
    for (i = 0; i < nl; ++i) {
        const int mth = list[i];
        qsort(t[mth], (size_t)samples, sizeof(double), cmp_double);
        res[f][mth].have = 1;
        res[f][mth].reps = reps[mth];
        res[f][mth].ns = 1e9 * t[mth][samples / 2];
        res[f][mth].ns_lo = 1e9 * t[mth][0];
        res[f][mth].ns_hi = 1e9 * t[mth][samples - 1];
    }
    fprintf(stderr, "%s[%d/%d] %s: %d methods x %d samples done in %.1f s%s\n",
            tty ? "\r" : "", fi + 1, nf, F->name, nl, samples, now_s() - tstart,
            tty ? "                    " : "");
}

/* ------------------------------------------------------------------ report */

static double ratio(int f, int mth) {
    const int base = bench_methods[mth].hessian ? M_HESS_HAND : M_HAND;
    if (!res[f][mth].have || !res[f][base].have) return (double)NAN;
    return res[f][mth].ns / res[f][base].ns;
}

static double rel(int f, int a, int b) {
    if (!res[f][a].have || !res[f][b].have) return (double)NAN;
    return res[f][a].ns / res[f][b].ns;
}

/* which functions a geometric mean covers: all, the vector-valued ones (m > 1), or the
 * gradients (m = 1) */
enum { G_ALL, G_VECTOR, G_GRADIENT };
static int gsel = G_ALL;

/* geometric mean of g(f) over the functions where it is defined; *cnt, *mx: count and max */
static double gmean(double (*g)(int, int, int), int a, int b, int *cnt, double *mx) {
    double s = 0.0, m = 0.0;
    int k = 0, f;
    for (f = 0; f < F_COUNT; ++f) {
        const double v = g(f, a, b);
        if (!(v > 0.0)) continue;
        if ((gsel == G_VECTOR && bench_funcs[f].m == 1) ||
            (gsel == G_GRADIENT && bench_funcs[f].m != 1))
            continue;
        s += log(v);
        if (v > m) m = v;
        ++k;
    }
    if (cnt) *cnt = k;
    if (mx) *mx = m;
    return k ? exp(s / k) : (double)NAN;
}
static double g_ratio(int f, int a, int b) {
    (void)b;
    return ratio(f, a);
}
static double g_rel(int f, int a, int b) { return rel(f, a, b); }

static void header(FILE *o) {
    char cpu[256] = "unknown CPU", date[64] = "?";
    struct utsname u;
    FILE *ci = fopen("/proc/cpuinfo", "r");
    time_t tt = time(NULL);
    if (ci != NULL) {
        char line[512];
        while (fgets(line, sizeof line, ci) != NULL) {
            if (strncmp(line, "model name", 10) == 0) {
                const char *p = strchr(line, ':');
                if (p != NULL) {
                    snprintf(cpu, sizeof cpu, "%s", p + 2);
                    cpu[strcspn(cpu, "\n")] = '\0';
                }
                break;
            }
        }
        fclose(ci);
    }
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&tt));
    fprintf(o, "dualjac benchmark, build %s\n", BENCH_BUILD);
    if (uname(&u) == 0)
        fprintf(o, "machine:  %s, %ld cores online, %s %s %s\n", cpu,
                sysconf(_SC_NPROCESSORS_ONLN), u.sysname, u.release, u.machine);
    {
        char cc[256];
        size_t l;
        snprintf(cc, sizeof cc, "%s", BENCH_CC);
        for (l = strlen(cc); l > 0 && cc[l - 1] == ' '; --l) cc[l - 1] = '\0';
        fprintf(o, "compiler: %s, flags: %s\n", cc, BENCH_CFLAGS);
    }
    fprintf(o, "C++:      %s\n", bench_cpp_status);
    fprintf(o, "date:     %s\n", date);
}

static void fmt_err(char *b, size_t sz, double e) {
    if (e == 0.0)
        snprintf(b, sz, "0");
    else
        snprintf(b, sz, "%.1e", e);
}

static int width_of(int f, int mth) {
    const int n = bench_funcs[f].n;
    switch (mth) {
    case M_CHUNK_4: return 4;
    case M_CHUNK_8: return 8;
    case M_CHUNK_N:
    case M_CHUNK_N_NG:
    case M_JET:
    case M_EIGEN: return bench_funcs[f].width;
    case M_DUAL:
    case M_DUAL_NG:
    case M_CSTEP:
    case M_FD_FWD:
    case M_FD_CEN: return 1;
    default: return n > 0 ? 0 : 0;
    }
}

static void report(int samples, double min_s, const char *csv) {
    FILE *o = stdout, *c = NULL;
    int f, k, cnt;
    double mx;
    header(o);
    fprintf(o, "method:   median of %d samples of >= %.0f ms each, methods interleaved in rounds; "
               "ns per Jacobian (Hessian for hess_*)\n"
               "x hand:   time / hand-written Jacobian (Hessian) of the same run; err: max_ij "
               "|J - J_ref| / max(1, |J_ref|),\n"
               "          J_ref from long double duals; evals: calls of f per Jacobian (of the "
               "gradient for hess_fd_*)\n\n",
            samples, 1e3 * min_s);
    fprintf(o, "%-12s %3s %3s  %-12s %3s %7s %11s %8s %9s %7s\n", "function", "n", "m",
            "method", "W", "evals", "ns/jac", "x hand", "err", "allocs");
    if (csv != NULL) {
        c = fopen(csv, "w");
        if (c == NULL)
            fprintf(stderr, "bench: cannot write %s\n", csv);
        else
            fprintf(c, "build,function,n,m,method,width,evals,ns,ns_min,ns_max,ratio_hand,"
                       "max_rel_err,allocs,reps,samples\n");
    }
    for (f = 0; f < F_COUNT; ++f) {
        int first = 1;
        for (k = 0; k < M_COUNT; ++k) {
            const result *r = &res[f][k];
            char e[32];
            if (!r->have) continue;
            fmt_err(e, sizeof e, r->err);
            fprintf(o, "%-12s %3d %3d  %-12s %3d %7.6g %11.1f %8.2f %9s %7ld\n",
                    first ? bench_funcs[f].name : "", bench_funcs[f].n, bench_funcs[f].m,
                    bench_methods[k].name, width_of(f, k), r->evals, r->ns, ratio(f, k), e,
                    r->allocs);
            first = 0;
            if (c != NULL)
                fprintf(c, "%s,%s,%d,%d,%s,%d,%g,%.2f,%.2f,%.2f,%.4f,%.3e,%ld,%ld,%d\n",
                        BENCH_BUILD, bench_funcs[f].name, bench_funcs[f].n, bench_funcs[f].m,
                        bench_methods[k].name, width_of(f, k), r->evals, r->ns, r->ns_lo,
                        r->ns_hi, ratio(f, k), r->err, r->allocs, r->reps, samples);
        }
    }
    if (c != NULL) fclose(c);

    fprintf(o, "\nGeometric mean over the functions, time / hand-written (%s)\n", BENCH_BUILD);
    fprintf(o, "%-12s %6s %8s %8s   %s\n", "method", "funcs", "geomean", "worst", "");
    for (k = 0; k < M_COUNT; ++k) {
        const double g = gmean(g_ratio, k, 0, &cnt, &mx);
        if (cnt == 0 || k == M_HAND || k == M_HESS_HAND) continue;
        fprintf(o, "%-12s %6d %8.2f %8.2f   %s\n", bench_methods[k].name, cnt, g, mx,
                bench_methods[k].what);
    }

    fprintf(o, "\nTargets (%s), reported, not asserted\n", BENCH_BUILD);
    {
        double g = gmean(g_ratio, M_CHUNK_N, 0, &cnt, &mx), emax = -1.0, efd[2] = {-1, -1};
        long allocs = 0;
        int mth;
        if (cnt)
            fprintf(o, "  chunk_n one pass: geomean %.2f x hand (target <= %.2g): %s\n", g,
                    BENCH_TARGET_CHUNK, g <= BENCH_TARGET_CHUNK ? "met" : "MISSED");
        {
            int c2;
            double gv, gg, jv, ev;
            gsel = G_VECTOR;
            gv = gmean(g_ratio, M_CHUNK_N, 0, &cnt, NULL);
            jv = gmean(g_ratio, M_JET, 0, NULL, NULL);
            ev = gmean(g_ratio, M_EIGEN, 0, NULL, NULL);
            gsel = G_GRADIENT;
            gg = gmean(g_ratio, M_CHUNK_N, 0, &c2, NULL);
            gsel = G_ALL;
            if (cnt && c2) {
                fprintf(o, "    of which: %d vector-valued functions %.2f", cnt, gv);
                if (jv > 0.0 && ev > 0.0)
                    fprintf(o, " (ceres_jet %.2f, eigen_ad %.2f)", jv, ev);
                fprintf(o, ", %d gradients (m = 1) %.2f\n", c2, gg);
            }
        }
        g = gmean(g_rel, M_CHUNK_N, M_JET, &cnt, &mx);
        if (cnt)
            fprintf(o, "  chunk_n / ceres_jet: geomean %.2f, worst %.2f (target < 1): %s\n", g,
                    mx, g < 1.0 ? "met" : "MISSED");
        g = gmean(g_rel, M_CHUNK_N, M_EIGEN, &cnt, &mx);
        if (cnt)
            fprintf(o, "  chunk_n / eigen_ad:  geomean %.2f, worst %.2f (target < 1): %s\n", g,
                    mx, g < 1.0 ? "met" : "MISSED");
        g = gmean(g_rel, M_DUAL, M_FD_FWD, &cnt, &mx);
        if (cnt)
            fprintf(o, "  dual / fd_fwd: geomean %.2f (target < 1), worst %.2f (target <= 2): "
                       "%s\n",
                    g, mx, g < 1.0 && mx <= 2.0 ? "met" : "MISSED");
        g = gmean(g_rel, M_DUAL, M_DUAL_NG, &cnt, &mx);
        if (cnt)
            fprintf(o, "  zero-tangent guard (time with / without): dual / dual_ng geomean %.2f "
                       "(worst %.2f)\n", g, mx);
        g = gmean(g_rel, M_CHUNK_N, M_CHUNK_N_NG, &cnt, &mx);
        if (cnt)
            fprintf(o, "  zero-tangent guard (time with / without): chunk_n / chunk_n_ng "
                       "geomean %.2f (worst %.2f)\n", g, mx);
        for (f = 0; f < F_COUNT; ++f)
            for (mth = 0; mth < M_COUNT; ++mth) {
                if (!res[f][mth].have) continue;
                if (mth == M_FD_FWD || mth == M_FD_CEN) {
                    double *e = &efd[mth == M_FD_CEN];
                    if (res[f][mth].err > *e) *e = res[f][mth].err;
                }
                if (mth == M_DUAL || mth == M_CHUNK_N || mth == M_CHUNK_4 ||
                    mth == M_CHUNK_8 || mth == M_DUAL_NG || mth == M_CHUNK_N_NG ||
                    mth == M_HESS_HDUAL) {
                    allocs += res[f][mth].allocs;
                    if (res[f][mth].err > emax) emax = res[f][mth].err;
                }
            }
        if (emax >= 0.0)
            fprintf(o, "  error: dual methods max %.1e (target <= 1e-15): %s\n", emax,
                    emax <= 1e-15 ? "met" : "MISSED");
        if (efd[0] >= 0.0 || efd[1] >= 0.0)
            fprintf(o, "  error: fd_cen max %.1e (expected ~1e-10), fd_fwd max %.1e (expected "
                       "~1e-8; Robertson's 3e7 y2^2 term makes it 2.5e-4)\n",
                    efd[1], efd[0]);
        fprintf(o, "  heap allocations on the dual paths: %ld (%s): %s\n", allocs,
                bench_alloc_how, allocs == 0 ? "met" : "MISSED");
    }
}

/* ------------------------------------------------------------------ step sweep */

static int sweep(const char *path) {
    static const int fs[3] = {F_SEED, F_SOFTMAX, F_TRANS};
    FILE *o = fopen(path, "w");
    int q, k;
    if (o == NULL) {
        fprintf(stderr, "bench: cannot write %s\n", path);
        return 1;
    }
    fprintf(o, "function,h,forward,central,dual,cstep\n");
    printf("error vs step h (max_ij |J - J_ref| / max(1, |J_ref|)), written to %s\n", path);
    printf("%-10s %8s %10s %10s %10s %10s\n", "function", "h", "forward", "central", "dual",
           "cstep");
    for (q = 0; q < 3; ++q) {
        const int f = fs[q], n = bench_funcs[f].n, m = bench_funcs[f].m;
        double x[BENCH_MAX_N], R[BENCH_MAX_N * BENCH_MAX_N], J[BENCH_MAX_N * BENCH_MAX_N];
        double y0[BENCH_MAX_N], yp[BENCH_MAX_N], ym[BENCH_MAX_N], ed, ec;
        bench_ctx c = {0};
        bench_point(f, 0, x);
        bench_ref_jac(f, x, R);
        tab[f][M_DUAL](x, J, &c);
        ed = relerr(J, R, n * m);
        tab[f][M_CSTEP](x, J, &c);
        ec = relerr(J, R, n * m);
        bench_eval(f, x, y0);
        for (k = 2; k <= 30; ++k) {
            const double h = pow(10.0, -0.5 * k);
            double Jf[BENCH_MAX_N * BENCH_MAX_N], Jc[BENCH_MAX_N * BENCH_MAX_N], ef, ecn;
            int i, j;
            for (j = 0; j < n; ++j) {
                const double xj = x[j], hj = h * fmax(fabs(xj), 1.0);
                const double xp = xj + hj, xm = xj - hj;
                x[j] = xp;
                bench_eval(f, x, yp);
                x[j] = xm;
                bench_eval(f, x, ym);
                x[j] = xj;
                for (i = 0; i < m; ++i) {
                    Jf[i * n + j] = (yp[i] - y0[i]) / (xp - xj);
                    Jc[i * n + j] = (yp[i] - ym[i]) / (xp - xm);
                }
            }
            ef = relerr(Jf, R, n * m);
            ecn = relerr(Jc, R, n * m);
            fprintf(o, "%s,%.3e,%.6e,%.6e,%.6e,%.6e\n", bench_funcs[f].name, h, ef, ecn, ed, ec);
            printf("%-10s %8.1e %10.2e %10.2e %10.2e %10.2e\n", bench_funcs[f].name, h, ef, ecn,
                   ed, ec);
        }
    }
    fclose(o);
    return 0;
}

/* ------------------------------------------------------------------ self-check */

static int tap_n, tap_bad;
#if defined(__GNUC__) || defined(__clang__)
static void tap(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static void tap(int ok, const char *fmt, ...) {
    va_list ap;
    printf("%sok %d - ", ok ? "" : "not ", ++tap_n);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if (!ok) ++tap_bad;
}

/* the expected evaluations of f per Jacobian (or of the gradient, for hess_fd_*) */
static double expected_evals(int f, int mth) {
    const int n = bench_funcs[f].n, w = width_of(f, mth);
    switch (mth) {
    case M_HAND:
    case M_HESS_HAND: return 0;
    case M_FD_FWD:
    case M_HESS_FD_FWD: return n + 1;
    case M_FD_CEN:
    case M_HESS_FD_CEN: return 2 * n;
    case M_CSTEP:
    case M_DUAL:
    case M_DUAL_NG: return n;
    case M_HESS_HDUAL: return n * (n + 1) / 2;
    default: return (n + w - 1) / w;
    }
}

/* sanity bounds of --check (the targets are reported by the timed run, not asserted) */
static double bound(int mth) {
    switch (mth) {
    case M_FD_FWD: return 1e-3; /* Robertson's 3e7 y2^2 term: ~2.5e-4 */
    case M_FD_CEN: return 1e-7;
    case M_HESS_FD_FWD: return 1e-4;
    case M_HESS_FD_CEN: return 1e-7;
    default: return 1e-14;
    }
}

static int check(void) {
    int f, k, mth;
    long a0;
    double t0 = now_s();
    printf("# dualjac bench --check (%s); C++: %s\n", BENCH_BUILD, bench_cpp_status);
    for (f = 0; f < F_COUNT; ++f) {
        const char *nm = bench_funcs[f].name;
        const int n = bench_funcs[f].n, m = bench_funcs[f].m;
        double x[BENCH_MAX_N], R[BENCH_MAX_N * BENCH_MAX_N], J[BENCH_MAX_N * BENCH_MAX_N];
        double e = 0.0, e2 = 0.0;
        for (k = 0; k < BENCH_POINTS; k += BENCH_POINTS - 1) {
            bench_point(f, k, x);
            bench_ref_jac(f, x, R);
            bench_ref_fd_ld(f, x, J);
            e = fmax(e, relerr(J, R, n * m));
            bench_hand_jac(f, x, J);
            e2 = fmax(e2, relerr(J, R, n * m));
        }
        tap(e <= 1e-10, "%s: long double dual reference = long double Richardson central "
                        "differences (err %.1e <= 1e-10)", nm, e);
        tap(e2 <= 1e-14, "%s: hand-written Jacobian = reference (err %.1e <= 1e-14)", nm, e2);
        if (m == 1) {
            bench_point(f, 0, x);
            bench_ref_hess(f, x, R);
            bench_hand_hess(f, x, J);
            e = relerr(J, R, n * n);
            tap(e <= 1e-13, "%s: hand-written Hessian = long double hyper-dual reference "
                            "(err %.1e <= 1e-13)", nm, e);
        }
        bench_point(f, 0, x);
        for (mth = 0; mth < M_COUNT; ++mth) {
            bench_ctx c = {0};
            double ev;
            if (tab[f][mth] == NULL) continue;
            if (tab[f][mth](x, J, &c) != 0) {
                tap(0, "%s: %s returned an error", nm, bench_methods[mth].name);
                continue;
            }
            reference(f, mth, x, R);
            e = relerr(J, R, out_size(f, mth));
            ev = expected_evals(f, mth);
            tap(e <= bound(mth) && (double)c.calls == ev,
                "%s: %s err %.1e <= %.0e, %ld evaluations (expected %g)", nm,
                bench_methods[mth].name, e, bound(mth), c.calls, ev);
        }
    }
    /* zero heap allocations on every dual-number path */
    a0 = bench_alloc_count();
    for (f = 0; f < F_COUNT; ++f) {
        double x[BENCH_MAX_N], J[BENCH_MAX_N * BENCH_MAX_N];
        bench_point(f, 0, x);
        for (mth = 0; mth < M_COUNT; ++mth) {
            bench_ctx c = {0};
            if (tab[f][mth] != NULL && bench_methods[mth].exact) tab[f][mth](x, J, &c);
        }
    }
    tap(bench_alloc_count() == a0, "no heap allocation on any exact method, every function "
                                   "(%ld counted: %s)", bench_alloc_count() - a0,
        bench_alloc_how);
    /* negative control: the counter does see an allocation */
    a0 = bench_alloc_count();
#ifdef BENCH_WRAP_MALLOC
    bench_keep = malloc(24);
#else
    bench_keep = bench_counted_malloc(24);
#endif
    free(bench_keep);
    tap(bench_alloc_count() == a0 + 1, "negative control: one malloc is counted (%ld)",
        bench_alloc_count() - a0);
    printf("1..%d\n# %d failed, %.3f s\n", tap_n, tap_bad, now_s() - t0);
    return tap_bad != 0;
}

/* ------------------------------------------------------------------ options */

static int select_names(const char *list, int *use, int count, int is_method) {
    char buf[512], *tok, *save = NULL;
    int k, any = 0;
    for (k = 0; k < count; ++k) use[k] = 0;
    if (strcmp(list, "all") == 0) {
        for (k = 0; k < count; ++k) use[k] = 1;
        return 0;
    }
    snprintf(buf, sizeof buf, "%s", list);
    for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        int found = 0;
        for (k = 0; k < count; ++k) {
            const char *nm = is_method ? bench_methods[k].name : bench_funcs[k].name;
            if (strcmp(nm, tok) == 0) use[k] = found = any = 1;
        }
        if (!found) {
            fprintf(stderr, "bench: unknown %s '%s' (see --list)\n",
                    is_method ? "method" : "function", tok);
            return 1;
        }
    }
    return !any;
}

static void usage(FILE *o) {
    fprintf(o, "usage: bench [--functions=a,b|all] [--methods=a,b|all] [--min-time=MS]\n"
               "             [--samples=K] [--csv=FILE] [--quiet]\n"
               "       bench --sweep=FILE    error vs step size of finite differences (CSV)\n"
               "       bench --check         self-check, TAP\n"
               "       bench --list          functions and methods\n"
               "The hand-written baseline (hand, hess_hand) is always timed.\n");
}

int main(int argc, char **argv) {
    double min_ms = 20.0, t0;
    int samples = 7, i, k, nf = 0, fi = 0, tty;
    const char *csv = NULL;
    bench_register_main(tab);
    bench_register_noguard(tab);
    bench_register_cpp(tab);
    for (k = 0; k < F_COUNT; ++k) use_func[k] = 1;
    for (k = 0; k < M_COUNT; ++k) use_meth[k] = 1;
    tty = isatty(2);
    for (i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (strcmp(a, "--check") == 0) return check();
        if (strncmp(a, "--sweep=", 8) == 0) return sweep(a + 8);
        if (strcmp(a, "--list") == 0) {
            for (k = 0; k < F_COUNT; ++k)
                printf("function %-12s n = %2d, m = %2d, W = %2d  %s\n", bench_funcs[k].name,
                       bench_funcs[k].n, bench_funcs[k].m, bench_funcs[k].width,
                       bench_funcs[k].what);
            for (k = 0; k < M_COUNT; ++k) {
                int f, built = 0;
                for (f = 0; f < F_COUNT; ++f) built |= tab[f][k] != NULL;
                printf("method   %-12s %s%s\n", bench_methods[k].name, bench_methods[k].what,
                       built ? "" : "  [not built]");
            }
            return 0;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--quiet") == 0) {
            tty = 0;
            continue;
        }
        if (strncmp(a, "--functions=", 12) == 0) {
            if (select_names(a + 12, use_func, F_COUNT, 0)) return 1;
        } else if (strncmp(a, "--methods=", 10) == 0) {
            if (select_names(a + 10, use_meth, M_COUNT, 1)) return 1;
        } else if (strncmp(a, "--min-time=", 11) == 0) {
            min_ms = atof(a + 11);
        } else if (strncmp(a, "--samples=", 10) == 0) {
            samples = atoi(a + 10);
        } else if (strncmp(a, "--csv=", 6) == 0) {
            csv = a + 6;
        } else {
            usage(stderr);
            return 1;
        }
    }
    if (samples < 1 || samples > 64 || !(min_ms > 0.0)) {
        fprintf(stderr, "bench: --samples must be in 1..64 and --min-time positive\n");
        return 1;
    }
    use_meth[M_HAND] = use_meth[M_HESS_HAND] = 1;
    for (k = 0; k < F_COUNT; ++k) nf += use_func[k];
    t0 = now_s();
    for (k = 0; k < F_COUNT; ++k)
        if (use_func[k]) bench_function(k, fi++, nf, samples, 1e-3 * min_ms, tty);
    fprintf(stderr, "bench: %.1f s\n", now_s() - t0);
    report(samples, 1e-3 * min_ms, csv);
    return 0;
}
