-- SPDX-License-Identifier: GPL-3.0-or-later
-- Finalised assessments share one frozen copy per template version: the copy
-- remembers the template it was taken from and a checksum of its content.
ALTER TABLE assessment_template ADD COLUMN frozen_from INTEGER
  REFERENCES assessment_template(id) ON DELETE SET NULL;
ALTER TABLE assessment_template ADD COLUMN content_hash TEXT;
CREATE INDEX assessment_template_frozen ON assessment_template(frozen_from, content_hash)
  WHERE frozen = 1;
