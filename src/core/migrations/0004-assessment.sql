-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 4: assessment templates (考核细则) and branch assessments (考核).

-- A template: categories of indicators, and the settings that turn scores
-- into a total, a grade and stars. Versioned by year; a finalised assessment
-- points at a frozen copy, so later edits never change its result.
CREATE TABLE assessment_template (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  year            INTEGER NOT NULL CHECK (year BETWEEN 1921 AND 2200),
  -- 'weighted': party × party_weight + review × review_weight + business × business_weight;
  -- 'coefficient': business × party / 100 (seed 004).
  formula         TEXT NOT NULL DEFAULT 'weighted' CHECK (formula IN ('weighted', 'coefficient')),
  party_weight    REAL NOT NULL DEFAULT 0.7 CHECK (party_weight BETWEEN 0 AND 1),
  review_weight   REAL NOT NULL DEFAULT 0.3 CHECK (review_weight BETWEEN 0 AND 1),
  business_weight REAL NOT NULL DEFAULT 0 CHECK (business_weight BETWEEN 0 AND 1),
  bonus_cap       REAL NOT NULL DEFAULT 5 CHECK (bonus_cap >= 0),
  -- Grades, best first, each with its lowest total: "好:90;较好:80;一般:60;差:0".
  grades          TEXT NOT NULL DEFAULT '好:90;较好:80;一般:60;差:0',
  -- A star is earned when its indicators reach this share of their points.
  star_share      REAL NOT NULL DEFAULT 0.8 CHECK (star_share BETWEEN 0 AND 1),
  -- When set, the star level follows the total: "90;80;70;60" for five … two stars.
  star_cutoffs    TEXT DEFAULT '90;80;70;60',
  five_star_quota REAL CHECK (five_star_quota IS NULL OR five_star_quota BETWEEN 0 AND 1),
  frozen          INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1))
);

CREATE TABLE template_category (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES assessment_template(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL DEFAULT 0,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0)
);
CREATE INDEX template_category_template ON template_category(template_id, position);

CREATE TABLE template_indicator (
  id           INTEGER PRIMARY KEY,
  category_id  INTEGER NOT NULL REFERENCES template_category(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL DEFAULT 0,
  code         TEXT NOT NULL,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  standard     TEXT,                                   -- 考核内容
  scoring_note TEXT,                                   -- 评分说明
  max_points   REAL NOT NULL CHECK (max_points >= 0),
  kind         TEXT NOT NULL DEFAULT 'basic' CHECK (kind IN ('basic', 'bonus', 'deduction', 'veto')),
  star         TEXT CHECK (star IS NULL OR star IN ('political', 'style', 'action', 'brand',
                                                    'strong')),
  method       TEXT NOT NULL DEFAULT 'qualitative' CHECK (method IN ('quantitative', 'qualitative')),
  -- Filled from records, mapped linearly onto max_points: 'compliance' (三会一课
  -- rate), 'integration' (index / 100), 'attendance' (members' mean rate),
  -- 'cases' (source_target cases at source_status or beyond give full points).
  source        TEXT CHECK (source IS NULL OR source IN ('compliance', 'integration', 'attendance',
                                                         'cases')),
  source_status TEXT CHECK (source_status IS NULL OR source_status IN ('submitted', 'recommended',
                                                                       'awarded')),
  source_target INTEGER CHECK (source_target IS NULL OR source_target > 0)
);
CREATE INDEX template_indicator_category ON template_indicator(category_id, position);

CREATE TABLE assessment (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES organisation(id),
  period        TEXT NOT NULL,                        -- 2025 or 2025Q3
  template_id   INTEGER NOT NULL REFERENCES assessment_template(id),
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'finalised')),
  business_score REAL CHECK (business_score IS NULL OR business_score BETWEEN 0 AND 100),
  review_score   REAL CHECK (review_score IS NULL OR review_score BETWEEN 0 AND 100),
  comments      TEXT,
  -- The result as finalised: read back, never recomputed.
  party_score   REAL,
  total_score   REAL,
  grade         TEXT,
  stars         TEXT,                                 -- earned stars, ';'-separated
  star_level    INTEGER,
  vetoed        INTEGER NOT NULL DEFAULT 0,
  finalised_at  TEXT,
  UNIQUE (org_id, period)
);
CREATE INDEX assessment_period ON assessment(period);

CREATE TABLE assessment_score (
  assessment_id   INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
  indicator_id    INTEGER NOT NULL REFERENCES template_indicator(id),
  self_score      REAL,
  committee_score REAL,
  comment         TEXT,
  evidence        TEXT,                               -- text, and file paths one per line
  override_reason TEXT,                               -- needed to override an automatic score
  PRIMARY KEY (assessment_id, indicator_id)
);

CREATE TRIGGER assessment_audit_update AFTER UPDATE OF status, business_score, review_score
  ON assessment BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('assessment', NEW.id, 'update',
          json_object('status', OLD.status, 'business_score', OLD.business_score,
                      'review_score', OLD.review_score),
          json_object('status', NEW.status, 'business_score', NEW.business_score,
                      'review_score', NEW.review_score));
END;

CREATE TRIGGER assessment_score_audit AFTER UPDATE ON assessment_score BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('assessment_score', NEW.assessment_id, 'update',
          json_object('indicator_id', OLD.indicator_id, 'self', OLD.self_score,
                      'committee', OLD.committee_score),
          json_object('indicator_id', NEW.indicator_id, 'self', NEW.self_score,
                      'committee', NEW.committee_score));
END;
