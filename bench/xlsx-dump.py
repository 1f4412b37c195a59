#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dumps a workbook for bench/xlsx-reference (C) and bench/xlsx-reference.py: every sheet,
every cell with a value or a style (styled blanks too), the formats, merged ranges, row heights
and column widths that differ from the default. One item a line, tab-separated, in row order
(the references' constant-memory mode needs it):

    format <TAB> id <TAB> font <TAB> size <TAB> bold <TAB> underline <TAB> colour
           <TAB> left <TAB> right <TAB> top <TAB> bottom <TAB> fill <TAB> halign <TAB> valign
           <TAB> wrap <TAB> numfmt                 a format, defined once before its first use
    sheet <TAB> NAME                               starts a worksheet
    col <TAB> c1 <TAB> c2 <TAB> width              column width (libxlsxwriter units)
    row <TAB> r <TAB> height                       row height in points
    merge <TAB> r1 <TAB> c1 <TAB> r2 <TAB> c2 <TAB> fmt <TAB> text
    0 <TAB> row <TAB> col <TAB> s <TAB> text [<TAB> fmt]
    0 <TAB> row <TAB> col <TAB> n <TAB> number [<TAB> fmt]
    0 <TAB> row <TAB> col <TAB> f <TAB> cached <TAB> formula [<TAB> fmt]
    0 <TAB> row <TAB> col <TAB> b <TAB> fmt         a styled blank cell

Rows, columns and format ids count from 0; fmt is empty or absent for no format. Colours are
RRGGBB hex or empty; borders are libxlsxwriter's numbers (0 none, 1 thin, ...); halign and
valign are the names of the XML (empty for the default); bold, underline, wrap are 0 or 1.
Tabs, newlines and backslashes in text are escaped as \\t, \\n and \\\\."""
import sys

import openpyxl

BORDERS = {None: 0, "thin": 1, "medium": 2, "dashed": 3, "dotted": 4, "thick": 5,
           "double": 6, "hair": 7}


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def colour(c):
    if c is None or c.type != "rgb" or not isinstance(c.rgb, str):
        return ""
    return c.rgb[-6:]


class Formats:
    def __init__(self, out):
        self.out, self.ids = out, {}

    def id(self, cell):
        if not cell.has_style or cell.style_id == 0:
            return ""
        f, b, a = cell.font, cell.border, cell.alignment
        fill = colour(cell.fill.fgColor) if cell.fill.fill_type == "solid" else ""
        key = (f.name or "", "%g" % (f.sz or 11), int(bool(f.b)), int(f.u == "single"),
               colour(f.color), *(str(BORDERS.get(getattr(b, side).style, 1))
                                  for side in ("left", "right", "top", "bottom")),
               fill, a.horizontal or "", a.vertical or "", int(bool(a.wrap_text)),
               "" if cell.number_format == "General" else cell.number_format)
        n = self.ids.get(key)
        if n is None:
            n = self.ids[key] = len(self.ids)
            self.out.write("format\t%d\t%s\n" % (n, "\t".join(esc(str(k)) for k in key)))
        return str(n)


def width(stored):
    """The width given to worksheet_set_column that libxlsxwriter stores as STORED."""
    pixels = round(stored * 7)
    return (pixels - 5) / 7 if pixels >= 12 else pixels / 12


def main(src, dst):
    formulas = openpyxl.load_workbook(src)
    values = openpyxl.load_workbook(src, data_only=True)
    with open(dst, "w", encoding="utf-8") as out:
        fmts = Formats(out)
        for ws in formulas.worksheets:
            vs = values[ws.title]
            out.write("sheet\t%s\n" % esc(ws.title))
            for dim in sorted(ws.column_dimensions.values(), key=lambda d: d.min or 0):
                if dim.customWidth and dim.width and dim.min:
                    out.write("col\t%d\t%d\t%r\n" % (dim.min - 1, dim.max - 1, width(dim.width)))
            merged = {}
            covered = set()
            for m in ws.merged_cells.ranges:
                merged[(m.min_row, m.min_col)] = m
                for r in range(m.min_row, m.max_row + 1):
                    for c in range(m.min_col, m.max_col + 1):
                        covered.add((r, c))
            for frow, vrow in zip(ws.iter_rows(), vs.iter_rows()):
                if not frow:
                    continue
                dim = ws.row_dimensions.get(frow[0].row)
                if dim is not None and dim.customHeight and dim.ht is not None:
                    out.write("row\t%d\t%r\n" % (frow[0].row - 1, float(dim.ht)))
                for fc, vc in zip(frow, vrow):
                    r, c = fc.row - 1, fc.column - 1
                    m = merged.get((fc.row, fc.column))
                    if m is not None:
                        out.write("merge\t%d\t%d\t%d\t%d\t%s\t%s\n"
                                  % (r, c, m.max_row - 1, m.max_col - 1, fmts.id(fc),
                                     esc("" if fc.value is None else str(fc.value))))
                        continue
                    if (fc.row, fc.column) in covered:
                        continue
                    v = fc.value
                    f = fmts.id(fc)
                    if v is None:
                        if f:
                            out.write("%d\t%d\t%d\tb\t%s\n" % (0, r, c, f))
                    elif isinstance(v, str) and v.startswith("="):
                        cached = vc.value if isinstance(vc.value, (int, float)) else 0
                        out.write("%d\t%d\t%d\tf\t%r\t%s\t%s\n"
                                  % (0, r, c, float(cached), esc(v), f))
                    elif isinstance(v, (int, float)):
                        out.write("%d\t%d\t%d\tn\t%r\t%s\n" % (0, r, c, float(v), f))
                    else:
                        out.write("%d\t%d\t%d\ts\t%s\t%s\n" % (0, r, c, esc(str(v)), f))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
