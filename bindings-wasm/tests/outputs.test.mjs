// FHIR R4 and the referral handout from WebAssembly are the native CLI's,
// byte for byte but for float digits: the engine writes both, and the CLI's
// bundles are validated against the FHIR R4 models (scripts/validate_fhir.py)
// and its handout printed to PDF (scripts/handout_pdf.py) by scripts/test.sh.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";

import { cli, rankingBytes, rankingIndexPath, servicematch } from "./support.mjs";

const { ServiceIndex } = servicematch();

function native(args) {
  return execFileSync(cli(), [...args, "--index", rankingIndexPath()], { encoding: "utf8" });
}

/** A bundle with each search score rounded to 6 significant digits (f32 printing differs). */
function rounded(bundle) {
  return {
    ...bundle,
    entry: bundle.entry.map((entry) =>
      entry.search ? { ...entry, search: { ...entry.search, score: Number(entry.search.score.toPrecision(6)) } } : entry,
    ),
  };
}

test("searchFhir gives the CLI's search --fhir bundle", () => {
  const index = new ServiceIndex(rankingBytes());
  const query = { text: "food", near: "P3E 2C6", languages: ["fr"], limit: 5 };
  const wasm = index.searchFhir(query);
  const cliBundle = JSON.parse(native(["search", "--fhir", "--query-json", JSON.stringify(query)]));
  assert.equal(wasm.resourceType, "Bundle");
  assert.equal(wasm.type, "searchset");
  assert.ok(wasm.entry.length > 0);
  assert.deepEqual(rounded(wasm), rounded(cliBundle));
  const hits = index.search(query).hits;
  assert.deepEqual(
    wasm.entry.map((entry) => entry.resource.identifier[0].value),
    hits.map((hit) => hit.id),
    "one HealthcareService per hit, in order",
  );
  assert.throws(() => index.searchFhir({ limit: 0 }), /limit/);
  index.free();
});

test("serviceFhir gives the CLI's show --fhir bundle, undefined for an unknown id", () => {
  const index = new ServiceIndex(rankingBytes());
  assert.deepEqual(index.serviceFhir("s01"), JSON.parse(native(["show", "s01", "--fhir"])));
  assert.equal(index.serviceFhir("s99"), undefined);
  index.free();
});

test("handout gives the CLI's handout, text and HTML, English and French", () => {
  const index = new ServiceIndex(rankingBytes());
  const ids = ["s02", "s01"];
  assert.equal(index.handout(ids), native(["handout", ...ids]));
  assert.equal(index.handout(ids, { lang: "fr" }), native(["handout", ...ids, "--lang", "fr"]));
  const html = index.handout(ids, { lang: "fr", format: "html", help_line: "Composez le 2-1-1." });
  assert.equal(html, native(["handout", ...ids, "--lang", "fr", "--html", "--help-line", "Composez le 2-1-1."]));
  assert.match(html, /^<!doctype html>\n<html lang="fr">/);
  assert.throws(() => index.handout(["s01", "s99"]), /no service with id "s99"/);
  assert.throws(() => index.handout(ids, { lang: "es" }), /lang: "es" is not en or fr/);
  assert.throws(() => index.handout(ids, { format: "pdf" }), /format: "pdf"/);
  assert.throws(() => index.handout(ids, { language: "fr" }), /unknown field "language"/);
  index.free();
});
