"""Per-package line and branch coverage from JaCoCo's jacoco.csv, statistical packages summed; the least covered classes."""
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
agg = collections.defaultdict(lambda: [0,0,0,0])
stat = {"estimate","compare","resample","plan","select","internal","reproduce","forces","trend","posterior","coverage"}
for r in rows:
    p = r["PACKAGE"].split(".")[-1]
    a = agg[p]
    a[0]+=int(r["LINE_MISSED"]); a[1]+=int(r["LINE_COVERED"]); a[2]+=int(r["BRANCH_MISSED"]); a[3]+=int(r["BRANCH_COVERED"])
tot=[0,0,0,0]
print("| package | lines covered | line % | branches covered | branch % |")
print("|---|---:|---:|---:|---:|")
for p in sorted(agg):
    a=agg[p]
    if p in stat:
        tot=[x+y for x,y in zip(tot,a)]
    print(f"| {p}{' (statistical)' if p in stat else ''} | {a[1]} of {a[0]+a[1]} | {100*a[1]/max(1,a[0]+a[1]):.1f} | {a[3]} of {a[2]+a[3]} | {100*a[3]/max(1,a[2]+a[3]):.1f} |")
print(f"| **statistical packages** | {tot[1]} of {tot[0]+tot[1]} | {100*tot[1]/(tot[0]+tot[1]):.1f} | {tot[3]} of {tot[2]+tot[3]} | {100*tot[3]/(tot[2]+tot[3]):.1f} |")
# least covered classes in statistical packages
cls=[]
for r in rows:
    p=r["PACKAGE"].split(".")[-1]
    if p in stat:
        lm=int(r["LINE_MISSED"]); bm=int(r["BRANCH_MISSED"])
        if lm or bm: cls.append((lm,bm,p+"."+r["CLASS"]))
cls.sort(reverse=True)
print()
for c in cls[:25]: print(c)
