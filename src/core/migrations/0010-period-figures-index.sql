-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 10: the figures of a period (三会一课 compliance, attendance, the
-- integration index) read each branch's and each group's meetings in the
-- period. Through meeting_org every such row was then fetched from the
-- table, whose rows carry the minutes and are spread over the whole file.
-- This index starts like meeting_org and holds every column those reads use,
-- so they never touch the table; it replaces meeting_org.
CREATE INDEX meeting_period ON meeting(org_id, date, kind, valid, present, expected, task_id,
                                       business_topic);
DROP INDEX meeting_org;
