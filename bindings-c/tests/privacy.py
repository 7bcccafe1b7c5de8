#!/usr/bin/env python3
"""Runs a program under `strace -f` and fails if it touched the network or
any file beyond those allowed: no socket, connect, bind, sendto, sendmsg…
of any kind (not even a local one), and no path opened, tested or created
but the dynamic loader's files, the program's own libraries, locale and
time-zone data, and the paths given with --allow (the index, the demo cache).

    privacy.py [--allow PATH]... [--libdir DIR]... -- PROGRAM ARGS...

A path given with --allow allows itself and, when it is a folder, what is
in it. A folder given with --libdir (a program's rpath) allows what the
dynamic loader looks for there: shared libraries, in the folder or in its
hardware-capability subfolders (glibc-hwcaps/x86-64-v3/, tls/haswell/…). Prints what the program touched; exits 1 on anything else, 2 when
strace is missing (run.sh reports that as skipped).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

# What every dynamically linked program reads to start, on Debian and others.
SYSTEM = (
    "/etc/ld.so.cache",
    "/etc/ld.so.preload",
    "/lib/",
    "/lib64/",
    "/usr/lib/",
    "/usr/lib64/",
    "/usr/local/lib/",
    # Locale and time-zone data: the C library may look; nothing is sent.
    "/usr/share/locale/",
    "/usr/share/zoneinfo/",
    "/etc/localtime",
    # The Rust runtime finds the main thread's stack (its guard page) here.
    "/proc/self/maps",
    # The program's own file (the CLI keys its demo cache on it).
    "/proc/self/exe",
)
# Syscalls of strace's %network class: any one is a failure.
NETWORK = re.compile(
    r"^(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|sendmmsg|"
    r"recvfrom|recvmsg|recvmmsg|getsockname|getpeername|setsockopt|getsockopt|shutdown)\("
)
# What the loader probes in a library folder: capability subfolders, then
# a shared library's name.
LOADER_PROBE = re.compile(
    r"^((glibc-hwcaps|tls|haswell|avx512_1|x86_64|x86-64-v\d)(/|$))*([^/]+\.so(\.\d+)*)?$"
)
LINE = re.compile(r"^\d+\s+(?P<call>\w+)\((?P<args>.*)$")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def main(argv):
    allow, libdirs = [], []
    while argv and argv[0] in ("--allow", "--libdir"):
        (allow if argv[0] == "--allow" else libdirs).append(os.path.realpath(argv[1]))
        argv = argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        sys.exit(__doc__)
    if shutil.which("strace") is None:
        print("skipped: strace is not installed")
        return 2
    program = os.path.realpath(shutil.which(argv[0]) or argv[0])
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as trace:
        run = subprocess.run(
            ["strace", "-f", "-qq", "-e", "signal=none", "-e", "trace=%network,%file",
             "-o", trace.name, *argv],
            stdout=subprocess.DEVNULL,
        )
        lines = trace.read().splitlines()
    bad, seen = [], set()
    if run.returncode != 0:
        bad.append(f"{' '.join(argv)} failed (exit {run.returncode})")
    for line in lines:
        match = LINE.match(line)
        if not match:
            continue
        call, args = match["call"], match["args"]
        if NETWORK.match(f"{call}("):
            bad.append(f"network: {call}({args[:100]}")
            continue
        if call == "execve":
            # The program itself; its argv strings are not paths.
            continue
        # The path arguments: the first string, and the second of those
        # that take two (a read link's result is not one).
        paths = 2 if call.startswith(("rename", "link", "symlink")) else 1
        for path in QUOTED.findall(args)[:paths]:
            if not path or not (path.startswith("/") or call.startswith(("open", "stat", "access"))):
                continue
            seen.add(path)
            # /proc/self/… is the traced program's, not this script's: not resolved.
            real = os.path.realpath(path) if path.startswith("/") and not path.startswith("/proc/") else os.path.abspath(path)
            allowed = (
                (path + "/").startswith(SYSTEM)
                or (real + "/").startswith(SYSTEM)
                or real == program
                or any(real == a or real.startswith(a + os.sep) for a in allow)
                or any(
                    real == d
                    or real.startswith(d + os.sep) and LOADER_PROBE.match(os.path.relpath(real, d))
                    for d in libdirs
                )
            )
            if not allowed:
                bad.append(f"file: {call}({args[:120]}")
    for path in sorted(seen)[:40]:
        print(f"  touched {path}")
    if bad:
        print(f"not allowed ({len(bad)}, the first 30):")
        for line in bad[:30]:
            print(f"  {line}")
        return 1
    print(f"privacy: {len(lines)} file and network calls traced, none beyond the allowed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
