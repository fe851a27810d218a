/* tour - the main demo: the derivative rules and chain-rule examples of the matrix-calculus
 * notes (Parr and Howard, "The Matrix Calculus You Need For Deep Learning", and the D2L deck),
 * differentiated by dual numbers and printed next to the closed form and a central finite
 * difference, with the error of each.
 *
 * Run: build/examples/tour            (exits non-zero if any dual derivative is off by more
 *                                      than 1e-14 relative to its closed form)
 */
#include <math.h>
#include <stdio.h>

#include "dual.h"

/* One example: f written once with the generic front end (so it runs on double for the
 * finite difference and on dual for the exact derivative), and its derivative by hand. */
#define EXAMPLE(NAME, BODY)                                                                    \
    static double NAME##_d(double x) { return BODY; }                                          \
    static dual NAME##_dual(dual x) { return BODY; }

EXAMPLE(power, ad_powi(x, 3))                                      /* x^3          */
EXAMPLE(sum, ad_add(ad_sqr(x), ad_muls(x, 3.0)))                   /* x^2 + 3x     */
EXAMPLE(product, ad_mul(ad_sqr(x), x))                             /* x^2 * x      */
EXAMPLE(chain_log, ad_log(ad_sqr(x)))                              /* ln(x^2)      */
EXAMPLE(sin_sq, ad_sin(ad_sqr(x)))                                 /* sin(x^2)     */
EXAMPLE(nested, ad_log(ad_sqr(ad_sin(ad_powi(x, 3)))))             /* ln(sin(x^3)^2) */
EXAMPLE(two_paths, ad_add(x, ad_sqr(x)))                           /* x + x^2      */
EXAMPLE(sin_two_paths, ad_sin(ad_add(x, ad_sqr(x))))               /* sin(x + x^2) */
EXAMPLE(sigmoid, ad_sigmoid(x))                                    /* 1/(1+e^-x)   */
EXAMPLE(relu, ad_relu(x))                                          /* max(0, x)    */

/* closed forms from the notes */
static double power_ref(double x) { return 3 * x * x; }
static double sum_ref(double x) { return 2 * x + 3; }
static double product_ref(double x) { return 3 * x * x; }
static double chain_log_ref(double x) { return 2 / x; }
static double sin_sq_ref(double x) { return 2 * x * cos(x * x); }
static double nested_ref(double x) { return 6 * x * x * cos(x * x * x) / sin(x * x * x); }
static double two_paths_ref(double x) { return 1 + 2 * x; }
static double sin_two_paths_ref(double x) { return cos(x + x * x) * (1 + 2 * x); }
static double sigmoid_ref(double x) {
    const double s = 1 / (1 + exp(-x));
    return s * (1 - s);
}
static double relu_ref(double x) { return x > 0 ? 1 : 0; } /* Parr-Howard: 0 for x <= 0 */

typedef struct example {
    const char *rule, *formula, *closed_form;
    double (*f)(double);
    dual (*fd)(dual);
    double (*ref)(double);
    double at;
} example;

#define ROW(NAME, RULE, FORMULA, CLOSED, AT) {RULE, FORMULA, CLOSED, NAME##_d, NAME##_dual, NAME##_ref, AT}

static const example examples[] = {
    ROW(power, "power rule", "x^3", "3x^2", 1.5),
    ROW(sum, "sum rule", "x^2 + 3x", "2x + 3", 2.0),
    ROW(product, "product rule", "x^2 * x", "3x^2", 0.7),
    ROW(chain_log, "chain rule", "ln(x^2)", "2/x", 3.0),
    ROW(sin_sq, "chain rule", "sin(x^2)", "2x cos(x^2)", 1.2),
    ROW(nested, "chain rule, 4 levels", "ln(sin(x^3)^2)", "6x^2 cos(x^3)/sin(x^3)", 2.0),
    ROW(two_paths, "total derivative", "x + x^2", "1 + 2x", 0.5),
    ROW(sin_two_paths, "total derivative", "sin(x + x^2)", "cos(x + x^2)(1 + 2x)", 0.5),
    ROW(sigmoid, "logistic", "1/(1+e^-x)", "s(x)(1 - s(x))", 0.8),
    ROW(relu, "kink, z <= 0", "max(0, x)", "0 for x <= 0", 0.0),
    ROW(relu, "kink, z > 0", "max(0, x)", "1 for x > 0", 0.3),
};

/* central difference with the step of MATH.md section 7: h = eps^(1/3) max(|x|, 1) */
static double central(double (*f)(double), double x) {
    const double h0 = cbrt(2.220446049250313e-16) * fmax(fabs(x), 1.0);
    const double h = (x + h0) - x; /* an exactly representable step */
    return (f(x + h) - f(x - h)) / (2 * h);
}

static double rel_err(double got, double want) {
    return fabs(got - want) / fmax(1.0, fabs(want));
}

int main(void) {
    int failures = 0;
    printf("Derivatives by dual numbers, next to the closed form and a central difference\n\n");
    printf("%-21s %-16s %-22s %5s %22s %10s %10s\n", "rule", "f(x)", "closed form", "x",
           "dual f'(x)", "dual err", "fd err");
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; ++i) {
        const example *e = &examples[i];
        const dual y = e->fd(dual_var(e->at));
        const double want = e->ref(e->at), fd = central(e->f, e->at);
        const double err = rel_err(y.d, want), fd_err = rel_err(fd, want);
        printf("%-21s %-16s %-22s %5.2f %22.17g %10.1e %10.1e\n", e->rule, e->formula,
               e->closed_form, e->at, y.d, err, fd_err);
        if (!(err <= 1e-14) || y.v != e->f(e->at)) ++failures;
    }

    /* a vector of one variable: y(x) = [ln(x^2), sin(3x)], dy/dx = [2/x, 3 cos(3x)] */
    {
        const dual x = dual_var(1.3);
        const dual y0 = dual_log(dual_sqr(x)), y1 = dual_sin(dual_muls(x, 3.0));
        const double w0 = 2 / 1.3, w1 = 3 * cos(3 * 1.3);
        printf("\nvector of one variable y = [ln(x^2), sin(3x)] at x = 1.3:\n");
        printf("  dy/dx = [%.17g, %.17g]\n  closed  [%.17g, %.17g]\n", y0.d, y1.d, w0, w1);
        if (!(rel_err(y0.d, w0) <= 1e-14 && rel_err(y1.d, w1) <= 1e-14)) ++failures;
    }

    /* the same function, a second derivative: hyper-duals give it exactly */
    {
        const hdual x = hdual_var(2.0);
        const hdual y = hdual_log(hdual_sqr(hdual_sin(hdual_powi(x, 3))));
        /* f = 2 ln sin(x^3): f'' = 12x cot(x^3) - 18 x^4 / sin^2(x^3) */
        const double c = cos(8.0), s = sin(8.0), want = 24 * c / s - 18 * 16 / (s * s);
        printf("\nsecond derivative of ln(sin(x^3)^2) at x = 2 by hyper-duals:\n");
        printf("  hdual %.17g\n  closed %.17g  (rel err %.1e)\n", y.e12, want,
               rel_err(y.e12, want));
        if (!(rel_err(y.e12, want) <= 1e-13)) ++failures;
    }

    printf("\n%s\n", failures ? "SOME DERIVATIVES DISAGREE" : "all derivatives agree");
    return failures ? 1 : 0;
}
