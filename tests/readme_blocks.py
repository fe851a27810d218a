#!/usr/bin/env python3
"""readme_blocks.py - every C code block of README.md compiles (and runs, if it has main).

usage: readme_blocks.py SRCDIR [CC ...]
  SRCDIR  the dualjac source tree (README.md, dual.h, jacobian.h)
  CC      the compiler command, possibly several words (default: cc)

Each block fenced with ```c is one complete translation unit. It is compiled with the
project's warnings as errors (-std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion
-Wdouble-promotion -Werror) and -I SRCDIR; a block that defines main is linked with -lm and
run, and must exit 0. Fragments that are not meant to compile belong in ``` blocks without
the c tag. Output: TAP, one or two checks per block.
"""
import os
import re
import subprocess
import sys
import tempfile

FLAGS = ["-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Wshadow", "-Wconversion",
         "-Wdouble-promotion", "-Werror"]


def blocks(text):
    """(line number, code) of every ```c block."""
    out, code, start = [], None, 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if code is None:
            if stripped == "```c":
                code, start = [], number + 1
        elif stripped == "```":
            out.append((start, "\n".join(code) + "\n"))
            code = None
        else:
            code.append(line)
    return out


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    src = os.path.abspath(sys.argv[1])
    cc = sys.argv[2:] or ["cc"]
    with open(os.path.join(src, "README.md"), encoding="utf-8") as f:
        found = blocks(f.read())
    plan = sum(2 if re.search(r"\bint\s+main\s*\(", code) else 1 for _, code in found)
    print(f"1..{max(plan, 1)}")
    if not found:
        print("not ok 1 - README.md has no ```c block")
        return 1
    n = failed = 0

    def report(ok, what, detail=""):
        nonlocal n, failed
        n += 1
        print(("ok" if ok else "not ok") + f" {n} - {what}")
        if not ok:
            failed += 1
            for line in detail.splitlines()[-40:]:
                print("# " + line)

    with tempfile.TemporaryDirectory(prefix="dualjac_readme.") as tmp:
        for line, code in found:
            name = os.path.join(tmp, f"block_{line}.c")
            with open(name, "w", encoding="utf-8") as f:
                f.write(code)
            has_main = re.search(r"\bint\s+main\s*\(", code) is not None
            exe = name[:-2]
            cmd = cc + FLAGS + ["-I", src, name]
            cmd += ["-o", exe, "-lm"] if has_main else ["-c", "-o", exe + ".o"]
            r = subprocess.run(cmd, capture_output=True, text=True, check=False)
            report(r.returncode == 0, f"README.md line {line}: the block compiles",
                   " ".join(cmd) + "\n" + r.stdout + r.stderr)
            if has_main:
                if r.returncode != 0:
                    report(False, f"README.md line {line}: the program runs (not built)")
                    continue
                r = subprocess.run([exe], capture_output=True, text=True, check=False,
                                   timeout=60)
                report(r.returncode == 0,
                       f"README.md line {line}: the program runs and exits 0",
                       f"exit status {r.returncode}\n" + r.stdout + r.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
