/* alloc.c - counting the heap allocations of the program's own code.
 *
 * Three counters feed one number: jacobian.h's JAC_MALLOC (defined in methods.c as
 * bench_counted_malloc), the C++ unit's replacement operator new (bench_count_alloc), and,
 * when the build links with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * --wrap=aligned_alloc,--wrap=posix_memalign (BENCH_WRAP_MALLOC), every call of those
 * functions made from the benchmark's object files: that includes everything the headers
 * inline into them. (libc's own internal allocations, e.g. stdio buffers, are not counted.) */
#include <stdlib.h>

#include "common.h"

static long bench_allocs;

void bench_count_alloc(void) { ++bench_allocs; }
long bench_alloc_count(void) { return bench_allocs; }

void *bench_counted_malloc(size_t n) {
    ++bench_allocs;
#ifdef BENCH_WRAP_MALLOC
    --bench_allocs; /* counted again by __wrap_malloc */
#endif
    return malloc(n);
}
void bench_counted_free(void *p) { free(p); }

#ifdef BENCH_WRAP_MALLOC
const char *const bench_alloc_how =
    "malloc/calloc/realloc/aligned_alloc/posix_memalign wrapped by the linker, operator new";
void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
void *__real_aligned_alloc(size_t a, size_t n);
int __real_posix_memalign(void **p, size_t a, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_aligned_alloc(size_t a, size_t n);
int __wrap_posix_memalign(void **p, size_t a, size_t n);
void *__wrap_malloc(size_t n) {
    ++bench_allocs;
    return __real_malloc(n);
}
void *__wrap_calloc(size_t k, size_t n) {
    ++bench_allocs;
    return __real_calloc(k, n);
}
void *__wrap_realloc(void *p, size_t n) {
    ++bench_allocs;
    return __real_realloc(p, n);
}
void *__wrap_aligned_alloc(size_t a, size_t n) {
    ++bench_allocs;
    return __real_aligned_alloc(a, n);
}
int __wrap_posix_memalign(void **p, size_t a, size_t n) {
    ++bench_allocs;
    return __real_posix_memalign(p, a, n);
}
#else
const char *const bench_alloc_how = "JAC_MALLOC and operator new counted (no linker wrap)";
#endif
