#!/usr/bin/env bash
# The whole test suite: formatting, lints (clippy also checks rust-version:
# incompatible_msrv), Rust tests (engine, importer, CLI, generator, benches'
# smoke test), 16 threads x 100,000 searches (release), the unsafe audit
# (UNSAFE.md), Miri on core's and the C boundary's unit tests (nightly), the
# FHIR bundles validated against the FHIR R4 models, the referral handout
# printed to PDF, the C library's tests (plain, ASan/UBSan, ThreadSanitizer
# on nightly, valgrind, installed and found with pkg-config) and the WASM package's node,
# consumer and browser tests. Installs what those need first, skipping what
# is already installed. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says when it starts (minutes:seconds since the suite began), so
# a run's log shows where its time goes.
step() { printf '\n== [%d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

step "nightly components, when nightly is present (each skipped when installed)"
# rust-src: ThreadSanitizer's and the WASM package's rebuilt std; miri: Miri.
if cargo +nightly --version >/dev/null 2>&1; then
  for component in rust-src miri; do
    rustup component list --toolchain nightly --installed | grep -q "^$component" ||
      rustup component add "$component" --toolchain nightly
  done
else
  echo "skipped: no nightly toolchain (Miri, ThreadSanitizer and fuzzing are skipped below, saying so)"
fi

step "formatting"
cargo fmt --all -- --check
cargo fmt --all --manifest-path fuzz/Cargo.toml -- --check

step "lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "the C library and the WebAssembly module link the engine alone"
for crate in servicematch-c servicematch-wasm; do
  if cargo tree --locked -p "$crate" -e normal --prefix none |
    grep -E '^(servicematch-hsds|zip|isolang|html-escape|csv) '; then
    echo "$crate links what only the HSDS import needs (above)"
    exit 1
  fi
done

step "Rust tests"
cargo test --workspace --locked

step "unsafe: every block, fn and impl has its SAFETY argument, as UNSAFE.md lists"
python3 scripts/unsafe_audit.py --check

step "Miri: core's unit tests and the C boundary's (nightly; see UNSAFE.md for what cannot run there)"
if cargo +nightly miri --version >/dev/null 2>&1; then
  # core: the container, the text section's directory, queries, ranking,
  # eligibility, FHIR, areas, categories (the rest run under Miri too, but
  # for hours: see UNSAFE.md); the C boundary: every unit test.
  cargo +nightly miri test --locked -p servicematch --lib -- format::tests format::text::tests \
    format::areas format::categories query:: rank:: eligibility fhir index::tests
  cargo +nightly miri test --locked -p servicematch-c --lib
else
  echo "skipped: no nightly toolchain with miri (rustup component add miri --toolchain nightly)"
fi

cli=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/servicematch

step "FHIR R4: the validator (fhir.resources, FHIR 4.0.1 models; skipped when installed)"
# Its own virtual environment: fhir.resources 6.1.0 needs pydantic 1.
fhir_env=${XDG_CACHE_HOME:-$HOME/.cache}/servicematch/fhir-r4
if ! "$fhir_env/bin/python" -c 'import fhir.resources' 2>/dev/null; then
  python3 -m venv "$fhir_env" &&
    "$fhir_env/bin/pip" install --quiet --disable-pip-version-check -r scripts/fhir-requirements.txt ||
    { pip_failed=1; rm -rf "$fhir_env"; }
fi
export SM_FHIR_PYTHON=$fhir_env/bin/python

step "FHIR R4: the CLI's bundles validated (search --fhir, show --fhir, on the demo directory)"
if [ -n "${pip_failed:-}" ]; then
  # Only when PyPI cannot be reached: every other failure fails the suite.
  pip download --quiet --no-deps --dest "$(mktemp -d)" fhir.resources==6.1.0 >/dev/null 2>&1 && exit 1
  echo "skipped: PyPI is unreachable, fhir.resources could not be installed"
else
  fhir_out=$(mktemp -d)
  "$cli" search food --near "P3E 2C6" --lang fr --fhir >"$fhir_out/search-food.json"
  "$cli" search --query-json '{"near": "K1N 5T5", "client": {"age": 72}, "limit": 200}' --fhir >"$fhir_out/search-near-200.json"
  "$cli" search "aide alimentaire" --wheelchair --fhir >"$fhir_out/search-wheelchair.json"
  "$cli" search --query-json '{"text": "food", "near": {"lat": 60, "lon": -100}, "radius_km": 1}' --fhir >"$fhir_out/search-no-match.json"
  for id in synth-0000001 synth-0001493; do
    "$cli" show "$id" --fhir >"$fhir_out/show-$id.json"
  done
  "$SM_FHIR_PYTHON" scripts/validate_fhir.py "$fhir_out"/*.json
fi

step "Referral handout: printed to PDF by headless Chromium, read back with pdftotext"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if ((${#missing[@]})); then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 scripts/handout_pdf.py "$cli" synth-0000280 synth-0001493 synth-0000001

step "Fuzzing: each cargo-fuzz target for 30 s from a fixed seed (nightly, AddressSanitizer)"
if cargo +nightly --version >/dev/null 2>&1; then
  cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
  # A fixed seed: every machine tries the same inputs (as many as it has
  # time for), so the suite passes or fails with the code, not with luck.
  # Searching for new bugs is scripts/fuzz.sh's own job (random seeds).
  FUZZ_SECONDS=${FUZZ_SECONDS:-30} FUZZ_SEED=${FUZZ_SEED:-1} bash scripts/fuzz.sh
else
  echo "skipped: no nightly toolchain (rustup toolchain install nightly)"
fi

step "C library: plain, ASan/UBSan, valgrind, threads, C = Rust, FHIR, privacy under strace, installed with pkg-config"
bash bindings-c/tests/run.sh

step "16 threads x 100,000 searches of the benchmark mix with every filter (release, after the C library: its release build is reused): byte for byte the answers of one"
# The normal suite runs 4,000 on the debug build (core/tests/concurrency.rs).
SERVICEMATCH_CONCURRENT_QUERIES=100000 cargo test --release --locked -p servicematch --test tests concurrency

step "WebAssembly: tools (each skipped when already installed)"
rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" = "$bindgen" ] ||
  cargo install wasm-bindgen-cli --version "$bindgen"
(cd bindings-wasm && npm ci --no-audit --no-fund)

step "WebAssembly: package (optimised, as published), node tests (API, types, same ranking and outputs as native, no network API touched)"
# The test CLI is the debug build `cargo test` already made. The package is
# the one users get: wasm-opt -Oz, tested as it ships.
bash bindings-wasm/build.sh
(cd bindings-wasm && SERVICEMATCH_CLI="$cli" npm test)

step "WebAssembly: the npm package as a consumer meets it (npm pack, ESM, CommonJS, tsc --strict, esbuild, Chromium)"
(cd bindings-wasm && SERVICEMATCH_CLI="$cli" npm run test:consumer)

step "WebAssembly: the offline page in Chromium (and a hostile directory under its Content-Security-Policy)"
SERVICEMATCH_CLI="$cli" bash examples/web/build.sh
(cd bindings-wasm && SERVICEMATCH_CLI="$cli" npm run test:browser)

step "all tests passed"
