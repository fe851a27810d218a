/* dual.h - dualjac: forward-mode automatic differentiation with dual numbers, in C11.
 *
 * Version 0.1.0 (DUALJAC_VERSION_MAJOR/MINOR/PATCH below). MIT license (see LICENSE).
 *
 * Exact derivatives of ordinary-looking C code, with no step size and no truncation error:
 * replace `double` by `dual`, seed the input you differentiate by, and every result carries its
 * derivative alongside its value. Hyper-dual numbers give exact second derivatives; chunked
 * (vector) duals carry N directions in one pass. jacobian.h builds Jacobians, gradients and
 * Hessians from these types.
 *
 * USAGE
 *
 *     #include "dual.h"
 *
 *     dual x = dual_var(2.0);                              // value 2, tangent 1
 *     dual y = dual_log(dual_sqr(dual_sin(dual_powi(x, 3))));
 *     // y.v = ln(sin(8)^2), y.d = 6*2^2*cos(8)/sin(8), exactly
 *
 *     hdual h = hdual_var(2.0);                            // e1 = e2 = 1
 *     hdual z = hdual_exp(hdual_sqr(h));                   // z.e12 = d^2/dx^2 exp(x^2) at 2
 *
 *     DUALN_DEFINE(dual4, double, 4)                       // at file scope: 4 tangents per number
 *     dual4 u = dual4_var(1.0, 0), w = dual4_var(3.0, 1);  // seed directions 0 and 1
 *     dual4 p = dual4_mul(u, w);                           // p.d = {3, 1, 0, 0}
 *
 *     // one body for every type, through the _Generic front end:
 *     #define SQUARE_PLUS_SIN(x) ad_add(ad_sqr(x), ad_sin(x))
 *
 * Compile with any C11 compiler: `cc -std=c11 -I path/to/dualjac app.c -lm`. Nothing to link
 * but libm.
 *
 * CONFIGURATION (define before including)
 *
 *   DUAL_API            linkage of every generated function; default `static inline` plus an
 *                       "unused" attribute, so that using a few functions warns about nothing.
 *   DUAL_NO_ZERO_GUARD  drop the zero-tangent guard (see CONVENTIONS); only for measuring its
 *                       cost, never in production.
 *   DUAL_NO_COMPLEX     leave `double _Complex` (and <complex.h>) out of the generic front end.
 *   DUAL_NO_LONG_DOUBLE do not predefine duall and hduall.
 *   DUAL_GENERIC_USER(op)  let your own chunked types join the generic front end:
 *                       #define DUAL_GENERIC_USER(op) DUAL_GENERIC_ENTRY(dual4, op) \
 *                                                     DUAL_GENERIC_ENTRY(dual8, op)
 *                       Define it before including dual.h (or #undef it and define it after);
 *                       it is expanded where ad_* is used, so the types may come later.
 *
 * TYPES
 *
 *   DUAL_DEFINE(name, T)      typedef struct name { T v; T d; } name;           value, tangent
 *   HDUAL_DEFINE(name, T)     typedef struct name { T v, e1, e2, e12; } name;   hyper-dual
 *   DUALN_DEFINE(name, T, N)  typedef struct name { T v; T d[N]; } name;        N tangents
 *   Each also defines `typedef T name_scalar;` and `enum { name_width = W };` (W = N for
 *   chunked types, 1 otherwise) so that other generators (JAC_DEFINE) can find T and N.
 *   Predefined: dual, dualf, duall (double, float, long double); hdual, hdualf, hduall.
 *   T is float, double or long double; the libm call matches it (sinf, sin, sinl).
 *
 * CATALOGUE (every function exists for every type; `name_` stands for the type's name)
 *
 *   constructors  name_make(v, d) / (v, e1, e2, e12) / (v, const T d[N] or NULL)
 *                 name_const(v)       tangents 0
 *                 name_var(v)         dual: d = 1; hyper-dual: e1 = e2 = 1, e12 = 0
 *                 name_var(v, k)      chunked: d[k] = 1 (k outside [0, N): all tangents 0)
 *                 name_value(a)       the value part
 *   arithmetic    add sub mul div neg
 *                 adds(a,s) a+s   subs(a,s) a-s   muls(a,s) a*s   divs(a,s) a/s
 *                 ssub(s,a) s-a   sdiv(s,a) s/a   (s a plain T; one operation per part)
 *                 sqr inv powi(a, int n) fma(a, b, c)
 *   powers        sqrt cbrt hypot pow(a, b) pows(a, T s) = a^s  spow(T s, a) = s^a
 *   exp and log   exp exp2 expm1 log log2 log10 log1p
 *   trigonometric sin cos tan asin acos atan atan2(y, x)
 *   hyperbolic    sinh cosh tanh asinh acosh atanh
 *   special       erf erfc
 *   piecewise     fabs fmin fmax floor ceil trunc round fmod copysign
 *   learning      sigmoid relu softplus
 *   comparisons   lt le gt ge eq ne (int, on the value parts), cmp (-1, 0, 1; 0 if unordered)
 *
 *   Generic front end, one body for every type: ad_<op>(...) for every op above (ad_sin(x),
 *   ad_mul(a, b), ad_pows(x, 2.5), ad_lt(a, b), ...), ad_const(like, c) for a constant of the
 *   type of `like`, and ad_value(x). It dispatches on the type of the first number argument to
 *   float, double, long double (plain libm), double _Complex (complex step; see below), every
 *   predefined dual type and your chunked types (DUAL_GENERIC_USER).
 *
 * PRIMER: DUAL AND HYPER-DUAL NUMBERS
 *
 *   A dual number is a + b e with e^2 = 0. Taylor's theorem stops after one term:
 *       f(a + b e) = f(a) + f'(a) b e            e.g. (10 + e)^2 = 100 + 20 e
 *                                                                        ^^ this is d/dx x^2 at 10
 *   so evaluating f on x = a + 1e gives f(a) and f'(a) at once, exactly, by the chain rule
 *   applied one operation at a time (forward mode). With several inputs, seed e on the one you
 *   differentiate by (tangent 1, the others 0): each output's tangent is one column of the
 *   Jacobian. A chunked dual a + sum_k b_k e_k (e_j e_k = 0) carries N columns at once.
 *
 *   A hyper-dual number (Fike and Alonso) is a + b e1 + c e2 + d e1e2 with e1^2 = e2^2 = 0 and
 *   e1e2 != 0. Then
 *       f(a + b e1 + c e2 + d e1e2) = f(a) + f'(a) b e1 + f'(a) c e2 + (f'(a) d + f''(a) b c) e1e2
 *   so seeding e1 on x_i and e2 on x_j gives d^2 f / dx_i dx_j exactly in the e12 part.
 *   Every rule below is written as the value f, the first derivative f' and the second f''.
 *
 * CONVENTIONS (each decided once, implemented once, tested; also in README.md)
 *
 *   Kinks. fabs'(0) = 0 (for +0 and -0). relu(x) = x for x > 0, else 0, with relu'(0) = 0
 *     (Parr and Howard's convention); relu(NaN) and fabs(NaN) are NaN. fmax/fmin return the
 *     winning argument whole; on a tie the tangent is the average of the two; if one argument
 *     is NaN the other is returned, as libm does. floor, ceil, trunc and round have derivative
 *     0 everywhere (tangents exactly 0). copysign(a, b) is +a or -a: tangent +-a's, none from b.
 *     fmod(a, b) = a - q b with the integer q = (a - fmod(a, b)) / b: tangent a' - q b'.
 *   Zero tangents stay zero. Every function rule multiplies each partial derivative by its
 *     tangent through a guard: a tangent component that is exactly 0 contributes exactly 0,
 *     even where the partial is infinite or NaN (sqrt(0), log(0), acos(+-1), pow(0, y),
 *     hypot(0, 0), atan2(0, 0), 1/0, ...). So one input at a singular point never poisons
 *     the Jacobian columns of the other inputs. Where the seeded direction itself meets the
 *     infinite derivative the tangent is +-inf or NaN, as the mathematics says. Chunked types
 *     apply the rule per component; hyper-duals also to the product e1*e2 in the f'' term.
 *     add, sub, mul, fma and the scalar forms adds, subs, muls, ssub are plain arithmetic.
 *   Domain errors. The value is what libm returns (NaN for log(-1), sqrt(-1), acos(2));
 *     the tangent is NaN where the input tangent is non-zero and 0 where it is exactly 0
 *     (the zero rule wins). No errno inspection, no aborts, no undefined behaviour.
 *   Powers. pow(a, b): d/da = b a^(b-1) except b == 0 gives 0 (a^0 == 1); d/db = a^b ln a
 *     except a == 0 < b gives 0 (0^b == 0). pows(a, s) and spow(s, a) follow the same two
 *     rules. powi(a, n) multiplies by repeated squaring (a few ulps), d/da = n a^(n-1).
 *
 * COMPLEX STEP
 *
 *   ad_* on `double _Complex` evaluates the body at x + ih for complex-step differentiation
 *   (f'(x) ~ Im f(x + ih) / h). Arithmetic, sqrt, exp, exp2, log, log2, log10 and the
 *   trigonometric and hyperbolic functions use the complex libm (an analytic extension, an
 *   independent reference). cbrt, expm1, log1p, erf, erfc, hypot, atan2, pow, pows, spow,
 *   sigmoid and softplus use the first-order extension f(x) + i y f'(x), exact to O(y^2).
 *   The non-analytic ones follow the real part, as in Martins et al.: fabs(z) = -z when
 *   Re z < 0, fmax/fmin/relu/copysign/comparisons compare real parts, floor etc. act on the
 *   real part with imaginary part 0, fmod(a, b) = a - q b.
 */
#ifndef DUALJAC_DUAL_H
#define DUALJAC_DUAL_H

#define DUALJAC_VERSION_MAJOR 0
#define DUALJAC_VERSION_MINOR 1
#define DUALJAC_VERSION_PATCH 0

#include <math.h>

#if !defined(DUAL_NO_COMPLEX) && !defined(__STDC_NO_COMPLEX__)
#include <complex.h>
#define DUAL__HAVE_COMPLEX 1
#endif

/* ---------------------------------------------------------------------------------------------
 * Configuration
 */
#if defined(__GNUC__) || defined(__clang__)
#define DUAL__UNUSED __attribute__((unused))
#else
#define DUAL__UNUSED
#endif

#ifndef DUAL_API
#define DUAL_API static inline DUAL__UNUSED
#endif

/* The zero-tangent guard: g * d, except that a tangent d that is exactly 0 gives exactly +0
 * even when the partial derivative g is infinite or NaN. The select picks the factor, not the
 * product (d == 0 ? d : g) * d, so the multiply is unconditional and compilers emit a
 * compare-and-blend that vectorizes instead of a branch per component. */
#ifdef DUAL_NO_ZERO_GUARD
#define DUAL__SCALE(g, d) ((g) * (d))
#else
#define DUAL__SCALE(g, d) (((d) == 0 ? (d) : (g)) * (d))
#endif

/* The libm function for the type of x: fn##f for float, fn##l for long double, fn otherwise.
 * Never a silent promotion of a float to double. */
#define DUAL__M(fn, x) _Generic((x), float: fn##f, long double: fn##l, default: fn)(x)
#define DUAL__M2(fn, x, y) _Generic((x), float: fn##f, long double: fn##l, default: fn)((x), (y))
#define DUAL__M3(fn, x, y, z)                                                                  \
    _Generic((x), float: fn##f, long double: fn##l, default: fn)((x), (y), (z))

/* Constants, in long double precision, cast to T where they are used. */
#define DUAL__LN2 0.693147180559945309417232121458176568L
#define DUAL__LN10 2.30258509299404568401799145468436421L
#define DUAL__2_SQRTPI 1.12837916709551257389615890312154517L /* 2 / sqrt(pi) */

/* Outside its domain a function whose slope formula stays finite there (log(-1): 1/x = -1)
 * must still give a NaN slope: a NaN value makes the slope NaN. */
#define DUAL__DOMAIN(f, slope) (isnan(f) ? (f) : (slope))

/* exp(-x^2) with the rounding error of x^2 put back: x^2 = hi + lo exactly (lo by fma), and
 * exp(-hi - lo) = exp(-hi) (1 - lo) to within lo^2. Without it, erf' loses x^2/2 ulps. */
#define DUAL__EXP_MSQ(x) (DUAL__M(exp, -((x) * (x))) * (1 - DUAL__M3(fma, x, x, -((x) * (x)))))

#define DUAL__FOR(k, name) for (int k = 0; k < (int)name##_width; ++k)

/* Private scalar helpers for every scalar type (suffix f, none, l as in libm):
 * dual__powi(x, e): x^e by repeated squaring; e is a long long so n - 1 never overflows.
 * dual__sech2(x): 1/cosh(x)^2, the slope of tanh without the cancellation of 1 - tanh^2. */
#define DUAL__SCALAR_HELPERS(sfx, T)                                                           \
    DUAL_API T dual__sech2##sfx(T x) {                                                         \
        const T c = DUAL__M(cosh, x);                                                          \
        return 1 / (c * c);                                                                    \
    }                                                                                          \
    DUAL_API T dual__powi##sfx(T x, long long e) {                                             \
        unsigned long long u = e < 0 ? 0ULL - (unsigned long long)e : (unsigned long long)e;   \
        T r = 1, b = x;                                                                        \
        for (; u; u >>= 1) {                                                                   \
            if (u & 1u) r *= b;                                                                \
            b *= b;                                                                            \
        }                                                                                      \
        return e < 0 ? 1 / r : r;                                                              \
    }
DUAL__SCALAR_HELPERS(f, float)
DUAL__SCALAR_HELPERS(, double)
DUAL__SCALAR_HELPERS(l, long double)

/* ---------------------------------------------------------------------------------------------
 * The mathematics, written once.
 *
 * DUAL__UNARY(X, name, T) lists every function of one number as
 *     X(name, T, op, KIND, PRE, VALUE, D1, D2)
 * where, with x the input value, PRE is a shared subexpression t, VALUE is f(x), D1 is f'(x)
 * and D2 is f''(x); D1 may use f and t, D2 may use f, t and d1. PRE holds only what VALUE
 * needs or plain arithmetic: plain reals evaluate it too, and a libm call there could not be
 * optimized away (libm calls may set errno). KIND names the parameters:
 * U (name a), AS (name a, T s), SA (T s, name a), AN (name a, int n). Each number family
 * expands this list with its own propagation rule (first-order families never expand D2, so
 * its libm calls cost nothing there).
 */
#define DUAL__P_U(name, T) name a
#define DUAL__P_AS(name, T) name a, T s
#define DUAL__P_SA(name, T) T s, name a
#define DUAL__P_AN(name, T) name a, int n

#define DUAL__UNARY(X, name, T)                                                                \
    /* (a+h)^2 ~= a^2 + 2a h */                                                                \
    X(name, T, sqr, U, 0, x * x, 2 * x, 2)                                                     \
    /* 1/(a+h) ~= 1/a - h/a^2;  (1/x)'' = 2/x^3 */                                             \
    X(name, T, inv, U, 0, 1 / x, -f * f, -2 * f * d1)                                          \
    /* s/(a+h) ~= s/a - s h/a^2 */                                                             \
    X(name, T, sdiv, SA, 0, s / x, -f / x, -2 * d1 / x)                                        \
    /* (a+h)^n ~= a^n + n a^(n-1) h;  n == 0: 0 */                                             \
    X(name, T, powi, AN, 0, DUAL__M2(dual__powi, x, (long long)n),                             \
      n == 0 ? 0 : (T)n * DUAL__M2(dual__powi, x, (long long)n - 1),                           \
      (n == 0 || n == 1) ? 0 : (T)n * (T)(n - 1) * DUAL__M2(dual__powi, x, (long long)n - 2))  \
    /* (a+h)^s ~= a^s + s a^(s-1) h;  s == 0: 0 */                                             \
    X(name, T, pows, AS, 0, DUAL__M2(pow, x, s), s == 0 ? 0 : s * DUAL__M2(pow, x, s - 1),     \
      (s == 0 || s == 1) ? 0 : s * (s - 1) * DUAL__M2(pow, x, s - 2))                          \
    /* s^(a+h) ~= s^a + s^a ln(s) h;  s == 0 < a: 0 */                                         \
    X(name, T, spow, SA, 0, DUAL__M2(pow, s, x), (s == 0 && x > 0) ? 0 : f * DUAL__M(log, s),  \
      (s == 0 && x > 0) ? 0 : d1 * DUAL__M(log, s))                                            \
    /* sqrt(a+h) ~= sqrt(a) + h / (2 sqrt(a)) */                                               \
    X(name, T, sqrt, U, 0, DUAL__M(sqrt, x), (T)0.5 / f, -d1 / (2 * x))                        \
    /* cbrt(a+h) ~= cbrt(a) + h / (3 cbrt(a)^2) */                                             \
    X(name, T, cbrt, U, 0, DUAL__M(cbrt, x), 1 / (3 * f * f), -2 * d1 / (3 * x))               \
    /* exp(a+h) ~= exp(a) + exp(a) h */                                                        \
    X(name, T, exp, U, 0, DUAL__M(exp, x), f, f)                                               \
    /* 2^(a+h) ~= 2^a + ln(2) 2^a h */                                                         \
    X(name, T, exp2, U, 0, DUAL__M(exp2, x), (T)DUAL__LN2 * f, (T)DUAL__LN2 * d1)              \
    /* expm1(a+h) ~= expm1(a) + exp(a) h  (exp(a), not expm1(a)+1, which loses e^a for a << 0) */ \
    X(name, T, expm1, U, 0, DUAL__M(expm1, x), DUAL__M(exp, x), d1)                            \
    /* log(a+h) ~= log(a) + h/a */                                                             \
    X(name, T, log, U, 0, DUAL__M(log, x), DUAL__DOMAIN(f, 1 / x), -d1 * d1)                   \
    /* log2(a+h) ~= log2(a) + h/(a ln 2) */                                                    \
    X(name, T, log2, U, 0, DUAL__M(log2, x), DUAL__DOMAIN(f, 1 / (x * (T)DUAL__LN2)), -d1 / x) \
    /* log10(a+h) ~= log10(a) + h/(a ln 10) */                                                 \
    X(name, T, log10, U, 0, DUAL__M(log10, x), DUAL__DOMAIN(f, 1 / (x * (T)DUAL__LN10)),       \
      -d1 / x)                                                                                 \
    /* log1p(a+h) ~= log1p(a) + h/(1+a) */                                                     \
    X(name, T, log1p, U, 0, DUAL__M(log1p, x), DUAL__DOMAIN(f, 1 / (1 + x)), -d1 * d1)         \
    /* sin(a+h) ~= sin(a) + cos(a) h */                                                        \
    X(name, T, sin, U, 0, DUAL__M(sin, x), DUAL__M(cos, x), -f)                                \
    /* cos(a+h) ~= cos(a) - sin(a) h */                                                        \
    X(name, T, cos, U, 0, DUAL__M(cos, x), -DUAL__M(sin, x), -f)                               \
    /* tan(a+h) ~= tan(a) + (1 + tan^2 a) h */                                                 \
    X(name, T, tan, U, 0, DUAL__M(tan, x), 1 + f * f, 2 * f * d1)                              \
    /* asin(a+h) ~= asin(a) + h / sqrt(1 - a^2);  asin'' = a / (1-a^2)^(3/2) */                \
    X(name, T, asin, U, 0, DUAL__M(asin, x), 1 / DUAL__M(sqrt, (1 - x) * (1 + x)),             \
      x * d1 * d1 * d1)                                                                        \
    /* acos(a+h) ~= acos(a) - h / sqrt(1 - a^2) */                                             \
    X(name, T, acos, U, 0, DUAL__M(acos, x), -1 / DUAL__M(sqrt, (1 - x) * (1 + x)),            \
      x * d1 * d1 * d1)                                                                        \
    /* atan(a+h) ~= atan(a) + h / (1 + a^2) */                                                 \
    X(name, T, atan, U, 0, DUAL__M(atan, x), 1 / (1 + x * x), -2 * x * d1 * d1)                \
    /* sinh(a+h) ~= sinh(a) + cosh(a) h */                                                     \
    X(name, T, sinh, U, 0, DUAL__M(sinh, x), DUAL__M(cosh, x), f)                              \
    /* cosh(a+h) ~= cosh(a) + sinh(a) h */                                                     \
    X(name, T, cosh, U, 0, DUAL__M(cosh, x), DUAL__M(sinh, x), f)                              \
    /* tanh(a+h) ~= tanh(a) + h / cosh^2(a)  (not 1 - tanh^2, which cancels for large a) */    \
    X(name, T, tanh, U, 0, DUAL__M(tanh, x), DUAL__M(dual__sech2, x), -2 * f * d1)             \
    /* asinh(a+h) ~= asinh(a) + h / sqrt(1 + a^2) */                                           \
    X(name, T, asinh, U, 0, DUAL__M(asinh, x), 1 / DUAL__M2(hypot, (T)1, x), -x * d1 * d1 * d1) \
    /* acosh(a+h) ~= acosh(a) + h / sqrt(a^2 - 1) */                                           \
    X(name, T, acosh, U, 0, DUAL__M(acosh, x),                                                 \
      1 / (DUAL__M(sqrt, x - 1) * DUAL__M(sqrt, x + 1)), -x * d1 * d1 * d1)                    \
    /* atanh(a+h) ~= atanh(a) + h / (1 - a^2) */                                               \
    X(name, T, atanh, U, 0, DUAL__M(atanh, x), DUAL__DOMAIN(f, 1 / ((1 - x) * (1 + x))),       \
      2 * x * d1 * d1)                                                                         \
    /* erf(a+h) ~= erf(a) + 2/sqrt(pi) exp(-a^2) h */                                          \
    X(name, T, erf, U, 0, DUAL__M(erf, x), (T)DUAL__2_SQRTPI * DUAL__EXP_MSQ(x),               \
      -2 * x * d1)                                                                             \
    /* erfc(a+h) ~= erfc(a) - 2/sqrt(pi) exp(-a^2) h */                                        \
    X(name, T, erfc, U, 0, DUAL__M(erfc, x), -(T)DUAL__2_SQRTPI * DUAL__EXP_MSQ(x),            \
      -2 * x * d1)                                                                             \
    /* sigmoid s(a) = 1/(1+exp(-a)), from t = exp(-|a|) so nothing overflows;                  \
     * s' = s(1-s) = t/(1+t)^2;  s'' = s'(1 - 2s) = -s' tanh(a/2) */                            \
    X(name, T, sigmoid, U, DUAL__M(exp, -DUAL__M(fabs, x)), x >= 0 ? 1 / (1 + t) : t / (1 + t), \
      t / ((1 + t) * (1 + t)), -d1 * DUAL__M(tanh, x / 2))                                     \
    /* softplus(a) = log(1 + exp(a)) = max(a, 0) + log1p(exp(-|a|));  softplus' = sigmoid */   \
    X(name, T, softplus, U, DUAL__M(exp, -DUAL__M(fabs, x)),                                   \
      (x > 0 ? x : 0) + DUAL__M(log1p, t), x >= 0 ? 1 / (1 + t) : t / (1 + t),                 \
      t / ((1 + t) * (1 + t)))

/* DUAL__BINARY(X, name, T) lists the smooth functions of two numbers as
 *     X(name, T, op, PRE, VALUE, FX, FY, FXX, FXY, FYY)
 * with x, y the values of the first and second argument, t = PRE, f = VALUE, the partials
 * fx = df/dx, fy = df/dy and the second partials (which may use f, t, fx, fy). */
#define DUAL__BINARY(X, name, T)                                                               \
    /* (a+h)/(b+k) ~= a/b + h/b - a k/b^2 */                                                   \
    X(name, T, div, 1 / y, x / y, t, -f * t, 0, -t * t, -2 * fy * t)                           \
    /* hypot(a+h, b+k) ~= r + (a h + b k)/r, r = hypot(a, b) */                                \
    X(name, T, hypot, 0, DUAL__M2(hypot, x, y), x / f, y / f, fy * fy / f, -fx * fy / f,       \
      fx * fx / f)                                                                             \
    /* atan2(a+h, b+k) ~= atan2(a, b) + (b h - a k)/(a^2 + b^2); t = max(|a|, |b|) scales      \
     * a^2 + b^2 so that it neither overflows nor underflows */                                \
    X(name, T, atan2, DUAL__M2(fmax, DUAL__M(fabs, x), DUAL__M(fabs, y)),                      \
      DUAL__M2(atan2, x, y), (y / t) / ((x / t) * (x / t) + (y / t) * (y / t)) / t,            \
      -(x / t) / ((x / t) * (x / t) + (y / t) * (y / t)) / t, 2 * fx * fy, fy * fy - fx * fx,  \
      -2 * fx * fy)                                                                            \
    /* (a+h)^(b+k) ~= a^b + b a^(b-1) h + a^b ln(a) k;                                         \
     * d/da is 0 when b == 0 (a^0 == 1), d/db is 0 when a == 0 < b (0^b == 0) */               \
    X(name, T, pow, 0, DUAL__M2(pow, x, y), y == 0 ? 0 : y * DUAL__M2(pow, x, y - 1),          \
      (x == 0 && y > 0) ? 0 : f * DUAL__M(log, x),                                             \
      (y == 0 || y == 1) ? 0 : y * (y - 1) * DUAL__M2(pow, x, y - 2),                          \
      (x == 0 && y > 1) ? 0 : DUAL__M2(pow, x, y - 1) * (1 + y * DUAL__M(log, x)),             \
      (x == 0 && y > 0) ? 0 : fy * DUAL__M(log, x))                                            \
    /* fmod(a+h, b+k) = (a+h) - q (b+k) with the integer q = (a - fmod(a, b))/b;               \
     * NaN (b == 0, a infinite) gives NaN tangents */                                          \
    X(name, T, fmod, 0, DUAL__M2(fmod, x, y), isnan(f) ? f : 1, -DUAL__M(round, (x - f) / y),  \
      0, 0, 0)

/* ---------------------------------------------------------------------------------------------
 * Plain real numbers (float, double, long double) for the generic front end: the same table's
 * values, and the piecewise rules. Named dual__f_<op>, dual__d_<op>, dual__l_<op>.
 */
#define DUAL__U_REAL(pfx, T, op, K, PRE, VALUE, D1, D2)                                        \
    DUAL_API T pfx##_##op(DUAL__P_##K(T, T)) {                                                 \
        const T x = a, t = (T)(PRE);                                                           \
        (void)t;                                                                               \
        return (T)(VALUE);                                                                     \
    }
#define DUAL__B_REAL(pfx, T, op, PRE, VALUE, FX, FY, FXX, FXY, FYY)                            \
    DUAL_API T pfx##_##op(T a, T b) {                                                          \
        const T x = a, y = b, t = (T)(PRE);                                                    \
        (void)t;                                                                               \
        return (T)(VALUE);                                                                     \
    }

#define DUAL__REAL_DEFINE(pfx, T)                                                              \
    DUAL__UNARY(DUAL__U_REAL, pfx, T)                                                          \
    DUAL__BINARY(DUAL__B_REAL, pfx, T)                                                         \
    DUAL_API T pfx##__lconst(long double c) { return (T)c; }                                   \
    DUAL_API T pfx##_value(T a) { return a; }                                                  \
    DUAL_API T pfx##_add(T a, T b) { return a + b; }                                           \
    DUAL_API T pfx##_sub(T a, T b) { return a - b; }                                           \
    DUAL_API T pfx##_mul(T a, T b) { return a * b; }                                           \
    DUAL_API T pfx##_neg(T a) { return -a; }                                                   \
    DUAL_API T pfx##_adds(T a, T s) { return a + s; }                                          \
    DUAL_API T pfx##_subs(T a, T s) { return a - s; }                                          \
    DUAL_API T pfx##_muls(T a, T s) { return a * s; }                                          \
    DUAL_API T pfx##_divs(T a, T s) { return a / s; }                                          \
    DUAL_API T pfx##_ssub(T s, T a) { return s - a; }                                          \
    DUAL_API T pfx##_fma(T a, T b, T c) { return DUAL__M3(fma, a, b, c); }                     \
    DUAL_API T pfx##_fabs(T a) { return DUAL__M(fabs, a); }                                    \
    DUAL_API T pfx##_relu(T a) { return a > 0 ? a : a <= 0 ? 0 : a; }                          \
    DUAL_API T pfx##_fmin(T a, T b) { return DUAL__M2(fmin, a, b); }                           \
    DUAL_API T pfx##_fmax(T a, T b) { return DUAL__M2(fmax, a, b); }                           \
    DUAL_API T pfx##_copysign(T a, T b) { return DUAL__M2(copysign, a, b); }                   \
    DUAL_API T pfx##_floor(T a) { return DUAL__M(floor, a); }                                  \
    DUAL_API T pfx##_ceil(T a) { return DUAL__M(ceil, a); }                                    \
    DUAL_API T pfx##_trunc(T a) { return DUAL__M(trunc, a); }                                  \
    DUAL_API T pfx##_round(T a) { return DUAL__M(round, a); }                                  \
    DUAL__COMPARE(pfx, T, DUAL__GET_SELF)                                                      \
    DUAL__SCALAR_OPS(pfx, T, T)

/* The generic front end passes plain scalars as long double (so that a literal such as 2.5
 * converts without a warning to every scalar type); these wrappers narrow it explicitly:
 * name__ladds(a, long double s) = name_adds(a, (T)s), and so on. */
#define DUAL__SCALAR_OPS(name, TYPE, T)                                                        \
    DUAL__LWRAP(name, TYPE, T, adds, AS) DUAL__LWRAP(name, TYPE, T, subs, AS)                  \
    DUAL__LWRAP(name, TYPE, T, muls, AS) DUAL__LWRAP(name, TYPE, T, divs, AS)                  \
    DUAL__LWRAP(name, TYPE, T, ssub, SA) DUAL__LWRAP(name, TYPE, T, sdiv, SA)                  \
    DUAL__LWRAP(name, TYPE, T, pows, AS) DUAL__LWRAP(name, TYPE, T, spow, SA)
#define DUAL__LWRAP(name, TYPE, T, op, K)                                                      \
    DUAL_API TYPE name##__l##op(DUAL__PL_##K(TYPE)) { return name##_##op(DUAL__AL_##K(T)); }
#define DUAL__PL_AS(TYPE) TYPE a, long double s
#define DUAL__PL_SA(TYPE) long double s, TYPE a
#define DUAL__AL_AS(T) a, (T)s
#define DUAL__AL_SA(T) (T)s, a

/* Comparisons on the value parts, read by GET. */
#define DUAL__COMPARE(name, TYPE, GET)                                                         \
    DUAL_API int name##_lt(TYPE a, TYPE b) { return GET(a) < GET(b); }                         \
    DUAL_API int name##_le(TYPE a, TYPE b) { return GET(a) <= GET(b); }                        \
    DUAL_API int name##_gt(TYPE a, TYPE b) { return GET(a) > GET(b); }                         \
    DUAL_API int name##_ge(TYPE a, TYPE b) { return GET(a) >= GET(b); }                        \
    DUAL_API int name##_eq(TYPE a, TYPE b) { return GET(a) == GET(b); }                        \
    DUAL_API int name##_ne(TYPE a, TYPE b) { return GET(a) != GET(b); }                        \
    DUAL_API int name##_cmp(TYPE a, TYPE b) { return (GET(a) > GET(b)) - (GET(a) < GET(b)); }
#define DUAL__GET_SELF(a) (a)
#define DUAL__GET_V(a) (a).v

DUAL__REAL_DEFINE(dual__f, float)
DUAL__REAL_DEFINE(dual__d, double)
DUAL__REAL_DEFINE(dual__l, long double)

/* ---------------------------------------------------------------------------------------------
 * What every number family shares: functions built from the family's own add, neg, muls and
 * const (so the kink conventions are written once), comparisons, and the generic hooks.
 */
#define DUAL__SHARED(name, T)                                                                  \
    DUAL_API T name##_value(name a) { return a.v; }                                            \
    DUAL_API name name##__lconst(long double c) { return name##_const((T)c); }                 \
    /* |a|: +a for a > 0, -a for a < 0; |x|'(0) = 0 (+0 and -0 give the constant +0) */        \
    DUAL_API name name##_fabs(name a) {                                                        \
        return a.v < 0 ? name##_neg(a) : a.v == 0 ? name##_const(0) : a;                       \
    }                                                                                          \
    /* relu(a) = a for a > 0, else 0, relu'(0) = 0 (Parr-Howard); NaN passes through */        \
    DUAL_API name name##_relu(name a) {                                                        \
        return a.v > 0 ? a : a.v <= 0 ? name##_const(0) : a;                                   \
    }                                                                                          \
    /* a tie of fmin/fmax: value v, tangents averaged */                                       \
    DUAL_API name name##__tie(name a, name b, T v) {                                           \
        name r = name##_muls(name##_add(a, b), (T)0.5);                                        \
        r.v = v;                                                                               \
        return r;                                                                              \
    }                                                                                          \
    /* the larger argument whole; a NaN loses, as in libm */                                   \
    DUAL_API name name##_fmax(name a, name b) {                                                \
        if (a.v > b.v || isnan(b.v)) return a;                                                 \
        if (b.v > a.v || isnan(a.v)) return b;                                                 \
        return name##__tie(a, b, DUAL__M2(fmax, a.v, b.v));                                    \
    }                                                                                          \
    DUAL_API name name##_fmin(name a, name b) {                                                \
        if (a.v < b.v || isnan(b.v)) return a;                                                 \
        if (b.v < a.v || isnan(a.v)) return b;                                                 \
        return name##__tie(a, b, DUAL__M2(fmin, a.v, b.v));                                    \
    }                                                                                          \
    /* copysign(a, b) is +a or -a; b contributes no tangent */                                 \
    DUAL_API name name##_copysign(name a, name b) {                                            \
        return (signbit(a.v) != 0) == (signbit(b.v) != 0) ? a : name##_neg(a);                 \
    }                                                                                          \
    /* piecewise constant: derivative 0 everywhere */                                          \
    DUAL_API name name##_floor(name a) { return name##_const(DUAL__M(floor, a.v)); }           \
    DUAL_API name name##_ceil(name a) { return name##_const(DUAL__M(ceil, a.v)); }             \
    DUAL_API name name##_trunc(name a) { return name##_const(DUAL__M(trunc, a.v)); }           \
    DUAL_API name name##_round(name a) { return name##_const(DUAL__M(round, a.v)); }           \
    DUAL__COMPARE(name, name, DUAL__GET_V)                                                     \
    DUAL__SCALAR_OPS(name, name, T)

/* ---------------------------------------------------------------------------------------------
 * DUAL_DEFINE(name, T): a + b e, e^2 = 0.
 */
#define DUAL__U_DUAL(name, T, op, K, PRE, VALUE, D1, D2)                                       \
    DUAL_API name name##_##op(DUAL__P_##K(name, T)) {                                          \
        const T x = a.v, t = (T)(PRE), f = (T)(VALUE), d1 = (T)(D1);                           \
        (void)t;                                                                               \
        return (name){f, DUAL__SCALE(d1, a.d)};                                                \
    }
#define DUAL__B_DUAL(name, T, op, PRE, VALUE, FX, FY, FXX, FXY, FYY)                           \
    DUAL_API name name##_##op(name a, name b) {                                                \
        const T x = a.v, y = b.v, t = (T)(PRE), f = (T)(VALUE), fx = (T)(FX), fy = (T)(FY);    \
        (void)t;                                                                               \
        return (name){f, DUAL__SCALE(fx, a.d) + DUAL__SCALE(fy, b.d)};                         \
    }

#define DUAL_DEFINE(name, T)                                                                   \
    typedef struct name { T v; T d; } name;                                                    \
    typedef T name##_scalar;                                                                   \
    enum { name##_width = 1 };                                                                 \
    DUAL_API name name##_make(T v, T d) { return (name){v, d}; }                               \
    DUAL_API name name##_const(T v) { return (name){v, 0}; }                                   \
    DUAL_API name name##_var(T v) { return (name){v, 1}; }                                     \
    /* for generators: value v, tangent t (a dual has one direction; k is ignored) */          \
    DUAL_API name name##__seed(T v, int k, T t) { (void)k; return (name){v, t}; }              \
    DUAL_API T name##__tangent(name a, int k) { (void)k; return a.d; }                         \
    /* (a + a'e) + (b + b'e) = (a + b) + (a' + b')e,  (a + a'e)(b + b'e) = ab + (a'b + ab')e */ \
    DUAL_API name name##_add(name a, name b) { return (name){a.v + b.v, a.d + b.d}; }          \
    DUAL_API name name##_sub(name a, name b) { return (name){a.v - b.v, a.d - b.d}; }          \
    DUAL_API name name##_neg(name a) { return (name){-a.v, -a.d}; }                            \
    DUAL_API name name##_mul(name a, name b) { return (name){a.v * b.v, a.d * b.v + a.v * b.d}; } \
    DUAL_API name name##_fma(name a, name b, name c) {                                         \
        return (name){DUAL__M3(fma, a.v, b.v, c.v), a.d * b.v + a.v * b.d + c.d};              \
    }                                                                                          \
    DUAL_API name name##_adds(name a, T s) { return (name){a.v + s, a.d}; }                    \
    DUAL_API name name##_subs(name a, T s) { return (name){a.v - s, a.d}; }                    \
    DUAL_API name name##_ssub(T s, name a) { return (name){s - a.v, -a.d}; }                   \
    DUAL_API name name##_muls(name a, T s) { return (name){a.v * s, a.d * s}; }                \
    /* (a + a'e)/s = a/s + (a'/s)e, guarded for s == 0 */                                      \
    DUAL_API name name##_divs(name a, T s) {                                                   \
        const T r = 1 / s;                                                                     \
        return (name){a.v / s, DUAL__SCALE(r, a.d)};                                           \
    }                                                                                          \
    DUAL__UNARY(DUAL__U_DUAL, name, T)                                                         \
    DUAL__BINARY(DUAL__B_DUAL, name, T)                                                        \
    DUAL__SHARED(name, T)

/* ---------------------------------------------------------------------------------------------
 * HDUAL_DEFINE(name, T): a + b e1 + c e2 + d e1e2, e1^2 = e2^2 = 0.
 *   unary:  f(x) = f(a) + f' b e1 + f' c e2 + (f' d + f'' b c) e1e2
 *   binary: g(x, y) with partials gx, gy, gxx, gxy, gyy:
 *           e1:   gx x1 + gy y1              e2: gx x2 + gy y2
 *           e1e2: gx x12 + gy y12 + gxx x1 x2 + gxy (x1 y2 + x2 y1) + gyy y1 y2
 */
#define DUAL__U_HDUAL(name, T, op, K, PRE, VALUE, D1, D2)                                      \
    DUAL_API name name##_##op(DUAL__P_##K(name, T)) {                                          \
        const T x = a.v, t = (T)(PRE), f = (T)(VALUE), d1 = (T)(D1), d2 = (T)(D2);             \
        (void)t;                                                                               \
        return (name){f, DUAL__SCALE(d1, a.e1), DUAL__SCALE(d1, a.e2),                         \
                      DUAL__SCALE(d1, a.e12) + DUAL__SCALE(d2, a.e1 * a.e2)};                  \
    }
#define DUAL__B_HDUAL(name, T, op, PRE, VALUE, FX, FY, FXX, FXY, FYY)                          \
    DUAL_API name name##_##op(name a, name b) {                                                \
        const T x = a.v, y = b.v, t = (T)(PRE), f = (T)(VALUE), fx = (T)(FX), fy = (T)(FY);    \
        const T fxx = (T)(FXX), fxy = (T)(FXY), fyy = (T)(FYY);                                \
        (void)t;                                                                               \
        return (name){f, DUAL__SCALE(fx, a.e1) + DUAL__SCALE(fy, b.e1),                        \
                      DUAL__SCALE(fx, a.e2) + DUAL__SCALE(fy, b.e2),                           \
                      DUAL__SCALE(fx, a.e12) + DUAL__SCALE(fy, b.e12) +                        \
                          DUAL__SCALE(fxx, a.e1 * a.e2) +                                      \
                          DUAL__SCALE(fxy, a.e1 * b.e2 + a.e2 * b.e1) +                        \
                          DUAL__SCALE(fyy, b.e1 * b.e2)};                                      \
    }

#define HDUAL_DEFINE(name, T)                                                                  \
    typedef struct name { T v, e1, e2, e12; } name;                                            \
    typedef T name##_scalar;                                                                   \
    enum { name##_width = 1 };                                                                 \
    DUAL_API name name##_make(T v, T e1, T e2, T e12) { return (name){v, e1, e2, e12}; }       \
    DUAL_API name name##_const(T v) { return (name){v, 0, 0, 0}; }                             \
    DUAL_API name name##_var(T v) { return (name){v, 1, 1, 0}; }                               \
    DUAL_API name name##_add(name a, name b) {                                                 \
        return (name){a.v + b.v, a.e1 + b.e1, a.e2 + b.e2, a.e12 + b.e12};                     \
    }                                                                                          \
    DUAL_API name name##_sub(name a, name b) {                                                 \
        return (name){a.v - b.v, a.e1 - b.e1, a.e2 - b.e2, a.e12 - b.e12};                     \
    }                                                                                          \
    DUAL_API name name##_neg(name a) { return (name){-a.v, -a.e1, -a.e2, -a.e12}; }            \
    /* (a + a1 e1 + a2 e2 + a12 e1e2)(b + ...): e1e2 = a12 b + a1 b2 + a2 b1 + a b12 */        \
    DUAL_API name name##_mul(name a, name b) {                                                 \
        return (name){a.v * b.v, a.e1 * b.v + a.v * b.e1, a.e2 * b.v + a.v * b.e2,             \
                      a.e12 * b.v + a.e1 * b.e2 + a.e2 * b.e1 + a.v * b.e12};                  \
    }                                                                                          \
    DUAL_API name name##_fma(name a, name b, name c) {                                         \
        name r = name##_add(name##_mul(a, b), c);                                              \
        r.v = DUAL__M3(fma, a.v, b.v, c.v);                                                    \
        return r;                                                                              \
    }                                                                                          \
    DUAL_API name name##_adds(name a, T s) { return (name){a.v + s, a.e1, a.e2, a.e12}; }      \
    DUAL_API name name##_subs(name a, T s) { return (name){a.v - s, a.e1, a.e2, a.e12}; }      \
    DUAL_API name name##_ssub(T s, name a) { return (name){s - a.v, -a.e1, -a.e2, -a.e12}; }   \
    DUAL_API name name##_muls(name a, T s) {                                                   \
        return (name){a.v * s, a.e1 * s, a.e2 * s, a.e12 * s};                                 \
    }                                                                                          \
    DUAL_API name name##_divs(name a, T s) {                                                   \
        const T r = 1 / s;                                                                     \
        return (name){a.v / s, DUAL__SCALE(r, a.e1), DUAL__SCALE(r, a.e2),                     \
                      DUAL__SCALE(r, a.e12)};                                                  \
    }                                                                                          \
    DUAL__UNARY(DUAL__U_HDUAL, name, T)                                                        \
    DUAL__BINARY(DUAL__B_HDUAL, name, T)                                                       \
    DUAL__SHARED(name, T)

/* ---------------------------------------------------------------------------------------------
 * DUALN_DEFINE(name, T, N): a + sum_k b_k e_k, e_j e_k = 0; every rule applied per tangent.
 *
 * The tangents are processed in vectors of DUAL__VB(T, N) bytes (GNU C vector extensions, gcc
 * and clang) when T is float or double and N * sizeof(T) is a multiple of 16; otherwise, or
 * with DUAL_NO_VECTOR, or on other compilers, by a plain loop over k. Both give the same bits.
 * DUAL_VECTOR_BYTES (default and maximum: 64 with AVX-512F, 32 with AVX, else 16) caps the
 * vector size; the widest of it, 32 and 16 that divides N * sizeof(T) is used. Measured with bench/: the widest
 * vector matches the width gcc uses when it copies the tangents out (the Jacobian's rows), so
 * those loads forward from the stores instead of stalling.
 * Why vectors: the user's function is inlined into the Jacobian pass, and every rule returns a
 * struct; with a scalar loop the parts are stored one by one and then reloaded by the next
 * operation (or a struct copy) in wider pieces, which stalls store-to-load forwarding. Loading
 * and storing whole vectors (d aligned, the value written with its padding, seeds built whole)
 * keeps the parts in registers or lets the stores forward. The alignment of d is 16 bytes at
 * most (what malloc guarantees), so arrays of chunked numbers from malloc stay valid. No GNU C
 * vector comparison is used anywhere: gcc 12 ICEs (gimple_expand_vec_cond_expr) when its loop
 * vectorizer meets one inside a loop of the caller (x86 intrinsics are fine, see the guard).
 */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(DUAL_NO_VECTOR)
#define DUAL__VECTOR 1
/* the widest vector registers of the target; DUAL_VECTOR_BYTES may lower the cap, never raise
 * it past them (wider GNU C vectors than the ISA has would change the ABI of the kernels) */
#if defined(__AVX512F__)
#define DUAL__ISA_BYTES 64
#elif defined(__AVX__)
#define DUAL__ISA_BYTES 32
#else
#define DUAL__ISA_BYTES 16
#endif
#ifndef DUAL_VECTOR_BYTES
#define DUAL_VECTOR_BYTES DUAL__ISA_BYTES
#endif
#define DUAL__VBYTES (DUAL_VECTOR_BYTES < DUAL__ISA_BYTES ? DUAL_VECTOR_BYTES : DUAL__ISA_BYTES)
/* bytes per vector: the largest of DUAL__VBYTES, 32 and 16 dividing N * sizeof(T) (at most
 * DUAL__VBYTES); 0: no vectors (long double, or N * sizeof(T) not a multiple of 16) */
#define DUAL__VB(T, N)                                                                         \
    ((sizeof(T) != sizeof(float) && sizeof(T) != sizeof(double)) ? 0                           \
     : (N) * sizeof(T) % DUAL__VBYTES == 0                       ? DUAL__VBYTES                \
     : DUAL__VBYTES > 32 && (N) * sizeof(T) % 32 == 0            ? 32                          \
     : (N) * sizeof(T) % 16 == 0                                 ? 16                          \
                                                                 : 0)
#define DUAL__ALIGN_D(T, N) _Alignas(DUAL__VB(T, N) ? 16 : _Alignof(T))
/* The vector type, its lane count, load, store and broadcast: defined for every T (lanes of
 * double stand in for long double; such types never take the vector branch). */
#define DUAL__VDEFS(name, T, N)                                                                \
    typedef __typeof__(_Generic((T)0, float: (float)0, default: (double)0)) name##__e;         \
    typedef name##__e name##__v                                                                \
        __attribute__((vector_size(DUAL__VB(T, N) ? DUAL__VB(T, N) : 16)));                    \
    typedef __typeof__(_Generic((T)0, float: (int)0, default: (long long)0)) name##__ie;       \
    typedef name##__ie name##__iv                                                              \
        __attribute__((vector_size(DUAL__VB(T, N) ? DUAL__VB(T, N) : 16)));                    \
    typedef __typeof__(_Generic((T)0, float: (unsigned)0, default: (unsigned long long)0))     \
        name##__ue;                                                                            \
    typedef name##__ue name##__uv                                                              \
        __attribute__((vector_size(DUAL__VB(T, N) ? DUAL__VB(T, N) : 16)));                    \
    enum { name##__lanes = (int)(sizeof(name##__v) / sizeof(name##__e)) };                     \
    DUAL_API name##__v name##__ld(const T *p) {                                                \
        name##__v r;                                                                           \
        __builtin_memcpy(&r, p, sizeof r);                                                     \
        return r;                                                                              \
    }                                                                                          \
    DUAL_API void name##__st(T *p, name##__v a) { __builtin_memcpy(p, &a, sizeof a); }         \
    /* s in every lane: -0 + s is s exactly, also for s = -0 (+0 + s is not) */                \
    DUAL_API name##__v name##__bc(T s) {                                                       \
        const name##__v z = {0};                                                               \
        return -z + (name##__e)s;                                                              \
    }                                                                                          \
    /* lanes k.. of a seed, computed whole: t in lane j - k if that is one of them, else 0.    \
     * The mask is the window at N - j of a table whose only set entry is at N (window 0 when  \
     * j is outside [0, N)): no branch, no lane insert, no vector compare. The window is read  \
     * as a vector (unaligned, may_alias), not with memcpy: gcc turns a memcpy of 32 or 64     \
     * bytes into a load of a wide integer that it cannot fold from the table, so every seed   \
     * was loaded and masked at run time; as a vector load of a constant j (the Jacobian's     \
     * unrolled seeding) it folds to a constant seed, and so do the operations on seeds. */    \
    DUAL_API name##__v name##__seed_v(int k, int j, T t) {                                     \
        typedef name##__ie window                                                              \
            __attribute__((vector_size(sizeof(name##__iv)), aligned(sizeof(name##__ie)),       \
                           may_alias));                                                        \
        static const name##__ie tab[2 * (N) + 16] = {[N] = -1};                                \
        const int s = (unsigned)j < (unsigned)(N) ? (N) - j : 0;                               \
        const name##__iv m = *(const window *)(tab + s + k);                                   \
        return (name##__v)(m & (name##__iv)name##__bc(t));                                     \
    }                                                                                          \
    /* the value and the padding before d, written whole (16 bytes) */                         \
    DUAL_API void name##__setv(name *r, T v) {                                                 \
        name##__e h __attribute__((vector_size(16))) = {0};                                    \
        h[0] = (name##__e)v;                                                                   \
        __builtin_memcpy(r, &h, sizeof h);                                                     \
    }                                                                                          \
    DUAL__VGUARD(name, T)
/* The zero-tangent guard on vectors, (d == 0 ? d : g) * d lane by lane: the product g * d
 * with the lanes where d == +-0 cleared to +0 by an integer mask, without a vector compare:
 * with u = d's magnitude bits, u + (2^(b-1) - 1) has its top bit set exactly when u != 0, so
 * m = 0 - ((u + C) >> (b - 1)) is all ones there and 0 elsewhere (b = bits per lane). NaN
 * tangents are kept (u != 0), as in the scalar rule. Four integer operations per vector (five
 * without AVX-512's 64-bit arithmetic shift): the portable fallback, see x86 below. */
#ifdef DUAL_NO_ZERO_GUARD
#define DUAL__VGUARD(name, T)                                                                  \
    DUAL_API name##__v name##__gscale(T g, name##__v d) { return d * name##__bc(g); }
#else
#define DUAL__NZMASK(name)                                                                     \
    DUAL_API name##__uv name##__nzmask(name##__v d) {                                          \
        enum { b = (int)(sizeof(name##__ue) * 8) };                                            \
        const name##__uv z = {0}, c = ((z + 1) << (b - 1)) - 1;                                \
        return z - ((((name##__uv)d & c) + c) >> (b - 1));                                     \
    }
#if defined(__SSE2__) && !defined(DUAL_NO_X86_GUARD)
/* On x86 the mask comes from a comparison intrinsic instead, d != 0 unordered (NaN counts as
 * nonzero): compare, multiply, and (3 instructions instead of 6), and with AVX-512 on 64-byte
 * vectors a compare into a mask register and a zero-masked multiply (2). Intrinsics are
 * builtins, not vector comparisons, so gcc's loop vectorizer never meets a comparison. Each
 * branch converts through a union of dual.h's vector and the intrinsics' types of its size;
 * only the branch of the vector's size is kept. DUAL_NO_X86_GUARD selects the portable mask.
 * Measured with bench/ (-O3 -march=native, AVX-512): the guard's cost, chunk_n / chunk_n_ng,
 * fell from about 1.1 in geomean to 1.05, on rosenbrock from about 2.7x to 1.3x. */
#include <immintrin.h>
#if defined(__AVX512F__)
#define DUAL__X86_GUARD64(name, d, g)                                                          \
    if (sizeof(name##__v) == 64) {                                                             \
        union { name##__v v; __m512d pd; __m512 ps; } x, y;                                    \
        x.v = d;                                                                               \
        y.v = name##__bc(g);                                                                   \
        if (sizeof(name##__e) == 8)                                                            \
            x.pd = _mm512_maskz_mul_pd(                                                        \
                _mm512_cmp_pd_mask(x.pd, _mm512_setzero_pd(), _CMP_NEQ_UQ), x.pd, y.pd);       \
        else                                                                                   \
            x.ps = _mm512_maskz_mul_ps(                                                        \
                _mm512_cmp_ps_mask(x.ps, _mm512_setzero_ps(), _CMP_NEQ_UQ), x.ps, y.ps);       \
        return x.v;                                                                            \
    }
#else
#define DUAL__X86_GUARD64(name, d, g)
#endif
#if defined(__AVX__)
#define DUAL__X86_MASK32(name, d, m)                                                           \
    if (sizeof(name##__v) == 32) {                                                             \
        union { name##__v v; __m256d pd; __m256 ps; } x;                                       \
        x.v = d;                                                                               \
        if (sizeof(name##__e) == 8)                                                            \
            x.pd = _mm256_cmp_pd(x.pd, _mm256_setzero_pd(), _CMP_NEQ_UQ);                     \
        else                                                                                   \
            x.ps = _mm256_cmp_ps(x.ps, _mm256_setzero_ps(), _CMP_NEQ_UQ);                      \
        m = (name##__uv)x.v;                                                                   \
    }
#else
#define DUAL__X86_MASK32(name, d, m)
#endif
/* m starts as the portable mask (dead, and removed, where an intrinsic of the vector's size
 * replaces it; kept so that a vector size without an intrinsic stays correct) */
#define DUAL__VGUARD(name, T)                                                                  \
    DUAL__NZMASK(name)                                                                         \
    DUAL_API name##__v name##__gscale(T g, name##__v d) {                                      \
        name##__uv m = name##__nzmask(d);                                                      \
        DUAL__X86_GUARD64(name, d, g)                                                          \
        DUAL__X86_MASK32(name, d, m)                                                           \
        if (sizeof(name##__v) == 16) {                                                         \
            union { name##__v v; __m128d pd; __m128 ps; } x;                                   \
            x.v = d;                                                                           \
            if (sizeof(name##__e) == 8)                                                        \
                x.pd = _mm_cmpneq_pd(x.pd, _mm_setzero_pd());                                  \
            else                                                                               \
                x.ps = _mm_cmpneq_ps(x.ps, _mm_setzero_ps());                                  \
            m = (name##__uv)x.v;                                                               \
        }                                                                                      \
        return (name##__v)((name##__uv)(d * name##__bc(g)) & m);                               \
    }
#else
#define DUAL__VGUARD(name, T)                                                                  \
    DUAL__NZMASK(name)                                                                         \
    DUAL_API name##__v name##__gscale(T g, name##__v d) {                                      \
        return (name##__v)((name##__uv)(d * name##__bc(g)) & name##__nzmask(d));               \
    }
#endif
#endif
/* for every tangent: VSTMT on vectors at k (if the type has them), else SSTMT on
 * d[k]; the loops unrolled (so that gcc's late SRA can keep small numbers in registers) */
#define DUAL__NLOOP(name, VSTMT, SSTMT)                                                        \
    if (DUAL__VB(name##_scalar, name##_width)) {                                               \
        DUAL__UNROLL for (int k = 0; k < (int)name##_width; k += name##__lanes) VSTMT;         \
    } else {                                                                                   \
        DUAL__UNROLL DUAL__FOR(k, name) SSTMT;                                                 \
    }
#define DUAL__UNROLL _Pragma("GCC unroll 64")
#define DUAL__LD(name, a) name##__ld((a).d + k)
#define DUAL__SETV(name, r, x)                                                                 \
    if (DUAL__VB(name##_scalar, name##_width))                                                 \
        name##__setv(&(r), (x));                                                               \
    else                                                                                       \
        (r).v = (x);
#define DUAL__ST(name, r, x) name##__st((r).d + k, (x))
#else
#define DUAL__ALIGN_D(T, N)
#define DUAL__VDEFS(name, T, N)
#define DUAL__NLOOP(name, VSTMT, SSTMT) DUAL__FOR(k, name) SSTMT;
#define DUAL__SETV(name, r, x) (r).v = (x);
#endif

#define DUAL__U_DUALN(name, T, op, K, PRE, VALUE, D1, D2)                                      \
    DUAL_API name name##_##op(DUAL__P_##K(name, T)) {                                          \
        const T x = a.v, t = (T)(PRE), f = (T)(VALUE), d1 = (T)(D1);                           \
        name r;                                                                                \
        (void)t;                                                                               \
        DUAL__SETV(name, r, f)                                                                 \
        DUAL__NLOOP(name, DUAL__ST(name, r, name##__gscale(d1, DUAL__LD(name, a))),            \
                    r.d[k] = DUAL__SCALE(d1, a.d[k]))                                          \
        return r;                                                                              \
    }
#define DUAL__B_DUALN(name, T, op, PRE, VALUE, FX, FY, FXX, FXY, FYY)                          \
    DUAL_API name name##_##op(name a, name b) {                                                \
        const T x = a.v, y = b.v, t = (T)(PRE), f = (T)(VALUE), fx = (T)(FX), fy = (T)(FY);    \
        name r;                                                                                \
        (void)t;                                                                               \
        DUAL__SETV(name, r, f)                                                                 \
        DUAL__NLOOP(name,                                                                      \
                    DUAL__ST(name, r,                                                          \
                             name##__gscale(fx, DUAL__LD(name, a)) +                           \
                                 name##__gscale(fy, DUAL__LD(name, b))),                       \
                    r.d[k] = DUAL__SCALE(fx, a.d[k]) + DUAL__SCALE(fy, b.d[k]))                \
        return r;                                                                              \
    }
/* r.v = VALUE; r.d[k] = TANGENT for every k (a, b, c, s in scope); VTANGENT: the same on the
 * vectors at k (DUAL__LD(name, a) is a's) */
#define DUAL__N_EACH(name, VALUE, VTANGENT, TANGENT)                                           \
    name r;                                                                                    \
    DUAL__SETV(name, r, (VALUE))                                                               \
    DUAL__NLOOP(name, DUAL__ST(name, r, VTANGENT), r.d[k] = (TANGENT))                         \
    return r

#define DUALN_DEFINE(name, T, N)                                                               \
    typedef struct name { T v; DUAL__ALIGN_D(T, N) T d[N]; } name;                             \
    typedef T name##_scalar;                                                                   \
    enum { name##_width = (N) };                                                               \
    DUAL__VDEFS(name, T, N)                                                                    \
    DUAL_API name name##_make(T v, const T *d) {                                               \
        name r;                                                                                \
        r.v = v;                                                                               \
        DUAL__FOR(k, name) r.d[k] = d ? d[k] : 0;                                              \
        return r;                                                                              \
    }                                                                                          \
    DUAL_API name name##_const(T v) { DUAL__N_EACH(name, v, name##__bc(0), 0); }               \
    /* value v, tangent j is t, the others 0 (j outside [0, N): all 0); written whole */       \
    DUAL_API name name##__seed(T v, int j, T t) {                                              \
        DUAL__N_EACH(name, v, name##__seed_v(k, j, t), k == j ? t : 0);                        \
    }                                                                                          \
    DUAL_API name name##_var(T v, int j) { return name##__seed(v, j, 1); }                     \
    DUAL_API T name##__tangent(name a, int k) { return a.d[k]; }                               \
    DUAL_API name name##_add(name a, name b) {                                                 \
        DUAL__N_EACH(name, a.v + b.v, DUAL__LD(name, a) + DUAL__LD(name, b), a.d[k] + b.d[k]); \
    }                                                                                          \
    DUAL_API name name##_sub(name a, name b) {                                                 \
        DUAL__N_EACH(name, a.v - b.v, DUAL__LD(name, a) - DUAL__LD(name, b), a.d[k] - b.d[k]); \
    }                                                                                          \
    DUAL_API name name##_neg(name a) { DUAL__N_EACH(name, -a.v, -DUAL__LD(name, a), -a.d[k]); } \
    DUAL_API name name##_mul(name a, name b) {                                                 \
        DUAL__N_EACH(name, a.v * b.v,                                                          \
                     DUAL__LD(name, a) * name##__bc(b.v) + name##__bc(a.v) * DUAL__LD(name, b), \
                     a.d[k] * b.v + a.v * b.d[k]);                                             \
    }                                                                                          \
    DUAL_API name name##_fma(name a, name b, name c) {                                         \
        DUAL__N_EACH(name, DUAL__M3(fma, a.v, b.v, c.v),                                       \
                     DUAL__LD(name, a) * name##__bc(b.v) + name##__bc(a.v) * DUAL__LD(name, b) + \
                         DUAL__LD(name, c),                                                    \
                     a.d[k] * b.v + a.v * b.d[k] + c.d[k]);                                    \
    }                                                                                          \
    DUAL_API name name##_adds(name a, T s) {                                                   \
        DUAL__N_EACH(name, a.v + s, DUAL__LD(name, a), a.d[k]);                                \
    }                                                                                          \
    DUAL_API name name##_subs(name a, T s) {                                                   \
        DUAL__N_EACH(name, a.v - s, DUAL__LD(name, a), a.d[k]);                                \
    }                                                                                          \
    DUAL_API name name##_ssub(T s, name a) {                                                   \
        DUAL__N_EACH(name, s - a.v, -DUAL__LD(name, a), -a.d[k]);                              \
    }                                                                                          \
    DUAL_API name name##_muls(name a, T s) {                                                   \
        DUAL__N_EACH(name, a.v * s, DUAL__LD(name, a) * name##__bc(s), a.d[k] * s);            \
    }                                                                                          \
    DUAL_API name name##_divs(name a, T s) {                                                   \
        const T q = 1 / s;                                                                     \
        name r;                                                                                \
        DUAL__SETV(name, r, a.v / s)                                                           \
        DUAL__NLOOP(name, DUAL__ST(name, r, name##__gscale(q, DUAL__LD(name, a))),             \
                    r.d[k] = DUAL__SCALE(q, a.d[k]))                                           \
        return r;                                                                              \
    }                                                                                          \
    DUAL__UNARY(DUAL__U_DUALN, name, T)                                                        \
    DUAL__BINARY(DUAL__B_DUALN, name, T)                                                       \
    DUAL__SHARED(name, T)

/* ---------------------------------------------------------------------------------------------
 * Predefined types
 */
DUAL_DEFINE(dual, double)
DUAL_DEFINE(dualf, float)
HDUAL_DEFINE(hdual, double)
HDUAL_DEFINE(hdualf, float)
#ifndef DUAL_NO_LONG_DOUBLE
DUAL_DEFINE(duall, long double)
HDUAL_DEFINE(hduall, long double)
#define DUAL__GENERIC_LONG(op) long double: dual__l_##op, duall: duall_##op, hduall: hduall_##op,
#else
#define DUAL__GENERIC_LONG(op) long double: dual__l_##op,
#endif

/* ---------------------------------------------------------------------------------------------
 * double _Complex for complex-step differentiation (see COMPLEX STEP at the top).
 */
#ifdef DUAL__HAVE_COMPLEX
typedef double _Complex dual__cplx;

/* re + i im, exactly (also for infinite and NaN parts): C11 6.2.5p13 lays a complex number
 * out as an array of two reals. */
DUAL_API dual__cplx dual__c_make(double re, double im) {
    dual__cplx z;
    ((double *)&z)[0] = re;
    ((double *)&z)[1] = im;
    return z;
}
/* the first-order extension f(x) + i y f'(x) of a real function with value f, slope d1 */
DUAL_API dual__cplx dual__c_lin(dual__cplx z, double f, double d1) {
    return dual__c_make(f, cimag(z) * d1);
}
#define DUAL__C_LIN1(op)                                                                       \
    DUAL_API dual__cplx dual__c_##op(dual__cplx a) {                                           \
        const dual r = dual_##op(dual_make(creal(a), 1));                                      \
        return dual__c_lin(a, r.v, r.d);                                                       \
    }
#define DUAL__C_LIN2(op)                                                                       \
    DUAL_API dual__cplx dual__c_##op(dual__cplx a, dual__cplx b) {                             \
        const dual ra = dual_##op(dual_make(creal(a), 1), dual_const(creal(b)));               \
        const dual rb = dual_##op(dual_const(creal(a)), dual_make(creal(b), 1));               \
        return dual__c_make(ra.v, cimag(a) * ra.d + cimag(b) * rb.d);                          \
    }
#define DUAL__C_LIB1(op)                                                                       \
    DUAL_API dual__cplx dual__c_##op(dual__cplx a) { return c##op(a); }
#define DUAL__C_REALPART(op)                                                                   \
    DUAL_API dual__cplx dual__c_##op(dual__cplx a) { return dual__c_make(op(creal(a)), 0); }

DUAL__C_LIN1(cbrt)
DUAL__C_LIN1(expm1)
DUAL__C_LIN1(log1p)
DUAL__C_LIN1(erf)
DUAL__C_LIN1(erfc)
DUAL__C_LIN1(sigmoid)
DUAL__C_LIN1(softplus)
DUAL__C_LIN2(hypot)
DUAL__C_LIN2(atan2)
DUAL__C_LIN2(pow)
DUAL__C_LIB1(sqrt)
DUAL__C_LIB1(exp)
DUAL__C_LIB1(log)
DUAL__C_LIB1(sin)
DUAL__C_LIB1(cos)
DUAL__C_LIB1(tan)
DUAL__C_LIB1(asin)
DUAL__C_LIB1(acos)
DUAL__C_LIB1(atan)
DUAL__C_LIB1(sinh)
DUAL__C_LIB1(cosh)
DUAL__C_LIB1(tanh)
DUAL__C_LIB1(asinh)
DUAL__C_LIB1(acosh)
DUAL__C_LIB1(atanh)
DUAL__C_REALPART(floor)
DUAL__C_REALPART(ceil)
DUAL__C_REALPART(trunc)
DUAL__C_REALPART(round)

DUAL_API dual__cplx dual__c__lconst(long double c) { return dual__c_make((double)c, 0); }
DUAL_API double dual__c_value(dual__cplx a) { return creal(a); }
DUAL_API dual__cplx dual__c_add(dual__cplx a, dual__cplx b) { return a + b; }
DUAL_API dual__cplx dual__c_sub(dual__cplx a, dual__cplx b) { return a - b; }
DUAL_API dual__cplx dual__c_mul(dual__cplx a, dual__cplx b) { return a * b; }
DUAL_API dual__cplx dual__c_div(dual__cplx a, dual__cplx b) { return a / b; }
DUAL_API dual__cplx dual__c_neg(dual__cplx a) { return -a; }
DUAL_API dual__cplx dual__c_adds(dual__cplx a, double s) { return a + s; }
DUAL_API dual__cplx dual__c_subs(dual__cplx a, double s) { return a - s; }
DUAL_API dual__cplx dual__c_muls(dual__cplx a, double s) { return a * s; }
DUAL_API dual__cplx dual__c_divs(dual__cplx a, double s) { return a / s; }
DUAL_API dual__cplx dual__c_ssub(double s, dual__cplx a) { return s - a; }
DUAL_API dual__cplx dual__c_sdiv(double s, dual__cplx a) { return s / a; }
DUAL_API dual__cplx dual__c_sqr(dual__cplx a) { return a * a; }
DUAL_API dual__cplx dual__c_inv(dual__cplx a) { return 1 / a; }
DUAL_API dual__cplx dual__c_fma(dual__cplx a, dual__cplx b, dual__cplx c) { return a * b + c; }
DUAL_API dual__cplx dual__c_powi(dual__cplx a, int n) {
    unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    dual__cplx r = 1, b = a;
    for (; u; u >>= 1) {
        if (u & 1u) r *= b;
        b *= b;
    }
    return n < 0 ? 1 / r : r;
}
DUAL_API dual__cplx dual__c_pows(dual__cplx a, double s) {
    return dual__c_pow(a, dual__c_make(s, 0));
}
DUAL_API dual__cplx dual__c_spow(double s, dual__cplx a) {
    return dual__c_pow(dual__c_make(s, 0), a);
}
DUAL_API dual__cplx dual__c_exp2(dual__cplx a) { return cexp(a * (double)DUAL__LN2); }
DUAL_API dual__cplx dual__c_log2(dual__cplx a) { return clog(a) / (double)DUAL__LN2; }
DUAL_API dual__cplx dual__c_log10(dual__cplx a) { return clog(a) / (double)DUAL__LN10; }
/* the non-analytic functions follow the real part */
DUAL_API dual__cplx dual__c_fabs(dual__cplx a) { return creal(a) < 0 ? -a : a; }
DUAL_API dual__cplx dual__c_relu(dual__cplx a) { return creal(a) > 0 ? a : dual__c_make(0, 0); }
DUAL_API dual__cplx dual__c_fmax(dual__cplx a, dual__cplx b) {
    return creal(a) >= creal(b) || isnan(creal(b)) ? a : b;
}
DUAL_API dual__cplx dual__c_fmin(dual__cplx a, dual__cplx b) {
    return creal(a) <= creal(b) || isnan(creal(b)) ? a : b;
}
DUAL_API dual__cplx dual__c_copysign(dual__cplx a, dual__cplx b) {
    return (signbit(creal(a)) != 0) == (signbit(creal(b)) != 0) ? a : -a;
}
DUAL_API dual__cplx dual__c_fmod(dual__cplx a, dual__cplx b) {
    const double r = fmod(creal(a), creal(b)), q = round((creal(a) - r) / creal(b));
    return dual__c_make(r, cimag(a) - q * cimag(b));
}
DUAL__COMPARE(dual__c, dual__cplx, creal)
DUAL__SCALAR_OPS(dual__c, dual__cplx, double)
#define DUAL__GENERIC_COMPLEX(op) dual__cplx: dual__c_##op,
#else
#define DUAL__GENERIC_COMPLEX(op)
#endif

/* ---------------------------------------------------------------------------------------------
 * The generic front end: ad_<op> dispatches on the type of its first number argument.
 */
#ifndef DUAL_GENERIC_USER
#define DUAL_GENERIC_USER(op)
#endif
#define DUAL_GENERIC_ENTRY(name, op) name: name##_##op,

#define DUAL__GENERIC(op, x)                                                                   \
    _Generic((x), DUAL_GENERIC_USER(op) DUAL__GENERIC_COMPLEX(op) DUAL__GENERIC_LONG(op)       \
             float: dual__f_##op, double: dual__d_##op, dual: dual_##op, dualf: dualf_##op,    \
             hdual: hdual_##op, hdualf: hdualf_##op)

#define ad_const(like, c) DUAL__GENERIC(_lconst, like)((long double)(c))
#define ad_value(x) DUAL__GENERIC(value, x)(x)

#define ad_add(a, b) DUAL__GENERIC(add, a)((a), (b))
#define ad_sub(a, b) DUAL__GENERIC(sub, a)((a), (b))
#define ad_mul(a, b) DUAL__GENERIC(mul, a)((a), (b))
#define ad_div(a, b) DUAL__GENERIC(div, a)((a), (b))
#define ad_neg(a) DUAL__GENERIC(neg, a)(a)
#define ad_adds(a, s) DUAL__GENERIC(_ladds, a)((a), (long double)(s))
#define ad_subs(a, s) DUAL__GENERIC(_lsubs, a)((a), (long double)(s))
#define ad_muls(a, s) DUAL__GENERIC(_lmuls, a)((a), (long double)(s))
#define ad_divs(a, s) DUAL__GENERIC(_ldivs, a)((a), (long double)(s))
#define ad_ssub(s, a) DUAL__GENERIC(_lssub, a)((long double)(s), (a))
#define ad_sdiv(s, a) DUAL__GENERIC(_lsdiv, a)((long double)(s), (a))
#define ad_sqr(a) DUAL__GENERIC(sqr, a)(a)
#define ad_inv(a) DUAL__GENERIC(inv, a)(a)
#define ad_powi(a, n) DUAL__GENERIC(powi, a)((a), (n))
#define ad_fma(a, b, c) DUAL__GENERIC(fma, a)((a), (b), (c))

#define ad_fabs(a) DUAL__GENERIC(fabs, a)(a)
#define ad_fmin(a, b) DUAL__GENERIC(fmin, a)((a), (b))
#define ad_fmax(a, b) DUAL__GENERIC(fmax, a)((a), (b))
#define ad_sqrt(a) DUAL__GENERIC(sqrt, a)(a)
#define ad_cbrt(a) DUAL__GENERIC(cbrt, a)(a)
#define ad_hypot(a, b) DUAL__GENERIC(hypot, a)((a), (b))
#define ad_exp(a) DUAL__GENERIC(exp, a)(a)
#define ad_exp2(a) DUAL__GENERIC(exp2, a)(a)
#define ad_expm1(a) DUAL__GENERIC(expm1, a)(a)
#define ad_log(a) DUAL__GENERIC(log, a)(a)
#define ad_log2(a) DUAL__GENERIC(log2, a)(a)
#define ad_log10(a) DUAL__GENERIC(log10, a)(a)
#define ad_log1p(a) DUAL__GENERIC(log1p, a)(a)
#define ad_pow(a, b) DUAL__GENERIC(pow, a)((a), (b))
#define ad_pows(a, s) DUAL__GENERIC(_lpows, a)((a), (long double)(s))
#define ad_spow(s, a) DUAL__GENERIC(_lspow, a)((long double)(s), (a))
#define ad_sin(a) DUAL__GENERIC(sin, a)(a)
#define ad_cos(a) DUAL__GENERIC(cos, a)(a)
#define ad_tan(a) DUAL__GENERIC(tan, a)(a)
#define ad_asin(a) DUAL__GENERIC(asin, a)(a)
#define ad_acos(a) DUAL__GENERIC(acos, a)(a)
#define ad_atan(a) DUAL__GENERIC(atan, a)(a)
#define ad_atan2(a, b) DUAL__GENERIC(atan2, a)((a), (b))
#define ad_sinh(a) DUAL__GENERIC(sinh, a)(a)
#define ad_cosh(a) DUAL__GENERIC(cosh, a)(a)
#define ad_tanh(a) DUAL__GENERIC(tanh, a)(a)
#define ad_asinh(a) DUAL__GENERIC(asinh, a)(a)
#define ad_acosh(a) DUAL__GENERIC(acosh, a)(a)
#define ad_atanh(a) DUAL__GENERIC(atanh, a)(a)
#define ad_erf(a) DUAL__GENERIC(erf, a)(a)
#define ad_erfc(a) DUAL__GENERIC(erfc, a)(a)
#define ad_floor(a) DUAL__GENERIC(floor, a)(a)
#define ad_ceil(a) DUAL__GENERIC(ceil, a)(a)
#define ad_trunc(a) DUAL__GENERIC(trunc, a)(a)
#define ad_round(a) DUAL__GENERIC(round, a)(a)
#define ad_fmod(a, b) DUAL__GENERIC(fmod, a)((a), (b))
#define ad_copysign(a, b) DUAL__GENERIC(copysign, a)((a), (b))
#define ad_sigmoid(a) DUAL__GENERIC(sigmoid, a)(a)
#define ad_relu(a) DUAL__GENERIC(relu, a)(a)
#define ad_softplus(a) DUAL__GENERIC(softplus, a)(a)

#define ad_lt(a, b) DUAL__GENERIC(lt, a)((a), (b))
#define ad_le(a, b) DUAL__GENERIC(le, a)((a), (b))
#define ad_gt(a, b) DUAL__GENERIC(gt, a)((a), (b))
#define ad_ge(a, b) DUAL__GENERIC(ge, a)((a), (b))
#define ad_eq(a, b) DUAL__GENERIC(eq, a)((a), (b))
#define ad_ne(a, b) DUAL__GENERIC(ne, a)((a), (b))
#define ad_cmp(a, b) DUAL__GENERIC(cmp, a)((a), (b))

#endif /* DUALJAC_DUAL_H */
