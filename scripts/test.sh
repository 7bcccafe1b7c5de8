#!/usr/bin/env bash
# The whole test suite: formatting, lints (clippy also checks rust-version:
# incompatible_msrv), Rust tests (engine, importer, CLI, generator, benches'
# smoke test), the C library's tests (plain, ASan/UBSan, valgrind) and
# the WASM package's node and browser tests. Installs what those need first,
# skipping what is already installed. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

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

step "C library: plain, ASan/UBSan, valgrind, threads, C = Rust"
bash bindings-c/tests/run.sh

step "WebAssembly: tools (each skipped when already installed)"
rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" = "$bindgen" ] ||
  cargo install wasm-bindgen-cli --version "$bindgen"
[ -x /usr/bin/chromium ] ||
  { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }
(cd bindings-wasm && npm ci --no-audit --no-fund)

step "WebAssembly: package, node tests (API, types, same ranking as native)"
# The test CLI is the debug build `cargo test` already made; wasm-opt (several
# minutes) is for release size, not for correctness.
cli=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/servicematch
WASM_OPT=0 bash bindings-wasm/build.sh
(cd bindings-wasm && SERVICEMATCH_CLI="$cli" npm test)

step "WebAssembly: the offline page in Chromium"
SERVICEMATCH_CLI="$cli" bash examples/web/build.sh
(cd bindings-wasm && npm run test:browser)

step "all tests passed"
