// The same index gives the same ids in the same order, and the same hits, in
// WebAssembly (node) as in the native CLI, for a fixed query set.

import assert from "node:assert/strict";
import { test } from "node:test";

import { fixedQueries, nativeSearch, rankingBytes, rankingIndexPath, servicematch } from "./support.mjs";

const { ServiceIndex } = servicematch();

/** `a` and `b` are the same f32 score (the native JSON prints f32 digits). */
function sameScore(a, b, what) {
  if (a === null || b === null) {
    assert.equal(a, b, what);
    return;
  }
  const tolerance = 1e-6 * Math.max(1, Math.abs(a));
  assert.ok(Math.abs(Math.fround(a) - Math.fround(b)) <= tolerance, `${what}: native ${a}, wasm ${b}`);
}

/** `a` and `b` are the same distance in km, to well below a metre. */
function sameDistance(a, b, what) {
  if (a === null || b === null) {
    assert.equal(a, b, what);
    return;
  }
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, a), `${what}: native ${a}, wasm ${b}`);
}

function assertSameHit(native, wasm, what) {
  const { score, distance_km, explanation, ...rest } = native;
  const { score: wScore, distance_km: wDistance, explanation: wExplanation, ...wRest } = wasm;
  assert.deepEqual(wRest, rest, what);
  sameScore(score, wScore, `${what} score`);
  sameDistance(distance_km, wDistance, `${what} distance_km`);
  if (explanation === null) {
    assert.equal(wExplanation, null, `${what} explanation`);
    return;
  }
  assert.equal(wExplanation.reason, explanation.reason, `${what} reason`);
  for (const factor of ["text", "distance", "language", "eligibility"]) {
    sameScore(explanation[factor], wExplanation[factor], `${what} explanation.${factor}`);
  }
}

test("native and WebAssembly agree on every query of the fixed set", () => {
  const indexPath = rankingIndexPath();
  const index = new ServiceIndex(rankingBytes());
  const queries = fixedQueries();
  let answered = 0;
  for (const query of queries) {
    const what = JSON.stringify(query);
    const native = nativeSearch(indexPath, query);
    let wasm;
    try {
      wasm = { results: index.search(query) };
    } catch (e) {
      wasm = { error: e.message };
    }
    if (native.error !== undefined) {
      assert.equal(wasm.error, native.error, `${what}: the same error`);
      continue;
    }
    assert.equal(wasm.error, undefined, `${what}: wasm failed where native did not`);
    const ids = (results) => results.hits.map((hit) => hit.id);
    assert.deepEqual(ids(wasm.results), ids(native.results), `${what}: the same ids in the same order`);
    assert.equal(wasm.results.total, native.results.total, `${what}: total`);
    assert.deepEqual(wasm.results.facets, native.results.facets, `${what}: facets`);
    native.results.hits.forEach((hit, i) => assertSameHit(hit, wasm.results.hits[i], `${what} hit ${i}`));
    if (native.results.hits.length > 0) answered += 1;
  }
  // The set must exercise ranking, not only errors and empty lists.
  assert.ok(answered >= 20, `only ${answered} queries returned hits`);
  index.free();
});
