/* test_chunked_bits.c - a chunked dual carries N directions at once; its tangents must equal,
 * BIT FOR BIT, N separate passes with the scalar dual (the promise of DUALN_DEFINE: the same
 * rule per component, in the same order of operations).
 *
 * For widths 4, 3 and 5 (power of two and not), every function, at ordinary and singular points
 * (0, -0, +-inf, NaN, domain errors, ties of fmax/fmin, pow(0, y), hypot(0, 0), fmod(x, 0)) and
 * with seeds that include 0 (so the zero-tangent guard is exercised):
 *   - N##_make(v, s) against dual_make(v, s[k]) for each direction k,
 *   - N##_var(v, k) against dual_var(v) (direction k) and dual_const(v) (the others),
 *   - binary functions: a = make(va, sa), b = make(vb, sb) against dual_make(va, sa[k]),
 *     dual_make(vb, sb[k]),
 *   - three composite expressions of three inputs seeded with a seed matrix.
 * The value parts must be identical too. One TAP line per (function, width). tap_same compares
 * bits (NaN equals any NaN, +0 and -0 differ).
 */
#include "dual.h"
#include "ops.h"
#include "tap.h"

#include <stdio.h>

DUALN_DEFINE(dual4, double, 4)
DUALN_DEFINE(dual3, double, 3)
DUALN_DEFINE(dual5, double, 5)

/* with a plain parameter p */
#define PARAM_OPS(X, N)                                                                        \
    X(N, adds) X(N, subs) X(N, muls) X(N, divs) X(N, ssub) X(N, sdiv) X(N, powi_3)           \
    X(N, powi_m2) X(N, powi_0) X(N, pows_half) X(N, pows_m1) X(N, pows_0) X(N, spow_2)       \
    X(N, spow_0) X(N, divs_0) X(N, sdiv_0)
/* the library's, and fma with the two operands in each role */
#define BITS_BINARY_FUNCS(X, N) BINARY_FUNCS(X, N) X(N, fma_abb) X(N, fma_bab)

#define ENUM_OP(N, fn) OP_##fn,
#define NAME_OP(N, fn) #fn,
enum { UNARY_FUNCS(ENUM_OP, _) PARAM_OPS(ENUM_OP, _) OP_COUNT };
static const char *const op_name[] = {UNARY_FUNCS(NAME_OP, _) PARAM_OPS(NAME_OP, _)};
enum { BITS_BINARY_FUNCS(ENUM_OP, _) BOP_COUNT };
static const char *const bop_name[] = {BITS_BINARY_FUNCS(NAME_OP, _)};

#define APPLY_CASE(N, fn)                                                                      \
    case OP_##fn:                                                                              \
        return N##_##fn(x);
#define APPLY2_CASE(N, fn)                                                                     \
    case OP_##fn:                                                                              \
        return N##_##fn(a, b);

/* the operations and the composite expressions, for any type N (dual or chunked) */
#define DEFINE_OPS(N)                                                                          \
    static N u_##N(int op, N x) {                                                              \
        switch (op) {                                                                          \
            UNARY_FUNCS(APPLY_CASE, N)                                                         \
        case OP_adds: return N##_adds(x, 1.25);                                                \
        case OP_subs: return N##_subs(x, -0.75);                                               \
        case OP_muls: return N##_muls(x, 3.1);                                                 \
        case OP_divs: return N##_divs(x, 3.0);                                                 \
        case OP_ssub: return N##_ssub(0.3, x);                                                 \
        case OP_sdiv: return N##_sdiv(2.5, x);                                                 \
        case OP_powi_3: return N##_powi(x, 3);                                                 \
        case OP_powi_m2: return N##_powi(x, -2);                                               \
        case OP_powi_0: return N##_powi(x, 0);                                                 \
        case OP_pows_half: return N##_pows(x, 0.5);                                            \
        case OP_pows_m1: return N##_pows(x, -1.3);                                             \
        case OP_pows_0: return N##_pows(x, 0.0);                                               \
        case OP_spow_2: return N##_spow(2.0, x);                                               \
        case OP_spow_0: return N##_spow(0.0, x);                                               \
        case OP_divs_0: return N##_divs(x, 0.0);                                               \
        case OP_sdiv_0: return N##_sdiv(0.0, x);                                               \
        default: return x;                                                                     \
        }                                                                                      \
    }                                                                                          \
    static N b_##N(int op, N a, N b) {                                                         \
        switch (op) {                                                                          \
            APPLY2_CASE(N, add) APPLY2_CASE(N, sub) APPLY2_CASE(N, mul) APPLY2_CASE(N, div)    \
            APPLY2_CASE(N, hypot) APPLY2_CASE(N, pow) APPLY2_CASE(N, atan2)                    \
            APPLY2_CASE(N, fmod) APPLY2_CASE(N, copysign) APPLY2_CASE(N, fmin)                 \
            APPLY2_CASE(N, fmax)                                                               \
        case OP_fma_abb: return N##_fma(a, b, b);                                              \
        case OP_fma_bab: return N##_fma(b, a, b);                                              \
        default: return a;                                                                     \
        }                                                                                      \
    }                                                                                          \
    /* ln(sin(x0^3)^2) + x1 x2 - x2 / x0 */                                                    \
    static N expr1_##N(const N *x) {                                                           \
        const N t = N##_log(N##_sqr(N##_sin(N##_powi(x[0], 3))));                              \
        return N##_sub(N##_add(t, N##_mul(x[1], x[2])), N##_div(x[2], x[0]));                   \
    }                                                                                          \
    /* hypot(x0, x1) atan2(x2, x0) - sigmoid(x1 x2) + pows(|x0|, 2.5) / sqrt(1 + x2^2) */       \
    static N expr2_##N(const N *x) {                                                           \
        const N h = N##_mul(N##_hypot(x[0], x[1]), N##_atan2(x[2], x[0]));                      \
        const N s = N##_sigmoid(N##_mul(x[1], x[2]));                                          \
        const N p = N##_div(N##_pows(N##_fabs(x[0]), 2.5), N##_sqrt(N##_adds(N##_sqr(x[2]), 1))); \
        return N##_add(N##_sub(h, s), p);                                                      \
    }                                                                                          \
    /* fmax(x0, x1) + relu(x2 - 1) + fmod(7 x0, x1 + 3) + erf(x2)/cosh(x1) + softplus(-x0)      \
     * + pow(x1^2 + 0.5, x2) - tanh(x0) exp2(x1) */                                            \
    static N expr3_##N(const N *x) {                                                           \
        N r = N##_add(N##_fmax(x[0], x[1]), N##_relu(N##_subs(x[2], 1)));                       \
        r = N##_add(r, N##_fmod(N##_muls(x[0], 7), N##_adds(x[1], 3)));                         \
        r = N##_add(r, N##_div(N##_erf(x[2]), N##_cosh(x[1])));                                 \
        r = N##_add(r, N##_softplus(N##_neg(x[0])));                                           \
        r = N##_add(r, N##_pow(N##_adds(N##_sqr(x[1]), 0.5), x[2]));                            \
        return N##_sub(r, N##_mul(N##_tanh(x[0]), N##_exp2(x[1])));                             \
    }

DEFINE_OPS(dual)
DEFINE_OPS(dual4)
DEFINE_OPS(dual3)
DEFINE_OPS(dual5)

static const double points[] = {-2.5, -1, -0.5, -0.0, 0, 0.3, 0.5, 1, 1.5, 2, 7.25, 30,
                                HUGE_VAL, -HUGE_VAL, (double)NAN};
#define NPOINTS (sizeof points / sizeof points[0])
static const double bpoints[] = {-2, -0.5, 0, 0.5, 1, 3};
#define NBPOINTS (sizeof bpoints / sizeof bpoints[0])
/* seeds per direction: 0 among them, so the zero-tangent guard is exercised */
static const double seed_u[5] = {1, 0, -2.5, 1e-3, 3.75};
static const double seed_a[5] = {1, 0, 0.5, -1, 0};
static const double seed_b[5] = {0, 1, 0.5, 2, 0};
/* expression inputs: rows = inputs, columns = directions */
static const double seed_x[3][5] = {{1, 0, 0, 0.5, 0}, {0, 1, 0, -1, 0}, {0, 0, 1, 2, 0}};
static const double xpts[4][3] = {{1.25, 0.5, -0.75}, {-0.8, 2, 0.3}, {2, -1.5, 1.5}, {0.6, 0, 0}};

static int same_dual(double got_v, double got_d, dual want) {
    return tap_same(got_v, want.v) && tap_same(got_d, want.d);
}

#define DEFINE_CHUNK_CHECKS(N)                                                                 \
    static void check_unary_##N(int op) {                                                      \
        int ok = 1, n = 0;                                                                     \
        char where[160] = "";                                                                  \
        for (size_t i = 0; i < NPOINTS; ++i) {                                                 \
            const double v = points[i];                                                        \
            const N y = u_##N(op, N##_make(v, seed_u));                                        \
            for (int k = 0; k < N##_width; ++k) {                                              \
                const dual z = u_dual(op, dual_make(v, seed_u[k]));                            \
                const N yk = u_##N(op, N##_var(v, k));                                         \
                const dual zv = u_dual(op, dual_var(v)), zc = u_dual(op, dual_const(v));       \
                int good = same_dual(y.v, y.d[k], z);                                          \
                for (int j = 0; j < N##_width; ++j)                                            \
                    good = good && same_dual(yk.v, yk.d[j], j == k ? zv : zc);                 \
                ++n;                                                                           \
                if (!good && ok)                                                               \
                    snprintf(where, sizeof where, "x = %g, direction %d: chunked (%a, %a), "   \
                             "scalar (%a, %a)", v, k, y.v, y.d[k], z.v, z.d);                  \
                ok = ok && good;                                                               \
            }                                                                                  \
        }                                                                                      \
        if (!tap_ok(ok, "%s %s: tangents bit for bit = %d scalar passes (%d points)", #N,      \
                    op_name[op], N##_width, (int)NPOINTS))                                     \
            tap_diag("  first difference: %s", where);                                         \
        (void)n;                                                                               \
    }                                                                                          \
    static void check_binary_##N(int op) {                                                     \
        int ok = 1;                                                                            \
        char where[200] = "";                                                                  \
        for (size_t i = 0; i < NBPOINTS; ++i)                                                  \
            for (size_t j = 0; j < NBPOINTS; ++j) {                                            \
                const double va = bpoints[i], vb = bpoints[j];                                 \
                const N y = b_##N(op, N##_make(va, seed_a), N##_make(vb, seed_b));             \
                for (int k = 0; k < N##_width; ++k) {                                          \
                    const dual z = b_dual(op, dual_make(va, seed_a[k]), dual_make(vb, seed_b[k])); \
                    const int good = same_dual(y.v, y.d[k], z);                                \
                    if (!good && ok)                                                           \
                        snprintf(where, sizeof where, "(a, b) = (%g, %g), direction %d: "      \
                                 "chunked (%a, %a), scalar (%a, %a)", va, vb, k, y.v, y.d[k],  \
                                 z.v, z.d);                                                    \
                    ok = ok && good;                                                           \
                }                                                                              \
            }                                                                                  \
        if (!tap_ok(ok, "%s %s: tangents bit for bit = %d scalar passes (%d point pairs)", #N, \
                    bop_name[op], N##_width, (int)(NBPOINTS * NBPOINTS)))                      \
            tap_diag("  first difference: %s", where);                                         \
    }                                                                                          \
    static void check_exprs_##N(void) {                                                        \
        N (*const fn[3])(const N *) = {expr1_##N, expr2_##N, expr3_##N};                       \
        dual (*const fs[3])(const dual *) = {expr1_dual, expr2_dual, expr3_dual};              \
        for (int e = 0; e < 3; ++e) {                                                          \
            int ok = 1;                                                                        \
            char where[200] = "";                                                              \
            for (int p = 0; p < 4; ++p) {                                                      \
                N xin[3];                                                                      \
                N y;                                                                           \
                for (int i = 0; i < 3; ++i) xin[i] = N##_make(xpts[p][i], seed_x[i]);          \
                y = fn[e](xin);                                                                \
                for (int k = 0; k < N##_width; ++k) {                                          \
                    dual zin[3], z;                                                            \
                    for (int i = 0; i < 3; ++i) zin[i] = dual_make(xpts[p][i], seed_x[i][k]);  \
                    z = fs[e](zin);                                                            \
                    if (!same_dual(y.v, y.d[k], z) && ok)                                      \
                        snprintf(where, sizeof where, "point %d, direction %d: chunked (%a, "  \
                                 "%a), scalar (%a, %a)", p, k, y.v, y.d[k], z.v, z.d);         \
                    ok = ok && same_dual(y.v, y.d[k], z);                                      \
                }                                                                              \
            }                                                                                  \
            if (!tap_ok(ok, "%s composite expression %d: tangents bit for bit = %d scalar "    \
                        "passes (4 points, 3 inputs)", #N, e + 1, N##_width))                  \
                tap_diag("  first difference: %s", where);                                     \
        }                                                                                      \
    }

DEFINE_CHUNK_CHECKS(dual4)
DEFINE_CHUNK_CHECKS(dual3)
DEFINE_CHUNK_CHECKS(dual5)

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int op = 0; op < OP_COUNT; ++op) {
        check_unary_dual4(op);
        check_unary_dual3(op);
        check_unary_dual5(op);
    }
    for (int op = 0; op < BOP_COUNT; ++op) {
        check_binary_dual4(op);
        check_binary_dual3(op);
        check_binary_dual5(op);
    }
    check_exprs_dual4();
    check_exprs_dual3();
    check_exprs_dual5();
    /* the composite expressions really do carry derivatives (guards against a vacuous test):
     * d/dx0 of expr1 at (1.25, 0.5, -0.75) = 6 x0^2 cot(x0^3) + x2 / x0^2 */
    {
        const dual4 x[3] = {dual4_var(1.25, 0), dual4_var(0.5, 1), dual4_var(-0.75, 2)};
        const dual4 y = expr1_dual4(x);
        const long double x0 = 1.25L, want = 6 * x0 * x0 * cosl(x0 * x0 * x0) /
                                                 sinl(x0 * x0 * x0) + (-0.75L) / (x0 * x0);
        tap_near((long double)y.d[0], want, 1e-14L, 0,
                 "expr1: d/dx0 = 6 x0^2 cot(x0^3) + x2/x0^2 (closed form)");
        tap_near((long double)y.d[1], -0.75L, 1e-15L, 0, "expr1: d/dx1 = x2");
        tap_near((long double)y.d[2], 0.5L - 1 / x0, 1e-15L, 0, "expr1: d/dx2 = x1 - 1/x0");
    }
    return tap_done();
}
