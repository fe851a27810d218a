#!/bin/sh
# run.sh - build a tiny consumer project (tests/consumers/project: app.c and meson.build)
# against dualjac in each of the three ways README.md shows, and run it. Output: TAP.
#
# usage: tests/consumers/run.sh SRCDIR
#   SRCDIR  the dualjac source tree (holding dual.h, jacobian.h, meson.build)
# environment:
#   CC      C compiler command (default cc); also used by the nested Meson builds
#   MESON   Meson command (default meson)
#
#   (a) plain compiler:  $CC -std=c11 <warnings> -Werror -I SRCDIR app.c -lm
#   (b) Meson subproject: project/ + subprojects/dualjac (a symlink to SRCDIR) +
#       subprojects/dualjac.wrap ([wrap-file] directory = dualjac, [provide]
#       dependency_names = dualjac); `meson setup --force-fallback-for=dualjac` so that an
#       installed dualjac cannot stand in for the subproject; no network.
#   (c) installed: `meson setup` + `meson install --destdir STAGE` of SRCDIR (prefix
#       /usr/local), then pkg-config with PKG_CONFIG_PATH at the staged .pc and
#       PKG_CONFIG_SYSROOT_DIR=STAGE (so its -I points into the stage): the headers must be in
#       include/dualjac/, the Cflags must point there, and app.c (#include "jacobian.h") must
#       build with plain cc and as a Meson project using dependency('dualjac').
# A step whose tool is missing (meson, pkg-config) is reported as skipped, not failed.
set -u

src=${1:?usage: run.sh SRCDIR}
src=$(cd "$src" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
CC=${CC:-cc}
MESON=${MESON:-meson}
warn="-std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wdouble-promotion -Werror"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dualjac_consumers.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
log=$tmp/log

n=0
failed=0
ok() { # ok STATUS DESCRIPTION: report one check; on failure show the log
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
        sed 's/^/# /' "$log" | tail -n 40
    fi
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
run() { "$@" >>"$log" 2>&1; } # run a command, its output into the log

echo "1..10"

# ---------------------------------------------------------------- (a) plain cc -I
: >"$log"
# shellcheck disable=SC2086 # CC and warn are word lists
run $CC $warn -I "$src" "$here/project/app.c" -o "$tmp/app_cc" -lm
ok $? "(a) cc -I SRCDIR app.c -lm builds with the project's warnings as errors"
: >"$log"
run "$tmp/app_cc"
ok $? "(a) the program runs and finds the right Jacobian"

have_meson=1
command -v "$MESON" >/dev/null 2>&1 || have_meson=0

# ---------------------------------------------------------------- (b) Meson subproject
: >"$log"
if [ $have_meson -eq 1 ]; then
    b=$tmp/subproject
    mkdir -p "$b/subprojects"
    cp "$here/project/meson.build" "$here/project/app.c" "$b/"
    ln -s "$src" "$b/subprojects/dualjac"
    cp "$here/dualjac.wrap" "$b/subprojects/dualjac.wrap"
    CC="$CC" run "$MESON" setup "$b/build" "$b" --force-fallback-for=dualjac --werror &&
        run "$MESON" compile -C "$b/build"
    ok $? "(b) a Meson project with subprojects/dualjac and dualjac.wrap configures and builds"
    grep -q "Executing subproject dualjac" "$log"
    ok $? "(b) dependency('dualjac') was provided by the subproject"
    : >"$log"
    run "$b/build/app"
    ok $? "(b) the program runs and finds the right Jacobian"
else
    for d in "configures and builds" "used the subproject" "runs"; do skip "(b) $d" "no meson"; done
fi

# ---------------------------------------------------------------- (c) installed, pkg-config
: >"$log"
if [ $have_meson -eq 1 ]; then
    stage=$tmp/stage
    CC="$CC" run "$MESON" setup "$tmp/install-build" "$src" --prefix=/usr/local \
        -Dbuild_examples=false -Dbuild_tests=false -Dbuild_bench=false &&
        run "$MESON" install -C "$tmp/install-build" --destdir "$stage"
    ok $? "(c) meson install --destdir STAGE of dualjac (prefix /usr/local)"
    : >"$log"
    inc=$stage/usr/local/include/dualjac
    test -f "$inc/dual.h" && test -f "$inc/jacobian.h"
    st=$?
    [ $st -eq 0 ] || find "$stage" >>"$log" 2>&1
    ok $st "(c) dual.h and jacobian.h are installed in include/dualjac/"
else
    for d in "meson install" "headers in include/dualjac/"; do skip "(c) $d" "no meson"; done
fi

: >"$log"
pc=$(find "$tmp/stage" -name dualjac.pc 2>/dev/null | head -n 1)
if [ -n "$pc" ] && command -v pkg-config >/dev/null 2>&1; then
    PKG_CONFIG_PATH=$(dirname "$pc")
    PKG_CONFIG_SYSROOT_DIR=$stage
    export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
    cflags=$(pkg-config --cflags dualjac) && libs=$(pkg-config --libs dualjac)
    echo "pkg-config --cflags: $cflags; --libs: $libs" >>"$log"
    case " $cflags " in
    *" -I$inc "*) st=0 ;;
    *) st=1 ;;
    esac
    ok $st "(c) pkg-config --cflags dualjac points at include/dualjac"
    : >"$log"
    # shellcheck disable=SC2086
    run $CC $warn $cflags "$here/project/app.c" -o "$tmp/app_pc" $libs && run "$tmp/app_pc"
    ok $? "(c) cc \$(pkg-config --cflags dualjac) app.c \$(pkg-config --libs dualjac) builds, runs"
    : >"$log"
    c=$tmp/installed
    mkdir -p "$c"
    cp "$here/project/meson.build" "$here/project/app.c" "$c/"
    CC="$CC" run "$MESON" setup "$c/build" "$c" --wrap-mode=nofallback --werror &&
        run "$MESON" compile -C "$c/build" && run "$c/build/app"
    ok $? "(c) a Meson project finds the installed dualjac with dependency('dualjac')"
else
    for d in "pkg-config --cflags" "cc with pkg-config" "Meson with pkg-config"; do
        skip "(c) $d" "no dualjac.pc staged or no pkg-config"
    done
fi

[ $failed -eq 0 ]
