/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import: CSV and xlsx readers, dates, mapping, preview, one-transaction writes. */
#include "rh-config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>
#include "rh-backup.h"
#include "rh-csv.h"
#include "rh-import.h"
#include "rh-member.h"
#include "rh-xlsx-reader.h"
#include "test-util.h"

typedef struct {
  char       *dir;
  char       *path;
  RhDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("ronghe-import-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "ronghe.db", NULL);
  f->db = rh_database_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  rh_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static RhSheet *
csv (const char *text)
{
  g_autoptr (GError) error = NULL;
  RhSheet *sheet = rh_csv_read (text, strlen (text), "test.csv", &error);

  g_assert_no_error (error);
  return sheet;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* CSV */

static void
test_csv_separators_and_quotes (void)
{
  g_autoptr (RhSheet) comma = csv ("a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n");
  g_autoptr (RhSheet) tab = csv ("a\tb\tc\r\n1\t2,5\t3\r\n");
  g_autoptr (RhSheet) semi = csv ("a;b;c\n\"line 1\nline 2\";;3");
  g_autoptr (RhSheet) empty = csv ("");
  g_autoptr (GError) error = NULL;
  RhSheet *bad;

  g_assert_cmpuint (rh_sheet_n_rows (comma), ==, 2);
  g_assert_cmpstr (rh_sheet_cell (comma, 1, 1), ==, "x,y");
  g_assert_cmpstr (rh_sheet_cell (comma, 1, 2), ==, "say \"hi\"");
  g_assert_cmpstr (rh_sheet_cell (tab, 1, 1), ==, "2,5");
  g_assert_cmpuint (rh_sheet_n_columns (tab, 1), ==, 3);
  g_assert_cmpint (rh_csv_detect_separator ("a;b,c;d", 7), ==, ';');
  g_assert_cmpuint (rh_sheet_n_rows (semi), ==, 2);
  g_assert_cmpstr (rh_sheet_cell (semi, 1, 0), ==, "line 1\nline 2");
  g_assert_cmpstr (rh_sheet_cell (semi, 1, 1), ==, "");
  g_assert_cmpstr (rh_sheet_cell (semi, 1, 2), ==, "3");
  g_assert_cmpstr (rh_sheet_cell (semi, 7, 7), ==, "");
  g_assert_cmpuint (rh_sheet_n_rows (empty), ==, 0);

  bad = rh_csv_read ("a,b\n1,2\n3,\"open\n4,5\n", 20, "bad.csv", &error);
  g_assert_null (bad);
  g_assert_error (error, RH_CSV_ERROR, RH_CSV_ERROR_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_csv_encodings (void)
{
  const char utf8[] = "姓名,民族\n张伟,汉族\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);
  gsize n16 = 0;
  g_autofree char *u16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n16, NULL);
  g_autofree char *u16bom = g_malloc (n16 + 2);
  g_autofree char *path = data_path ("roster-gb18030.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (RhSheet) a = csv (utf8);
  g_autoptr (RhSheet) b = csv (bom);
  g_autoptr (RhSheet) c = csv (gbk);
  g_autoptr (RhSheet) d = NULL;
  g_autoptr (RhSheet) wps = NULL;

  memcpy (u16bom, "\xFF\xFE", 2);
  memcpy (u16bom + 2, u16, n16);
  d = rh_csv_read (u16bom, n16 + 2, "u16.csv", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      RhSheet *s = (RhSheet *[]) { a, b, c, d }[i];

      g_assert_cmpstr (rh_sheet_cell (s, 0, 0), ==, "姓名");
      g_assert_cmpstr (rh_sheet_cell (s, 1, 1), ==, "汉族");
    }
  g_assert_cmpstr (a->encoding, ==, "UTF-8");
  g_assert_cmpstr (c->encoding, ==, "GB18030");
  g_assert_cmpstr (d->encoding, ==, "UTF-16LE");

  /* A roster as WPS saves it on Chinese Windows: GB18030, CRLF, a quoted note with a
   * comma and a line break inside. */
  wps = rh_csv_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wps->encoding, ==, "GB18030");
  g_assert_cmpuint (rh_sheet_n_rows (wps), ==, 5);
  g_assert_cmpstr (rh_sheet_cell (wps, 0, 13), ==, "备注");
  g_assert_cmpstr (rh_sheet_cell (wps, 1, 0), ==, "张伟");
  g_assert_cmpstr (rh_sheet_cell (wps, 1, 13), ==, "“七一”表彰");
  g_assert_cmpstr (rh_sheet_cell (wps, 4, 11), ==, "高级工程师,主任");
  g_assert_cmpstr (rh_sheet_cell (wps, 4, 13), ==, "备注中有逗号，和\n换行");

  /* Bytes that are neither UTF-8 nor GB18030 are refused with a message. */
  {
    const char junk[] = "\x81\x30\xFF\xFF";
    RhSheet *bad = rh_csv_read (junk, 4, "junk.csv", &error);

    g_clear_error (&error);
    bad = rh_csv_read (junk, 4, "junk.csv", &error);
    g_assert_null (bad);
    g_assert_error (error, RH_CSV_ERROR, RH_CSV_ERROR_ENCODING);
  }
}

/* Dates */

static void
assert_date (const char *text, const char *expected)
{
  GDate date;
  g_autofree char *got = NULL;

  if (expected == NULL)
    {
      if (rh_import_parse_date (text, &date))
        g_error ("“%s” was taken as a date", text);
      return;
    }
  if (!rh_import_parse_date (text, &date))
    g_error ("“%s” was not taken as a date", text);
  got = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                         g_date_get_day (&date));
  g_assert_cmpstr (got, ==, expected);
}

static void
test_dates (void)
{
  const char *good[] = { "2020-01-05", "2020/1/5", "2020/01/05", "2020.01.05", "2020.1.5",
                         "2020年1月5日", "2020年01月05日", "20200105", "43835", "43835.75",
                         " 2020-1-5 ", "2020-01-05 00:00:00", "2020-01-05T08:00", "2020年1月5号" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    assert_date (good[i], "2020-01-05");
  /* Serial numbers, worked by hand: 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01
   * (60 is the 29 February 1900 that Lotus invented), 36526 is 2000-01-01. */
  assert_date ("1", "1900-01-01");
  assert_date ("59", "1900-02-28");
  assert_date ("61", "1900-03-01");
  assert_date ("36526", "2000-01-01");
  assert_date ("2000-02-29", "2000-02-29");

  {
    const char *bad[] = { "", "   ", "60", "0", "2020-13-01", "2019-02-29", "2020-02-30",
                          "20201301", "2020-01", "2020/01-05", "2020-01-05x", "abc", "5.1.2020",
                          "05/01/2020", "2020年1月", "1899-12-31", "123456", "43835.", "-1",
                          "2020-001-05", "２０２０-01-05", "2020年1月5日上午", NULL };

    for (guint i = 0; bad[i] != NULL; i++)
      assert_date (bad[i], NULL);
  }
  assert_date (NULL, NULL);
}

static void
test_words (void)
{
  g_assert_cmpint (rh_import_parse_status ("正式党员"), ==, RH_STATUS_FULL);
  g_assert_cmpint (rh_import_parse_status (" 预备党员 "), ==, RH_STATUS_PROBATIONARY);
  g_assert_cmpint (rh_import_parse_status ("发展对象"), ==, RH_STATUS_CANDIDATE);
  g_assert_cmpint (rh_import_parse_status ("入党积极分子"), ==, RH_STATUS_ACTIVIST);
  g_assert_cmpint (rh_import_parse_status ("入党申请人"), ==, RH_STATUS_APPLICANT);
  g_assert_cmpint (rh_import_parse_status ("Probationary member"), ==, RH_STATUS_PROBATIONARY);
  g_assert_cmpint (rh_import_parse_status ("群众"), ==, -1);
  g_assert_cmpint (rh_import_parse_gender ("女"), ==, RH_GENDER_FEMALE);
  g_assert_cmpint (rh_import_parse_gender ("Male"), ==, RH_GENDER_MALE);
  g_assert_cmpint (rh_import_parse_gender ("未知"), ==, -1);
}

/* xlsx */

static void
test_xlsx_libreoffice (void)
{
  g_autofree char *path = data_path ("roster.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (RhXlsxReader) xlsx = rh_xlsx_reader_open_file (path, &error);
  g_autoptr (RhSheet) notes = NULL;
  g_autoptr (RhSheet) sheet = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rh_xlsx_reader_n_sheets (xlsx), ==, 2);
  g_assert_cmpstr (rh_xlsx_reader_sheet_name (xlsx, 0), ==, "说明");
  g_assert_cmpstr (rh_xlsx_reader_sheet_name (xlsx, 1), ==, "党员花名册");
  g_assert_cmpint (rh_xlsx_reader_find_sheet (xlsx, "党员花名册"), ==, 1);
  g_assert_cmpint (rh_xlsx_reader_find_sheet (xlsx, "Sheet9"), ==, -1);
  notes = rh_xlsx_reader_read_sheet (xlsx, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rh_sheet_cell (notes, 0, 0), ==, "本工作簿第二页为党员花名册");
  sheet = rh_xlsx_reader_read_sheet (xlsx, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rh_sheet_n_rows (sheet), ==, 5);
  g_assert_cmpstr (rh_sheet_cell (sheet, 0, 0), ==, "第一党委党员花名册（2026年）");
  g_assert_cmpstr (rh_sheet_cell (sheet, 1, 5), ==, "身份证号");
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 0), ==, "1");             /* a number */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 4), ==, "1980-01-05");    /* a date cell */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 5), ==, "110105198001050034");
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 11), ==, "13800000001");
  g_assert_cmpstr (rh_sheet_cell (sheet, 3, 9), ==, "2025-12-05");
  g_assert_cmpstr (rh_sheet_cell (sheet, 3, 10), ==, "");
}

typedef struct {
  const char *name;
  const char *text;
} Part;

/* A workbook made by hand, to reach what LibreOffice does not write. */
static GBytes *
make_zip (const Part *parts, guint n)
{
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *za;
  zip_stat_t st;
  GBytes *bytes;
  void *buf;

  zip_error_init (&zerr);
  src = zip_source_buffer_create (NULL, 0, 0, &zerr);
  zip_source_keep (src);
  za = zip_open_from_source (src, ZIP_TRUNCATE, &zerr);
  g_assert_nonnull (za);
  for (guint i = 0; i < n; i++)
    {
      zip_source_t *file = zip_source_buffer (za, parts[i].text, strlen (parts[i].text), 0);

      g_assert_cmpint (zip_file_add (za, parts[i].name, file, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (za), ==, 0);
  g_assert_cmpint (zip_source_stat (src, &st), ==, 0);
  g_assert_cmpint (zip_source_open (src), ==, 0);
  buf = g_malloc (st.size);
  g_assert_cmpint (zip_source_read (src, buf, st.size), ==, (zip_int64_t) st.size);
  zip_source_close (src);
  zip_source_free (src);
  bytes = g_bytes_new_take (buf, st.size);
  return bytes;
}

static void
test_xlsx_by_hand (void)
{
  const Part parts[] = {
    { "_rels/.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"book/main.xml\"/></Relationships>" },
    { "book/main.xml",
      "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
      " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<x:workbookPr date1904=\"1\"/><x:sheets>"
      "<x:sheet name=\"Roster\" sheetId=\"1\" r:id=\"rId7\"/></x:sheets></x:workbook>" },
    { "book/_rels/main.xml.rels",
      "<Relationships><Relationship Id=\"rId7\" Target=\"/book/sheets/../s1.xml\"/>"
      "</Relationships>" },
    { "xl/sharedStrings.xml",
      "<sst><si><t>Name</t></si><si><r><t>张</t></r><r><t xml:space=\"preserve\">伟 </t></r>"
      "<rPh><t>ちょう</t></rPh></si></sst>" },
    { "xl/styles.xml",
      "<styleSheet><numFmts><numFmt numFmtId=\"170\" formatCode=\"[Red]0.00\"/>"
      "<numFmt numFmtId=\"171\" formatCode=\"&quot;Day&quot; d/m/yyyy\"/></numFmts>"
      "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"170\"/>"
      "<xf numFmtId=\"171\"/></cellXfs></styleSheet>" },
    { "book/s1.xml",
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:sheetData>"
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
      "<x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>Joined &amp; more</x:t></x:is></x:c></x:row>"
      "<x:row r=\"3\"><x:c r=\"A3\" t=\"s\"><x:v>1</x:v></x:c>"
      "<x:c r=\"B3\" t=\"b\"><x:v>1</x:v></x:c>"
      "<x:c r=\"C3\" s=\"1\"><x:v>42375</x:v></x:c>"
      "<x:c r=\"D3\" s=\"2\"><x:v>0.1</x:v></x:c>"
      "<x:c r=\"E3\" s=\"3\"><x:v>0</x:v></x:c>"
      "<x:c r=\"F3\" t=\"str\"><x:f>A1</x:f><x:v>Name</x:v></x:c>"
      "<x:c r=\"G3\" t=\"e\"><x:v>#N/A</x:v></x:c>"
      "<x:c r=\"H3\" t=\"s\"><x:v>99</x:v></x:c>"
      "<x:c><x:v>7</x:v></x:c></x:row>"
      "</x:sheetData></x:worksheet>" },
  };
  g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  g_autoptr (GError) error = NULL;
  g_autoptr (RhXlsxReader) xlsx = rh_xlsx_reader_open (bytes, &error);
  g_autoptr (RhSheet) sheet = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rh_xlsx_reader_sheet_name (xlsx, 0), ==, "Roster");
  sheet = rh_xlsx_reader_read_sheet (xlsx, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rh_sheet_n_rows (sheet), ==, 3);
  g_assert_cmpstr (rh_sheet_cell (sheet, 0, 0), ==, "Name");
  g_assert_cmpstr (rh_sheet_cell (sheet, 0, 1), ==, "");
  g_assert_cmpstr (rh_sheet_cell (sheet, 0, 2), ==, "Joined & more");
  g_assert_cmpuint (rh_sheet_n_columns (sheet, 1), ==, 0);       /* row 2 is not in the file */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 0), ==, "张伟 ");      /* runs joined, no phonetic */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 1), ==, "TRUE");
  /* 1904 system: serial 0 is 1904-01-01; 2020-01-01 is 116 × 365 + 29 leap days = 42369,
   * so 42375 is 2020-01-07. */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 2), ==, "2020-01-07");
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 3), ==, "0.1");      /* [Red] is not a date */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 4), ==, "0");        /* "Day" quoted: not a date */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 5), ==, "Name");
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 6), ==, "#N/A");
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 7), ==, "");         /* no such shared string */
  g_assert_cmpstr (rh_sheet_cell (sheet, 2, 8), ==, "7");        /* no reference: next column */
}

static void
test_xlsx_refused (void)
{
  const Part no_book[] = { { "hello.txt", "hi" } };
  const Part bad_xml[] = {
    { "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" r:id=\"r1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"r1\" Target=\"s.xml\"/>"
                                    "</Relationships>" },
    { "xl/s.xml", "<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>" },
  };
  g_autoptr (GBytes) junk = g_bytes_new_static ("PK\x03\x04 not really", 18);
  g_autoptr (GBytes) zip1 = make_zip (no_book, 1);
  g_autoptr (GBytes) zip2 = make_zip (bad_xml, 3);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhXlsxReader) ok = NULL;
  RhSheet *sheet;

  g_assert_null (rh_xlsx_reader_open (junk, &error));
  g_assert_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_NOT_ZIP);
  g_clear_error (&error);
  g_assert_null (rh_xlsx_reader_open (zip1, &error));
  g_assert_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "xl/workbook.xml"));
  g_clear_error (&error);
  ok = rh_xlsx_reader_open (zip2, &error);
  g_assert_no_error (error);
  sheet = rh_xlsx_reader_read_sheet (ok, 0, &error);
  g_assert_null (sheet);
  g_assert_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "xl/s.xml"));
}

/* Mapping */

static void
test_mapping (Fixture *f, gconstpointer data)
{
  g_autoptr (RhSheet) sheet = csv ("党员花名册,,\n"
                                   "序号,姓 名,性别（男/女）,身份证号码*,Phone,备注,备注\n"
                                   "1,张伟,男,x,138,,\n");
  g_autoptr (RhSheet) again = csv ("编号,姓 名,电话号码\n");
  RhImportMapping m, n;
  g_autofree char *saved = NULL;
  g_autofree char *loaded = NULL;
  g_autoptr (GError) error = NULL;

  rh_import_mapping_detect (sheet, &m);
  g_assert_cmpint (m.header_row, ==, 1);
  g_assert_cmpint (m.columns[RH_IMPORT_NAME], ==, 1);
  g_assert_cmpint (m.columns[RH_IMPORT_GENDER], ==, 2);
  g_assert_cmpint (m.columns[RH_IMPORT_ID_NUMBER], ==, 3);
  g_assert_cmpint (m.columns[RH_IMPORT_PHONE], ==, 4);
  g_assert_cmpint (m.columns[RH_IMPORT_NOTE], ==, 5);      /* the first of two */
  g_assert_cmpint (m.columns[RH_IMPORT_BRANCH], ==, -1);
  g_assert_cmpint (rh_import_match_header ("Date of birth"), ==, RH_IMPORT_BIRTH_DATE);
  g_assert_cmpint (rh_import_match_header ("政治面貌"), ==, RH_IMPORT_STATUS);
  g_assert_cmpint (rh_import_match_header ("入党时间"), ==, RH_IMPORT_ADMITTED_DATE);
  g_assert_cmpint (rh_import_match_header ("转正时间"), ==, RH_IMPORT_FULL_DATE);
  g_assert_cmpint (rh_import_match_header ("所在支部"), ==, RH_IMPORT_BRANCH);
  g_assert_cmpint (rh_import_match_header ("序号"), ==, -1);

  /* The user maps 序号 as the phone by hand; saved, it comes back for the same headers. */
  m.columns[RH_IMPORT_NOTE] = 0;
  g_assert_true (rh_import_mapping_save (f->db, sheet, &m, &error));
  g_assert_no_error (error);
  loaded = rh_import_mapping_load (f->db);
  saved = rh_import_mapping_to_string (sheet, &m);
  g_assert_cmpstr (loaded, ==, saved);
  g_assert_nonnull (strstr (saved, "note\t序号\n"));

  rh_import_mapping_detect (sheet, &n);
  g_assert_cmpuint (rh_import_mapping_apply (sheet, &n, loaded), ==, 5);
  g_assert_cmpmem (n.columns, sizeof n.columns, m.columns, sizeof m.columns);

  /* Another file: only the headers it shares are set. */
  rh_import_mapping_detect (again, &n);
  g_assert_cmpint (n.columns[RH_IMPORT_PHONE], ==, -1);
  g_assert_cmpuint (rh_import_mapping_apply (again, &n, loaded), ==, 1);
  g_assert_cmpint (n.columns[RH_IMPORT_NAME], ==, 1);
}

/* Preview and writing */

static gint64
count (Fixture *f, const char *sql)
{
  return rh_database_query_int (f->db, sql);
}

static RhImportPlan *
prepare (Fixture *f, RhSheet *sheet, gint64 branch)
{
  RhImportMapping m;
  g_autoptr (GError) error = NULL;
  RhImportPlan *plan;

  rh_import_mapping_detect (sheet, &m);
  plan = rh_import_prepare (f->db, sheet, &m, branch, &error);
  g_assert_no_error (error);
  return plan;
}

static RhImportProblem *
problem (RhImportPlan *plan, guint i)
{
  GPtrArray *problems = rh_import_plan_problems (plan);

  g_assert_cmpuint (i, <, problems->len);
  return problems->pdata[i];
}

static void
test_import_wps_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("roster-gb18030.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (RhSheet) sheet = rh_import_read_file (path, NULL, &error);
  g_autoptr (RhImportPlan) plan = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  GPtrArray *missing;
  gint64 committee = rh_test_add_org (f->db, RH_ORG_COMMITTEE, "机关党委", 0);
  gint64 li;
  g_autoptr (RhMember) m = NULL;

  g_assert_no_error (error);
  plan = prepare (f, sheet, 0);
  /* The branches do not exist yet: four rows wait for them, and are refused unless the
   * user agrees to create them. */
  missing = rh_import_plan_missing (plan);
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_cmpstr (missing->pdata[0], ==, "第一党支部");
  g_assert_cmpstr (missing->pdata[1], ==, "第一党支部 / 第一党小组");
  g_assert_cmpstr (missing->pdata[2], ==, "第二党支部");
  g_assert_cmpuint (rh_import_plan_n_rows (plan), ==, 4);
  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 0);
  g_assert_cmpuint (rh_import_plan_n_invalid (plan), ==, 4);
  g_assert_cmpuint (rh_import_plan_problems (plan)->len, ==, 4);
  g_assert_cmpuint (problem (plan, 0)->row, ==, 2);
  g_assert_cmpstr (problem (plan, 0)->column_name, ==, "党小组");
  g_assert_cmpint (problem (plan, 0)->column, ==, 7);
  g_assert_cmpstr (problem (plan, 1)->column_name, ==, "所在支部");

  rh_import_plan_set_create_branches (plan, TRUE);
  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 4);
  g_assert_cmpuint (rh_import_plan_n_invalid (plan), ==, 0);
  g_assert_cmpuint (rh_import_plan_problems (plan)->len, ==, 0);
  g_assert_true (rh_import_commit (f->db, plan, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisation WHERE kind = 'branch'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisation WHERE kind = 'group'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisation WHERE kind = 'branch'"
                             " AND parent_id IS NULL"), ==, 0);
  g_assert_cmpint (committee, >, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE table_name = 'import'"
                             " AND json_extract(new_values, '$.new') = 4"
                             " AND json_extract(new_values, '$.file') = 'roster-gb18030.csv'"),
                   ==, 1);
  /* Gender from the ID when the cell is empty; dates normalised; search works. */
  g_assert_cmpint (count (f, "SELECT gender = 'male' AND birth_date = '1990-01-01'"
                             " FROM member WHERE name = '王强'"), ==, 1);
  li = count (f, "SELECT id FROM member WHERE name = '李娜'");
  m = rh_member_load (f->db, li, &error);
  g_assert_no_error (error);
  g_assert_cmpint (m->status, ==, RH_STATUS_PROBATIONARY);
  g_assert_cmpstr (m->admitted_date, ==, "2025-12-05");
  g_assert_cmpstr (m->birth_date, ==, "1985-03-02");
  g_assert_cmpstr (m->ethnicity, ==, "回族");
  g_assert_cmpint (count (f, "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'zw'"), ==, 1);
  /* Into the empty table the member indexes were built at the end: all there, and whole. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'member'"
                             " AND type = 'index'"), ==, 8);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pragma_integrity_check WHERE"
                             " integrity_check <> 'ok'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member INDEXED BY member_sort"
                             " WHERE archived_date IS NULL AND pinyin > ''"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member m JOIN organisation g"
                             " ON g.id = m.group_id WHERE g.name = '第一党小组'"
                             " AND m.name = '张伟'"), ==, 1);

  /* An automatic backup was taken first, private to the user. */
  backups = rh_backup_list (f->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (((RhBackupInfo *) backups->pdata[0])->reason, ==, "before-import");
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (((RhBackupInfo *) backups->pdata[0])->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

static void
test_import_libreoffice_xlsx (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("roster.xlsx");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = rh_import_sheet_names (path, &error);
  g_autoptr (RhSheet) sheet = rh_import_read_file (path, "党员花名册", &error);
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "第一党支部", 0);
  g_autoptr (RhImportPlan) plan = NULL;
  RhSheet *none;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  none = rh_import_read_file (path, "Sheet9", &error);
  g_assert_null (none);
  g_assert_error (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_NO_SHEET);
  g_clear_error (&error);

  plan = prepare (f, sheet, 0);
  /* 周杰 is an activist without the date he became one: the rules refuse him, under the
   * field's name since the file has no column for that date. His branch, which only he
   * names, is not offered for creation. */
  g_assert_cmpuint (rh_import_plan_n_rows (plan), ==, 3);
  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 2);
  g_assert_cmpuint (rh_import_plan_missing (plan)->len, ==, 0);
  g_assert_cmpuint (rh_import_plan_problems (plan)->len, ==, 1);
  g_assert_cmpuint (problem (plan, 0)->row, ==, 5);
  g_assert_cmpint (problem (plan, 0)->column, ==, -1);
  g_assert_cmpstr (problem (plan, 0)->column_name, ==, "Activist since");
  g_assert_nonnull (strstr (problem (plan, 0)->message, "required"));
  g_assert_true (rh_import_commit (f->db, plan, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE name = '张伟'"
                             " AND phone = '13800000001' AND full_date = '2006-07-01'"), ==, 1);
  g_assert_cmpint (branch, >, 0);
}

static void
test_duplicates_and_updates (Fixture *f, gconstpointer data)
{
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "一支部", 0);
  g_autoptr (RhMember) old = rh_test_member (branch, "老党员", 1, RH_GENDER_MALE);
  g_autofree char *a = rh_test_id_number (2, "19900101", RH_GENDER_FEMALE);
  g_autofree char *text = NULL;
  g_autoptr (RhSheet) sheet = NULL;
  g_autoptr (RhImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhMember) after = NULL;

  rh_test_insert (f->db, old);
  text = g_strdup_printf ("姓名,身份证号,入党时间,转正时间,联系电话\n"
                          "甲,%s,2015-07-01,2016-07-01,\n"
                          "乙,%s,2015-07-01,2016-07-01,\n"
                          "老党员,%s,,,13912345678\n",
                          a, a, old->id_number);
  sheet = csv (text);
  plan = prepare (f, sheet, branch);
  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 1);
  g_assert_cmpuint (rh_import_plan_n_updated (plan), ==, 1);
  g_assert_cmpuint (rh_import_plan_n_invalid (plan), ==, 1);
  g_assert_cmpuint (problem (plan, 0)->row, ==, 3);
  g_assert_cmpint (problem (plan, 0)->column, ==, 1);
  g_assert_nonnull (strstr (problem (plan, 0)->message, "already in row 2"));
  g_assert_true (rh_import_commit (f->db, plan, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 2);
  after = rh_member_load (f->db, old->id, &error);
  /* Empty cells keep what was recorded; filled ones replace it. */
  g_assert_cmpstr (after->phone, ==, "13912345678");
  g_assert_cmpstr (after->admitted_date, ==, "2005-07-01");
  g_assert_cmpint (after->org_id, ==, branch);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE table_name = 'member'"
                             " AND action = 'update'"), ==, 1);
  /* The new member's audit row, written at the end of the bulk load, is the one the
   * trigger wrote for the member inserted by hand: the same fields in the same order,
   * with the values stored; and it comes before the import's own row. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log a, audit_log b, member m"
                             " WHERE m.name = '甲' AND a.row_id = m.id"
                             " AND b.row_id = (SELECT id FROM member WHERE name = '老党员')"
                             " AND a.table_name = 'member' AND a.action = 'insert'"
                             " AND b.table_name = 'member' AND b.action = 'insert'"
                             " AND (SELECT group_concat(key) FROM json_each(a.new_values))"
                             "   = (SELECT group_concat(key) FROM json_each(b.new_values))"
                             " AND a.new_values = json_object('org_id', m.org_id, 'name', m.name,"
                             "   'id_number', m.id_number, 'status', m.status)"
                             " AND a.id < (SELECT id FROM audit_log WHERE table_name = 'import')"),
                   ==, 1);
  /* Both are found by the search index, which is whole. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'jia'"), ==,
                   1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'ldy'"), ==,
                   1);
  g_assert_true (rh_database_exec (f->db, "INSERT INTO member_fts (member_fts, rank)"
                                          " VALUES ('integrity-check', 1)", NULL));
  /* The triggers are back after the load. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND"
                             " name IN ('member_fts_insert', 'member_audit_insert')"), ==, 2);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_bad_row_in_the_middle (Fixture *f, gconstpointer data)
{
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "一支部", 0);
  g_autofree char *a = rh_test_id_number (1, "19800101", RH_GENDER_MALE);
  g_autofree char *b = rh_test_id_number (2, "19800101", RH_GENDER_FEMALE);
  g_autofree char *c = rh_test_id_number (3, "19800101", RH_GENDER_MALE);
  g_autofree char *text = g_strdup_printf ("姓名,性别,身份证号,入党时间,转正时间\n"
                                           "甲,男,%s,2005-07-01,2006-07-01\n"
                                           "乙,男,%s,2005-07-01,2006.13.01\n"
                                           "丙,男,%s,2005-07-01,2006-07-01\n",
                                           a, b, c);
  g_autoptr (RhSheet) sheet = csv (text);
  g_autoptr (RhImportPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *unchanged = NULL;
  gint64 audit = count (f, "SELECT count(*) FROM audit_log");

  rh_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  before = file_checksum (f->path);
  plan = prepare (f, sheet, branch);
  /* Row 3: a woman's ID marked 男, and a 转正 date with a 13th month. */
  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 2);
  g_assert_cmpuint (rh_import_plan_n_invalid (plan), ==, 1);
  g_assert_cmpuint (rh_import_plan_problems (plan)->len, ==, 2);
  g_assert_cmpuint (problem (plan, 0)->row, ==, 3);
  g_assert_cmpstr (problem (plan, 0)->column_name, ==, "性别");
  g_assert_cmpuint (problem (plan, 1)->row, ==, 3);
  g_assert_cmpstr (problem (plan, 1)->column_name, ==, "转正时间");
  g_assert_nonnull (strstr (problem (plan, 1)->message, "“2006.13.01” is not a date"));

  /* “Import nothing”: the plan is dropped; the file is byte for byte as it was. */
  g_clear_pointer (&plan, rh_import_plan_free);
  rh_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  unchanged = file_checksum (f->path);
  g_assert_cmpstr (before, ==, unchanged);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit);
}

static gboolean
cancel_at_first (guint done, guint total, gpointer data)
{
  (*(guint *) data)++;
  return FALSE;
}

static void
test_cancel_rolls_back (Fixture *f, gconstpointer data)
{
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "一支部", 0);
  GString *text = g_string_new ("姓名,身份证号,入党时间,转正时间\n");
  g_autoptr (RhSheet) sheet = NULL;
  g_autoptr (RhImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audit = count (f, "SELECT count(*) FROM audit_log");
  guint calls = 0;

  for (int i = 0; i < 1200; i++)
    {
      char birth[9];
      g_autofree char *id = NULL;

      g_snprintf (birth, sizeof birth, "19%02d%02d%02d", 60 + i / 336, 1 + i / 28 % 12,
                  1 + i % 28);
      id = rh_test_id_number (i % 3, birth, i % 2 ? RH_GENDER_MALE : RH_GENDER_FEMALE);
      g_string_append_printf (text, "党员%d,%s,2005-07-01,2006-07-01\n", i, id);
    }
  sheet = csv (text->str);
  g_string_free (text, TRUE);
  plan = prepare (f, sheet, branch);
  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 1200);
  g_assert_false (rh_import_commit (f->db, plan, NULL, cancel_at_first, &calls, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit);
  /* The triggers and indexes set aside for the bulk load (into an empty table) are back. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                             " ('member_fts_insert', 'member_audit_insert')"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'member'"
                             " AND type = 'index'"), ==, 8);
  /* The same plan can still be written in full, audit rows and search index included. */
  g_clear_error (&error);
  g_assert_true (rh_import_commit (f->db, plan, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 1200);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE table_name = 'member'"
                             " AND action = 'insert'"), ==, 1200);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'dy*'"), ==,
                   1200);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pragma_integrity_check WHERE"
                             " integrity_check <> 'ok'"), ==, 0);
}

/* The preview checks each member as it will be stored: here the birth date comes from the
 * ID number (there is no birth date column), and joining the Party before birth is refused
 * in the preview, in the column of the date, not when writing. */
static void
test_checked_as_stored (Fixture *f, gconstpointer data)
{
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "一支部", 0);
  g_autofree char *a = rh_test_id_number (1, "19800101", RH_GENDER_MALE);
  g_autofree char *b = rh_test_id_number (2, "19900101", RH_GENDER_FEMALE);
  g_autofree char *text = g_strdup_printf ("姓名,身份证号,入党时间,转正时间\n"
                                           "甲,%s,2005-07-01,2006-07-01\n"
                                           "乙,%s,1985-07-01,1986-07-01\n",
                                           a, b);
  g_autoptr (RhSheet) sheet = csv (text);
  g_autoptr (RhImportPlan) plan = prepare (f, sheet, branch);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 1);
  g_assert_cmpuint (rh_import_plan_n_invalid (plan), ==, 1);
  g_assert_cmpuint (rh_import_plan_problems (plan)->len, ==, 1);
  g_assert_cmpuint (problem (plan, 0)->row, ==, 3);
  g_assert_cmpint (problem (plan, 0)->column, ==, 2);
  g_assert_nonnull (strstr (problem (plan, 0)->message, "cannot be before"));
  g_assert_nonnull (strstr (problem (plan, 0)->message, "1990-01-01"));
  g_assert_true (rh_import_commit (f->db, plan, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 1);
  g_assert_cmpint (count (f, "SELECT birth_date = '1980-01-01' FROM member"), ==, 1);
}

/* What changes between the preview and the write is still refused when writing, in the
 * user's words, with nothing written: an ID number recorded meanwhile, a branch archived
 * meanwhile. A plan that failed can be written once the cause is gone, into the branch it
 * creates. */
static void
test_changed_since_preview (Fixture *f, gconstpointer data)
{
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "一支部", 0);
  g_autoptr (RhMember) other = rh_test_member (branch, "丙", 2, RH_GENDER_FEMALE);
  g_autofree char *a = rh_test_id_number (1, "19800101", RH_GENDER_MALE);
  g_autofree char *text = g_strdup_printf ("姓名,身份证号,所在支部,入党时间,转正时间\n"
                                           "甲,%s,一支部,2005-07-01,2006-07-01\n"
                                           "乙,%s,新支部,2005-07-01,2006-07-01\n",
                                           a, other->id_number);
  g_autoptr (RhSheet) sheet = csv (text);
  g_autoptr (RhImportPlan) plan = prepare (f, sheet, 0);
  g_autoptr (GError) error = NULL;
  gint64 audit;

  rh_import_plan_set_create_branches (plan, TRUE);
  g_assert_cmpuint (rh_import_plan_n_new (plan), ==, 2);
  rh_test_insert (f->db, other);
  audit = count (f, "SELECT count(*) FROM audit_log");
  g_assert_false (rh_import_commit (f->db, plan, NULL, NULL, NULL, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Row 3"));
  g_assert_nonnull (strstr (error->message, "丙"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisation"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit);

  /* The other member goes (a test's shortcut); the same plan now lands, 乙 in the branch
   * created this time. */
  g_assert_true (rh_database_exec (f->db, "DELETE FROM member", NULL));
  g_assert_true (rh_import_commit (f->db, plan, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member m JOIN organisation o"
                             " ON o.id = m.org_id WHERE m.name = '乙' AND o.name = '新支部'"
                             " AND o.kind = 'branch'"), ==, 1);

  /* The branch is archived after the preview. */
  {
    g_autofree char *c = rh_test_id_number (3, "19800101", RH_GENDER_MALE);
    g_autofree char *more = g_strdup_printf ("姓名,身份证号,入党时间,转正时间\n"
                                             "丁,%s,2005-07-01,2006-07-01\n", c);
    g_autoptr (RhSheet) sheet2 = csv (more);
    g_autoptr (RhImportPlan) plan2 = prepare (f, sheet2, branch);

    g_assert_cmpuint (rh_import_plan_n_new (plan2), ==, 1);
    g_assert_true (rh_database_exec (f->db, "UPDATE organisation SET archived_date = "
                                            "'2026-05-01' WHERE name = '一支部'", NULL));
    g_assert_false (rh_import_commit (f->db, plan2, NULL, NULL, NULL, &error));
    g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_BRANCH);
    g_assert_nonnull (strstr (error->message, "Row 2"));
    g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE name = '丁'"), ==, 0);
  }
}

static void
test_id_stored_as_number (Fixture *f, gconstpointer data)
{
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "一支部", 0);
  g_autoptr (RhSheet) sheet = csv ("姓名,身份证号,入党时间,转正时间\n"
                                   "甲,1.10105E+17,2005-07-01,2006-07-01\n"
                                   "乙,110105198001010000,2005-07-01,2006-07-01\n");
  g_autoptr (RhImportPlan) plan = prepare (f, sheet, branch);

  /* One message each, about the number cell (not also the check character). */
  g_assert_cmpuint (rh_import_plan_n_invalid (plan), ==, 2);
  g_assert_cmpuint (rh_import_plan_problems (plan)->len, ==, 2);
  g_assert_nonnull (strstr (problem (plan, 0)->message, "stored as a number"));
  g_assert_nonnull (strstr (problem (plan, 1)->message, "stored as a number"));
}

static void
test_unmapped_name_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (RhSheet) sheet = csv ("foo,bar\n1,2\n");
  g_autoptr (GError) error = NULL;
  RhImportMapping m;

  rh_import_mapping_detect (sheet, &m);
  g_assert_null (rh_import_prepare (f->db, sheet, &m, 0, &error));
  g_assert_error (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  m.columns[RH_IMPORT_NAME] = 0;
  g_assert_null (rh_import_prepare (f->db, sheet, &m, 999, &error));
  g_assert_error (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_BRANCH);
}

int
main (int argc, char **argv)
{
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/csv/separators-and-quotes", test_csv_separators_and_quotes);
  g_test_add_func ("/import/csv/encodings", test_csv_encodings);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/words", test_words);
  g_test_add_func ("/import/xlsx/libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/import/xlsx/by-hand", test_xlsx_by_hand);
  g_test_add_func ("/import/xlsx/refused", test_xlsx_refused);
  g_test_add ("/import/mapping", Fixture, NULL, fixture_set_up, test_mapping, fixture_tear_down);
  g_test_add ("/import/wps-csv", Fixture, NULL, fixture_set_up, test_import_wps_csv,
              fixture_tear_down);
  g_test_add ("/import/libreoffice-xlsx", Fixture, NULL, fixture_set_up,
              test_import_libreoffice_xlsx, fixture_tear_down);
  g_test_add ("/import/duplicates-and-updates", Fixture, NULL, fixture_set_up,
              test_duplicates_and_updates, fixture_tear_down);
  g_test_add ("/import/bad-row-in-the-middle", Fixture, NULL, fixture_set_up,
              test_bad_row_in_the_middle, fixture_tear_down);
  g_test_add ("/import/cancel-rolls-back", Fixture, NULL, fixture_set_up, test_cancel_rolls_back,
              fixture_tear_down);
  g_test_add ("/import/checked-as-stored", Fixture, NULL, fixture_set_up,
              test_checked_as_stored, fixture_tear_down);
  g_test_add ("/import/changed-since-preview", Fixture, NULL, fixture_set_up,
              test_changed_since_preview, fixture_tear_down);
  g_test_add ("/import/id-stored-as-number", Fixture, NULL, fixture_set_up,
              test_id_stored_as_number, fixture_tear_down);
  g_test_add ("/import/unmapped-name", Fixture, NULL, fixture_set_up, test_unmapped_name_refused,
              fixture_tear_down);
  return g_test_run ();
}
