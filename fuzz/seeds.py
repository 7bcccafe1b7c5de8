#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora: fuzz/corpus/<target>/.

Usage: seeds.py CLI CORPUS

CLI is the `servicematch` binary; it builds the small real indexes that seed
the `index` target (the fuzzer then starts past the header). Everything else
comes from the repository's fixtures. Seeds are made at run time, not
committed: the indexes alone are about 250 KB each.
"""

import io
import json
import pathlib
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
HSDS = ROOT / "hsds" / "testdata"

# The hsds target's table names, in its order (fuzz_targets/hsds.rs TABLES).
TABLES = [
    "services.csv", "organizations.csv", "locations.csv", "service_at_location.csv",
    "services_at_location.csv", "schedules.csv", "regular_schedules.csv",
    "holiday_schedules.csv", "addresses.csv", "physical_addresses.csv",
    "postal_addresses.csv", "phones.csv", "languages.csv", "taxonomy_terms.csv",
    "taxonomies.csv", "taxonomy.csv", "services_taxonomy.csv", "attributes.csv",
    "eligibility.csv", "cost_options.csv", "service_areas.csv", "accessibility.csv",
    "accessibility_for_disabilities.csv", "contacts.csv", "required_documents.csv",
    "programs.csv", "funding.csv", "payments_accepted.csv",
    "organization_identifiers.csv", "metadata.csv", "datapackage.json",
]

FOLDERS = {
    "hsds3-csv": (HSDS / "hsds3" / "csv", 2),
    "hsds1": (HSDS / "hsds1-datapackage", 3),
    "messy-hsds3-csv": (HSDS / "messy" / "hsds3-csv", 2),
    "messy-hsds1": (HSDS / "messy" / "hsds1", 3),
    "messy-ohana": (HSDS / "messy" / "ohana", 4),
}


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def index_seeds(cli, out):
    inputs = [HSDS / "hsds3" / "service_full.json"] + [f for f, _ in FOLDERS.values()]
    for path in inputs:
        target = out / f"{path.stem}.smx"
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [cli, "build", str(path), "-o", str(target), "--show-problems", "0"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def query_seeds(out):
    queries = [q["query"] for q in json.loads((ROOT / "benches" / "queries.json").read_text())]
    for case in json.loads((ROOT / "core" / "testdata" / "bad-queries.json").read_text()):
        queries.append(case.get("query", case.get("json")))
    queries += [
        {"text": "food", "near": "K1N 5T5", "radius_km": 10, "client": {"age": 72,
         "gender": "female", "income": 20000, "household_size": 3, "statuses": ["senior"]},
         "languages": ["fr"], "require_language": True, "categories": ["food"],
         "open_at": "2026-11-29T03:00:00-05:00", "hours_known": True, "serves_here": True,
         "free_only": True, "wheelchair": True, "limit": 20, "offset": 5, "explain": True},
        {"near": {"lat": 45.42, "lon": -75.69}, "open_now": True},
    ]
    for i, query in enumerate(queries):
        text = query if isinstance(query, str) else json.dumps(query)
        write(out, f"query-{i:03}.json", text.encode())


def hsds_seeds(out):
    for path in sorted((HSDS / "hsds3").glob("*.json")):
        write(out, f"json-{path.stem}", b"\0" + path.read_bytes())
    for name, (folder, shape) in FOLDERS.items():
        packed = bytearray([shape])
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for path in sorted(folder.iterdir()):
                if path.name in TABLES:
                    packed += bytes([TABLES.index(path.name)]) + path.read_bytes() + b"\0"
                    z.write(path, f"export/{path.name}")
        write(out, f"folder-{name}", bytes(packed))
        write(out, f"detect-{name}", b"\1" + bytes(packed[1:]))
        write(out, f"zip-{name}", b"\5" + archive.getvalue())


def parser_seeds(out):
    seeds = {
        0: ["WEEKLY|1|MO,WE|||09:00|17:00", "WEEKLY||FR|||22:00|02:00",
            "MONTHLY||1SA,-1FR|||10:00|14:00||||America/Toronto",
            "||||Mon-Fri|9am|5:00 PM", "|||1|noon|midnight|2026-12-24|2026-12-26|true",
            "DAILY||||24 hours|"],
        1: ["ages 18-24", "65 and older", "seniors 60+", "under 18", "birth to 5",
            "adults", "youth 12 through 17", "17.0"],
        2: ["Spanish and German.", "Francais", "English, French (by appointment)",
            "ASL interpretation available", "fr", "fra", "Ojibwe; Cree"],
        3: ["Français", "ojibwa", "Deutsch"],
        4: ["9:00am", "Mon-Fri", "MO,TU,WE", "09:00-05:00", "12noon", "830am", "2MO"],
        5: ["2026-12-25|2026-12-26", "2026-02-30|2026-03-01"],
    }
    for kind, texts in seeds.items():
        for i, text in enumerate(texts):
            write(out, f"{kind}-{i:02}", bytes([kind]) + text.encode())


def main():
    cli, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
    index_seeds(cli, corpus / "index")
    query_seeds(corpus / "query")
    hsds_seeds(corpus / "hsds")
    parser_seeds(corpus / "parsers")
    (corpus / "c_setters").mkdir(parents=True, exist_ok=True)


if __name__ == "__main__":
    main()
