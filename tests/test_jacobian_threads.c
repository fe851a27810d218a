/* test_jacobian_threads.c - jacobian.h has no global or static mutable state: several threads
 * compute different Jacobians, gradients, Hessians, finite differences and checks at the same
 * time, many times over, and every result equals (bit for bit) the one computed serially
 * beforehand. Sizes above JAC_STACK_MAX are included, so the allocator path runs concurrently
 * too, and one task uses a per-thread workspace. Output: TAP. */
#define DUAL_GENERIC_USER(op) DUAL_GENERIC_ENTRY(dual4, op)
#include "jacobian.h"

#include <pthread.h>
#include <string.h>

#include "tap.h"

DUALN_DEFINE(dual4, double, 4)
JAC_DEFINE(dual4)

typedef double complex cplx;

#define NTHREADS 8
#define ROUNDS 200
#define NMAX 80 /* > JAC_STACK_MAX: the allocator path */
#define MMAX 6

/* f_i(x) = sum_j sin(x_j (i + 1) + s) exp(-x_j^2 / 8) + x_i x_{i+1 mod n},  s = *(double *)ctx */
typedef struct task_ctx {
    double s;
    size_t n, m;
} task_ctx;
#define DEF_F(D)                                                                                   \
    static int f_##D(const D *x, D *y, void *ctx) {                                                \
        const task_ctx *c = (const task_ctx *)ctx;                                                 \
        size_t i, j;                                                                               \
        for (i = 0; i < c->m; ++i) {                                                               \
            D acc = ad_mul(x[i % c->n], x[(i + 1) % c->n]);                                        \
            for (j = 0; j < c->n; ++j)                                                             \
                acc = ad_add(acc, ad_mul(ad_sin(ad_adds(ad_muls(x[j], (double)(i + 1)), c->s)),    \
                                         ad_exp(ad_muls(ad_sqr(x[j]), -0.125))));                  \
            y[i] = acc;                                                                            \
        }                                                                                          \
        return 0;                                                                                  \
    }
DEF_F(double)
DEF_F(cplx)
DEF_F(dual)
DEF_F(dual4)
DEF_F(hdual)

/* what one task computes; every output lands in its result */
typedef struct result {
    double J[MMAX * NMAX], Jt[NMAX * MMAX], y[MMAX], g[NMAX], H[12 * 12], Jfd[MMAX * NMAX],
        Jcs[MMAX * NMAX], Jv[MMAX];
    jac_check_report rep;
    int rc;
} result;

typedef struct task {
    task_ctx c;
    double x[NMAX], v[NMAX];
    int kind;   /* which builders: 0..3 */
    void *work; /* per-thread workspace (kind 3) */
    size_t work_size;
    result serial, got;
    int mismatches;
} task;

static void run(task *t, result *r) {
    jac_opts o = JAC_OPTS_INIT;
    memset(r, 0, sizeof *r);
    switch (t->kind) {
    case 0: /* small: dual, dual4, denominator layout, jvp */
        r->rc = jac_dual(f_dual, &t->c, t->c.n, t->c.m, t->x, r->y, r->J);
        o.layout = JAC_DENOMINATOR;
        r->rc |= jac_dual4_ex(f_dual4, &t->c, t->c.n, t->c.m, t->x, NULL, r->Jt, &o);
        r->rc |= jvp_dual(f_dual, &t->c, t->c.n, t->c.m, t->x, t->v, NULL, r->Jv);
        break;
    case 1: /* large n: the allocator path; gradient and checker */
        r->rc = jac_dual4(f_dual4, &t->c, t->c.n, t->c.m, t->x, r->y, r->J);
        {
            task_ctx c1 = t->c;
            c1.m = 1;
            r->rc |= grad_dual(f_dual, &c1, c1.n, t->x, NULL, r->g);
        }
        r->rc |= jac_check(f_dual, &t->c, t->c.n, t->c.m, t->x, r->J, 1e-12, &r->rep);
        break;
    case 2: /* Hessian and finite differences */
    {
        task_ctx c1 = t->c;
        c1.m = 1;
        r->rc = hess_hdual(f_hdual, &c1, c1.n, t->x, r->y, r->g, r->H);
    }
        r->rc |= jac_fd_central(f_double, &t->c, t->c.n, t->c.m, t->x, NULL, r->Jfd);
        r->rc |= jac_cstep(f_cplx, &t->c, t->c.n, t->c.m, t->x, NULL, r->Jcs);
        break;
    default: /* large n with the thread's own workspace */
        o.work = t->work;
        o.work_size = t->work_size;
        r->rc = jac_dual_ex(f_dual, &t->c, t->c.n, t->c.m, t->x, r->y, r->J, &o);
        r->rc |= jac_fd_forward_ex(f_double, &t->c, t->c.n, t->c.m, t->x, NULL, r->Jfd, &o);
        break;
    }
}

/* equal results: the arrays and the report's fields (not its padding) */
static int same_result(const result *a, const result *b) {
    const jac_check_report *p = &a->rep, *q = &b->rep;
    return a->rc == b->rc && memcmp(a->J, b->J, sizeof a->J) == 0 &&
           memcmp(a->Jt, b->Jt, sizeof a->Jt) == 0 && memcmp(a->y, b->y, sizeof a->y) == 0 &&
           memcmp(a->g, b->g, sizeof a->g) == 0 && memcmp(a->H, b->H, sizeof a->H) == 0 &&
           memcmp(a->Jfd, b->Jfd, sizeof a->Jfd) == 0 &&
           memcmp(a->Jcs, b->Jcs, sizeof a->Jcs) == 0 && memcmp(a->Jv, b->Jv, sizeof a->Jv) == 0 &&
           p->n == q->n && p->m == q->m && p->i == q->i && p->j == q->j &&
           tap_same(p->user, q->user) && tap_same(p->exact, q->exact) &&
           tap_same(p->abs_err, q->abs_err) && tap_same(p->rel_err, q->rel_err) &&
           tap_same(p->tol, q->tol) && p->n_bad == q->n_bad && p->ok == q->ok;
}

/* a start gate (mutex + condition; barriers are optional in POSIX): every thread begins
 * computing at once */
static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cond = PTHREAD_COND_INITIALIZER;
static int gate_open;

static void *worker(void *arg) {
    task *t = (task *)arg;
    int k;
    pthread_mutex_lock(&gate_lock);
    while (!gate_open) pthread_cond_wait(&gate_cond, &gate_lock);
    pthread_mutex_unlock(&gate_lock);
    for (k = 0; k < ROUNDS; ++k) {
        run(t, &t->got);
        if (!same_result(&t->got, &t->serial)) ++t->mismatches;
    }
    return NULL;
}

int main(void) {
    static task tasks[NTHREADS];
    pthread_t th[NTHREADS];
    size_t i, j;
    int started = 0;
    for (i = 0; i < NTHREADS; ++i) {
        task *t = &tasks[i];
        t->kind = (int)(i % 4);
        t->c.s = 0.1 * (double)i;
        t->c.n = t->kind == 0 ? 7 + i : t->kind == 2 ? 10 + i / 4 : NMAX - i;
        t->c.m = 2 + i % 5;
        for (j = 0; j < t->c.n; ++j) {
            t->x[j] = sin(1.0 + (double)(i * 31 + j));
            t->v[j] = cos((double)(i + j));
        }
        if (t->kind == 3) {
            t->work_size = jac_fd_worksize(t->c.n, t->c.m);
            if (jac_dual_worksize(t->c.n, t->c.m) > t->work_size)
                t->work_size = jac_dual_worksize(t->c.n, t->c.m);
            t->work = malloc(t->work_size);
        }
        run(t, &t->serial); /* the serial reference */
        tap_ok(t->serial.rc == 0, "task %zu (kind %d, n = %zu, m = %zu): serial run succeeds", i,
               t->kind, t->c.n, t->c.m);
    }
    for (i = 0; i < NTHREADS; ++i) {
        if (pthread_create(&th[i], NULL, worker, &tasks[i]) != 0) break;
        ++started;
    }
    tap_ok(started == NTHREADS, "%d threads started", started);
    pthread_mutex_lock(&gate_lock);
    gate_open = 1;
    pthread_cond_broadcast(&gate_cond);
    pthread_mutex_unlock(&gate_lock);
    for (i = 0; i < (size_t)started; ++i) pthread_join(th[i], NULL);
    for (i = 0; i < NTHREADS; ++i)
        tap_ok(tasks[i].mismatches == 0,
               "task %zu: %d concurrent rounds equal the serial result bit for bit (%d differ)", i,
               ROUNDS, tasks[i].mismatches);
    /* sanity of what was compared: the checker passed the exact J, chunked == scalar */
    tap_ok(tasks[1].serial.rep.ok && tasks[1].serial.rep.n_bad == 0,
           "task 1: jac_check of jac_dual4's J passes");
    {
        const task *t = &tasks[0];
        int same = 1;
        for (i = 0; i < t->c.m; ++i)
            for (j = 0; j < t->c.n; ++j)
                same &= tap_same(t->serial.Jt[j * t->c.m + i], t->serial.J[i * t->c.n + j]);
        tap_ok(same,
               "task 0: jac_dual4 (denominator layout) is the transpose of jac_dual, bit for bit");
    }
    for (i = 0; i < NTHREADS; ++i) free(tasks[i].work);
    return tap_done();
}
