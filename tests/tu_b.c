/* tu_b.c - the second translation unit of the two_tu test (main is in tu_a.c).
 *
 * Both units include dual.h and instantiate the same chunked type, DUALN_DEFINE(dual5, double, 5):
 * with the default DUAL_API (static inline) nothing may clash at link time, and the struct types
 * of the two units are compatible (C11 6.2.7), so dual5 values cross the boundary by value.
 */
#include "dual.h"

DUALN_DEFINE(dual5, double, 5)

/* the interface shared with tu_a.c (declared again there) */
dual5 tu_b_chunked(dual5 x, dual5 y);
hdual tu_b_hyper(hdual x);
double tu_b_generic(double x, double *dydx);
int tu_b_width(void);

/* sin(x) e^y + x^3 y */
dual5 tu_b_chunked(dual5 x, dual5 y) {
    return dual5_add(dual5_mul(dual5_sin(x), dual5_exp(y)), dual5_mul(dual5_powi(x, 3), y));
}

/* log(1 + x^2) */
hdual tu_b_hyper(hdual x) { return hdual_log1p(hdual_sqr(x)); }

/* the generic front end in this unit too: d/dx tanh(x^2) */
double tu_b_generic(double x, double *dydx) {
    const dual y = ad_tanh(ad_sqr(dual_var(x)));
    *dydx = y.d;
    return y.v;
}

int tu_b_width(void) { return dual5_width; }
