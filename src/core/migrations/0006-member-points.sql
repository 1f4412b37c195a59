-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 6: member points (党员积分) and the yearly democratic review (民主评议).

-- Settings kept as data: the base score of member points and the levels.
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO setting (key, value) VALUES
  ('points_base', '60'),
  ('points_levels', '优秀:90;良好:80;合格:60;不合格:0');

-- Points rules. `cap` limits what one rule can add (or take) in a quarter.
-- `automatic` rules count from meeting records: 'present' per meeting
-- attended, 'absent' per meeting missed without leave. A `veto` rule sets the
-- member's year to 0.
CREATE TABLE point_rule (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  item      TEXT NOT NULL CHECK (length(trim(item)) > 0),
  category  TEXT,
  points    REAL NOT NULL,
  cap       REAL CHECK (cap IS NULL OR cap >= 0),
  automatic TEXT CHECK (automatic IS NULL OR automatic IN ('present', 'absent')),
  veto      INTEGER NOT NULL DEFAULT 0 CHECK (veto IN (0, 1))
);
INSERT INTO point_rule (code, item, category, points, cap, automatic, veto) VALUES
  ('P01', '参加组织生活', '基本积分', 1, 12, 'present', 0),
  ('P02', '无故缺席组织生活', '基本积分', -3, 9, 'absent', 0),
  ('P03', '按时足额交纳党费', '基本积分', 1, 3, NULL, 0),
  ('P04', '参加志愿服务', '先锋积分', 2, 8, NULL, 0),
  ('P05', '党员先锋岗、示范岗示范带头', '先锋积分', 5, 10, NULL, 0),
  ('P06', '参加党员突击队完成急难险重任务', '先锋积分', 5, 10, NULL, 0),
  ('P07', '获得上级表彰', '奖励积分', 10, 20, NULL, 0),
  ('P08', '受到批评教育', '扣分', -5, NULL, NULL, 0),
  ('P09', '违纪违法受到党纪处分', '一票否决', 0, NULL, NULL, 1);

CREATE TABLE point_entry (
  id        INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES member(id),
  rule_id   INTEGER NOT NULL REFERENCES point_rule(id),
  date      TEXT NOT NULL,
  note      TEXT
);
CREATE INDEX point_entry_member ON point_entry(member_id, date);

CREATE TABLE member_review (
  member_id INTEGER NOT NULL REFERENCES member(id),
  year      INTEGER NOT NULL,
  grade     TEXT NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basic', 'unqualified')),
  note      TEXT,
  PRIMARY KEY (member_id, year)
);

CREATE TRIGGER point_entry_audit AFTER INSERT ON point_entry BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('point_entry', NEW.id, 'insert',
          json_object('member_id', NEW.member_id, 'rule_id', NEW.rule_id, 'date', NEW.date));
END;

CREATE TRIGGER member_review_audit AFTER INSERT ON member_review BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('member_review', NEW.member_id, 'insert',
          json_object('year', NEW.year, 'grade', NEW.grade));
END;

CREATE TRIGGER member_review_audit_update AFTER UPDATE ON member_review BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('member_review', NEW.member_id, 'update',
          json_object('year', OLD.year, 'grade', OLD.grade),
          json_object('year', NEW.year, 'grade', NEW.grade));
END;
