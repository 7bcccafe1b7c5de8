#!/usr/bin/env bash
# The C library's tests, in C.
#
# Builds libservicematch (static and shared), the test index and the Rust
# reference results (tests/support/reference.rs), compiles every tests/*.c
# with gcc -Wall -Wextra -Werror -pedantic -std=c11 against each library (and
# tests/cpp_compat.cpp with g++, for the header's C++ compatibility),
# and runs them: as built, under AddressSanitizer + UndefinedBehaviorSanitizer,
# the threads test under ThreadSanitizer (with nightly Rust; said skipped
# without), and under valgrind (fewer searches under the slower runs). Builds and runs
# examples/c too, on the CLI's demo index, checking every line it prints
# against the results JSON of the same query (tests/referral_expected.py).
# Installs the library into a temporary prefix (bindings-c/install.sh) and
# builds examples/c against it with pkg-config, shared and static.
# Validates the FHIR bundles the C library writes (SM_FHIR_PYTHON: a Python
# with scripts/fhir-requirements.txt; skipped, saying so, without one).
# Prints "c-api: N passed, M failed, K skipped" last; exits 1 on failure.
#
# Usage: bindings-c/tests/run.sh
# Environment:
#   SM_PROFILE           cargo profile to build the library with (default: release, the
#                        library vendors ship; `dev` reuses `cargo test`'s build but
#                        searches there are 10-20x slower: lower SM_THREAD_SEARCHES)
#   SM_THREAD_SEARCHES   searches per thread in the threads test (default: 10000)
#   SM_SKIP_VALGRIND=1   skip the valgrind runs (for machines without valgrind)
#   SM_INSTALL_PROFILE   cargo profile install.sh builds and installs (default: dist,
#                        what ships; `release` reuses the build above)
set -euo pipefail

crate="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$crate")"
profile="${SM_PROFILE:-release}"
searches="${SM_THREAD_SEARCHES:-10000}"
install_profile="${SM_INSTALL_PROFILE:-dist}"
case "$profile" in
dev) profile_dir=debug ;;
*) profile_dir="$profile" ;;
esac

cd "$root"
# What the tests need beyond Rust, installed when missing (Debian packages).
missing=()
command -v gcc >/dev/null || missing+=(gcc libc6-dev)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v pkg-config >/dev/null || missing+=(pkgconf)
command -v objdump >/dev/null || missing+=(binutils)
command -v python3 >/dev/null || missing+=(python3)
[[ "${SM_SKIP_VALGRIND:-}" == 1 ]] || command -v valgrind >/dev/null || missing+=(valgrind)
if ((${#missing[@]})); then
    echo "== installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== building libservicematch ($profile) and the reference results"
cargo build --quiet --profile "$profile" -p servicematch-c --lib --example reference
echo "== building the CLI ($profile), for the demo index and the JSON the example is checked against"
cargo build --quiet --profile "$profile" -p servicematch-cli
target="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
lib="$target/$profile_dir"
[[ -f "$lib/libservicematch.a" && -f "$lib/libservicematch.so" ]] || {
    echo "libservicematch.{a,so} not found in $lib" >&2
    exit 1
}

work="$(mktemp -d "${TMPDIR:-/tmp}/servicematch-c-tests.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$lib/examples/reference" "$work"
index="$work/ranking.smx"

cflags=(-Wall -Wextra -Werror -pedantic -std=c11 -g -I"$crate/include")
# What `cargo rustc -- --print native-static-libs` lists for this target.
static_libs=("$lib/libservicematch.a" -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)
shared_libs=(-L"$lib" -lservicematch -Wl,-rpath,"$lib" -lpthread -lm)
sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)

passed=0
failed=0
skipped=0
# step NAME COMMAND...: runs a command, keeps its output, reports it on failure.
step() {
    local name="$1" start="$SECONDS"
    shift
    if "$@" >"$work/out.txt" 2>&1; then
        passed=$((passed + 1))
        echo "ok    $name$(tail -n 1 "$work/out.txt" | sed -n 's/^[a-z]*: \(.* passed.*\)/: \1/p') [$((SECONDS - start)) s]"
    else
        failed=$((failed + 1))
        echo "FAIL  $name [$((SECONDS - start)) s]"
        sed 's/^/      /' "$work/out.txt" | tail -n 60
    fi
}

compile() { # compile OUT SOURCE FLAGS_AND_LIBS...
    local out="$1" source="$2"
    shift 2
    gcc "${cflags[@]}" "$crate/tests/$source" -o "$work/$out" "$@" 2>&1
}

# compare BINARY [RUNNER...]: C results equal the Rust results, line by line.
compare() {
    local binary="$1"
    shift
    "$@" "$work/$binary" "$index" "$crate/tests/queries.jsonl" >"$work/$binary.txt" &&
        diff -u "$work/rust-results.txt" "$work/$binary.txt"
}

echo "== compiling the C tests (gcc ${cflags[*]})"
for test in api threads compare; do
    step "compile $test.c, static library" compile "$test-static" "$test.c" -O1 "${static_libs[@]}"
    step "compile $test.c, shared library" compile "$test-shared" "$test.c" -O1 "${shared_libs[@]}"
    step "compile $test.c, ASan+UBSan" compile "$test-asan" "$test.c" -O1 "${sanitize[@]}" "${shared_libs[@]}"
done

step "compile cpp_compat.cpp (g++ -std=c++11 -pedantic), shared library" \
    g++ -std=c++11 -Wall -Wextra -Werror -pedantic -I"$crate/include" "$crate/tests/cpp_compat.cpp" \
    -o "$work/cpp-compat" "${shared_libs[@]}"

echo "== running"
step "the header from C++" "$work/cpp-compat"
step "api, static library" "$work/api-static" "$index" "$work"
step "api, shared library" "$work/api-shared" "$index" "$work"
# The FHIR bundles api wrote, validated against the FHIR R4 models
# (scripts/validate_fhir.py; scripts/test.sh installs its Python environment
# and sets SM_FHIR_PYTHON).
fhir_python="${SM_FHIR_PYTHON:-python3}"
if "$fhir_python" -c 'import fhir.resources' 2>/dev/null; then
    step "the C library's FHIR bundles are valid FHIR R4" "$fhir_python" "$root/scripts/validate_fhir.py" \
        "$work/fhir-c-search.json" "$work/fhir-c-service.json"
else
    echo "skipped  the C library's FHIR bundles: $fhir_python has no fhir.resources (scripts/test.sh installs it)"
fi
step "threads, shared library (8 threads x $searches searches)" "$work/threads-shared" "$index" "$searches"
step "threads, static library (8 threads x $((searches / 10)) searches)" "$work/threads-static" "$index" "$((searches / 10))"
step "C results = Rust results, static library" compare compare-static
step "C results = Rust results, shared library" compare compare-shared

echo "== running under AddressSanitizer + UndefinedBehaviorSanitizer"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
step "api, ASan+UBSan" "$work/api-asan" "$index" "$work"
step "threads, ASan+UBSan (8 threads x $((searches / 20)) searches)" "$work/threads-asan" "$index" "$((searches / 20))"
step "C results = Rust results, ASan+UBSan" compare compare-asan
unset ASAN_OPTIONS UBSAN_OPTIONS

echo "== running under ThreadSanitizer"
# The library and Rust's std rebuilt with -Zsanitizer=thread (nightly,
# -Zbuild-std: an uninstrumented std would report its own atomics as
# races), threads.c compiled with gcc -fsanitize=thread; any report fails.
tsan_target=x86_64-unknown-linux-gnu
if [[ "$(uname -m)-$(uname -s)" == x86_64-Linux ]] && cargo +nightly --version >/dev/null 2>&1 &&
    [[ -d "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library" ]]; then
    # The dev profile: a release build of std and every crate, instrumented,
    # takes several times longer to compile, for a test that runs seconds.
    tsan_lib="$target/$tsan_target/debug"
    step "build libservicematch with ThreadSanitizer (nightly, -Zsanitizer=thread -Zbuild-std, dev profile)" \
        env RUSTFLAGS="-Zsanitizer=thread" cargo +nightly build --quiet -Zbuild-std \
        --target "$tsan_target" --profile dev -p servicematch-c --lib
    # support/tsan.c: the __tsan_mem* entry points LLVM's instrumentation
    # calls and GCC 12's libtsan lacks (see the file).
    step "compile threads.c, ThreadSanitizer" compile threads-tsan threads.c -O1 -fsanitize=thread \
        "$crate/tests/support/tsan.c" -L"$tsan_lib" -lservicematch -Wl,-rpath,"$tsan_lib" -lpthread -lm
    export TSAN_OPTIONS="halt_on_error=1:exitcode=66"
    step "threads, ThreadSanitizer (8 threads x $((searches / 100)) searches, the shared index opened fresh)" \
        "$work/threads-tsan" "$index" "$((searches / 100))"
    unset TSAN_OPTIONS
else
    echo "skipped  threads under ThreadSanitizer: needs x86_64 Linux and the nightly toolchain with rust-src"
    echo "         (rustup toolchain install nightly --component rust-src)"
fi

if [[ "${SM_SKIP_VALGRIND:-}" != 1 ]]; then
    echo "== running under valgrind"
    # valgrind.supp explains its one suppression: tables the engine builds once
    # per process in OnceLock statics, which valgrind calls "possibly lost".
    valgrind=(valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect,possible
        --num-callers=40 --suppressions="$crate/tests/valgrind.supp" --error-exitcode=1)
    step "api, valgrind" "${valgrind[@]}" "$work/api-shared" "$index" "$work"
    step "threads, valgrind (8 threads x 25 searches)" "${valgrind[@]}" "$work/threads-shared" "$index" 25
    step "C results = Rust results, valgrind" compare compare-shared "${valgrind[@]}"
fi

echo "== examples/c"
example() {
    make --no-print-directory -C "$root/examples/c" clean all LIBDIR="$lib" \
        BUILDDIR="$work/example" >/dev/null &&
        "$work/example/referral" --index "$index" P3E2C6 72 fr | tee /dev/stderr | grep -q "Seniors Meals on Wheels"
}
step "examples/c builds and finds services" example

# The demo index, built by the CLI where $SERVICEMATCH_DEMO_INDEX says (as the
# quick start builds it into the cache folder).
demo="$work/demo.smx"
cli() { SERVICEMATCH_DEMO_INDEX="$demo" "$lib/servicematch" "$@"; }
# example_prints_the_results ARGS...: every line the example prints for a
# patient (ARGS: postal code, age, language, need) is the results JSON's.
example_prints_the_results() {
    local expected="$crate/tests/referral_expected.py"
    cli search --json --query-json "$(python3 "$expected" --query "$@")" >"$work/results.json" &&
        python3 "$expected" "$@" <"$work/results.json" >"$work/expected.txt" &&
        "$work/example/referral" --index "$demo" "$@" >"$work/example.txt" &&
        diff -u "$work/expected.txt" "$work/example.txt"
}
step "examples/c prints each field beside its label (demo index, meals)" \
    example_prints_the_results P3E2C6 72 fr meals
step "examples/c prints each field beside its label (demo index, aide alimentaire)" \
    example_prints_the_results "K1N 5T5" 40 fr aide alimentaire
step "examples/c prints each field beside its label (demo index, no need)" \
    example_prints_the_results M5V2T6 30 en
# example_shows_the_record ID: the record the example shows (sm_index_service_json)
# is the CLI's `show ID --json`; an unknown id is an error naming it.
example_shows_the_record() {
    "$work/example/referral" --index "$demo" --show "$1" >"$work/record.json" &&
        cli show "$1" --index "$demo" --json >"$work/cli-record.json" &&
        python3 -c 'import json, sys
a, b = (json.load(open(path)) for path in sys.argv[1:3])
sys.exit(0 if a == b and a["id"] == sys.argv[3] else "the records differ")' \
            "$work/record.json" "$work/cli-record.json" "$1" &&
        ! "$work/example/referral" --index "$demo" --show no-such-id 2>"$work/unknown.txt" &&
        grep -q 'no service with id "no-such-id"' "$work/unknown.txt"
}
step "examples/c shows a service's full record, as the CLI's show --json" \
    example_shows_the_record synth-0001493

echo "== privacy: no network and no file beyond the index, the libraries and the demo cache (strace -f)"
# tests/privacy.py fails on any network syscall (socket, connect, bind,
# sendto, sendmsg…, even a local one) and on any path opened, tested or
# created beyond the loader's files, the program's libraries, locale and
# time-zone data and the paths allowed here.
privacy() { python3 "$crate/tests/privacy.py" "$@"; }
if command -v strace >/dev/null; then
    step "privacy: examples/c searches and shows a record through libservicematch.so" \
        bash -c '"$0" --allow "$1" --libdir "$2" -- "$3" --index "$1" P3E2C6 72 fr &&
                 "$0" --allow "$1" --libdir "$2" -- "$3" --index "$1" --show s02' \
        "$crate/tests/privacy.py" "$index" "$lib" "$work/example/referral"
    step "privacy: the C results test, every query of queries.jsonl (static library)" \
        privacy --allow "$index" --allow "$crate/tests/queries.jsonl" -- \
        "$work/compare-static" "$index" "$crate/tests/queries.jsonl"
    step "privacy: the CLI searches with every filter, as FHIR, shows and prints a handout" \
        bash -c 'for args in "search food --near P3E2C6 --radius-km 25 --age 72 --lang fr --open-now --free --wheelchair --json" \
                 "search aide --near Sudbury --fhir" "show s02 --json" "handout s02 s05 --html"; do
                     "$0" --allow "$1" -- "$2" $args --index "$1" || exit 1; done' \
        "$crate/tests/privacy.py" "$index" "$lib/servicematch"
    # The demo index: the first search builds it into the cache folder, the
    # next ones read it.
    step "privacy: the CLI's demo directory, built into the cache on first use, then searched" \
        bash -c 'for run in build read; do
                     XDG_CACHE_HOME="$1" "$0" --allow "$1" -- "$2" search food --near Sudbury || exit 1; done' \
        "$crate/tests/privacy.py" "$work/cache" "$lib/servicematch"
else
    skipped=$((skipped + 4))
    echo "skipped  privacy (4 checks): strace is not installed"
fi

echo "== installed as a C library (bindings-c/install.sh --profile $install_profile), found with pkg-config"
# install_profile: what the install step installs. dist (LTO, one codegen unit)
# is what ships; SM_INSTALL_PROFILE=release reuses the build above.
prefix="$work/prefix"
pc() { PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config "$@"; }
install_lib() {
    bash "$crate/install.sh" --prefix "$prefix" --profile "$install_profile" &&
        [[ "$(readlink "$prefix/lib/libservicematch.so")" == libservicematch.so.0 ]] &&
        objdump -p "$prefix/lib/libservicematch.so.0" | grep -q 'SONAME *libservicematch.so.0$' &&
        ! objdump -h "$prefix/lib/libservicematch.so.0" | grep -q '\.debug_' &&
        pc --modversion servicematch | grep -qx "$(awk -F'"' '/^version = / { print $2; exit }' "$root/Cargo.toml")"
}
# The example, built as a C project builds against an installed library.
example_with_pkg_config() {
    # shellcheck disable=SC2046 # pkg-config's output is a list of flags
    gcc "${cflags[@]}" -O2 "$root/examples/c/referral.c" -o "$work/referral-pc" \
        $(pc --cflags --libs servicematch) -Wl,-rpath,"$prefix/lib" &&
        objdump -p "$work/referral-pc" | grep -q 'NEEDED *libservicematch.so.0$' &&
        "$work/referral-pc" --index "$index" P3E2C6 72 fr | grep -q "Seniors Meals on Wheels"
}
example_static_with_pkg_config() {
    # shellcheck disable=SC2046
    gcc "${cflags[@]}" -O2 "$root/examples/c/referral.c" -o "$work/referral-pc-static" \
        $(pc --cflags servicematch) -L"$prefix/lib" -Wl,-Bstatic -lservicematch -Wl,-Bdynamic \
        $(pc --static --libs-only-l servicematch | sed 's/-lservicematch//') &&
        ! objdump -p "$work/referral-pc-static" | grep -q 'NEEDED *libservicematch' &&
        "$work/referral-pc-static" --index "$index" P3E2C6 72 fr | grep -q "Seniors Meals on Wheels"
}
step "install.sh lays out the soname, symlinks, static library, header and servicematch.pc" install_lib
sed -n 's/^  \.\//      /p' "$work/out.txt"
echo "      pkg-config --cflags --libs servicematch: $(pc --cflags --libs servicematch 2>&1)"
step "examples/c builds with pkg-config --cflags --libs servicematch and runs" example_with_pkg_config
step "examples/c links the installed static library with pkg-config --static" example_static_with_pkg_config

echo "c-api: $passed passed, $failed failed, $skipped skipped"
[[ "$failed" == 0 ]]
