#!/bin/sh
# test_inline.sh - check, in the generated code, that the builders of jacobian.h are inlined
# and that they inline the user's function into every pass (no indirect call, no call to the
# user's function), and that the usage example in jacobian.h's top block compiles and runs.
# Output: TAP.
#
# usage: tests/test_inline.sh SRCDIR [CC ...]
#   SRCDIR  the directory holding jacobian.h and dual.h (the project's source root)
#   CC      compilers to check (default: every one of gcc and clang found on PATH)
#
# For each compiler, three small programs each call jac_dual from TWO functions with one
# static user function, compiled at -O2 with -S:
#   small   static int f(...)         y0 = x0 x1, y1 = x0^2 + 3 x2 (a few operations)
#   libm    static inline int f(...)  calls sin through dual_sin (needs libm)
#   plain   static int f(...)         the same body without `inline`
# Asserted for every program: no indirect call or jump (call *, jmp *), no jac_* or dual_*
# symbol left (the builder and dual.h's functions are inlined), and every call goes to a
# known libc/libm function. For small and libm also: the user function has no out-of-line
# copy and is never called. For plain only a diagnostic: gcc's -O2 heuristics may keep a
# direct call to an out-of-line clone of a non-inline function that is not tiny (hence the
# header's advice to declare f `static inline`). A negative control at -O0 must show the
# indirect call, so the detector is known to work.
set -u

src=${1:?usage: test_inline.sh SRCDIR [CC ...]}
shift
if [ $# -eq 0 ]; then
    for c in gcc clang; do
        command -v "$c" >/dev/null 2>&1 && set -- "$@" "$c"
    done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jac_inline.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
failed=0
ok() { # ok COND-STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
    fi
}
diag() { echo "# $*"; }

flags="-std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wdouble-promotion -Werror"

# prog NAME QUALIFIER BODY0: a user function and two callers
prog() {
    cat >"$tmp/$1.c" <<EOC
#include "jacobian.h"
$2 int user_f(const dual *x, dual *y, void *ctx) {
    (void)ctx;
    y[0] = ad_mul($3, x[1]);
    y[1] = ad_add(ad_sqr(x[0]), ad_muls(x[2], 3.0));
    return 0;
}
int caller_a(const double *x, double *J) { return jac_dual(user_f, NULL, 3, 2, x, NULL, J); }
int caller_b(const double *x, double *y, double *J) {
    return jac_dual(user_f, NULL, 3, 2, x, y, J);
}
EOC
}
prog small "static" "x[0]"
prog libm "static inline" "ad_sin(x[0])"
prog plain "static" "ad_sin(x[0])"

# calls to anything but these are a failure (the hot path has no other call)
known='^(sin|cos|sincos|malloc|free|memcpy|memset|__stack_chk_fail)(@PLT)?$'

for cc in "$@"; do
    ccn=$(basename "$cc")
    for p in small libm plain; do
        s="$tmp/$p.$ccn.s"
        "$cc" $flags -O2 -S -fno-asynchronous-unwind-tables -I"$src" "$tmp/$p.c" -o "$s" 2>"$tmp/err"
        st=$?
        ok $st "$ccn -O2: $p program compiles"
        if [ $st -ne 0 ]; then
            sed 's/^/# /' "$tmp/err" | head -20
            continue
        fi
        grep -Eq '^[[:space:]]*(call|jmp)[a-z]*[[:space:]]+\*' "$s"
        [ $? -ne 0 ]
        ok $? "$ccn -O2: $p: no indirect call or jump"
        grep -Eq '(jac_|dual_|dual__|hdual_)[A-Za-z0-9_]*' "$s"
        [ $? -ne 0 ]
        ok $? "$ccn -O2: $p: builder and dual.h functions inlined (no jac_/dual_ symbol)"
        allowed=$known
        what="only libc/libm calls remain"
        if [ $p = plain ]; then
            allowed="$known|^user_f(\.[a-z]+\.[0-9]+)?$"
            what="only libc/libm calls and direct calls of user_f remain"
        fi
        others=$(grep -E '^[[:space:]]*call[a-z]*[[:space:]]' "$s" | awk '{print $2}' |
            grep -Ev "$allowed" | sort -u | tr '\n' ' ')
        [ -z "$others" ]
        ok $? "$ccn -O2: $p: $what${others:+ (also: $others)}"
        grep -q 'user_f' "$s"
        found=$?
        if [ $p = plain ]; then
            if [ $found -eq 0 ]; then
                diag "$ccn -O2: non-inline 'static' user function with libm: out-of-line copy" \
                     "kept and called directly: $(grep -E 'call.*user_f' "$s" | awk '{print $2}' | sort -u | tr '\n' ' ')"
            else
                diag "$ccn -O2: non-inline 'static' user function with libm: inlined too"
            fi
        else
            [ $found -ne 0 ]
            ok $? "$ccn -O2: $p: user function inlined into both callers (no user_f symbol)"
            # each caller holds its own copy of the pass loop's arithmetic
            for c in caller_a caller_b; do
                sed -n "/^$c:/,/^[[:space:]]*\.size[[:space:]]*$c,/p" "$s" >"$tmp/fn.s"
                grep -Eq 'mul[sp]d' "$tmp/fn.s"
                ok $? "$ccn -O2: $p: $c contains the inlined arithmetic (mulsd/mulpd)"
            done
        fi
    done
    # negative control: at -O0 nothing is propagated, the call through the pointer remains
    "$cc" -std=c11 -O0 -S -fno-asynchronous-unwind-tables -I"$src" "$tmp/small.c" \
        -o "$tmp/small.O0.$ccn.s" 2>"$tmp/err"
    grep -Eq '^[[:space:]]*call[a-z]*[[:space:]]+\*' "$tmp/small.O0.$ccn.s"
    ok $? "$ccn -O0 (control): the detector sees the indirect call of f"

    # the usage example of jacobian.h's top block
    sed -n '/\[usage-begin\]/,/\[usage-end\]/p' "$src/jacobian.h" | sed '1d;$d' |
        sed 's/^ \*   //; s/^ \*$//' >"$tmp/usage.c"
    "$cc" $flags -O2 -I"$src" "$tmp/usage.c" -o "$tmp/usage.$ccn" -lm 2>"$tmp/err"
    st=$?
    ok $st "$ccn: the usage example in jacobian.h compiles with -Wall -Wextra -Wpedantic -Werror"
    [ $st -ne 0 ] && sed 's/^/# /' "$tmp/err" | head -20
    out=$("$tmp/usage.$ccn" 2>&1 | tr '\n' ' ')
    [ "$out" = "12 3 2 1024 " ]
    ok $? "$ccn: the usage example prints the Jacobian [[12, 3], [2, 1024]] (got: $out)"
done

if [ $n -eq 0 ]; then
    echo "1..0 # SKIP no compiler found"
    exit 0
fi
echo "1..$n"
[ $failed -eq 0 ]
