-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 9: the points rules, their settings and removed point entries are
-- audit-logged too, now that the rules are edited and entries can be removed.

CREATE TRIGGER point_entry_audit_delete AFTER DELETE ON point_entry BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values)
  VALUES ('point_entry', OLD.id, 'delete',
          json_object('member_id', OLD.member_id, 'rule_id', OLD.rule_id, 'date', OLD.date,
                      'note', OLD.note));
END;

CREATE TRIGGER point_rule_audit_insert AFTER INSERT ON point_rule BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('point_rule', NEW.id, 'insert',
          json_object('code', NEW.code, 'item', NEW.item, 'category', NEW.category,
                      'points', NEW.points, 'cap', NEW.cap, 'veto', NEW.veto));
END;

CREATE TRIGGER point_rule_audit_update AFTER UPDATE ON point_rule BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('point_rule', NEW.id, 'update',
          json_object('code', OLD.code, 'item', OLD.item, 'category', OLD.category,
                      'points', OLD.points, 'cap', OLD.cap, 'veto', OLD.veto),
          json_object('code', NEW.code, 'item', NEW.item, 'category', NEW.category,
                      'points', NEW.points, 'cap', NEW.cap, 'veto', NEW.veto));
END;

CREATE TRIGGER point_rule_audit_delete AFTER DELETE ON point_rule BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values)
  VALUES ('point_rule', OLD.id, 'delete',
          json_object('code', OLD.code, 'item', OLD.item, 'points', OLD.points, 'cap', OLD.cap));
END;

CREATE TRIGGER member_review_audit_delete AFTER DELETE ON member_review BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values)
  VALUES ('member_review', OLD.member_id, 'delete',
          json_object('year', OLD.year, 'grade', OLD.grade));
END;

-- `setting` rows hold rules too (the base score, the levels).
CREATE TRIGGER setting_audit_update AFTER UPDATE ON setting BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('setting', OLD.rowid, 'update', json_object(OLD.key, OLD.value),
          json_object(NEW.key, NEW.value));
END;
