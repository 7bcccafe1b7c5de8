#!/usr/bin/env python3
"""Instructions per search for every query of the benchmark mixes (callgrind).

Machine noise does not enter: compare two builds of `compare` query by query.

    python3 benches/instructions.py target/release/compare INDEX.smx > new.json
    python3 benches/instructions.py --diff old.json new.json

Each figure is (instructions of 11 searches - instructions of 1) / 10 inside
`Index::search`, so what runs once (first-use checks, loading) drops out.
Needs valgrind; INDEX.smx is e.g. the one `compare --scale 60k` leaves in
target/servicematch-benches/run-60k-s42/servicematch/index.smx.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
MIXES = ["queries.json", "queries-filters.json"]


def instructions(compare, index, query, repeat):
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as out:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--toggle-collect=*Index::search*",
             "--callgrind-out-file=" + out.name, compare, "probe", "--index", index,
             "--query", json.dumps(query), "--repeat", str(repeat)],
            check=True, capture_output=True)
        text = open(out.name).read()
    return int(re.search(r"^(?:summary|totals): (\d+)", text, re.M).group(1))


def measure(compare, index):
    queries = [q for mix in MIXES for q in json.load(open(os.path.join(HERE, mix)))]

    def one(q):
        per_search = (instructions(compare, index, q["query"], 11)
                      - instructions(compare, index, q["query"], 1)) / 10
        return q["name"], per_search

    with ThreadPoolExecutor(2) as pool:
        return dict(pool.map(one, queries))


def diff(old, new):
    print("| query | before | after | ratio |\n|---|---:|---:|---:|")
    for name in old:
        if name in new:
            print(f"| {name} | {old[name] / 1e6:.2f} M | {new[name] / 1e6:.2f} M "
                  f"| {new[name] / old[name]:.2f} |")
    for mix in MIXES:
        names = [q["name"] for q in json.load(open(os.path.join(HERE, mix)))]
        names = [n for n in names if n in old and n in new]
        for label, stat in [("median", statistics.median), ("mean", statistics.mean)]:
            print(f"{mix} {label}: {stat(old[n] for n in names) / 1e6:.2f} M → "
                  f"{stat(new[n] for n in names) / 1e6:.2f} M")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--diff":
        diff(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])))
    elif len(sys.argv) == 3:
        json.dump(measure(sys.argv[1], sys.argv[2]), sys.stdout, indent=0)
    else:
        sys.exit(__doc__)
