/* test_generic.c - the _Generic front end (ad_*): one function body, compiled many ways.
 *
 * DEFINE_BODY(NAME, T) writes, once, a function of two inputs and three outputs with ad_mul,
 * ad_sin, ad_pows, ad_exp, ad_divs, ad_log, ad_sqr, ad_div, ad_adds, ad_fmax, ad_sqrt, ad_powi,
 * ad_const, a branch on ad_value and a comparison (ad_lt):
 *
 *     y0 = sin(x0 x1) + x0^3          if x0 > 1, else sin(x0 x1) - x0^3
 *     y1 = ln(x0^2) / (e^(x1/2) + 1)
 *     y2 = fmax(sqrt(x1), 0.25) + 2.5 x0^2
 *     returns x0 < x1
 *
 * and instantiates it for double, float, long double, double _Complex (complex step), dual, dualf,
 * duall, hdual, hdualf and the user chunked type dual4 (joined through DUAL_GENERIC_USER).
 * Checks:
 *   - the plain double (float, long double) instantiation's outputs equal the value parts of every
 *     number type of the same precision, bit for bit (the same libm calls in the same order);
 *   - first derivatives (dual: one input seeded at a time; dual4: both at once) and second
 *     derivatives (hdual: e1 on x0 and e2 on x1 for the mixed partial, both on one input for the
 *     pure ones) against closed forms written in long double below;
 *   - the complex step Im f(x + ih)/h, h = 1e-30, equals the dual derivative and the closed form;
 *   - every ad_* returns the argument's type, ad_value the scalar type, ad_const a constant.
 * Tolerances: double 8 eps (the body is ~10 operations, each a correctly rounded operation or a
 * libm call within ~1 ulp: a few ulps expected), second derivatives 16 eps, float 8 FLT_EPSILON,
 * long double 8 LDBL_EPSILON (plus the closed form's own few-ulp error: 16 LDBL_EPSILON).
 */
#include "dual.h"
#include "tap.h"

#include <complex.h>
#include <float.h>

DUALN_DEFINE(dual4, double, 4)
/* API.md: define DUAL_GENERIC_USER after including dual.h. dual.h supplies an empty default, so a
 * plain #define here would be a redefinition (a constraint violation, an error under -Werror);
 * hence the #undef (reported in dual_bugs.md). */
#undef DUAL_GENERIC_USER
#define DUAL_GENERIC_USER(op) DUAL_GENERIC_ENTRY(dual4, op)

#define L(x) ((long double)(x))

/* One body for every type. Scalar parameters are integers, exact in every scalar type. */
#define DEFINE_BODY(NAME, T)                                                                       \
    static int NAME(const T *x, T *y) {                                                            \
        const T p = ad_mul(x[0], x[1]);       /* x0 x1 */                                          \
        const T s = ad_sin(p);                /* sin(x0 x1) */                                     \
        const T c = ad_pows(x[0], 3);         /* x0^3 */                                           \
        const T e = ad_exp(ad_divs(x[1], 2)); /* e^(x1/2) */                                       \
        if (ad_value(x[0]) > 1)                                                                    \
            y[0] = ad_add(s, c);                                                                   \
        else                                                                                       \
            y[0] = ad_sub(s, c);                                                                   \
        y[1] = ad_div(ad_log(ad_sqr(x[0])), ad_adds(e, 1));                                        \
        y[2] = ad_add(ad_fmax(ad_sqrt(x[1]), ad_const(x[0], 0.25)),                                \
                      ad_mul(ad_const(x[0], 2.5), ad_powi(x[0], 2)));                              \
        return ad_lt(x[0], x[1]);                                                                  \
    }

typedef double _Complex cplx;

/* re + i im exactly (C11 lays a complex out as re, im; I is float _Complex and CMPLX is not
 * available to every compiler) */
static cplx mkc(double re, double im) {
    cplx z;
    ((double *)&z)[0] = re;
    ((double *)&z)[1] = im;
    return z;
}

DEFINE_BODY(body_d, double)
DEFINE_BODY(body_f, float)
DEFINE_BODY(body_l, long double)
DEFINE_BODY(body_c, cplx)
DEFINE_BODY(body_dual, dual)
DEFINE_BODY(body_dualf, dualf)
DEFINE_BODY(body_duall, duall)
DEFINE_BODY(body_hdual, hdual)
DEFINE_BODY(body_hdualf, hdualf)
DEFINE_BODY(body_dual4, dual4)

/* Closed forms at (x0, x1): value, gradient, Hessian of each output. */
typedef struct closed {
    long double f[3], g[3][2], h[3][3]; /* h[i] = {d00, d01, d11} */
} closed;

static closed closed_form(long double x0, long double x1) {
    closed r;
    const long double p = x0 * x1, sg = x0 > 1 ? 1 : -1, E = expl(x1 / 2), l2 = logl(x0 * x0);
    r.f[0] = sinl(p) + sg * x0 * x0 * x0;
    r.g[0][0] = x1 * cosl(p) + sg * 3 * x0 * x0;
    r.g[0][1] = x0 * cosl(p);
    r.h[0][0] = -x1 * x1 * sinl(p) + sg * 6 * x0;
    r.h[0][1] = cosl(p) - p * sinl(p);
    r.h[0][2] = -x0 * x0 * sinl(p);
    r.f[1] = l2 / (E + 1);
    r.g[1][0] = (2 / x0) / (E + 1);
    r.g[1][1] = -l2 * (E / 2) / ((E + 1) * (E + 1));
    r.h[1][0] = (-2 / (x0 * x0)) / (E + 1);
    r.h[1][1] = -(2 / x0) * (E / 2) / ((E + 1) * (E + 1));
    r.h[1][2] = -l2 * (E / 4) * (1 - E) / powl(E + 1, 3);
    /* sqrt(x1) > 0.25 at the points used */
    r.f[2] = sqrtl(x1) + 2.5L * x0 * x0;
    r.g[2][0] = 5 * x0;
    r.g[2][1] = 0.5L / sqrtl(x1);
    r.h[2][0] = 5;
    r.h[2][1] = 0;
    r.h[2][2] = -0.25L / (x1 * sqrtl(x1));
    return r;
}

static int close_rel(long double got, long double want, long double rtol) {
    return tap_close(got, want, rtol, want == 0 ? rtol : 0);
}

static void check_point(double x0, double x1) {
    const closed cf = closed_form(L(x0), L(x1));
    const long double e8 = 8 * L(DBL_EPSILON), e16 = 16 * L(DBL_EPSILON);
    double yd[3];
    const int rd = body_d((const double[2]){x0, x1}, yd);

    /* dual: seed x0, then x1 */
    {
        dual ya[3], yb[3];
        const int ra = body_dual((const dual[2]){dual_var(x0), dual_const(x1)}, ya);
        const int rb = body_dual((const dual[2]){dual_const(x0), dual_var(x1)}, yb);
        int same = ra == rd && rb == rd, ok = 1;
        for (int i = 0; i < 3; ++i) {
            same = same && tap_same(ya[i].v, yd[i]) && tap_same(yb[i].v, yd[i]);
            ok = ok && close_rel(L(ya[i].v), cf.f[i], e8) &&
                 close_rel(L(ya[i].d), cf.g[i][0], e8) && close_rel(L(yb[i].d), cf.g[i][1], e8);
        }
        tap_ok(same, "(%g, %g) dual: value parts == the double instantiation, bit for bit", x0, x1);
        if (!tap_ok(ok, "(%g, %g) dual: values and partials = closed forms", x0, x1))
            for (int i = 0; i < 3; ++i)
                tap_diag("  y%d: v %.17g (%.17Lg), d/dx0 %.17g (%.17Lg), d/dx1 %.17g (%.17Lg)", i,
                         ya[i].v, cf.f[i], ya[i].d, cf.g[i][0], yb[i].d, cf.g[i][1]);
    }
    /* hdual: e1 on x0, e2 on x1 => e12 = d2/dx0dx1; var(x0) => d2/dx0^2; var(x1) => d2/dx1^2 */
    {
        hdual ym[3], y0[3], y1[3];
        const int r =
            body_hdual((const hdual[2]){hdual_make(x0, 1, 0, 0), hdual_make(x1, 0, 1, 0)}, ym);
        int same = r == rd, ok = 1;
        (void)body_hdual((const hdual[2]){hdual_var(x0), hdual_const(x1)}, y0);
        (void)body_hdual((const hdual[2]){hdual_const(x0), hdual_var(x1)}, y1);
        for (int i = 0; i < 3; ++i) {
            same = same && tap_same(ym[i].v, yd[i]) && tap_same(y0[i].v, yd[i]);
            ok = ok && close_rel(L(ym[i].e1), cf.g[i][0], e8) &&
                 close_rel(L(ym[i].e2), cf.g[i][1], e8) &&
                 close_rel(L(ym[i].e12), cf.h[i][1], e16) &&
                 close_rel(L(y0[i].e12), cf.h[i][0], e16) &&
                 close_rel(L(y1[i].e12), cf.h[i][2], e16);
        }
        tap_ok(same, "(%g, %g) hdual: value parts == the double instantiation, bit for bit", x0,
               x1);
        if (!tap_ok(ok, "(%g, %g) hdual: gradient and Hessian (mixed via e1/e2) = closed forms", x0,
                    x1))
            for (int i = 0; i < 3; ++i)
                tap_diag("  y%d: e12 mixed %.17g (%.17Lg), xx %.17g (%.17Lg), yy %.17g (%.17Lg)", i,
                         ym[i].e12, cf.h[i][1], y0[i].e12, cf.h[i][0], y1[i].e12, cf.h[i][2]);
    }
    /* dual4 (user type through DUAL_GENERIC_USER): both directions in one pass */
    {
        dual4 y[3];
        const int r = body_dual4((const dual4[2]){dual4_var(x0, 0), dual4_var(x1, 1)}, y);
        int same = r == rd, ok = 1;
        for (int i = 0; i < 3; ++i) {
            same = same && tap_same(y[i].v, yd[i]);
            ok = ok && close_rel(L(y[i].d[0]), cf.g[i][0], e8) &&
                 close_rel(L(y[i].d[1]), cf.g[i][1], e8) && y[i].d[2] == 0 && y[i].d[3] == 0;
        }
        tap_ok(same, "(%g, %g) dual4: value parts == the double instantiation, bit for bit", x0,
               x1);
        tap_ok(ok, "(%g, %g) dual4: d[0], d[1] = closed-form gradient, d[2] = d[3] = 0", x0, x1);
    }
    /* complex step: Im f(x + ih) / h with h = 1e-30, against the dual and the closed form */
    {
        const double h = 1e-30;
        cplx ya[3], yb[3];
        dual za[3], zb[3];
        const cplx xa[2] = {mkc(x0, h), x1}, xb[2] = {x0, mkc(x1, h)};
        const int ra = body_c(xa, ya), rb = body_c(xb, yb);
        int ok = ra == rd && rb == rd, okd = 1;
        (void)body_dual((const dual[2]){dual_var(x0), dual_const(x1)}, za);
        (void)body_dual((const dual[2]){dual_const(x0), dual_var(x1)}, zb);
        for (int i = 0; i < 3; ++i) {
            const double ga = cimag(ya[i]) / h, gb = cimag(yb[i]) / h;
            ok = ok && close_rel(L(creal(ya[i])), cf.f[i], e8) &&
                 close_rel(L(ga), cf.g[i][0], e8) && close_rel(L(gb), cf.g[i][1], e8);
            okd = okd && close_rel(L(ga), L(za[i].d), e8) && close_rel(L(gb), L(zb[i].d), e8);
        }
        if (!tap_ok(okd, "(%g, %g) complex step Im f(x + ih)/h = the dual's derivative (8 eps)", x0,
                    x1))
            for (int i = 0; i < 3; ++i)
                tap_diag("  y%d: cs %.17g %.17g, dual %.17g %.17g", i, cimag(ya[i]) / h,
                         cimag(yb[i]) / h, za[i].d, zb[i].d);
        tap_ok(ok, "(%g, %g) complex step: Re = value, Im/h = closed-form partials", x0, x1);
    }
    /* float and dualf, hdualf */
    {
        const float f0 = (float)x0, f1 = (float)x1;
        float yf[3];
        dualf ya[3], yb[3];
        hdualf yh[3];
        const int rf = body_f((const float[2]){f0, f1}, yf);
        const int ra = body_dualf((const dualf[2]){dualf_var(f0), dualf_const(f1)}, ya);
        const int rb = body_dualf((const dualf[2]){dualf_const(f0), dualf_var(f1)}, yb);
        const int rh =
            body_hdualf((const hdualf[2]){hdualf_make(f0, 1, 0, 0), hdualf_make(f1, 0, 1, 0)}, yh);
        const long double ef = 8 * L(FLT_EPSILON), ef2 = 16 * L(FLT_EPSILON);
        int same = ra == rf && rb == rf && rh == rf, ok = 1;
        for (int i = 0; i < 3; ++i) {
            same = same && tap_same((double)ya[i].v, (double)yf[i]) &&
                   tap_same((double)yh[i].v, (double)yf[i]);
            ok = ok && close_rel(L(yf[i]), cf.f[i], ef) && close_rel(L(ya[i].d), cf.g[i][0], ef) &&
                 close_rel(L(yb[i].d), cf.g[i][1], ef) && close_rel(L(yh[i].e12), cf.h[i][1], ef2);
        }
        tap_ok(same, "(%g, %g) dualf, hdualf: value parts == the float instantiation, bit for bit",
               x0, x1);
        tap_ok(ok,
               "(%g, %g) float, dualf, hdualf: values, partials, mixed partial = closed forms "
               "(8 and 16 FLT_EPSILON)",
               x0, x1);
    }
    /* long double and duall */
    {
        const long double l0 = L(x0), l1 = L(x1);
        long double yl[3];
        duall ya[3], yb[3];
        const int rl = body_l((const long double[2]){l0, l1}, yl);
        const int ra = body_duall((const duall[2]){duall_var(l0), duall_const(l1)}, ya);
        const int rb = body_duall((const duall[2]){duall_const(l0), duall_var(l1)}, yb);
        const long double el = 16 * LDBL_EPSILON;
        int same = ra == rl && rb == rl, ok = 1;
        for (int i = 0; i < 3; ++i) {
            same = same && ya[i].v == yl[i];
            ok = ok && close_rel(yl[i], cf.f[i], el) && close_rel(ya[i].d, cf.g[i][0], el) &&
                 close_rel(yb[i].d, cf.g[i][1], el);
        }
        tap_ok(same, "(%g, %g) duall: value parts == the long double instantiation", x0, x1);
        tap_ok(ok, "(%g, %g) long double, duall: values and partials = closed forms", x0, x1);
    }
}

/* ad_* keep the type; ad_value gives the scalar type; ad_const makes a constant. */
#define IS(T, e) _Generic((e), T : 1, default : 0)
static void check_types(void) {
    const dual a = dual_var(2);
    const dualf af = dualf_var(2);
    const hdual ah = hdual_var(2);
    const dual4 a4 = dual4_var(2, 1);
    const cplx ac = mkc(2, 1e-30);
    const long double al = 2;
    tap_ok(IS(dual, ad_sin(a)) && IS(dual, ad_add(a, a)) && IS(dual, ad_pow(a, a)) &&
               IS(dual, ad_powi(a, 3)) && IS(dual, ad_spow(2, a)) && IS(double, ad_value(a)),
           "dual: ad_* return dual, ad_value double");
    tap_ok(IS(dualf, ad_sin(af)) && IS(dualf, ad_muls(af, 2)) && IS(float, ad_value(af)),
           "dualf: ad_* return dualf, ad_value float");
    tap_ok(IS(hdual, ad_exp(ah)) && IS(hdual, ad_hypot(ah, ah)) && IS(double, ad_value(ah)),
           "hdual: ad_* return hdual, ad_value double");
    tap_ok(IS(dual4, ad_tanh(a4)) && IS(dual4, ad_fmin(a4, a4)) && IS(double, ad_value(a4)),
           "dual4 (DUAL_GENERIC_USER): ad_* return dual4, ad_value double");
    tap_ok(IS(cplx, ad_sin(ac)) && IS(cplx, ad_pows(ac, 2)) && IS(double, ad_value(ac)),
           "double complex: ad_* return double complex, ad_value double (the real part)");
    tap_ok(IS(long double, ad_sin(al)) && IS(float, ad_sin(2.0f)) && IS(double, ad_sin(2.0)),
           "plain reals: ad_* keep float, double, long double");
    tap_ok(ad_value(ac) == 2 && ad_value(a4) == 2 && ad_value(2.5f) == 2.5f,
           "ad_value: value part (creal for complex)");
    {
        const dual c = ad_const(a, 2.5);
        const dual4 c4 = ad_const(a4, 2.5);
        const hdual ch = ad_const(ah, -1);
        const cplx cc = ad_const(ac, 3);
        const duall cl = ad_const(duall_var(1), 0.1L);
        tap_ok(c.v == 2.5 && c.d == 0, "ad_const(dual, 2.5): value 2.5, tangent 0");
        tap_ok(c4.v == 2.5 && c4.d[0] == 0 && c4.d[1] == 0 && c4.d[2] == 0 && c4.d[3] == 0,
               "ad_const(dual4, 2.5): all tangents 0");
        tap_ok(ch.v == -1 && ch.e1 == 0 && ch.e2 == 0 && ch.e12 == 0,
               "ad_const(hdual, -1): all tangents 0");
        tap_ok(creal(cc) == 3 && cimag(cc) == 0, "ad_const(double complex, 3): imaginary part 0");
        tap_ok(cl.v == 0.1L && cl.d == 0, "ad_const(duall, 0.1L) keeps long double precision");
    }
    tap_ok(ad_cmp(a, dual_const(3)) == -1 && ad_gt(a4, dual4_const(1)) &&
               ad_eq(ah, hdual_const(2)) && ad_le(2.0, 2.0) && ad_ne(af, dualf_const(1)) &&
               ad_ge(ac, ad_const(ac, 2)),
           "ad_cmp, ad_gt, ad_eq, ad_le, ad_ne, ad_ge dispatch on every type");
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    check_point(1.5, 0.75); /* x0 > 1: the first branch */
    check_point(0.5, 1.25); /* x0 <= 1: the second branch */
    check_types();
    return tap_done();
}
