/* ops.h - the lists of dual.h's functions that the table, sweep and chunked-bits tests run
 * over (test-only). A function added to the library is added here once, and every one of
 * those suites then covers it. X(N, fn) is expanded for each; N is a type name or a dummy. */
#ifndef DUALJAC_TEST_OPS_H
#define DUALJAC_TEST_OPS_H

/* functions of one number */
#define UNARY_FUNCS(X, N)                                                                      \
    X(N, fabs) X(N, sqrt) X(N, cbrt) X(N, exp) X(N, exp2) X(N, expm1) X(N, log) X(N, log2)     \
    X(N, log10) X(N, log1p) X(N, sin) X(N, cos) X(N, tan) X(N, asin) X(N, acos) X(N, atan)     \
    X(N, sinh) X(N, cosh) X(N, tanh) X(N, asinh) X(N, acosh) X(N, atanh) X(N, erf)             \
    X(N, erfc) X(N, floor) X(N, ceil) X(N, trunc) X(N, round) X(N, sigmoid) X(N, relu)         \
    X(N, softplus) X(N, sqr) X(N, inv) X(N, neg)

/* functions of two numbers, name_fn(a, b) */
#define BINARY_FUNCS(X, N)                                                                     \
    X(N, add) X(N, sub) X(N, mul) X(N, div) X(N, hypot) X(N, pow) X(N, atan2) X(N, fmod)       \
    X(N, copysign) X(N, fmin) X(N, fmax)

#endif /* DUALJAC_TEST_OPS_H */
