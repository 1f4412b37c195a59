-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 1: the organisation tree, committee terms and members.

CREATE TABLE organisation (
  id             INTEGER PRIMARY KEY,
  parent_id      INTEGER REFERENCES organisation(id),
  kind           TEXT NOT NULL CHECK (kind IN ('committee', 'general_branch', 'branch', 'group')),
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  pinyin         TEXT NOT NULL DEFAULT '',
  initials       TEXT NOT NULL DEFAULT '',
  host_type      TEXT NOT NULL DEFAULT 'government'
                 CHECK (host_type IN ('government', 'enterprise', 'university', 'hospital',
                                      'two_new', 'rural', 'community')),
  is_temporary   INTEGER NOT NULL DEFAULT 0 CHECK (is_temporary IN (0, 1)),
  founded_date   TEXT,
  business_unit  TEXT,
  brand_name     TEXT,
  brand_summary  TEXT,
  honours        TEXT,
  partners       TEXT,
  note           TEXT,
  archived_date  TEXT,
  archive_reason TEXT
);
CREATE INDEX organisation_parent ON organisation(parent_id, kind, pinyin);
CREATE INDEX organisation_kind ON organisation(kind, pinyin);

CREATE TABLE member (
  id             INTEGER PRIMARY KEY,
  org_id         INTEGER NOT NULL REFERENCES organisation(id),
  group_id       INTEGER REFERENCES organisation(id),
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  pinyin         TEXT NOT NULL DEFAULT '',
  initials       TEXT NOT NULL DEFAULT '',
  gender         TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  ethnicity      TEXT,
  birth_date     TEXT,
  id_number      TEXT UNIQUE,
  phone          TEXT,
  education      TEXT,
  post           TEXT,
  status         TEXT NOT NULL CHECK (status IN ('applicant', 'activist', 'candidate',
                                                 'probationary', 'full')),
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
  is_cadre       INTEGER NOT NULL DEFAULT 0 CHECK (is_cadre IN (0, 1)),
  flow           TEXT NOT NULL DEFAULT 'none' CHECK (flow IN ('none', 'out', 'in')),
  note           TEXT,
  archived_date  TEXT,
  archive_reason TEXT,
  -- Derived when the row is written: the name's characters one by one, the
  -- pinyin joined and by syllable, the initials and the id number.
  search_text    TEXT NOT NULL DEFAULT ''
);
-- Sorting and filtering run in SQL on these. member_sort covers the default
-- list (active members by pinyin) and the counts per branch, party group and
-- status, so that neither touches the table.
CREATE INDEX member_sort ON member(archived_date, pinyin, name, org_id, group_id, status);
-- (org_id, status, archived_date) covers the per-branch counts of full members.
CREATE INDEX member_org ON member(org_id, status, archived_date);
CREATE INDEX member_group ON member(group_id);
CREATE INDEX member_status ON member(status, pinyin);
CREATE INDEX member_gender ON member(gender, pinyin);
CREATE INDEX member_admitted ON member(admitted_date, pinyin);
CREATE INDEX member_post ON member(post, pinyin);

CREATE TABLE committee_term (
  id         INTEGER PRIMARY KEY,
  org_id     INTEGER NOT NULL REFERENCES organisation(id),
  start_date TEXT NOT NULL,
  years      INTEGER NOT NULL CHECK (years IN (3, 5)),
  ended_date TEXT
);
CREATE INDEX committee_term_org ON committee_term(org_id, start_date);

CREATE TABLE committee_role (
  id        INTEGER PRIMARY KEY,
  term_id   INTEGER NOT NULL REFERENCES committee_term(id),
  member_id INTEGER NOT NULL REFERENCES member(id),
  role      TEXT NOT NULL CHECK (role IN ('secretary', 'deputy_secretary', 'organisation',
                                          'publicity', 'discipline', 'member')),
  UNIQUE (term_id, member_id)
);
CREATE INDEX committee_role_member ON committee_role(member_id);

-- Search by characters, pinyin and initials: a full-text index over
-- member.search_text, kept in step by triggers.
CREATE VIRTUAL TABLE member_fts USING fts5(search_text, content = 'member',
                                           content_rowid = 'id', prefix = '1 2 3');

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
