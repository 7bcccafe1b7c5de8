// The node side of the comparison harness (benches/src/bin/compare.rs runs it,
// pinned to one core): our WASM package, Orama, MiniSearch and FlexSearch on
// the same documents and queries, measured with the same protocol as the
// native engines. Prints one JSON line: {build, query} or {skipped}.
//
//   node --expose-gc bench.mjs --engine orama --docs docs.jsonl --index index.smx \
//        --mix mix.json --runs 5 --min-queries 1000 --run-seconds 20
//   node bench.mjs --engine servicematch-wasm --index index.smx --load-only 1
//        (prints {open_ms}: one load in a fresh process)
//
// Every JS engine keeps its own copy of the records (its store) and the
// documents array is dropped after the build, so "heap per record" is the
// engine's index plus its store.

import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const protocol = {
  runs: Number(args.runs ?? 5),
  minQueries: Number(args["min-queries"] ?? 1000),
  runSeconds: Number(args["run-seconds"] ?? 20),
};

// Our ranking model, as the peers reproduce it (servicematch::rank, ::geo).
const DECAY_OFFSET_KM = 0.5;
const DECAY_HALF_LIFE_KM = 10.0;
const LANGUAGE_UNLISTED = 0.4;
const LANGUAGE_OTHER = 0.3;
const ELIGIBILITY_UNKNOWN = 0.8;
const DISTANCE_UNKNOWN = 0.25;
const EARTH_RADIUS_KM = 6371.0088;
const BOOST = { name: 3.0, organization: 1.5, description: 1.0, categories: 2.0, keywords: 2.0 };
const TEXT_FIELDS = Object.keys(BOOST);
/** Hits a text search hands to the re-ranking when the engine takes a limit. */
const CANDIDATES = 1000;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  return out;
}

function gc() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
}

function heapNow() {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function decay(km) {
  return Math.pow(0.5, Math.max(km - DECAY_OFFSET_KM, 0) / DECAY_HALF_LIFE_KM);
}

/**
 * Our filters and score factors on one document: null when it does not match,
 * else the score (text score × distance decay × language × eligibility).
 */
function rescore(doc, text, q) {
  if (!doc.active) return null;
  if (q.categories.length && !q.categories.some((c) => doc.category_keys.includes(c))) return null;
  const offered = q.languages.length ? doc.languages.some((l) => q.languages.includes(l)) : true;
  if (q.require_language && !offered) return null;
  let score = text;
  if (q.point) {
    let nearest = Infinity;
    for (const p of doc.points) nearest = Math.min(nearest, distanceKm(q.point, p));
    if (nearest === Infinity) {
      if (q.radius_km != null) return null;
      score *= DISTANCE_UNKNOWN;
    } else {
      if (q.radius_km != null && nearest > q.radius_km) return null;
      score *= decay(nearest);
    }
  }
  if (q.languages.length && !offered) {
    score *= doc.languages.length ? LANGUAGE_OTHER : LANGUAGE_UNLISTED;
  }
  if (q.age != null) {
    const min = doc.min_age ?? null;
    const max = doc.max_age ?? null;
    if (min == null && max == null) score *= ELIGIBILITY_UNKNOWN;
    else if (!((min == null || q.age >= min) && (max == null || q.age <= max))) {
      if (doc.age_from_text) score *= ELIGIBILITY_UNKNOWN;
      else return null;
    }
  }
  return score;
}

/** The best `q.limit` of scored `[doc, score]` pairs, best first, ties on id. */
function top(scored, q) {
  scored.sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : a[0].id > b[0].id ? 1 : 0));
  return scored.slice(0, q.limit).map(([doc]) => ({ id: doc.id, name: doc.name }));
}

/** Reads the documents line by line (the 1M file is larger than a JS string may be). */
async function readDocs(path) {
  const docs = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const doc = JSON.parse(line);
    // Locations without coordinates (real exports have some) are no points.
    doc.points = doc.points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
    docs.push(doc);
  }
  return docs;
}

// ---------------------------------------------------------------- engines

const engines = {
  /** Our WASM package (bindings-wasm/pkg/node), on the natively built .smx bytes. */
  "servicematch-wasm": async () => {
    const pkg = join(here, "../../bindings-wasm/pkg/node/servicematch.js");
    if (!existsSync(pkg)) {
      return { skipped: "the WASM package is not built: run bindings-wasm/build.sh" };
    }
    const { ServiceIndex } = createRequire(import.meta.url)(pkg);
    let bytes = readFileSync(args.index);
    const size = bytes.length;
    return {
      size,
      sizeNote: "the .smx file, built natively",
      build: null,
      load: () => {
        const index = new ServiceIndex(bytes);
        bytes = null;
        return index;
      },
      search: (index, q) =>
        index.search(q.query).hits.map((h) => ({ id: h.id, name: h.name })),
    };
  },

  /** Orama: its own BM25, geopoint radius filter, enum filters; re-ranked by our factors. */
  orama: async () => {
    const { count, create, insertMultiple, search, save, load } = await import("@orama/orama");
    const schema = {
      name: "string",
      organization: "string",
      description: "string",
      categories: "string",
      keywords: "string",
      category_keys: "enum[]",
      languages: "enum[]",
      location: "geopoint",
    };
    let saved = null;
    return {
      build: async (docs) => {
        const db = create({ schema });
        const rows = docs.map((d) => {
          const row = { ...d };
          if (d.points.length) row.location = { lat: d.points[0][0], lon: d.points[0][1] };
          return row;
        });
        await insertMultiple(db, rows, 1000);
        return db;
      },
      serialize: (db) => {
        saved = save(db);
        return JSON.stringify(saved).length;
      },
      load: () => {
        const db = create({ schema });
        load(db, saved);
        saved = null;
        return db;
      },
      search: (db, q) => {
        const where = {};
        if (q.point && q.radius_km != null) {
          where.location = {
            radius: { coordinates: { lat: q.point[0], lon: q.point[1] }, unit: "km", value: q.radius_km, inside: true },
          };
        }
        if (q.categories.length) where.category_keys = { containsAny: q.categories };
        if (q.require_language) where.languages = { containsAny: q.languages };
        // Without text every match is a candidate (Orama allocates `limit` slots).
        const params = { where, limit: q.text ? CANDIDATES : count(db) };
        if (q.text) {
          params.term = q.text;
          params.properties = TEXT_FIELDS;
          params.boost = BOOST;
          params.threshold = 1;
        }
        const result = search(db, params);
        const scored = [];
        for (const hit of result.hits) {
          const s = rescore(hit.document, q.text ? hit.score : 1, q);
          if (s != null) scored.push([hit.document, s]);
        }
        return top(scored, q);
      },
    };
  },

  /** MiniSearch: BM25+, fuzzy on long words (as ours), a filter callback; re-ranked by our factors. */
  minisearch: async () => {
    const { default: MiniSearch } = await import("minisearch");
    const options = {
      fields: TEXT_FIELDS,
      storeFields: ["id", "name", "category_keys", "languages", "min_age", "max_age", "age_from_text", "active", "points"],
      searchOptions: { boost: BOOST, combineWith: "OR", prefix: false, fuzzy: (term) => (term.length >= 5 ? 1 : false) },
    };
    let saved = null;
    return {
      build: (docs) => {
        const ms = new MiniSearch(options);
        ms.addAll(docs);
        return ms;
      },
      serialize: (ms) => {
        saved = JSON.stringify(ms);
        return saved.length;
      },
      load: () => {
        const ms = MiniSearch.loadJSON(saved, options);
        saved = null;
        return ms;
      },
      search: (ms, q) => {
        const scored = [];
        const filter = (hit) => {
          const s = rescore(hit, q.text ? hit.score : 1, q);
          if (s != null) scored.push([hit, s]);
          return false;
        };
        ms.search(q.text ?? MiniSearch.wildcard, { filter });
        return top(scored, q);
      },
    };
  },

  /** FlexSearch Document index: per-field results merged with our boosts by rank; re-ranked by our factors. */
  flexsearch: async () => {
    const { Document } = await import("flexsearch");
    const options = {
      document: { id: "sid", index: TEXT_FIELDS, store: true },
      tokenize: "strict",
    };
    let count = 0;
    return {
      build: (docs) => {
        const index = new Document(options);
        docs.forEach((d, sid) => index.add({ sid, ...d }));
        count = docs.length;
        return index;
      },
      serialize: null,
      load: null,
      search: (index, q) => {
        const scored = [];
        if (q.text) {
          const text = new Map();
          for (const { field, result } of index.search(q.text, { limit: CANDIDATES })) {
            result.forEach((sid, rank) => text.set(sid, (text.get(sid) ?? 0) + BOOST[field] / (1 + rank)));
          }
          for (const [sid, t] of text) {
            const doc = index.get(sid);
            const s = rescore(doc, t, q);
            if (s != null) scored.push([doc, s]);
          }
        } else {
          for (let sid = 0; sid < count; sid++) {
            const doc = index.get(sid);
            const s = rescore(doc, 1, q);
            if (s != null) scored.push([doc, s]);
          }
        }
        return top(scored, q);
      },
    };
  },
};

// --------------------------------------------------------------- protocol

function percentile(sorted, q) {
  if (!sorted.length) return 0;
  const rank = Math.min(Math.max(Math.ceil(q * sorted.length), 1), sorted.length);
  return sorted[rank - 1];
}

function stats(latencies, elapsedS) {
  latencies.sort((a, b) => a - b);
  return {
    queries: latencies.length,
    p50_ms: percentile(latencies, 0.5),
    p99_ms: percentile(latencies, 0.99),
    max_ms: latencies[latencies.length - 1] ?? 0,
    qps: elapsedS > 0 ? latencies.length / elapsedS : 0,
  };
}

function ms(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  const engine = await engines[args.engine]?.();
  if (!engine) throw new Error(`no node engine named ${args.engine}`);
  if (engine.skipped) {
    console.log(JSON.stringify({ skipped: engine.skipped }));
    return;
  }
  if (args["load-only"] && !engine.build) {
    // A fresh process that only loads: compare.rs takes the best of several,
    // as it takes the best of the query runs (a load is measured once per
    // process, and one busy moment on a shared machine doubles it).
    const start = process.hrtime.bigint();
    engine.load();
    console.log(JSON.stringify({ open_ms: ms(start) }));
    return;
  }
  const mix = JSON.parse(readFileSync(args.mix, "utf8"));
  const heapBefore = heapNow();
  let services;
  let build;
  let index;
  let openMs;
  if (engine.build) {
    let docs = await readDocs(args.docs);
    services = docs.length;
    const heapDocs = heapNow();
    let start = process.hrtime.bigint();
    let built = await engine.build(docs);
    const buildS = ms(start) / 1e3;
    docs = null;
    const heapBuilt = heapNow();
    let size = null;
    let sizeNote = "in memory only";
    if (engine.serialize) {
      try {
        size = engine.serialize(built);
        sizeNote = "serialized";
      } catch (e) {
        // MiniSearch at 1M: its JSON passes V8's longest string (512 MB).
        sizeNote = `cannot serialize: ${e.message}; load = build`;
      }
    }
    build = {
      import_s: 0,
      build_s: buildS,
      index_bytes: size ?? 0,
      services,
      size_note: sizeNote,
    };
    if (engine.load && size != null) {
      built = null;
      gc();
      start = process.hrtime.bigint();
      index = engine.load();
      openMs = ms(start);
    } else {
      index = built;
      openMs = buildS * 1e3;
      if (size == null && !engine.serialize) build.size_note = "in memory only; load = build";
    }
    build.heap_docs = heapDocs - heapBefore;
    build.heap_index = heapBuilt - heapBefore;
  } else {
    services = null;
    const start = process.hrtime.bigint();
    index = engine.load();
    openMs = ms(start);
    build = { import_s: 0, build_s: -1, index_bytes: engine.size, services: 0, size_note: engine.sizeNote };
  }
  const heapAfter = heapNow();
  const rssOpen = process.memoryUsage().rss;
  if (services == null) {
    services = Number(typeof index.services === "function" ? index.services() : index.services ?? 0);
  }
  build.services = services;
  // The WASM index lives in linear memory, which node's heap figures do not
  // follow: its memory shows in RSS instead.
  const heapPerRecord = services && engine.build ? (heapAfter - heapBefore) / services : null;

  const outcomes = [];
  let firstPassMax = 0;
  for (const q of mix) {
    const start = process.hrtime.bigint();
    const found = engine.search(index, q);
    const took = ms(start);
    firstPassMax = Math.max(firstPassMax, took);
    outcomes.push({ name: q.name, kind: q.kind, best_ms: took, ids: found.map((f) => f.id), names: found.map((f) => f.name) });
  }
  const runs = [];
  let rssAfter = 0;
  let rssAfterQueries = 0;
  for (let run = 0; run < Math.max(protocol.runs, 1); run++) {
    const latencies = [];
    const started = process.hrtime.bigint();
    for (;;) {
      mix.forEach((q, i) => {
        const start = process.hrtime.bigint();
        engine.search(index, q);
        const took = ms(start);
        outcomes[i].best_ms = Math.min(outcomes[i].best_ms, took);
        latencies.push(took);
      });
      if (latencies.length >= protocol.minQueries || ms(started) / 1e3 >= protocol.runSeconds) break;
    }
    const elapsed = ms(started) / 1e3;
    if (run === 0) {
      rssAfter = process.memoryUsage().rss;
      rssAfterQueries = latencies.length + mix.length;
    }
    runs.push(stats(latencies, elapsed));
  }
  const best = {
    queries: Math.max(...runs.map((r) => r.queries)),
    p50_ms: Math.min(...runs.map((r) => r.p50_ms)),
    p99_ms: Math.min(...runs.map((r) => r.p99_ms)),
    max_ms: Math.min(...runs.map((r) => r.max_ms)),
    qps: Math.max(...runs.map((r) => r.qps)),
  };
  const query = {
    open_ms: openMs,
    rss_open: rssOpen,
    rss_after: rssAfter,
    rss_after_queries: rssAfterQueries,
    rss_anon_after: null,
    heap_per_record: heapPerRecord,
    first_pass_max_ms: firstPassMax,
    runs,
    best,
    queries: outcomes,
  };
  console.log(JSON.stringify({ build, query }));
}

main().catch((e) => {
  console.error(`bench.mjs (${args.engine}): ${e.stack ?? e}`);
  process.exit(1);
});
