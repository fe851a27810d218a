/* batch - the Jacobian of one function at a million points, in parallel.
 *
 * The function is the change from spherical to Cartesian coordinates,
 *     (r, theta, phi) -> (r sin(theta) cos(phi), r sin(theta) sin(phi), r cos(theta)),
 * whose Jacobian has the determinant r^2 sin(theta) (the volume element). Every point gets
 * its 3 x 3 Jacobian from jac_dual and the determinant is checked against r^2 sin(theta).
 *
 * The library keeps no global or static mutable state, so any number of threads may call it
 * at once: with OpenMP (when Meson finds it) the loop runs on every core, each thread with
 * its own inputs and outputs; without OpenMP it runs serially. The program times the loop
 * with 1 thread and with all threads, prints Jacobians per second, and checks that the two
 * runs produced the same Jacobians bit for bit (an order-independent XOR of all the bits).
 *
 * Run: build/examples/batch [--smoke]     (--smoke: 20 000 points instead of 1 000 000)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jacobian.h"

#ifdef _OPENMP
#include <omp.h>
#endif

static int spherical(const dual *s, dual *x, void *ctx) {
    (void)ctx;
    const dual r = s[0], st = dual_sin(s[1]), ct = dual_cos(s[1]);
    x[0] = dual_mul(r, dual_mul(st, dual_cos(s[2])));
    x[1] = dual_mul(r, dual_mul(st, dual_sin(s[2])));
    x[2] = dual_mul(r, ct);
    return 0;
}

/* The point number i, from a hash of i (no shared generator between threads). */
static void point(uint64_t i, double s[3]) {
    for (int k = 0; k < 3; ++k) {
        uint64_t z = i * 3 + (uint64_t)k + 0x9E3779B97F4A7C15u;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
        z ^= z >> 31;
        s[k] = (double)(z >> 11) * 0x1.0p-53; /* in [0, 1) */
    }
    s[0] = 0.5 + 1.5 * s[0];                 /* r in [0.5, 2)          */
    s[1] = 0.1 + (3.14159265358979 - 0.2) * s[1]; /* theta in (0.1, pi - 0.1) */
    s[2] = 6.28318530717959 * s[2];          /* phi in [0, 2 pi)       */
}

typedef struct result {
    uint64_t bits; /* XOR of the bits of every Jacobian entry */
    long bad;      /* points whose determinant is off, or whose jac_dual failed */
    double seconds;
} result;

static double now(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static result run(long points, int threads) {
    result res = {0, 0, 0};
    uint64_t bits = 0;
    long bad = 0;
    const double t0 = now();
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(static) reduction(^ : bits)                \
    reduction(+ : bad)
#endif
    for (long i = 0; i < points; ++i) {
        double s[3], J[9];
        point((uint64_t)i, s);
        if (jac_dual(spherical, NULL, 3, 3, s, NULL, J) != 0) {
            ++bad;
            continue;
        }
        const double det = J[0] * (J[4] * J[8] - J[5] * J[7]) - J[1] * (J[3] * J[8] - J[5] * J[6]) +
                           J[2] * (J[3] * J[7] - J[4] * J[6]);
        const double want = s[0] * s[0] * sin(s[1]);
        if (!(fabs(det - want) <= 1e-13 * want)) ++bad;
        for (int k = 0; k < 9; ++k) {
            uint64_t u;
            memcpy(&u, &J[k], sizeof u);
            bits ^= u * (uint64_t)(k + 1);
        }
    }
    res.seconds = now() - t0;
    res.bits = bits, res.bad = bad;
    (void)threads;
    return res;
}

int main(int argc, char **argv) {
    const int smoke = argc > 1 && strcmp(argv[1], "--smoke") == 0;
    const long points = smoke ? 20000 : 1000000;
#ifdef _OPENMP
    const int all = omp_get_max_threads(); /* OMP_NUM_THREADS, or the number of cores */
#else
    const int all = 1;
#endif
    int ok = 1;

    printf("Jacobian of (r, theta, phi) -> (x, y, z) at %ld points (jac_dual, 3 passes each)\n",
           points);
#ifndef _OPENMP
    printf("OpenMP not found at configure time: serial only\n");
#endif
    const result one = run(points, 1);
    printf("%3d thread%s  %8.3f s  %10.3g Jacobians/s\n", 1, " ", one.seconds,
           (double)points / one.seconds);
    ok = ok && one.bad == 0;
    if (all > 1) {
        const result many = run(points, all);
        printf("%3d threads  %8.3f s  %10.3g Jacobians/s  (speed-up %.1f)\n", all, many.seconds,
               (double)points / many.seconds, one.seconds / many.seconds);
        printf("same Jacobians, bit for bit, with 1 and %d threads: %s\n", all,
               many.bits == one.bits ? "yes" : "NO");
        ok = ok && many.bad == 0 && many.bits == one.bits;
    }
    printf("determinant = r^2 sin(theta) at every point: %s\n", one.bad == 0 ? "yes" : "NO");
    printf("%s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
