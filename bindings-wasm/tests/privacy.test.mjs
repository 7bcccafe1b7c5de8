// Privacy, proven in node: while the module loads an index from bytes and
// answers every kind of call (search with every filter, FHIR, service,
// handout, locate, info, verify), nothing reaches for the network. Every
// way out is instrumented: the web globals (fetch, XMLHttpRequest,
// WebSocket, EventSource, navigator.sendBeacon) and node's modules (net,
// tls, http, https, http2, dgram, dns, child_process). A call is recorded
// and refused. A control check shows the instrument sees the module's one
// network path (ServiceIndex.load given a URL, which a page asks for).

import assert from "node:assert/strict";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { after, before, test } from "node:test";

import { rankingBytes, servicematch } from "./support.mjs";

const require = createRequire(import.meta.url);
// Built by the CLI (a child process) before anything is watched.
const bytes = rankingBytes();
const calls = [];
const restore = [];

/** Replaces `owner[name]` with a function that records the call and throws. */
function instrument(owner, name, label) {
  if (!owner || !(name in owner)) return;
  const original = owner[name];
  const refuse = function (...args) {
    calls.push(`${label}(${String(args[0]).slice(0, 60)})`);
    throw new Error(`${label} is not allowed during this test`);
  };
  Object.defineProperty(owner, name, { value: refuse, configurable: true, writable: true });
  restore.push(() => Object.defineProperty(owner, name, { value: original, configurable: true, writable: true }));
}

before(() => {
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource"]) {
    instrument(globalThis, name, name);
  }
  if (globalThis.navigator) instrument(globalThis.navigator, "sendBeacon", "navigator.sendBeacon");
  const modules = {
    net: ["connect", "createConnection", "createServer"],
    tls: ["connect", "createServer"],
    http: ["request", "get", "createServer"],
    https: ["request", "get", "createServer"],
    http2: ["connect", "createServer", "createSecureServer"],
    dgram: ["createSocket"],
    dns: ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "reverse"],
    child_process: ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"],
  };
  for (const [module, names] of Object.entries(modules)) {
    const exports = require(`node:${module}`);
    for (const name of names) instrument(exports, name, `${module}.${name}`);
  }
  const net = require("node:net");
  instrument(net.Socket.prototype, "connect", "net.Socket.connect");
  instrument(require("node:dns").promises, "lookup", "dns.promises.lookup");
  syncBuiltinESMExports();
});

after(() => {
  for (const undo of restore.reverse()) undo();
  syncBuiltinESMExports();
});

test("loading from bytes and every call make no network request", async () => {
  calls.length = 0;
  const { ServiceIndex } = servicematch();
  const index = await ServiceIndex.load(bytes);
  const everything = {
    text: "aide alimentaire",
    near: "P3E 2C6",
    radius_km: 50,
    client: { age: 72, gender: "female", income: 20000, household_size: 2 },
    languages: ["fr"],
    free_only: false,
    wheelchair: false,
    open_now: true,
    explain: true,
    limit: 10,
  };
  const results = index.search(everything);
  assert.ok(results.total >= 0);
  assert.ok(index.search({ text: "food", limit: 5 }).hits.length > 0);
  index.searchFhir({ text: "food", near: { lat: 46.49, lon: -80.99 } });
  const id = index.search({ text: "food" }).hits[0].id;
  index.service(id);
  index.serviceFhir(id);
  index.handout([id], { lang: "fr", format: "html" });
  index.locate("Sudbury");
  index.info();
  index.verify();
  index.free();
  assert.deepEqual(calls, [], "network calls during the searches");
});

test("control: the instrument sees a download (ServiceIndex.load with a URL)", async () => {
  calls.length = 0;
  const { ServiceIndex } = servicematch();
  await assert.rejects(ServiceIndex.load("http://127.0.0.1:9/directory.smx"));
  assert.deepEqual(calls, ["fetch(http://127.0.0.1:9/directory.smx)"]);
});
