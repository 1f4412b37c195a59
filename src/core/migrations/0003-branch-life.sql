-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 3: branch life. Meetings (三会一课) with their attendance, the
-- frequency rules that compliance is measured against, central tasks (四同步)
-- and the case library (典型案例).

-- How often each kind of meeting is required: `times` per `period`
-- ('month', 'quarter', 'year'), or 'none' when it is not counted.
CREATE TABLE meeting_rule (
  kind   TEXT PRIMARY KEY CHECK (kind IN ('general_assembly', 'committee', 'group', 'lecture',
                                          'theme_day', 'life_meeting', 'review', 'talk')),
  period TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year', 'none')),
  times  INTEGER NOT NULL DEFAULT 1 CHECK (times BETWEEN 0 AND 31)
);
-- The defaults of DOMAIN.md. 谈心谈话 is a rule about pairs of people, not a
-- count of meetings, so it is recorded but not counted.
INSERT INTO meeting_rule (kind, period, times) VALUES
  ('general_assembly', 'quarter', 1),
  ('committee', 'month', 1),
  ('group', 'month', 1),
  ('lecture', 'quarter', 1),
  ('theme_day', 'month', 1),
  ('life_meeting', 'year', 1),
  ('review', 'year', 1),
  ('talk', 'none', 1);

CREATE TABLE central_task (
  id              INTEGER PRIMARY KEY,
  org_id          INTEGER NOT NULL REFERENCES organisation(id),
  title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
  period          TEXT NOT NULL,             -- '2025', '2025Q3' or '2025-07'
  period_first    TEXT NOT NULL,             -- its first and last day, for overlap queries
  period_last     TEXT NOT NULL,
  owner_id        INTEGER REFERENCES member(id),
  goal            TEXT,
  measures        TEXT,                      -- party measures, one per line
  planned_date    TEXT, planned_note    TEXT,   -- 同安排布置
  checked_date    TEXT, checked_note    TEXT,   -- 同检查督促
  assessed_date   TEXT, assessed_note   TEXT,   -- 同考核奖惩
  summarised_date TEXT, summarised_note TEXT,   -- 同总结提升
  metric_name     TEXT,
  metric_unit     TEXT,
  metric_target   REAL,
  metric_actual   REAL,
  higher_is_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1))
);
CREATE INDEX central_task_org ON central_task(org_id, period_first);

CREATE TABLE meeting (
  id             INTEGER PRIMARY KEY,
  org_id         INTEGER NOT NULL REFERENCES organisation(id),  -- the branch, or the group
  kind           TEXT NOT NULL CHECK (kind IN ('general_assembly', 'committee', 'group', 'lecture',
                                               'theme_day', 'life_meeting', 'review', 'talk')),
  date           TEXT NOT NULL,
  place          TEXT,
  host_id        INTEGER REFERENCES member(id),
  recorder_id    INTEGER REFERENCES member(id),
  topic          TEXT,
  business_topic TEXT,                        -- 融合议题, free text
  task_id        INTEGER REFERENCES central_task(id),
  decisions      TEXT,
  minutes        TEXT,
  -- Worked out when the record is saved, from the people expected that day.
  expected       INTEGER NOT NULL DEFAULT 0,
  present        INTEGER NOT NULL DEFAULT 0,
  valid          INTEGER NOT NULL DEFAULT 1 CHECK (valid IN (0, 1))  -- quorum reached
);
CREATE INDEX meeting_org ON meeting(org_id, date);
CREATE INDEX meeting_date ON meeting(date, kind);

-- Only the exceptions are stored: everyone expected is present unless a row
-- says they were on leave or absent.
CREATE TABLE attendance (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  member_id  INTEGER NOT NULL REFERENCES member(id),
  state      TEXT NOT NULL CHECK (state IN ('leave', 'absent')),
  reason     TEXT,
  PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX attendance_member ON attendance(member_id);

CREATE TABLE integration_case (
  id               INTEGER PRIMARY KEY,
  org_id           INTEGER REFERENCES organisation(id),
  unit_name        TEXT,                    -- the credited unit when not one of ours
  title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
  year             INTEGER NOT NULL CHECK (year BETWEEN 1921 AND 2200),
  mode             TEXT NOT NULL CHECK (mode IN ('coordinated', 'brand', 'model', 'empowering',
                                                 'accompanying', 'joint', 'scene')),
  measures         TEXT,
  story            TEXT,
  honours          TEXT,
  partners         TEXT,
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'submitted', 'recommended', 'awarded')),
  submitted_date   TEXT,
  recommended_date TEXT,
  awarded_date     TEXT
);
CREATE INDEX integration_case_year ON integration_case(year, mode);

CREATE TABLE case_metric (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL REFERENCES integration_case(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  name     TEXT NOT NULL,
  unit     TEXT,
  before   REAL,
  after    REAL
);
CREATE INDEX case_metric_case ON case_metric(case_id, position);

-- The audit log follows these tables too.
CREATE TRIGGER meeting_audit_insert AFTER INSERT ON meeting BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('meeting', NEW.id, 'insert',
          json_object('org_id', NEW.org_id, 'kind', NEW.kind, 'date', NEW.date, 'topic', NEW.topic));
END;

CREATE TRIGGER meeting_audit_update AFTER UPDATE ON meeting BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('meeting', NEW.id, 'update',
          json_object('kind', OLD.kind, 'date', OLD.date, 'topic', OLD.topic,
                      'business_topic', OLD.business_topic, 'present', OLD.present),
          json_object('kind', NEW.kind, 'date', NEW.date, 'topic', NEW.topic,
                      'business_topic', NEW.business_topic, 'present', NEW.present));
END;

CREATE TRIGGER meeting_audit_delete AFTER DELETE ON meeting BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values)
  VALUES ('meeting', OLD.id, 'delete',
          json_object('org_id', OLD.org_id, 'kind', OLD.kind, 'date', OLD.date, 'topic', OLD.topic));
END;

CREATE TRIGGER meeting_rule_audit AFTER UPDATE ON meeting_rule BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('meeting_rule', 0, 'update',
          json_object('kind', OLD.kind, 'period', OLD.period, 'times', OLD.times),
          json_object('kind', NEW.kind, 'period', NEW.period, 'times', NEW.times));
END;

CREATE TRIGGER central_task_audit_insert AFTER INSERT ON central_task BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('central_task', NEW.id, 'insert',
          json_object('org_id', NEW.org_id, 'title', NEW.title, 'period', NEW.period));
END;

CREATE TRIGGER central_task_audit_update AFTER UPDATE ON central_task BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('central_task', NEW.id, 'update',
          json_object('title', OLD.title, 'planned_date', OLD.planned_date,
                      'checked_date', OLD.checked_date, 'assessed_date', OLD.assessed_date,
                      'summarised_date', OLD.summarised_date, 'metric_actual', OLD.metric_actual),
          json_object('title', NEW.title, 'planned_date', NEW.planned_date,
                      'checked_date', NEW.checked_date, 'assessed_date', NEW.assessed_date,
                      'summarised_date', NEW.summarised_date, 'metric_actual', NEW.metric_actual));
END;

CREATE TRIGGER integration_case_audit_insert AFTER INSERT ON integration_case BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('integration_case', NEW.id, 'insert',
          json_object('title', NEW.title, 'mode', NEW.mode, 'status', NEW.status));
END;

CREATE TRIGGER integration_case_audit_update AFTER UPDATE ON integration_case BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('integration_case', NEW.id, 'update',
          json_object('title', OLD.title, 'mode', OLD.mode, 'status', OLD.status),
          json_object('title', NEW.title, 'mode', NEW.mode, 'status', NEW.status));
END;
