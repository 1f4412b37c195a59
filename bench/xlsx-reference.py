#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python reference for the export benchmark: Debian's python3-xlsxwriter writing the
same cells as bench/xlsx-reference (C), read from the same cell dump (bench/xlsx-dump.py):

    (the format, col, row, merge and styled blank "b" lines are described in xlsx-dump.py)
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
    fmts = {}
    aligns = {"center": "center", "left": "left", "right": "right", "top": "top",
              "bottom": "bottom", "general": None, "": None}

    def fmt(parts, i):
        return fmts.get(parts[i]) if len(parts) > i and parts[i] else None

    with open(dump, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "sheet" and len(parts) == 2:
                ws = wb.add_worksheet(unescape(parts[1])[:31])
                continue
            if parts[0] == "format":
                (_, n, font, size, bold, under, colour, left, right, top, bottom, fill,
                 halign, valign, wrap, numfmt) = [unescape(p) for p in parts]
                f = wb.add_format({"font_name": font, "font_size": float(size),
                                   "left": int(left), "right": int(right), "top": int(top),
                                   "bottom": int(bottom)})
                if bold == "1":
                    f.set_bold()
                if under == "1":
                    f.set_underline(1)
                if colour:
                    f.set_font_color("#" + colour)
                if fill:
                    f.set_bg_color("#" + fill)
                if aligns.get(halign):
                    f.set_align(aligns[halign])
                if valign:
                    f.set_align({"center": "vcenter"}.get(valign, valign))
                if wrap == "1":
                    f.set_text_wrap()
                if numfmt:
                    f.set_num_format(numfmt)
                fmts[n] = f
                continue
            if ws is None:
                continue
            if parts[0] == "col":
                ws.set_column(int(parts[1]), int(parts[2]), float(parts[3]))
                continue
            if parts[0] == "row":
                ws.set_row(int(parts[1]), float(parts[2]))
                continue
            if parts[0] == "merge":
                ws.merge_range(int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4]),
                               unescape(parts[6]), fmt(parts, 5))
                continue
            if len(parts) >= 5 and parts[3] == "b":
                ws.write_blank(int(parts[1]), int(parts[2]), None, fmt(parts, 4))
                continue
            if len(parts) < 5:
                continue
            row, col, kind = int(parts[1]), int(parts[2]), parts[3]
            if kind == "s":
                ws.write_string(row, col, unescape(parts[4]), fmt(parts, 5))
            elif kind == "n":
                ws.write_number(row, col, float(parts[4]), fmt(parts, 5))
            elif kind == "f" and len(parts) >= 6:
                ws.write_formula(row, col, unescape(parts[5]), fmt(parts, 6), float(parts[4]))
    wb.close()


if __name__ == "__main__":
    main(sys.argv[1:])
