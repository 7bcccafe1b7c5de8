#!/usr/bin/env bash
# Builds the npm package `servicematch` into bindings-wasm/pkg/:
#   pkg/web/   ES module for browsers and Web Workers (wasm-bindgen --target web)
#   pkg/node/  CommonJS module for node (wasm-bindgen --target nodejs)
#   pkg/package.json  picks one per environment ("exports" conditions)
#
# Needs: the wasm32-unknown-unknown target (rustup), wasm-bindgen-cli at the
# version of the wasm-bindgen crate in Cargo.lock, and `npm ci` here (binaryen's
# wasm-opt). Environment: PROFILE (default wasm-release), CARGO_TARGET_DIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
profile=${PROFILE:-wasm-release}
target_dir=${CARGO_TARGET_DIR:-$root/target}
out=$here/pkg

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$want" != "$have" ]; then
  echo "error: wasm-bindgen CLI ${have:-not found}, crate $want: cargo install wasm-bindgen-cli --version $want" >&2
  exit 1
fi
wasm_opt=$here/node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
  echo "error: $wasm_opt not found: run npm ci in $here" >&2
  exit 1
fi

# With a nightly toolchain and its rust-src, the standard library is rebuilt
# with panic = "immediate-abort": no panic messages or formatting machinery
# in the module (a panic is a trap either way: the crate's profile aborts),
# 67 KB smaller gzipped (767 → 700 KB, measured 2026-12-07). Without panic
# messages the console panic hook has nothing to print: left out (0.5 KB).
# Stable builds the same code, larger, with the hook. WASM_NIGHTLY=0 forces
# stable.
if [ "${WASM_NIGHTLY:-1}" != 0 ] && cargo +nightly --version >/dev/null 2>&1 &&
  rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
  (cd "$root" && RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    cargo +nightly build -p servicematch-wasm --no-default-features --target wasm32-unknown-unknown \
    --profile "$profile" -Zbuild-std=std,panic_abort)
  toolchain="nightly, std rebuilt with panic=immediate-abort"
else
  echo "note: no nightly toolchain with rust-src: built on stable, about 67 KB larger gzipped" \
    "(rustup toolchain install nightly --component rust-src)" >&2
  (cd "$root" && cargo build -p servicematch-wasm --target wasm32-unknown-unknown --profile "$profile")
  toolchain="stable"
fi
wasm=$target_dir/wasm32-unknown-unknown/$profile/servicematch_wasm.wasm

version=$(awk -F'"' '/^version = / { print $2; exit }' "$root/Cargo.toml")
rm -rf "$out"
mkdir -p "$out"
for target in web nodejs; do
  wasm-bindgen "$wasm" --target "$target" --out-dir "$out/${target%js}" --out-name servicematch
done
# Both targets get the same module; optimise it once. WASM_OPT=0 skips this
# (a faster build for trying things, not for measuring size).
if [ "${WASM_OPT:-1}" != 0 ]; then
  cmp -s "$out/web/servicematch_bg.wasm" "$out/node/servicematch_bg.wasm" ||
    { echo "error: the web and node modules differ; optimise each" >&2; exit 1; }
  # Rust's default wasm32 features; wasm-opt must not emit any others.
  # memory-packing splits the data segment around runs of zeros: the module
  # gets smaller, but gzipped about 36 KB larger (measured); skip it.
  "$wasm_opt" -Oz --skip-pass=memory-packing --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/web/servicematch_bg.wasm" -o "$out/web/servicematch_bg.wasm"
  cp "$out/web/servicematch_bg.wasm" "$out/node/servicematch_bg.wasm"
  # Says the module is the wasm-opt finished one (examples/web/build.sh checks);
  # not in the npm package ("files" below).
  echo "wasm-opt -Oz $("$wasm_opt" --version | awk '{ print $3 }')" > "$out/.optimised"
fi
# wasm-bindgen declares `[Symbol.dispose]()`, which type-checks only with
# TypeScript's esnext lib: a consumer on es2022 (without skipLibCheck) gets an
# error inside our types. The method is set only where the runtime has
# Symbol.dispose anyway; `free()` is the declared way.
for dts in "$out"/web/servicematch.d.ts "$out"/node/servicematch.d.ts; do
  sed -i '/^ *\[Symbol\.dispose\](): void;$/d' "$dts"
done
echo '{ "type": "module" }' > "$out/web/package.json"
echo '{ "type": "commonjs" }' > "$out/node/package.json"
cp "$here/README.md" "$out/README.md"
cat > "$out/package.json" <<JSON
{
  "name": "servicematch",
  "version": "$version",
  "description": "Ranked matching of people to community health and social services, offline, in the browser and node (WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "repository": "https://github.com/servicematch/servicematch",
  "files": ["web/", "node/", "README.md"],
  "exports": {
    ".": {
      "node": { "types": "./node/servicematch.d.ts", "default": "./node/servicematch.js" },
      "default": { "types": "./web/servicematch.d.ts", "default": "./web/servicematch.js" }
    },
    "./web": { "types": "./web/servicematch.d.ts", "default": "./web/servicematch.js" },
    "./node": { "types": "./node/servicematch.d.ts", "default": "./node/servicematch.js" },
    "./servicematch_bg.wasm": "./web/servicematch_bg.wasm"
  },
  "types": "./web/servicematch.d.ts",
  "sideEffects": false
}
JSON

wasm_bytes=$(wc -c < "$out/web/servicematch_bg.wasm")
wasm_gzip=$(gzip -9 -c "$out/web/servicematch_bg.wasm" | wc -c)
echo "built $out (servicematch $version, $toolchain): servicematch_bg.wasm $wasm_bytes bytes, $wasm_gzip gzipped"
