// cpp_methods.cpp - the state of the art, side by side: Ceres' Jet and Eigen's
// AutoDiffScalar on C++ translations of the same functions (suite_body.h), one pass with
// the same width W as the C chunked method, timed in the same run against the same
// hand-written Jacobians. Built only when Meson finds a C++ compiler, Eigen 3 and
// ceres/jet.h (Debian: libeigen3-dev, libceres-dev); otherwise cpp_absent.c stands in.
#include <cmath>
#include <cstdlib>
#include <new>

#include <ceres/jet.h>
#include <ceres/version.h>
#include <unsupported/Eigen/AutoDiff>

#include "common.h"
#include "suite_data.h"

template <int N> using Jet = ceres::Jet<double, N>;
template <int N> using Ad = Eigen::AutoDiffScalar<Eigen::Matrix<double, N, 1>>;

template <int N> inline double val(const Jet<N> &a) { return a.a; }
template <int N> inline double val(const Ad<N> &a) { return a.value(); }

// Eigen's AutoDiff module has no atan and no log1p: added the way its own functions are
// written (value, and the derivative vector scaled by f'), in its namespace so that the
// unqualified calls below find them as they find Eigen::sin.
namespace Eigen {
template <class D>
inline AutoDiffScalar<typename internal::remove_all<D>::type::PlainObject>
atan(const AutoDiffScalar<D> &a) {
    typedef typename internal::remove_all<D>::type::PlainObject P;
    const double v = a.value();
    return AutoDiffScalar<P>(std::atan(v), P(a.derivatives() * (1.0 / (1.0 + v * v))));
}
template <class D>
inline AutoDiffScalar<typename internal::remove_all<D>::type::PlainObject>
log1p(const AutoDiffScalar<D> &a) {
    typedef typename internal::remove_all<D>::type::PlainObject P;
    const double v = a.value();
    return AutoDiffScalar<P>(std::log1p(v), P(a.derivatives() * (1.0 / (1.0 + v))));
}
} // namespace Eigen

// ---- the suite, translated (same operations in the same order as suite_body.h)

template <class T> int cf_seed(const T *x, T *y, bench_ctx *c) {
    ++c->calls;
    const T s2 = x[1] * x[1], s4 = s2 * s2;
    y[0] = 3.0 * (x[0] * x[0]) * x[1];
    y[1] = 2.0 * x[0] + s4 * s4;
    return 0;
}

template <class T> int cf_robertson(const T *x, T *y, bench_ctx *c) {
    ++c->calls;
    const T a = BENCH_ROB_K1 * x[0];
    const T b = BENCH_ROB_K2 * (x[1] * x[2]);
    const T d = BENCH_ROB_K3 * (x[1] * x[1]);
    y[0] = b - a;
    y[1] = a - b - d;
    y[2] = d;
    return 0;
}

template <class T> int cf_mse(const T *p, T *y, bench_ctx *c) {
    ++c->calls;
    T acc(0.0);
    for (int s = 0; s < BENCH_MSE_S; ++s) {
        T z = p[BENCH_MSE_K];
        for (int k = 0; k < BENCH_MSE_K; ++k) z = z + p[k] * bench_mse_X[s][k];
        const T r = val(z) > 0.0 ? z : T(0.0);
        const T e = bench_mse_t[s] - r;
        acc = acc + e * e;
    }
    y[0] = acc * (1.0 / BENCH_MSE_S);
    return 0;
}

template <class T> int cf_softmax(const T *x, T *y, bench_ctx *c) {
    ++c->calls;
    T e[softmax_N];
    double mx = val(x[0]);
    for (int i = 1; i < softmax_N; ++i)
        if (val(x[i]) > mx) mx = val(x[i]);
    T s = e[0] = exp(x[0] - mx);
    for (int i = 1; i < softmax_N; ++i) {
        e[i] = exp(x[i] - mx);
        s = s + e[i];
    }
    s = 1.0 / s;
    for (int i = 0; i < softmax_N; ++i) y[i] = e[i] * s;
    return 0;
}

template <class T, int n> int cf_l96(const T *x, T *y, bench_ctx *c) {
    ++c->calls;
    for (int i = 0; i < n; ++i) {
        const T d = x[(i + 1) % n] - x[(i + n - 2) % n];
        y[i] = d * x[(i + n - 1) % n] - x[i] + BENCH_L96_F;
    }
    return 0;
}

template <class T> int cf_trans(const T *x, T *y, bench_ctx *c) {
    ++c->calls;
    for (int i = 0; i < trans_N; ++i) {
        const T &xp = x[i], &xq = x[(i + 1) % trans_N], &xr = x[(i + 2) % trans_N];
        const T a = sin(xp) * cos(xq);
        const T b = exp(-0.5 * (xp * xp)) * tanh(xq);
        const T d = log1p(xr * xr) + atan(xp * xr);
        y[i] = a + b + d;
    }
    return 0;
}

template <class T> int cf_rosen(const T *x, T *y, bench_ctx *c) {
    ++c->calls;
    T acc(0.0);
    for (int i = 0; i < rosen_N; i += 2) {
        const T t = x[i + 1] - x[i] * x[i];
        const T u = 1.0 - x[i];
        acc = acc + 100.0 * (t * t) + u * u;
    }
    y[0] = acc;
    return 0;
}

// ---- one-pass drivers: seed direction j on input j, read the m x n Jacobian

template <int N> struct JetT {
    typedef Jet<N> type;
    static type seed(double v, int k) { return type(v, k); }
    static double tangent(const type &a, int k) { return a.v[k]; }
};
template <int N> struct AdT {
    typedef Ad<N> type;
    static type seed(double v, int k) { return type(v, N, k); }
    static double tangent(const type &a, int k) { return a.derivatives()[k]; }
};

template <class Tr, int n, int m, int (*F)(const typename Tr::type *, typename Tr::type *,
                                             bench_ctx *)>
static int drive(const double *x, double *J, bench_ctx *c) {
    typename Tr::type xs[n], ys[m];
    for (int j = 0; j < n; ++j) xs[j] = Tr::seed(x[j], j);
    F(xs, ys, c);
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < n; ++j) J[i * n + j] = Tr::tangent(ys[i], j);
    return 0;
}

#define BENCH_CPP_REG(ID, F, W)                                                                \
    tab[ID][M_JET] = drive<JetT<W>, F##_N, F##_M, cf_##F<Jet<W>>>;                             \
    tab[ID][M_EIGEN] = drive<AdT<W>, F##_N, F##_M, cf_##F<Ad<W>>>;
#define BENCH_CPP_REG_L96(ID, F, W)                                                            \
    tab[ID][M_JET] = drive<JetT<W>, F##_N, F##_M, cf_l96<Jet<W>, F##_N>>;                      \
    tab[ID][M_EIGEN] = drive<AdT<W>, F##_N, F##_M, cf_l96<Ad<W>, F##_N>>;

#define BENCH_STR2(x) #x
#define BENCH_STR(x) BENCH_STR2(x)

extern "C" {
const char *const bench_cpp_status =
    "Ceres " CERES_VERSION_STRING " Jet, Eigen " BENCH_STR(EIGEN_WORLD_VERSION) "." BENCH_STR(
        EIGEN_MAJOR_VERSION) "." BENCH_STR(EIGEN_MINOR_VERSION) " AutoDiffScalar";

void bench_register_cpp(bench_fn tab[F_COUNT][M_COUNT]) {
    BENCH_CPP_REG(F_SEED, seed, 2)
    BENCH_CPP_REG(F_ROBERTSON, robertson, 4)
    BENCH_CPP_REG(F_MSE, mse, 8)
    BENCH_CPP_REG(F_SOFTMAX, softmax, 8)
    BENCH_CPP_REG_L96(F_L96_8, l96_8, 8)
    BENCH_CPP_REG(F_TRANS, trans, 12)
    BENCH_CPP_REG(F_ROSEN, rosen, 16)
    BENCH_CPP_REG_L96(F_L96_32, l96_32, 32)
}
}

// ---- count the heap allocations of the C++ side too (none expected: fixed sizes)

static void *bench_new(std::size_t n) {
#ifndef BENCH_WRAP_MALLOC
    bench_count_alloc(); // with the linker wrap, malloc below is counted already
#endif
    void *p = std::malloc(n != 0 ? n : 1);
    if (p == nullptr) throw std::bad_alloc();
    return p;
}
void *operator new(std::size_t n) { return bench_new(n); }
void *operator new[](std::size_t n) { return bench_new(n); }
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { std::free(p); }
