// The example page in a real browser (Debian's Chromium, driven by
// playwright-core): search as you type, filters, French, then the same with
// the server stopped and the browser offline. Needs examples/web/build.sh first.
//
// CHROMIUM overrides the browser path (default /usr/bin/chromium). The
// screenshots land in bindings-wasm/test-results/ (not committed).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

import { CONTENT_SECURITY_POLICY, serve } from "../../examples/web/serve.mjs";
import { cli, crate, here, root } from "./support.mjs";

const web = join(root, "examples", "web");
const artifacts = join(crate, "test-results");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

let server;
let context;
let page;
let profile;
const problems = [];

before(async () => {
  for (const file of ["pkg/servicematch_bg.wasm", "data/directory.smx"]) {
    assert.ok(existsSync(join(web, file)), `examples/web/${file} is missing: run examples/web/build.sh`);
  }
  mkdirSync(artifacts, { recursive: true });
  server = await serve(web, { port: 0 });
  profile = mkdtempSync(join(tmpdir(), "servicematch-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    locale: "en-CA",
    permissions: ["geolocation"],
    geolocation: { latitude: 46.4917, longitude: -80.993 }, // Sudbury
    viewport: { width: 1000, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function ready(on = page) {
  await on.waitForSelector("body[data-state=ready]", { timeout: 60_000 });
}

/** Types like a person, one key at a time, and waits for result cards. */
async function typeQuery(selector, text) {
  await page.fill(selector, "");
  await page.locator(selector).pressSequentially(text, { delay: 15 });
  await page.waitForFunction(() => document.querySelectorAll("#results .card").length > 0, null, { timeout: 30_000 });
}

const cardTitles = () => page.$$eval("#results .card h2", (titles) => titles.map((title) => title.textContent));
const status = () => page.textContent("#status");

test("search as you type, filters, French, offline after a reload", async (t) => {
  await page.goto(server.url);
  await ready();
  await page.waitForSelector("body[data-offline=ready]", { timeout: 60_000 });

  await t.test("typing a need lists services", async () => {
    await typeQuery("#q", "food bank");
    assert.match(await status(), /services? found/);
    assert.ok((await cardTitles()).length > 0);
  });

  await t.test("a postal code sorts by distance and says where", async () => {
    await page.fill("#near", "P3E 2C6");
    await page.waitForFunction(() => /P3E/.test(document.querySelector("#near-status").textContent), null, { timeout: 30_000 });
    await page.waitForFunction(() => /km/.test(document.querySelector("#results .card .why")?.textContent ?? ""), null, { timeout: 30_000 });
    await page.selectOption("#radius", "25");
    await page.waitForFunction(() => document.querySelector("#results .card"), null, { timeout: 30_000 });
    // Within the radius, but for services that serve the caller's area from
    // an office farther away, and those offered beyond it, marked ("no wrong door").
    const distances = await page.$$eval("#results .card .why", (lines) =>
      lines
        .filter((line) => !/serves your area|also offered/.test(line.textContent))
        .map((line) => Number((line.textContent.match(/([\d.]+) km/) ?? [])[1]))
        .filter((km) => !Number.isNaN(km)),
    );
    assert.ok(distances.length > 0 && distances.every((km) => km <= 25), `distances ${distances}`);
  });

  await t.test("use my location searches near the browser's position", async () => {
    await page.fill("#near", "");
    await page.click("#locate");
    await page.waitForFunction(() => document.querySelector("#near").value === "My location", null, { timeout: 30_000 });
    await page.waitForFunction(() => /km/.test(document.querySelector("#results .card .why")?.textContent ?? ""), null, { timeout: 30_000 });
  });

  await t.test("the open now filter is offered, with what it does to unknown hours", async () => {
    assert.equal(await page.isDisabled("#open-now"), false);
    assert.match(await page.textContent("#open-now-note"), /hours are not known/);
  });

  await t.test("facets count every match and apply their filter when pressed", async () => {
    await page.click("#facets button[data-facet=free]");
    await page.waitForFunction(() => document.querySelector("#free").checked, null, { timeout: 30_000 });
    // The category facet: pressing it keeps the services it counted (a
    // service counts under its first top-level category, and is kept by any).
    const button = page.locator("#facets [role=group]").first().locator("button").first();
    const counted = Number((await button.textContent()).match(/\(([\d,]+)\+?\)/)[1].replaceAll(",", ""));
    const category = await button.getAttribute("data-facet");
    const pressed = (value) => `#facets button[data-facet="${value}"][aria-pressed=true]`;
    await button.click();
    await page.waitForSelector(pressed(category), { timeout: 30_000 });
    assert.ok(await page.$(pressed("free")), "the free filter stays applied");
    const found = Number((await status()).match(/^([\d,]+)/)?.[1].replaceAll(",", "") ?? "1");
    assert.ok(found >= counted, `${found} found, ${counted} counted`);
    // Pressed again, it lets go; the free filter is taken off through its own box.
    await page.click(pressed(category));
    await page.uncheck("#free");
    await page.waitForFunction(
      ([a, b]) => !document.querySelector(a) && !document.querySelector(b),
      [pressed(category), pressed("free")],
      { timeout: 30_000 },
    );
  });

  await t.test("every control has a label", async () => {
    const unlabelled = await page.$$eval("input, select", (controls) => controls.filter((c) => c.labels.length === 0).map((c) => c.id));
    assert.deepEqual(unlabelled, []);
  });

  await t.test("print handout: the ticked services, in the page's language, ready to print", async () => {
    assert.equal(await page.isDisabled("#print-handout"), true, "nothing ticked yet");
    const titles = await cardTitles();
    const ticks = page.locator("#results .card .pick input");
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    assert.match(await page.textContent("#print-handout"), /\(2 services\)/);
    await page.click("#print-handout");
    await page.waitForSelector("body[data-handout=ready]", { timeout: 30_000 });
    const handout = await page.frameLocator("#handout-frame").locator("body").innerText();
    assert.match(handout, /^Your referral/);
    for (const title of titles.slice(0, 2)) assert.ok(handout.includes(title), `${title} in the handout:\n${handout}`);
    assert.match(handout, /Call or text 211/);
    assert.match(handout, /Information verified on|does not say when/);
    await page.click("#ui-language");
    await page.click("#print-handout");
    await page.waitForFunction(() => document.querySelector("#handout-frame").contentDocument?.documentElement?.lang === "fr", null, { timeout: 30_000 });
    assert.match(await page.frameLocator("#handout-frame").locator("h1").innerText(), /Votre référence/);
    await page.click("#ui-language");
    await ticks.nth(0).uncheck();
    await ticks.nth(1).uncheck();
    assert.equal(await page.isDisabled("#print-handout"), true);
  });

  await t.test("the page switches to French", async () => {
    await page.click("#ui-language");
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    assert.equal(await page.textContent("h1"), "Trouver des services communautaires");
    assert.match(await status(), /services? trouvés?/);
    await page.click("#ui-language");
    assert.equal(await page.getAttribute("html", "lang"), "en");
  });

  await t.test("at phone width nothing overflows sideways", async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
    await page.screenshot({ path: join(artifacts, "phone.png"), fullPage: false });
    await page.setViewportSize({ width: 1000, height: 900 });
  });

  await t.test("with the server stopped and the browser offline, a reload still searches", async () => {
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await ready();
    await typeQuery("#q", "mental health");
    assert.match(await status(), /services? found/);
    assert.ok((await cardTitles()).length > 0);
    await page.screenshot({ path: join(artifacts, "offline.png"), fullPage: true });
  });

  assert.deepEqual(problems, []);
});

// A directory whose records carry markup (tests/testdata/hostile-directory.json:
// a service named <img src=x onerror=alert(1)>, a <script> in a description,
// an <svg onload> location), served from a copy of the page on its own origin.
test("a hostile directory: markup in records shows as text, and other origins are forbidden", async (t) => {
  await context.setOffline(false);
  const copy = mkdtempSync(join(tmpdir(), "servicematch-hostile-page-"));
  const hostile = await (async () => {
    cpSync(web, copy, { recursive: true });
    execFileSync(cli(), ["build", join(here, "testdata", "hostile-directory.json"), "--output", join(copy, "data", "directory.smx")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    return serve(copy, { port: 0 });
  })();
  const tab = await context.newPage();
  const dialogs = [];
  const errors = [];
  tab.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  tab.on("pageerror", (error) => errors.push(error.message));
  try {
    const response = await tab.goto(hostile.url);

    await t.test("the page and the server state one policy that allows only the page's origin", async () => {
      const header = response.headers()["content-security-policy"];
      assert.equal(header, `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
      const meta = await tab.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      assert.equal(meta, CONTENT_SECURITY_POLICY);
      assert.match(meta, /default-src 'none'/);
      assert.match(meta, /script-src 'self' 'wasm-unsafe-eval';/);
      assert.match(meta, /connect-src 'self';/);
      assert.equal(readFileSync(join(web, "index.html"), "utf8").includes(CONTENT_SECURITY_POLICY), true);
    });

    await ready(tab);
    await tab.fill("#q", "food");
    await tab.waitForFunction(() => document.querySelectorAll("#results .card").length === 2, null, { timeout: 30_000 });

    await t.test("a record named <img src=x onerror=alert(1)> is shown as that text", async () => {
      const name = "<img src=x onerror=alert(1)>";
      const title = tab.locator("#results .card h2", { hasText: name });
      assert.equal(await title.count(), 1);
      assert.ok(await title.isVisible());
      assert.equal(await title.textContent(), name);
      const page = await tab.evaluate(() => ({
        markup: document.querySelectorAll("#results img, #results script, #results svg, #results iframe, #results b").length,
        text: document.querySelector("#results").textContent,
      }));
      assert.equal(page.markup, 0, "no element made from a record's text");
      assert.equal(await tab.locator('#results a[href^="javascript:" i]').count(), 0, "no javascript: link");
      assert.ok(page.text.includes("<b onmouseover=alert(4)>Bold</b> organization"), "the organization's markup is text");
      assert.ok(page.text.includes("<iframe src=javascript:alert(6)>"), "the address's markup is text");
    });

    await t.test("the handout shows the same text, and makes no element of it", async () => {
      await tab.locator("#results .card .pick input").first().check();
      await tab.locator("#results .card .pick input").nth(1).check();
      await tab.click("#print-handout");
      await tab.waitForSelector("body[data-handout=ready]", { timeout: 30_000 });
      const handout = tab.frameLocator("#handout-frame");
      assert.ok((await handout.locator("body").innerText()).includes("<img src=x onerror=alert(1)>"));
      assert.equal(await handout.locator("img, script, svg, iframe").count(), 0);
    });

    await t.test("no dialog opened and no script of a record ran", async () => {
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
    });

    await t.test("a request to another origin is refused by the policy, before any network", async () => {
      const refused = await tab.evaluate(async () => {
        const violations = [];
        document.addEventListener("securitypolicyviolation", (event) => violations.push(event.effectiveDirective));
        const fetched = await fetch("https://example.org/collect?q=food").then(
          () => "sent",
          () => "refused",
        );
        const image = new Image();
        image.src = "https://example.org/pixel.png";
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { fetched, violations };
      });
      assert.equal(refused.fetched, "refused");
      // Each is refused by both policies, the <meta> and the header.
      assert.deepEqual([...new Set(refused.violations)].sort(), ["connect-src", "img-src"]);
    });
  } finally {
    await tab.close();
    await (await hostile).close();
    rmSync(copy, { recursive: true, force: true });
  }
});
