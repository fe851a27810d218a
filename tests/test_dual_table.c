/* test_dual_table.c - table-driven tests of dual.h against closed-form derivatives.
 *
 * The tests are data. Two tables list, for every function of the library (and for the worked
 * examples and identities of MATH.md sections 1-2), fixed points together with the expected
 * value f, first derivative f' and second derivative f'' written as independent closed forms in
 * long double (sinl, cosl, ... of the same point, never a call into dual.h). One generator macro
 * per number family (dual, hyper-dual, chunked) instantiates the checking loop for every type:
 *
 *   dual, dualf, duall               seed 1 and seed -0.75:  d = f', -0.75 f'
 *   hdual, hdualf, hduall            var (e1 = e2 = 1) and the general seed (2, -0.5, 0.25):
 *                                    e1 = 2 f', e2 = -0.5 f', e12 = 0.25 f' + 2 (-0.5) f''
 *   dual4, dual3 (user chunked)      weights w = (1, -0.5, 0, 2): d[k] = w[k] f' (w = 0: exactly 0)
 *
 * Binary functions are checked with partials w.r.t. each argument by seeding one argument at a
 * time; hyper-duals also give the mixed second partial by seeding e1 on one argument and e2 on
 * the other (hdual_make), and the pure ones by seeding both units on one argument.
 *
 * Every point (and every scalar parameter) is a short dyadic rational, exactly representable in
 * float, so that all types evaluate the same mathematical point and the long double reference is
 * the exact function at that point.
 *
 * TOLERANCES (relative, per type T, eps_T = T's machine epsilon):
 *   RTOL1 = 32 eps_T for values and first derivatives. Each result is a libm call (glibc: <= ~2
 *     ulps for these functions in float, double and long double) followed by a handful of
 *     correctly rounded operations (chain rule through a composite: <= ~10); the long double
 *     closed form adds <= a few ulps of long double, negligible except for duall/hduall where it
 *     is of the same size as the result's own error. 32 ulps is about 3x the worst expected;
 *     any mistake in a formula shows up as an O(1) relative error.
 *   RTOL2 = 64 eps_T for second derivatives (e12): twice as many operations in their formulas.
 *   Where the expected value is exactly 0 (cos'(0), f'' of a linear function, ...) the check is
 *   against RTOL * max(|f|, |f'|, |f''|) of the same case; a tangent seeded with weight 0 must
 *   be exactly 0.
 */
#include "dual.h"
#include "ops.h"
#include "tap.h"

#include <float.h>
#include <stddef.h>
#include <stdio.h>

DUALN_DEFINE(dual4, double, 4)
DUALN_DEFINE(dual3, double, 3)

/* ---------------------------------------------------------------------------------------------
 * Operations under test. UNARY_FUNCS are the library's functions of one number; OTHER_OPS take
 * plain parameters p, q (scalar operands, exponents) or are composite expressions (MATH.md).
 */

#define OTHER_OPS(X, N)                                                                        \
    X(N, adds) X(N, subs) X(N, muls) X(N, divs) X(N, ssub) X(N, sdiv) X(N, powi) X(N, pows)   \
    X(N, spow) X(N, fma_a) X(N, fma_b) X(N, fma_c) X(N, fma_self) X(N, add_xx) X(N, mul_xx)    \
    X(N, div_px) X(N, const99) X(N, x2_plus_3x) X(N, x2_times_x) X(N, sin_x2)                 \
    X(N, ln_sin_x3_sq) X(N, api_example) X(N, x_plus_x2) X(N, sin_x_plus_x2)                  \
    X(N, x_times_x2) X(N, ln_x2) X(N, sin_3x)


#define ENUM_OP(N, fn) OP_##fn,
#define NAME_OP(N, fn) #fn,
enum { UNARY_FUNCS(ENUM_OP, _) OTHER_OPS(ENUM_OP, _) OP_COUNT };
static const char *const op_name[] = {UNARY_FUNCS(NAME_OP, _) OTHER_OPS(NAME_OP, _)};

#define ENUM_BOP(N, fn) BOP_##fn,
enum { BINARY_FUNCS(ENUM_BOP, _) BOP_COUNT };
static const char *const bop_name[] = {BINARY_FUNCS(NAME_OP, _)};

/* One row of the unary table: op at x (parameters p, q), expected f, f', f''. */
typedef struct ucase {
    int op;
    long double x, p, q;
    long double f, d1, d2;
} ucase;

/* One row of the binary table: f(a, b) and its partials. */
typedef struct bcase {
    int op;
    long double a, b;
    long double f, fa, fb, faa, fab, fbb;
} bcase;

/* ---------------------------------------------------------------------------------------------
 * The closed forms (long double, independent of dual.h).
 */
#define PI_L acosl(-1.0L)
#define LN2_L logl(2.0L)
#define LN10_L logl(10.0L)
#define TWO_SQRTPI_L (2.0L / sqrtl(PI_L))

#define U(op, X, P, Q, F, D1, D2) {OP_##op, X, P, Q, F, D1, D2}
#define C_fabs(X) U(fabs, X, 0, 0, fabsl(X), (X) > 0 ? 1.0L : -1.0L, 0)
#define C_sqrt(X) U(sqrt, X, 0, 0, sqrtl(X), 0.5L / sqrtl(X), -0.25L / ((X) * sqrtl(X)))
#define C_cbrt(X)                                                                              \
    U(cbrt, X, 0, 0, cbrtl(X), 1 / (3 * cbrtl(X) * cbrtl(X)),                                   \
      -2 / (9 * (X) * cbrtl(X) * cbrtl(X)))
#define C_exp(X) U(exp, X, 0, 0, expl(X), expl(X), expl(X))
#define C_exp2(X) U(exp2, X, 0, 0, exp2l(X), LN2_L * exp2l(X), LN2_L * LN2_L * exp2l(X))
#define C_expm1(X) U(expm1, X, 0, 0, expm1l(X), expl(X), expl(X))
#define C_log(X) U(log, X, 0, 0, logl(X), 1 / (X), -1 / ((X) * (X)))
#define C_log2(X) U(log2, X, 0, 0, log2l(X), 1 / ((X) * LN2_L), -1 / ((X) * (X) * LN2_L))
#define C_log10(X) U(log10, X, 0, 0, log10l(X), 1 / ((X) * LN10_L), -1 / ((X) * (X) * LN10_L))
#define C_log1p(X) U(log1p, X, 0, 0, log1pl(X), 1 / (1 + (X)), -1 / ((1 + (X)) * (1 + (X))))
#define C_sin(X) U(sin, X, 0, 0, sinl(X), cosl(X), -sinl(X))
#define C_cos(X) U(cos, X, 0, 0, cosl(X), -sinl(X), -cosl(X))
#define C_tan(X)                                                                               \
    U(tan, X, 0, 0, tanl(X), 1 / (cosl(X) * cosl(X)), 2 * sinl(X) / powl(cosl(X), 3))
#define C_asin(X)                                                                              \
    U(asin, X, 0, 0, asinl(X), 1 / sqrtl(1 - (X) * (X)), (X) / powl(1 - (X) * (X), 1.5L))
#define C_acos(X)                                                                              \
    U(acos, X, 0, 0, acosl(X), -1 / sqrtl(1 - (X) * (X)), -(X) / powl(1 - (X) * (X), 1.5L))
#define C_atan(X)                                                                              \
    U(atan, X, 0, 0, atanl(X), 1 / (1 + (X) * (X)), -2 * (X) / powl(1 + (X) * (X), 2))
#define C_sinh(X) U(sinh, X, 0, 0, sinhl(X), coshl(X), sinhl(X))
#define C_cosh(X) U(cosh, X, 0, 0, coshl(X), sinhl(X), coshl(X))
#define C_tanh(X)                                                                              \
    U(tanh, X, 0, 0, tanhl(X), 1 / (coshl(X) * coshl(X)), -2 * sinhl(X) / powl(coshl(X), 3))
#define C_asinh(X)                                                                             \
    U(asinh, X, 0, 0, asinhl(X), 1 / sqrtl(1 + (X) * (X)), -(X) / powl(1 + (X) * (X), 1.5L))
#define C_acosh(X)                                                                             \
    U(acosh, X, 0, 0, acoshl(X), 1 / sqrtl((X) * (X) - 1), -(X) / powl((X) * (X) - 1, 1.5L))
#define C_atanh(X)                                                                             \
    U(atanh, X, 0, 0, atanhl(X), 1 / (1 - (X) * (X)), 2 * (X) / powl(1 - (X) * (X), 2))
#define C_erf(X)                                                                               \
    U(erf, X, 0, 0, erfl(X), TWO_SQRTPI_L * expl(-(X) * (X)),                                  \
      -2 * (X) * TWO_SQRTPI_L * expl(-(X) * (X)))
#define C_erfc(X)                                                                              \
    U(erfc, X, 0, 0, erfcl(X), -TWO_SQRTPI_L * expl(-(X) * (X)),                               \
      2 * (X) * TWO_SQRTPI_L * expl(-(X) * (X)))
#define C_floor(X) U(floor, X, 0, 0, floorl(X), 0, 0)
#define C_ceil(X) U(ceil, X, 0, 0, ceill(X), 0, 0)
#define C_trunc(X) U(trunc, X, 0, 0, truncl(X), 0, 0)
#define C_round(X) U(round, X, 0, 0, roundl(X), 0, 0)
/* sigmoid, MATH.md 1: s = 1/(1 + e^-x), s' = s (1 - s), s'' = s' (1 - 2 s); fine in long double
 * for moderate x, where 1 - s does not cancel */
#define SIG_L(X) (1 / (1 + expl(-(X))))
#define C_sigmoid_id(X)                                                                        \
    U(sigmoid, X, 0, 0, SIG_L(X), SIG_L(X) * (1 - SIG_L(X)),                                   \
      SIG_L(X) * (1 - SIG_L(X)) * (1 - 2 * SIG_L(X)))
/* the same in the tails, written with e = e^-x so nothing cancels:
 * s' = e / (1 + e)^2, s'' = e (e - 1) / (1 + e)^3 */
#define C_sigmoid(X)                                                                           \
    U(sigmoid, X, 0, 0, SIG_L(X), expl(-(X)) / powl(1 + expl(-(X)), 2),                        \
      expl(-(X)) * (expl(-(X)) - 1) / powl(1 + expl(-(X)), 3))
#define C_relu(X) U(relu, X, 0, 0, (X) > 0 ? (X) : 0, (X) > 0 ? 1.0L : 0, 0)
/* softplus = log(1 + e^x), softplus' = sigmoid, softplus'' = sigmoid' */
#define C_softplus(X)                                                                          \
    U(softplus, X, 0, 0, log1pl(expl(X)), SIG_L(X), expl(-(X)) / powl(1 + expl(-(X)), 2))
#define C_sqr(X) U(sqr, X, 0, 0, (X) * (X), 2 * (X), 2)
#define C_inv(X) U(inv, X, 0, 0, 1 / (X), -1 / ((X) * (X)), 2 / powl(X, 3))
#define C_neg(X) U(neg, X, 0, 0, -(X), -1, 0)
#define C_adds(X, P) U(adds, X, P, 0, (X) + (P), 1, 0)
#define C_subs(X, P) U(subs, X, P, 0, (X) - (P), 1, 0)
#define C_muls(X, P) U(muls, X, P, 0, (X) * (P), P, 0)
#define C_divs(X, P) U(divs, X, P, 0, (X) / (P), 1 / (P), 0)
#define C_ssub(X, P) U(ssub, X, P, 0, (P) - (X), -1, 0)
#define C_sdiv(X, P) U(sdiv, X, P, 0, (P) / (X), -(P) / ((X) * (X)), 2 * (P) / powl(X, 3))
/* x^n with powl, the exponent n passed as p */
#define C_powi(X, NN)                                                                          \
    U(powi, X, NN, 0, powl(X, NN), (NN) == 0 ? 0 : (NN) * powl(X, (NN) - 1),                    \
      (NN) == 0 || (NN) == 1 ? 0 : (NN) * ((NN) - 1) * powl(X, (NN) - 2))
#define C_pows(X, S)                                                                           \
    U(pows, X, S, 0, powl(X, S), (S) == 0 ? 0 : (S) * powl(X, (S) - 1),                         \
      (S) == 0 || (S) == 1 ? 0 : (S) * ((S) - 1) * powl(X, (S) - 2))
/* s^x (plain base s = p): (s^x)' = s^x ln s, '' = s^x ln^2 s */
#define C_spow(X, S)                                                                           \
    U(spow, X, S, 0, powl(S, X), powl(S, X) * logl(S), powl(S, X) * logl(S) * logl(S))
#define C_fma_a(X, P, Q) U(fma_a, X, P, Q, (X) * (P) + (Q), P, 0)      /* fma(x, p, q) */
#define C_fma_b(X, P, Q) U(fma_b, X, P, Q, (P) * (X) + (Q), P, 0)      /* fma(p, x, q) */
#define C_fma_c(X, P, Q) U(fma_c, X, P, Q, (P) * (Q) + (X), 1, 0)      /* fma(p, q, x) */
#define C_fma_self(X) U(fma_self, X, 0, 0, (X) * (X) + (X), 2 * (X) + 1, 2) /* fma(x, x, x) */
#define C_add_xx(X) U(add_xx, X, 0, 0, 2 * (X), 2, 0)                  /* x + x */
#define C_mul_xx(X) U(mul_xx, X, 0, 0, (X) * (X), 2 * (X), 2)          /* x * x */
#define C_div_px(X, P) U(div_px, X, P, 0, (P) / (X), -(P) / ((X) * (X)), 2 * (P) / powl(X, 3))
/* MATH.md 1, the rules table and the chain-rule worked examples */
#define C_const99(X) U(const99, X, 0, 0, 99, 0, 0) /* d/dx 99 = 0 */
#define C_x2_plus_3x(X) U(x2_plus_3x, X, 0, 0, (X) * (X) + 3 * (X), 2 * (X) + 3, 2)
#define C_x2_times_x(X) U(x2_times_x, X, 0, 0, powl(X, 3), 3 * (X) * (X), 6 * (X))
/* d/dx sin(x^2) = 2x cos(x^2);  '' = 2 cos(x^2) - 4x^2 sin(x^2) */
#define C_sin_x2(X)                                                                            \
    U(sin_x2, X, 0, 0, sinl((X) * (X)), 2 * (X) * cosl((X) * (X)),                             \
      2 * cosl((X) * (X)) - 4 * (X) * (X) * sinl((X) * (X)))
/* d/dx ln(sin(x^3)^2) = 6x^2 cos(x^3)/sin(x^3);  '' = 12x cot(x^3) - 18x^4 / sin^2(x^3) */
#define LNS_F(X) logl(powl(sinl(powl(X, 3)), 2))
#define LNS_D1(X) (6 * (X) * (X) * cosl(powl(X, 3)) / sinl(powl(X, 3)))
#define LNS_D2(X)                                                                              \
    (12 * (X) * cosl(powl(X, 3)) / sinl(powl(X, 3)) - 18 * powl(X, 4) / powl(sinl(powl(X, 3)), 2))
#define C_ln_sin_x3_sq(X) U(ln_sin_x3_sq, X, 0, 0, LNS_F(X), LNS_D1(X), LNS_D2(X))
/* API.md: dual_log(dual_sqr(dual_sin(dual_powi(dual_var(2.0), 3)))).d = 6*4*cos(8)/sin(8) */
#define C_api_example(X) U(api_example, X, 0, 0, LNS_F(X), LNS_D1(X), LNS_D2(X))
/* d/dx (x + x^2) = 1 + 2x (two paths) */
#define C_x_plus_x2(X) U(x_plus_x2, X, 0, 0, (X) + (X) * (X), 1 + 2 * (X), 2)
/* d/dx sin(x + x^2) = cos(x + x^2)(1 + 2x);  '' = -sin(u)(1 + 2x)^2 + 2 cos(u) */
#define C_sin_x_plus_x2(X)                                                                     \
    U(sin_x_plus_x2, X, 0, 0, sinl((X) + (X) * (X)), cosl((X) + (X) * (X)) * (1 + 2 * (X)),    \
      -sinl((X) + (X) * (X)) * (1 + 2 * (X)) * (1 + 2 * (X)) + 2 * cosl((X) + (X) * (X)))
/* d/dx (x * x^2) = 3x^2 */
#define C_x_times_x2(X) U(x_times_x2, X, 0, 0, powl(X, 3), 3 * (X) * (X), 6 * (X))
/* y(x) = [ln(x^2), sin(3x)]: dy/dx = [2/x, 3 cos(3x)] */
#define C_ln_x2(X) U(ln_x2, X, 0, 0, logl((X) * (X)), 2 / (X), -2 / ((X) * (X)))
#define C_sin_3x(X) U(sin_3x, X, 0, 0, sinl(3 * (X)), 3 * cosl(3 * (X)), -9 * sinl(3 * (X)))

#define B(op, A, Bv, F, FA, FB, FAA, FAB, FBB) {BOP_##op, A, Bv, F, FA, FB, FAA, FAB, FBB}
#define C2_add(A, Bv) B(add, A, Bv, (A) + (Bv), 1, 1, 0, 0, 0)
#define C2_sub(A, Bv) B(sub, A, Bv, (A) - (Bv), 1, -1, 0, 0, 0)
#define C2_mul(A, Bv) B(mul, A, Bv, (A) * (Bv), Bv, A, 0, 1, 0)
#define C2_div(A, Bv)                                                                          \
    B(div, A, Bv, (A) / (Bv), 1 / (Bv), -(A) / ((Bv) * (Bv)), 0, -1 / ((Bv) * (Bv)),            \
      2 * (A) / powl(Bv, 3))
/* r = sqrt(a^2 + b^2): r_a = a/r, r_b = b/r, r_aa = b^2/r^3, r_ab = -ab/r^3, r_bb = a^2/r^3 */
#define R_L(A, Bv) sqrtl((A) * (A) + (Bv) * (Bv))
#define C2_hypot(A, Bv)                                                                        \
    B(hypot, A, Bv, R_L(A, Bv), (A) / R_L(A, Bv), (Bv) / R_L(A, Bv),                           \
      (Bv) * (Bv) / powl(R_L(A, Bv), 3), -(A) * (Bv) / powl(R_L(A, Bv), 3),                    \
      (A) * (A) / powl(R_L(A, Bv), 3))
/* a^b: b a^(b-1), a^b ln a, b(b-1) a^(b-2), a^(b-1)(1 + b ln a), a^b ln^2 a */
#define C2_pow(A, Bv)                                                                          \
    B(pow, A, Bv, powl(A, Bv), (Bv) == 0 ? 0 : (Bv) * powl(A, (Bv) - 1), powl(A, Bv) * logl(A), \
      (Bv) * ((Bv) - 1) * powl(A, (Bv) - 2), powl(A, (Bv) - 1) * (1 + (Bv) * logl(A)),          \
      powl(A, Bv) * logl(A) * logl(A))
/* atan2(a, b), q = a^2 + b^2: b/q, -a/q, -2ab/q^2, (a^2 - b^2)/q^2, 2ab/q^2 */
#define Q_L(A, Bv) ((A) * (A) + (Bv) * (Bv))
#define C2_atan2(A, Bv)                                                                        \
    B(atan2, A, Bv, atan2l(A, Bv), (Bv) / Q_L(A, Bv), -(A) / Q_L(A, Bv),                       \
      -2 * (A) * (Bv) / powl(Q_L(A, Bv), 2), ((A) * (A) - (Bv) * (Bv)) / powl(Q_L(A, Bv), 2),  \
      2 * (A) * (Bv) / powl(Q_L(A, Bv), 2))
/* fmod(a, b) = a - q b, q = (a - fmod(a, b))/b an integer: 1, -q */
#define C2_fmod(A, Bv) B(fmod, A, Bv, fmodl(A, Bv), 1, -((A) - fmodl(A, Bv)) / (Bv), 0, 0, 0)
/* copysign(a, b) = +-a: +-1 (same sign bits: +1), 0 */
#define SGN_MATCH(A, Bv) ((signbit(A) != 0) == (signbit(Bv) != 0) ? 1.0L : -1.0L)
#define C2_copysign(A, Bv) B(copysign, A, Bv, copysignl(A, Bv), SGN_MATCH(A, Bv), 0, 0, 0, 0)
#define C2_fmin(A, Bv)                                                                         \
    B(fmin, A, Bv, (A) < (Bv) ? (A) : (Bv), (A) < (Bv) ? 1.0L : 0, (A) < (Bv) ? 0 : 1.0L, 0, 0, 0)
#define C2_fmax(A, Bv)                                                                         \
    B(fmax, A, Bv, (A) > (Bv) ? (A) : (Bv), (A) > (Bv) ? 1.0L : 0, (A) > (Bv) ? 0 : 1.0L, 0, 0, 0)

/* ---------------------------------------------------------------------------------------------
 * Comparison with the tolerance described at the top; failures print a diagnostic. The worst
 * relative error per type is reported after that type's checks.
 */
static long double worst_rel;

static int comp(const char *what, long double got, long double want, long double rtol,
                long double scale) {
    long double err;
    if (isnan(want) || isnan(got) || isinf(want) || isinf(got)) {
        if (tap_close(got, want, 0, 0)) return 1;
        tap_diag("  %s: got %.21Lg, want %.21Lg", what, got, want);
        return 0;
    }
    err = fabsl(got - want) / (fabsl(want) + scale > 0 ? fabsl(want) + scale : 1);
    if (err > worst_rel) worst_rel = err;
    if (fabsl(got - want) <= rtol * (fabsl(want) + scale)) return 1;
    tap_diag("  %s: got %.21Lg, want %.21Lg, rel err %.3Lg (tol %.3Lg)", what, got, want, err,
             rtol);
    return 0;
}

/* the fallback scale for an expected value that is exactly 0 */
static long double zscale(long double want, long double m) { return want == 0 ? m : 0; }

static long double max3(long double a, long double b, long double c) {
    a = fabsl(a), b = fabsl(b), c = fabsl(c);
    return a > b ? (a > c ? a : c) : (b > c ? b : c);
}

static void describe_u(char *buf, size_t n, const ucase *c) {
    if (c->op >= OP_adds && c->op <= OP_fma_c)
        snprintf(buf, n, "%s(x=%Lg, p=%Lg, q=%Lg)", op_name[c->op], c->x, c->p, c->q);
    else if (c->op == OP_div_px)
        snprintf(buf, n, "%s(x=%Lg, p=%Lg)", op_name[c->op], c->x, c->p);
    else
        snprintf(buf, n, "%s(x=%Lg)", op_name[c->op], c->x);
}

/* ---------------------------------------------------------------------------------------------
 * apply1_N(op, x, p, q): the operation `op` on the number x, written with N's own functions.
 */
#define APPLY_CASE(N, fn)                                                                      \
    case OP_##fn:                                                                              \
        return N##_##fn(x);

#define DEFINE_APPLY(N, S)                                                                     \
    static N apply1_##N(int op, N x, S p, S q) {                                               \
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
        case OP_fma_a: return N##_fma(x, N##_const(p), N##_const(q));                          \
        case OP_fma_b: return N##_fma(N##_const(p), x, N##_const(q));                          \
        case OP_fma_c: return N##_fma(N##_const(p), N##_const(q), x);                          \
        case OP_fma_self: return N##_fma(x, x, x);                                              \
        case OP_add_xx: return N##_add(x, x);                                                  \
        case OP_mul_xx: return N##_mul(x, x);                                                  \
        case OP_div_px: return N##_div(N##_const(p), x);                                       \
        case OP_const99: return N##_const((S)99);                                              \
        case OP_x2_plus_3x: return N##_add(N##_sqr(x), N##_muls(x, (S)3));                     \
        case OP_x2_times_x: return N##_mul(N##_sqr(x), x);                                     \
        case OP_sin_x2: return N##_sin(N##_mul(x, x));                                         \
        case OP_ln_sin_x3_sq: {                                                                \
            const N s = N##_sin(N##_mul(N##_sqr(x), x));                                       \
            return N##_log(N##_mul(s, s));                                                     \
        }                                                                                      \
        case OP_api_example: return N##_log(N##_sqr(N##_sin(N##_powi(x, 3))));                \
        case OP_x_plus_x2: return N##_add(x, N##_sqr(x));                                      \
        case OP_sin_x_plus_x2: return N##_sin(N##_add(x, N##_mul(x, x)));                      \
        case OP_x_times_x2: return N##_mul(x, N##_sqr(x));                                     \
        case OP_ln_x2: return N##_log(N##_sqr(x));                                             \
        case OP_sin_3x: return N##_sin(N##_muls(x, (S)3));                                     \
        default: break;                                                                        \
        }                                                                                      \
        (void)q;                                                                               \
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
 * The checking loops, one generator per family.
 */
#define L(x) ((long double)(x))

/* dual, dualf, duall: d = f' (seed 1), d = -0.75 f' (seed -0.75) */
#define DEFINE_CHECKS_DUAL(N, S, EPS)                                                          \
    DEFINE_APPLY(N, S)                                                                         \
    DEFINE_APPLY2(N)                                                                           \
    static void check_unary_##N(const ucase *c) {                                              \
        const long double r1 = 32 * L(EPS), m = max3(c->f, c->d1, c->d2);                      \
        const S x = (S)c->x, p = (S)c->p, q = (S)c->q;                                         \
        const N y1 = apply1_##N(c->op, N##_var(x), p, q);                                      \
        const N y2 = apply1_##N(c->op, N##_make(x, (S)-0.75), p, q);                           \
        char buf[96];                                                                          \
        int ok = 1;                                                                            \
        ok &= comp("v", L(y1.v), c->f, r1, zscale(c->f, m));                                   \
        ok &= comp("d", L(y1.d), c->d1, r1, zscale(c->d1, m));                                 \
        ok &= comp("v (seed -0.75)", L(y2.v), c->f, r1, zscale(c->f, m));                      \
        ok &= comp("d (seed -0.75)", L(y2.d), -0.75L * c->d1, r1, zscale(c->d1, m));           \
        describe_u(buf, sizeof buf, c);                                                        \
        tap_ok(ok, "%s %s: f, f'", #N, buf);                                                   \
    }                                                                                          \
    static void check_binary_##N(const bcase *c) {                                             \
        const long double r1 = 32 * L(EPS), m = max3(c->f, c->fa, c->fb);                      \
        const S a = (S)c->a, b = (S)c->b;                                                      \
        const N ya = apply2_##N(c->op, N##_var(a), N##_const(b));                              \
        const N yb = apply2_##N(c->op, N##_const(a), N##_var(b));                              \
        const N yab = apply2_##N(c->op, N##_make(a, (S)0.5), N##_make(b, (S)-2));              \
        int ok = 1;                                                                            \
        ok &= comp("v", L(ya.v), c->f, r1, zscale(c->f, m));                                   \
        ok &= comp("d/da", L(ya.d), c->fa, r1, zscale(c->fa, m));                              \
        ok &= comp("d/db", L(yb.d), c->fb, r1, zscale(c->fb, m));                              \
        ok &= comp("0.5 d/da - 2 d/db", L(yab.d), 0.5L * c->fa - 2 * c->fb, r1,                \
                   fabsl(0.5L * c->fa) + fabsl(2 * c->fb) + zscale(c->fa + c->fb, m));        \
        tap_ok(ok, "%s %s(a=%Lg, b=%Lg): f, df/da, df/db", #N, bop_name[c->op], c->a, c->b);    \
    }

/* hdual, hdualf, hduall */
#define DEFINE_CHECKS_HDUAL(N, S, EPS)                                                         \
    DEFINE_APPLY(N, S)                                                                         \
    DEFINE_APPLY2(N)                                                                           \
    static void check_unary_##N(const ucase *c) {                                              \
        const long double r1 = 32 * L(EPS), r2 = 64 * L(EPS), m = max3(c->f, c->d1, c->d2);    \
        const S x = (S)c->x, p = (S)c->p, q = (S)c->q;                                         \
        const N y1 = apply1_##N(c->op, N##_var(x), p, q);                                      \
        const N y2 = apply1_##N(c->op, N##_make(x, 2, (S)-0.5, (S)0.25), p, q);                \
        char buf[96];                                                                          \
        int ok = 1;                                                                            \
        ok &= comp("v", L(y1.v), c->f, r1, zscale(c->f, m));                                   \
        ok &= comp("e1", L(y1.e1), c->d1, r1, zscale(c->d1, m));                               \
        ok &= comp("e2", L(y1.e2), c->d1, r1, zscale(c->d1, m));                               \
        ok &= comp("e12 = f''", L(y1.e12), c->d2, r2, zscale(c->d2, m));                       \
        ok &= comp("v (seed 2,-0.5,0.25)", L(y2.v), c->f, r1, zscale(c->f, m));                \
        ok &= comp("e1 (seed 2)", L(y2.e1), 2 * c->d1, r1, zscale(c->d1, m));                  \
        ok &= comp("e2 (seed -0.5)", L(y2.e2), -0.5L * c->d1, r1, zscale(c->d1, m));           \
        ok &= comp("e12 = 0.25 f' - f''", L(y2.e12), 0.25L * c->d1 - c->d2, r2,                \
                   fabsl(0.25L * c->d1) + fabsl(c->d2) + zscale(c->d1 + c->d2, m));            \
        describe_u(buf, sizeof buf, c);                                                        \
        tap_ok(ok, "%s %s: f, f', f''", #N, buf);                                              \
    }                                                                                          \
    static void check_binary_##N(const bcase *c) {                                             \
        const long double r1 = 32 * L(EPS), r2 = 64 * L(EPS);                                  \
        const long double m = max3(max3(c->f, c->fa, c->fb), max3(c->faa, c->fab, c->fbb), 0); \
        const S a = (S)c->a, b = (S)c->b;                                                      \
        /* e1 on a, e2 on b: e1 = f_a, e2 = f_b, e12 = f_ab */                                 \
        const N y = apply2_##N(c->op, N##_make(a, 1, 0, 0), N##_make(b, 0, 1, 0));             \
        /* both units on a: e12 = f_aa; both on b: e12 = f_bb */                               \
        const N yaa = apply2_##N(c->op, N##_var(a), N##_const(b));                             \
        const N ybb = apply2_##N(c->op, N##_const(a), N##_var(b));                             \
        /* general: a = (a, 1, 0.5, 0.25), b = (b, -1, 2, 0.5):                                \
         * e1 = f_a - f_b, e2 = 0.5 f_a + 2 f_b,                                               \
         * e12 = 0.25 f_a + 0.5 f_b + 0.5 f_aa + (1*2 + 0.5*(-1)) f_ab + (-1*2) f_bb */        \
        const N yg = apply2_##N(c->op, N##_make(a, 1, (S)0.5, (S)0.25),                        \
                                N##_make(b, -1, 2, (S)0.5));                                   \
        const long double ge12 = 0.25L * c->fa + 0.5L * c->fb + 0.5L * c->faa + 1.5L * c->fab - \
                                 2 * c->fbb;                                                   \
        const long double se12 = fabsl(0.25L * c->fa) + fabsl(0.5L * c->fb) +                  \
                                 fabsl(0.5L * c->faa) + fabsl(1.5L * c->fab) + fabsl(2 * c->fbb); \
        int ok = 1;                                                                            \
        ok &= comp("v", L(y.v), c->f, r1, zscale(c->f, m));                                    \
        ok &= comp("e1 = f_a", L(y.e1), c->fa, r1, zscale(c->fa, m));                          \
        ok &= comp("e2 = f_b", L(y.e2), c->fb, r1, zscale(c->fb, m));                          \
        ok &= comp("e12 = f_ab", L(y.e12), c->fab, r2, zscale(c->fab, m));                     \
        ok &= comp("e12 = f_aa", L(yaa.e12), c->faa, r2, zscale(c->faa, m));                   \
        ok &= comp("e12 = f_bb", L(ybb.e12), c->fbb, r2, zscale(c->fbb, m));                   \
        ok &= comp("general e1", L(yg.e1), c->fa - c->fb, r1,                                  \
                   fabsl(c->fa) + fabsl(c->fb) + zscale(c->fa + c->fb, m));                    \
        ok &= comp("general e2", L(yg.e2), 0.5L * c->fa + 2 * c->fb, r1,                       \
                   fabsl(0.5L * c->fa) + fabsl(2 * c->fb) + zscale(c->fa + c->fb, m));         \
        ok &= comp("general e12", L(yg.e12), ge12, r2, se12 + zscale(se12, m));                \
        tap_ok(ok, "%s %s(a=%Lg, b=%Lg): f, partials, f_ab, f_aa, f_bb", #N, bop_name[c->op],   \
               c->a, c->b);                                                                    \
    }

/* chunked: unary weights w, binary weights wa (on a) and wb (on b) */
static const double unary_w[5] = {1, -0.5, 0, 2, 0.25};
static const double bin_wa[5] = {1, 0, 0.5, 0, 0.25};
static const double bin_wb[5] = {0, 1, -2, 0, 0.75};

#define DEFINE_CHECKS_DUALN(N, S, EPS)                                                         \
    DEFINE_APPLY(N, S)                                                                         \
    DEFINE_APPLY2(N)                                                                           \
    static void check_unary_##N(const ucase *c) {                                              \
        const long double r1 = 32 * L(EPS), m = max3(c->f, c->d1, c->d2);                      \
        const S x = (S)c->x, p = (S)c->p, q = (S)c->q;                                         \
        S w[N##_width];                                                                        \
        N y, yv;                                                                               \
        char buf[96], what[48];                                                                \
        int ok = 1;                                                                            \
        for (int k = 0; k < N##_width; ++k) w[k] = (S)unary_w[k];                              \
        y = apply1_##N(c->op, N##_make(x, w), p, q);                                           \
        yv = apply1_##N(c->op, N##_var(x, N##_width - 1), p, q);                               \
        ok &= comp("v", L(y.v), c->f, r1, zscale(c->f, m));                                    \
        for (int k = 0; k < N##_width; ++k) {                                                  \
            snprintf(what, sizeof what, "d[%d] = %g f'", k, unary_w[k]);                       \
            /* a zero weight must give exactly 0: scale 0 */                                   \
            ok &= comp(what, L(y.d[k]), L(unary_w[k]) * c->d1, r1,                             \
                       unary_w[k] == 0 ? 0 : zscale(c->d1, m));                                \
            snprintf(what, sizeof what, "var(x, %d): d[%d]", N##_width - 1, k);                \
            ok &= comp(what, L(yv.d[k]), k == N##_width - 1 ? c->d1 : 0, r1,                   \
                       k == N##_width - 1 ? zscale(c->d1, m) : 0);                             \
        }                                                                                      \
        describe_u(buf, sizeof buf, c);                                                        \
        tap_ok(ok, "%s %s: f, f' per tangent", #N, buf);                                       \
    }                                                                                          \
    static void check_binary_##N(const bcase *c) {                                             \
        const long double r1 = 32 * L(EPS), m = max3(c->f, c->fa, c->fb);                      \
        S wa[N##_width], wb[N##_width];                                                        \
        N y;                                                                                   \
        char what[48];                                                                         \
        int ok = 1;                                                                            \
        for (int k = 0; k < N##_width; ++k) wa[k] = (S)bin_wa[k], wb[k] = (S)bin_wb[k];        \
        y = apply2_##N(c->op, N##_make((S)c->a, wa), N##_make((S)c->b, wb));                   \
        ok &= comp("v", L(y.v), c->f, r1, zscale(c->f, m));                                    \
        for (int k = 0; k < N##_width; ++k) {                                                  \
            const long double want = L(bin_wa[k]) * c->fa + L(bin_wb[k]) * c->fb;             \
            const long double sc = fabsl(L(bin_wa[k]) * c->fa) + fabsl(L(bin_wb[k]) * c->fb);  \
            snprintf(what, sizeof what, "d[%d] = %g f_a + %g f_b", k, bin_wa[k], bin_wb[k]);   \
            ok &= comp(what, L(y.d[k]), want, r1,                                              \
                       bin_wa[k] == 0 && bin_wb[k] == 0 ? 0 : sc + zscale(sc, m));             \
        }                                                                                      \
        tap_ok(ok, "%s %s(a=%Lg, b=%Lg): f, partials per tangent", #N, bop_name[c->op], c->a,  \
               c->b);                                                                          \
    }

DEFINE_CHECKS_DUAL(dual, double, DBL_EPSILON)
DEFINE_CHECKS_DUAL(dualf, float, FLT_EPSILON)
DEFINE_CHECKS_DUAL(duall, long double, LDBL_EPSILON)
DEFINE_CHECKS_HDUAL(hdual, double, DBL_EPSILON)
DEFINE_CHECKS_HDUAL(hdualf, float, FLT_EPSILON)
DEFINE_CHECKS_HDUAL(hduall, long double, LDBL_EPSILON)
DEFINE_CHECKS_DUALN(dual4, double, DBL_EPSILON)
DEFINE_CHECKS_DUALN(dual3, double, DBL_EPSILON)

/* run every row of both tables on type N, then report the worst relative error seen */
#define RUN_TYPE(N, EPS)                                                                       \
    do {                                                                                       \
        worst_rel = 0;                                                                         \
        for (size_t i = 0; i < nu; ++i) check_unary_##N(&ut[i]);                               \
        for (size_t i = 0; i < nb; ++i) check_binary_##N(&bt[i]);                              \
        tap_diag("%s: worst relative error %.3Lg = %.1Lf ulps of the type", #N, worst_rel,     \
                 worst_rel / L(EPS));                                                          \
    } while (0)

/* The identities of MATH.md, checked once as plain closed-form relations (type dual). */
static void check_identities(void) {
    /* the API.md example, literally */
    const dual y = dual_log(dual_sqr(dual_sin(dual_powi(dual_var(2.0), 3))));
    tap_near(L(y.d), 6.0L * 4 * cosl(8) / sinl(8), 32 * L(DBL_EPSILON), 0,
             "API.md example: dual_log(dual_sqr(dual_sin(dual_powi(dual_var(2.0), 3)))).d = "
             "6*4*cos(8)/sin(8)");
    tap_near(L(y.v), logl(sinl(8) * sinl(8)), 32 * L(DBL_EPSILON), 0, "API.md example: value");
    /* d/dx x^2 = 2x: the slope at x = 1 is 2 */
    tap_ok(dual_sqr(dual_var(1.0)).d == 2, "MATH.md 1: d/dx x^2 at x = 1 is 2");
    /* sigmoid' = s (1 - s) in double arithmetic, at points where 1 - s does not cancel */
    for (int i = -4; i <= 4; ++i) {
        const double x = 0.75 * i;
        const dual s = dual_sigmoid(dual_var(x));
        const long double sl = 1 / (1 + expl(-L(x)));
        tap_near(L(s.d), sl * (1 - sl), 32 * L(DBL_EPSILON), 0,
                 "MATH.md 1: sigmoid'(%g) = s(1 - s)", x);
    }
    /* the vector function y(x) = [ln(x^2), sin(3x)] as a chunked pass with one direction */
    {
        const dual4 x = dual4_var(0.5, 2);
        const dual4 y0 = dual4_log(dual4_sqr(x)), y1 = dual4_sin(dual4_muls(x, 3));
        tap_near(L(y0.d[2]), 2 / 0.5L, 32 * L(DBL_EPSILON), 0, "MATH.md 1: d/dx ln(x^2) = 2/x");
        tap_near(L(y1.d[2]), 3 * cosl(1.5L), 32 * L(DBL_EPSILON), 0,
                 "MATH.md 1: d/dx sin(3x) = 3 cos(3x)");
        tap_ok(y0.d[0] == 0 && y0.d[1] == 0 && y0.d[3] == 0 && y1.d[0] == 0 && y1.d[1] == 0 &&
                   y1.d[3] == 0,
               "MATH.md 1: unseeded directions of [ln(x^2), sin(3x)] are 0");
    }
    /* type traits of the generator */
    tap_ok(dual_width == 1 && dualf_width == 1 && duall_width == 1 && hdual_width == 1 &&
               hdualf_width == 1 && hduall_width == 1 && dual4_width == 4 && dual3_width == 3,
           "name_width: 1 for dual and hdual families, N for chunked");
    tap_ok(sizeof(dual_scalar) == sizeof(double) && sizeof(dualf_scalar) == sizeof(float) &&
               sizeof(duall_scalar) == sizeof(long double) &&
               sizeof(hdual_scalar) == sizeof(double) && sizeof(dual4_scalar) == sizeof(double),
           "name_scalar is the scalar type");
    tap_ok(_Generic((dual_scalar)0, double: 1, default: 0) &&
               _Generic((dualf_scalar)0, float: 1, default: 0) &&
               _Generic((duall_scalar)0, long double: 1, default: 0) &&
               _Generic((hdualf_scalar)0, float: 1, default: 0) &&
               _Generic((dual3_scalar)0, double: 1, default: 0),
           "name_scalar has the exact scalar type");
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0); /* keep every TAP line even if a check crashes */

    const ucase ut[] = {
        C_fabs(-2.5L), C_fabs(-0.375L), C_fabs(0.75L), C_fabs(3.0L),
        C_sqrt(0.25L), C_sqrt(1.0L), C_sqrt(2.0L), C_sqrt(6.25L), C_sqrt(100.0L),
        C_cbrt(-8.0L), C_cbrt(-0.5L), C_cbrt(0.125L), C_cbrt(3.0L), C_cbrt(27.0L),
        C_exp(-3.0L), C_exp(-0.5L), C_exp(0.0L), C_exp(1.0L), C_exp(2.5L), C_exp(10.0L),
        C_exp2(-4.0L), C_exp2(-0.75L), C_exp2(0.0L), C_exp2(1.5L), C_exp2(10.0L),
        C_expm1(-2.0L), C_expm1(0.0009765625L), C_expm1(0.5L), C_expm1(3.0L),
        C_log(0.125L), C_log(0.5L), C_log(1.0L), C_log(2.0L), C_log(10.0L), C_log(1000.0L),
        C_log2(0.25L), C_log2(1.0L), C_log2(3.0L), C_log2(1024.0L),
        C_log10(0.5L), C_log10(1.0L), C_log10(7.0L), C_log10(1000.0L),
        C_log1p(-0.875L), C_log1p(-0.5L), C_log1p(0.0009765625L), C_log1p(1.0L), C_log1p(10.0L),
        C_sin(-2.0L), C_sin(0.0L), C_sin(0.5L), C_sin(1.5L), C_sin(3.0L), C_sin(10.0L),
        C_cos(-2.0L), C_cos(0.0L), C_cos(0.5L), C_cos(1.5L), C_cos(3.0L), C_cos(10.0L),
        C_tan(-1.25L), C_tan(0.0L), C_tan(0.5L), C_tan(1.0L), C_tan(1.5L),
        C_asin(-0.875L), C_asin(-0.5L), C_asin(0.0L), C_asin(0.25L), C_asin(0.75L),
        C_asin(0.96875L),
        C_acos(-0.875L), C_acos(-0.5L), C_acos(0.0L), C_acos(0.25L), C_acos(0.75L),
        C_acos(0.96875L),
        C_atan(-10.0L), C_atan(-1.0L), C_atan(0.0L), C_atan(0.5L), C_atan(3.0L),
        C_sinh(-3.0L), C_sinh(0.0L), C_sinh(0.5L), C_sinh(2.0L), C_sinh(10.0L),
        C_cosh(-3.0L), C_cosh(0.0L), C_cosh(0.5L), C_cosh(2.0L), C_cosh(10.0L),
        C_tanh(-12.0L), C_tanh(-1.0L), C_tanh(0.0L), C_tanh(0.5L), C_tanh(2.0L), C_tanh(10.0L),
        C_asinh(-5.0L), C_asinh(-0.5L), C_asinh(0.0L), C_asinh(1.0L), C_asinh(20.0L),
        C_acosh(1.0625L), C_acosh(1.5L), C_acosh(2.0L), C_acosh(10.0L),
        C_atanh(-0.875L), C_atanh(-0.25L), C_atanh(0.0L), C_atanh(0.5L), C_atanh(0.9375L),
        C_erf(-3.0L), C_erf(-0.5L), C_erf(0.0L), C_erf(0.75L), C_erf(2.0L),
        /* erfc stops at 7: erfc(10) ~ 2e-45 is subnormal in float */
        C_erfc(-1.0L), C_erfc(0.0L), C_erfc(0.5L), C_erfc(2.0L), C_erfc(5.0L), C_erfc(7.0L),
        C_floor(-2.75L), C_floor(-0.25L), C_floor(1.5L), C_floor(3.25L),
        C_ceil(-2.75L), C_ceil(-0.25L), C_ceil(1.5L), C_ceil(3.25L),
        C_trunc(-2.75L), C_trunc(-0.25L), C_trunc(1.5L), C_trunc(3.25L),
        C_round(-2.75L), C_round(-0.25L), C_round(1.5L), C_round(3.25L),
        C_sigmoid_id(-2.0L), C_sigmoid_id(0.0L), C_sigmoid_id(0.5L), C_sigmoid_id(3.0L),
        C_sigmoid(-40.0L), C_sigmoid(-30.0L), C_sigmoid(-8.0L), C_sigmoid(8.0L),
        C_sigmoid(30.0L), C_sigmoid(40.0L),
        C_relu(-3.0L), C_relu(-0.5L), C_relu(0.5L), C_relu(2.0L),
        C_softplus(-30.0L), C_softplus(-2.0L), C_softplus(0.0L), C_softplus(0.5L),
        C_softplus(4.0L), C_softplus(30.0L),
        C_sqr(-3.0L), C_sqr(0.5L), C_sqr(1.0L), C_sqr(2.5L),
        C_inv(-4.0L), C_inv(-0.5L), C_inv(0.25L), C_inv(3.0L),
        C_neg(-1.5L), C_neg(2.0L),
        C_adds(1.5L, 2.25L), C_adds(-3.0L, -0.5L),
        C_subs(1.5L, 2.25L), C_subs(-3.0L, -0.5L),
        C_muls(1.5L, 3.0L), C_muls(-2.0L, -0.25L), /* d/dx 3x = 3 */
        C_divs(1.5L, 4.0L), C_divs(-3.0L, 0.75L),
        C_ssub(1.5L, 5.0L), C_ssub(-2.0L, 0.5L),
        C_sdiv(2.0L, 3.0L), C_sdiv(-0.5L, 1.5L),
        /* powi: positive, zero and negative n (d/dx x^3 = 3x^2) */
        C_powi(1.5L, 3.0L), C_powi(-1.5L, 3.0L), C_powi(2.0L, 0.0L), C_powi(3.0L, 1.0L),
        C_powi(3.0L, 2.0L), C_powi(-2.0L, 5.0L), C_powi(1.25L, 10.0L), C_powi(2.0L, -1.0L),
        C_powi(0.5L, -2.0L), C_powi(-1.5L, -3.0L),
        C_pows(2.0L, 0.5L), C_pows(1.5L, 2.5L), C_pows(3.0L, -1.5L), C_pows(0.5L, 3.0L),
        C_pows(2.0L, 0.0L), C_pows(2.0L, 1.0L),
        C_spow(1.5L, 2.0L), C_spow(-2.0L, 0.5L), C_spow(0.75L, 10.0L), C_spow(0.0L, 3.0L),
        C_fma_a(1.5L, 2.0L, -3.0L), C_fma_b(1.5L, 2.0L, -3.0L), C_fma_c(1.5L, 2.0L, -3.0L),
        C_fma_self(1.5L), C_fma_self(-2.0L),
        C_add_xx(1.5L), C_mul_xx(-2.5L), C_div_px(0.5L, 3.0L), C_div_px(-2.0L, 1.0L),
        /* MATH.md 1: rules and chain-rule worked examples */
        C_const99(1.5L), C_x2_plus_3x(2.0L), C_x2_plus_3x(-1.0L), C_x2_times_x(1.5L),
        C_sin_x2(0.5L), C_sin_x2(1.5L), C_sin_x2(-2.0L),
        C_ln_sin_x3_sq(0.75L), C_ln_sin_x3_sq(1.25L), C_ln_sin_x3_sq(2.0L),
        C_api_example(2.0L), C_api_example(0.75L),
        C_x_plus_x2(0.5L), C_x_plus_x2(-3.0L),
        C_sin_x_plus_x2(0.5L), C_sin_x_plus_x2(1.5L),
        C_x_times_x2(1.5L), C_x_times_x2(-2.0L),
        C_ln_x2(0.5L), C_ln_x2(-2.0L), C_ln_x2(3.0L),
        C_sin_3x(0.25L), C_sin_3x(1.0L), C_sin_3x(-2.0L),
    };
    const bcase bt[] = {
        C2_add(1.5L, -2.5L), C2_add(0.75L, 4.0L),
        C2_sub(1.5L, -2.5L), C2_sub(0.75L, 4.0L),
        C2_mul(1.5L, -2.5L), C2_mul(-3.0L, 0.5L),
        C2_div(1.5L, -2.5L), C2_div(0.75L, 4.0L), C2_div(-3.0L, 0.5L),
        C2_hypot(3.0L, 4.0L), C2_hypot(-1.5L, 2.0L), C2_hypot(0.5L, -0.25L), C2_hypot(5.0L, 0.0L),
        C2_pow(1.5L, 2.5L), C2_pow(2.0L, -1.5L), C2_pow(0.75L, 3.0L), C2_pow(3.0L, 0.5L),
        C2_pow(2.0L, 0.0L), C2_pow(5.0L, 1.0L),
        C2_atan2(1.0L, 2.0L), C2_atan2(-1.5L, 0.5L), C2_atan2(2.0L, -3.0L),
        C2_atan2(-0.75L, -0.25L),
        C2_copysign(2.0L, 3.0L), C2_copysign(2.0L, -3.0L), C2_copysign(-2.0L, 3.0L),
        C2_copysign(-2.0L, -3.0L), C2_copysign(1.5L, -0.0L),
        C2_fmin(1.0L, 2.0L), C2_fmin(2.0L, 1.0L), C2_fmin(-3.0L, -0.5L),
        C2_fmax(1.0L, 2.0L), C2_fmax(2.0L, 1.0L), C2_fmax(-3.0L, -0.5L),
        C2_fmod(5.5L, 2.0L), C2_fmod(-5.5L, 2.0L), C2_fmod(5.5L, -2.0L), C2_fmod(7.25L, 1.5L),
        C2_fmod(1.5L, 2.0L), C2_fmod(-0.75L, 4.0L), /* quotient 0 */
    };
    const size_t nu = sizeof ut / sizeof ut[0], nb = sizeof bt / sizeof bt[0];

    check_identities();
    RUN_TYPE(dual, DBL_EPSILON);
    RUN_TYPE(dualf, FLT_EPSILON);
    RUN_TYPE(duall, LDBL_EPSILON);
    RUN_TYPE(hdual, DBL_EPSILON);
    RUN_TYPE(hdualf, FLT_EPSILON);
    RUN_TYPE(hduall, LDBL_EPSILON);
    RUN_TYPE(dual4, DBL_EPSILON);
    RUN_TYPE(dual3, DBL_EPSILON);
    return tap_done();
}
