// Search runs here, off the page's main thread, so typing never waits for it.
// Messages in: {type: "search", id, query}, {type: "handout", id, ids, lang}.
// Out: "ready", "results", "handout", "error", "load-error".

import init, { ServiceIndex } from "./pkg/servicematch.js";

const INDEX_URL = new URL("data/directory.smx", import.meta.url);
let index;

const ready = (async () => {
  const started = performance.now();
  await init();
  const compiled = performance.now();
  const response = await fetch(INDEX_URL);
  if (!response.ok) throw new Error(`cannot download ${INDEX_URL}: HTTP status ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const downloaded = performance.now();
  index = new ServiceIndex(bytes);
  const opened = performance.now();
  postMessage({
    type: "ready",
    info: index.info(),
    timings: { initMs: compiled - started, fetchMs: downloaded - compiled, openMs: opened - downloaded, bytes: bytes.length },
  });
})().catch((error) => postMessage({ type: "load-error", message: error.message }));

/** Runs one search: looks `near` up first, so half-typed postal codes are not errors. */
function search(query) {
  let near = null;
  if (typeof query.near === "string") {
    const place = index.locate(query.near);
    if (place) {
      near = { found: true, name: place.name };
    } else {
      near = { found: false, text: query.near };
      query = { ...query, near: undefined, radius_km: undefined };
    }
  }
  if (!query.text && query.near === undefined) return { results: null, near };
  const started = performance.now();
  const results = index.search(query);
  const ms = performance.now() - started;
  // The whole record of each hit, for the card: hours, cost, ages.
  const details = {};
  for (const hit of results.hits) {
    const service = index.service(hit.id);
    if (service) {
      details[hit.id] = {
        hours: service.hours,
        hours_text: service.hours_text,
        cost: service.cost,
        ages: service.eligibility.ages,
        application_process: service.application_process,
        required_documents: service.required_documents,
      };
    }
  }
  return { results, details, near, ms };
}

onmessage = async ({ data }) => {
  await ready;
  if (!index) return;
  try {
    if (data.type === "search") postMessage({ type: "results", id: data.id, ...search(data.query) });
    // The referral handout for the ticked services: one printable page.
    if (data.type === "handout") postMessage({ type: "handout", id: data.id, html: index.handout(data.ids, { lang: data.lang, format: "html" }) });
  } catch (error) {
    postMessage({ type: "error", id: data.id, request: data.type, message: error.message, fatal: error instanceof WebAssembly.RuntimeError });
  }
};
