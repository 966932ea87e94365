"""Writes prn-reference.csv: permanent random numbers computed with Python's hmac and hashlib
(HMAC-SHA-256, key = the seed in decimal, message = the record id, both UTF-8; the first 8 bytes
of the MAC as an unsigned big-endian integer), independently of the Java code that PlanSelection
tests check against it. Run: /usr/bin/python3 make-prn-reference.py"""
import csv, hashlib, hmac

seeds = [2022, 0, -7, 9223372036854775807]
ids = ["INC00012345", "INC00060616", "1", "", "record with spaces", "caf\u00e9-\u00fc-\u4e2d", "x" * 200]
with open("prn-reference.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["seed", "record_id", "bits", "prn"])
    for seed in seeds:
        for rid in ids:
            mac = hmac.new(str(seed).encode("utf-8"), rid.encode("utf-8"), hashlib.sha256).digest()
            bits = int.from_bytes(mac[:8], "big")
            w.writerow([seed, rid, bits, repr(bits / 2**64)])
