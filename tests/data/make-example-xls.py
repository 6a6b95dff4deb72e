#!/usr/bin/env python3
# Run from the repository root with xlwt installed (pip install xlwt); not part of the tests.
# Writes tests/data/example.xls: the rows of example.csv as an Excel 97-2003 workbook
# (xlwt), time limits and supplement counts as numbers, receipt times of the plain
# "yyyy-mm-dd HH:MM" form as Excel date cells, everything else as text.
import csv, datetime, xlwt
rows = list(csv.reader(open("tests/data/example.csv", encoding="utf-8")))
wb = xlwt.Workbook(encoding="utf-8")
ws = wb.add_sheet("Dữ liệu")
datefmt = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm")
header = rows[0]
for c, h in enumerate(header):
    ws.write(0, c, h)
for r, row in enumerate(rows[1:], start=1):
    for c, v in enumerate(row):
        name = header[c]
        if v == "":
            continue
        if name in ("ThoiHanGiaiQuyet", "SoLanBoSung") and v.isdigit():
            ws.write(r, c, int(v))
        elif name == "NgayTiepNhan" and len(v) == 16 and v[4] == "-" and v[10] == " ":
            ws.write(r, c, datetime.datetime.strptime(v, "%Y-%m-%d %H:%M"), datefmt)
        else:
            ws.write(r, c, v)
wb.save("tests/data/example.xls")
