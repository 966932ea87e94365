#!/usr/bin/env python3
"""Writes the corpus of record-level audit files that AuditFileCorpusTest reads: awkward but valid
files (valid/) and broken ones (broken/), each with the counts or the error it must give, listed in
valid.csv and broken.csv. The bytes are written here explicitly (byte-order marks, CRLF, invalid
UTF-8), so that git's line-ending handling cannot change them; .gitattributes marks the folder binary.

    cd src/test/resources/audit-files && python3 make-corpus.py

The 20,000-row files (a bad value, and an invalid byte, deep in the file) are made by the test itself.
Expected counts are written by hand below, from the rows of each file (count them: they are short).
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(folder, name, data):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, folder, name), "wb") as f:
        f.write(data)


BOM = b"\xef\xbb\xbf"

VOLUMES = "category,volume\nviolence,25000\nsexual offences,2500\nother crime,35000\n"
VOLUMES_BY_INSPECTION = ("inspection;category;volume;population\n"
                         "CDI 2017;violence;24000;20000\nCDI 2017;sexual offences;2200;2000\nCDI 2017;other crime;33000;30000\n"
                         "PEEL 2021/22;violence;25000;21000\nPEEL 2021/22;sexual offences;2500;2100\n"
                         "PEEL 2021/22;other crime;35000;31000\n")
write("valid", "volumes.csv", VOLUMES)
write("valid", "volumes-by-inspection.csv", BOM + VOLUMES_BY_INSPECTION.replace("\n", "\r\n").encode())
write("broken", "volumes.csv", VOLUMES)
write("broken", "volumes-by-inspection.csv", VOLUMES_BY_INSPECTION)

valid = []  # file, volumes, rows_read, rows_used, rows_excluded, blank_rows, inspections, audited, recorded, incidents, ignored


def ok(name, data, volumes, read, used, excluded, blank, inspections, audited, recorded, incidents="", ignored=""):
    write("valid", name, data)
    valid.append([name, volumes, read, used, excluded, blank, inspections, audited, recorded, incidents, ignored])


ok("plain.csv", "record_id,category,recorded\nR1,violence,yes\nR2,violence,no\nR3,sexual offences,yes\n"
   "R4,other crime,yes\nR5,other crime,no\n", "volumes.csv", 5, 5, 0, 0, 1, 5, 3)
ok("bom-crlf.csv", BOM + b"record_id,category,recorded\r\nR1,violence,Yes\r\nR2,sexual offences,NO\r\n"
   b"R3,other crime,yes\r\nR4,other crime,yes\r\n", "volumes.csv", 4, 4, 0, 0, 1, 4, 3)
ok("bom-no-final-newline.csv", BOM + b"record_id,category,recorded\nR1,violence,1\nR2,sexual offences,0\nR3,other crime,1",
   "volumes.csv", 3, 3, 0, 0, 1, 3, 2)
ok("semicolon.csv", "Record ID;Crime Category;Crime recorded\nR1;Violence;Yes\nR2;violence;No\n"
   "R3;\"sexual; offences\";yes\nR4;sexual offences;Yes\nR5;other crime;no\n".replace('"sexual; offences"', "sexual offences"),
   "volumes.csv", 5, 5, 0, 0, 1, 5, 3)
ok("semicolon-quoted.csv", "id;category;recorded;notes\n1;violence;yes;\"a; b\"\n2;sexual offences;y;\"3,5\"\n"
   "3;other crime;n;\"said \"\"no\"\"\"\n", "volumes.csv", 3, 3, 0, 0, 1, 3, 2, "", "notes")
ok("quoted-multiline.csv", "record_id,category,recorded,notes\n\"R1\",\"violence\",\"yes\",\"two\nlines\"\n"
   "R2,\"other crime\",no,\"comma, inside\"\nR3,sexual offences,yes,\"quote \"\"inside\"\"\"\n", "volumes.csv",
   3, 3, 0, 0, 1, 3, 2, "", "notes")
ok("aliases.csv", "ID , Crime_Category, Crime recorded?,Should be recorded,Incident Number,Audit\n"
   "A1,violence,Recorded,yes,I1,PEEL 2021/22\nA2,violence,Not Recorded,Y,I1,PEEL 2021/22\n"
   "A3,sexual offences,TRUE,true,I2,PEEL 2021/22\nA4,other crime,false,1,I3,PEEL 2021/22\n"
   "A5,other crime,not_recorded,no,I3,PEEL 2021/22\nA6,other crime,y,YES,I4,PEEL 2021/22\n",
   "volumes-by-inspection.csv", 6, 5, 1, 0, 1, 5, 3, 4)
ok("extra-columns.csv", "auditor,record_id,notes,category,recorded,,date\nJS,R1,fine,violence,yes,,2022-01-03\n"
   "JS,R2,,sexual offences,no,x,2022-01-04\nKL,R3,,other crime,yes,,\n", "volumes.csv", 3, 3, 0, 0, 1, 3, 2, "",
   "auditor;notes;(unnamed column 6);date")
ok("should-record.csv", "record_id,category,recorded,should_record\nR1,violence,yes,yes\nR2,violence,,no\n"
   "R3,sexual offences,n/a,No\nR4,sexual offences,yes,y\nR5,other crime,no,1\nR6,not a crime,,0\n",
   "volumes.csv", 6, 3, 3, 0, 1, 3, 2)
ok("trailing-blank-lines.csv", "record_id,category,recorded\nR1,violence,yes\nR2,sexual offences,yes\n"
   "R3,other crime,no\n\n\n,,\n   \n,, \n\n", "volumes.csv", 3, 3, 0, 3, 1, 3, 2)
ok("blank-lines-inside.csv", "record_id,category,recorded\n\nR1,violence,yes\n\nR2,sexual offences,yes\n,,\n"
   "R3,other crime,no\n", "volumes.csv", 3, 3, 0, 1, 1, 3, 2)
ok("spaces.csv", "  record_id , category ,  recorded  \n  R1 ,  violence , yes \n R2,sexual   offences,  no\n"
   "R3 , Other Crime ,YES\n", "volumes.csv", 3, 3, 0, 0, 1, 3, 2)
ok("tab.tsv", "record_id\tcategory\trecorded\nR1\tviolence\tyes\nR2\tsexual offences\tno\nR3\tother crime\tyes\n",
   "volumes.csv", 3, 3, 0, 0, 1, 3, 2)
ok("cr-only.csv", "record_id,category,recorded\rR1,violence,yes\rR2,sexual offences,no\rR3,other crime,yes\r",
   "volumes.csv", 3, 3, 0, 0, 1, 3, 2)
ok("two-inspections-incidents.csv", "inspection,incident_id,record_id,category,recorded\n"
   "CDI 2017,I1,R1,violence,yes\nCDI 2017,I1,R2,violence,no\nCDI 2017,I2,R3,sexual offences,yes\n"
   "CDI 2017,I3,R4,other crime,yes\npeel 2021/22,I1,R1,violence,yes\nPEEL 2021/22,I9,R2,sexual offences,yes\n"
   "PEEL 2021/22,I9,R3,other crime,no\nPEEL 2021/22,I10,R4,other crime,yes\n", "volumes-by-inspection.csv",
   8, 8, 0, 0, 2, 8, 6, 7)
ok("unicode-names.csv", "record_id,category,recorded\nRé1,violence,yes\nR–2,sexual offences,no\nR3,other crime,yes\n",
   "volumes.csv", 3, 3, 0, 0, 1, 3, 2)

broken = []  # audit, volumes, error_in, line, column, value, message


def bad(name, data, volumes, line, column, value, message):
    """A broken audit file (or, when volumes is "", a broken volumes file read with audit-ok.csv).
    column "" and value None stand for an error about the row or file as a whole (no column, no value);
    they are written as "-"."""
    write("broken", name, data)
    audit, vols, error_in = (name, volumes, name) if volumes else ("audit-ok.csv", name, name)
    if name in ("category-not-audited.csv", "population-below-incidents.csv"):
        error_in = volumes
    broken.append([audit, vols, error_in, line, column or "-", "-" if value is None else value, message])


write("broken", "audit-ok.csv", "record_id,category,recorded\nR1,violence,yes\nR2,sexual offences,no\nR3,other crime,yes\n")


bad("missing-column.csv", "record_id,category,outcome\nR1,violence,yes\n", "volumes.csv", 1, "", None,
    "has no column recorded")
bad("duplicate-id.csv", "record_id,category,recorded\nR1,violence,yes\nR2,violence,no\nR3,other crime,yes\n"
    "R2,sexual offences,yes\n", "volumes.csv", 5, "record_id", "R2", "appears twice (first on line 3)")
bad("duplicate-id-excluded-row.csv", "record_id,category,recorded,should_record\nR1,violence,yes,yes\n"
    "R1,violence,,no\n", "volumes.csv", 3, "record_id", "R1", "appears twice (first on line 2)")
bad("short-row.csv", "record_id,category,recorded\nR1,violence,yes\nR2,sexual offences,no\nR3,other crime\n",
    "volumes.csv", 4, "", None, "has 2 cells but the header has 3")
bad("long-row.csv", "record_id,category,recorded\nR1,violence,yes\nR2,violence,no,extra\n", "volumes.csv", 3, "", None,
    "has 4 cells but the header has 3")
bad("unclosed-quote.csv", "record_id,category,recorded\nR1,violence,yes\nR2,other crime,no\nR3,\"violence,yes\n"
    "R4,violence,yes\nR5,violence,yes\n", "volumes.csv", 4, "", None, "never closed")
bad("text-after-quote.csv", "record_id,category,recorded\nR1,\"violence\"x,yes\n", "volumes.csv", 2, "", None,
    "text after a closing quote")
bad("invalid-utf8.csv", b"record_id,category,recorded\nR1,violence,yes\nR2,viol\xe9nce,no\n", "volumes.csv", 3,
    "category", "viol\\xE9", "is not valid UTF-8")
bad("invalid-utf8-header.csv", b"record_id,cat\xc3gory,recorded\nR1,violence,yes\n", "volumes.csv", 1, "2",
    "cat\\xC3", "is not valid UTF-8")
bad("truncated-utf8-at-end.csv", b"record_id,category,recorded\nR1,violence,yes\nR2,other crime,no\xe2\x82",
    "volumes.csv", 3, "recorded", "no\\xE2\\x82", "is not valid UTF-8")
bad("empty.csv", b"", "volumes.csv", 0, "", None, "is empty")
bad("bom-only.csv", BOM, "volumes.csv", 0, "", None, "is empty")
bad("header-only.csv", "record_id,category,recorded\n", "volumes.csv", 1, "", None, "has a header but no records")
bad("header-and-blank-rows.csv", "record_id,category,recorded\n,,\n\n", "volumes.csv", 1, "", None,
    "has a header but no records (and 1 blank row)")
bad("unknown-category.csv", "record_id,category,recorded\nR1,violence,yes\nR2,other crime,no\nR3,robbery,yes\n"
    "R4,robbery,yes\nR5,sexual offences,yes\n", "volumes.csv", 4, "category", "robbery", "has no volume in")
bad("bad-finding.csv", "record_id,category,recorded\nR1,violence,yes\nR2,violence,maybe\n", "volumes.csv", 3,
    "recorded", "maybe", "is not a finding")
bad("blank-finding.csv", "record_id,category,recorded\nR1,violence,\n", "volumes.csv", 2, "recorded", "", "is blank")
bad("blank-id.csv", "record_id,category,recorded\nR1,violence,yes\n,violence,no\n", "volumes.csv", 3, "record_id", "",
    "is blank")
bad("bad-should-record.csv", "record_id,category,recorded,should_record\nR1,violence,yes,perhaps\n", "volumes.csv", 2,
    "should_record", "perhaps", "is not yes or no")
bad("blank-incident.csv", "record_id,category,recorded,incident_id\nR1,violence,yes,I1\nR2,violence,no,\n",
    "volumes.csv", 3, "incident_id", "", "is blank")
bad("error-after-multiline-cell.csv", "record_id,category,recorded,notes\nR1,violence,yes,\"one\ntwo\nthree\"\n"
    "R2,violence,nope,\n", "volumes.csv", 5, "recorded", "nope", "is not a finding")
bad("two-columns-one-field.csv", "id,record_id,category,recorded\n1,1,violence,yes\n", "volumes.csv", 1, "record_id",
    None, "means record_id, as column 'id' does")
bad("neither-kind.csv", "name,value\na,1\n", "volumes.csv", 1, "", None, "is neither an inspection file")
bad("category-not-audited.csv", "record_id,category,recorded\nR1,violence,yes\nR2,other crime,no\n",
    "volumes.csv", 3, "category", "sexual offences", "has a volume but no audited record")
bad("inspection-without-volumes.csv", "inspection,record_id,category,recorded\nCDI 2017,R1,violence,yes\n"
    "CDI 2017,R2,sexual offences,yes\nHMIC 2014,R1,violence,yes\nCDI 2017,R3,other crime,yes\n",
    "volumes-by-inspection.csv", 4, "inspection", "HMIC 2014", "has no volumes in")
bad("population-below-incidents.csv", "inspection,record_id,category,recorded,incident_id\n"
    + "".join("CDI 2017,R%d,sexual offences,yes,I%d\n" % (i, i) for i in range(2001))
    + "CDI 2017,V1,violence,yes,J1\nCDI 2017,O1,other crime,no,K1\n",
    "volumes-by-inspection.csv", 3, "population", "2000", "is below the 2001 incidents")
bad("aggregated-with-volumes.csv", "category,recorded,audited,volume\nviolence,1,2,3\n", "volumes.csv", 1, "", None,
    "is an inspection file, which has its volumes")
# broken volumes files, read with a valid audit
bad("volumes-thousands.csv", "category,volume\nviolence,\"25,000\"\nsexual offences,2500\nother crime,35000\n",
    "", 2, "volume", "25,000", "is not a whole number written in digits")
bad("volumes-decimal-point.csv", "category;volume\nviolence;25000\nsexual offences;2.500\nother crime;35000\n",
    "", 3, "volume", "2.500", "is not a whole number written in digits")
bad("volumes-zero.csv", "category,volume\nviolence,0\nsexual offences,2500\nother crime,35000\n", "", 2, "volume", "0",
    "must be at least 1")
bad("volumes-duplicate.csv", "category,volume\nviolence,1\nViolence ,2\n", "", 3, "category", "Violence ",
    "appears twice (first on line 2)")
bad("volumes-header-only.csv", "category,volume\n", "", 1, "", None, "has a header but no categories")
bad("volumes-total-overflow.csv", "category,volume\nviolence,9223372036854775000\nsexual offences,2500\n"
    "other crime,35000\n", "", 3, "volume", "2500", "makes the total volume exceed 9223372036854775807")
bad("volumes-all-crime.csv", "category,volume\nall crime,1\n", "", 2, "category", "all crime", "is reserved")

with open(os.path.join(HERE, "valid.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "volumes", "rows_read", "rows_used", "rows_excluded", "blank_rows", "inspections", "audited",
                "recorded", "incidents", "ignored_columns"])
    w.writerows(valid)
with open(os.path.join(HERE, "broken.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["audit", "volumes", "error_in", "line", "column", "value", "message"])
    w.writerows(broken)
with open(os.path.join(HERE, ".gitattributes"), "w") as f:
    f.write("# the corpus's bytes are the test: no line-ending conversion\nvalid/** -text\nbroken/** -text\n")
print(len(valid), "valid,", len(broken), "broken")
