#!/usr/bin/env bash
# Installs the C library as C libraries are installed:
#
#   PREFIX/lib/libservicematch.so.0.1.0          the shared library (soname libservicematch.so.0, set here)
#   PREFIX/lib/libservicematch.so.0 -> libservicematch.so.0.1.0
#   PREFIX/lib/libservicematch.so   -> libservicematch.so.0   (for -lservicematch)
#   PREFIX/lib/libservicematch.a                 the static library
#   PREFIX/include/servicematch.h
#   PREFIX/lib/pkgconfig/servicematch.pc         pkg-config --cflags --libs [--static] servicematch
#
# Builds with the `dist` profile (optimised, no debug info, symbols stripped)
# unless told otherwise; the installed libraries carry no debug information.
#
# Usage: bindings-c/install.sh [--prefix DIR] [--libdir DIR] [--profile NAME] [--no-build]
#   --prefix   where to install (default /usr/local); DESTDIR is honoured, for packaging
#   --libdir   library folder (default PREFIX/lib)
#   --profile  cargo profile to build or take the libraries from (default dist)
#   --no-build install what the profile last built
# Environment: CARGO_TARGET_DIR.
set -euo pipefail

crate=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$crate")
prefix=/usr/local
libdir=
profile=dist
build=1
while (($#)); do
    case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --libdir) libdir=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--prefix DIR] [--libdir DIR] [--profile NAME] [--no-build]" >&2; exit 2 ;;
    esac
done
libdir=${libdir:-$prefix/lib}
includedir=$prefix/include
case "$profile" in
dev) profile_dir=debug ;;
*) profile_dir=$profile ;;
esac

version=$(awk -F'"' '/^version = / { print $2; exit }' "$root/Cargo.toml")
major=${version%%.*}
if ((build)); then
    # The soname is given here, not in every build: a program linked against
    # the library in target/ (examples/c, the C tests, a checkout's users)
    # would otherwise need a libservicematch.so.0 there. The shared library
    # is built last, so that it is the one with the soname.
    (cd "$root" &&
        cargo rustc --quiet --locked --profile "$profile" -p servicematch-c --lib --crate-type staticlib &&
        cargo rustc --quiet --locked --profile "$profile" -p servicematch-c --lib --crate-type cdylib -- \
            -C "link-arg=-Wl,-soname,libservicematch.so.$major")
fi
target=${CARGO_TARGET_DIR:-$root/target}
built=$target/$profile_dir
for file in libservicematch.so libservicematch.a; do
    [[ -f "$built/$file" ]] || { echo "error: $built/$file not found (build with --profile $profile)" >&2; exit 1; }
done
soname=$(objdump -p "$built/libservicematch.so" 2>/dev/null | awk '/SONAME/ { print $2 }')
[[ "$soname" == "libservicematch.so.$major" ]] ||
    { echo "error: $built/libservicematch.so has soname '${soname:-none}', not libservicematch.so.$major (built by cargo build, not by this script: run it without --no-build)" >&2; exit 1; }

dest=${DESTDIR:-}
install -d "$dest$libdir" "$dest$libdir/pkgconfig" "$dest$includedir"
# No debug information, whatever the profile kept: the shared library keeps
# its dynamic symbols (the API), the static one its symbol table (the linker
# needs it).
install -m 755 "$built/libservicematch.so" "$dest$libdir/libservicematch.so.$version"
strip --strip-unneeded "$dest$libdir/libservicematch.so.$version"
ln -sfn "libservicematch.so.$version" "$dest$libdir/libservicematch.so.$major"
ln -sfn "libservicematch.so.$major" "$dest$libdir/libservicematch.so"
install -m 644 "$built/libservicematch.a" "$dest$libdir/libservicematch.a"
# The standard library's objects also embed LLVM bitcode (.llvmbc), which
# only Rust's own LTO reads: two thirds of the archive.
strip --strip-debug --remove-section=.llvmbc --remove-section=.llvmcmd "$dest$libdir/libservicematch.a"
install -m 644 "$crate/include/servicematch.h" "$dest$includedir/servicematch.h"
# What the static library needs from the system: `cargo rustc -p
# servicematch-c --crate-type staticlib -- --print native-static-libs`.
cat >"$dest$libdir/pkgconfig/servicematch.pc" <<PC
prefix=$prefix
libdir=$libdir
includedir=$includedir

Name: servicematch
Description: Match people to community health and social services, offline (211 referral lookup)
URL: https://github.com/servicematch/servicematch
Version: $version
Libs: -L\${libdir} -lservicematch
Libs.private: -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
Cflags: -I\${includedir}
PC
echo "installed servicematch $version into $dest$prefix:"
(cd "$dest$prefix" && find . -path "./${libdir#"$prefix"/}/*servicematch*" -o -path "./include/servicematch.h" | sort | while read -r file; do
    if [[ -L "$file" ]]; then echo "  $file -> $(readlink "$file")"; else echo "  $file ($(stat -c %s "$file") bytes)"; fi
done)
