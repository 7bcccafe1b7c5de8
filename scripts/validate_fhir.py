#!/usr/bin/env python3
"""Validates servicematch's FHIR output against the FHIR R4 (4.0.1) models of
fhir.resources 6.1.0 (scripts/fhir-requirements.txt): every element's name,
type, cardinality, code and format (ids, times, URIs), unknown elements
refused. Then checks what the models leave to invariants: every contained
resource is referenced (dom-3), every local reference names a contained
resource, every HealthcareService names its publisher's id.

Usage: validate_fhir.py BUNDLE.json...
Prints one line per file and "fhir: N passed, M failed" last; exits 1 on
a failure, 2 when fhir.resources is not installed.
"""

import json
import sys

try:
    import fhir.resources
    from fhir.resources.bundle import Bundle
except ImportError:
    print("fhir.resources is not installed: pip install -r scripts/fhir-requirements.txt", file=sys.stderr)
    sys.exit(2)

SERVICE_ID_SYSTEM = "urn:servicematch:hsds:service"


def references(value):
    """Every Reference.reference string under `value`."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def check(data):
    """Problems with one bundle, beyond the models' own validation."""
    if fhir.resources.__fhir_version__ != "4.0.1":
        return [f"fhir.resources models FHIR {fhir.resources.__fhir_version__}, not 4.0.1"]
    Bundle.parse_obj(data)  # raises pydantic.ValidationError naming the element
    problems = []
    if data.get("type") not in ("searchset", "collection"):
        problems.append(f"bundle type {data.get('type')!r}")
    entries = data.get("entry", [])
    for n, entry in enumerate(entries):
        resource = entry["resource"]
        where = f"entry[{n}] {resource.get('id')}"
        if resource["resourceType"] != "HealthcareService":
            problems.append(f"{where}: a {resource['resourceType']}")
            continue
        if not any(i.get("system") == SERVICE_ID_SYSTEM for i in resource.get("identifier", [])):
            problems.append(f"{where}: no identifier with system {SERVICE_ID_SYSTEM}")
        contained = {c["id"] for c in resource.get("contained", [])}
        local = {r[1:] for r in references(resource) if r.startswith("#")}
        for missing in sorted(local - contained):
            problems.append(f"{where}: #{missing} names no contained resource")
        for unused in sorted(contained - local):
            problems.append(f"{where}: contained {unused} is not referenced (dom-3)")
        if data["type"] == "searchset" and entry.get("search", {}).get("mode") != "match":
            problems.append(f"{where}: search.mode is not match")
    return problems


def main(paths):
    passed = failed = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as file:
                data = json.load(file)
            problems = check(data)
        except Exception as error:  # a ValidationError lists every element at fault
            problems = [str(error)]
        if problems:
            failed += 1
            print(f"FAIL  {path}")
            for problem in problems:
                print("      " + problem.replace("\n", "\n      "))
        else:
            passed += 1
            entries = len(data.get("entry", []))
            print(f"ok    {path}: valid FHIR R4 {data['type']} Bundle, {entries} HealthcareService")
    print(f"fhir: {passed} passed, {failed} failed")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
