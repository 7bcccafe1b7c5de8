// The JS API of the node build: load, search, info, service, locate, free, and
// the errors a caller meets (a corrupt file, a bad query object).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { describe, test, before, after } from "node:test";

import { rankingBytes, root, servicematch } from "./support.mjs";

const { ServiceIndex, version } = servicematch();

/** Asserts that `fn` throws a plain `Error` (not a wasm trap) whose message matches. */
function assertThrowsMessage(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `a wasm trap: ${e.message}`);
    assert.match(e.message, pattern);
    return true;
  });
}

describe("loading", () => {
  test("from a Uint8Array, an ArrayBuffer and a node Buffer alike", async () => {
    const bytes = rankingBytes();
    const indexes = [
      new ServiceIndex(bytes),
      await ServiceIndex.load(bytes),
      await ServiceIndex.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
      await ServiceIndex.load(Buffer.from(bytes)),
    ];
    const expected = indexes[0].search({ text: "food", limit: 50 });
    assert.ok(expected.hits.length > 0);
    for (const index of indexes) {
      assert.equal(index.services, 12);
      assert.deepEqual(index.search({ text: "food", limit: 50 }), expected);
      index.free();
    }
  });

  describe("from a URL", () => {
    let server;
    let base;
    before(async () => {
      const bytes = rankingBytes();
      server = createServer((request, response) => {
        if (request.url === "/ranking.smx") {
          response.writeHead(200, { "content-type": "application/octet-stream" });
          response.end(bytes);
        } else {
          response.writeHead(404).end("not found");
        }
      });
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${server.address().port}`;
    });
    after(() => server.close());

    test("a string or URL object is fetched", async () => {
      for (const source of [`${base}/ranking.smx`, new URL("/ranking.smx", base)]) {
        const index = await ServiceIndex.load(source);
        assert.equal(index.info().services, 12);
        index.free();
      }
    });

    test("a Response is read", async () => {
      const index = await ServiceIndex.load(await fetch(`${base}/ranking.smx`));
      assert.equal(index.services, 12);
      index.free();
    });

    test("an HTTP error names the URL and the status", async () => {
      await assert.rejects(ServiceIndex.load(`${base}/missing.smx`), (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.message, `cannot download ${base}/missing.smx: HTTP status 404`);
        return true;
      });
    });

    test("an unreachable server names the URL", async () => {
      await assert.rejects(ServiceIndex.load("http://127.0.0.1:9/ranking.smx"), /cannot download http:\/\/127\.0\.0\.1:9\/ranking\.smx: /);
    });
  });

  test("anything else is refused, saying what it got", async () => {
    await assert.rejects(ServiceIndex.load(42), /expected a Uint8Array, an ArrayBuffer, a Response or a URL, got number/);
    await assert.rejects(ServiceIndex.load(null), /got null/);
  });
});

describe("corrupt files", () => {
  test("a foreign file is not an index", () => {
    assertThrowsMessage(() => new ServiceIndex(new TextEncoder().encode("%PDF-1.7 not an index at all, no")), /not a servicematch index/);
    assertThrowsMessage(() => new ServiceIndex(new Uint8Array()), /./);
  });

  test("a truncated file is an Error at every length class, never a trap", () => {
    const bytes = rankingBytes();
    for (const length of [1, 7, 8, 16, 63, 64, 200, 1000, bytes.length / 2, bytes.length - 1]) {
      assertThrowsMessage(() => new ServiceIndex(bytes.slice(0, Math.floor(length))), /./);
    }
    // The module is still usable after all those errors.
    const index = new ServiceIndex(bytes);
    assert.ok(index.search({ text: "food" }).hits.length > 0);
    index.free();
  });

  test("flipped bytes are caught by loading or verify(), never a trap", () => {
    const original = rankingBytes();
    const expected = new ServiceIndex(original).search({ text: "food bank", near: "P3E 2C6", limit: 50 });
    let caught = 0;
    for (let at = 0; at < original.length; at += 97) {
      const bytes = original.slice();
      bytes[at] ^= 0xff;
      let index;
      try {
        index = new ServiceIndex(bytes);
        index.verify();
      } catch (e) {
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `a wasm trap at byte ${at}: ${e.message}`);
        assert.ok(e instanceof Error);
        caught += 1;
        index?.free();
        continue;
      }
      // Checksums cover every byte that matters: what passes them searches as before.
      assert.deepEqual(index.search({ text: "food bank", near: "P3E 2C6", limit: 50 }), expected, `byte ${at}`);
      index.free();
    }
    assert.ok(caught > original.length / 97 / 2, `only ${caught} flips caught`);
  });

  test("verify() passes on an intact file", () => {
    const index = new ServiceIndex(rankingBytes());
    index.verify();
    index.free();
  });

  test("a header from a newer format version is refused", () => {
    const bytes = rankingBytes();
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    // magic (8 bytes) then the format version (u32, little-endian)
    view.setUint32(8, view.getUint32(8, true) + 1, true);
    assertThrowsMessage(() => new ServiceIndex(bytes), /version/);
  });
});

describe("searching", () => {
  let index;
  before(() => {
    index = new ServiceIndex(rankingBytes());
  });
  after(() => index.free());

  test("results are plain objects in the shared JSON shape", () => {
    const results = index.search({ text: "aide alimentaire", near: "P3E 2C6", languages: ["fr"], explain: true });
    assert.equal(Object.getPrototypeOf(results), Object.prototype);
    assert.equal(results.hits[0].id, "s02");
    assert.equal(Object.getPrototypeOf(results.facets), Object.prototype, "facets are a plain object");
    assert.equal(results.facets.exact, results.total_exact);
    assert.ok(results.facets.categories.every((c) => typeof c.value === "string" && c.count > 0));
    const hit = results.hits[0];
    assert.equal(hit.url, hit.url ?? null, "absent values are null, as in JSON");
    assert.equal(typeof hit.score, "number");
    assert.equal(typeof hit.distance_km, "number");
    assert.ok(Array.isArray(hit.languages) && hit.languages.includes("fr"));
    assert.match(hit.explanation.reason, /French/);
    assert.deepEqual(JSON.parse(JSON.stringify(results)), results, "survives a JSON round trip unchanged");
  });

  test("no query fields means every active service, 10 at a time", () => {
    const results = index.search({});
    assert.equal(results.hits.length, 10);
    assert.ok(results.total >= 10);
  });

  test("a point or a postal code as near", () => {
    const byPostal = index.search({ text: "food", near: "M5V 2T6" });
    assert.equal(byPostal.hits[0].id, "s08");
    const byPoint = index.search({ near: { lat: 46.49, lon: -80.99 }, limit: 50 });
    assert.ok(byPoint.hits.every((hit) => typeof hit.distance_km === "number"));
  });

  test("filters a patient would use: age, language, free", () => {
    const french = index.search({ languages: ["French"], require_language: true, limit: 50 });
    assert.deepEqual(french.hits.filter((h) => !h.relaxed).map((h) => h.id), ["s02", "s04", "s07"]);
    // Too few to fill the page: the others follow, marked (no wrong door).
    assert.ok(french.hits.slice(3).every((h) => h.relaxed === "language preferred, not required"));
    const free = index.search({ free_only: true, limit: 50 });
    assert.deepEqual(free.hits.map((h) => h.id), ["s01", "s02", "s03"]);
    const adult = index.search({ text: "food", client: { age: 30 }, limit: 50 }).hits.map((h) => h.id);
    assert.ok(!adult.includes("s04") && adult.includes("s01"));
  });

  test("a query object with an unknown field is refused, naming it", () => {
    assertThrowsMessage(() => index.search({ txt: "food" }), /txt/);
    assertThrowsMessage(() => index.search({ client: { agee: 3 } }), /^query field client\.agee: unknown field `agee`/);
    assertThrowsMessage(() => index.search({ text: "food", limit: 5, explian: true }), /explian/);
  });

  test("a wrong type names the field", () => {
    assertThrowsMessage(() => index.search({ limit: "ten" }), /^query field limit: /);
    assertThrowsMessage(() => index.search({ client: { age: "old" } }), /^query field client\.age: /);
    assertThrowsMessage(() => index.search({ languages: "fr" }), /^query field languages: /);
  });

  test("undefined fields are absent, as in JSON; NaN and functions are refused", () => {
    const plain = index.search({ text: "food" });
    assert.deepEqual(index.search({ text: "food", near: undefined, limit: undefined, languages: undefined }), plain);
    assertThrowsMessage(() => index.search({ text: "food", radius_km: NaN, near: "P3E" }), /^query field radius_km: NaN is not a finite number$/);
    assertThrowsMessage(() => index.search({ text: () => "food" }), /^query field text: a function is not a JSON value$/);
    assertThrowsMessage(() => index.search({ languages: ["fr", 7n] }), /^query field languages\[1\]: a bigint is not a JSON value$/);
  });

  test("a query that is not an object is refused", () => {
    assertThrowsMessage(() => index.search("food bank"), /^query: /);
    assertThrowsMessage(() => index.search(null), /^query: /);
    assertThrowsMessage(() => index.search(undefined), /^query: /);
  });

  test("impossible values and unsupported options give the core's message", () => {
    assertThrowsMessage(() => index.search({ client: { age: 131 } }), /^client\.age 131 is not a plausible age/);
    assertThrowsMessage(() => index.search({ client: { age: 300 } }), /^client\.age 300 is not a plausible age \(0 to 130\)$/);
    assertThrowsMessage(() => index.search({ near: "M5V", radius_km: -5 }), /^radius_km -5 is not a distance/);
    assertThrowsMessage(() => index.search({ limit: 0 }), /^limit 0 is out of range/);
    assertThrowsMessage(() => index.search({ open_at: "tomorrow" }), /^open_at "tomorrow" is not an RFC 3339 time/);
  });

  test("open now reads the host's clock; open at a time is reproducible", () => {
    const now = index.search({ text: "food", open_now: true, explain: true });
    assert.ok(now.hits.every((h) => h.open_now !== false));
    const at = index.search({ text: "food", open_at: "2026-11-25T10:30:00-05:00", explain: true });
    assert.ok(at.hits.every((h) => h.open_now !== false));
    assert.ok(at.hits.every((h) => typeof h.explanation.open === "number"));
    const known = index.search({ text: "food", open_at: "2026-11-25T10:30:00-05:00", hours_known: true });
    assert.ok(known.hits.filter((h) => !h.relaxed).every((h) => h.open_now === true));
    // The fixture has no hours: nothing is known open, those with unknown hours follow, marked.
    assert.equal(known.total, 0);
    assert.ok(known.hits.every((h) => h.relaxed === "hours unknown"));
    assert.ok("help_line" in known);
  });

  test("an unknown place is an Error naming it", () => {
    assertThrowsMessage(() => index.search({ text: "food", near: "Nowhereville" }), /"Nowhereville" is not a postal code or place/);
  });

  test("the index keeps working after errors", () => {
    assert.throws(() => index.search({ txt: 1 }));
    assert.equal(index.search({ text: "shelterr" }).hits[0].id, "s06");
  });
});

describe("info, records, places", () => {
  test("info() summarises the file", () => {
    const bytes = rankingBytes();
    const index = new ServiceIndex(bytes);
    const info = index.info();
    assert.equal(info.bytes, bytes.length);
    assert.equal(info.services, 12);
    assert.equal(info.meta.services, 12);
    assert.equal(typeof info.meta.name, "string");
    assert.ok(info.meta.attribution.some((line) => line.includes("GeoNames")));
    assert.ok(info.sections.some((section) => section.name === "text"));
    index.free();
  });

  test("service(id) gives the whole record; an unknown id gives undefined", () => {
    const index = new ServiceIndex(rankingBytes());
    const hit = index.search({ text: "meals seniors", client: { age: 72 } }).hits[0];
    const service = index.service(hit.id);
    assert.equal(service.id, hit.id);
    assert.equal(service.name, hit.name);
    assert.ok(Array.isArray(service.locations) && service.locations.length > 0);
    assert.equal(index.service("no-such-service"), undefined);
    index.free();
  });

  test("locate() finds postal codes and places; undefined otherwise", () => {
    const index = new ServiceIndex(rankingBytes());
    const place = index.locate("p3e2c6");
    assert.equal(typeof place.lat, "number");
    assert.match(place.name, /^P3E/);
    assert.equal(index.locate("Nowhereville"), undefined);
    index.free();
  });
});

test("free() releases the index; using it afterwards throws", () => {
  const index = new ServiceIndex(rankingBytes());
  index.free();
  assert.throws(() => index.search({ text: "food" }), Error);
});

test("version() is the crate version", () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

describe("the same bad query, the same message on every surface", () => {
  // core/testdata/bad-queries.json: the Rust and C tests assert the same messages.
  const cases = JSON.parse(readFileSync(join(root, "core", "testdata", "bad-queries.json"), "utf8"));
  const index = new ServiceIndex(rankingBytes());
  after(() => index.free());

  for (const { query, json, error } of cases) {
    if (query === undefined) continue; // Text that is not JSON has no JS object form.
    test(JSON.stringify(query), () => {
      assert.throws(() => index.search(query), (e) => {
        assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${e}`);
        assert.equal(e.message, error);
        return true;
      });
    });
  }
  test("every case is a query object but the one that is not JSON", () => {
    assert.equal(cases.filter((c) => c.query === undefined).length, 1);
    assert.ok(cases.length >= 10);
  });
});
