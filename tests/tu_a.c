/* tu_a.c - two translation units that both include dual.h (with main here, tu_b.c beside it):
 * the program links (no duplicate symbols from the generated functions), the chunked type
 * DUALN_DEFINE(dual5, double, 5) instantiated in both units is the same type on both sides, and
 * the results computed in tu_b.c equal closed forms (8 eps: a few operations, each within an
 * ulp or so). TAP output.
 */
#include "dual.h"
#include "tap.h"

#include <float.h>

DUALN_DEFINE(dual5, double, 5)

/* defined in tu_b.c */
dual5 tu_b_chunked(dual5 x, dual5 y);
hdual tu_b_hyper(hdual x);
double tu_b_generic(double x, double *dydx);
int tu_b_width(void);

#define L(x) ((long double)(x))
#define RT (8 * L(DBL_EPSILON))

int main(void) {
    const long double x = 0.75L, y = -1.25L;
    /* f = sin(x) e^y + x^3 y: f_x = cos(x) e^y + 3 x^2 y, f_y = sin(x) e^y + x^3 */
    const long double fx = cosl(x) * expl(y) + 3 * x * x * y, fy = sinl(x) * expl(y) + x * x * x;
    const double sx[5] = {1, 0, 0.5, 0, 0}, sy[5] = {0, 1, 0.5, 0, -2};
    const dual5 r = tu_b_chunked(dual5_make(0.75, sx), dual5_make(-1.25, sy));
    setvbuf(stdout, NULL, _IOLBF, 0);
    tap_ok(tu_b_width() == dual5_width && dual5_width == 5,
           "dual5_width is 5 in both translation units");
    tap_near(L(r.v), sinl(x) * expl(y) + x * x * x * y, RT, 0, "tu_b dual5: value");
    tap_near(L(r.d[0]), fx, RT, 0, "tu_b dual5: d[0] = df/dx");
    tap_near(L(r.d[1]), fy, RT, 0, "tu_b dual5: d[1] = df/dy");
    tap_near(L(r.d[2]), 0.5L * fx + 0.5L * fy, RT, 0, "tu_b dual5: d[2] = (f_x + f_y)/2");
    tap_ok(r.d[3] == 0, "tu_b dual5: d[3] = 0 (no seed)");
    tap_near(L(r.d[4]), -2 * fy, RT, 0, "tu_b dual5: d[4] = -2 df/dy");
    {
        /* log(1 + x^2): f' = 2x/(1 + x^2), f'' = 2(1 - x^2)/(1 + x^2)^2 */
        const hdual h = tu_b_hyper(hdual_var(0.75));
        tap_near(L(h.v), log1pl(x * x), RT, 0, "tu_b hdual: value log(1 + x^2)");
        tap_near(L(h.e1), 2 * x / (1 + x * x), RT, 0, "tu_b hdual: e1 = 2x/(1 + x^2)");
        tap_near(L(h.e12), 2 * (1 - x * x) / ((1 + x * x) * (1 + x * x)), 2 * RT, 0,
                 "tu_b hdual: e12 = 2(1 - x^2)/(1 + x^2)^2");
    }
    {
        /* tanh(x^2): 2x / cosh^2(x^2) */
        double d;
        const double v = tu_b_generic(0.75, &d);
        tap_near(L(v), tanhl(x * x), RT, 0, "tu_b ad_tanh(ad_sqr(x)): value");
        tap_near(L(d), 2 * x / (coshl(x * x) * coshl(x * x)), RT, 0,
                 "tu_b ad_tanh(ad_sqr(x)): derivative 2x / cosh^2(x^2)");
    }
    {
        /* this unit's own instantiation, against the closed form too */
        const dual5 s = dual5_mul(dual5_var(0.75, 4), dual5_var(-1.25, 4));
        tap_near(L(s.d[4]), x + y, RT, 0, "tu_a dual5: d(xy) along (1, 1) = x + y");
    }
    return tap_done();
}
