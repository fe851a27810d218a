/* tour - the main demo: the worked examples of the matrix-calculus notes (Parr and Howard,
 * "The Matrix Calculus You Need For Deep Learning", the D2L deck and a sheet of identities;
 * restated in MATH.md), differentiated by dual numbers and printed next to the closed form and
 * a central finite difference, with the error of each. In order:
 *   1. the scalar rules and the chain-rule examples (dual numbers, one variable);
 *   2. a vector of one variable, and a second derivative by hyper-dual numbers;
 *   3. the Jacobian [[6yx, 3x^2], [2, 8y^7]] and a gradient (jac_dual, grad_dual);
 *   4. the identities of the sheet as Jacobians, in both layouts (jac_dual_ex);
 *   5. the logistic function's Jacobian as a diagonal, the Hessian of x^T B x (hess_hdual).
 *
 * Run: build/examples/tour            (exits non-zero if any dual derivative is off by more
 *                                      than 1e-14 relative to its closed form; the argument
 *                                      --smoke, passed by `meson test`, changes nothing)
 */
#include <math.h>
#include <stdio.h>

#include "dual.h"
#include "jacobian.h"

/* One example: f written once with the generic front end (so it runs on double for the
 * finite difference and on dual for the exact derivative), and its derivative by hand. */
#define EXAMPLE(NAME, BODY)                                                                    \
    static double NAME##_d(double x) { return BODY; }                                          \
    static dual NAME##_dual(dual x) { return BODY; }

EXAMPLE(constant, ad_const(x, 99.0))                               /* 99           */
EXAMPLE(multiple, ad_muls(x, 3.0))                                 /* 3x           */
EXAMPLE(square, ad_sqr(x))                                         /* x^2          */
EXAMPLE(exp, ad_exp(x))                                            /* e^x          */
EXAMPLE(log, ad_log(x))                                            /* ln x         */
EXAMPLE(sin, ad_sin(x))                                            /* sin x        */
EXAMPLE(cos, ad_cos(x))                                            /* cos x        */
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
static double constant_ref(double x) { return 0 * x; }
static double multiple_ref(double x) { return 3 + 0 * x; }
static double square_ref(double x) { return 2 * x; }
static double exp_ref(double x) { return exp(x); }
static double log_ref(double x) { return 1 / x; }
static double sin_ref(double x) { return cos(x); }
static double cos_ref(double x) { return -sin(x); }
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
    ROW(constant, "constant", "99", "0", 4.0),
    ROW(multiple, "constant multiple", "3x", "3", 4.0),
    ROW(square, "power, the slope", "x^2", "2x", 1.0),
    ROW(power, "power rule", "x^3", "3x^2", 1.5),
    ROW(sum, "sum rule", "x^2 + 3x", "2x + 3", 2.0),
    ROW(product, "product rule", "x^2 * x", "3x^2", 0.7),
    ROW(chain_log, "chain rule", "ln(x^2)", "2/x", 3.0),
    ROW(sin_sq, "chain rule", "sin(x^2)", "2x cos(x^2)", 1.2),
    ROW(nested, "chain rule, 4 levels", "ln(sin(x^3)^2)", "6x^2 cos(x^3)/sin(x^3)", 2.0),
    ROW(two_paths, "total derivative", "x + x^2", "1 + 2x", 0.5),
    ROW(sin_two_paths, "total derivative", "sin(x + x^2)", "cos(x + x^2)(1 + 2x)", 0.5),
    ROW(exp, "exp", "e^x", "e^x", 0.5),
    ROW(log, "log", "ln x", "1/x", 2.5),
    ROW(sin, "sin", "sin x", "cos x", 1.0),
    ROW(cos, "cos", "cos x", "-sin x", 1.0),
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

/* ---------------------------------------------------------------------------------------------
 * Jacobians. From here on a function has n inputs and m outputs and is written once,
 *     int f(const num *in, num *out, void *ctx),
 * through the generic front end, so that the same body compiles over `dual` (for the exact
 * Jacobian, jac_dual) and over `double` (for the central difference, jac_fd_central).
 */

/* The fixed data of the identities (MATH.md section 4): x, w in R^3, a scalar z, A (2x3),
 * B (3x3, not symmetric, so that B + B^T is not 2B) and a 2x2 matrix X (flattened). */
typedef struct consts {
    double x[3], w[3], z, A[2][3], B[3][3], X[4];
} consts;

static const consts K = {
    {0.5, -1.2, 2.0},
    {1.5, 0.3, -0.8},
    0.7,
    {{1.0, 2.0, -1.0}, {0.5, -3.0, 4.0}},
    {{2.0, -1.0, 0.0}, {1.0, 3.0, 0.5}, {-2.0, 0.0, 1.0}},
    {1.0, -2.0, 0.5, 3.0},
};

/* IDENTITY(NAME, body) defines NAME_dual and NAME_real from one body. In the body, `in` is the
 * variable we differentiate by, `out` the result, `num` the number type, `k` the constants,
 * and C(c) lifts a constant c to a number (tangent 0). */
#define C(c) ad_const(in[0], (c))
#define IDENTITY(NAME, ...)                                                                    \
    static int NAME##_dual(const dual *in, dual *out, void *ctx) {                             \
        typedef dual num;                                                                      \
        const consts *k = ctx;                                                                 \
        (void)k, (void)sizeof(num);                                                            \
        __VA_ARGS__                                                                            \
        return 0;                                                                              \
    }                                                                                          \
    static int NAME##_real(const double *in, double *out, void *ctx) {                         \
        typedef double num;                                                                    \
        const consts *k = ctx;                                                                 \
        (void)k, (void)sizeof(num);                                                            \
        __VA_ARGS__                                                                            \
        return 0;                                                                              \
    }

/* MATH.md section 3: f(x, y) = 3x^2 y, g(x, y) = 2x + y^8 */
IDENTITY(fg, out[0] = ad_mul(ad_muls(ad_sqr(in[0]), 3.0), in[1]);
         out[1] = ad_add(ad_muls(in[0], 2.0), ad_powi(in[1], 8));)
/* the D2L deck: x1^2 + 2 x2^2 */
IDENTITY(d2l, out[0] = ad_add(ad_sqr(in[0]), ad_muls(ad_sqr(in[1]), 2.0));)

/* MATH.md section 4, in its order */
IDENTITY(ident, for (int i = 0; i < 3; ++i) out[i] = in[i];)                 /* x      by x */
IDENTITY(add_w, for (int i = 0; i < 3; ++i) out[i] = ad_add(in[i], C(k->x[i]));) /* w + x by w */
IDENTITY(sub_x, for (int i = 0; i < 3; ++i) out[i] = ad_sub(C(k->w[i]), in[i]);) /* w - x by x */
IDENTITY(mul_w, for (int i = 0; i < 3; ++i) out[i] = ad_mul(in[i], C(k->x[i]));) /* w (*) x by w */
IDENTITY(mul_x, for (int i = 0; i < 3; ++i) out[i] = ad_mul(C(k->w[i]), in[i]);) /* w (*) x by x */
IDENTITY(div_w, for (int i = 0; i < 3; ++i) out[i] = ad_div(in[i], C(k->x[i]));) /* w (/) x by w */
IDENTITY(div_x, for (int i = 0; i < 3; ++i) out[i] = ad_div(C(k->w[i]), in[i]);) /* w (/) x by x */
IDENTITY(adds_x, for (int i = 0; i < 3; ++i) out[i] = ad_adds(in[i], k->z);)     /* x + z by x */
IDENTITY(adds_z, for (int i = 0; i < 3; ++i) out[i] = ad_add(C(k->x[i]), in[0]);) /* x + z by z */
IDENTITY(muls_x, for (int i = 0; i < 3; ++i) out[i] = ad_muls(in[i], k->z);)     /* x z by x   */
IDENTITY(muls_z, for (int i = 0; i < 3; ++i) out[i] = ad_mul(C(k->x[i]), in[0]);) /* x z by z  */
IDENTITY(sum_x, out[0] = ad_add(ad_add(in[0], in[1]), in[2]);)                   /* sum(x)     */
IDENTITY(sumz_x, num s = C(0.0);                                                 /* sum(x z) by x */
         for (int i = 0; i < 3; ++i) s = ad_add(s, ad_muls(in[i], k->z));
         out[0] = s;)
IDENTITY(sumz_z, num s = C(0.0);                                                 /* sum(x z) by z */
         for (int i = 0; i < 3; ++i) s = ad_add(s, ad_mul(C(k->x[i]), in[0]));
         out[0] = s;)
IDENTITY(dot_w, num s = C(0.0);                                                  /* w . x by w */
         for (int i = 0; i < 3; ++i) s = ad_add(s, ad_muls(in[i], k->x[i]));
         out[0] = s;)
IDENTITY(dot_x, num s = C(0.0);                                                  /* w . x by x */
         for (int i = 0; i < 3; ++i) s = ad_add(s, ad_muls(in[i], k->w[i]));
         out[0] = s;)
IDENTITY(lin, for (int r = 0; r < 2; ++r) {                                      /* A x by x   */
             num s = C(0.0);
             for (int c = 0; c < 3; ++c) s = ad_add(s, ad_muls(in[c], k->A[r][c]));
             out[r] = s;
         })
/* x^T B x, written once more below for hyper-duals (its Hessian) */
#define QUAD_BODY                                                                              \
    num s = C(0.0);                                                                            \
    for (int r = 0; r < 3; ++r)                                                                \
        for (int c = 0; c < 3; ++c) s = ad_add(s, ad_muls(ad_mul(in[r], in[c]), k->B[r][c])); \
    out[0] = s;
IDENTITY(quad, QUAD_BODY)
IDENTITY(norm2, out[0] = ad_add(ad_add(ad_sqr(in[0]), ad_sqr(in[1])), ad_sqr(in[2]));) /* |x|^2 */
IDENTITY(frob, num s = C(0.0);                                                   /* |X|_F^2 by X */
         for (int i = 0; i < 4; ++i) s = ad_add(s, ad_sqr(in[i]));
         out[0] = s;)
IDENTITY(sigm, for (int i = 0; i < 3; ++i) out[i] = ad_sigmoid(in[i]);)          /* sigma(x)   */
/* the vector chain rule: g: R^3 -> R^2, f: R^2 -> R^3, and f(g(x)) */
#define G_BODY(u, v)                                                                           \
    v[0] = ad_mul(u[0], u[1]);                                                                 \
    v[1] = ad_add(u[1], ad_sin(u[2]));
#define F_BODY(u, v)                                                                           \
    v[0] = ad_exp(u[0]);                                                                       \
    v[1] = ad_mul(u[0], u[1]);                                                                 \
    v[2] = ad_sqr(u[1]);
IDENTITY(chain_g, G_BODY(in, out))
IDENTITY(chain_f, F_BODY(in, out))
IDENTITY(chain, num g[2]; G_BODY(in, g) F_BODY(g, out))
/* product rules: y(x) = [x0 x1, sin x2], z(x) = [x0 + x2^2, e^x1]; y^T z and y^T A z (A's
 * leading 2x2 block) */
#define YZ_BODY                                                                                \
    num y[2], z[2];                                                                            \
    y[0] = ad_mul(in[0], in[1]);                                                               \
    y[1] = ad_sin(in[2]);                                                                      \
    z[0] = ad_add(in[0], ad_sqr(in[2]));                                                       \
    z[1] = ad_exp(in[1]);
IDENTITY(ytz, YZ_BODY out[0] = ad_add(ad_mul(y[0], z[0]), ad_mul(y[1], z[1]));)
IDENTITY(ytaz, YZ_BODY num s = C(0.0);
         for (int r = 0; r < 2; ++r)
             for (int c = 0; c < 2; ++c) s = ad_add(s, ad_muls(ad_mul(y[r], z[c]), k->A[r][c]));
         out[0] = s;)

/* Closed forms, by hand, in numerator layout: J[i*n + j] = dy_i/dx_j. */
static void diag3(double *J, double a, double b, double c) {
    for (int i = 0; i < 9; ++i) J[i] = 0;
    J[0] = a, J[4] = b, J[8] = c;
}
static void ident_ref(const consts *k, double *J) { (void)k, diag3(J, 1, 1, 1); }
static void add_w_ref(const consts *k, double *J) { (void)k, diag3(J, 1, 1, 1); }
static void sub_x_ref(const consts *k, double *J) { (void)k, diag3(J, -1, -1, -1); }
static void mul_w_ref(const consts *k, double *J) { diag3(J, k->x[0], k->x[1], k->x[2]); }
static void mul_x_ref(const consts *k, double *J) { diag3(J, k->w[0], k->w[1], k->w[2]); }
static void div_w_ref(const consts *k, double *J) {
    diag3(J, 1 / k->x[0], 1 / k->x[1], 1 / k->x[2]);
}
static void div_x_ref(const consts *k, double *J) {
    const double *w = k->w, *x = k->x;
    diag3(J, -w[0] / (x[0] * x[0]), -w[1] / (x[1] * x[1]), -w[2] / (x[2] * x[2]));
}
static void adds_x_ref(const consts *k, double *J) { (void)k, diag3(J, 1, 1, 1); }
static void adds_z_ref(const consts *k, double *J) { (void)k, J[0] = J[1] = J[2] = 1; }
static void muls_x_ref(const consts *k, double *J) { diag3(J, k->z, k->z, k->z); }
static void muls_z_ref(const consts *k, double *J) {
    for (int i = 0; i < 3; ++i) J[i] = k->x[i];
}
static void sum_x_ref(const consts *k, double *J) { (void)k, J[0] = J[1] = J[2] = 1; }
static void sumz_x_ref(const consts *k, double *J) { J[0] = J[1] = J[2] = k->z; }
static void sumz_z_ref(const consts *k, double *J) { J[0] = k->x[0] + k->x[1] + k->x[2]; }
static void dot_w_ref(const consts *k, double *J) {
    for (int i = 0; i < 3; ++i) J[i] = k->x[i];
}
static void dot_x_ref(const consts *k, double *J) {
    for (int i = 0; i < 3; ++i) J[i] = k->w[i];
}
static void lin_ref(const consts *k, double *J) {
    for (int i = 0; i < 6; ++i) J[i] = k->A[i / 3][i % 3];
}
static void quad_ref(const consts *k, double *J) { /* x^T (B + B^T) */
    for (int j = 0; j < 3; ++j) {
        J[j] = 0;
        for (int i = 0; i < 3; ++i) J[j] += k->x[i] * (k->B[i][j] + k->B[j][i]);
    }
}
static void norm2_ref(const consts *k, double *J) {
    for (int i = 0; i < 3; ++i) J[i] = 2 * k->x[i];
}
static void frob_ref(const consts *k, double *J) {
    for (int i = 0; i < 4; ++i) J[i] = 2 * k->X[i];
}
static void sigm_ref(const consts *k, double *J) {
    double s[3];
    for (int i = 0; i < 3; ++i) s[i] = 1 / (1 + exp(-k->x[i]));
    diag3(J, s[0] * (1 - s[0]), s[1] * (1 - s[1]), s[2] * (1 - s[2]));
}
/* dg/dx (2x3) and df/du (3x2) by hand, for the chain rule and the product rules */
static void g_jac(const double *x, double *Jg) {
    const double J[6] = {x[1], x[0], 0, 0, 1, cos(x[2])};
    for (int i = 0; i < 6; ++i) Jg[i] = J[i];
}
static void f_jac(const double *u, double *Jf) {
    const double J[6] = {exp(u[0]), 0, u[1], u[0], 0, 2 * u[1]};
    for (int i = 0; i < 6; ++i) Jf[i] = J[i];
}
static void chain_g_ref(const consts *k, double *J) { g_jac(k->x, J); }
static void chain_f_ref(const consts *k, double *J) { f_jac(k->x, J); } /* at u = x[0..1] */
static void chain_ref(const consts *k, double *J) {                    /* (df/dg)(dg/dx) */
    const double *x = k->x, g[2] = {x[0] * x[1], x[1] + sin(x[2])};
    double Jf[6], Jg[6];
    f_jac(g, Jf);
    g_jac(x, Jg);
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) J[i * 3 + j] = Jf[i * 2] * Jg[j] + Jf[i * 2 + 1] * Jg[3 + j];
}
/* The product rules are written in denominator layout on the sheet: with Y = dy/dx and
 * Z = dz/dx as n x k matrices (row j = input j), d(y^T z)/dx = Y z + Z y and
 * d(y^T A z)/dx = Y A z + Z A^T y, each a column of n entries (the gradient). */
static void yz_parts(const double *x, double y[2], double z[2], double Y[3][2], double Z[3][2]) {
    y[0] = x[0] * x[1], y[1] = sin(x[2]);
    z[0] = x[0] + x[2] * x[2], z[1] = exp(x[1]);
    Y[0][0] = x[1], Y[1][0] = x[0], Y[2][0] = 0;
    Y[0][1] = 0, Y[1][1] = 0, Y[2][1] = cos(x[2]);
    Z[0][0] = 1, Z[1][0] = 0, Z[2][0] = 2 * x[2];
    Z[0][1] = 0, Z[1][1] = z[1], Z[2][1] = 0;
}
static void ytz_ref(const consts *k, double *J) {
    double y[2], z[2], Y[3][2], Z[3][2];
    yz_parts(k->x, y, z, Y, Z);
    for (int j = 0; j < 3; ++j)
        J[j] = Y[j][0] * z[0] + Y[j][1] * z[1] + Z[j][0] * y[0] + Z[j][1] * y[1];
}
static void ytaz_ref(const consts *k, double *J) {
    double y[2], z[2], Y[3][2], Z[3][2], Az[2], Aty[2];
    yz_parts(k->x, y, z, Y, Z);
    for (int r = 0; r < 2; ++r) {
        Az[r] = k->A[r][0] * z[0] + k->A[r][1] * z[1];
        Aty[r] = k->A[0][r] * y[0] + k->A[1][r] * y[1];
    }
    for (int j = 0; j < 3; ++j)
        J[j] = Y[j][0] * Az[0] + Y[j][1] * Az[1] + Z[j][0] * Aty[0] + Z[j][1] * Aty[1];
}

typedef struct identity {
    const char *what, *closed; /* the derivative, its closed form in numerator layout */
    size_t n, m;               /* inputs, outputs */
    const double *at;          /* the point: K.x, K.w, &K.z or K.X */
    jac_dual_fn f;
    jac_real_fn fr;
    void (*ref)(const consts *, double *);
} identity;

#define ID(NAME, WHAT, CLOSED, N, M, AT)                                                       \
    {WHAT, CLOSED, N, M, AT, NAME##_dual, NAME##_real, NAME##_ref}

static const identity identities[] = {
    ID(ident, "dx/dx", "I", 3, 3, K.x),
    ID(add_w, "d(w + x)/dw", "I", 3, 3, K.w),
    ID(sub_x, "d(w - x)/dx", "-I", 3, 3, K.x),
    ID(mul_w, "d(w (*) x)/dw", "diag(x)", 3, 3, K.w),
    ID(mul_x, "d(w (*) x)/dx", "diag(w)", 3, 3, K.x),
    ID(div_w, "d(w (/) x)/dw", "diag(1/x_i)", 3, 3, K.w),
    ID(div_x, "d(w (/) x)/dx", "diag(-w_i/x_i^2)", 3, 3, K.x),
    ID(adds_x, "d(x + z)/dx", "I", 3, 3, K.x),
    ID(adds_z, "d(x + z)/dz", "1 (column of ones)", 1, 3, &K.z),
    ID(muls_x, "d(x z)/dx", "I z", 3, 3, K.x),
    ID(muls_z, "d(x z)/dz", "x (a column)", 1, 3, &K.z),
    ID(sum_x, "d sum(x)/dx", "1^T (a row)", 3, 1, K.x),
    ID(sumz_x, "d sum(x z)/dx", "[z, z, z]", 3, 1, K.x),
    ID(sumz_z, "d sum(x z)/dz", "sum(x)", 1, 1, &K.z),
    ID(dot_w, "d(w . x)/dw", "x^T", 3, 1, K.w),
    ID(dot_x, "d(w . x)/dx", "w^T", 3, 1, K.x),
    ID(lin, "d(A x)/dx", "A (denominator: A^T)", 3, 2, K.x),
    ID(quad, "d(x^T B x)/dx", "x^T (B + B^T)", 3, 1, K.x),
    ID(norm2, "d|x|^2/dx", "2 x^T", 3, 1, K.x),
    ID(frob, "d|X|_F^2/dX", "2 X (flattened)", 4, 1, K.X),
    ID(sigm, "d sigma(x)/dx", "diag(s (1 - s))", 3, 3, K.x),
    ID(chain_g, "dg/dx", "[x1 x0 0; 0 1 cos x2]", 3, 2, K.x),
    ID(chain_f, "df/du, u = x0..1", "[e^u0 0; u1 u0; 0 2u1]", 2, 3, K.x),
    ID(chain, "d f(g(x))/dx", "(df/dg)(dg/dx)", 3, 3, K.x),
    ID(ytz, "d(y^T z)/dx", "Y z + Z y", 3, 1, K.x),
    ID(ytaz, "d(y^T A z)/dx", "Y A z + Z A^T y", 3, 1, K.x),
};

/* the largest relative error over an m x n matrix (both numerator layout, packed) */
static double max_rel_err(size_t count, const double *got, const double *want) {
    double e = 0;
    for (size_t i = 0; i < count; ++i) e = fmax(e, rel_err(got[i], want[i]));
    return e;
}

/* Print matrices side by side, each rows x cols, packed row-major, under their titles, with
 * prec[k] significant digits for matrix k. */
static void print_side(size_t rows, size_t cols, size_t count, const double *const *mats,
                       const char *const *titles, const int *prec) {
    printf("   ");
    for (size_t k = 0; k < count; ++k)
        printf("  %-*s", k + 1 < count ? (int)cols * (prec[k] + 5) + 2 : 0, titles[k]);
    printf("\n");
    for (size_t i = 0; i < rows; ++i) {
        printf("   ");
        for (size_t k = 0; k < count; ++k) {
            printf("  [");
            for (size_t j = 0; j < cols; ++j) {
                const double v = mats[k][i * cols + j];
                printf("%*.*g", prec[k] + 5, prec[k], v == 0 ? 0.0 : v); /* no "-0" */
            }
            printf(" ]");
        }
        printf("\n");
    }
}

/* Section 3: the Jacobian of [f, g] and the D2L gradient. Returns the number of failures. */
static int jacobian_section(void) {
    int failures = 0;
    consts k = K;
    const double at[2] = {1.0, 2.0};
    double y[2], J[4], Jt[4], Jc[4], Jfd[4];
    jac_opts den = JAC_OPTS_INIT;
    den.layout = JAC_DENOMINATOR;

    printf("\nThe Jacobian (MATH.md section 3)\n\n");
    printf("   f(x, y) = 3x^2 y and g(x, y) = 2x + y^8 at (x, y) = (1, 2). jac_dual seeds one\n"
           "   input per pass (tangent 1 on x, then on y): each pass gives one column of J.\n"
           "   Numerator layout (the default): row i = output i, column j = input j.\n\n");
    if (jac_dual(fg_dual, &k, 2, 2, at, y, J) != 0 ||
        jac_dual_ex(fg_dual, &k, 2, 2, at, NULL, Jt, &den) != 0 ||
        jac_fd_central(fg_real, &k, 2, 2, at, NULL, Jfd) != 0)
        return 1;
    Jc[0] = 6 * at[1] * at[0], Jc[1] = 3 * at[0] * at[0];    /* [6yx, 3x^2] */
    Jc[2] = 2, Jc[3] = 8 * pow(at[1], 7);                     /* [2, 8y^7]   */
    {
        const double *mats[] = {J, Jc, Jfd};
        const char *titles[] = {"dual numbers", "[[6yx, 3x^2], [2, 8y^7]]", "central difference"};
        const int prec[] = {6, 6, 15};
        print_side(2, 2, 3, mats, titles, prec);
    }
    printf("   dual err %.1e, central difference err %.1e   (f, g) = (%g, %g)\n",
           max_rel_err(4, J, Jc), max_rel_err(4, Jfd, Jc), y[0], y[1]);
    printf("   Denominator layout (JAC_DENOMINATOR, one option away): the transpose,\n"
           "   row j = input j:  [[%g, %g], [%g, %g]]\n",
           Jt[0], Jt[1], Jt[2], Jt[3]);
    if (!(max_rel_err(4, J, Jc) <= 1e-14)) ++failures;
    if (Jt[0] != J[0] || Jt[1] != J[2] || Jt[2] != J[1] || Jt[3] != J[3]) ++failures;

    {
        const double x2[2] = {1.0, 1.0};
        double g[2], gfd[2];
        if (grad_dual(d2l_dual, &k, 2, x2, NULL, g) != 0 ||
            jac_fd_central(d2l_real, &k, 2, 1, x2, NULL, gfd) != 0)
            return failures + 1;
        printf("\n   A gradient is the one-row Jacobian (grad_dual): the D2L deck's\n"
               "   d(x1^2 + 2 x2^2)/dx = [2x1, 4x2] at (1, 1): dual [%g, %g], closed [2, 4],\n"
               "   central difference [%.15g, %.15g]\n",
               g[0], g[1], gfd[0], gfd[1]);
        if (g[0] != 2 || g[1] != 4) ++failures;
    }
    return failures;
}

/* Section 4: every identity in both layouts. */
static int identity_section(void) {
    int failures = 0;
    consts k = K;
    jac_opts den = JAC_OPTS_INIT;
    den.layout = JAC_DENOMINATOR;

    printf("\nThe identities as Jacobians (MATH.md section 4)\n\n");
    printf("   x = [%g, %g, %g], w = [%g, %g, %g], z = %g, A = [[%g, %g, %g], [%g, %g, %g]],\n",
           K.x[0], K.x[1], K.x[2], K.w[0], K.w[1], K.w[2], K.z, K.A[0][0], K.A[0][1], K.A[0][2],
           K.A[1][0], K.A[1][1], K.A[1][2]);
    printf("   B = [[%g, %g, %g], [%g, %g, %g], [%g, %g, %g]], X = [[%g, %g], [%g, %g]];\n",
           K.B[0][0], K.B[0][1], K.B[0][2], K.B[1][0], K.B[1][1], K.B[1][2], K.B[2][0],
           K.B[2][1], K.B[2][2], K.X[0], K.X[1], K.X[2], K.X[3]);
    printf("   (*) and (/) are elementwise; f(g(x)) with g = [x0 x1, x1 + sin x2],\n"
           "   f(u) = [e^u0, u0 u1, u1^2]; y = [x0 x1, sin x2], z = [x0 + x2^2, e^x1],\n"
           "   Y = dy/dx and Z = dz/dx in denominator layout (the sheet's).\n"
           "   Each Jacobian is computed in both layouts: numerator m x n, denominator n x m\n"
           "   (the same numbers transposed, checked bit for bit).\n\n");
    printf("   %-16s %-22s %-9s %-11s %9s %9s\n", "derivative", "closed form", "numerator",
           "denominator", "dual err", "fd err");
    for (size_t t = 0; t < sizeof identities / sizeof identities[0]; ++t) {
        const identity *id = &identities[t];
        const size_t n = id->n, m = id->m;
        double Jn[16], Jd[16], Jr[16], Jf[16];
        char shape_n[48], shape_d[48];
        int transposed = 1;
        if (jac_dual(id->f, &k, n, m, id->at, NULL, Jn) != 0 ||
            jac_dual_ex(id->f, &k, n, m, id->at, NULL, Jd, &den) != 0 ||
            jac_fd_central(id->fr, &k, n, m, id->at, NULL, Jf) != 0) {
            ++failures;
            continue;
        }
        id->ref(&k, Jr);
        for (size_t i = 0; i < m; ++i)
            for (size_t j = 0; j < n; ++j) transposed &= Jd[j * m + i] == Jn[i * n + j];
        snprintf(shape_n, sizeof shape_n, "%zux%zu", m, n);
        snprintf(shape_d, sizeof shape_d, "%zux%zu%s", n, m, transposed ? "" : " (!)");
        {
            const double err = max_rel_err(m * n, Jn, Jr), fd_err = max_rel_err(m * n, Jf, Jr);
            printf("   %-16s %-22s %-9s %-11s %9.1e %9.1e\n", id->what, id->closed, shape_n,
                   shape_d, err, fd_err);
            if (!(err <= 1e-14) || !transposed) ++failures;
        }
    }

    /* a closer look at three of them */
    {
        double Jn[6], Jd[6], At[6];
        if (jac_dual(lin_dual, &k, 3, 2, K.x, NULL, Jn) != 0 ||
            jac_dual_ex(lin_dual, &k, 3, 2, K.x, NULL, Jd, &den) != 0)
            return failures + 1;
        for (int i = 0; i < 6; ++i) At[i] = K.A[i % 2][i / 2];
        printf("\n   d(A x)/dx is A in numerator layout, A^T in denominator layout:\n");
        {
            const double *mats[] = {Jn, K.A[0]};
            const char *titles[] = {"numerator (2x3)", "A"};
            const int prec[] = {3, 3};
            print_side(2, 3, 2, mats, titles, prec);
        }
        {
            const double *mats[] = {Jd, At};
            const char *titles[] = {"denominator (3x2)", "A^T"};
            const int prec[] = {3, 3};
            print_side(3, 2, 2, mats, titles, prec);
        }
    }
    {
        double Jf[6], Jg[6], J[9], P[9], g[2];
        if (jac_dual(chain_g_dual, &k, 3, 2, K.x, g, Jg) != 0 ||
            jac_dual(chain_f_dual, &k, 2, 3, g, NULL, Jf) != 0 ||
            jac_dual(chain_dual, &k, 3, 3, K.x, NULL, J) != 0)
            return failures + 1;
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                P[i * 3 + j] = Jf[i * 2] * Jg[j] + Jf[i * 2 + 1] * Jg[3 + j];
        printf("\n   The vector chain rule: the Jacobian of f(g(x)) is the product of the\n"
               "   Jacobians, (3x2)(2x3) = 3x3 (each computed by jac_dual on its own):\n");
        {
            const double *mats[] = {Jf, Jg, P, J};
            const char *titles[] = {"df/dg at g(x)", "dg/dx", "(df/dg)(dg/dx)",
                                    "d f(g(x))/dx, one pass per input"};
            const int prec[] = {5, 5, 5, 5};
            print_side(3, 2, 1, mats, titles, prec);
            print_side(2, 3, 1, mats + 1, titles + 1, prec);
            print_side(3, 3, 2, mats + 2, titles + 2, prec);
        }
        printf("   largest difference: %.1e\n", max_rel_err(9, J, P));
        if (!(max_rel_err(9, J, P) <= 1e-14)) ++failures;
    }
    return failures;
}

/* x^T B x over hyper-duals, for its Hessian */
static int quad_hdual(const hdual *in, hdual *out, void *ctx) {
    typedef hdual num;
    const consts *k = ctx;
    QUAD_BODY
    return 0;
}

/* Section 5: sigma' as a diagonal, and a Hessian. */
static int diagonal_section(void) {
    int failures = 0;
    consts k = K;
    double J[9], R[9], H[9], S[9], g[3], gr[3];

    printf("\nElementwise functions have diagonal Jacobians; Hessians by hyper-duals\n\n");
    if (jac_dual(sigm_dual, &k, 3, 3, K.x, NULL, J) != 0) return 1;
    sigm_ref(&k, R);
    printf("   sigma(x) = 1/(1 + e^-x) elementwise at x: J = diag(sigma(x) (*) (1 - sigma(x))).\n"
           "   Off the diagonal each pass's tangent is an exact 0 (output i never sees\n"
           "   input j):\n");
    {
        const double *mats[] = {J, R};
        const char *titles[] = {"jac_dual", "diag(s (1 - s))"};
        const int prec[] = {6, 6};
        print_side(3, 3, 2, mats, titles, prec);
    }
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            if (i != j && J[i * 3 + j] != 0) ++failures;
    if (!(max_rel_err(9, J, R) <= 1e-14)) ++failures;

    if (hess_hdual(quad_hdual, &k, 3, K.x, NULL, g, H) != 0) return failures + 1;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) S[i * 3 + j] = K.B[i][j] + K.B[j][i];
    quad_ref(&k, gr);
    printf("\n   The Hessian of x^T B x is B + B^T (hess_hdual: e1 on x_i, e2 on x_j, H_ij\n"
           "   in the e1e2 part, 6 passes for the 6 distinct entries):\n");
    {
        const double *mats[] = {H, S};
        const char *titles[] = {"hess_hdual", "B + B^T"};
        const int prec[] = {6, 6};
        print_side(3, 3, 2, mats, titles, prec);
    }
    printf("   and its gradient, from the same passes: [%g, %g, %g] = x^T (B + B^T) = "
           "[%g, %g, %g]\n",
           g[0], g[1], g[2], gr[0], gr[1], gr[2]);
    if (!(max_rel_err(9, H, S) <= 1e-14) || !(max_rel_err(3, g, gr) <= 1e-14)) ++failures;
    return failures;
}

int main(int argc, char **argv) {
    (void)argc, (void)argv; /* --smoke: the tour is fast anyway */
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

    failures += jacobian_section();
    failures += identity_section();
    failures += diagonal_section();

    printf("\n%s\n", failures ? "SOME DERIVATIVES DISAGREE" : "all derivatives agree");
    return failures ? 1 : 0;
}
