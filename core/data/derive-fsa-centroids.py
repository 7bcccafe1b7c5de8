#!/usr/bin/env python3
"""Derives geonames-on-fsa-postal-centroids.csv: each Ontario FSA's point as the
mean of its full postal codes, which sits where people live rather than at the
centre of the area's polygon (for P3E, Sudbury itself rather than the lakes 20 km
south). Usage: derive-fsa-centroids.py geonames-on-postal-codes.csv > out.csv"""
import collections
import csv
import sys

acc = collections.defaultdict(lambda: [0.0, 0.0, 0])
for row in csv.DictReader(open(sys.argv[1], newline="")):
    fsa = row["postal_code"].replace(" ", "")[:3].upper()
    point = acc[fsa]
    point[0] += float(row["latitude"])
    point[1] += float(row["longitude"])
    point[2] += 1
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["fsa", "latitude", "longitude", "postal_codes"])
for fsa in sorted(acc):
    lat, lon, n = acc[fsa]
    out.writerow([fsa, round(lat / n, 4), round(lon / n, 4), n])
