#!/usr/bin/env node
// A tiny static file server for the example page: the right MIME types (the
// browser compiles .wasm as it downloads only when served as application/wasm),
// Last-Modified and If-Modified-Since, nothing outside the folder, and the
// page's Content-Security-Policy on every response (the worker and the
// service worker get their policy from their own script's response, not from
// the page's <meta>).
//
//   node examples/web/serve.mjs [--port 8080] [--host 127.0.0.1] [FOLDER]

import { createReadStream, promises as fs } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".smx": "application/octet-stream",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Every origin but the page's own forbidden (the same as index.html's
 * <meta>): scripts, the worker, the module's compilation ('wasm-unsafe-eval'),
 * downloads and images from here only; inline styles for the handout iframe;
 * no plugins, no form posts, no embedding in another site's frame.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; manifest-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/**
 * Serves `folder` on `host:port` (port 0: any free port). Resolves to
 * `{ url, close() }` once listening.
 */
export function serve(folder, { port = 8080, host = "127.0.0.1" } = {}) {
  const base = resolve(folder);
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end();
        return;
      }
      let stat = await fs.stat(file).catch(() => null);
      if (stat?.isDirectory()) {
        file = join(file, "index.html");
        stat = await fs.stat(file).catch(() => null);
      }
      if (!stat?.isFile()) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
        return;
      }
      const modified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000);
      const since = Date.parse(request.headers["if-modified-since"] ?? "");
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "last-modified": modified.toUTCString(),
        "cache-control": "no-cache",
        "content-security-policy": `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
        "x-content-type-options": "nosniff",
      };
      if (!Number.isNaN(since) && modified.getTime() <= since) {
        response.writeHead(304, headers).end();
        return;
      }
      response.writeHead(200, { ...headers, "content-length": stat.size });
      if (request.method === "HEAD") {
        response.end();
        return;
      }
      createReadStream(file).pipe(response);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({
        url: `http://${host}:${address.port}/`,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : args.splice(at, 2)[1];
  };
  const port = Number(option("--port", 8080));
  const host = option("--host", "127.0.0.1");
  const folder = args[0] ?? fileURLToPath(new URL(".", import.meta.url));
  const { url } = await serve(folder, { port, host });
  console.log(`serving ${folder} at ${url} (Ctrl-C to stop)`);
}
