// The TypeScript types match what the package really takes and returns: real
// results, a real record and every query field, written out as object
// literals, must type-check against them (TypeScript rejects a literal with a
// field the type lacks, or without one it requires).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { crate, rankingBytes, servicematch } from "./support.mjs";

const { ServiceIndex } = servicematch();
const tsc = join(crate, "node_modules", "typescript", "bin", "tsc");

function typecheck(source) {
  const dir = mkdtempSync(join(tmpdir(), "servicematch-types-"));
  const file = join(dir, "check.ts");
  writeFileSync(file, source);
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "es2020", "--moduleResolution", "node", "--lib", "esnext,dom", file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return "";
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

const declarations = JSON.stringify(join(crate, "pkg", "web", "servicematch"));

test("real results, records and info type-check against the declared types", () => {
  const index = new ServiceIndex(rankingBytes());
  const query = {
    text: "meals",
    near: "P3E 2C6",
    radius_km: 500,
    client: { age: 72, gender: "female" },
    languages: ["fr"],
    require_language: false,
    categories: ["Food"],
    free_only: false,
    wheelchair: false,
    limit: 20,
    offset: 0,
    explain: true,
  };
  const results = index.search(query);
  assert.ok(results.hits.length > 0);
  const service = index.service(results.hits[0].id);
  const source = `
import { ServiceIndex, type Query, type Results, type Service, type IndexInfo, type Place, type FhirBundle, type HandoutOptions } from ${declarations};
const query: Query = ${JSON.stringify(query)};
const point: Query = { near: { lat: 46.49, lon: -80.99 }, open_now: false, open_at: null, client: { income: null, household_size: null, statuses: [] } };
const results: Results = ${JSON.stringify(results)};
const service: Service = ${JSON.stringify(service)};
const info: IndexInfo = ${JSON.stringify(index.info())};
const place: Place = ${JSON.stringify(index.locate("P3E 2C6"))};
declare const index: ServiceIndex;
const typed: Results = index.search(query);
const loaded: Promise<ServiceIndex> = ServiceIndex.load("/directory.smx");
const maybe: Service | undefined = index.service("s01");
const where: Place | undefined = index.locate("Sudbury");
const count: number = index.services;
const bundle: FhirBundle = ${JSON.stringify(index.searchFhir(query))};
const one: FhirBundle | undefined = index.serviceFhir("s01");
const searched: FhirBundle = index.searchFhir(query);
const options: HandoutOptions = { lang: "fr", format: "html", help_line: "Call 211." };
const page: string = index.handout(["s01"], options);
const plain: string = index.handout(["s01"]);
export { query, point, results, service, info, place, typed, loaded, maybe, where, count, bundle, one, searched, page, plain };
`;
  index.free();
  assert.equal(typecheck(source), "");
});

test("the types are not any: a wrong field or a wrong type is a compile error", () => {
  const source = `
import { ServiceIndex, type Query, type Results } from ${declarations};
declare const index: ServiceIndex;
const bad: Query = { txt: "food" };
const wrong: Query = { limit: "ten" };
const hits: string = index.search({}).hits;
const results: Results = { total: 1, total_exact: true, hits: [] };
export { bad, wrong, hits, results };
`;
  const errors = typecheck(source);
  for (const expected of ["'txt' does not exist in type 'Query'", "Type 'string' is not assignable to type 'number'", "Type 'Hit[]' is not assignable to type 'string'", "is missing the following properties from type 'Results': facets, help_line"]) {
    assert.ok(errors.includes(expected), `expected "${expected}" in:\n${errors}`);
  }
});
