// Shared by the node tests: the built package, the CLI and a test index.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const crate = resolve(here, "..");
export const root = resolve(crate, "..");

/** The node build of the package (bindings-wasm/pkg/node), as written by build.sh. */
export function servicematch() {
  const path = join(crate, "pkg", "node", "servicematch.js");
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run bindings-wasm/build.sh first`);
  }
  return createRequire(import.meta.url)(path);
}

/** The native `servicematch` CLI: $SERVICEMATCH_CLI, else the release or debug build. */
export function cli() {
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  const candidates = [
    process.env.SERVICEMATCH_CLI,
    join(targetDir, "release", "servicematch"),
    join(targetDir, "debug", "servicematch"),
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `the servicematch CLI is not built (looked for ${candidates.join(", ")}): ` +
        "cargo build --release -p servicematch-cli",
    );
  }
  return found;
}

let rankingPath;

/** Path of an index built by the native CLI from core/testdata/ranking.json (12 services). */
export function rankingIndexPath() {
  if (!rankingPath) {
    const dir = mkdtempSync(join(tmpdir(), "servicematch-wasm-test-"));
    rankingPath = join(dir, "ranking.smx");
    execFileSync(cli(), ["build", join(root, "core", "testdata", "ranking.json"), "--output", rankingPath], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return rankingPath;
}

/** The bytes of the ranking index. */
export function rankingBytes() {
  return new Uint8Array(readFileSync(rankingIndexPath()));
}

/** The fixed query set that native and WebAssembly must answer identically. */
export function fixedQueries() {
  return JSON.parse(readFileSync(join(here, "queries.json"), "utf8"));
}

/**
 * Runs one query through the native CLI: `{results}` or `{error}` (the CLI's
 * message, without its "error: " prefix).
 */
export function nativeSearch(indexPath, query) {
  try {
    const out = execFileSync(
      cli(),
      ["search", "--index", indexPath, "--json", "--query-json", JSON.stringify(query)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    return { results: JSON.parse(out) };
  } catch (e) {
    if (e.status === 1 && typeof e.stderr === "string" && e.stderr.startsWith("error: ")) {
      return { error: e.stderr.split("\n")[0].slice("error: ".length) };
    }
    throw e;
  }
}
