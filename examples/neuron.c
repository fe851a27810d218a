/* neuron - the Parr-Howard neuron max(0, w.x + b), trained by gradient descent with the exact
 * gradient from dual numbers (MATH.md section 5).
 *
 * The loss over N samples (x_i, y_i) is
 *     C(w, b) = (1/N) sum_i (y_i - max(0, w.x_i + b))^2.
 * We write C once, over `dual`, and grad_dual differentiates it with respect to the four
 * parameters p = [w0, w1, w2, b] (folding b into w, as the paper does: same numbers). Every
 * CHECK_EVERY steps the program compares that gradient with the paper's closed form
 *     dC/dw = (2/N) sum e_i x_i^T,   dC/db = (2/N) sum e_i,   e_i = w.x_i + b - y_i,
 * where the sums run over the samples whose activation is positive (relu'(z) = 0 for z <= 0,
 * the paper's convention and the library's), and exits non-zero if they disagree or if the
 * loss did not fall.
 *
 * The data are synthetic and deterministic: x uniform in [-1, 1]^3 from a fixed-seed PRNG,
 * y = max(0, w*.x + b*) plus uniform noise of +-0.05.
 *
 * Run: build/examples/neuron [--smoke]     (--smoke: fewer steps, for `meson test`)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "jacobian.h"

enum { D = 3, N = 100, P = D + 1, CHECK_EVERY = 10 };

typedef struct dataset {
    double x[N][D], y[N];
} dataset;

/* splitmix64: a fixed seed gives the same data on every machine */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static double uniform(double lo, double hi) { /* in [lo, hi) */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    z ^= z >> 31;
    return lo + (hi - lo) * (double)(z >> 11) * 0x1.0p-53;
}

/* The loss, written once over dual numbers: p = [w0, w1, w2, b], out[0] = C(w, b). */
static int loss(const dual *p, dual *out, void *ctx) {
    const dataset *data = ctx;
    dual sum = dual_const(0.0);
    for (int i = 0; i < N; ++i) {
        dual z = p[D]; /* b */
        for (int j = 0; j < D; ++j) z = dual_add(z, dual_muls(p[j], data->x[i][j]));
        const dual err = dual_subs(dual_relu(z), data->y[i]); /* activation - y_i */
        sum = dual_add(sum, dual_sqr(err));
    }
    out[0] = dual_divs(sum, (double)N);
    return 0;
}

/* The paper's gradient, by hand: (2/N) sum over active samples of e_i [x_i, 1]. */
static void paper_gradient(const dataset *data, const double *p, double *g) {
    for (int j = 0; j < P; ++j) g[j] = 0;
    for (int i = 0; i < N; ++i) {
        double z = p[D];
        for (int j = 0; j < D; ++j) z += p[j] * data->x[i][j];
        if (z <= 0) continue; /* inactive: max(0, z) is flat here */
        const double e = z - data->y[i];
        for (int j = 0; j < D; ++j) g[j] += e * data->x[i][j];
        g[D] += e;
    }
    for (int j = 0; j < P; ++j) g[j] *= 2.0 / N;
}

int main(int argc, char **argv) {
    const int smoke = argc > 1 && strcmp(argv[1], "--smoke") == 0;
    const int steps = smoke ? 150 : 400;
    const double rate = 0.2;                            /* eta */
    const double w_true[D] = {0.8, -0.5, 0.3}, b_true = 0.2;
    double p[P] = {0.1, 0.1, 0.1, 0.5};                 /* start: w = 0.1, b = 0.5 */
    double g[P], g_paper[P], c = 0, c0 = 0, worst = 0;
    static dataset data;

    for (int i = 0; i < N; ++i) {
        double z = b_true;
        for (int j = 0; j < D; ++j) {
            data.x[i][j] = uniform(-1, 1);
            z += w_true[j] * data.x[i][j];
        }
        data.y[i] = fmax(0.0, z) + uniform(-0.05, 0.05);
    }

    printf("Training max(0, w.x + b) on %d samples by gradient descent (eta = %g)\n", N, rate);
    printf("gradient: grad_dual (exact), checked every %d steps against (2/N) sum e_i [x_i, 1]\n\n",
           CHECK_EVERY);
    printf("%6s %14s %12s %12s\n", "step", "loss C", "|grad C|", "vs paper");
    for (int step = 0; step <= steps; ++step) {
        if (grad_dual(loss, &data, P, p, &c, g) != 0) return 1;
        if (step == 0) c0 = c;
        if (step % CHECK_EVERY == 0) {
            double diff = 0;
            paper_gradient(&data, p, g_paper);
            for (int j = 0; j < P; ++j)
                diff = fmax(diff, fabs(g[j] - g_paper[j]) / fmax(1.0, fabs(g_paper[j])));
            worst = fmax(worst, diff);
            if (step % (steps / 10) == 0) {
                const double norm = sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + g[3] * g[3]);
                printf("%6d %14.8f %12.3e %12.1e\n", step, c, norm, diff);
            }
        }
        for (int j = 0; j < P; ++j) p[j] -= rate * g[j]; /* w <- w - eta dC/dw, b likewise */
    }

    printf("\nlearned w = [%.4f, %.4f, %.4f], b = %.4f\n", p[0], p[1], p[2], p[3]);
    printf("true    w = [%.4f, %.4f, %.4f], b = %.4f   (y has +-0.05 noise)\n", w_true[0],
           w_true[1], w_true[2], b_true);
    printf("loss %.6g -> %.6g; largest gradient difference from the paper's formula %.1e\n", c0, c,
           worst);

    {
        int ok = worst <= 1e-13 && c < c0 / 20;
        for (int j = 0; j < D; ++j) ok = ok && fabs(p[j] - w_true[j]) < 0.05;
        ok = ok && fabs(p[D] - b_true) < 0.05;
        printf("%s\n", ok ? "ok: the gradient is the paper's and the neuron learned the data"
                          : "FAILED");
        return ok ? 0 : 1;
    }
}
