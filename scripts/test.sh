#!/usr/bin/env bash
# The whole test suite: formatting, lints, Rust tests (core, CLI, generator,
# benches' smoke test), the C library's tests (plain, ASan/UBSan, valgrind) and
# the WASM package's node and browser tests. Installs what those need first,
# skipping what is already installed. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests"
cargo test --workspace --locked

for suite in bindings-c/tests/run.sh bindings-wasm/test.sh; do
  if [ -f "$suite" ]; then
    step "$suite"
    bash "$suite"
  fi
done

step "all tests passed"
