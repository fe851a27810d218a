/* test_conventions.c - every convention of API.md, each case named in its TAP line.
 *
 *   kinks          fabs'(+-0) = 0, relu'(0) = 0, relu(NaN) = NaN, fmax/fmin ties average the
 *                  tangents, fmax/fmin with one NaN return the other argument, floor ceil trunc
 *                  round have tangents exactly 0 (hyper-dual e12 too), copysign and fmod
 *                  piecewise derivatives (fmod(x, 0) NaN)
 *   zero tangents  at singular points (sqrt(0), log(0), acos(+-1), pow(0, y), hypot(0, 0), ...)
 *                  a zero tangent gives exactly 0 in every component (dual, float and long double
 *                  variants, hyper-dual e1 e2 e12, chunked: the unseeded components), a seeded
 *                  one gives the +-inf or NaN the mathematics says
 *   domain errors  log(-1), sqrt(-1), acos(2), fmod(1, 0), ...: value NaN, tangent NaN when
 *                  seeded and 0 when the input tangent is 0
 *   powers         the b == 0 and a == 0 < b rules of pow, pows, spow, powi
 *   libm variant   dualf computes in float (sinf...), duall in long double (sinl...), bit for bit
 *   constructors   const, var, make, chunked var out of range, make(v, NULL), __seed, __tangent
 *   comparisons    lt le gt ge eq ne cmp on the value part, cmp 0 when unordered
 *   stability      sigmoid and softplus at +-1000: finite, no NaN
 * Expected values come from the mathematics (limits of the derivative formulas in IEEE
 * arithmetic), never from dual.h.
 */
#include "dual.h"
#include "tap.h"

#include <float.h>
#include <stdio.h>

DUALN_DEFINE(dual4, double, 4)
DUALN_DEFINE(dual3, float, 3)

#define L(x) ((long double)(x))

/* what a seeded tangent must be */
enum { K_VAL, K_NAN, K_NONFINITE };

static int tangent_is(long double got, int kind, long double want) {
    switch (kind) {
    case K_NAN: return isnan(got);
    case K_NONFINITE: return !isfinite(got);
    default: return tap_close(got, want, 8 * LDBL_EPSILON, 0) || (got == want);
    }
}

static const char *kind_str(int kind, long double want, char *buf, size_t n) {
    if (kind == K_NAN) return "NaN";
    if (kind == K_NONFINITE) return "+-inf or NaN";
    snprintf(buf, n, "%Lg", want);
    return buf;
}

/* value check: NaN == NaN, infinities exact, otherwise relative 4 eps of the type */
static int value_is(long double got, long double want, long double eps) {
    return tap_close(got, want, 4 * eps, 0);
}

/* ---------------------------------------------------------------------------------------------
 * Unary operations at singular points and domain errors.
 */
enum {
    U_fabs, U_sqrt, U_cbrt, U_log, U_log2, U_log10, U_log1p, U_acos, U_asin, U_atanh, U_acosh,
    U_inv, U_powi, U_pows, U_spow, U_divs, U_sdiv, U_relu
};

typedef struct zcase {
    const char *name; /* as printed */
    int op;
    long double x, p; /* point, parameter */
    long double v;    /* expected value */
    int kind;         /* seeded tangent (unit seed): K_VAL t, K_NAN, K_NONFINITE */
    long double t;
} zcase;

#define NAN_L ((long double)NAN)
#define INF_L HUGE_VALL

static const zcase zero_cases[] = {
    /* zero tangents stay zero; with a unit tangent, the limit of f' */
    {"sqrt(0)", U_sqrt, 0, 0, 0, K_VAL, INF_L},          /* 1/(2 sqrt x) -> +inf */
    {"cbrt(0)", U_cbrt, 0, 0, 0, K_VAL, INF_L},          /* 1/(3 x^(2/3)) -> +inf */
    {"log(0)", U_log, 0, 0, -INF_L, K_VAL, INF_L},       /* 1/x -> +inf */
    {"log2(0)", U_log2, 0, 0, -INF_L, K_VAL, INF_L},     /* 1/(x ln 2) */
    {"log10(0)", U_log10, 0, 0, -INF_L, K_VAL, INF_L},   /* 1/(x ln 10) */
    {"log1p(-1)", U_log1p, -1, 0, -INF_L, K_VAL, INF_L}, /* 1/(1+x) */
    {"acos(1)", U_acos, 1, 0, 0, K_VAL, -INF_L},         /* -1/sqrt(1-x^2) */
    {"acos(-1)", U_acos, -1, 0, 3.14159265358979323846264338327950288L, K_VAL, -INF_L},
    {"asin(1)", U_asin, 1, 0, 1.57079632679489661923132169163975144L, K_VAL, INF_L},
    {"asin(-1)", U_asin, -1, 0, -1.57079632679489661923132169163975144L, K_VAL, INF_L},
    {"atanh(1)", U_atanh, 1, 0, INF_L, K_VAL, INF_L},   /* 1/(1-x^2) */
    {"atanh(-1)", U_atanh, -1, 0, -INF_L, K_VAL, INF_L},
    {"acosh(1)", U_acosh, 1, 0, 0, K_VAL, INF_L},       /* 1/sqrt(x^2-1) */
    {"inv(0)", U_inv, 0, 0, INF_L, K_VAL, -INF_L},      /* -1/x^2 */
    {"powi(0, -1)", U_powi, 0, -1, INF_L, K_VAL, -INF_L}, /* -1 * 0^-2 */
    {"powi(0, -2)", U_powi, 0, -2, INF_L, K_VAL, -INF_L}, /* -2 * 0^-3 = -2 * (+inf) */
    {"pows(0, 0.5)", U_pows, 0, 0.5L, 0, K_VAL, INF_L},   /* 0.5 * 0^-0.5 */
    {"pows(0, -1.5)", U_pows, 0, -1.5L, INF_L, K_VAL, -INF_L}, /* -1.5 * 0^-2.5 */
    {"spow(0, x) at x = 0", U_spow, 0, 0, 1, K_VAL, -INF_L}, /* 0^0 ln 0 = -inf */
    {"spow(0, x) at x = -1", U_spow, -1, 0, INF_L, K_VAL, -INF_L}, /* 0^-1 ln 0 */
    {"divs(1, 0)", U_divs, 1, 0, INF_L, K_VAL, INF_L},    /* d/a of a/s = 1/s = +inf */
    {"sdiv(1, 0)", U_sdiv, 0, 1, INF_L, K_VAL, -INF_L},   /* d/da s/a = -s/a^2 */
    /* domain errors: value NaN, tangent NaN when seeded */
    {"domain error log(-1)", U_log, -1, 0, NAN_L, K_NAN, 0},
    {"domain error log2(-1)", U_log2, -1, 0, NAN_L, K_NAN, 0},
    {"domain error log10(-1)", U_log10, -1, 0, NAN_L, K_NAN, 0},
    {"domain error log1p(-2)", U_log1p, -2, 0, NAN_L, K_NAN, 0},
    {"domain error sqrt(-1)", U_sqrt, -1, 0, NAN_L, K_NAN, 0},
    {"domain error acos(2)", U_acos, 2, 0, NAN_L, K_NAN, 0},
    {"domain error asin(-2)", U_asin, -2, 0, NAN_L, K_NAN, 0},
    {"domain error atanh(2)", U_atanh, 2, 0, NAN_L, K_NAN, 0},
    {"domain error acosh(0.5)", U_acosh, 0.5L, 0, NAN_L, K_NAN, 0},
    {"domain error pows(-1, 0.5)", U_pows, -1, 0.5L, NAN_L, K_NAN, 0},
    {"domain error spow(-2, x) at x = 0.5", U_spow, 0.5L, -2, NAN_L, K_NAN, 0},
    /* the power rules that give finite answers */
    {"spow(0, x) at x = 2: d/da = 0 (s == 0 < a rule)", U_spow, 2, 0, 0, K_VAL, 0},
    {"pows(0, 0): value 1, d/da = 0 (s == 0 rule)", U_pows, 0, 0, 1, K_VAL, 0},
    {"pows(-3, 0): d/da = 0 (s == 0 rule)", U_pows, -3, 0, 1, K_VAL, 0},
    {"pows(0, 1): d/da = 1", U_pows, 0, 1, 0, K_VAL, 1},
    {"pows(0, 2): d/da = 0", U_pows, 0, 2, 0, K_VAL, 0},
    {"powi(0, 0): value 1, d/da = 0 (n == 0 rule)", U_powi, 0, 0, 1, K_VAL, 0},
    {"powi(0, 1): d/da = 1", U_powi, 0, 1, 0, K_VAL, 1},
    {"powi(0, 3): d/da = 0", U_powi, 0, 3, 0, K_VAL, 0},
    /* kinks */
    {"fabs'(+0) = 0", U_fabs, 0, 0, 0, K_VAL, 0},
    {"fabs'(-0) = 0", U_fabs, -0.0L, 0, 0, K_VAL, 0},
    {"relu'(0) = 0", U_relu, 0, 0, 0, K_VAL, 0},
    {"relu'(-0) = 0", U_relu, -0.0L, 0, 0, K_VAL, 0},
    {"relu'(1e-30) = 1", U_relu, 1e-30L, 0, 1e-30L, K_VAL, 1},
    {"relu'(-1) = 0", U_relu, -1, 0, 0, K_VAL, 0},
};
#define NZERO (sizeof zero_cases / sizeof zero_cases[0])

/* Binary operations at singular points. */
enum { B_pow, B_div, B_hypot, B_atan2, B_fmod };
typedef struct bzcase {
    const char *name;
    int op;
    long double a, b, v;
    int kind_a;
    long double ta; /* seeded a (unit), b constant */
    int kind_b;
    long double tb; /* seeded b (unit), a constant */
} bzcase;

static const bzcase bzero_cases[] = {
    /* pow(0, y): d/da = y 0^(y-1) (y == 0: 0); d/db = 0^y ln 0 (0 < y: 0) */
    {"pow(0, 0.5)", B_pow, 0, 0.5L, 0, K_VAL, INF_L, K_VAL, 0},
    {"pow(0, 2)", B_pow, 0, 2, 0, K_VAL, 0, K_VAL, 0},
    {"pow(0, 1)", B_pow, 0, 1, 0, K_VAL, 1, K_VAL, 0},
    {"pow(0, 0)", B_pow, 0, 0, 1, K_VAL, 0, K_VAL, -INF_L},
    {"pow(0, -1)", B_pow, 0, -1, INF_L, K_VAL, -INF_L, K_VAL, -INF_L},
    {"pow(-2, 0): d/da = 0 (b == 0 rule), d/db = ln(-2) NaN", B_pow, -2, 0, 1, K_VAL, 0, K_NAN,
     0},
    {"domain error pow(-1, 0.5)", B_pow, -1, 0.5L, NAN_L, K_NAN, 0, K_NAN, 0},
    /* a/b at b = 0: d/da = 1/b, d/db = -a/b^2 */
    {"div(1, 0)", B_div, 1, 0, INF_L, K_VAL, INF_L, K_VAL, -INF_L},
    {"div(-2, 0)", B_div, -2, 0, -INF_L, K_VAL, INF_L, K_VAL, INF_L},
    /* hypot and atan2 at the origin: the partials are 0/0 */
    {"hypot(0, 0)", B_hypot, 0, 0, 0, K_NONFINITE, 0, K_NONFINITE, 0},
    {"atan2(0, 0)", B_atan2, 0, 0, 0, K_NONFINITE, 0, K_NONFINITE, 0},
    /* fmod(a, 0) is NaN: both tangents NaN when seeded */
    {"domain error fmod(1, 0)", B_fmod, 1, 0, NAN_L, K_NAN, 0, K_NAN, 0},
    {"domain error fmod(x, 0) at x = -2.5", B_fmod, -2.5L, 0, NAN_L, K_NAN, 0, K_NAN, 0},
    {"domain error fmod(inf, 2)", B_fmod, INF_L, 2, NAN_L, K_NAN, 0, K_NAN, 0},
};
#define NBZERO (sizeof bzero_cases / sizeof bzero_cases[0])

/* ---------------------------------------------------------------------------------------------
 * Generators: apply an op, then check a case on one type.
 */
#define DEFINE_APPLY(N, S)                                                                     \
    static N u_##N(int op, N x, S p) {                                                         \
        switch (op) {                                                                          \
        case U_fabs: return N##_fabs(x);                                                       \
        case U_sqrt: return N##_sqrt(x);                                                       \
        case U_cbrt: return N##_cbrt(x);                                                       \
        case U_log: return N##_log(x);                                                         \
        case U_log2: return N##_log2(x);                                                       \
        case U_log10: return N##_log10(x);                                                     \
        case U_log1p: return N##_log1p(x);                                                     \
        case U_acos: return N##_acos(x);                                                       \
        case U_asin: return N##_asin(x);                                                       \
        case U_atanh: return N##_atanh(x);                                                     \
        case U_acosh: return N##_acosh(x);                                                     \
        case U_inv: return N##_inv(x);                                                         \
        case U_powi: return N##_powi(x, (int)p);                                               \
        case U_pows: return N##_pows(x, p);                                                    \
        case U_spow: return N##_spow(p, x);                                                    \
        case U_divs: return N##_divs(x, p);                                                    \
        case U_sdiv: return N##_sdiv(p, x);                                                    \
        case U_relu: return N##_relu(x);                                                       \
        default: return x;                                                                     \
        }                                                                                      \
    }                                                                                          \
    static N b_##N(int op, N a, N b) {                                                         \
        switch (op) {                                                                          \
        case B_pow: return N##_pow(a, b);                                                      \
        case B_div: return N##_div(a, b);                                                      \
        case B_hypot: return N##_hypot(a, b);                                                  \
        case B_atan2: return N##_atan2(a, b);                                                  \
        case B_fmod: return N##_fmod(a, b);                                                    \
        default: return a;                                                                     \
        }                                                                                      \
    }

/* dual-like (one tangent .d) */
#define DEFINE_ZCHECK_DUAL(N, S, EPS)                                                          \
    DEFINE_APPLY(N, S)                                                                         \
    static void zcheck_##N(const zcase *c) {                                                   \
        const N y0 = u_##N(c->op, N##_make((S)c->x, 0), (S)c->p);                              \
        const N y1 = u_##N(c->op, N##_make((S)c->x, 1), (S)c->p);                              \
        const N y2 = u_##N(c->op, N##_make((S)c->x, -2), (S)c->p);                             \
        char b[32];                                                                            \
        const int ok0 = value_is(L(y0.v), c->v, L(EPS)) && y0.d == 0;                          \
        const int ok1 = tangent_is(L(y1.d), c->kind, c->t);                                    \
        const int ok2 = tangent_is(L(y2.d), c->kind, -2 * c->t);                               \
        if (!tap_ok(ok0 && ok1 && ok2, "%s %s: tangent 0 -> exactly 0; tangent 1 -> %s", #N,    \
                    c->name, kind_str(c->kind, c->t, b, sizeof b)))                            \
            tap_diag("  v %Lg (want %Lg); d: tangent 0 -> %Lg, 1 -> %Lg, -2 -> %Lg", L(y0.v),   \
                     c->v, L(y0.d), L(y1.d), L(y2.d));                                         \
    }                                                                                          \
    static void bzcheck_##N(const bzcase *c) {                                                 \
        const S a = (S)c->a, bb = (S)c->b;                                                     \
        const N y0 = b_##N(c->op, N##_const(a), N##_const(bb));                                \
        const N ya = b_##N(c->op, N##_var(a), N##_const(bb));                                  \
        const N yb = b_##N(c->op, N##_const(a), N##_var(bb));                                  \
        char s1[32], s2[32];                                                                   \
        const int ok = value_is(L(y0.v), c->v, L(EPS)) && y0.d == 0 &&                         \
                       tangent_is(L(ya.d), c->kind_a, c->ta) &&                                \
                       tangent_is(L(yb.d), c->kind_b, c->tb);                                  \
        if (!tap_ok(ok, "%s %s: tangents 0 -> exactly 0; d/da -> %s, d/db -> %s", #N, c->name,  \
                    kind_str(c->kind_a, c->ta, s1, sizeof s1),                                 \
                    kind_str(c->kind_b, c->tb, s2, sizeof s2)))                                \
            tap_diag("  v %Lg (want %Lg); d: zero tangents -> %Lg, seed a -> %Lg, seed b -> "   \
                     "%Lg",                                                                    \
                     L(y0.v), c->v, L(y0.d), L(ya.d), L(yb.d));                                \
    }

/* hyper-dual: e1, e2, e12 */
#define DEFINE_ZCHECK_HDUAL(N, S, EPS)                                                         \
    DEFINE_APPLY(N, S)                                                                         \
    static void zcheck_##N(const zcase *c) {                                                   \
        const S x = (S)c->x, p = (S)c->p;                                                      \
        const N y0 = u_##N(c->op, N##_make(x, 0, 0, 0), p);                                    \
        const N y1 = u_##N(c->op, N##_make(x, 1, 0, 0), p);                                    \
        const N y2 = u_##N(c->op, N##_make(x, 0, 1, 0), p);                                    \
        const N y3 = u_##N(c->op, N##_make(x, 0, 0, 1), p);                                    \
        char b[32];                                                                            \
        const int ok = value_is(L(y0.v), c->v, L(EPS)) && y0.e1 == 0 && y0.e2 == 0 &&          \
                       y0.e12 == 0 && tangent_is(L(y1.e1), c->kind, c->t) && y1.e2 == 0 &&     \
                       y1.e12 == 0 && y2.e1 == 0 && tangent_is(L(y2.e2), c->kind, c->t) &&     \
                       y2.e12 == 0 && y3.e1 == 0 && y3.e2 == 0 &&                              \
                       tangent_is(L(y3.e12), c->kind, c->t);                                   \
        if (!tap_ok(ok,                                                                        \
                    "%s %s: zero tangents -> exactly 0 (e1, e2, e12); the seeded one (e1, e2 or " \
                    "e12 alone) -> %s",                                                        \
                    #N, c->name, kind_str(c->kind, c->t, b, sizeof b)))                        \
            tap_diag("  v %Lg; (0,0,0) -> %Lg %Lg %Lg; (1,0,0) -> %Lg %Lg %Lg; (0,1,0) -> %Lg "  \
                     "%Lg %Lg; (0,0,1) -> %Lg %Lg %Lg",                                        \
                     L(y0.v), L(y0.e1), L(y0.e2), L(y0.e12), L(y1.e1), L(y1.e2), L(y1.e12),     \
                     L(y2.e1), L(y2.e2), L(y2.e12), L(y3.e1), L(y3.e2), L(y3.e12));            \
    }                                                                                          \
    static void bzcheck_##N(const bzcase *c) {                                                 \
        const S a = (S)c->a, bb = (S)c->b;                                                     \
        const N y0 = b_##N(c->op, N##_const(a), N##_const(bb));                                \
        /* e1 on a, e2 on b */                                                                 \
        const N y = b_##N(c->op, N##_make(a, 1, 0, 0), N##_make(bb, 0, 1, 0));                 \
        /* only a's e12 */                                                                     \
        const N y3 = b_##N(c->op, N##_make(a, 0, 0, 1), N##_const(bb));                        \
        char s1[32], s2[32];                                                                   \
        const int ok = value_is(L(y0.v), c->v, L(EPS)) && y0.e1 == 0 && y0.e2 == 0 &&          \
                       y0.e12 == 0 && tangent_is(L(y.e1), c->kind_a, c->ta) &&                 \
                       tangent_is(L(y.e2), c->kind_b, c->tb) && y3.e1 == 0 && y3.e2 == 0 &&    \
                       tangent_is(L(y3.e12), c->kind_a, c->ta);                                \
        if (!tap_ok(ok,                                                                        \
                    "%s %s: zero tangents -> exactly 0; e1 on a -> %s, e2 on b -> %s", #N,      \
                    c->name, kind_str(c->kind_a, c->ta, s1, sizeof s1),                        \
                    kind_str(c->kind_b, c->tb, s2, sizeof s2)))                                \
            tap_diag("  v %Lg; zero -> %Lg %Lg %Lg; e1 on a, e2 on b -> %Lg %Lg; e12 on a -> "  \
                     "%Lg %Lg %Lg",                                                            \
                     L(y0.v), L(y0.e1), L(y0.e2), L(y0.e12), L(y.e1), L(y.e2), L(y3.e1),        \
                     L(y3.e2), L(y3.e12));                                                     \
    }

/* chunked: seed one component, the others must stay exactly 0 */
#define DEFINE_ZCHECK_DUALN(N, S, EPS)                                                         \
    DEFINE_APPLY(N, S)                                                                         \
    static void zcheck_##N(const zcase *c) {                                                   \
        const S x = (S)c->x, p = (S)c->p;                                                      \
        const N y0 = u_##N(c->op, N##_const(x), p);                                            \
        const N y1 = u_##N(c->op, N##_var(x, 1), p);                                           \
        char b[32];                                                                            \
        int ok = value_is(L(y0.v), c->v, L(EPS)) && tangent_is(L(y1.d[1]), c->kind, c->t);     \
        for (int k = 0; k < N##_width; ++k) ok = ok && y0.d[k] == 0 && (k == 1 || y1.d[k] == 0); \
        if (!tap_ok(ok, "%s %s: unseeded components exactly 0, seeded d[1] -> %s", #N, c->name, \
                    kind_str(c->kind, c->t, b, sizeof b)))                                     \
            tap_diag("  v %Lg; var(x, 1) -> d = {%Lg, %Lg, %Lg, ...}", L(y1.v), L(y1.d[0]),     \
                     L(y1.d[1]), L(y1.d[2]));                                                  \
    }                                                                                          \
    static void bzcheck_##N(const bzcase *c) {                                                 \
        const S a = (S)c->a, bb = (S)c->b;                                                     \
        /* a seeded in direction 0, b in direction 2 */                                        \
        const N y = b_##N(c->op, N##_var(a, 0), N##_var(bb, 2));                               \
        char s1[32], s2[32];                                                                   \
        int ok = value_is(L(y.v), c->v, L(EPS)) && tangent_is(L(y.d[0]), c->kind_a, c->ta) &&  \
                 tangent_is(L(y.d[2]), c->kind_b, c->tb);                                      \
        for (int k = 0; k < N##_width; ++k) ok = ok && (k == 0 || k == 2 || y.d[k] == 0);      \
        if (!tap_ok(ok, "%s %s: a on d[0] -> %s, b on d[2] -> %s, the others exactly 0", #N,    \
                    c->name, kind_str(c->kind_a, c->ta, s1, sizeof s1),                        \
                    kind_str(c->kind_b, c->tb, s2, sizeof s2)))                                \
            tap_diag("  v %Lg; d = {%Lg, %Lg, %Lg}", L(y.v), L(y.d[0]), L(y.d[1]), L(y.d[2]));  \
    }

DEFINE_ZCHECK_DUAL(dual, double, DBL_EPSILON)
DEFINE_ZCHECK_DUAL(dualf, float, FLT_EPSILON)
DEFINE_ZCHECK_DUAL(duall, long double, LDBL_EPSILON)
DEFINE_ZCHECK_HDUAL(hdual, double, DBL_EPSILON)
DEFINE_ZCHECK_HDUAL(hdualf, float, FLT_EPSILON)
DEFINE_ZCHECK_HDUAL(hduall, long double, LDBL_EPSILON)
DEFINE_ZCHECK_DUALN(dual4, double, DBL_EPSILON)
DEFINE_ZCHECK_DUALN(dual3, float, FLT_EPSILON)

/* ---------------------------------------------------------------------------------------------
 * Kinks and piecewise functions, per family.
 */
#define DEFINE_KINKS_DUAL(N, S)                                                                \
    static void kinks_##N(void) {                                                              \
        const S nan_ = (S)NAN;                                                                 \
        N r;                                                                                   \
        r = N##_fabs(N##_make(-(S)0, 1));                                                      \
        tap_ok(r.d == 0 && r.v == 0 && !signbit(r.v), "%s fabs(-0) = +0, fabs'(-0) = 0", #N);   \
        r = N##_relu(N##_make(nan_, 1));                                                       \
        tap_ok(isnan(r.v), "%s relu(NaN) = NaN", #N);                                          \
        /* fmax/fmin: the winner's whole tangent; on a tie the average */                      \
        r = N##_fmax(N##_make(1, 2), N##_make(1, 4));                                          \
        tap_ok(r.v == 1 && r.d == 3, "%s fmax tie: tangent (2 + 4)/2 = 3", #N);                \
        r = N##_fmin(N##_make(-1, 2), N##_make(-1, -5));                                       \
        tap_ok(r.v == -1 && r.d == (S)-1.5, "%s fmin tie: tangent (2 - 5)/2 = -1.5", #N);       \
        r = N##_fmax(N##_make(3, 2), N##_make(1, 4));                                          \
        tap_ok(r.v == 3 && r.d == 2, "%s fmax(3, 1) takes a's tangent", #N);                   \
        r = N##_fmin(N##_make(3, 2), N##_make(1, 4));                                          \
        tap_ok(r.v == 1 && r.d == 4, "%s fmin(3, 1) takes b's tangent", #N);                   \
        r = N##_fmax(N##_make(nan_, 7), N##_make(2, 5));                                       \
        tap_ok(r.v == 2 && r.d == 5, "%s fmax(NaN, b) = b, value and tangent", #N);            \
        r = N##_fmax(N##_make(2, 5), N##_make(nan_, 7));                                       \
        tap_ok(r.v == 2 && r.d == 5, "%s fmax(a, NaN) = a, value and tangent", #N);            \
        r = N##_fmin(N##_make(nan_, 7), N##_make(2, 5));                                       \
        tap_ok(r.v == 2 && r.d == 5, "%s fmin(NaN, b) = b, value and tangent", #N);            \
        r = N##_fmin(N##_make(2, 5), N##_make(nan_, 7));                                       \
        tap_ok(r.v == 2 && r.d == 5, "%s fmin(a, NaN) = a, value and tangent", #N);            \
        /* floor ceil trunc round: tangent exactly 0, whatever comes in */                     \
        {                                                                                      \
            static const double xs[] = {2.5, -2.5, 3.0, -0.0, 0.49, -7.75};                    \
            static const double ts[] = {1, -3.5, 1e300};                                       \
            int ok = 1;                                                                        \
            for (int i = 0; i < 6; ++i)                                                        \
                for (int j = 0; j < 3; ++j) {                                                  \
                    const N x = N##_make((S)xs[i], (S)ts[j]);                                  \
                    ok = ok && N##_floor(x).d == 0 && N##_ceil(x).d == 0 &&                    \
                         N##_trunc(x).d == 0 && N##_round(x).d == 0;                           \
                    ok = ok && L(N##_floor(x).v) == floorl(L((S)xs[i])) &&                        \
                         L(N##_ceil(x).v) == ceill(L((S)xs[i])) &&                                \
                         L(N##_round(x).v) == roundl(L((S)xs[i]));                                \
                }                                                                              \
            tap_ok(ok, "%s floor ceil trunc round: tangent exactly 0 (integer, half, negative, " \
                   "-0 points; tangents 1, -3.5, 1e300)", #N);                                 \
        }                                                                                      \
        /* copysign(a, b): +-a, tangent +-a.d, nothing from b */                               \
        r = N##_copysign(N##_make(2, 1), N##_make(3, 5));                                      \
        tap_ok(r.v == 2 && r.d == 1, "%s copysign(2, 3): tangent +a'", #N);                    \
        r = N##_copysign(N##_make(2, 1), N##_make(-3, 5));                                     \
        tap_ok(r.v == -2 && r.d == -1, "%s copysign(2, -3): tangent -a'", #N);                 \
        r = N##_copysign(N##_make(-2, 1), N##_make(3, 5));                                     \
        tap_ok(r.v == 2 && r.d == -1, "%s copysign(-2, 3): tangent -a'", #N);                  \
        r = N##_copysign(N##_make(-2, 1), N##_make(-3, 5));                                    \
        tap_ok(r.v == -2 && r.d == 1, "%s copysign(-2, -3): tangent +a'", #N);                 \
        r = N##_copysign(N##_make(2, 1), N##_make(-(S)0, 5));                                  \
        tap_ok(r.v == -2 && r.d == -1, "%s copysign(2, -0): sign bit of -0 counts", #N);       \
        r = N##_copysign(N##_make(0, 1), N##_make(-1, 0));                                     \
        tap_ok(r.v == 0 && signbit(r.v) && r.d == -1, "%s copysign(+0, -1) = -0, tangent -a'",  \
               #N);                                                                            \
        r = N##_copysign(N##_const(2), N##_make(-3, 1));                                       \
        tap_ok(r.v == -2 && r.d == 0, "%s copysign: d/db = 0", #N);                            \
        /* fmod(a, b) = a - q b: tangent a' - q b' */                                          \
        r = N##_fmod(N##_make((S)5.5, 1), N##_const(2));                                       \
        tap_ok(r.v == (S)1.5 && r.d == 1, "%s fmod(5.5, 2): d/da = 1", #N);                    \
        r = N##_fmod(N##_const((S)5.5), N##_make(2, 1));                                       \
        tap_ok(r.v == (S)1.5 && r.d == -2, "%s fmod(5.5, 2): d/db = -q = -2", #N);             \
        r = N##_fmod(N##_const((S)-5.5), N##_make(2, 1));                                      \
        tap_ok(r.v == (S)-1.5 && r.d == 2, "%s fmod(-5.5, 2): d/db = -q = 2", #N);             \
        r = N##_fmod(N##_const((S)5.5), N##_make(-2, 1));                                      \
        tap_ok(r.v == (S)1.5 && r.d == 2, "%s fmod(5.5, -2): q = -2, d/db = -q = 2", #N);       \
        r = N##_fmod(N##_make((S)1.5, 1), N##_make(2, 1));                                     \
        tap_ok(r.v == (S)1.5 && r.d == 1, "%s fmod(1.5, 2): q = 0, tangent a' - 0 b' = 1", #N);  \
    }

/* hyper-dual kinks: every tangent part, e12 included */
#define DEFINE_KINKS_HDUAL(N, S)                                                               \
    static void kinks_##N(void) {                                                              \
        N r;                                                                                   \
        int ok = 1;                                                                            \
        r = N##_fabs(N##_make(0, 1, 2, 3));                                                    \
        tap_ok(r.v == 0 && r.e1 == 0 && r.e2 == 0 && r.e12 == 0,                               \
               "%s fabs'(0) = 0, fabs''(0) = 0: e1, e2, e12 all 0", #N);                       \
        r = N##_fabs(N##_make(-(S)0, 1, 2, 3));                                                \
        tap_ok(r.v == 0 && !signbit(r.v) && r.e1 == 0 && r.e2 == 0 && r.e12 == 0,               \
               "%s fabs(-0): +0, e1, e2, e12 all 0", #N);                                      \
        r = N##_relu(N##_make(0, 1, 2, 3));                                                    \
        tap_ok(r.v == 0 && r.e1 == 0 && r.e2 == 0 && r.e12 == 0, "%s relu'(0) = 0 in every part", \
               #N);                                                                            \
        r = N##_fmax(N##_make(1, 2, 4, 6), N##_make(1, 4, -2, 0));                             \
        tap_ok(r.v == 1 && r.e1 == 3 && r.e2 == 1 && r.e12 == 3,                               \
               "%s fmax tie: e1, e2, e12 averaged", #N);                                       \
        r = N##_fmin(N##_make(1, 2, 4, 6), N##_make(1, 4, -2, 0));                             \
        tap_ok(r.v == 1 && r.e1 == 3 && r.e2 == 1 && r.e12 == 3,                               \
               "%s fmin tie: e1, e2, e12 averaged", #N);                                       \
        r = N##_fmax(N##_make((S)NAN, 1, 1, 1), N##_make(2, 3, 4, 5));                         \
        tap_ok(r.v == 2 && r.e1 == 3 && r.e2 == 4 && r.e12 == 5, "%s fmax(NaN, b) = b whole",   \
               #N);                                                                            \
        r = N##_fmin(N##_make(2, 3, 4, 5), N##_make((S)NAN, 1, 1, 1));                         \
        tap_ok(r.v == 2 && r.e1 == 3 && r.e2 == 4 && r.e12 == 5, "%s fmin(a, NaN) = a whole",   \
               #N);                                                                            \
        for (int i = -3; i <= 3; ++i) {                                                        \
            const N x = N##_make((S)(0.75 * i), 1, 1, 1);                                      \
            const N f[4] = {N##_floor(x), N##_ceil(x), N##_trunc(x), N##_round(x)};             \
            for (int k = 0; k < 4; ++k) ok = ok && f[k].e1 == 0 && f[k].e2 == 0 && f[k].e12 == 0; \
        }                                                                                      \
        tap_ok(ok, "%s floor ceil trunc round: e1, e2 and e12 exactly 0", #N);                 \
        r = N##_copysign(N##_make(2, 1, 2, 3), N##_make(-3, 5, 6, 7));                         \
        tap_ok(r.v == -2 && r.e1 == -1 && r.e2 == -2 && r.e12 == -3,                           \
               "%s copysign(2, -3): every part negated, nothing from b", #N);                  \
        r = N##_copysign(N##_make(-2, 1, 2, 3), N##_make(-3, 5, 6, 7));                        \
        tap_ok(r.v == -2 && r.e1 == 1 && r.e2 == 2 && r.e12 == 3,                              \
               "%s copysign(-2, -3): a unchanged", #N);                                        \
        /* fmod(5.5, 2), q = 2: e1 = a1 - 2 b1, e2 = a2 - 2 b2, e12 = a12 - 2 b12 */           \
        r = N##_fmod(N##_make((S)5.5, 1, 0, (S)0.5), N##_make(2, 0, 1, (S)0.125));             \
        tap_ok(r.v == (S)1.5 && r.e1 == 1 && r.e2 == -2 && r.e12 == (S)0.25,                   \
               "%s fmod(5.5, 2): e1 = 1, e2 = -q = -2, e12 = 0.5 - 2 * 0.125", #N);             \
    }

#define DEFINE_KINKS_DUALN(N, S)                                                               \
    static void kinks_##N(void) {                                                              \
        S d1[N##_width], d2[N##_width];                                                        \
        N r;                                                                                   \
        int ok = 1;                                                                            \
        for (int k = 0; k < N##_width; ++k) d1[k] = (S)(k + 1), d2[k] = (S)(3 - 2 * k);        \
        r = N##_fabs(N##_make(0, d1));                                                         \
        for (int k = 0; k < N##_width; ++k) ok = ok && r.d[k] == 0;                            \
        tap_ok(ok && r.v == 0, "%s fabs'(0) = 0 in every component", #N);                      \
        r = N##_fmax(N##_make(1, d1), N##_make(1, d2));                                        \
        ok = r.v == 1;                                                                         \
        for (int k = 0; k < N##_width; ++k) ok = ok && r.d[k] == (d1[k] + d2[k]) / 2;          \
        tap_ok(ok, "%s fmax tie: every component averaged", #N);                               \
        r = N##_fmin(N##_make(1, d1), N##_make(1, d2));                                        \
        ok = r.v == 1;                                                                         \
        for (int k = 0; k < N##_width; ++k) ok = ok && r.d[k] == (d1[k] + d2[k]) / 2;          \
        tap_ok(ok, "%s fmin tie: every component averaged", #N);                               \
        r = N##_round(N##_make((S)2.5, d1));                                                   \
        ok = r.v == 3;                                                                         \
        for (int k = 0; k < N##_width; ++k) ok = ok && r.d[k] == 0;                            \
        tap_ok(ok, "%s round(2.5) = 3, every component exactly 0", #N);                        \
        r = N##_copysign(N##_make(2, d1), N##_make(-1, d2));                                   \
        ok = r.v == -2;                                                                        \
        for (int k = 0; k < N##_width; ++k) ok = ok && r.d[k] == -d1[k];                       \
        tap_ok(ok, "%s copysign(2, -1): every component negated", #N);                         \
    }

DEFINE_KINKS_DUAL(dual, double)
DEFINE_KINKS_DUAL(dualf, float)
DEFINE_KINKS_DUAL(duall, long double)
DEFINE_KINKS_HDUAL(hdual, double)
DEFINE_KINKS_HDUAL(hdualf, float)
DEFINE_KINKS_HDUAL(hduall, long double)
DEFINE_KINKS_DUALN(dual4, double)
DEFINE_KINKS_DUALN(dual3, float)

/* ---------------------------------------------------------------------------------------------
 * The libm variant: dualf calls the float functions, duall the long double ones, bit for bit.
 */
static int same_f(float a, float b) { return memcmp(&a, &b, sizeof a) == 0; }
static int same_l(long double a, long double b) { return a == b || (isnan(a) && isnan(b)); }

static void check_libm_variant(void) {
    /* a float where the float function differs from the rounded double one, so that the check
     * tells sinf from (float)sin */
    float xf = 0.5f;
    int found = 0;
    for (int k = 1; k < 100000 && !found; ++k) {
        const float x = (float)k * 0.0137f;
        if (sinf(x) != (float)sin((double)x) || expf(x / 16) != (float)exp((double)(x / 16)))
            xf = x, found = 1;
    }
    tap_diag("float test point %.9g (%s)", (double)xf,
             found ? "float and double libm differ there" : "no discriminating point found");
    {
        const dualf x = dualf_var(xf), xs = dualf_var(xf / 16), xp = dualf_var(xf / 8 + 0.5f);
        tap_ok(same_f(dualf_sin(x).v, sinf(xf)) && same_f(dualf_sin(x).d, cosf(xf)),
               "dualf_sin(x): v == sinf(x), d == cosf(x) bit for bit");
        tap_ok(same_f(dualf_cos(x).v, cosf(xf)) && same_f(dualf_cos(x).d, -sinf(xf)),
               "dualf_cos(x): v == cosf(x), d == -sinf(x) bit for bit");
        tap_ok(same_f(dualf_exp(xs).v, expf(xf / 16)) && same_f(dualf_exp(xs).d, expf(xf / 16)),
               "dualf_exp(x): v == d == expf(x) bit for bit");
        tap_ok(same_f(dualf_log(xp).v, logf(xf / 8 + 0.5f)), "dualf_log(x).v == logf(x)");
        tap_ok(same_f(dualf_sqrt(xp).v, sqrtf(xf / 8 + 0.5f)), "dualf_sqrt(x).v == sqrtf(x)");
        tap_ok(same_f(dualf_tanh(xs).v, tanhf(xf / 16)), "dualf_tanh(x).v == tanhf(x)");
        tap_ok(same_f(dualf_erf(xs).v, erff(xf / 16)), "dualf_erf(x).v == erff(x)");
        tap_ok(same_f(dualf_atan(x).v, atanf(xf)), "dualf_atan(x).v == atanf(x)");
        tap_ok(same_f(dualf_cbrt(x).v, cbrtf(xf)), "dualf_cbrt(x).v == cbrtf(x)");
        tap_ok(same_f(dualf_expm1(xs).v, expm1f(xf / 16)), "dualf_expm1(x).v == expm1f(x)");
        tap_ok(same_f(dualf_log1p(x).v, log1pf(xf)), "dualf_log1p(x).v == log1pf(x)");
        tap_ok(same_f(dualf_asinh(x).v, asinhf(xf)), "dualf_asinh(x).v == asinhf(x)");
        tap_ok(same_f(dualf_pow(xp, x).v, powf(xf / 8 + 0.5f, xf)),
               "dualf_pow(a, b).v == powf(a, b)");
        tap_ok(same_f(hdualf_sin(hdualf_var(xf)).v, sinf(xf)) &&
                   same_f(hdualf_sin(hdualf_var(xf)).e1, cosf(xf)) &&
                   same_f(hdualf_sin(hdualf_var(xf)).e12, -sinf(xf)),
               "hdualf_sin(x): v, e1, e12 == sinf, cosf, -sinf bit for bit");
    }
    {
        const long double xl = 0.3L, xq = 1.7L;
        tap_ok(same_l(duall_sin(duall_var(xl)).v, sinl(xl)) &&
                   same_l(duall_sin(duall_var(xl)).d, cosl(xl)),
               "duall_sin(x): v == sinl(x), d == cosl(x) bit for bit");
        tap_ok(sinl(xl) != L(sin((double)xl)), "(sinl(0.3L) differs from sin((double)0.3L))");
        tap_ok(same_l(duall_exp(duall_var(xq)).v, expl(xq)), "duall_exp(x).v == expl(x)");
        tap_ok(same_l(duall_log(duall_var(xq)).v, logl(xq)), "duall_log(x).v == logl(x)");
        tap_ok(same_l(duall_erfc(duall_var(xq)).v, erfcl(xq)), "duall_erfc(x).v == erfcl(x)");
        tap_ok(same_l(duall_atan2(duall_var(xl), duall_var(xq)).v, atan2l(xl, xq)),
               "duall_atan2(a, b).v == atan2l(a, b)");
        tap_ok(same_l(hduall_tanh(hduall_var(xq)).v, tanhl(xq)), "hduall_tanh(x).v == tanhl(x)");
        /* and double calls the double functions */
        tap_ok(tap_same(dual_sin(dual_var(0.3)).v, sin(0.3)) &&
                   tap_same(dual_sin(dual_var(0.3)).d, cos(0.3)),
               "dual_sin(x): v == sin(x), d == cos(x) bit for bit");
        tap_ok(tap_same(dual_cbrt(dual_var(1.7)).v, cbrt(1.7)), "dual_cbrt(x).v == cbrt(x)");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Constructors, internal helpers for jacobian.h, comparisons, stability.
 */
static void check_constructors(void) {
    const double d3[4] = {1, 2, 3, 4};
    dual4 c;
    int ok;
    tap_ok(dual_const(2).v == 2 && dual_const(2).d == 0, "dual_const: tangent 0");
    tap_ok(dual_var(2).v == 2 && dual_var(2).d == 1, "dual_var: tangent 1");
    tap_ok(dual_make(2, 5).v == 2 && dual_make(2, 5).d == 5, "dual_make(v, d)");
    tap_ok(hdual_var(2).e1 == 1 && hdual_var(2).e2 == 1 && hdual_var(2).e12 == 0,
           "hdual_var: e1 = e2 = 1, e12 = 0");
    tap_ok(hdual_const(2).e1 == 0 && hdual_const(2).e2 == 0 && hdual_const(2).e12 == 0,
           "hdual_const: all tangents 0");
    tap_ok(hdual_make(1, 2, 3, 4).v == 1 && hdual_make(1, 2, 3, 4).e1 == 2 &&
               hdual_make(1, 2, 3, 4).e2 == 3 && hdual_make(1, 2, 3, 4).e12 == 4,
           "hdual_make(v, e1, e2, e12)");
    c = dual4_make(5, NULL);
    tap_ok(c.v == 5 && c.d[0] == 0 && c.d[1] == 0 && c.d[2] == 0 && c.d[3] == 0,
           "dual4_make(v, NULL): tangents 0");
    c = dual4_make(5, d3);
    tap_ok(c.d[0] == 1 && c.d[1] == 2 && c.d[2] == 3 && c.d[3] == 4, "dual4_make(v, d) copies d");
    c = dual4_var(5, 2);
    tap_ok(c.v == 5 && c.d[0] == 0 && c.d[1] == 0 && c.d[2] == 1 && c.d[3] == 0,
           "dual4_var(v, 2): d[2] = 1, others 0");
    c = dual4_var(5, 4);
    tap_ok(c.d[0] == 0 && c.d[1] == 0 && c.d[2] == 0 && c.d[3] == 0,
           "dual4_var(v, 4): k out of range, all tangents 0");
    c = dual4_var(5, -1);
    tap_ok(c.d[0] == 0 && c.d[1] == 0 && c.d[2] == 0 && c.d[3] == 0,
           "dual4_var(v, -1): k out of range, all tangents 0");
    c = dual4_const(5);
    tap_ok(c.d[0] == 0 && c.d[1] == 0 && c.d[2] == 0 && c.d[3] == 0, "dual4_const: tangents 0");
    c = dual4__seed(7, 3, 2.5);
    tap_ok(c.v == 7 && c.d[0] == 0 && c.d[1] == 0 && c.d[2] == 0 && c.d[3] == 2.5,
           "dual4__seed(v, 3, t): tangent 3 = t, others 0");
    c = dual4__seed(7, 9, 2.5);
    ok = c.v == 7;
    for (int k = 0; k < 4; ++k) ok = ok && c.d[k] == 0;
    tap_ok(ok, "dual4__seed(v, 9, t): k out of range, all 0");
    tap_ok(dual4__tangent(dual4_make(0, d3), 1) == 2 && dual4__tangent(dual4_make(0, d3), 3) == 4,
           "dual4__tangent(a, k) = a.d[k]");
    tap_ok(dual__seed(7, 5, 2.5).v == 7 && dual__seed(7, 5, 2.5).d == 2.5 &&
               dual__seed(7, 0, 2.5).d == 2.5,
           "dual__seed(v, k, t): k ignored, tangent t");
    tap_ok(dual__tangent(dual_make(1, 3), 0) == 3 && dual__tangent(dual_make(1, 3), 2) == 3,
           "dual__tangent(a, k) = a.d, k ignored");
    tap_ok(dualf__seed(1, 0, 2).d == 2 && duall__seed(1, 0, 2).d == 2 &&
               dual3__seed(1, 2, 2).d[2] == 2 && dualf__tangent(dualf_var(1), 0) == 1,
           "__seed and __tangent exist for dualf, duall and every chunked type");
}

#define CHECK_COMPARE(N, S)                                                                    \
    do {                                                                                       \
        const N one = N##_make(1, 5), two = N##_make(2, -5), one_b = N##_make(1, -9);          \
        const N nan_ = N##_make((S)NAN, 0);                                                    \
        tap_ok(N##_lt(one, two) && !N##_lt(two, one) && !N##_lt(one, one_b),                   \
               "%s_lt on values only", #N);                                                    \
        tap_ok(N##_le(one, two) && N##_le(one, one_b) && !N##_le(two, one), "%s_le", #N);       \
        tap_ok(N##_gt(two, one) && !N##_gt(one, one_b), "%s_gt", #N);                          \
        tap_ok(N##_ge(two, one) && N##_ge(one, one_b) && !N##_ge(one, two), "%s_ge", #N);       \
        tap_ok(N##_eq(one, one_b) && !N##_eq(one, two), "%s_eq ignores tangents", #N);         \
        tap_ok(N##_ne(one, two) && !N##_ne(one, one_b), "%s_ne", #N);                          \
        tap_ok(N##_cmp(one, two) == -1 && N##_cmp(two, one) == 1 && N##_cmp(one, one_b) == 0,  \
               "%s_cmp: -1, 1, 0", #N);                                                        \
        tap_ok(N##_cmp(nan_, one) == 0 && N##_cmp(one, nan_) == 0 && !N##_lt(nan_, one) &&     \
                   !N##_ge(nan_, one) && !N##_eq(nan_, nan_) && N##_ne(nan_, nan_),            \
               "%s comparisons with NaN: unordered, cmp = 0", #N);                             \
    } while (0)

static void check_compare(void) {
    CHECK_COMPARE(dual, double);
    CHECK_COMPARE(dualf, float);
    CHECK_COMPARE(duall, long double);
    {
        const hdual a = hdual_make(1, 5, 6, 7), b = hdual_make(2, 0, 0, 0);
        tap_ok(hdual_lt(a, b) && hdual_cmp(b, a) == 1 && hdual_eq(a, hdual_const(1)),
               "hdual comparisons on values only");
    }
    {
        const dual4 a = dual4_var(1, 0), b = dual4_var(1, 3);
        tap_ok(dual4_eq(a, b) && dual4_cmp(a, b) == 0 && dual4_lt(a, dual4_const(3)),
               "dual4 comparisons on values only");
    }
}

static void check_stability(void) {
    const dual sp = dual_sigmoid(dual_var(1000)), sn = dual_sigmoid(dual_var(-1000));
    const dual pp = dual_softplus(dual_var(1000)), pn = dual_softplus(dual_var(-1000));
    const dualf sf = dualf_sigmoid(dualf_var(-200)), pf = dualf_softplus(dualf_var(200));
    tap_ok(sp.v == 1 && sp.d == 0, "sigmoid(1000) = 1, sigmoid' = 0 (no overflow, no NaN)");
    tap_ok(sn.v == 0 && sn.d == 0 && !isnan(sn.v), "sigmoid(-1000) = 0, sigmoid' = 0");
    tap_ok(pp.v == 1000 && pp.d == 1, "softplus(1000) = 1000, softplus' = 1 (no overflow)");
    tap_ok(pn.v == 0 && pn.d == 0, "softplus(-1000) = 0, softplus' = 0");
    tap_ok(isfinite(sf.v) && isfinite(sf.d) && isfinite(pf.v) && pf.v == 200 && pf.d == 1,
           "dualf sigmoid(-200), softplus(200) finite");
    {
        const hdual h = hdual_sigmoid(hdual_var(-800)), k = hdual_softplus(hdual_var(800));
        tap_ok(isfinite(h.v) && isfinite(h.e1) && isfinite(h.e12) && isfinite(k.v) &&
                   isfinite(k.e1) && isfinite(k.e12),
               "hdual sigmoid(-800), softplus(800): every part finite");
    }
}

/* the hyper-dual e12 guard: f'' e1 e2 with the product e1 e2 == 0 contributes exactly 0 even
 * where f'' is infinite; with e1 e2 != 0 the e12 part carries f'' */
static void check_hdual_e12_guard(void) {
    const hdual a = hdual_sqrt(hdual_make(0, 1, 0, 0)), b = hdual_sqrt(hdual_make(0, 1, 1, 0));
    tap_ok(a.e12 == 0, "hdual sqrt(0) with e1 only: e12 = f'' * (1 * 0) is exactly 0");
    tap_ok(!isfinite(b.e12), "hdual sqrt(0) with e1 = e2 = 1: e12 = f''(0) = -inf (not finite)");
    {
        const hdual c = hdual_log(hdual_make(0, 0, 1, 0)), d = hdual_acos(hdual_make(1, 1, 0, 0));
        tap_ok(c.e1 == 0 && c.e12 == 0 && isinf(c.e2), "hdual log(0) with e2 only: e1 = e12 = 0");
        tap_ok(d.e2 == 0 && d.e12 == 0 && isinf(d.e1), "hdual acos(1) with e1 only: e2 = e12 = 0");
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (size_t i = 0; i < NZERO; ++i) {
        zcheck_dual(&zero_cases[i]);
        zcheck_dualf(&zero_cases[i]);
        zcheck_duall(&zero_cases[i]);
        zcheck_hdual(&zero_cases[i]);
        zcheck_hdualf(&zero_cases[i]);
        zcheck_hduall(&zero_cases[i]);
        zcheck_dual4(&zero_cases[i]);
        zcheck_dual3(&zero_cases[i]);
    }
    for (size_t i = 0; i < NBZERO; ++i) {
        bzcheck_dual(&bzero_cases[i]);
        bzcheck_dualf(&bzero_cases[i]);
        bzcheck_duall(&bzero_cases[i]);
        bzcheck_hdual(&bzero_cases[i]);
        bzcheck_hdualf(&bzero_cases[i]);
        bzcheck_hduall(&bzero_cases[i]);
        bzcheck_dual4(&bzero_cases[i]);
        bzcheck_dual3(&bzero_cases[i]);
    }
    kinks_dual();
    kinks_dualf();
    kinks_duall();
    kinks_hdual();
    kinks_hdualf();
    kinks_hduall();
    kinks_dual4();
    kinks_dual3();
    check_hdual_e12_guard();
    check_libm_variant();
    check_constructors();
    check_compare();
    check_stability();
    return tap_done();
}
