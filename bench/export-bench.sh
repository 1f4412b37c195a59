#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Export benchmark (issues 6 and 8): the committee assessment workbook and the
# roster of a large generated organisation, against bench/xlsx-reference
# writing the same cells with bare libxlsxwriter, measured in the same run.
#   bench/export-bench.sh [BUILD_DIR] [WORK_DIR]
# Needs /usr/bin/time, sqlite3 and python3 with openpyxl.
set -eu
build=${1:-build}
work=${2:-$(mktemp -d)}
cli="$build/src/cli/ronghe-cli"
ref="$build/bench/xlsx-reference"
py=/usr/bin/python3
here=$(dirname "$0")
export LC_ALL=${LC_ALL:-zh_CN.UTF-8}
export RONGHE_LOCALEDIR="$build/po"

db="$work/bench.db"
if [ ! -f "$db" ]; then
  "$cli" --database "$db" demo --branches 2000 --members 100000 >/dev/null
fi
# Every branch assessed in 2025 (the demo assesses a share of them), with
# self scores on the basic indicators: 2,000 branch sheets of ~25 indicators.
  sqlite3 "$db" <<'SQL'
INSERT INTO assessment (org_id, period, template_id, status, business_score, review_score)
SELECT o.id, '2025', (SELECT id FROM assessment_template WHERE year = 2025 AND frozen = 0
                      ORDER BY id LIMIT 1), 'draft', 80 + abs(random() % 20), 80 + abs(random() % 20)
FROM organisation o WHERE o.kind = 'branch' AND o.archived_date IS NULL
AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.org_id = o.id AND a.period = '2025');
INSERT INTO assessment_score (assessment_id, indicator_id, self_score)
SELECT a.id, i.id, round(i.max_points * (60 + abs(random() % 41)) / 100.0, 1)
FROM assessment a JOIN template_category c ON c.template_id = a.template_id
JOIN template_indicator i ON i.category_id = c.id
WHERE a.period = '2025' AND a.status = 'draft' AND i.kind = 'basic' AND i.source IS NULL
AND NOT EXISTS (SELECT 1 FROM assessment_score s WHERE s.assessment_id = a.id
                AND s.indicator_id = i.id);
SQL

measure () {  # label, command…: prints wall seconds and peak RSS in MB
  label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  read -r secs kb < "$work/time"
  echo "$label $secs $((kb / 1024))"
}

set -- $(measure ronghe "$cli" --database "$db" export assessment --period 2025 \
  --output "$work/committee.xlsx")
a_s=$2 a_mb=$3
$py "$here/xlsx-dump.py" "$work/committee.xlsx" "$work/committee.cells"
set -- $(measure reference "$ref" "$work/committee.cells" "$work/reference.xlsx")
r_s=$2 r_mb=$3
set -- $(measure ronghe "$cli" --database "$db" export roster --output "$work/roster.xlsx")
ro_s=$2 ro_mb=$3
$py "$here/xlsx-dump.py" "$work/roster.xlsx" "$work/roster.cells"
set -- $(measure reference "$ref" --constant-memory "$work/roster.cells" "$work/roster-ref.xlsx")
rr_s=$2 rr_mb=$3

cells=$(grep -vc '^sheet' "$work/committee.cells")
sheets=$(grep -c '^sheet' "$work/committee.cells")
rcells=$(grep -vc '^sheet' "$work/roster.cells")
printf 'committee workbook: %s sheets, %s cells\n' "$sheets" "$cells"
printf '  ronghe export  %6.2f s  %5d MB\n' "$a_s" "$a_mb"
printf '  reference      %6.2f s  %5d MB\n' "$r_s" "$r_mb"
printf '  ratio          %6.2f x  %5.2f x\n' "$(echo "$a_s / $r_s" | bc -l)" \
  "$(echo "$a_mb / $r_mb" | bc -l)"
printf 'roster: %s cells\n' "$rcells"
printf '  ronghe export  %6.2f s  %5d MB\n' "$ro_s" "$ro_mb"
printf '  reference      %6.2f s  %5d MB\n' "$rr_s" "$rr_mb"
printf '  ratio          %6.2f x  %5.2f x\n' "$(echo "$ro_s / $rr_s" | bc -l)" \
  "$(echo "$ro_mb / $rr_mb" | bc -l)"
