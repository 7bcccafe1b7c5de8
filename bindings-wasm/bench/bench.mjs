#!/usr/bin/env node
// WebAssembly against native on one index and one query mix: index load time
// in node and in Chromium, query p50/p99 in node, in Chromium and native, and
// the gzipped sizes a browser downloads. A benchmark, not a test: it asserts
// nothing and prints figures.
//
//   bindings-wasm/build.sh && examples/web/build.sh   # the package, a CLI
//   cargo run --release -p servicematch-synth -- --services 60000 --seed 42 --output /tmp/d60k.json
//   servicematch build /tmp/d60k.json --output /tmp/d60k.smx
//   node bindings-wasm/bench/bench.mjs --index /tmp/d60k.smx [--rounds 20] [--no-chromium]
//
// Queries: benches/queries.json (the project's shared query mix). Native side:
// the bench_native example of this crate, built with --release.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const crate = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(crate, "..");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const indexPath = option("--index");
if (!indexPath) {
  console.error("usage: node bindings-wasm/bench/bench.mjs --index FILE.smx [--queries FILE] [--rounds N] [--no-chromium]");
  process.exit(2);
}
const rounds = Number(option("--rounds", 20));
const queriesPath = option("--queries", join(root, "benches", "queries.json"));
const withChromium = !args.includes("--no-chromium");

const entries = JSON.parse(readFileSync(queriesPath, "utf8"));
const queries = entries.map((entry) => entry.query ?? entry);
const work = mkdtempSync(join(tmpdir(), "servicematch-bench-"));
const queriesFile = join(work, "queries.json");
writeFileSync(queriesFile, JSON.stringify(queries));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (values) => percentile(values, 50);
const summary = (micros) => ({ p50_us: percentile(micros, 50), p99_us: percentile(micros, 99) });

// --- node -------------------------------------------------------------------
const { ServiceIndex } = createRequire(import.meta.url)(join(crate, "pkg", "node", "servicematch.js"));
const bytes = new Uint8Array(readFileSync(indexPath));
const loads = [];
let index;
for (let i = 0; i < 5; i += 1) {
  index?.free();
  const started = performance.now();
  index = new ServiceIndex(bytes);
  loads.push(performance.now() - started);
}
for (const query of queries) index.search(query); // warm-up round
const nodeMicros = [];
for (let round = 0; round < rounds; round += 1) {
  for (const query of queries) {
    const started = performance.now();
    index.search(query);
    nodeMicros.push((performance.now() - started) * 1000);
  }
}
index.free();
const node = { load_ms: median(loads), ...summary(nodeMicros) };

// --- native -----------------------------------------------------------------
execFileSync("cargo", ["build", "--release", "-q", "-p", "servicematch-wasm", "--example", "bench_native"], { cwd: root, stdio: "inherit" });
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const nativeOut = JSON.parse(
  execFileSync(join(targetDir, "release", "examples", "bench_native"), [indexPath, queriesFile, String(rounds)], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  }),
);
const native = { load_ms: nativeOut.load_ms, open_mmap_ms: nativeOut.open_mmap_ms, ...summary(nativeOut.micros) };

// --- Chromium ---------------------------------------------------------------
let browser = null;
if (withChromium) {
  const { chromium } = await import("playwright-core");
  const { serve } = await import(join(root, "examples", "web", "serve.mjs"));
  const site = join(work, "site");
  execFileSync("mkdir", ["-p", site]);
  symlinkSync(join(crate, "pkg", "web"), join(site, "pkg"));
  symlinkSync(resolve(indexPath), join(site, "index.smx"));
  writeFileSync(join(site, "queries.json"), JSON.stringify(queries));
  writeFileSync(join(site, "index.html"), "<!doctype html><title>bench</title>");
  const server = await serve(site, { port: 0 });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "servicematch-chromium-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  browser = await page.evaluate(async (rounds) => {
    const { default: init, ServiceIndex } = await import("./pkg/servicematch.js");
    await init();
    const queries = await (await fetch("queries.json")).json();
    let started = performance.now();
    const bytes = new Uint8Array(await (await fetch("index.smx")).arrayBuffer());
    const fetch_ms = performance.now() - started;
    const loads = [];
    let index;
    for (let i = 0; i < 5; i += 1) {
      index?.free();
      started = performance.now();
      index = new ServiceIndex(bytes);
      loads.push(performance.now() - started);
    }
    for (const query of queries) index.search(query);
    const micros = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        started = performance.now();
        index.search(query);
        micros.push((performance.now() - started) * 1000);
      }
    }
    index.free();
    loads.sort((a, b) => a - b);
    return { fetch_ms, load_ms: loads[2], micros };
  }, rounds);
  browser = { fetch_localhost_ms: browser.fetch_ms, load_ms: browser.load_ms, ...summary(browser.micros) };
  await context.close();
  await server.close();
}

// --- sizes ------------------------------------------------------------------
const wasm = readFileSync(join(crate, "pkg", "web", "servicematch_bg.wasm"));
const glue = readFileSync(join(crate, "pkg", "web", "servicematch.js"));
const sizes = {
  wasm_bytes: wasm.length,
  wasm_gzip_bytes: gzipSync(wasm, { level: 9 }).length,
  glue_js_gzip_bytes: gzipSync(glue, { level: 9 }).length,
  index_bytes: bytes.length,
  index_gzip_bytes: gzipSync(bytes, { level: 9 }).length,
};

const report = { index: indexPath, queries: queries.length, rounds, node, native, chromium: browser, sizes };
const f = (n, digits = 1) => (n === undefined || n === null ? "—" : n.toFixed(digits));
console.log(`
index ${indexPath}: ${(sizes.index_bytes / 1e6).toFixed(1)} MB, ${(sizes.index_gzip_bytes / 1e6).toFixed(1)} MB gzipped
wasm ${(sizes.wasm_bytes / 1e3).toFixed(0)} KB, ${(sizes.wasm_gzip_bytes / 1e3).toFixed(0)} KB gzipped (+ ${(sizes.glue_js_gzip_bytes / 1e3).toFixed(1)} KB of JS)
${queries.length} queries × ${rounds} rounds, one core

| | load (bytes in memory → index) | query p50 | query p99 |
|---|---|---|---|
| native | ${f(native.load_ms, 2)} ms (mmap open ${f(native.open_mmap_ms, 2)} ms) | ${f(native.p50_us)} µs | ${f(native.p99_us)} µs |
| node (wasm) | ${f(node.load_ms, 2)} ms | ${f(node.p50_us)} µs (${f(node.p50_us / native.p50_us, 2)}×) | ${f(node.p99_us)} µs (${f(node.p99_us / native.p99_us, 2)}×) |
| Chromium (wasm) | ${f(browser?.load_ms, 2)} ms (+ ${f(browser?.fetch_localhost_ms, 0)} ms fetch from localhost) | ${f(browser?.p50_us)} µs | ${f(browser?.p99_us)} µs |
`);
writeFileSync(join(work, "report.json"), JSON.stringify(report, null, 2));
console.log(`JSON: ${join(work, "report.json")}`);
