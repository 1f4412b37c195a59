-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 11: the member table with the same rules, written so that checking
-- them is cheap. SQLite evaluates `x IN (a, b, c)` with three or more values
-- by filling a temporary table with the list each time a prepared INSERT or
-- UPDATE runs: two of them (status, flow) for every member written, about a
-- quarter of the processor time of an import of 100,000 members. The same
-- rules written as comparisons cost a few instructions each.
--
-- SQLite cannot change a CHECK in place, so the table is rebuilt by its
-- twelve-step procedure: the database opens migrations with foreign keys
-- off, runs each in one transaction and checks the foreign keys before it
-- commits. Ids are kept, so the references to members and the search index
-- (member_fts, whose content is this table) stay valid; the indexes and
-- triggers of 0001 and 0002 are created again unchanged.

CREATE TABLE member_new (
  id             INTEGER PRIMARY KEY,
  org_id         INTEGER NOT NULL REFERENCES organisation(id),
  group_id       INTEGER REFERENCES organisation(id),
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  pinyin         TEXT NOT NULL DEFAULT '',
  initials       TEXT NOT NULL DEFAULT '',
  gender         TEXT NOT NULL CHECK (gender = 'male' OR gender = 'female'),
  ethnicity      TEXT,
  birth_date     TEXT,
  id_number      TEXT UNIQUE,
  phone          TEXT,
  education      TEXT,
  post           TEXT,
  status         TEXT NOT NULL CHECK (status = 'applicant' OR status = 'activist'
                                      OR status = 'candidate' OR status = 'probationary'
                                      OR status = 'full'),
  applied_date   TEXT,
  talk_date      TEXT,
  activist_date  TEXT,
  candidate_date TEXT,
  admitted_date  TEXT,
  full_date      TEXT,
  probation_extension_months INTEGER NOT NULL DEFAULT 0
                 CHECK (probation_extension_months = 0
                        OR probation_extension_months BETWEEN 6 AND 12),
  vanguard_post  TEXT,
  is_cadre       INTEGER NOT NULL DEFAULT 0 CHECK (is_cadre = 0 OR is_cadre = 1),
  flow           TEXT NOT NULL DEFAULT 'none' CHECK (flow = 'none' OR flow = 'out' OR flow = 'in'),
  note           TEXT,
  archived_date  TEXT,
  archive_reason TEXT,
  -- Derived when the row is written: the name's characters one by one, the
  -- pinyin joined and by syllable, the initials and the id number.
  search_text    TEXT NOT NULL DEFAULT ''
);

INSERT INTO member_new (id, org_id, group_id, name, pinyin, initials, gender, ethnicity,
                        birth_date, id_number, phone, education, post, status, applied_date,
                        talk_date, activist_date, candidate_date, admitted_date, full_date,
                        probation_extension_months, vanguard_post, is_cadre, flow, note,
                        archived_date, archive_reason, search_text)
SELECT id, org_id, group_id, name, pinyin, initials, gender, ethnicity, birth_date, id_number,
       phone, education, post, status, applied_date, talk_date, activist_date, candidate_date,
       admitted_date, full_date, probation_extension_months, vanguard_post, is_cadre, flow, note,
       archived_date, archive_reason, search_text
FROM member;

-- Drops member's indexes and triggers with it.
DROP TABLE member;
ALTER TABLE member_new RENAME TO member;

-- The indexes of 0001, unchanged.
CREATE INDEX member_sort ON member(archived_date, pinyin, name, org_id, group_id, status);
CREATE INDEX member_org ON member(org_id, status, archived_date);
CREATE INDEX member_group ON member(group_id);
CREATE INDEX member_status ON member(status, pinyin);
CREATE INDEX member_gender ON member(gender, pinyin);
CREATE INDEX member_admitted ON member(admitted_date, pinyin);
CREATE INDEX member_post ON member(post, pinyin);

-- The search index's triggers of 0001, unchanged.
CREATE TRIGGER member_fts_insert AFTER INSERT ON member BEGIN
  INSERT INTO member_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;

CREATE TRIGGER member_fts_delete AFTER DELETE ON member BEGIN
  INSERT INTO member_fts (member_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;

CREATE TRIGGER member_fts_update AFTER UPDATE OF search_text ON member BEGIN
  INSERT INTO member_fts (member_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
  INSERT INTO member_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;

-- The audit log's triggers of 0002, unchanged.
CREATE TRIGGER member_audit_insert AFTER INSERT ON member BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('member', NEW.id, 'insert',
          json_object('org_id', NEW.org_id, 'name', NEW.name, 'id_number', NEW.id_number,
                      'status', NEW.status));
END;

CREATE TRIGGER member_audit_update AFTER UPDATE ON member BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  SELECT 'member', NEW.id, 'update', json_group_object(f, o), json_group_object(f, n)
  FROM (SELECT 'org_id' AS f, OLD.org_id AS o, NEW.org_id AS n
        UNION ALL SELECT 'group_id', OLD.group_id, NEW.group_id
        UNION ALL SELECT 'name', OLD.name, NEW.name
        UNION ALL SELECT 'gender', OLD.gender, NEW.gender
        UNION ALL SELECT 'ethnicity', OLD.ethnicity, NEW.ethnicity
        UNION ALL SELECT 'birth_date', OLD.birth_date, NEW.birth_date
        UNION ALL SELECT 'id_number', OLD.id_number, NEW.id_number
        UNION ALL SELECT 'phone', OLD.phone, NEW.phone
        UNION ALL SELECT 'education', OLD.education, NEW.education
        UNION ALL SELECT 'post', OLD.post, NEW.post
        UNION ALL SELECT 'status', OLD.status, NEW.status
        UNION ALL SELECT 'applied_date', OLD.applied_date, NEW.applied_date
        UNION ALL SELECT 'talk_date', OLD.talk_date, NEW.talk_date
        UNION ALL SELECT 'activist_date', OLD.activist_date, NEW.activist_date
        UNION ALL SELECT 'candidate_date', OLD.candidate_date, NEW.candidate_date
        UNION ALL SELECT 'admitted_date', OLD.admitted_date, NEW.admitted_date
        UNION ALL SELECT 'full_date', OLD.full_date, NEW.full_date
        UNION ALL SELECT 'probation_extension_months', OLD.probation_extension_months,
                         NEW.probation_extension_months
        UNION ALL SELECT 'vanguard_post', OLD.vanguard_post, NEW.vanguard_post
        UNION ALL SELECT 'is_cadre', OLD.is_cadre, NEW.is_cadre
        UNION ALL SELECT 'flow', OLD.flow, NEW.flow
        UNION ALL SELECT 'note', OLD.note, NEW.note
        UNION ALL SELECT 'archived_date', OLD.archived_date, NEW.archived_date
        UNION ALL SELECT 'archive_reason', OLD.archive_reason, NEW.archive_reason)
  WHERE o IS NOT n
  HAVING count(*) > 0;
END;

CREATE TRIGGER member_audit_delete AFTER DELETE ON member BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values)
  VALUES ('member', OLD.id, 'delete', json_object('name', OLD.name, 'id_number', OLD.id_number));
END;
