#!/usr/bin/env python3
"""Count the real test results of one or more Meson build directories.

Every numbered TAP line "ok N" / "not ok N" of every test counts as one check; a test that produced no
TAP line (a plain exit-code test, or one that crashed before printing) counts as one check by
its Meson result, and a TAP test that Meson failed without any "not ok" line (a crash, a bad
plan) adds one failure. Prints per build and then one line "N passed, M failed".
"""
import json
import os
import re
import sys

OK = re.compile(r"^ok\s+\d+")
NOT_OK = re.compile(r"^not ok\s+\d+")


def count(build):
    log = os.path.join(build, "meson-logs", "testlog.json")
    passed = failed = 0
    if not os.path.exists(log):
        print(f"{build}: no test log", file=sys.stderr)
        return 0, 1
    with open(log) as fh:
        for line in fh:
            t = json.loads(line)
            out = (t.get("stdout") or "").splitlines()
            ok = sum(1 for l in out if OK.match(l))
            bad = sum(1 for l in out if NOT_OK.match(l))
            result = t.get("result", "")
            good = result in ("OK", "EXPECTEDFAIL", "SKIP")
            if ok + bad == 0:
                ok, bad = (1, 0) if good else (0, 1)
            elif not good and bad == 0:
                bad = 1
            passed += ok
            failed += bad
    print(f"{build}: {passed} passed, {failed} failed")
    return passed, failed


def main():
    total_p = total_f = 0
    for build in sys.argv[1:]:
        p, f = count(build)
        total_p += p
        total_f += f
    if total_p + total_f == 0:
        total_f = 1
    print(f"{total_p} passed, {total_f} failed")
    return 1 if total_f else 0


if __name__ == "__main__":
    sys.exit(main())
