#!/usr/bin/env python3
"""What examples/c/referral must print, from the results JSON of its query.

Usage:
  referral_expected.py --query POSTAL_CODE AGE LANGUAGE [NEED...]
  referral_expected.py POSTAL_CODE AGE LANGUAGE [NEED...] < results.json

With --query, prints the query the example makes from these arguments, in
the shared JSON shape (`servicematch search --query-json`, `sm_search_json`).
Without, reads the results JSON of that query (`servicematch search --json`)
and prints what the example must print for it. tests/run.sh diffs the
example's output against this, so a field printed beside another field's
label (the order-of-evaluation bug in the example's first version) fails.
"""
import json
import sys


def main():
    args = sys.argv[1:]
    query_only = args[:1] == ["--query"]
    if query_only:
        args = args[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    postal_code, age, language = args[:3]
    need = " ".join(args[3:])
    if query_only:
        # As referral.c sets it: near, client age, language, limit 5,
        # explain, and the need as text when there is one.
        query = {
            "near": postal_code,
            "client": {"age": int(age)},
            "languages": [language],
            "limit": 5,
            "explain": True,
        }
        if need:
            query["text"] = need
        print(json.dumps(query, ensure_ascii=False))
        return
    results = json.load(sys.stdin)
    hits = results["hits"]
    out = []
    out.append(
        "%d of %d%s services for a %d-year-old near %s speaking %s%s%s"
        % (
            len(hits),
            results["total"],
            "" if results["total_exact"] else "+",
            int(age),
            postal_code,
            language,
            ", needing: " if need else "",
            need,
        )
    )
    out.append("")

    def field(label, value):
        if value is not None:
            out.append("   %-12s %s" % (label, value))

    for i, hit in enumerate(hits):
        line = "%d. %s" % (i + 1, hit["name"])
        if hit["distance_km"] is not None:
            line += " (%.1f km)" % hit["distance_km"]
        out.append(line)
        field("organization", hit["organization"])
        field("address", (hit["location"] or {}).get("address"))
        for phone in hit["phones"]:
            field("phone", phone)
        field("web", hit["url"])
        if hit["eligibility"] == "unknown":
            field("eligibility", "not stated: check with the service")
        field("why", (hit["explanation"] or {}).get("reason"))
        field("how", (hit["explanation"] or {}).get("access"))
        field("service id", hit["id"])
        out.append("")
    sys.stdout.write("\n".join(out) + "\n")


main()
