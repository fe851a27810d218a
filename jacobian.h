/* jacobian.h - Jacobians, gradients, Hessians and derivative checks by dual numbers.
 * Part of dualjac: header-only C11 forward-mode automatic differentiation.
 *
 * PURPOSE
 *   You write a function once, over any dual type of dual.h (with the generic ad_* front end
 *   the same body also compiles for double and double complex):
 *
 *       int f(const D *x, D *y, void *ctx);     n inputs x, m outputs y; return 0, or non-zero
 *                                               to stop (the builder then returns JAC_EFUNC)
 *
 *   and this header turns it into an exact Jacobian (one seeded direction per pass, or N per
 *   pass with a chunked type), a gradient, a Jacobian-vector product, an exact Hessian or
 *   Hessian-vector product (hyper-duals), finite-difference and complex-step Jacobians for
 *   comparison, and a derivative checker for hand-written Jacobians.
 *
 * USAGE (this block is extracted, compiled and run by tests/test_inline.sh)
 *   [usage-begin]
 *   #include <stdio.h>
 *   #include "jacobian.h"
 *
 *   static inline int f(const dual *x, dual *y, void *ctx) { // R^2 -> R^2, MATH.md section 3
 *       (void)ctx;
 *       y[0] = ad_mul(ad_muls(ad_sqr(x[0]), 3.0), x[1]);     // f = 3 x^2 y
 *       y[1] = ad_add(ad_muls(x[0], 2.0), ad_powi(x[1], 8)); // g = 2 x + y^8
 *       return 0;
 *   }
 *
 *   int main(void) {
 *       double x[2] = {1.0, 2.0}, y[2], J[4];               // J is 2x2, J[i*2 + j] = dy_i/dx_j
 *       if (jac_dual(f, NULL, 2, 2, x, y, J) != 0) return 1;
 *       printf("%g %g\n%g %g\n", J[0], J[1], J[2], J[3]);   // [[6yx, 3x^2], [2, 8y^7]]:
 *       return 0;                                           // 12 3 / 2 1024
 *   }
 *   [usage-end]
 *
 *   A chunked type of width N takes ceil(n/N) passes instead of n:
 *       DUALN_DEFINE(dual4, double, 4)   // from dual.h
 *       JAC_DEFINE(dual4)                // jac_dual4, grad_dual4, jvp_dual4, ..._ex
 *   (for ad_* to accept dual4, define DUAL_GENERIC_USER before including, see dual.h).
 *
 * METHOD (MATH.md sections 6-7)
 *   A dual number a + b e (e^2 = 0) carries f(a) + f'(a) b e through every operation. Seed
 *   the tangent of input x_j with 1 and all others with 0: the tangent of output y_i is then
 *   dy_i/dx_j, so one evaluation of f gives column j of the Jacobian (forward mode gets
 *   columns; reverse mode would get rows). A chunked dual a + sum_k b_k e_k carries N such
 *   directions, so N columns per evaluation; seeding v instead of a unit vector gives J v.
 *   A hyper-dual a + b e1 + c e2 + d e1e2 seeded with e1 on x_i and e2 on x_j carries
 *   d2f/dx_i dx_j in its e1e2 part, exactly (no step size); e2 seeded along v gives (H v)_i.
 *
 * CONFIGURATION MACROS (define before including)
 *   JAC_STACK_MAX   default 64. When n <= JAC_STACK_MAX and m <= JAC_STACK_MAX the builders
 *                   keep their working copies of x and y (arrays of the dual type) on the
 *                   stack and allocate nothing. Must be >= 1.
 *   JAC_MALLOC(sz), JAC_FREE(p)
 *                   default malloc/free. Used only for larger sizes when no workspace is
 *                   given in jac_opts (and by jac_check_fn, see below). Define both or none.
 *   JAC_INLINE      linkage of the builders; default `static inline
 *                   __attribute__((always_inline))` on gcc/clang, `static inline` elsewhere.
 *                   Forced inlining puts the pass loop into the caller, where the compiler
 *                   sees which f is passed: the call of f is direct, never through the
 *                   pointer, and f is inlined into the passes when the compiler's heuristics
 *                   allow. Declare f `static inline`: clang inlines a plain `static` f too,
 *                   but gcc -O2 inlines a non-inline f only when it is tiny (otherwise it
 *                   keeps a direct call to an out-of-line copy). tests/test_inline.sh checks
 *                   the generated code of both compilers.
 *   JAC_API         linkage of the other functions (default static inline, marked unused).
 *   JAC_CSTEP_H     complex-step relative step, default 1e-20 (see FINITE DIFFERENCES).
 *   JAC_NO_COMPLEX  leave out jac_cstep (also left out when __STDC_NO_COMPLEX__ is defined).
 *
 * CATALOGUE  (D = dual, dualf, duall or a user's chunked type via JAC_DEFINE; HD = hdual,
 *            hdualf, hduall; T = D_scalar / HD_scalar, the plain real type; opt may be NULL)
 *   typedef int (*jac_D_fn)(const D *x, D *y, void *ctx);
 *   int jac_D   (jac_D_fn f, void *ctx, size_t n, size_t m, const T *x, T *y, T *J);
 *   int jac_D_ex(jac_D_fn f, void *ctx, size_t n, size_t m, const T *x, T *y, T *J,
 *                const jac_opts *opt);
 *       J = dy/dx (m x n; layout below), y = f(x) (y may be NULL). ceil(n/N) calls of f
 *       (N = D_width: 1 for dual, dualf, duall). Pass p seeds directions 0..w-1 of the chunk
 *       on inputs p*N .. p*N+w-1 (w = N, or what remains in the last pass) and writes those
 *       columns of J.
 *   int grad_D   (jac_D_fn f, void *ctx, size_t n, const T *x, T *fx, T *g);
 *   int grad_D_ex(..., const jac_opts *opt);
 *       m = 1: g = df/dx (n values), fx = f(x) (may be NULL). Same passes as jac_D.
 *   int jvp_D   (jac_D_fn f, void *ctx, size_t n, size_t m, const T *x, const T *v,
 *                T *y, T *Jv);
 *   int jvp_D_ex(..., const jac_opts *opt);
 *       Jv = J v (m values) in one call of f; y may be NULL. layout and ld are ignored.
 *   size_t jac_D_worksize(size_t n, size_t m);   workspace bytes for jac/grad(m=1)/jvp: (n+m) D
 *
 *   typedef int (*jac_HD_fn)(const HD *x, HD *y, void *ctx);   f writes y[0] only (m = 1)
 *   int hess_HD   (jac_HD_fn f, void *ctx, size_t n, const T *x, T *fx, T *g, T *H);
 *   int hess_HD_ex(..., const jac_opts *opt);
 *       H = d2f/dx2 (n x n, symmetric, exact), g = df/dx, fx = f(x); fx and g may be NULL.
 *       n(n+1)/2 calls: passes (i, j) for i = 0..n-1, j = i..n-1 in that order, e1 seeded on
 *       x_i, e2 on x_j; H_ij = H_ji = e12 part, g_i = e1 part of pass (i, i).
 *   int hvp_HD   (jac_HD_fn f, void *ctx, size_t n, const T *x, const T *v, T *fx, T *Hv);
 *   int hvp_HD_ex(..., const jac_opts *opt);
 *       Hv = H v in n calls: pass i seeds e1 on x_i and e2 = v; (Hv)_i = e12 part. layout and
 *       ld are ignored.
 *   size_t hess_HD_worksize(size_t n);    workspace bytes for hess and hvp
 *
 *   Finite differences and complex step (double only; f over double / double complex):
 *   typedef int (*jac_real_fn)(const double *x, double *y, void *ctx);
 *   typedef int (*jac_complex_fn)(const double complex *x, double complex *y, void *ctx);
 *   int jac_fd_forward(jac_real_fn f, void *ctx, size_t n, size_t m, const double *x,
 *                      double *y, double *J);             n + 1 calls
 *   int jac_fd_central(...same...);                       2n calls, + 1 if y != NULL
 *   int jac_cstep(jac_complex_fn f, ...same...);          n calls
 *   each with an _ex variant taking const jac_opts *opt last;
 *   size_t jac_fd_worksize(size_t n, size_t m);            workspace bytes for all three
 *
 *   Derivative checker (double only; exact Jacobian from dual passes, n calls of f):
 *   typedef int (*jac_jacobian_fn)(const double *x, double *J, void *ctx);
 *   int jac_check   (jac_dual_fn f, void *ctx, size_t n, size_t m, const double *x,
 *                    const double *J, double tol, jac_check_report *rep);
 *   int jac_check_ex(..., const jac_opts *opt);      opt gives J's layout/ld, a workspace
 *   int jac_check_fn(jac_dual_fn f, jac_jacobian_fn jfn, void *ctx, size_t n, size_t m,
 *                    const double *x, double tol, jac_check_report *rep);
 *   int jac_check_fn_ex(..., const jac_opts *opt);   jfn writes J packed in opt->layout
 *   size_t jac_check_worksize(size_t n, size_t m);   (n+m) dual + m*n double (for _fn)
 *   void jac_check_print(FILE *out, const jac_check_report *rep);
 *   const char *jac_strerror(int code);
 *
 *   Generators: JAC_DEFINE(name) for a dual or chunked family (needs name_scalar,
 *   name_width, name__seed, name__tangent from dual.h); JAC_HDEFINE(name) for a hyper-dual
 *   family. Each is JAC_DEFINE_TYPES(name) + JAC_DEFINE_FUNCS(JAC_INLINE, name) (and
 *   JAC_HDEFINE_TYPES/JAC_HDEFINE_FUNCS); use the parts to choose another linkage.
 *
 * LAYOUTS (jac_opts.layout; jac_opts.ld = leading dimension, 0 = packed)
 *   JAC_NUMERATOR   (default) J is m x n, row-major: J[i*ld + j] = dy_i/dx_j, ld >= n
 *                   (packed ld = n). The Jacobian as Parr-Howard and Wikipedia's first
 *                   convention write it: one row per output, one column per input.
 *   JAC_DENOMINATOR J is n x m, row-major: J[j*ld + i] = dy_i/dx_j, ld >= m (packed ld = m).
 *                   The transpose, as the D2L notes and the identity sheet write it; read as
 *                   a column-major m x n matrix it is the same J (a LAPACK/BLAS "col-major J
 *                   with leading dimension ld").
 *   For a gradient (m = 1) both give g[j] = dy/dx_j; with JAC_DENOMINATOR, ld is g's stride.
 *   A Hessian is symmetric, so both layouts store the same numbers; ld is the row stride.
 *   Entries of J outside the matrix (padding when ld is larger than packed) are not touched.
 *
 * ERROR CODES (every function returns 0 on success)
 *   JAC_EINVAL (-1) bad argument: f (or jfn) NULL; x, J (g, H, v, Jv, Hv, rep) NULL;
 *                   n == 0; m == 0; n*m (or the extent of J with ld) overflowing size_t;
 *                   unknown layout; ld smaller than packed; workspace too small or not
 *                   aligned for the dual type; tol negative or NaN.
 *   JAC_EFUNC  (-2) the user's function (or jfn) returned non-zero; the builder stopped.
 *   JAC_ENOMEM (-3) JAC_MALLOC returned NULL, or the byte count overflowed size_t or
 *                   exceeded PTRDIFF_MAX (then JAC_MALLOC is not called).
 *
 * WHAT THE OUTPUTS HOLD ON ERROR
 *   JAC_EINVAL and JAC_ENOMEM are detected before f is called: nothing is written.
 *   JAC_EFUNC in pass p (passes numbered from 0 in the order given in the catalogue): the
 *   builder returns at once. The matrix/vector entries produced by passes 0..p-1 are
 *   written -- for jac/grad the columns 0 .. p*N-1 of J (g), for hess the entries (i, j)
 *   and (j, i) of the completed passes, for hvp Hv[0 .. p-1], for the finite-difference
 *   builders the columns whose evaluations all completed -- and every other entry of J,
 *   and all of y / fx / g (hess) / Jv, are untouched: y, fx and g of hess are written only
 *   after every pass succeeded. The checker writes *rep only on success.
 *
 * MEMORY, THREADS, DETERMINISM
 *   No heap allocation when n <= JAC_STACK_MAX and m <= JAC_STACK_MAX (stack arrays of the
 *   dual type for x and y). Otherwise, if opt->work is non-NULL it is used (it must hold
 *   *_worksize(...) bytes and be aligned for the dual type, e.g. from malloc); else one
 *   block is taken from JAC_MALLOC and released before returning. A workspace given in opt
 *   is used whatever the size. Exception: jac_check_fn needs m*n doubles for the user's
 *   Jacobian and always takes them from opt->work or JAC_MALLOC.
 *   There is no global or static mutable state: any number of threads may call any function
 *   at once (with their own outputs and workspaces). Results do not depend on the workspace,
 *   the stack/heap choice or the thread. A chunked type gives the same bits as its scalar
 *   dual (dual.h does the per-direction arithmetic identically), provided the compiler does
 *   not fuse a*b + c differently in different places: gcc in ISO C mode (-std=c11) never
 *   fuses; clang's default -ffp-contract=on may (it folds constant inputs with a fused
 *   multiply-add), so build with -ffp-contract=off where identical bits matter.
 *   f receives x as a const array whose tangents are the seeds; it must write every y[i]
 *   (y starts each pass as zeros). x, y, J must not overlap.
 *
 * FINITE DIFFERENCES (MATH.md section 7), for comparison with the exact builders
 *   jac_fd_forward: h_j = sqrt(DBL_EPSILON) * max(|x_j|, 1); the step actually used is
 *       h = (x_j + h_j) - x_j, computed in double, so x_j + h is exactly the point evaluated
 *       and the division uses the true step. J_ij = (f_i(x + h e_j) - f_i(x)) / h.
 *       Error ~ sqrt(eps) ~ 1e-8 relative. Pass 0 evaluates f(x) (it becomes y), pass
 *       j + 1 evaluates f(x + h e_j).
 *   jac_fd_central: h_j = cbrt(DBL_EPSILON) * max(|x_j|, 1); xp = x_j + h_j, xm = x_j - h_j;
 *       J_ij = (f_i(..xp..) - f_i(..xm..)) / (xp - xm): the denominator is the distance of
 *       the two points actually evaluated. Error ~ eps^(2/3) ~ 1e-11. Passes 2j (xp) and
 *       2j+1 (xm); if y != NULL, a last pass 2n evaluates f(x) for y.
 *   jac_cstep: h_j = JAC_CSTEP_H * max(|x_j|, 1) (JAC_CSTEP_H = 1e-20); pass j evaluates
 *       f(x + i h_j e_j) and J_ij = Im f_i / h_j: no subtraction, so accurate to machine
 *       precision for real-analytic code (not across abs/min/max/comparisons on the real
 *       part). y = Re f of the last pass, which equals f(x) up to O(h^2) (i.e. to the last
 *       bit in practice).
 *
 * DERIVATIVE CHECKER (the C counterpart of Ceres' GradientChecker / PyTorch's gradcheck)
 *   Compares a user Jacobian with the exact one (dual passes) entry by entry:
 *       abs_err = |user - exact|,   rel_err = |user - exact| / max(1, |exact|)
 *   (relative for large entries, absolute below 1; NaN against NaN and equal infinities count
 *   as 0, one NaN or different infinities as +inf). The report names the worst entry
 *   (i = output, j = input, first in column-major order among equals), its two values and
 *   errors, the number of entries with rel_err > tol, and ok = (that number is 0).
 *   Returns 0 when the comparison was made (look at rep->ok), a negative code otherwise.
 */
#ifndef DUALJAC_JACOBIAN_H
#define DUALJAC_JACOBIAN_H

#define JAC_VERSION_MAJOR 0
#define JAC_VERSION_MINOR 1
#define JAC_VERSION_PATCH 0
#define JAC_VERSION "0.1.0"

#include "dual.h"

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#if !defined(JAC_NO_COMPLEX) && defined(__STDC_NO_COMPLEX__)
#define JAC_NO_COMPLEX
#endif
#ifndef JAC_NO_COMPLEX
#include <complex.h>
#endif

/* ---------------------------------------------------------------- configuration */

#ifndef JAC_STACK_MAX
#define JAC_STACK_MAX 64
#endif
#if JAC_STACK_MAX < 1
#error "JAC_STACK_MAX must be at least 1"
#endif

#if defined(JAC_MALLOC) != defined(JAC_FREE)
#error "define both JAC_MALLOC and JAC_FREE, or neither"
#endif
#ifndef JAC_MALLOC
#define JAC_MALLOC(sz) malloc(sz)
#define JAC_FREE(p) free(p)
#endif

#if defined(__GNUC__) || defined(__clang__)
#define JAC__UNUSED __attribute__((unused))
#else
#define JAC__UNUSED
#endif

#ifndef JAC_INLINE
#if defined(__GNUC__) || defined(__clang__)
#define JAC_INLINE static inline __attribute__((always_inline, unused))
#else
#define JAC_INLINE static inline
#endif
#endif

#ifndef JAC_API
#define JAC_API static inline JAC__UNUSED
#endif

#define JAC__PRIVATE static inline JAC__UNUSED

#ifndef JAC_CSTEP_H
#define JAC_CSTEP_H 1e-20
#endif

/* ---------------------------------------------------------------- public types */

enum {
    JAC_OK = 0,
    JAC_EINVAL = -1, /* bad argument; nothing written */
    JAC_EFUNC = -2,  /* the user's function returned non-zero; see the top block */
    JAC_ENOMEM = -3  /* allocation failed; nothing written */
};

typedef enum jac_layout {
    JAC_NUMERATOR = 0,  /* J m x n row-major, J[i*ld + j] = dy_i/dx_j (default) */
    JAC_DENOMINATOR = 1 /* J n x m row-major, J[j*ld + i] = dy_i/dx_j (the transpose) */
} jac_layout;

/* Options of the _ex builders; all-zero (JAC_OPTS_INIT) means the defaults. */
typedef struct jac_opts {
    jac_layout layout; /* JAC_NUMERATOR or JAC_DENOMINATOR */
    size_t ld;         /* leading dimension (row stride of the stored matrix); 0 = packed */
    void *work;        /* workspace, or NULL: stack if it fits, else JAC_MALLOC */
    size_t work_size;  /* bytes at work; at least the function's *_worksize(...) */
} jac_opts;

#define JAC_OPTS_INIT {JAC_NUMERATOR, 0, NULL, 0}

typedef int (*jac_real_fn)(const double *x, double *y, void *ctx);
#ifndef JAC_NO_COMPLEX
typedef int (*jac_complex_fn)(const double complex *x, double complex *y, void *ctx);
#endif
typedef int (*jac_jacobian_fn)(const double *x, double *J, void *ctx);

/* Result of a derivative check; see DERIVATIVE CHECKER above. */
typedef struct jac_check_report {
    size_t n, m;    /* inputs, outputs */
    size_t i, j;    /* the worst entry: output i, input j (row i, column j of the m x n J) */
    double user;    /* the user's dy_i/dx_j */
    double exact;   /* the exact one, from dual numbers */
    double abs_err; /* |user - exact| */
    double rel_err; /* |user - exact| / max(1, |exact|) */
    double tol;     /* the tolerance rel_err was checked against */
    size_t n_bad;   /* entries with rel_err > tol */
    int ok;         /* 1 if n_bad == 0 */
} jac_check_report;

/* ---------------------------------------------------------------- private helpers */

/* Where the builder's working memory and output strides come from. */
typedef struct jac__plan {
    size_t rs, cs; /* the matrix output: entry (i, j) = dy_i/dx_j is at [i*rs + j*cs] */
    void *mem;     /* working memory, or NULL: the builder's stack arrays */
    int heap;      /* mem came from JAC_MALLOC */
} jac__plan;

/* a*sa + b*sb bytes, or 0 if that overflows size_t. */
JAC__PRIVATE size_t jac__bytes(size_t a, size_t sa, size_t b, size_t sb) {
    if (sa != 0 && a > SIZE_MAX / sa) return 0;
    if (sb != 0 && b > SIZE_MAX / sb) return 0;
    if (a * sa > SIZE_MAX - b * sb) return 0;
    return a * sa + b * sb;
}

/* Check the sizes of an m x n derivative and, when it is stored (matrix != 0), the layout
 * and leading dimension; fill the strides. esize: bytes of one stored entry. */
JAC__PRIVATE int jac__shape(jac__plan *p, const jac_opts *opt, size_t m, size_t n, size_t esize,
                            int matrix) {
    size_t lines = m, len = n, ld;
    p->rs = n;
    p->cs = 1;
    p->mem = NULL;
    p->heap = 0;
    if (n == 0 || m == 0 || n > SIZE_MAX / m || n * m > SIZE_MAX / esize) return JAC_EINVAL;
    if (opt == NULL) return JAC_OK;
    if (opt->layout != JAC_NUMERATOR && opt->layout != JAC_DENOMINATOR) return JAC_EINVAL;
    if (!matrix) return JAC_OK;
    if (opt->layout == JAC_DENOMINATOR) {
        lines = n;
        len = m;
    }
    ld = opt->ld != 0 ? opt->ld : len;
    if (ld < len || lines - 1 > (SIZE_MAX - len) / ld) return JAC_EINVAL;
    if ((lines - 1) * ld + len > SIZE_MAX / esize) return JAC_EINVAL;
    if (opt->layout == JAC_DENOMINATOR) {
        p->rs = 1;
        p->cs = ld;
    } else {
        p->rs = ld;
        p->cs = 1;
    }
    return JAC_OK;
}

/* Get `need` bytes aligned to `align`: the caller's workspace if given, else nothing (the
 * builder's stack arrays) when the problem fits them, else JAC_MALLOC. */
JAC__PRIVATE int jac__memory(jac__plan *p, const jac_opts *opt, size_t need, size_t align,
                             int fits_stack) {
    if (opt != NULL && opt->work != NULL) {
        if (need == 0) return JAC_ENOMEM;
        if (opt->work_size < need || (uintptr_t)opt->work % align != 0) return JAC_EINVAL;
        p->mem = opt->work;
        return JAC_OK;
    }
    if (fits_stack) return JAC_OK;
    /* no object may exceed PTRDIFF_MAX bytes (this also tells the compiler the bound) */
    if (need == 0 || need > (size_t)PTRDIFF_MAX) return JAC_ENOMEM;
    p->mem = JAC_MALLOC(need);
    if (p->mem == NULL) return JAC_ENOMEM;
    p->heap = 1;
    return JAC_OK;
}

JAC__PRIVATE void jac__release(jac__plan *p) {
    if (p->heap) JAC_FREE(p->mem);
    p->mem = NULL;
    p->heap = 0;
}

/* ---------------------------------------------------------------- dual and chunked families */

#define JAC_DEFINE_TYPES(name) typedef int (*jac_##name##_fn)(const name *x, name *y, void *ctx);

/* Pass p of jac_##name##_ex has tangent k = 0..w-1 seeded on input j = p*N + k (dy/dx_j lands
 * in tangent k of every output), reads those w columns, then unseeds that chunk and seeds the
 * next.
 * jac__##name##_tangents(a, dst, cs, w): dst[k*cs] = tangent k of *a for k = 0..w-1, read in
 * place (d is a T or a T[N]), without copying the whole number per entry. For the types whose
 * tangents dual.h keeps in GNU C vectors (DUAL__VB, DUALN section) they are read as those same
 * vectors: the loads then match the stores of the last operation, so the compiler forwards the
 * values (the outputs of a small f stay in registers and the y array disappears), and whole
 * vectors inside the chunk are stored whole when the row is contiguous (cs == 1). Read element
 * by element, each tangent was a partial load of a vector store, which gcc leaves in memory:
 * on robertson (n = m = 3) the vectors were stored to the stack and reloaded as scalars, 1.8x
 * the time of Ceres' Jet; read as vectors, everything stays in registers. (The JAC_STACK_MAX
 * arrays were not the cause: once inlined, gcc scalarizes them when every access is whole.) */
#if defined(DUAL__VECTOR)
#define JAC__TANGENTS(name)                                                                      \
    JAC__PRIVATE void jac__##name##_tangents(const name *a, name##_scalar *dst, size_t cs,      \
                                             size_t w) {                                         \
        typedef __typeof__(_Generic((name##_scalar)0, float: (float)0, default: (double)0)) e;  \
        enum { vb = (int)DUAL__VB(name##_scalar, name##_width) };                                \
        typedef e v __attribute__((vector_size(vb ? vb : 16)));                                  \
        enum { lanes = (int)(sizeof(v) / sizeof(e)) };                                           \
        const name##_scalar *d = (const name##_scalar *)&a->d;                                   \
        size_t k;                                                                                \
        if (vb) {                                                                                \
            DUAL__UNROLL for (size_t b = 0; b < (size_t)name##_width; b += lanes) {              \
                v t;                                                                             \
                __builtin_memcpy(&t, d + b, sizeof t);                                           \
                if (cs == 1 && b + lanes <= w) {                                                 \
                    __builtin_memcpy(dst + b, &t, sizeof t);                                     \
                } else {                                                                         \
                    DUAL__UNROLL for (k = 0; k < (size_t)lanes; ++k)                             \
                        if (b + k < w) dst[(b + k) * cs] = (name##_scalar)t[k];                  \
                }                                                                                \
            }                                                                                    \
        } else {                                                                                 \
            for (k = 0; k < w; ++k) dst[k * cs] = d[k];                                          \
        }                                                                                        \
    }
#else
#define JAC__TANGENTS(name)                                                                      \
    JAC__PRIVATE void jac__##name##_tangents(const name *a, name##_scalar *dst, size_t cs,      \
                                             size_t w) {                                         \
        const name##_scalar *d = (const name##_scalar *)&a->d;                                   \
        size_t k;                                                                                \
        for (k = 0; k < w; ++k) dst[k * cs] = d[k];                                              \
    }
#endif
#define JAC_DEFINE_FUNCS(scope, name)                                                            \
    JAC__PRIVATE size_t jac_##name##_worksize(size_t n, size_t m) {                             \
        return jac__bytes(n, sizeof(name), m, sizeof(name));                                     \
    }                                                                                            \
    JAC__TANGENTS(name)                                                                          \
    scope int jac_##name##_ex(jac_##name##_fn f, void *ctx, size_t n, size_t m,                 \
                              const name##_scalar *x, name##_scalar *y, name##_scalar *J,       \
                              const jac_opts *opt) {                                             \
        name xs[JAC_STACK_MAX], ys[JAC_STACK_MAX], *xd = xs, *yd = ys;                           \
        const size_t W = (size_t)name##_width;                                                   \
        size_t i, j, k, w = W;                                                                   \
        jac__plan p;                                                                             \
        int rc;                                                                                  \
        if (f == NULL || x == NULL || J == NULL) return JAC_EINVAL;                              \
        rc = jac__shape(&p, opt, m, n, sizeof *J, 1);                                            \
        if (rc == JAC_OK)                                                                        \
            rc = jac__memory(&p, opt, jac_##name##_worksize(n, m), _Alignof(name),              \
                             n <= JAC_STACK_MAX && m <= JAC_STACK_MAX);                          \
        if (rc != JAC_OK) return rc;                                                             \
        if (p.mem != NULL) {                                                                     \
            xd = (name *)p.mem;                                                                  \
            yd = xd + n;                                                                         \
        }                                                                                        \
        /* every input written whole once, the first chunk seeded (input j, direction j) */    \
        for (j = 0; j < n; ++j)                                                                  \
            xd[j] = name##__seed(x[j], (int)j, (name##_scalar)(j < W ? 1 : 0));                  \
        for (j = 0; j < n; j += w) {                                                             \
            w = n - j < W ? n - j : W;                                                           \
            for (i = 0; i < m; ++i) yd[i] = name##__seed((name##_scalar)0, 0, (name##_scalar)0); \
            if (f(xd, yd, ctx) != 0) {                                                           \
                rc = JAC_EFUNC;                                                                  \
                break;                                                                           \
            }                                                                                    \
            for (i = 0; i < m; ++i)                                                              \
                jac__##name##_tangents(&yd[i], J + i * p.rs + j * p.cs, p.cs, w);                \
            /* unseed this chunk (not after the last pass: dead stores), seed the next */        \
            if (j + w < n)                                                                       \
                for (k = j; k < j + w; ++k) xd[k] = name##__seed(x[k], 0, (name##_scalar)0);     \
            for (k = j + w; k < n && k < j + w + W; ++k)                                         \
                xd[k] = name##__seed(x[k], (int)(k - j - w), (name##_scalar)1);                  \
        }                                                                                        \
        if (rc == JAC_OK && y != NULL)                                                           \
            for (i = 0; i < m; ++i) y[i] = yd[i].v;                                              \
        jac__release(&p);                                                                        \
        return rc;                                                                               \
    }                                                                                            \
    scope int jac_##name(jac_##name##_fn f, void *ctx, size_t n, size_t m,                      \
                         const name##_scalar *x, name##_scalar *y, name##_scalar *J) {          \
        return jac_##name##_ex(f, ctx, n, m, x, y, J, NULL);                                     \
    }                                                                                            \
    /* the gradient is the one-row Jacobian */                                                   \
    scope int grad_##name##_ex(jac_##name##_fn f, void *ctx, size_t n, const name##_scalar *x,  \
                               name##_scalar *fx, name##_scalar *g, const jac_opts *opt) {      \
        return jac_##name##_ex(f, ctx, n, 1, x, fx, g, opt);                                     \
    }                                                                                            \
    scope int grad_##name(jac_##name##_fn f, void *ctx, size_t n, const name##_scalar *x,       \
                          name##_scalar *fx, name##_scalar *g) {                                 \
        return jac_##name##_ex(f, ctx, n, 1, x, fx, g, NULL);                                    \
    }                                                                                            \
    /* f(x + v eps) = f(x) + (J v) eps: tangent 0 seeded with v, one pass */                     \
    scope int jvp_##name##_ex(jac_##name##_fn f, void *ctx, size_t n, size_t m,                 \
                              const name##_scalar *x, const name##_scalar *v, name##_scalar *y, \
                              name##_scalar *Jv, const jac_opts *opt) {                          \
        name xs[JAC_STACK_MAX], ys[JAC_STACK_MAX], *xd = xs, *yd = ys;                           \
        size_t i, j;                                                                             \
        jac__plan p;                                                                             \
        int rc;                                                                                  \
        if (f == NULL || x == NULL || v == NULL || Jv == NULL) return JAC_EINVAL;                \
        rc = jac__shape(&p, opt, m, n, sizeof *Jv, 0);                                           \
        if (rc == JAC_OK)                                                                        \
            rc = jac__memory(&p, opt, jac_##name##_worksize(n, m), _Alignof(name),              \
                             n <= JAC_STACK_MAX && m <= JAC_STACK_MAX);                          \
        if (rc != JAC_OK) return rc;                                                             \
        if (p.mem != NULL) {                                                                     \
            xd = (name *)p.mem;                                                                  \
            yd = xd + n;                                                                         \
        }                                                                                        \
        for (j = 0; j < n; ++j) xd[j] = name##__seed(x[j], 0, v[j]);                             \
        for (i = 0; i < m; ++i) yd[i] = name##__seed((name##_scalar)0, 0, (name##_scalar)0);     \
        if (f(xd, yd, ctx) != 0) {                                                               \
            rc = JAC_EFUNC;                                                                      \
        } else {                                                                                 \
            for (i = 0; i < m; ++i) Jv[i] = name##__tangent(yd[i], 0);                           \
            if (y != NULL)                                                                       \
                for (i = 0; i < m; ++i) y[i] = yd[i].v;                                          \
        }                                                                                        \
        jac__release(&p);                                                                        \
        return rc;                                                                               \
    }                                                                                            \
    scope int jvp_##name(jac_##name##_fn f, void *ctx, size_t n, size_t m,                      \
                         const name##_scalar *x, const name##_scalar *v, name##_scalar *y,      \
                         name##_scalar *Jv) {                                                    \
        return jvp_##name##_ex(f, ctx, n, m, x, v, y, Jv, NULL);                                 \
    }

#define JAC_DEFINE(name) JAC_DEFINE_TYPES(name) JAC_DEFINE_FUNCS(JAC_INLINE, name)

/* ---------------------------------------------------------------- hyper-dual families */

#define JAC_HDEFINE_TYPES(name) typedef int (*jac_##name##_fn)(const name *x, name *y, void *ctx);

/* f(a + b e1 + c e2 + d e1e2) = f(a) + f'(a) b e1 + f'(a) c e2 + (f'(a) d + f''(a) b c) e1e2:
 * with e1 on x_i and e2 on x_j (d = 0) the e12 part is exactly d2f/dx_i dx_j. */
#define JAC_HDEFINE_FUNCS(scope, name)                                                           \
    JAC__PRIVATE size_t hess_##name##_worksize(size_t n) {                                       \
        return jac__bytes(n, sizeof(name) + sizeof(name##_scalar), 1, sizeof(name));             \
    }                                                                                            \
    JAC__PRIVATE void jac__##name##_set(name *a, name##_scalar v, name##_scalar e1,              \
                                        name##_scalar e2) {                                      \
        a->v = v;                                                                                \
        a->e1 = e1;                                                                              \
        a->e2 = e2;                                                                              \
        a->e12 = (name##_scalar)0;                                                               \
    }                                                                                            \
    scope int hess_##name##_ex(jac_##name##_fn f, void *ctx, size_t n, const name##_scalar *x,  \
                               name##_scalar *fx, name##_scalar *g, name##_scalar *H,            \
                               const jac_opts *opt) {                                            \
        name xs[JAC_STACK_MAX], ys[1], *xd = xs, *yd = ys;                                       \
        name##_scalar gs[JAC_STACK_MAX], *gd = gs, h;                                            \
        const name##_scalar zero = 0, one = 1;                                                   \
        size_t i, j;                                                                             \
        jac__plan p;                                                                             \
        int rc;                                                                                  \
        if (f == NULL || x == NULL || H == NULL) return JAC_EINVAL;                              \
        rc = jac__shape(&p, opt, n, n, sizeof *H, 1);                                            \
        if (rc == JAC_OK)                                                                        \
            rc = jac__memory(&p, opt, hess_##name##_worksize(n), _Alignof(name),                \
                             n <= JAC_STACK_MAX);                                                \
        if (rc != JAC_OK) return rc;                                                             \
        if (p.mem != NULL) {                                                                     \
            xd = (name *)p.mem;                                                                  \
            yd = xd + n;                                                                         \
            gd = (name##_scalar *)(void *)(yd + 1);                                              \
        }                                                                                        \
        for (j = 0; j < n; ++j) jac__##name##_set(&xd[j], x[j], zero, zero);                     \
        for (i = 0; i < n && rc == JAC_OK; ++i) {                                                \
            xd[i].e1 = one;                                                                      \
            for (j = i; j < n; ++j) {                                                            \
                xd[j].e2 = one;                                                                  \
                jac__##name##_set(&yd[0], zero, zero, zero);                                     \
                if (f(xd, yd, ctx) != 0) {                                                       \
                    rc = JAC_EFUNC;                                                              \
                    break;                                                                       \
                }                                                                                \
                xd[j].e2 = zero;                                                                 \
                h = yd[0].e12;                                                                   \
                H[i * p.rs + j * p.cs] = h;                                                      \
                H[j * p.rs + i * p.cs] = h;                                                      \
                if (j == i) gd[i] = yd[0].e1;                                                    \
            }                                                                                    \
            xd[i].e1 = zero;                                                                     \
        }                                                                                        \
        if (rc == JAC_OK) {                                                                      \
            if (fx != NULL) fx[0] = yd[0].v;                                                     \
            if (g != NULL)                                                                       \
                for (i = 0; i < n; ++i) g[i] = gd[i];                                            \
        }                                                                                        \
        jac__release(&p);                                                                        \
        return rc;                                                                               \
    }                                                                                            \
    scope int hess_##name(jac_##name##_fn f, void *ctx, size_t n, const name##_scalar *x,       \
                          name##_scalar *fx, name##_scalar *g, name##_scalar *H) {               \
        return hess_##name##_ex(f, ctx, n, x, fx, g, H, NULL);                                   \
    }                                                                                            \
    /* e1 on x_i, e2 along v: the e12 part is sum_k H_ik v_k = (H v)_i */                        \
    scope int hvp_##name##_ex(jac_##name##_fn f, void *ctx, size_t n, const name##_scalar *x,   \
                              const name##_scalar *v, name##_scalar *fx, name##_scalar *Hv,      \
                              const jac_opts *opt) {                                             \
        name xs[JAC_STACK_MAX], ys[1], *xd = xs, *yd = ys;                                       \
        const name##_scalar zero = 0, one = 1;                                                   \
        size_t i;                                                                                \
        jac__plan p;                                                                             \
        int rc;                                                                                  \
        if (f == NULL || x == NULL || v == NULL || Hv == NULL) return JAC_EINVAL;                \
        rc = jac__shape(&p, opt, 1, n, sizeof *Hv, 0);                                           \
        if (rc == JAC_OK)                                                                        \
            rc = jac__memory(&p, opt, hess_##name##_worksize(n), _Alignof(name),                \
                             n <= JAC_STACK_MAX);                                                \
        if (rc != JAC_OK) return rc;                                                             \
        if (p.mem != NULL) {                                                                     \
            xd = (name *)p.mem;                                                                  \
            yd = xd + n;                                                                         \
        }                                                                                        \
        for (i = 0; i < n; ++i) jac__##name##_set(&xd[i], x[i], zero, v[i]);                     \
        for (i = 0; i < n; ++i) {                                                                \
            xd[i].e1 = one;                                                                      \
            jac__##name##_set(&yd[0], zero, zero, zero);                                         \
            if (f(xd, yd, ctx) != 0) {                                                           \
                rc = JAC_EFUNC;                                                                  \
                break;                                                                           \
            }                                                                                    \
            xd[i].e1 = zero;                                                                     \
            Hv[i] = yd[0].e12;                                                                   \
        }                                                                                        \
        if (rc == JAC_OK && fx != NULL) fx[0] = yd[0].v;                                         \
        jac__release(&p);                                                                        \
        return rc;                                                                               \
    }                                                                                            \
    scope int hvp_##name(jac_##name##_fn f, void *ctx, size_t n, const name##_scalar *x,        \
                         const name##_scalar *v, name##_scalar *fx, name##_scalar *Hv) {         \
        return hvp_##name##_ex(f, ctx, n, x, v, fx, Hv, NULL);                                   \
    }

#define JAC_HDEFINE(name) JAC_HDEFINE_TYPES(name) JAC_HDEFINE_FUNCS(JAC_INLINE, name)

/* ---------------------------------------------------------------- predefined families */

JAC_DEFINE(dual)
JAC_DEFINE(dualf)
JAC_HDEFINE(hdual)
JAC_HDEFINE(hdualf)
#ifndef DUAL_NO_LONG_DOUBLE
JAC_DEFINE(duall)
JAC_HDEFINE(hduall)
#endif

/* ---------------------------------------------------------------- finite differences */

/* Bytes of workspace for jac_fd_forward, jac_fd_central and jac_cstep: 2(n + m) doubles
 * (n + 2m doubles for the real ones, n + m double complex for the complex step). */
JAC_API size_t jac_fd_worksize(size_t n, size_t m) {
    return jac__bytes(n, 2 * sizeof(double), m, 2 * sizeof(double));
}

/* Common start of the three: check, get memory for n + 2m doubles. */
JAC__PRIVATE int jac__fd_setup(jac__plan *p, const jac_opts *opt, size_t n, size_t m,
                               int ok_ptrs) {
    int rc;
    if (!ok_ptrs) return JAC_EINVAL;
    rc = jac__shape(p, opt, m, n, sizeof(double), 1);
    if (rc == JAC_OK)
        rc = jac__memory(p, opt, jac_fd_worksize(n, m), _Alignof(double),
                         n <= JAC_STACK_MAX && m <= JAC_STACK_MAX);
    return rc;
}

#define JAC__FD_SQRT_EPS 1.4901161193847656e-08 /* sqrt(DBL_EPSILON) = 2^-26 */
#define JAC__FD_CBRT_EPS 6.0554544523933395e-06 /* cbrt(DBL_EPSILON) = 2^(-52/3) */

/* J_ij = (f_i(x + h e_j) - f_i(x)) / h,  h = (x_j + h_j) - x_j,  h_j = sqrt(eps) max(|x_j|, 1) */
JAC_INLINE int jac_fd_forward_ex(jac_real_fn f, void *ctx, size_t n, size_t m, const double *x,
                                 double *y, double *J, const jac_opts *opt) {
    double xs[JAC_STACK_MAX], f0s[JAC_STACK_MAX], f1s[JAC_STACK_MAX];
    double *xh = xs, *f0 = f0s, *f1 = f1s, xj, xp, h;
    size_t i, j;
    jac__plan p;
    int rc = jac__fd_setup(&p, opt, n, m, f != NULL && x != NULL && J != NULL);
    if (rc != JAC_OK) return rc;
    if (p.mem != NULL) {
        xh = (double *)p.mem;
        f0 = xh + n;
        f1 = f0 + m;
    }
    for (j = 0; j < n; ++j) xh[j] = x[j];
    for (i = 0; i < m; ++i) f0[i] = 0.0;
    if (f(xh, f0, ctx) != 0) rc = JAC_EFUNC;
    for (j = 0; j < n && rc == JAC_OK; ++j) {
        xj = xh[j];
        h = JAC__FD_SQRT_EPS * fmax(fabs(xj), 1.0);
        xp = xj + h;
        h = xp - xj; /* the step actually taken */
        xh[j] = xp;
        for (i = 0; i < m; ++i) f1[i] = 0.0;
        if (f(xh, f1, ctx) != 0) {
            rc = JAC_EFUNC;
            break;
        }
        xh[j] = xj;
        for (i = 0; i < m; ++i) J[i * p.rs + j * p.cs] = (f1[i] - f0[i]) / h;
    }
    if (rc == JAC_OK && y != NULL)
        for (i = 0; i < m; ++i) y[i] = f0[i];
    jac__release(&p);
    return rc;
}

JAC_INLINE int jac_fd_forward(jac_real_fn f, void *ctx, size_t n, size_t m, const double *x,
                              double *y, double *J) {
    return jac_fd_forward_ex(f, ctx, n, m, x, y, J, NULL);
}

/* J_ij = (f_i(.. x_j + h ..) - f_i(.. x_j - h ..)) / ((x_j + h) - (x_j - h)),
 * h = cbrt(eps) max(|x_j|, 1) */
JAC_INLINE int jac_fd_central_ex(jac_real_fn f, void *ctx, size_t n, size_t m, const double *x,
                                 double *y, double *J, const jac_opts *opt) {
    double xs[JAC_STACK_MAX], fps[JAC_STACK_MAX], fms[JAC_STACK_MAX];
    double *xh = xs, *fp = fps, *fm = fms, xj, xp, xm, h;
    size_t i, j;
    jac__plan p;
    int rc = jac__fd_setup(&p, opt, n, m, f != NULL && x != NULL && J != NULL);
    if (rc != JAC_OK) return rc;
    if (p.mem != NULL) {
        xh = (double *)p.mem;
        fp = xh + n;
        fm = fp + m;
    }
    for (j = 0; j < n; ++j) xh[j] = x[j];
    for (j = 0; j < n; ++j) {
        xj = xh[j];
        h = JAC__FD_CBRT_EPS * fmax(fabs(xj), 1.0);
        xp = xj + h;
        xm = xj - h;
        xh[j] = xp;
        for (i = 0; i < m; ++i) fp[i] = 0.0;
        if (f(xh, fp, ctx) != 0) {
            rc = JAC_EFUNC;
            break;
        }
        xh[j] = xm;
        for (i = 0; i < m; ++i) fm[i] = 0.0;
        if (f(xh, fm, ctx) != 0) {
            rc = JAC_EFUNC;
            break;
        }
        xh[j] = xj;
        h = xp - xm; /* the distance between the two points evaluated */
        for (i = 0; i < m; ++i) J[i * p.rs + j * p.cs] = (fp[i] - fm[i]) / h;
    }
    if (rc == JAC_OK && y != NULL) {
        for (i = 0; i < m; ++i) fp[i] = 0.0;
        if (f(xh, fp, ctx) != 0)
            rc = JAC_EFUNC;
        else
            for (i = 0; i < m; ++i) y[i] = fp[i];
    }
    jac__release(&p);
    return rc;
}

JAC_INLINE int jac_fd_central(jac_real_fn f, void *ctx, size_t n, size_t m, const double *x,
                              double *y, double *J) {
    return jac_fd_central_ex(f, ctx, n, m, x, y, J, NULL);
}

#ifndef JAC_NO_COMPLEX
/* f(x + i h e_j) = f(x) - h^2 f''/2 + i (h J e_j + O(h^3)): J_ij = Im f_i / h, no cancellation */
JAC_INLINE int jac_cstep_ex(jac_complex_fn f, void *ctx, size_t n, size_t m, const double *x,
                            double *y, double *J, const jac_opts *opt) {
    double complex xs[JAC_STACK_MAX], ys[JAC_STACK_MAX], *xc = xs, *yc = ys;
    double h;
    size_t i, j;
    jac__plan p;
    int rc = jac__fd_setup(&p, opt, n, m, f != NULL && x != NULL && J != NULL);
    if (rc != JAC_OK) return rc;
    if (p.mem != NULL) {
        xc = (double complex *)p.mem;
        yc = xc + n;
    }
    for (j = 0; j < n; ++j) xc[j] = x[j];
    for (j = 0; j < n; ++j) {
        h = JAC_CSTEP_H * fmax(fabs(x[j]), 1.0);
        ((double *)&xc[j])[1] = h; /* x_j + i h exactly (C11 6.2.5p13: re, im as an array) */
        for (i = 0; i < m; ++i) yc[i] = 0.0;
        if (f(xc, yc, ctx) != 0) {
            rc = JAC_EFUNC;
            break;
        }
        xc[j] = x[j];
        for (i = 0; i < m; ++i) J[i * p.rs + j * p.cs] = cimag(yc[i]) / h;
    }
    if (rc == JAC_OK && y != NULL)
        for (i = 0; i < m; ++i) y[i] = creal(yc[i]);
    jac__release(&p);
    return rc;
}

JAC_INLINE int jac_cstep(jac_complex_fn f, void *ctx, size_t n, size_t m, const double *x,
                         double *y, double *J) {
    return jac_cstep_ex(f, ctx, n, m, x, y, J, NULL);
}
#endif /* JAC_NO_COMPLEX */

/* ---------------------------------------------------------------- derivative checker */

/* Bytes of workspace for the checkers: (n + m) duals, then m*n doubles (used by _fn only). */
JAC_API size_t jac_check_worksize(size_t n, size_t m) {
    size_t a = jac_dual_worksize(n, m);
    if (a == 0 || n == 0 || m == 0 || n > SIZE_MAX / m) return 0;
    return jac__bytes(1, a, n * m, sizeof(double));
}

/* rel_err = |u - e| / max(1, |e|); NaN vs NaN and equal infinities: 0; otherwise a NaN or an
 * infinite difference: +inf. */
JAC__PRIVATE double jac__relerr(double u, double e) {
    double d;
    if (isnan(u) || isnan(e)) return isnan(u) && isnan(e) ? 0.0 : HUGE_VAL;
    if (u == e) return 0.0;
    d = fabs(u - e);
    if (isinf(d)) return HUGE_VAL;
    return d / fmax(1.0, fabs(e));
}

/* The exact Jacobian column by column (pass j seeds x_j, as jac_dual) compared with
 * U[i*rs + j*cs]. xd, yd: n and m duals of working memory. */
JAC__PRIVATE int jac__check_run(jac_dual_fn f, void *ctx, size_t n, size_t m, const double *x,
                                const double *U, size_t rs, size_t cs, double tol,
                                jac_check_report *rep, dual *xd, dual *yd) {
    jac_check_report r;
    double u, e, err;
    size_t i, j;
    int first = 1;
    r.n = n;
    r.m = m;
    r.i = r.j = 0;
    r.user = r.exact = r.abs_err = r.rel_err = 0.0;
    r.tol = tol;
    r.n_bad = 0;
    for (j = 0; j < n; ++j) xd[j] = dual__seed(x[j], 0, 0.0);
    for (j = 0; j < n; ++j) {
        xd[j] = dual__seed(x[j], 0, 1.0);
        for (i = 0; i < m; ++i) yd[i] = dual__seed(0.0, 0, 0.0);
        if (f(xd, yd, ctx) != 0) return JAC_EFUNC;
        xd[j] = dual__seed(x[j], 0, 0.0);
        for (i = 0; i < m; ++i) {
            u = U[i * rs + j * cs];
            e = dual__tangent(yd[i], 0);
            err = jac__relerr(u, e);
            if (err > tol) ++r.n_bad;
            if (first || err > r.rel_err) {
                first = 0;
                r.i = i;
                r.j = j;
                r.user = u;
                r.exact = e;
                r.abs_err = fabs(u - e);
                r.rel_err = err;
            }
        }
    }
    r.ok = r.n_bad == 0;
    *rep = r;
    return JAC_OK;
}

/* Check a Jacobian J given in opt's layout (default: numerator, m x n row-major). */
JAC_API int jac_check_ex(jac_dual_fn f, void *ctx, size_t n, size_t m, const double *x,
                         const double *J, double tol, jac_check_report *rep,
                         const jac_opts *opt) {
    dual xs[JAC_STACK_MAX], ys[JAC_STACK_MAX], *xd = xs, *yd = ys;
    jac__plan p;
    int rc;
    if (f == NULL || x == NULL || J == NULL || rep == NULL || !(tol >= 0.0)) return JAC_EINVAL;
    rc = jac__shape(&p, opt, m, n, sizeof *J, 1);
    if (rc == JAC_OK)
        rc = jac__memory(&p, opt, jac_dual_worksize(n, m), _Alignof(dual),
                         n <= JAC_STACK_MAX && m <= JAC_STACK_MAX);
    if (rc != JAC_OK) return rc;
    if (p.mem != NULL) {
        xd = (dual *)p.mem;
        yd = xd + n;
    }
    rc = jac__check_run(f, ctx, n, m, x, J, p.rs, p.cs, tol, rep, xd, yd);
    jac__release(&p);
    return rc;
}

JAC_API int jac_check(jac_dual_fn f, void *ctx, size_t n, size_t m, const double *x,
                      const double *J, double tol, jac_check_report *rep) {
    return jac_check_ex(f, ctx, n, m, x, J, tol, rep, NULL);
}

/* Check the user's Jacobian function: jfn(x, J, ctx) writes J packed in opt->layout
 * (default numerator; opt->ld is ignored); called once, before the n passes of f. */
JAC_API int jac_check_fn_ex(jac_dual_fn f, jac_jacobian_fn jfn, void *ctx, size_t n, size_t m,
                            const double *x, double tol, jac_check_report *rep,
                            const jac_opts *opt) {
    jac_opts packed = JAC_OPTS_INIT;
    jac__plan p;
    dual *xd;
    double *U;
    int rc;
    if (f == NULL || jfn == NULL || x == NULL || rep == NULL || !(tol >= 0.0))
        return JAC_EINVAL;
    if (opt != NULL) {
        packed.layout = opt->layout;
        packed.work = opt->work;
        packed.work_size = opt->work_size;
    }
    rc = jac__shape(&p, &packed, m, n, sizeof(double), 1);
    if (rc == JAC_OK)
        rc = jac__memory(&p, &packed, jac_check_worksize(n, m), _Alignof(dual), 0);
    if (rc != JAC_OK) return rc;
    xd = (dual *)p.mem;
    U = (double *)(void *)(xd + n + m);
    if (jfn(x, U, ctx) != 0)
        rc = JAC_EFUNC;
    else
        rc = jac__check_run(f, ctx, n, m, x, U, p.rs, p.cs, tol, rep, xd, xd + n);
    jac__release(&p);
    return rc;
}

JAC_API int jac_check_fn(jac_dual_fn f, jac_jacobian_fn jfn, void *ctx, size_t n, size_t m,
                         const double *x, double tol, jac_check_report *rep) {
    return jac_check_fn_ex(f, jfn, ctx, n, m, x, tol, rep, NULL);
}

/* A readable report, e.g.
 *   jac_check: FAIL, 1 of 6 entries over tolerance 1e-06 (J is 2 x 3: 2 outputs, 3 inputs)
 *     worst entry: (i, j) = (1, 2), dy_1/dx_2
 *       user  = 3
 *       exact = 4
 *       abs error = 1, rel error = 0.25  (rel = |user - exact| / max(1, |exact|)) */
JAC_API void jac_check_print(FILE *out, const jac_check_report *rep) {
    if (out == NULL || rep == NULL) return;
    fprintf(out, "jac_check: %s, %zu of %zu entries over tolerance %.3g (J is %zu x %zu: %zu "
                 "outputs, %zu inputs)\n",
            rep->ok ? "PASS" : "FAIL", rep->n_bad, rep->n * rep->m, rep->tol, rep->m, rep->n,
            rep->m, rep->n);
    fprintf(out, "  worst entry: (i, j) = (%zu, %zu), dy_%zu/dx_%zu\n", rep->i, rep->j, rep->i,
            rep->j);
    fprintf(out, "    user  = %.17g\n    exact = %.17g\n", rep->user, rep->exact);
    fprintf(out, "    abs error = %.3g, rel error = %.3g  (rel = |user - exact| / max(1, "
                 "|exact|))\n",
            rep->abs_err, rep->rel_err);
}

JAC_API const char *jac_strerror(int code) {
    switch (code) {
    case JAC_OK: return "success";
    case JAC_EINVAL: return "invalid argument";
    case JAC_EFUNC: return "the user's function returned non-zero";
    case JAC_ENOMEM: return "out of memory";
    default: return "unknown error";
    }
}

#endif /* DUALJAC_JACOBIAN_H */

/* MIT License: see LICENSE. */
