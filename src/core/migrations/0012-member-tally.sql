-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 12: the number of members by status, on the roster or transferred out, kept as
-- members are added, changed and removed. The Overview shows these counts when the window
-- opens and after every change; counting them from the member table read every member,
-- 25 ms for a committee of 100,000 (issue 8). A bulk load sets the triggers aside and
-- counts again once at its end (rh_member_bulk_end).

CREATE TABLE member_tally (
  status   TEXT    NOT NULL,
  archived INTEGER NOT NULL,   -- 1: transferred out (archived_date set)
  n        INTEGER NOT NULL,
  PRIMARY KEY (status, archived)
) WITHOUT ROWID;

-- The same count as RH_MEMBER_TALLY_RECOUNT (rh-member.h): the indexes, not every row.
INSERT INTO member_tally (status, archived, n)
  SELECT status, 1, count(*) FROM member WHERE archived_date IS NOT NULL GROUP BY +status;
INSERT INTO member_tally (status, archived, n)
  SELECT status, 0, count(*) - coalesce ((SELECT t.n FROM member_tally t
                                          WHERE t.status = m.status AND t.archived = 1), 0)
  FROM member m GROUP BY status;

CREATE TRIGGER member_tally_insert AFTER INSERT ON member BEGIN
  INSERT INTO member_tally (status, archived, n)
    VALUES (NEW.status, NEW.archived_date IS NOT NULL, 1)
    ON CONFLICT (status, archived) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER member_tally_delete AFTER DELETE ON member BEGIN
  UPDATE member_tally SET n = n - 1
    WHERE status = OLD.status AND archived = (OLD.archived_date IS NOT NULL);
END;

CREATE TRIGGER member_tally_update AFTER UPDATE OF status, archived_date ON member BEGIN
  UPDATE member_tally SET n = n - 1
    WHERE status = OLD.status AND archived = (OLD.archived_date IS NOT NULL);
  INSERT INTO member_tally (status, archived, n)
    VALUES (NEW.status, NEW.archived_date IS NOT NULL, 1)
    ON CONFLICT (status, archived) DO UPDATE SET n = n + 1;
END;
