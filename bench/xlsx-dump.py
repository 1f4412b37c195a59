#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dumps the cells of a workbook for bench/xlsx-reference: every sheet, every
non-empty cell, formulas with their cached value (from a data_only read)."""
import sys

import openpyxl


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main(src, dst):
    formulas = openpyxl.load_workbook(src, read_only=True)
    values = openpyxl.load_workbook(src, read_only=True, data_only=True)
    with open(dst, "w", encoding="utf-8") as out:
        for ws in formulas.worksheets:
            vs = values[ws.title]
            out.write("sheet\t%s\n" % esc(ws.title))
            for frow, vrow in zip(ws.iter_rows(), vs.iter_rows()):
                for fc, vc in zip(frow, vrow):
                    v = fc.value
                    if v is None:
                        continue
                    r, c = fc.row - 1, fc.column - 1
                    if isinstance(v, str) and v.startswith("="):
                        cached = vc.value if isinstance(vc.value, (int, float)) else 0
                        out.write("%d\t%d\t%d\tf\t%r\t%s\n" % (0, r, c, float(cached), esc(v)))
                    elif isinstance(v, (int, float)):
                        out.write("%d\t%d\t%d\tn\t%r\n" % (0, r, c, float(v)))
                    else:
                        out.write("%d\t%d\t%d\ts\t%s\n" % (0, r, c, esc(str(v))))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
