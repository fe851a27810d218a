/* types.h - the number types the benchmark uses: dual.h's predefined ones plus chunked duals
 * of width 2, 4, 8, 12, 16 and 32, all joined to the generic front end, and their Jacobian
 * builders from jacobian.h. */
#ifndef BENCH_TYPES_H
#define BENCH_TYPES_H

/* before dual.h: defined after it, the macro would clash with dual.h's empty default */
#define DUAL_GENERIC_USER(op)                                                                  \
    DUAL_GENERIC_ENTRY(dual2, op) DUAL_GENERIC_ENTRY(dual4, op) DUAL_GENERIC_ENTRY(dual8, op)  \
    DUAL_GENERIC_ENTRY(dual12, op) DUAL_GENERIC_ENTRY(dual16, op)                              \
    DUAL_GENERIC_ENTRY(dual32, op)

#include "dual.h"

DUALN_DEFINE(dual2, double, 2)
DUALN_DEFINE(dual4, double, 4)
DUALN_DEFINE(dual8, double, 8)
DUALN_DEFINE(dual12, double, 12)
DUALN_DEFINE(dual16, double, 16)
DUALN_DEFINE(dual32, double, 32)

#include "jacobian.h"

JAC_DEFINE(dual2)
JAC_DEFINE(dual4)
JAC_DEFINE(dual8)
JAC_DEFINE(dual12)
JAC_DEFINE(dual16)
JAC_DEFINE(dual32)

#define BENCH__CAT2(a, b) a##_##b
#define BENCH_CAT(a, b) BENCH__CAT2(a, b)

#if defined(__GNUC__) || defined(__clang__)
#define BENCH_FN static inline __attribute__((unused))
#else
#define BENCH_FN static inline
#endif

#endif /* BENCH_TYPES_H */
