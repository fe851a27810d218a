/* A tiny program that uses dualjac the way a user's project would: the Jacobian of
 * [3x^2 y, 2x + y^8] at (1, 2), which must be [[12, 3], [2, 1024]]. Built by
 * tests/consumers/run.sh with plain cc -I, as a Meson subproject and from an installed copy
 * found by pkg-config. Exit status 0 when the Jacobian is right. */
#include <stdio.h>

#include "jacobian.h" /* and dual.h, which it includes */

static int f(const dual *x, dual *y, void *ctx) {
    (void)ctx;
    y[0] = dual_mul(dual_muls(dual_sqr(x[0]), 3.0), x[1]);
    y[1] = dual_add(dual_muls(x[0], 2.0), dual_powi(x[1], 8));
    return 0;
}

int main(void) {
    const double x[2] = {1.0, 2.0}, want[4] = {12, 3, 2, 1024};
    double J[4];
    if (jac_dual(f, NULL, 2, 2, x, NULL, J) != 0) return 1;
    for (int i = 0; i < 4; ++i)
        if (J[i] != want[i]) return 1;
    printf("dualjac %d.%d.%d: J = [[%g, %g], [%g, %g]]\n", DUALJAC_VERSION_MAJOR,
           DUALJAC_VERSION_MINOR, DUALJAC_VERSION_PATCH, J[0], J[1], J[2], J[3]);
    return 0;
}
