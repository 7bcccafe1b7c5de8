//! SQLite FTS5 + R*Tree (rusqlite with its bundled SQLite): what an EMR
//! vendor embedding a C library would reach for.
//!
//! Setup: one database file. `fts` is a contentless FTS5 table over name,
//! organization, description, categories and keywords (`porter unicode61
//! remove_diacritics 2`); `location_rtree` an R*Tree of every location;
//! `service` the filter columns; `category` the category keys (with broader
//! terms); `record` each service's full record as JSON, read for the hits.
//! The query is one SQL statement: `-bm25()` with the same column weights as
//! ours, times the same distance decay, language and eligibility factors,
//! computed in SQL (haversine and decay as application-defined functions:
//! the bundled SQLite has no math functions); a radius is a bounding box on
//! the R*Tree confirmed by haversine. Opened read-only with `mmap_size` 2 GB;
//! statements are prepared once and cached.

use std::path::{Path, PathBuf};

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags, ToSql};
use servicematch::Service;

use super::{Engine, Found};
use crate::corpus::Doc;
use crate::mix::{words, BenchQuery};
use crate::Result;

/// SQLite over one database file.
pub struct Sqlite {
    conn: Connection,
}

fn db_path(dir: &Path) -> PathBuf {
    dir.join("index.sqlite")
}

const SCHEMA: &str = "
CREATE TABLE service(
    sid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    active INTEGER NOT NULL,
    min_age INTEGER,
    max_age INTEGER,
    age_from_text INTEGER NOT NULL,
    langs TEXT NOT NULL
);
CREATE TABLE record(sid INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(
    name, organization, description, categories, keywords,
    content='', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE location(lid INTEGER PRIMARY KEY, sid INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL);
CREATE VIRTUAL TABLE location_rtree USING rtree(lid, min_lat, max_lat, min_lon, max_lon);
CREATE TABLE category(key TEXT NOT NULL, sid INTEGER NOT NULL, PRIMARY KEY(key, sid)) WITHOUT ROWID;
";

/// Column weights of `bm25()`, in the FTS5 column order: ours.
const BM25: &str = "-bm25(fts, 3.0, 1.5, 1.0, 2.0, 2.0)";

/// Distance from location `l` to (:lat, :lon), in kilometres.
const HAVERSINE: &str = "haversine_km(l.lat, l.lon, :lat, :lon)";

/// Registers the two application-defined functions the queries use: the
/// bundled SQLite is built without its math functions (`sin`, `pow`…), so
/// the haversine distance and the decay are Rust functions, as an embedder
/// would write them.
fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("haversine_km", 4, flags, |ctx| {
        Ok(servicematch::geo::distance_km(
            ctx.get(0)?,
            ctx.get(1)?,
            ctx.get(2)?,
            ctx.get(3)?,
        ))
    })?;
    // NULL for a service without a location (a LEFT JOIN miss): the query's
    // coalesce() then gives the unknown-distance factor.
    conn.create_scalar_function("distance_decay", 1, flags, |ctx| {
        Ok(ctx
            .get::<Option<f64>>(0)?
            .map(|km| f64::from(servicematch::rank::decay(km))))
    })
}

impl Engine for Sqlite {
    fn build(services: Vec<Service>, dir: &Path) -> Result<()> {
        let mut conn = Connection::open(db_path(dir))?;
        conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
        conn.execute_batch(SCHEMA)?;
        let tx = conn.transaction()?;
        {
            let mut service_row = tx.prepare(
                "INSERT INTO service(sid, id, active, min_age, max_age, age_from_text, langs)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut record_row = tx.prepare("INSERT INTO record(sid, json) VALUES (?1, ?2)")?;
            let mut text_row = tx.prepare(
                "INSERT INTO fts(rowid, name, organization, description, categories, keywords)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut location_row =
                tx.prepare("INSERT INTO location(lid, sid, lat, lon) VALUES (?1, ?2, ?3, ?4)")?;
            let mut rtree_row = tx.prepare(
                "INSERT INTO location_rtree(lid, min_lat, max_lat, min_lon, max_lon) VALUES (?1, ?2, ?2, ?3, ?3)",
            )?;
            let mut category_row =
                tx.prepare("INSERT OR IGNORE INTO category(key, sid) VALUES (?1, ?2)")?;
            let mut lid = 0i64;
            for (sid, service) in services.iter().enumerate() {
                let sid = sid as i64;
                let doc = Doc::from_service(service);
                let langs = format!(",{},", doc.languages.join(","));
                service_row.execute(rusqlite::params![
                    sid,
                    doc.id,
                    doc.active,
                    doc.min_age,
                    doc.max_age,
                    doc.age_from_text,
                    langs
                ])?;
                record_row.execute(rusqlite::params![sid, serde_json::to_string(service)?])?;
                text_row.execute(rusqlite::params![
                    sid,
                    doc.name,
                    doc.organization,
                    doc.description,
                    doc.categories,
                    doc.keywords
                ])?;
                for [lat, lon] in &doc.points {
                    lid += 1;
                    location_row.execute(rusqlite::params![lid, sid, lat, lon])?;
                    rtree_row.execute(rusqlite::params![lid, lat, lon])?;
                }
                for key in &doc.category_keys {
                    category_row.execute(rusqlite::params![key, sid])?;
                }
            }
        }
        tx.commit()?;
        conn.execute_batch(
            "CREATE INDEX location_by_service ON location(sid);
             INSERT INTO fts(fts) VALUES('optimize');
             ANALYZE;",
        )?;
        Ok(())
    }

    fn open(dir: &Path) -> Result<Sqlite> {
        let conn = Connection::open_with_flags(
            db_path(dir),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch("PRAGMA mmap_size = 2147418112;")?;
        conn.set_prepared_statement_cache_capacity(64);
        register_functions(&conn)?;
        Ok(Sqlite { conn })
    }

    fn search(&self, query: &BenchQuery) -> Result<Vec<Found>> {
        let (sql, params) = statement(query);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let named: Vec<(&str, &dyn ToSql)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_ref()))
            .collect();
        let mut rows = stmt.query(named.as_slice())?;
        let mut sids = Vec::with_capacity(query.limit);
        while let Some(row) = rows.next()? {
            sids.push(row.get::<_, i64>(0)?);
        }
        let mut record = self
            .conn
            .prepare_cached("SELECT json FROM record WHERE sid = ?1")?;
        sids.into_iter()
            .map(|sid| {
                let json: String = record.query_row([sid], |row| row.get(0))?;
                let service: Service = serde_json::from_str(&json)?;
                Ok(Found {
                    id: service.id,
                    name: service.name,
                })
            })
            .collect()
    }
}

type Param = (String, Box<dyn ToSql>);

/// The SQL statement and its named parameters for `query`.
pub fn statement(query: &BenchQuery) -> (String, Vec<Param>) {
    let mut params: Vec<Param> = Vec::new();
    let mut with = Vec::new();
    let text = query.text.as_deref().map(words).filter(|w| !w.is_empty());
    if let Some(words) = &text {
        let expression = words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" OR ");
        params.push((":match".into(), Box::new(expression)));
        with.push(format!(
            "t AS (SELECT rowid AS sid, {BM25} AS text FROM fts WHERE fts MATCH :match)"
        ));
    }
    if let Some([lat, lon]) = query.point {
        params.push((":lat".into(), Box::new(lat)));
        params.push((":lon".into(), Box::new(lon)));
        match query.radius_km {
            Some(radius) => {
                let dlat = radius / 111.19;
                let dlon = (radius / (111.19 * lat.to_radians().cos().max(0.01))).min(180.0);
                for (name, value) in [
                    (":min_lat", lat - dlat),
                    (":max_lat", lat + dlat),
                    (":min_lon", lon - dlon),
                    (":max_lon", lon + dlon),
                ] {
                    params.push((name.into(), Box::new(value)));
                }
                params.push((":radius".into(), Box::new(radius)));
                with.push(format!(
                    "d AS (SELECT l.sid AS sid, MIN({HAVERSINE}) AS km
                       FROM location_rtree r JOIN location l ON l.lid = r.lid
                       WHERE r.max_lat >= :min_lat AND r.min_lat <= :max_lat
                         AND r.max_lon >= :min_lon AND r.min_lon <= :max_lon
                       GROUP BY l.sid)"
                ));
            }
            None => {
                let join = if text.is_some() {
                    "JOIN t ON t.sid = l.sid"
                } else {
                    ""
                };
                with.push(format!(
                    "d AS (SELECT l.sid AS sid, MIN({HAVERSINE}) AS km FROM location l {join} GROUP BY l.sid)"
                ));
            }
        }
    }
    let mut factors = vec![if text.is_some() { "t.text" } else { "1.0" }.to_owned()];
    let mut from = if text.is_some() {
        "t JOIN service s ON s.sid = t.sid".to_owned()
    } else {
        "service s".to_owned()
    };
    let mut conditions = vec!["s.active = 1".to_owned()];
    if query.point.is_some() {
        let decay = "distance_decay(d.km)".to_owned();
        if query.radius_km.is_some() {
            from.push_str(" JOIN d ON d.sid = s.sid");
            conditions.push("d.km <= :radius".into());
            factors.push(decay);
        } else {
            from.push_str(" LEFT JOIN d ON d.sid = s.sid");
            factors.push(format!(
                "coalesce({decay}, {})",
                servicematch::rank::DISTANCE_UNKNOWN
            ));
        }
    }
    if !query.categories.is_empty() {
        let names: Vec<String> = (0..query.categories.len())
            .map(|i| format!(":c{i}"))
            .collect();
        for (name, key) in names.iter().zip(&query.categories) {
            params.push((name.clone(), Box::new(key.clone())));
        }
        conditions.push(format!(
            "s.sid IN (SELECT sid FROM category WHERE key IN ({}))",
            names.join(", ")
        ));
    }
    if !query.languages.is_empty() {
        let mut offered = Vec::new();
        for (i, code) in query.languages.iter().enumerate() {
            let name = format!(":l{i}");
            offered.push(format!("instr(s.langs, {name}) > 0"));
            params.push((name, Box::new(format!(",{code},"))));
        }
        let offered = format!("({})", offered.join(" OR "));
        if query.require_language {
            conditions.push(offered.clone());
        }
        factors.push(format!(
            "(CASE WHEN {offered} THEN 1.0 WHEN s.langs = ',,' THEN {} ELSE {} END)",
            servicematch::rank::LANGUAGE_UNLISTED,
            servicematch::rank::LANGUAGE_OTHER
        ));
    }
    if let Some(age) = query.age {
        params.push((":age".into(), Box::new(age)));
        let unknown = servicematch::rank::ELIGIBILITY_UNKNOWN;
        let eligibility = format!(
            "(CASE WHEN s.min_age IS NULL AND s.max_age IS NULL THEN {unknown}
                   WHEN (s.min_age IS NULL OR :age >= s.min_age) AND (s.max_age IS NULL OR :age <= s.max_age) THEN 1.0
                   WHEN s.age_from_text THEN {unknown} ELSE 0.0 END)"
        );
        conditions.push(format!("{eligibility} > 0"));
        factors.push(eligibility);
    }
    params.push((":limit".into(), Box::new(query.limit as i64)));
    let with = if with.is_empty() {
        String::new()
    } else {
        format!("WITH {}\n", with.join(",\n"))
    };
    let sql = format!(
        "{with}SELECT s.sid, s.id, {} AS score FROM {from} WHERE {} ORDER BY score DESC, s.id LIMIT :limit",
        factors.join(" * "),
        conditions.join(" AND ")
    );
    (sql, params)
}
