// The page: reads the form, asks the worker to search as the person types,
// shows result cards. English and French.

import { STRINGS } from "./i18n.js";

const $ = (id) => document.getElementById(id);
const PAGE = 20;

let ui = localStorage.getItem("servicematch-ui") ?? (navigator.language?.startsWith("fr") ? "fr" : "en");
let info = null;
let limit = PAGE;
let point = null; // {lat, lon} from "use my location"
let sequence = 0;
let inflight = false;
let pending = null;
let last = null; // the last answer, re-rendered when the language changes
const chosen = new Map(); // id → name: the services ticked for the handout, in the order ticked
let category = null; // the top-level category picked among the facets
let worker = startWorker();

const t = (key, ...args) => {
  const value = STRINGS[ui][key];
  return typeof value === "function" ? value(...args) : value;
};

function startWorker() {
  const next = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  next.onmessage = ({ data }) => receive(data);
  return next;
}

/** The query in the shared JSON shape, or null when there is nothing to search for. */
function currentQuery() {
  const text = $("q").value.trim();
  const nearText = $("near").value.trim();
  const query = { limit, explain: true };
  if (text) query.text = text;
  if (point) query.near = point;
  else if (nearText) query.near = nearText;
  if (!query.text && !query.near) return null;
  if (query.near && $("radius").value) query.radius_km = Number($("radius").value);
  const age = $("age").valueAsNumber;
  if (Number.isInteger(age) && age >= 0 && age <= 130) query.client = { age };
  const language = $("language").value;
  if (language) {
    query.languages = [language];
    query.require_language = $("language-only").checked;
  }
  if (category) query.categories = [category];
  if ($("free").checked) query.free_only = true;
  if ($("wheelchair").checked) query.wheelchair = true;
  if (query.near && $("serves-here").checked) query.serves_here = true;
  if ($("open-now").checked) {
    query.open_now = true;
    if ($("hours-known").checked) query.hours_known = true;
  }
  return query;
}

/** Searches for what the form says now; one search at a time, the latest wins. */
function schedule({ resetPaging = true } = {}) {
  if (!info) return;
  if (resetPaging) limit = PAGE;
  const query = currentQuery();
  if (!query) {
    last = null;
    $("results").replaceChildren();
    $("more").hidden = true;
    $("near-status").textContent = "";
    $("status").textContent = t("prompt");
    return;
  }
  if (inflight) {
    pending = query;
    return;
  }
  inflight = true;
  worker.postMessage({ type: "search", id: ++sequence, query });
}

function receive(data) {
  switch (data.type) {
    case "ready":
      info = data.info;
      document.body.dataset.timings = JSON.stringify(data.timings);
      fillLanguages();
      $("attribution").textContent = info.meta.attribution.join(" · ");
      for (const element of document.querySelectorAll("input, select, button")) {
        element.disabled = false;
      }
      $("status").textContent = t("ready", info.services);
      updateHandoutButton();
      document.body.dataset.state = "ready";
      schedule();
      return;
    case "load-error":
      $("status").textContent = t("loadFailed", data.message);
      document.body.dataset.state = "failed";
      return;
    case "results":
      last = data;
      render();
      break;
    case "handout":
      printHandout(data.html);
      return;
    case "error":
      if (data.request === "handout") {
        $("status").textContent = t("handoutFailed", data.message);
        return;
      }
      $("status").textContent = t("error", data.message);
      if (data.fatal) {
        // A bug stopped the WebAssembly instance: start a fresh worker.
        worker.terminate();
        info = null;
        worker = startWorker();
      }
      break;
  }
  inflight = false;
  if (pending) {
    const query = pending;
    pending = null;
    inflight = true;
    worker.postMessage({ type: "search", id: ++sequence, query });
  }
}

function render() {
  if (!last) return;
  const { results, details, near } = last;
  const nearStatus = $("near-status");
  if (point) nearStatus.textContent = "";
  else if (near?.found) nearStatus.textContent = t("nearFound", near.name);
  else if (near) nearStatus.textContent = t("nearUnknown", near.text);
  else nearStatus.textContent = "";
  if (!results) {
    $("facets").replaceChildren();
    $("results").replaceChildren();
    $("more").hidden = true;
    $("status").textContent = t("prompt");
    return;
  }
  $("status").textContent = t("found", results.total, results.total_exact) +
    (results.help_line ? " · " + t("helpLine", results.help_line) : "");
  $("facets").replaceChildren(...facetGroups(results.facets));
  $("results").replaceChildren(...results.hits.map((hit) => card(hit, details[hit.id] ?? {})));
  $("more").hidden = results.hits.length >= results.total;
  document.body.dataset.searchMs = String(last.ms);
}

const languageName = (code) => {
  try {
    return new Intl.DisplayNames([ui], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
};

function fillLanguages() {
  const select = $("language");
  const chosen = select.value;
  const any = select.options[0];
  const options = (info?.meta.languages ?? [])
    .map((code) => ({ code, name: languageName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, ui));
  select.replaceChildren(any, ...options.map(({ code, name }) => new Option(name, code)));
  select.value = chosen;
}

/** "Mon–Fri 9:00–17:00; Sat 10:00–14:00" in the page's language. */
function formatHours(hours) {
  if (!hours?.length) return null;
  const day = (weekday) => new Intl.DateTimeFormat(ui, { weekday: "short", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1 + weekday));
  const time = (minutes) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  const byDay = new Map();
  for (const { weekday, opens, closes } of hours) {
    byDay.set(weekday, [...(byDay.get(weekday) ?? []), `${time(opens)}–${time(closes)}`]);
  }
  const groups = [];
  for (let weekday = 0; weekday < 7; weekday += 1) {
    const spans = byDay.get(weekday)?.join(", ");
    if (!spans) continue;
    const previous = groups.at(-1);
    if (previous && previous.spans === spans && previous.last === weekday - 1) previous.last = weekday;
    else groups.push({ first: weekday, last: weekday, spans });
  }
  return groups
    .map(({ first, last: end, spans }) => `${first === end ? day(first) : `${day(first)}–${day(end)}`} ${spans}`)
    .join("; ");
}

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function definition(list, term, ...description) {
  if (description.length === 0 || description.every((d) => d === null || d === "")) return;
  list.append(element("dt", { textContent: term }), element("dd", {}, ...description));
}

/** Why this result, in the page's language, from the hit and its record. */
function reasons(hit, detail) {
  const query = currentQuery() ?? {};
  const parts = [];
  const wanted = query.languages?.[0];
  if (wanted && hit.languages.includes(wanted)) parts.push(t("speaks", languageName(wanted)));
  if (hit.distance_km !== null) parts.push(t("km", hit.distance_km));
  if (detail.ages && (detail.ages.min !== null || detail.ages.max !== null)) parts.push(t("ages", detail.ages.min, detail.ages.max));
  if (detail.cost === "free") parts.push(t("isFree"));
  if (hit.eligibility === "eligible" && query.client) parts.push(t("eligible"));
  if (hit.eligibility === "unknown") parts.push(t("checkEligibility"));
  if (hit.open_now === true) parts.push(t("openNowState"));
  if (hit.open_now === false) parts.push(t("closedNowState"));
  if (hit.serves_here === true) parts.push(t("servesHereState"));
  if (hit.serves_here === false) parts.push(t("outsideAreaState"));
  if (hit.relaxed) parts.push(t("relaxed", hit.relaxed));
  return parts.join(" · ");
}

/** The radius a distance band narrows to (the form's choices), if any. */
const BAND_RADIUS = { "under 1 km": "5", "1–5 km": "5", "5–10 km": "10", "10–25 km": "25", "25–50 km": "50" };

/**
 * The facets as filters: each value with its count over every match (not
 * just this page); a value that is a filter is a button that applies it
 * through the form (so the form always shows what is applied), and
 * un-applies it when pressed again.
 */
function facetGroups(facets) {
  if (!facets) return [];
  const toggle = (checkbox) => () => {
    $(checkbox).checked = !$(checkbox).checked;
    schedule();
  };
  const groups = [
    [t("facetCategory"), facets.categories, (value) => ({
      pressed: category === value,
      apply: () => {
        category = category === value ? null : value;
        schedule();
      },
    })],
    [t("facetOpen"), facets.open, (value) => value === "open" && { pressed: $("open-now").checked, apply: toggle("open-now") }],
    [t("facetCost"), facets.cost, (value) => value === "free" && { pressed: $("free").checked, apply: toggle("free") }],
    [t("facetLanguage"), facets.languages, (value) => ({
      pressed: $("language").value === value && $("language-only").checked,
      apply: () => {
        const on = $("language").value === value && $("language-only").checked;
        $("language").value = on ? "" : value;
        $("language-only").checked = !on;
        schedule();
      },
    })],
    [t("facetDistance"), facets.distance, (value) => BAND_RADIUS[value] && {
      pressed: $("radius").value === BAND_RADIUS[value],
      apply: () => {
        $("radius").value = $("radius").value === BAND_RADIUS[value] ? "" : BAND_RADIUS[value];
        schedule();
      },
    }],
    [t("facetEligibility"), facets.eligibility.map((c) => (c.value === "unknown" ? { ...c, value: "eligibility unknown" } : c)), () => null],
  ];
  const shown = groups
    .filter(([, counts]) => counts.length > 0)
    .map(([label, counts, filter]) => {
      const items = counts.slice(0, 8).map(({ value, count }) => {
        const name = facetName(label, value);
        const action = filter(value);
        const text = `${name} (${count.toLocaleString(ui === "fr" ? "fr-CA" : "en-CA")}${facets.exact ? "" : "+"})`;
        if (!action) return element("li", {}, element("span", { className: "facet", textContent: text }));
        const button = element("button", { type: "button", className: "facet", textContent: text });
        button.setAttribute("aria-pressed", String(action.pressed));
        button.dataset.facet = value;
        button.addEventListener("click", action.apply);
        return element("li", {}, button);
      });
      return element("div", { role: "group", ariaLabel: label }, element("span", { className: "facet-label", textContent: label }), element("ul", {}, ...items));
    });
  if (shown.length && !facets.exact) shown.push(element("p", { className: "hint", textContent: t("facetAtLeast") }));
  return shown;
}

/** A facet value as the page shows it: languages by name, the rest in the page's language. */
function facetName(label, value) {
  return label === t("facetLanguage") ? languageName(value) : t("facetValue", value);
}

/** The print button says how many services are ticked. */
function updateHandoutButton() {
  const button = $("print-handout");
  button.textContent = t("printHandout", chosen.size);
  button.disabled = !info || chosen.size === 0;
}

/** Prints the handout from a hidden frame: the page itself stays as it is. */
function printHandout(html) {
  const frame = $("handout-frame");
  frame.onload = () => {
    document.body.dataset.handout = "ready";
    frame.contentWindow.focus();
    frame.contentWindow.print();
  };
  frame.srcdoc = html;
}

/** The record's web address when it is one (http or https): a directory may hold "javascript:…". */
function webAddress(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

function card(hit, detail) {
  const url = webAddress(hit.url);
  const title = element("h2", {}, url ? element("a", { href: url, textContent: hit.name, rel: "noopener" }) : hit.name);
  const list = element("dl");
  definition(list, t("address"), hit.location?.address ?? null);
  if (hit.phones.length) {
    definition(
      list,
      t("phone"),
      element("ul", {}, ...hit.phones.map((phone) => element("li", {}, element("a", { href: `tel:${phone.replace(/[^\d+]/g, "")}`, textContent: phone })))),
    );
  }
  definition(list, t("hours"), formatHours(detail.hours) ?? detail.hours_text ?? null);
  definition(list, t("languages"), hit.languages.map(languageName).join(", ") || null);
  definition(list, t("apply"), detail.application_process ?? null);
  definition(list, t("bring"), (detail.required_documents ?? []).join(", ") || null);
  const why = reasons(hit, detail);
  const tick = element("input", { type: "checkbox", checked: chosen.has(hit.id) });
  tick.dataset.id = hit.id;
  tick.addEventListener("change", () => {
    if (tick.checked) chosen.set(hit.id, hit.name);
    else chosen.delete(hit.id);
    updateHandoutButton();
  });
  return element(
    "li",
    { className: "card" },
    element(
      "article",
      { ariaLabel: hit.name },
      title,
      hit.organization && hit.organization !== hit.name ? element("p", { className: "org", textContent: hit.organization }) : null,
      why ? element("p", { className: "why", textContent: why }) : null,
      list,
      element("label", { className: "check pick" }, tick, element("span", { textContent: t("addToHandout") })),
    ),
  );
}

function applyLanguage() {
  document.documentElement.lang = ui;
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-i18n]")) {
    const text = t(node.dataset.i18n);
    if (typeof text === "string") node.textContent = text;
  }
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll("[data-i18n-aria-label]")) node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
  const toggle = $("ui-language");
  toggle.textContent = t("switchTo");
  toggle.lang = ui === "en" ? "fr" : "en";
  toggle.setAttribute("aria-label", t("switchLabel"));
  if (point) $("near").value = t("myLocation");
  updateHandoutButton();
  if (info) {
    fillLanguages();
    $("status").textContent = t("ready", info.services);
    render();
  }
  const offline = document.body.dataset.offline;
  $("offline").textContent = offline === "ready" ? t("offlineReady") : offline === "unsupported" ? t("offlineUnsupported") : t("offlinePending");
}

$("ui-language").addEventListener("click", () => {
  ui = ui === "en" ? "fr" : "en";
  localStorage.setItem("servicematch-ui", ui);
  applyLanguage();
});
$("search").addEventListener("submit", (event) => event.preventDefault());
$("search").addEventListener("input", (event) => {
  if (event.target.id === "near") point = null;
  schedule();
});
$("print-handout").addEventListener("click", () => {
  if (chosen.size === 0) return;
  delete document.body.dataset.handout;
  worker.postMessage({ type: "handout", id: ++sequence, ids: [...chosen.keys()], lang: ui });
});
$("more").addEventListener("click", () => {
  limit += PAGE;
  schedule({ resetPaging: false });
});
$("locate").addEventListener("click", () => {
  if (!navigator.geolocation) {
    $("near-status").textContent = t("locationFailed");
    return;
  }
  $("near-status").textContent = t("locating");
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => {
      point = { lat: coords.latitude, lon: coords.longitude };
      $("near").value = t("myLocation");
      schedule();
    },
    () => {
      $("near-status").textContent = t("locationFailed");
    },
    { maximumAge: 600_000, timeout: 10_000 },
  );
});

for (const node of document.querySelectorAll("input, select, button")) {
  if (node.id !== "ui-language") node.disabled = true;
}
applyLanguage();

if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register("sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      document.body.dataset.offline = "ready";
      $("offline").textContent = t("offlineReady");
    })
    .catch(() => {
      document.body.dataset.offline = "unsupported";
      $("offline").textContent = t("offlineUnsupported");
    });
} else {
  document.body.dataset.offline = "unsupported";
  $("offline").textContent = t("offlineUnsupported");
}
