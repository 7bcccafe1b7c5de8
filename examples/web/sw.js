// Keeps the page, the WebAssembly module and the directory in the Cache
// Storage so that search works with the network off. Cache first; when online,
// each file is checked again in the background and replaced if it changed, so
// the next visit gets the new directory.

const CACHE = "servicematch-example-v1";
const FILES = [
  "./",
  "index.html",
  "style.css",
  "app.js",
  "i18n.js",
  "worker.js",
  "pkg/servicematch.js",
  "pkg/servicematch_bg.wasm",
  "data/directory.smx",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request, { ignoreSearch: true });
      const refresh = fetch(request, { cache: "no-cache" }).then(async (response) => {
        const unchanged =
          cached && response.headers.get("last-modified") && response.headers.get("last-modified") === cached.headers.get("last-modified");
        if (response.ok && !unchanged) await cache.put(request, response.clone());
        return response;
      });
      if (cached) {
        event.waitUntil(refresh.catch(() => {}));
        return cached;
      }
      return refresh;
    })(),
  );
});
