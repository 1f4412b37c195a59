#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python reference for the export benchmark: Debian's python3-xlsxwriter writing the
same cells as bench/xlsx-reference (C), read from the same cell dump (bench/xlsx-dump.py):

    sheet <TAB> NAME                                  starts a worksheet
    sheet <TAB> row <TAB> col <TAB> s <TAB> text      a string
    sheet <TAB> row <TAB> col <TAB> n <TAB> number    a number
    sheet <TAB> row <TAB> col <TAB> f <TAB> cached <TAB> formula

Tabs, newlines and backslashes in text are escaped as \\t, \\n and \\\\.
Usage: xlsx-reference.py [--constant-memory] DUMP OUT.xlsx"""
import sys

import xlsxwriter


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            i += 1
            c = {"t": "\t", "n": "\n"}.get(s[i], s[i])
        out.append(c)
        i += 1
    return "".join(out)


def main(argv):
    constant = "--constant-memory" in argv
    args = [a for a in argv if a != "--constant-memory"]
    if len(args) != 2:
        sys.exit(__doc__.splitlines()[-1])
    dump, out = args
    wb = xlsxwriter.Workbook(out, {"constant_memory": constant})
    ws = None
    with open(dump, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "sheet" and len(parts) == 2:
                ws = wb.add_worksheet(unescape(parts[1])[:31])
                continue
            if ws is None or len(parts) < 5:
                continue
            row, col, kind = int(parts[1]), int(parts[2]), parts[3]
            if kind == "s":
                ws.write_string(row, col, unescape(parts[4]))
            elif kind == "n":
                ws.write_number(row, col, float(parts[4]))
            elif kind == "f" and len(parts) >= 6:
                ws.write_formula(row, col, unescape(parts[5]), None, float(parts[4]))
    wb.close()


if __name__ == "__main__":
    main(sys.argv[1:])
