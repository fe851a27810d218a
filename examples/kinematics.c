/* kinematics - inverse kinematics of a planar three-link arm by damped least squares, with
 * the exact Jacobian of the forward kinematics.
 *
 * Forward kinematics: joint angles q = [q0, q1, q2] (radians, each relative to the previous
 * link), link lengths L = [1.0, 0.8, 0.5]; with the absolute angles a_k = q0 + ... + q_k the
 * hand is at
 *     p(q) = sum_k L_k [cos a_k, sin a_k].
 * Inverse kinematics finds q with p(q) = target. The arm is redundant (three joints, two
 * coordinates) and singular when stretched out, so the plain Newton step is replaced by the
 * damped least-squares (Levenberg-Marquardt) step
 *     dq = J^T (J J^T + mu^2 I)^-1 (target - p(q)),   J = dp/dq (2 x 3, from jac_dual),
 * which stays finite at the singularity and moves the hand as close as it can get to an
 * unreachable target. mu grows when a step would not bring the hand closer (as in
 * Levenberg-Marquardt), so far targets do not throw the arm around. The hand follows a
 * circle of targets, each solve starting from the last pose, then reaches for a point out
 * of range.
 *
 * The example also shows the derivative checker: a hand-written Jacobian
 *     dp_x/dq_j = -sum_{k>=j} L_k sin a_k,   dp_y/dq_j = sum_{k>=j} L_k cos a_k
 * is compared with the exact one by jac_check_fn at every solution, and a copy with a typical
 * bug (the sum over k >= j written as k == j) is shown failing the same check.
 *
 * Exits non-zero unless every reachable target is reached to 1e-10, the out-of-range one is
 * approached to within 1e-6 of the best possible distance, and the hand-written Jacobian
 * passes (and the buggy one fails) the check.
 *
 * Run: build/examples/kinematics [--smoke]     (--smoke: fewer targets, for `meson test`)
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jacobian.h"

enum { NJ = 3 }; /* joints */
static const double L[NJ] = {1.0, 0.8, 0.5};
static const double PI = 3.14159265358979323846;

/* p(q): n = 3 inputs, m = 2 outputs; written once, for dual and double */
#define FK_BODY(num)                                                                           \
    (void)ctx;                                                                                 \
    num a = ad_const(q[0], 0.0);                                                               \
    p[0] = p[1] = a;                                                                           \
    for (int k = 0; k < NJ; ++k) {                                                             \
        a = ad_add(a, q[k]); /* absolute angle of link k */                                    \
        p[0] = ad_add(p[0], ad_muls(ad_cos(a), L[k]));                                         \
        p[1] = ad_add(p[1], ad_muls(ad_sin(a), L[k]));                                         \
    }                                                                                          \
    return 0;

static int fk_dual(const dual *q, dual *p, void *ctx) { FK_BODY(dual) }
static int fk(const double *q, double *p, void *ctx) { FK_BODY(double) }

/* The Jacobian by hand (numerator layout, 2 x 3): what one would write without the library. */
static int fk_jacobian_by_hand(const double *q, double *J, void *ctx) {
    double a[NJ], s = 0;
    (void)ctx;
    for (int k = 0; k < NJ; ++k) a[k] = s += q[k];
    for (int j = 0; j < NJ; ++j) {
        J[j] = J[NJ + j] = 0;
        for (int k = j; k < NJ; ++k) {
            J[j] -= L[k] * sin(a[k]);
            J[NJ + j] += L[k] * cos(a[k]);
        }
    }
    return 0;
}

/* The same with a typical bug: only link j's own term (k == j instead of k >= j). */
static int fk_jacobian_buggy(const double *q, double *J, void *ctx) {
    double a[NJ], s = 0;
    (void)ctx;
    for (int k = 0; k < NJ; ++k) a[k] = s += q[k];
    for (int j = 0; j < NJ; ++j) {
        J[j] = -L[j] * sin(a[j]);
        J[NJ + j] = L[j] * cos(a[j]);
    }
    return 0;
}

/* Damped least squares from q toward target, with the damping adapted as in
 * Levenberg-Marquardt: a step that moves the hand closer is taken and mu halves (down to
 * mu_min); one that does not is retried with mu doubled. Returns the steps taken; *dist = the
 * final distance from the hand to the target. */
static int solve_ik(double *q, const double *target, double mu_min, double *dist) {
    double p[2], J[2 * NJ], mu = mu_min;
    int it;
    for (it = 0; it < 1000; ++it) {
        if (jac_dual(fk_dual, NULL, NJ, 2, q, p, J) != 0) return -1;
        const double e[2] = {target[0] - p[0], target[1] - p[1]};
        *dist = hypot(e[0], e[1]);
        if (*dist <= 1e-12) break;
        /* J J^T, then tries with growing mu until the hand gets closer */
        double A = 0, B = 0, C = 0, trial[NJ], step = 0, pt[2];
        for (int j = 0; j < NJ; ++j) {
            A += J[j] * J[j];
            B += J[j] * J[NJ + j];
            C += J[NJ + j] * J[NJ + j];
        }
        for (;; mu *= 2) {
            /* (J J^T + mu^2 I) w = e, a 2 x 2 system; dq = J^T w */
            const double a = A + mu * mu, c = C + mu * mu, det = a * c - B * B;
            const double w0 = (c * e[0] - B * e[1]) / det, w1 = (a * e[1] - B * e[0]) / det;
            step = 0;
            for (int j = 0; j < NJ; ++j) {
                const double dq = J[j] * w0 + J[NJ + j] * w1;
                trial[j] = q[j] + dq;
                step = fmax(step, fabs(dq));
            }
            fk(trial, pt, NULL);
            if (hypot(target[0] - pt[0], target[1] - pt[1]) < *dist || step <= 1e-15) break;
        }
        if (step <= 1e-15) break; /* as close as it gets (an unreachable target) */
        memcpy(q, trial, sizeof trial);
        mu = fmax(mu / 2, mu_min);
    }
    fk(q, p, NULL);
    *dist = hypot(target[0] - p[0], target[1] - p[1]);
    for (int j = 0; j < NJ; ++j) q[j] = remainder(q[j], 2 * PI); /* in [-pi, pi] */
    return it;
}

int main(int argc, char **argv) {
    const int smoke = argc > 1 && strcmp(argv[1], "--smoke") == 0;
    const int targets = smoke ? 4 : 16;
    const double mu = 0.05, reach = L[0] + L[1] + L[2];
    double q[NJ] = {0.3, 0.6, 0.6}; /* initial pose */
    double worst_check = 0;
    int ok = 1;

    printf("Planar arm, links %g, %g, %g: damped least squares (mu >= %g) with the exact "
           "Jacobian\n\n",
           L[0], L[1], L[2], mu);
    printf("%18s %6s %10s %28s %9s\n", "target", "iters", "distance", "joint angles (degrees)",
           "check");
    for (int t = 0; t <= targets; ++t) {
        /* a circle of radius 0.6 about (1, 0.5), then (3, 0), out of reach */
        const int last = t == targets;
        const double angle = 2 * PI * t / targets;
        const double target[2] = {last ? 3.0 : 1.0 + 0.6 * cos(angle),
                                  last ? 0.0 : 0.5 + 0.6 * sin(angle)};
        double dist = 0;
        jac_check_report rep;
        const int iters = solve_ik(q, target, mu, &dist);
        if (iters < 0) return 1;
        /* the hand-written Jacobian against the exact one, at this pose */
        if (jac_check_fn(fk_dual, fk_jacobian_by_hand, NULL, NJ, 2, q, 1e-12, &rep) != 0)
            return 1;
        worst_check = fmax(worst_check, rep.rel_err);
        printf("   (%6.3f, %6.3f) %6d %10.1e   %8.2f %8.2f %8.2f %9s\n", target[0], target[1],
               iters, dist, q[0] * 180 / PI, q[1] * 180 / PI, q[2] * 180 / PI,
               rep.ok ? "pass" : "FAIL");
        ok = ok && rep.ok;
        if (!last) {
            ok = ok && dist <= 1e-10;
        } else {
            /* the best possible: the arm stretched straight at the target */
            const double best = hypot(target[0], target[1]) - reach;
            printf("\nout of reach: the best distance is %.6f (arm stretched, length %g); "
                   "got %.6f\n",
                   best, reach, dist);
            ok = ok && fabs(dist - best) <= 1e-6;
        }
    }
    printf("hand-written Jacobian vs exact: largest relative difference %.1e\n\n", worst_check);

    /* what a bug in a hand-written Jacobian looks like to the checker */
    {
        jac_check_report rep;
        printf("The same check on a Jacobian with a bug (k == j instead of k >= j):\n");
        if (jac_check_fn(fk_dual, fk_jacobian_buggy, NULL, NJ, 2, q, 1e-12, &rep) != 0)
            return 1;
        jac_check_print(stdout, &rep);
        ok = ok && !rep.ok;
    }

    printf("\n%s\n", ok ? "ok: every target reached, and the checker caught the bug" : "FAILED");
    return ok ? 0 : 1;
}
