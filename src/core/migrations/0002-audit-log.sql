-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 2: an audit log of every change, written by triggers so that no
-- caller (GUI, CLI, import) can forget it. Each row names the table, the row,
-- the action, and the changed fields with their old and new values as JSON.

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_values TEXT,
  new_values TEXT
);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);

CREATE TRIGGER organisation_audit_insert AFTER INSERT ON organisation BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('organisation', NEW.id, 'insert',
          json_object('parent_id', NEW.parent_id, 'kind', NEW.kind, 'name', NEW.name));
END;

CREATE TRIGGER organisation_audit_update AFTER UPDATE ON organisation BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  SELECT 'organisation', NEW.id, 'update', json_group_object(f, o), json_group_object(f, n)
  FROM (SELECT 'parent_id' AS f, OLD.parent_id AS o, NEW.parent_id AS n
        UNION ALL SELECT 'kind', OLD.kind, NEW.kind
        UNION ALL SELECT 'name', OLD.name, NEW.name
        UNION ALL SELECT 'host_type', OLD.host_type, NEW.host_type
        UNION ALL SELECT 'is_temporary', OLD.is_temporary, NEW.is_temporary
        UNION ALL SELECT 'founded_date', OLD.founded_date, NEW.founded_date
        UNION ALL SELECT 'business_unit', OLD.business_unit, NEW.business_unit
        UNION ALL SELECT 'brand_name', OLD.brand_name, NEW.brand_name
        UNION ALL SELECT 'brand_summary', OLD.brand_summary, NEW.brand_summary
        UNION ALL SELECT 'honours', OLD.honours, NEW.honours
        UNION ALL SELECT 'partners', OLD.partners, NEW.partners
        UNION ALL SELECT 'note', OLD.note, NEW.note
        UNION ALL SELECT 'archived_date', OLD.archived_date, NEW.archived_date
        UNION ALL SELECT 'archive_reason', OLD.archive_reason, NEW.archive_reason)
  WHERE o IS NOT n
  HAVING count(*) > 0;
END;

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

CREATE TRIGGER committee_term_audit AFTER INSERT ON committee_term BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('committee_term', NEW.id, 'insert',
          json_object('org_id', NEW.org_id, 'start_date', NEW.start_date, 'years', NEW.years));
END;

CREATE TRIGGER committee_term_audit_update AFTER UPDATE ON committee_term BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)
  VALUES ('committee_term', NEW.id, 'update',
          json_object('ended_date', OLD.ended_date), json_object('ended_date', NEW.ended_date));
END;

CREATE TRIGGER committee_role_audit AFTER INSERT ON committee_role BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_values)
  VALUES ('committee_role', NEW.id, 'insert',
          json_object('term_id', NEW.term_id, 'member_id', NEW.member_id, 'role', NEW.role));
END;
