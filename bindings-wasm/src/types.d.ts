
/** What `ServiceIndex.load` accepts: the bytes of a `.smx` file, or where to fetch them. */
export type IndexSource = Uint8Array | ArrayBuffer | Response | URL | string;

/**
 * A search, in the JSON shape every servicematch surface shares. Every field
 * is optional; `{}` lists every active service, 10 at a time. Unknown fields
 * are refused (a thrown `Error` names them).
 */
export interface Query {
  /** Free text, English or French: "food bank", "aide alimentaire". */
  text?: string | null;
  /** Where the person is: a point in degrees, or a postal code ("P3E 2C6"), forward sortation area ("P3E") or place name ("Sudbury"). */
  near?: Near | null;
  /** Only services with a location within this many kilometres of `near` (needs `near`). */
  radius_km?: number | null;
  /** Who the person is, for eligibility. */
  client?: Client | null;
  /** Preferred languages (ISO 639 codes or names); services offering one rank higher. */
  languages?: string[];
  /** Only services offering one of `languages` (needs `languages`). */
  require_language?: boolean;
  /** Only services under one of these taxonomy terms (code or name), or a narrower term. */
  categories?: string[];
  /** Only services open now (by `Date.now()`, in each service's own time zone), and those whose hours are unknown, ranked below them. */
  open_now?: boolean;
  /** Only services open at this RFC 3339 time with its offset ("2026-11-29T03:00:00-05:00"), and those whose hours are unknown. */
  open_at?: string | null;
  /** With `open_now` or `open_at`: leave out services whose hours are unknown. */
  hours_known?: boolean;
  /** Leave out services whose declared service area excludes `near` (needs `near`). */
  serves_here?: boolean;
  /** Only services known to be free. */
  free_only?: boolean;
  /** Only services with a wheelchair-accessible location. */
  wheelchair?: boolean;
  /** How many hits to return, 1 to 1000 (default 10). */
  limit?: number;
  /** How many of the best hits to skip, for paging (0 to 100000). */
  offset?: number;
  /** Attach an `Explanation` to every hit. */
  explain?: boolean;
}

/** A point in degrees (WGS 84), or a postal code, forward sortation area or place name. */
export type Near = { lat: number; lon: number } | string;

/** The person's profile, checked against services' eligibility. */
export interface Client {
  /** Age in years (0 to 130). */
  age?: number | null;
  /** "female", "male" or "other" (also "woman", "man", "non-binary"…). */
  gender?: string | null;
  /** Yearly household income in dollars, for services with an income limit. */
  income?: number | null;
  /** People in the household (1 to 50), for limits that depend on it. */
  household_size?: number | null;
  /** Groups the person belongs to: "senior", "youth", "newcomer", "refugee", "indigenous", "veteran", "disability", "pregnant", "caregiver", "student", "lgbtq", "parent", "homeless". Services made for them rank first. */
  statuses?: string[];
}

/** The ranked answer to a `Query`. */
export interface Results {
  /** How many services matched, before `offset` and `limit`; a lower bound when `total_exact` is false. */
  total: number;
  /** Whether `total` counts every match (else show it as "1,000+"). */
  total_exact: boolean;
  /** The hits, best first. */
  hits: Hit[];
  /** Facet counts over the matches (not just this page). */
  facets: Facets | null;
  /** The directory's own help line ("211"), with every answer; `null` when its build gave none. */
  help_line: string | null;
}

/** Facet counts over the matches, most common first; exact when `exact`, else lower bounds (as `total`). */
export interface Facets {
  exact: boolean;
  /** Per top-level category ("Food", "Health"). */
  categories: FacetCount[];
  /** Per language code ("en", "fr"). */
  languages: FacetCount[];
  /** "free", "sliding_scale", "fee", "unknown". */
  cost: FacetCount[];
  /** With `open_now` or `open_at`: "open", "closed" (opening later today), "hours unknown". */
  open: FacetCount[];
  /** With a client profile: "eligible", "unknown". */
  eligibility: FacetCount[];
  /** With `near`: "under 1 km", "1–5 km", "5–10 km", "10–25 km", "25–50 km", "50 km or more", "no location". */
  distance: FacetCount[];
}

/** One value of a facet and how many matches have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** One matching service. */
export interface Hit {
  /** The publisher's own HSDS service id. */
  id: string;
  /** Service name. */
  name: string;
  /** Organization name. */
  organization: string | null;
  /** Ranking score: higher is better; comparable within one result list only. */
  score: number;
  /** Kilometres from `near` to the service's nearest location; `null` without `near`. */
  distance_km: number | null;
  /** Whether the client profile fits; `null` without `client`. */
  eligibility: Eligibility | null;
  /** Languages the service is offered in (ISO 639 codes, else names). */
  languages: string[];
  /** Whether the service is open at the query's time (`open_at`, else now), in its own time zone; `null` when its hours are unknown. */
  open_now: boolean | null;
  /** Whether the service's declared area holds `near`; `null` without `near` or when it declares none. */
  serves_here: boolean | null;
  /** The location nearest to `near` (the first one without `near`). */
  location: HitLocation | null;
  /** Names of the taxonomy terms the service is classified under. */
  categories: string[];
  /** Phone numbers. */
  phones: string[];
  /** Web page. */
  url: string | null;
  /** Why this hit ranks where it does; only when the query asks to `explain`. */
  explanation: Explanation | null;
  /** Set when too few services meet the whole query and this one is offered with a soft constraint relaxed: what was relaxed ("beyond 10 km", "language preferred, not required", "opens later today", "hours unknown", "outside its service area"). */
  relaxed: string | null;
}

/** A location of a hit. */
export interface HitLocation {
  /** Latitude in degrees. */
  lat: number;
  /** Longitude in degrees. */
  lon: number;
  /** Street address on one line. */
  address: string | null;
  /** Postal code. */
  postal_code: string | null;
}

/** Three-valued eligibility: unknown ranks below eligible and is never dropped; ineligible services are not returned. */
export type Eligibility = "eligible" | "unknown" | "ineligible";

/** The factors behind a hit's score (their product), and a plain-language reason. */
export interface Explanation {
  /** One line for a person: "speaks French · 1.2 km · ages 65+ · free". */
  reason: string;
  /** Text relevance (BM25); `null` without text. */
  text: number | null;
  /** Distance decay in (0, 1]; `null` without `near`. */
  distance: number | null;
  /** Language factor: 1 when the service offers a preferred language. */
  language: number;
  /** Eligibility factor: 1 when eligible, less when unknown. */
  eligibility: number;
  /** Open-hours factor: 1 when open at the query's time (or no time asked), less when the hours are unknown. */
  open: number;
  /** Fit factor: 1 for a service made for the client (or without a profile), less for one for everyone, less still for one made for others. */
  fit: number;
  /** How to reach the service in one line, when the data says: "Call to register · bring: Health card · wheelchair accessible". */
  access: string | null;
}

/** A summary of an index. */
export interface IndexInfo {
  /** Format version of the file. */
  format_version: number;
  /** File size in bytes. */
  bytes: number;
  /** Services in the index. */
  services: number;
  /** Service locations. */
  locations: number;
  /** The metadata written at build time. */
  meta: IndexMeta;
  /** The sections of the file. */
  sections: SectionSummary[];
}

/** Metadata written into every index at build time. */
export interface IndexMeta {
  /** Format version of the file. */
  format_version: number;
  /** Dataset name. */
  name: string;
  /** Version of servicematch that built the file. */
  built_by: string;
  /** Build time, in seconds since the Unix epoch. */
  built_at: number;
  /** Services in the index. */
  services: number;
  /** Service locations. */
  locations: number;
  /** Postal codes and areas in the gazetteer. */
  postal_codes: number;
  /** ISO 639 codes of the languages services are offered in, most common first. */
  languages: string[];
  /** The names of `languages`, one entry per code in the same order: what a query may call them (empty in files built before it was written). */
  language_names: LanguageName[];
  /** Attribution and licence lines for the data: show them where results are shown. */
  attribution: string[];
  /** Counts of the import that fed the build. */
  import: { services_read: number; services_rejected: number };
  /** The directory's own help line ("211"), given with every search's results. */
  help_line: string | null;
  /** The low-income line that income limits given as a share of it are read against (Statistics Canada's LIM-AT unless the publisher gave its own). */
  low_income_line: { name: string; source: string; year: number; thresholds: number[] };
  /** The top-level categories of the index's services, most common first (facets count by them). */
  top_categories: string[];
}

/** A language of an index and its names (`languages` in a query may give either). */
export interface LanguageName {
  /** ISO 639 code, as in `IndexMeta.languages`. */
  code: string;
  /** English name ("French"; the code itself when it has none). */
  name: string;
  /** The name in the language itself ("français"), where known. */
  autonym?: string;
}

/** One section of an index file. */
export interface SectionSummary {
  name: string;
  offset: number;
  bytes: number;
  /** CRC-32, 8 hex digits. */
  crc32: string;
}

/** Where a gazetteer lookup landed. */
export interface Place {
  /** Latitude in degrees. */
  lat: number;
  /** Longitude in degrees. */
  lon: number;
  /** What was found: "P3E", "P3E 2C6" or "Sudbury, ON". */
  name: string;
}

/** A health or social service with its organization and all its locations: the full record behind a hit. */
export interface Service {
  /** The publisher's own HSDS service id. */
  id: string;
  name: string;
  /** Other names people know the service by. */
  alternate_names: string[];
  /** What the service does, in the publisher's words. */
  description: string | null;
  organization: Organization | null;
  /** Every place where the service is delivered. */
  locations: ServiceLocation[];
  phones: Phone[];
  url: string | null;
  email: string | null;
  languages: Language[];
  /** Who the service is for. */
  eligibility: ServiceEligibility;
  /** Taxonomy terms the service is classified under. */
  categories: Category[];
  /** Extra search keywords. */
  keywords: string[];
  cost: Cost;
  /** The publisher's own words about fees. */
  fees_description: string | null;
  accessibility: Accessibility;
  /** Weekly opening hours in the service's local time. */
  hours: OpenInterval[];
  /** Opening hours as text, where they could not be structured. */
  hours_text: string | null;
  /** How to apply or get referred. */
  application_process: string | null;
  /** Documents to bring. */
  required_documents: string[];
  status: ServiceStatus;
  /** When the publisher last verified the record (ISO 8601 date). */
  last_verified: string | null;
  /** The IANA time zone of the hours ("America/Winnipeg"). */
  time_zone: string | null;
  /** Monthly hours: the `week`-th `weekday` of each month (-1: the last). */
  monthly_hours: { week: number; weekday: number; opens: number; closes: number }[];
  /** Date ranges ("YYYY-MM-DD", inclusive) with hours of their own; no hours: closed. */
  hours_exceptions: { from: string; until: string; hours: OpenInterval[] }[];
  /** Where the service serves: polygons of (lon, lat) points, postal prefixes, or a name. */
  service_areas: {
    name: string | null;
    polygons: { exterior: [number, number][]; holes: [number, number][][] }[];
    postal_prefixes: string[];
  }[];
  /** The program the service belongs to, by name (HSDS `program`). */
  program: string | null;
}

/** The organization behind a service. */
export interface Organization {
  id: string;
  name: string;
  url: string | null;
}

/** A place where a service is delivered. */
export interface ServiceLocation {
  id: string;
  name: string | null;
  /** Latitude in degrees. */
  lat: number;
  /** Longitude in degrees. */
  lon: number;
  /** Street address on one line. */
  address: string | null;
  city: string | null;
  /** Province, state or region ("ON"). */
  region: string | null;
  postal_code: string | null;
}

/** A phone number. */
export interface Phone {
  number: string;
  extension: string | null;
  /** voice, fax, text, hotline… */
  kind: string | null;
}

/** A language a service is offered in. */
export interface Language {
  /** ISO 639-1 code where one exists, else ISO 639-3, else `null`. */
  code: string | null;
  /** The name as the publisher gave it. */
  name: string;
}

/** Who a service is for, as far as the publisher's data says. */
export interface ServiceEligibility {
  /** Inclusive age range in years. */
  ages: AgeRange | null;
  /** Genders served; empty means all. */
  genders: Gender[];
  /** The publisher's own eligibility text. */
  description: string | null;
  /** Groups the service is for, each marked when read from its eligibility text. */
  groups: { group: string; from_text: boolean }[];
  /** A household income limit: yearly dollars, or a share of the low-income line for the household's size. */
  income_limit: { max_yearly: number | null; low_income_share: number | null; from_text: boolean } | null;
  /** Provinces whose residents it serves ("ON"); empty means anywhere. */
  residency: string[];
}

/** An inclusive range of ages in years. */
export interface AgeRange {
  min: number | null;
  max: number | null;
  /** Whether the range was read from free text rather than structured fields. */
  from_text: boolean;
}

export type Gender = "female" | "male" | "other";

/** A taxonomy term, with its broader terms nearest first. */
export interface Category {
  code: string | null;
  name: string;
  vocabulary: string | null;
  ancestors: { code: string | null; name: string }[];
}

export type Cost = "unknown" | "free" | "sliding_scale" | "fee";

export interface Accessibility {
  /** Whether at least one location is wheelchair accessible. */
  wheelchair: boolean;
  notes: string[];
}

/** A weekly open interval in the service's local time. */
export interface OpenInterval {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes after midnight. */
  opens: number;
  /** Minutes after midnight (up to 1440). */
  closes: number;
}

export type ServiceStatus = "active" | "inactive" | "defunct" | "temporarily_closed";

/** Options of `ServiceIndex.handout`. */
export interface HandoutOptions {
  /** The handout's language: "en" (default) or "fr" ("fr-CA", "français"… also read). */
  lang?: "en" | "fr" | string | null;
  /** "text" (default) or "html": one self-contained page with print styles. */
  format?: "text" | "html" | null;
  /** The sentence at the foot of the page giving the help line (default: one naming 211). */
  help_line?: string | null;
}

/**
 * A FHIR R4 Bundle as `searchFhir` (`searchset`) and `serviceFhir`
 * (`collection`) give it: `HealthcareService` entries with their
 * `Organization` and `Location`s contained. Only the outline is typed here;
 * use a FHIR R4 type package (such as `@types/fhir`'s `fhir4.Bundle`) for the
 * resources in full.
 */
export interface FhirBundle {
  resourceType: "Bundle";
  type: "searchset" | "collection";
  /** Number of matches, when the search counted them all. */
  total?: number;
  /** Absent when there is nothing to list (FHIR has no empty arrays). */
  entry?: FhirBundleEntry[];
}

/** One entry of a `FhirBundle`. */
export interface FhirBundleEntry {
  resource: FhirHealthcareService;
  /** In a `searchset`: `{ mode: "match", score }`. */
  search?: { mode: "match"; score: number };
}

/** A FHIR R4 `HealthcareService`, outlined: the fields servicematch writes. */
export interface FhirHealthcareService {
  resourceType: "HealthcareService";
  id: string;
  /** `Organization` and `Location` resources, referenced as `#org` and `#loc-1`… */
  contained?: Array<{ resourceType: "Organization" | "Location"; id: string; [field: string]: unknown }>;
  /** The publisher's service id (system `urn:servicematch:hsds:service`). */
  identifier?: { use?: string; system: string; value: string }[];
  active: boolean;
  name?: string;
  [field: string]: unknown;
}
