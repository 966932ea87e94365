"""The permanent-random-number draw of `recording-rate select --method prn`, re-implemented in
plain Python (csv, hmac, hashlib, heapq) from the manifest's description: a reviewer's re-run,
and the peer the selection benchmark compares against. Prints record_id,category,selection_order.

    /usr/bin/python3 benchmarks/python_select.py POPULATION.csv PLAN.csv SEED > sample.csv
"""
import csv, hashlib, heapq, hmac, sys

population, plan_file, seed = sys.argv[1], sys.argv[2], sys.argv[3]
key = seed.encode("utf-8")
with open(plan_file, newline="", encoding="utf-8") as f:
    plan = {r["category"].strip().lower(): (r["category"], int(r["audited"]))
            for r in csv.DictReader(f) if r["category"].strip().lower() != "all crime"}
heaps = {c: [] for c in plan}
with open(population, newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f)
    header = [h.strip().lower() for h in next(reader)]
    at_id, at_category = header.index("record_id"), header.index("category")
    for row in reader:
        if not row:
            continue
        rid, category = row[at_id].strip(), " ".join(row[at_category].split()).lower()
        k = plan[category][1]
        number = int.from_bytes(hmac.new(key, rid.encode("utf-8"), hashlib.sha256).digest()[:8], "big")
        heap = heaps[category]
        item = (-number, tuple(-ord(ch) for ch in rid), rid)   # max-heap on (number, id)
        if len(heap) < k:
            heapq.heappush(heap, item)
        elif item > heap[0]:
            heapq.heapreplace(heap, item)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["record_id", "category", "selection_order"])
for key_, (name, _) in plan.items():
    for order, (_, _, rid) in enumerate(sorted(heaps[key_], reverse=True), 1):
        out.writerow([rid, name, order])
