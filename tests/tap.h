/* tap.h - a minimal TAP producer for dualjac's tests (test-only, not installed).
 *
 * Every check prints one TAP line, "ok N - name" or "not ok N - name", so Meson
 * (protocol: 'tap') and .ci/run count every check, not just every program.
 * Call tap_done() last: it prints the plan "1..N" and returns the exit status.
 *
 * Float comparison, tap_close(got, want, rtol, atol), in long double so that one
 * helper serves float, double and long double alike:
 *   - NaN equals only NaN (want NaN => got must be NaN; got NaN and want not => fail);
 *   - an infinity equals only the same infinity;
 *   - otherwise |got - want| <= atol + rtol * |want|.
 * tap_same(got, want) is the bit-for-bit variant (same value, NaN equals NaN,
 * +0 and -0 are told apart), used where the library promises identical results.
 */
#ifndef DUALJAC_TAP_H
#define DUALJAC_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap__count;  /* test-program state only; the library has none */
static int tap__failed;

#if defined(__GNUC__) || defined(__clang__)
#define TAP__PRINTF(a, b) __attribute__((format(printf, a, b), unused))
#define TAP__UNUSED __attribute__((unused))
#else
#define TAP__PRINTF(a, b)
#define TAP__UNUSED
#endif

/* Record one check; returns cond so callers can print diagnostics on failure. */
TAP__PRINTF(2, 3) static int tap_ok(int cond, const char *fmt, ...) {
    va_list ap;
    ++tap__count;
    if (!cond) ++tap__failed;
    printf("%s %d - ", cond ? "ok" : "not ok", tap__count);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    return cond;
}

/* A diagnostic line (TAP comment). */
TAP__PRINTF(1, 2) static void tap_diag(const char *fmt, ...) {
    va_list ap;
    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* Relative/absolute closeness with explicit NaN and Inf handling (see top). */
TAP__UNUSED static int tap_close(long double got, long double want, long double rtol,
                                 long double atol) {
    if (isnan(want) || isnan(got)) return isnan(want) && isnan(got);
    if (isinf(want) || isinf(got)) return got == want;
    return fabsl(got - want) <= atol + rtol * fabsl(want);
}

/* Bit-for-bit equality of two doubles (NaN == NaN, +0 != -0). */
TAP__UNUSED static int tap_same(double got, double want) {
    return memcmp(&got, &want, sizeof got) == 0 || (isnan(got) && isnan(want));
}

/* Check closeness and, on failure, print both values. */
#define tap_near(got, want, rtol, atol, ...)                                          \
    do {                                                                              \
        long double tap__g = (long double)(got), tap__w = (long double)(want);                                \
        if (!tap_ok(tap_close(tap__g, tap__w, (rtol), (atol)), __VA_ARGS__))          \
            tap_diag("got %.21Lg, want %.21Lg, rel err %.3Lg", tap__g, tap__w,       \
                     tap__w != 0 ? fabsl((tap__g - tap__w) / tap__w) : fabsl(tap__g)); \
    } while (0)

/* Print the plan and return the exit status for main(). */
TAP__UNUSED static int tap_done(void) {
    printf("1..%d\n", tap__count);
    if (tap__failed) printf("# %d of %d checks failed\n", tap__failed, tap__count);
    return tap__failed ? 1 : 0;
}

#endif /* DUALJAC_TAP_H */
