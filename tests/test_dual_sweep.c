/* test_dual_sweep.c - every function of dual.h against an independent high-precision reference
 * at >= 200 points across its domain (241 points per unary function, a 16 x 16 grid = 256 points
 * per binary function), for dual, hdual, dual4 (double), dualf, hdualf (float) and duall, hduall
 * (long double).
 *
 * REFERENCE FIRST DERIVATIVES, in long double (64-bit mantissa on x86; eps_ld = 1.08e-19):
 *   - analytic functions: the complex step in long double complex,
 *         f'(x) = Im f(x + i HC) / HC,   HC = 2^-100,
 *     with the long double complex libm (csinl, clogl, catanl, cpowl, ...). No subtraction, so no
 *     cancellation; the O(HC^2) truncation is ~1e-60 relative. Allowance: 16 eps_ld |f'| (the
 *     complex libm's error) + 1e-40 (the HC^2 term at points where f' = 0).
 *   - the others (fabs relu floor ceil trunc round erf erfc fmod copysign fmin fmax): a 9-point
 *     (8th order) central difference of the long double libm function,
 *         D(g, x, h) = [4/5 (g(x+h) - g(x-h)) - 1/5 (g(x+2h) - g(x-2h))
 *                       + 4/105 (g(x+3h) - g(x-3h)) - 1/280 (g(x+4h) - g(x-4h))] / h,
 *     h = L/128, L the largest power of two <= min(natural length scale of f at x, a quarter of
 *     the distance to the nearest kink, pole, domain edge or complex singularity). h is a power
 *     of two and the points are doubles (floats for float types): every x + k h is exact.
 *     Allowance: rounding 2.08 (sum of |weights|) * 2 eps_ld (glibc's long double libm is within
 *     ~1 ulp here; measured worst 0.7 ulp) * max|g| / h, plus truncation |D(h) - D(2h)| / 16
 *     (D(2h)'s truncation error is 256x D(h)'s, so this is >= 16x D(h)'s). For erf and erfc the
 *     difference is taken of erfc in its small tail, so rounding is relative to the tail.
 * REFERENCE SECOND DERIVATIVES (hyper-duals): the same 9-point difference applied to the closed
 *   form f' written below in long double (each closed form is itself checked against the first-
 *   derivative reference: the "reference self-check" TAP lines, 16 eps_ld).
 *
 * TOLERANCES. A comparison passes when |got - ref| <= rtol (|ref| + floor) + allowance:
 *   values and first derivatives: rtol = 8 eps_T. A value is one libm call (glibc: <= 1-2 ulps);
 *     a first-derivative rule is one libm call and 1-4 correctly rounded operations: <= ~4 ulps
 *     expected, 8 leaves a 2x margin. (Measured with glibc 2.36: worst 0.4 of the tolerance for
 *     double and float types, dualf pow.)
 *   second derivatives (e12): rtol = 16 eps_T (twice the operations), plus a floor |f'| / L
 *     (binary: (|f_a| + |f_b|) / L): a second-derivative rule may legitimately be a difference of
 *     terms of that size (pow's f_ab = a^(b-1) (1 + b ln a), atan2's f_b^2 - f_a^2), and near its
 *     zeros only accuracy relative to the size of those terms is asked for.
 *   float types: the same ulp counts of float, against the long double reference at the same
 *     float points (the reference's error is negligible at float precision).
 *   long double types: the same ulp counts of long double, at double points. Here the
 *     reference's allowance is of the size of the tolerance (16 eps_ld for the complex step, more
 *     for the differences), so these lines check long double results only as tightly as a long
 *     double reference allows.
 * One TAP line per (function, type); the diagnostic after it gives the worst relative error of
 * the value and of each derivative (the error in excess of the reference's allowance, relative to
 * |ref|) and the worst ratio of error to tolerance (<= 1 passes).
 */
#include "dual.h"
#include "ops.h"
#include "tap.h"

#include <complex.h>
#include <float.h>
#include <stddef.h>
#include <stdio.h>

DUALN_DEFINE(dual4, double, 4)

#define L(x) ((long double)(x))
#define NPTS 241 /* points per unary function */
#define NGRID 16 /* binary functions: a 16 x 16 grid = 256 points */

/* ---------------------------------------------------------------------------------------------
 * Operations
 */
#define PARAM_OPS(X, N)                                                                        \
    X(N, adds) X(N, subs) X(N, muls) X(N, divs) X(N, ssub) X(N, sdiv) X(N, powi) X(N, pows)   \
    X(N, spow) X(N, fma)

#define ENUM_OP(N, fn) OP_##fn,
#define ENUM_BOP(N, fn) BOP_##fn,
enum { UNARY_FUNCS(ENUM_OP, _) PARAM_OPS(ENUM_OP, _) OP_COUNT };
enum { BINARY_FUNCS(ENUM_BOP, _) BOP_COUNT };

#define APPLY_CASE(N, fn)                                                                      \
    case OP_##fn:                                                                              \
        return N##_##fn(x);
#define DEFINE_APPLY(N, S)                                                                     \
    static N apply1_##N(int op, N x, S p) {                                                    \
        switch (op) {                                                                          \
            UNARY_FUNCS(APPLY_CASE, N)                                                         \
        case OP_adds: return N##_adds(x, p);                                                   \
        case OP_subs: return N##_subs(x, p);                                                   \
        case OP_muls: return N##_muls(x, p);                                                   \
        case OP_divs: return N##_divs(x, p);                                                   \
        case OP_ssub: return N##_ssub(p, x);                                                   \
        case OP_sdiv: return N##_sdiv(p, x);                                                   \
        case OP_powi: return N##_powi(x, (int)p);                                              \
        case OP_pows: return N##_pows(x, p);                                                   \
        case OP_spow: return N##_spow(p, x);                                                   \
        case OP_fma: return N##_fma(x, N##_const(p), x); /* p x + x */                         \
        default: break;                                                                        \
        }                                                                                      \
        return N##_const((S)NAN);                                                              \
    }
#define APPLY2_CASE(N, fn)                                                                     \
    case BOP_##fn:                                                                             \
        return N##_##fn(a, b);
#define DEFINE_APPLY2(N)                                                                       \
    static N apply2_##N(int op, N a, N b) {                                                    \
        switch (op) {                                                                          \
            BINARY_FUNCS(APPLY2_CASE, N)                                                       \
        default: break;                                                                        \
        }                                                                                      \
        return a;                                                                              \
    }

/* ---------------------------------------------------------------------------------------------
 * Reference functions in long double: the value f, the closed-form derivative f' (only used as
 * the function whose difference gives the f'' reference, and checked itself, see the top), and
 * for analytic functions the complex extension used for the complex step.
 */
typedef long double _Complex lcplx;

#define REF(name, F, DF)                                                                       \
    static long double rf_##name(long double x, long double p) {                               \
        (void)p;                                                                               \
        return F;                                                                              \
    }                                                                                          \
    static long double rd_##name(long double x, long double p) {                               \
        (void)x, (void)p;                                                                      \
        return DF;                                                                             \
    }
#define REFC(name, CF)                                                                         \
    static lcplx cf_##name(lcplx z, long double p) {                                           \
        (void)p;                                                                               \
        return CF;                                                                             \
    }
#define PI_L acosl(-1.0L)

static long double sig_l(long double x) { /* 1/(1 + e^-x) without overflow */
    return x >= 0 ? 1 / (1 + expl(-x)) : expl(x) / (1 + expl(x));
}
static long double dsig_l(long double x) { /* e^-|x| / (1 + e^-|x|)^2 */
    const long double e = expl(-fabsl(x));
    return e / ((1 + e) * (1 + e));
}
/* exp(-x^2) with x^2 = hi + lo split exactly (fmal), so that the rounding of x^2 (relative
 * error ~ x^2 ulps in the result) does not enter */
static long double expmsq_l(long double x) {
    const long double hi = x * x, lo = fmal(x, x, -hi);
    return expl(-hi) * expl(-lo);
}
static lcplx cpowi_l(lcplx z, long double n) { /* z^n by multiplication (no branch cut) */
    lcplx r = 1;
    for (int k = 0; k < (int)fabsl(n); ++k) r *= z;
    return n < 0 ? 1 / r : r;
}

REF(fabs, fabsl(x), x > 0 ? 1.0L : -1.0L)
REF(sqrt, sqrtl(x), 0.5L / sqrtl(x))
REF(cbrt, cbrtl(x), 1 / (3 * cbrtl(x) * cbrtl(x)))
REF(exp, expl(x), expl(x))
REF(exp2, exp2l(x), logl(2.0L) * exp2l(x))
REF(expm1, expm1l(x), expl(x))
REF(log, logl(x), 1 / x)
REF(log2, log2l(x), 1 / (x * logl(2.0L)))
REF(log10, log10l(x), 1 / (x * logl(10.0L)))
REF(log1p, log1pl(x), 1 / (1 + x))
REF(sin, sinl(x), cosl(x))
REF(cos, cosl(x), -sinl(x))
REF(tan, tanl(x), 1 / (cosl(x) * cosl(x)))
REF(asin, asinl(x), 1 / sqrtl((1 - x) * (1 + x)))
REF(acos, acosl(x), -1 / sqrtl((1 - x) * (1 + x)))
REF(atan, atanl(x), 1 / (1 + x * x))
REF(sinh, sinhl(x), coshl(x))
REF(cosh, coshl(x), sinhl(x))
REF(tanh, tanhl(x), 1 / (coshl(x) * coshl(x)))
REF(asinh, asinhl(x), 1 / sqrtl(1 + x * x))
REF(acosh, acoshl(x), 1 / sqrtl((x - 1) * (x + 1)))
REF(atanh, atanhl(x), 1 / ((1 - x) * (1 + x)))
REF(erf, erfl(x), 2 / sqrtl(PI_L) * expmsq_l(x))
REF(erfc, erfcl(x), -2 / sqrtl(PI_L) * expmsq_l(x))
REF(floor, floorl(x), 0)
REF(ceil, ceill(x), 0)
REF(trunc, truncl(x), 0)
REF(round, roundl(x), 0)
REF(sigmoid, sig_l(x), dsig_l(x))
REF(relu, x > 0 ? x : 0, x > 0 ? 1.0L : 0)
REF(softplus, x > 0 ? x + log1pl(expl(-x)) : log1pl(expl(x)), sig_l(x))
REF(sqr, x * x, 2 * x)
REF(inv, 1 / x, -1 / (x * x))
REF(neg, -x, -1)
REF(adds, x + p, 1)
REF(subs, x - p, 1)
REF(muls, x * p, p)
REF(divs, x / p, 1 / p)
REF(ssub, p - x, -1)
REF(sdiv, p / x, -p / (x * x))
REF(powi, powl(x, p), p == 0 ? 0 : p * powl(x, p - 1))
REF(pows, powl(x, p), p == 0 ? 0 : p * powl(x, p - 1))
REF(spow, powl(p, x), powl(p, x) * logl(p))
REF(fma, x * p + x, p + 1)

/* complex extensions (long double complex libm), analytic near the real points swept */
REFC(sqrt, csqrtl(z))
REFC(cbrt, creall(z) >= 0 ? cpowl(z, 1.0L / 3) : -cpowl(-z, 1.0L / 3))
REFC(exp, cexpl(z))
REFC(exp2, cexpl(z * logl(2.0L)))
REFC(expm1, cexpl(z) - 1) /* only the imaginary part is used: no cancellation */
REFC(log, clogl(z))
REFC(log2, clogl(z) / logl(2.0L))
REFC(log10, clogl(z) / logl(10.0L))
REFC(log1p, clogl(1 + z))
REFC(sin, csinl(z))
REFC(cos, ccosl(z))
REFC(tan, ctanl(z))
REFC(asin, casinl(z))
REFC(acos, cacosl(z))
REFC(atan, catanl(z))
REFC(sinh, csinhl(z))
REFC(cosh, ccoshl(z))
REFC(tanh, ctanhl(z))
REFC(asinh, casinhl(z))
REFC(acosh, cacoshl(z))
REFC(atanh, catanhl(z))
REFC(sigmoid, 1 / (1 + cexpl(-z)))
REFC(softplus, creall(z) > 0 ? z + clogl(1 + cexpl(-z)) : clogl(1 + cexpl(z)))
REFC(sqr, z * z)
REFC(inv, 1 / z)
REFC(neg, -z)
REFC(adds, z + p)
REFC(subs, z - p)
REFC(muls, z * p)
REFC(divs, z / p)
REFC(ssub, p - z)
REFC(sdiv, p / z)
REFC(powi, cpowi_l(z, p))
REFC(pows, cpowl(z, p))
REFC(spow, cexpl(z * logl(p)))
REFC(fma, z * p + z)

/* For erf and erfc the difference is taken of erfc in its small tail (erf(t) = erfc(-t) - 1 =
 * 1 - erfc(t)), so that rounding is relative to the small tail and not to |erf| ~ 1. The second
 * argument is the centre x of the stencil. */
static long double sf_erf(long double t, long double x) { return x > 0 ? -erfcl(t) : erfcl(-t); }
static long double sf_erfc(long double t, long double x) { return x > 0 ? erfcl(t) : -erfcl(-t); }

/* distance from x to the nearest kink, pole, discontinuity, domain edge or complex singularity */
static long double dist_none(long double x) { (void)x; return HUGE_VALL; }
static long double dist_0(long double x) { return fabsl(x); }
static long double dist_pm1(long double x) { return 1 - fabsl(x); }
static long double dist_p1(long double x) { return x - 1; }
static long double dist_m1(long double x) { return 1 + x; }
static long double dist_pole_tan(long double x) { return fabsl(cosl(x)); } /* <= true distance */
static long double dist_i(long double x) { return sqrtl(1 + x * x); }    /* poles at +-i */
static long double dist_ipi2(long double x) { return sqrtl(x * x + 2.4674L); } /* +-i pi/2 */
static long double dist_ipi(long double x) { return sqrtl(x * x + 9.8696L); }  /* +-i pi */
static long double dist_int(long double x) {
    const long double f = x - floorl(x);
    return f < 0.5L ? f : 1 - f;
}
static long double dist_half(long double x) { return fabsl(x - floorl(x) - 0.5L); }

/* natural length scale: 1 (exp-like and periodic functions), |x| (power-like functions, whose
 * derivatives scale like f / x^k), or 0.5/(1+|x|) where the function varies like exp(-x^2) */
static long double scale_one(long double x) { (void)x; return 1; }
static long double scale_abs(long double x) { return fabsl(x) > 1 ? fabsl(x) : 1; }
static long double scale_gauss(long double x) { return 0.5L / (1 + fabsl(x)); }

typedef struct ufn {
    const char *name;
    int op;
    long double p;
    long double lo, hi;
    int logspace;
    long double (*f)(long double, long double);
    long double (*df)(long double, long double);
    lcplx (*cf)(lcplx, long double);            /* complex extension, or NULL */
    long double (*sf)(long double, long double); /* function differenced if not f, or NULL */
    long double (*dist)(long double);
    long double (*scale)(long double);
} ufn;

#define UF(name, op, p, lo, hi, lg, dist, scale)                                               \
    {name, OP_##op, p, lo, hi, lg, rf_##op, rd_##op, cf_##op, NULL, dist, scale}
#define UF_NC(name, op, p, lo, hi, lg, dist, scale, sf) /* not analytic: differences only */     \
    {name, OP_##op, p, lo, hi, lg, rf_##op, rd_##op, NULL, sf, dist, scale}

static const ufn ufns[] = {
    UF_NC("fabs", fabs, 0, -5, 5, 0, dist_0, scale_one, NULL),
    UF("sqrt", sqrt, 0, 1e-6L, 1e6L, 1, dist_0, scale_abs),
    UF("cbrt", cbrt, 0, -8, 8, 0, dist_0, scale_abs),
    UF("exp", exp, 0, -30, 30, 0, dist_none, scale_one),
    UF("exp2", exp2, 0, -40, 40, 0, dist_none, scale_one),
    UF("expm1", expm1, 0, -5, 5, 0, dist_none, scale_one),
    UF("log", log, 0, 1e-6L, 1e6L, 1, dist_0, scale_abs),
    UF("log2", log2, 0, 1e-6L, 1e6L, 1, dist_0, scale_abs),
    UF("log10", log10, 0, 1e-6L, 1e6L, 1, dist_0, scale_abs),
    UF("log1p", log1p, 0, -0.99L, 10, 0, dist_m1, scale_abs),
    UF("sin", sin, 0, -20, 20, 0, dist_none, scale_one),
    UF("cos", cos, 0, -20, 20, 0, dist_none, scale_one),
    UF("tan", tan, 0, -4.5L, 4.5L, 0, dist_pole_tan, scale_one),
    UF("asin", asin, 0, -0.999L, 0.999L, 0, dist_pm1, scale_one),
    UF("acos", acos, 0, -0.999L, 0.999L, 0, dist_pm1, scale_one),
    UF("atan", atan, 0, -50, 50, 0, dist_i, scale_abs),
    UF("sinh", sinh, 0, -20, 20, 0, dist_none, scale_one),
    UF("cosh", cosh, 0, -20, 20, 0, dist_none, scale_one),
    UF("tanh", tanh, 0, -20, 20, 0, dist_ipi2, scale_one),
    UF("asinh", asinh, 0, -50, 50, 0, dist_i, scale_abs),
    UF("acosh", acosh, 0, 1.001L, 50, 0, dist_p1, scale_abs),
    UF("atanh", atanh, 0, -0.999L, 0.999L, 0, dist_pm1, scale_one),
    UF_NC("erf", erf, 0, -3, 3, 0, dist_none, scale_gauss, sf_erf),
    UF_NC("erfc", erfc, 0, -3, 8, 0, dist_none, scale_gauss, sf_erfc),
    UF_NC("floor", floor, 0, -5.3L, 5.3L, 0, dist_int, scale_one, NULL),
    UF_NC("ceil", ceil, 0, -5.3L, 5.3L, 0, dist_int, scale_one, NULL),
    UF_NC("trunc", trunc, 0, -5.3L, 5.3L, 0, dist_int, scale_one, NULL),
    UF_NC("round", round, 0, -5.3L, 5.3L, 0, dist_half, scale_one, NULL),
    UF("sigmoid", sigmoid, 0, -40, 40, 0, dist_ipi, scale_one),
    UF_NC("relu", relu, 0, -5, 5, 0, dist_0, scale_one, NULL),
    UF("softplus", softplus, 0, -40, 40, 0, dist_ipi, scale_one),
    UF("sqr", sqr, 0, -10, 10, 0, dist_none, scale_abs),
    UF("inv", inv, 0, -10, 10, 0, dist_0, scale_abs),
    UF("neg", neg, 0, -10, 10, 0, dist_none, scale_one),
    UF("adds(x, 2.5)", adds, 2.5L, -10, 10, 0, dist_none, scale_one),
    UF("subs(x, 2.5)", subs, 2.5L, -10, 10, 0, dist_none, scale_one),
    UF("muls(x, -3)", muls, -3, -10, 10, 0, dist_none, scale_one),
    UF("divs(x, 3)", divs, 3, -10, 10, 0, dist_none, scale_one),
    UF("ssub(2.5, x)", ssub, 2.5L, -10, 10, 0, dist_none, scale_one),
    UF("sdiv(3, x)", sdiv, 3, -10, 10, 0, dist_0, scale_abs),
    UF("powi(x, 0)", powi, 0, -5, 5, 0, dist_none, scale_one),
    UF("powi(x, 3)", powi, 3, -5, 5, 0, dist_none, scale_abs),
    UF("powi(x, 7)", powi, 7, -3, 3, 0, dist_none, scale_abs),
    UF("powi(x, -1)", powi, -1, -5, 5, 0, dist_0, scale_abs),
    UF("powi(x, -4)", powi, -4, -5, 5, 0, dist_0, scale_abs),
    UF("pows(x, 0.5)", pows, 0.5L, 1e-3L, 1e3L, 1, dist_0, scale_abs),
    UF("pows(x, 2.5)", pows, 2.5L, 1e-3L, 1e3L, 1, dist_0, scale_abs),
    UF("pows(x, -1.5)", pows, -1.5L, 1e-3L, 1e3L, 1, dist_0, scale_abs),
    UF("pows(x, 0)", pows, 0, 1e-3L, 1e3L, 1, dist_0, scale_abs),
    UF("spow(2, x)", spow, 2, -20, 20, 0, dist_none, scale_one),
    UF("spow(0.5, x)", spow, 0.5L, -20, 20, 0, dist_none, scale_one),
    UF("spow(10, x)", spow, 10, -20, 20, 0, dist_none, scale_one),
    UF("fma(x, 1.5, x)", fma, 1.5L, -10, 10, 0, dist_none, scale_one),
};
#define NUFN (sizeof ufns / sizeof ufns[0])

/* Binary functions: value, closed-form partials, complex extensions in a and in b (NULL where
 * not analytic), and the distance to a kink, discontinuity or singularity when moving a (dir 0)
 * or b (dir 1), already divided by the natural scale. */
static long double fmod_q(long double a, long double b) { return (a - fmodl(a, b)) / b; }
static long double frac_dist(long double t) { /* distance from t to the nearest integer */
    return fabsl(t - roundl(t));
}

typedef struct bfn {
    const char *name;
    int op;
    long double alo, ahi, blo, bhi;
    long double (*f)(long double, long double);
    long double (*fa)(long double, long double);
    long double (*fb)(long double, long double);
    lcplx (*ca)(lcplx, long double); /* f(z, b) */
    lcplx (*cb)(long double, lcplx); /* f(a, z) */
    long double (*dist)(long double, long double, int dir);
} bfn;

#define BREF(name, F, FA, FB, DIST)                                                            \
    static long double bf_##name(long double a, long double b) { return F; }                   \
    static long double bfa_##name(long double a, long double b) {                              \
        (void)a, (void)b;                                                                      \
        return FA;                                                                             \
    }                                                                                          \
    static long double bfb_##name(long double a, long double b) {                              \
        (void)a, (void)b;                                                                      \
        return FB;                                                                             \
    }                                                                                          \
    static long double bd_##name(long double a, long double b, int dir) {                      \
        (void)a, (void)b, (void)dir;                                                           \
        return DIST;                                                                           \
    }
#define BREFC(name, CA, CB)                                                                    \
    static lcplx bca_##name(lcplx z, long double b) { return CA; }                             \
    static lcplx bcb_##name(long double a, lcplx z) { return CB; }

BREF(add, a + b, 1, 1, HUGE_VALL)
BREF(sub, a - b, 1, -1, HUGE_VALL)
BREF(mul, a * b, b, a, HUGE_VALL)
BREF(div, a / b, 1 / b, -a / (b * b), dir == 0 ? HUGE_VALL : fabsl(b))
/* hypot(a, b) = sqrt(a^2 + b^2): branch points at a = +-ib (and b = +-ia): distance r */
BREF(hypot, hypotl(a, b), a / hypotl(a, b), b / hypotl(a, b), hypotl(a, b))
/* a^b: singular at a = 0; in b it is exp(b ln a), of length scale 1/|ln a| */
BREF(pow, powl(a, b), b * powl(a, b - 1), powl(a, b) * logl(a),
     dir == 0 ? a : 1 / (fabsl(logl(a)) > 1 ? fabsl(logl(a)) : 1))
/* atan2(a, b): pole at the origin (complex distance r), branch cut a = 0, b < 0 */
BREF(atan2, atan2l(a, b), b / (a * a + b * b), -a / (a * a + b * b),
     dir == 0 && b < 0 ? fminl(fabsl(a), hypotl(a, b)) : hypotl(a, b))
/* fmod jumps where a/b is an integer: moving a by da moves a/b by da/|b|, moving b by db moves
 * it by about |a| db / b^2 */
BREF(fmod, fmodl(a, b), 1, -fmod_q(a, b),
     dir == 0 ? frac_dist(a / b) * fabsl(b) : frac_dist(a / b) * b * b / (fabsl(a) + fabsl(b)))
BREF(copysign, copysignl(a, b), (signbit(a) != 0) == (signbit(b) != 0) ? 1.0L : -1.0L, 0,
     dir == 0 ? fabsl(a) : fabsl(b))
BREF(fmin, fminl(a, b), a < b ? 1.0L : 0, a < b ? 0 : 1.0L, fabsl(a - b))
BREF(fmax, fmaxl(a, b), a > b ? 1.0L : 0, a > b ? 0 : 1.0L, fabsl(a - b))

BREFC(add, z + b, a + z)
BREFC(sub, z - b, a - z)
BREFC(mul, z * b, a * z)
BREFC(div, z / b, a / z)
BREFC(hypot, csqrtl(z * z + b * b), csqrtl(a * a + z * z))
BREFC(pow, cpowl(z, b), cexpl(z * logl(a)))
BREFC(atan2, catanl(z / b), catanl(a / z)) /* atan2(a, b) = atan(a/b) + const: same slope */

#define BF(name, op, alo, ahi, blo, bhi)                                                       \
    {name, BOP_##op, alo, ahi, blo, bhi, bf_##op, bfa_##op, bfb_##op, bca_##op, bcb_##op, bd_##op}
#define BF_NC(name, op, alo, ahi, blo, bhi)                                                    \
    {name, BOP_##op, alo, ahi, blo, bhi, bf_##op, bfa_##op, bfb_##op, NULL, NULL, bd_##op}
static const bfn bfns[] = {
    BF("add", add, -5, 5, -5, 5),
    BF("sub", sub, -5, 5, -5, 5),
    BF("mul", mul, -5, 5, -5, 5),
    BF("div", div, -5, 5, -5, 5),
    BF("hypot", hypot, -5, 5, -5, 5),
    BF("pow", pow, 0.05L, 5, -3, 3),
    BF("atan2", atan2, -5, 5, -5, 5),
    BF_NC("fmod", fmod, -10, 10, -4, 4),
    BF_NC("copysign", copysign, -5, 5, -5, 5),
    BF_NC("fmin", fmin, -5, 5, -4, 4),
    BF_NC("fmax", fmax, -5, 5, -4, 4),
};
#define NBFN (sizeof bfns / sizeof bfns[0])

/* ---------------------------------------------------------------------------------------------
 * The reference derivatives.
 */
/* complex step: f'(x) = Im f(x + i HC) / HC, exact to O(HC^2); HC a power of two */
#define HC 0x1p-100L
/* error allowance of a complex-step derivative: 16 ulps of long double (the complex libm's
 * error; the self-check lines confirm it against the closed forms; exp2, spow and pows add the
 * argument's amplification of the rounded constant, see uref_at), plus 1e-40 for the O(HC^2)
 * term (HC^2 f'''(x) / 6, HC^2 = 6e-61), far below the smallest derivative swept (~1e-17) */
#define CS_NOISE(d) (16 * LDBL_EPSILON * fabsl(d) + 1e-40L)

/* re + i im (CMPLXL is not available to every compiler; C11 lays a complex out as re, im) */
static lcplx mkc(long double re, long double im) {
    lcplx z;
    ((long double *)&z)[0] = re;
    ((long double *)&z)[1] = im;
    return z;
}

typedef struct g1 { /* a function of one variable t, for the stencil */
    long double (*u)(long double, long double); /* unary: u(t, p) */
    long double p;
    long double (*b)(long double, long double); /* binary: b(t, other) or b(other, t) */
    long double other;
    int dir;
} g1;

static long double g1_eval(const g1 *g, long double t) {
    if (g->u) return g->u(t, g->p);
    return g->dir == 0 ? g->b(t, g->other) : g->b(g->other, t);
}

/* 9-point central difference; *gmax gets max |g| on the stencil */
static long double stencil(const g1 *g, long double x, long double h, long double *gmax) {
    static const long double w[4] = {4.0L / 5, -1.0L / 5, 4.0L / 105, -1.0L / 280};
    long double s = 0;
    for (int k = 4; k >= 1; --k) {
        const long double gp = g1_eval(g, x + k * h), gm = g1_eval(g, x - k * h);
        if (fabsl(gp) > *gmax) *gmax = fabsl(gp);
        if (fabsl(gm) > *gmax) *gmax = fabsl(gm);
        s += w[k - 1] * (gp - gm);
    }
    return s / h;
}

/* derivative by differences, and its error allowance, at x with the length scale Ls:
 * rounding 2.08 * (2 ulps) * max|g| / h, truncation |D(h) - D(2h)| / 16 (>= 16x the truncation
 * error of D(h), as D(2h)'s is 256x D(h)'s) */
static long double ref_deriv(const g1 *g, long double x, long double Ls, long double *noise) {
    const long double h = Ls / 128;
    long double gmax = 0;
    const long double d1 = stencil(g, x, h, &gmax), d2 = stencil(g, x, 2 * h, &gmax);
    *noise = 2.0834L * 2 * LDBL_EPSILON * gmax / h + fabsl(d1 - d2) / 16;
    return d1;
}

/* the length scale: largest power of two <= min(scale, dist / 4); 0 means skip the point */
static long double length_scale(long double scale, long double dist) {
    long double m = scale < dist / 4 ? scale : dist / 4;
    if (!(m > 0) || !isfinite(m)) return isinf(m) ? 1 : 0;
    return ldexpl(1, ilogbl(m));
}

/* ---------------------------------------------------------------------------------------------
 * Statistics of one (function, type) sweep: worst relative error per component, worst ratio of
 * error to tolerance, and where it happened.
 */
enum { C_V, C_D1, C_D2, C_N }; /* value, first and second derivatives */

typedef struct stats {
    int points, bad;
    long double worst_rel[C_N];
    long double worst_ratio;
    char where[160];
} stats;

static void st_init(stats *st) { memset(st, 0, sizeof *st); }

/* |got - ref| <= rtol (|ref| + floor) + noise */
static void st_check(stats *st, int c, const char *what, long double x, long double x2,
                     long double got, long double ref, long double rtol, long double floor_,
                     long double noise) {
    const long double err = fabsl(got - ref);
    const long double tol = rtol * (fabsl(ref) + floor_) + noise;
    const long double ratio =
        isnan(err) ? HUGE_VALL : tol > 0 ? err / tol : (err > 0 ? HUGE_VALL : 0);
    /* reported: the error in excess of the reference's own uncertainty, relative to |ref| */
    const long double excess = err > noise ? err - noise : 0;
    const long double rel = ref != 0 ? excess / fabsl(ref) : excess;
    if (isnan(rel) || rel > st->worst_rel[c]) st->worst_rel[c] = isnan(rel) ? HUGE_VALL : rel;
    if (ratio > 1) ++st->bad;
    if (ratio > st->worst_ratio || (isinf(ratio) && !isinf(st->worst_ratio))) {
        st->worst_ratio = ratio;
        snprintf(st->where, sizeof st->where,
                 "%s at (%.17Lg, %.17Lg): got %.21Lg, ref %.21Lg (tol %.3Lg)", what, x, x2, got,
                 ref, tol);
    }
}

static void st_report(const stats *st, const char *type, const char *fn, int has_d2) {
    tap_ok(st->bad == 0 && st->points >= 200, "%s %s: %d points against the reference", type,
           fn, st->points);
    if (has_d2)
        tap_diag("  worst rel err: f %.3Lg, f' %.3Lg, f'' %.3Lg; worst err/tol %.3Lg (%d bad)",
                 st->worst_rel[C_V], st->worst_rel[C_D1], st->worst_rel[C_D2], st->worst_ratio,
                 st->bad);
    else
        tap_diag("  worst rel err: f %.3Lg, f' %.3Lg; worst err/tol %.3Lg (%d bad)",
                 st->worst_rel[C_V], st->worst_rel[C_D1], st->worst_ratio, st->bad);
    if (st->bad) tap_diag("  worst: %s", st->where);
}

/* ---------------------------------------------------------------------------------------------
 * Reference at one point of a unary function: 0 if the point is skipped.
 */
typedef struct uref {
    long double f, d1, n1, d2, n2, Ls;
} uref;

static long double upoint(const ufn *u, int i) {
    const long double t = (long double)i / (NPTS - 1);
    if (u->logspace) return u->lo * powl(u->hi / u->lo, t);
    return u->lo + (u->hi - u->lo) * t;
}

static int uref_at(const ufn *u, long double x, int second, uref *r) {
    g1 g = {u->sf ? u->sf : u->f, u->sf ? x : u->p, NULL, 0, 0};
    r->Ls = length_scale(u->scale(x), u->dist(x));
    if (r->Ls == 0) return 0;
    r->f = u->f(x, u->p);
    if (!isfinite(r->f)) return 0;
    if (u->cf) {
        r->d1 = cimagl(u->cf(mkc(x, HC), u->p)) / HC;
        r->n1 = CS_NOISE(r->d1);
        /* exp(z ln 2), exp(z ln p), exp(p clog z): the rounding of ln 2, ln p, log x (half an ulp)
         * is multiplied by the argument, |x ln 2|, |x ln p|, |p ln x|, in the result */
        if (u->op == OP_exp2) r->n1 += LDBL_EPSILON * fabsl(x * logl(2.0L) * r->d1);
        if (u->op == OP_spow) r->n1 += LDBL_EPSILON * fabsl(x * logl(u->p) * r->d1);
        if (u->op == OP_pows) r->n1 += LDBL_EPSILON * fabsl(u->p * logl(x) * r->d1);
    } else {
        r->d1 = ref_deriv(&g, x, r->Ls, &r->n1);
    }
    if (second) {
        g.u = u->df, g.p = u->p;
        r->d2 = ref_deriv(&g, x, r->Ls, &r->n2);
    }
    return 1;
}

/* The reference self-check: the closed-form f' used for f'' agrees with the difference of f. */
static void check_reference(void) {
    for (size_t j = 0; j < NUFN; ++j) {
        const ufn *u = &ufns[j];
        stats st;
        st_init(&st);
        for (int i = 0; i < NPTS; ++i) {
            const long double x = L((double)upoint(u, i));
            uref r;
            if (!uref_at(u, x, 0, &r)) continue;
            ++st.points;
            st_check(&st, C_D1, "f'", x, 0, u->df(x, u->p), r.d1, 16 * LDBL_EPSILON, 0, r.n1);
        }
        tap_ok(st.bad == 0 && st.points >= 200,
               "reference self-check %s: closed-form f' = 9-point difference of f (%d points)",
               u->name, st.points);
        tap_diag("  worst err/tol %.3Lg%s%s", st.worst_ratio, st.bad ? ": " : "",
                 st.bad ? st.where : "");
    }
}

/* ---------------------------------------------------------------------------------------------
 * The sweeps, one generator per family. P is the type the points are rounded to (float for
 * float types, double otherwise).
 */
#define DEFINE_SWEEP_DUAL(N, S, P, EPS)                                                        \
    DEFINE_APPLY(N, S)                                                                         \
    DEFINE_APPLY2(N)                                                                           \
    static void sweep_##N(const ufn *u) {                                                      \
        const long double rt = 8 * L(EPS);                                                    \
        stats st;                                                                              \
        st_init(&st);                                                                          \
        for (int i = 0; i < NPTS; ++i) {                                                       \
            const S xs = (S)(P)upoint(u, i);                                                   \
            const long double x = L(xs);                                                       \
            uref r;                                                                            \
            N y;                                                                               \
            if (!uref_at(u, x, 0, &r)) continue;                                               \
            ++st.points;                                                                       \
            y = apply1_##N(u->op, N##_var(xs), (S)u->p);                                       \
            st_check(&st, C_V, "f", x, 0, L(y.v), r.f, rt, 0, 0);                              \
            st_check(&st, C_D1, "f'", x, 0, L(y.d), r.d1, rt, 0, r.n1);                        \
        }                                                                                      \
        st_report(&st, #N, u->name, 0);                                                        \
    }                                                                                          \
    static void sweep2_##N(const bfn *bf) {                                                    \
        const long double rt = 8 * L(EPS);                                                    \
        stats st;                                                                              \
        st_init(&st);                                                                          \
        for (int i = 0; i < NGRID; ++i)                                                        \
            for (int j = 0; j < NGRID; ++j) {                                                  \
                const S as = (S)(P)(bf->alo + (bf->ahi - bf->alo) * i / (NGRID - 1));          \
                const S bs = (S)(P)(bf->blo + (bf->bhi - bf->blo) * j / (NGRID - 1));          \
                const long double a = L(as), b = L(bs);                                        \
                b2ref r;                                                                       \
                N ya, yb;                                                                      \
                if (!bref_at(bf, a, b, 0, &r)) continue;                                       \
                ++st.points;                                                                   \
                ya = apply2_##N(bf->op, N##_var(as), N##_const(bs));                           \
                yb = apply2_##N(bf->op, N##_const(as), N##_var(bs));                           \
                st_check(&st, C_V, "f", a, b, L(ya.v), r.f, rt, 0, 0);                         \
                st_check(&st, C_D1, "f_a", a, b, L(ya.d), r.fa, rt, 0, r.na);                  \
                st_check(&st, C_D1, "f_b", a, b, L(yb.d), r.fb, rt, 0, r.nb);                  \
            }                                                                                  \
        st_report(&st, #N, bf->name, 0);                                                       \
    }

#define DEFINE_SWEEP_HDUAL(N, S, P, EPS)                                                       \
    DEFINE_APPLY(N, S)                                                                         \
    DEFINE_APPLY2(N)                                                                           \
    static void sweep_##N(const ufn *u) {                                                      \
        const long double rt = 8 * L(EPS), rt2 = 16 * L(EPS);                                 \
        stats st;                                                                              \
        st_init(&st);                                                                          \
        for (int i = 0; i < NPTS; ++i) {                                                       \
            const S xs = (S)(P)upoint(u, i);                                                   \
            const long double x = L(xs);                                                       \
            uref r;                                                                            \
            N y;                                                                               \
            if (!uref_at(u, x, 1, &r)) continue;                                               \
            ++st.points;                                                                       \
            y = apply1_##N(u->op, N##_var(xs), (S)u->p);                                       \
            st_check(&st, C_V, "f", x, 0, L(y.v), r.f, rt, 0, 0);                              \
            st_check(&st, C_D1, "e1", x, 0, L(y.e1), r.d1, rt, 0, r.n1);                       \
            st_check(&st, C_D1, "e2", x, 0, L(y.e2), r.d1, rt, 0, r.n1);                       \
            st_check(&st, C_D2, "e12", x, 0, L(y.e12), r.d2, rt2, fabsl(r.d1) / r.Ls, r.n2);   \
        }                                                                                      \
        st_report(&st, #N, u->name, 1);                                                        \
    }                                                                                          \
    static void sweep2_##N(const bfn *bf) {                                                    \
        const long double rt = 8 * L(EPS), rt2 = 16 * L(EPS);                                 \
        stats st;                                                                              \
        st_init(&st);                                                                          \
        for (int i = 0; i < NGRID; ++i)                                                        \
            for (int j = 0; j < NGRID; ++j) {                                                  \
                const S as = (S)(P)(bf->alo + (bf->ahi - bf->alo) * i / (NGRID - 1));          \
                const S bs = (S)(P)(bf->blo + (bf->bhi - bf->blo) * j / (NGRID - 1));          \
                const long double a = L(as), b = L(bs);                                        \
                b2ref r;                                                                       \
                N y, yaa, ybb;                                                                 \
                long double fl;                                                                \
                if (!bref_at(bf, a, b, 1, &r)) continue;                                       \
                ++st.points;                                                                   \
                fl = (fabsl(r.fa) + fabsl(r.fb)) / (r.La < r.Lb ? r.La : r.Lb);                \
                /* e1 on a, e2 on b */                                                         \
                y = apply2_##N(bf->op, N##_make(as, 1, 0, 0), N##_make(bs, 0, 1, 0));          \
                yaa = apply2_##N(bf->op, N##_var(as), N##_const(bs));                          \
                ybb = apply2_##N(bf->op, N##_const(as), N##_var(bs));                          \
                st_check(&st, C_V, "f", a, b, L(y.v), r.f, rt, 0, 0);                          \
                st_check(&st, C_D1, "e1 = f_a", a, b, L(y.e1), r.fa, rt, 0, r.na);             \
                st_check(&st, C_D1, "e2 = f_b", a, b, L(y.e2), r.fb, rt, 0, r.nb);             \
                st_check(&st, C_D2, "e12 = f_ab", a, b, L(y.e12), r.fab, rt2, fl, r.nab);      \
                st_check(&st, C_D2, "e12 = f_aa", a, b, L(yaa.e12), r.faa, rt2, fl, r.naa);    \
                st_check(&st, C_D2, "e12 = f_bb", a, b, L(ybb.e12), r.fbb, rt2, fl, r.nbb);    \
            }                                                                                  \
        st_report(&st, #N, bf->name, 1);                                                       \
    }

static const double chunk_w[4] = {1, -2, 0, 0.5};
static const double chunk_wa[4] = {1, 0, 0.5, 0};
static const double chunk_wb[4] = {0, 1, 0.25, 0};

#define DEFINE_SWEEP_DUALN(N, S, P, EPS)                                                       \
    DEFINE_APPLY(N, S)                                                                         \
    DEFINE_APPLY2(N)                                                                           \
    static void sweep_##N(const ufn *u) {                                                      \
        const long double rt = 8 * L(EPS);                                                    \
        S w[N##_width];                                                                        \
        stats st;                                                                              \
        st_init(&st);                                                                          \
        for (int k = 0; k < N##_width; ++k) w[k] = (S)chunk_w[k];                              \
        for (int i = 0; i < NPTS; ++i) {                                                       \
            const S xs = (S)(P)upoint(u, i);                                                   \
            const long double x = L(xs);                                                       \
            uref r;                                                                            \
            N y;                                                                               \
            if (!uref_at(u, x, 0, &r)) continue;                                               \
            ++st.points;                                                                       \
            y = apply1_##N(u->op, N##_make(xs, w), (S)u->p);                                   \
            st_check(&st, C_V, "f", x, 0, L(y.v), r.f, rt, 0, 0);                              \
            for (int k = 0; k < N##_width; ++k)                                                \
                st_check(&st, C_D1, "d[k] = w[k] f'", x, k, L(y.d[k]), L(chunk_w[k]) * r.d1,   \
                         rt, 0, fabsl(L(chunk_w[k])) * r.n1);                                  \
        }                                                                                      \
        st_report(&st, #N, u->name, 0);                                                        \
    }                                                                                          \
    static void sweep2_##N(const bfn *bf) {                                                    \
        const long double rt = 8 * L(EPS);                                                    \
        S wa[N##_width], wb[N##_width];                                                        \
        stats st;                                                                              \
        st_init(&st);                                                                          \
        for (int k = 0; k < N##_width; ++k) wa[k] = (S)chunk_wa[k], wb[k] = (S)chunk_wb[k];    \
        for (int i = 0; i < NGRID; ++i)                                                        \
            for (int j = 0; j < NGRID; ++j) {                                                  \
                const S as = (S)(P)(bf->alo + (bf->ahi - bf->alo) * i / (NGRID - 1));          \
                const S bs = (S)(P)(bf->blo + (bf->bhi - bf->blo) * j / (NGRID - 1));          \
                const long double a = L(as), b = L(bs);                                        \
                b2ref r;                                                                       \
                N y;                                                                           \
                if (!bref_at(bf, a, b, 0, &r)) continue;                                       \
                ++st.points;                                                                   \
                y = apply2_##N(bf->op, N##_make(as, wa), N##_make(bs, wb));                    \
                st_check(&st, C_V, "f", a, b, L(y.v), r.f, rt, 0, 0);                          \
                for (int k = 0; k < N##_width; ++k) {                                          \
                    const long double ta = L(chunk_wa[k]) * r.fa, tb = L(chunk_wb[k]) * r.fb;  \
                    st_check(&st, C_D1, "d[k] = wa[k] f_a + wb[k] f_b", a, b, L(y.d[k]),        \
                             ta + tb, rt, fabsl(ta) + fabsl(tb),                               \
                             fabsl(L(chunk_wa[k])) * r.na + fabsl(L(chunk_wb[k])) * r.nb);     \
                }                                                                              \
            }                                                                                  \
        st_report(&st, #N, bf->name, 0);                                                       \
    }

/* Reference at one grid point of a binary function. */
typedef struct b2ref {
    long double f, fa, na, fb, nb, La, Lb;
    long double fab, nab, faa, naa, fbb, nbb;
} b2ref;

static int bref_at(const bfn *bf, long double a, long double b, int second, b2ref *r) {
    g1 ga = {NULL, 0, bf->f, b, 0}, gb = {NULL, 0, bf->f, a, 1};
    r->La = length_scale(1, bf->dist(a, b, 0));
    r->Lb = length_scale(1, bf->dist(a, b, 1));
    if (r->La == 0 || r->Lb == 0) return 0;
    r->f = bf->f(a, b);
    if (!isfinite(r->f)) return 0;
    if (bf->ca) {
        r->fa = cimagl(bf->ca(mkc(a, HC), b)) / HC, r->na = CS_NOISE(r->fa);
        r->fb = cimagl(bf->cb(a, mkc(b, HC))) / HC, r->nb = CS_NOISE(r->fb);
    } else {
        r->fa = ref_deriv(&ga, a, r->La, &r->na);
        r->fb = ref_deriv(&gb, b, r->Lb, &r->nb);
    }
    if (second) {
        /* f_ab = d/db of the closed-form f_a; f_aa = d/da f_a; f_bb = d/db f_b */
        g1 g = {NULL, 0, bf->fa, a, 1};
        r->fab = ref_deriv(&g, b, r->Lb, &r->nab);
        g.other = b, g.dir = 0;
        r->faa = ref_deriv(&g, a, r->La, &r->naa);
        g.b = bf->fb, g.other = a, g.dir = 1;
        r->fbb = ref_deriv(&g, b, r->Lb, &r->nbb);
    }
    return 1;
}

DEFINE_SWEEP_DUAL(dual, double, double, DBL_EPSILON)
DEFINE_SWEEP_DUAL(dualf, float, float, FLT_EPSILON)
DEFINE_SWEEP_DUAL(duall, long double, double, LDBL_EPSILON)
DEFINE_SWEEP_HDUAL(hdual, double, double, DBL_EPSILON)
DEFINE_SWEEP_HDUAL(hdualf, float, float, FLT_EPSILON)
DEFINE_SWEEP_HDUAL(hduall, long double, double, LDBL_EPSILON)
DEFINE_SWEEP_DUALN(dual4, double, double, DBL_EPSILON)

/* The binary closed forms are checked against the difference, too. */
static void check_reference2(void) {
    for (size_t j = 0; j < NBFN; ++j) {
        const bfn *bf = &bfns[j];
        stats st;
        st_init(&st);
        for (int i = 0; i < NGRID; ++i)
            for (int k = 0; k < NGRID; ++k) {
                const long double a = L((double)(bf->alo + (bf->ahi - bf->alo) * i / (NGRID - 1)));
                const long double b = L((double)(bf->blo + (bf->bhi - bf->blo) * k / (NGRID - 1)));
                b2ref r;
                if (!bref_at(bf, a, b, 0, &r)) continue;
                ++st.points;
                st_check(&st, C_D1, "f_a", a, b, bf->fa(a, b), r.fa, 16 * LDBL_EPSILON, 0, r.na);
                st_check(&st, C_D1, "f_b", a, b, bf->fb(a, b), r.fb, 16 * LDBL_EPSILON, 0, r.nb);
            }
        tap_ok(st.bad == 0 && st.points >= 200,
               "reference self-check %s: closed-form partials = 9-point differences (%d points)",
               bf->name, st.points);
        tap_diag("  worst err/tol %.3Lg%s%s", st.worst_ratio, st.bad ? ": " : "",
                 st.bad ? st.where : "");
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (LDBL_MANT_DIG < 64) { /* the reference needs a long double wider than double */
        tap_ok(1, "# SKIP long double has %d bits, the reference needs >= 64", LDBL_MANT_DIG);
        return tap_done();
    }
    check_reference();
    check_reference2();
    for (size_t j = 0; j < NUFN; ++j) {
        sweep_dual(&ufns[j]);
        sweep_hdual(&ufns[j]);
        sweep_dual4(&ufns[j]);
        sweep_dualf(&ufns[j]);
        sweep_hdualf(&ufns[j]);
        sweep_duall(&ufns[j]);
        sweep_hduall(&ufns[j]);
    }
    for (size_t j = 0; j < NBFN; ++j) {
        sweep2_dual(&bfns[j]);
        sweep2_hdual(&bfns[j]);
        sweep2_dual4(&bfns[j]);
        sweep2_dualf(&bfns[j]);
        sweep2_hdualf(&bfns[j]);
        sweep2_duall(&bfns[j]);
        sweep2_hduall(&bfns[j]);
    }
    return tap_done();
}
