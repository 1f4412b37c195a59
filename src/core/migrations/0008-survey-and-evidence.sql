-- SPDX-License-Identifier: GPL-3.0-or-later
-- The members' and masses' rating (党员群众评价) may come from a survey: the
-- votes 满意, 基本满意 and 不满意, from which the rating is computed.
ALTER TABLE assessment ADD COLUMN review_satisfied INTEGER CHECK (review_satisfied >= 0);
ALTER TABLE assessment ADD COLUMN review_basic INTEGER CHECK (review_basic >= 0);
ALTER TABLE assessment ADD COLUMN review_unsatisfied INTEGER CHECK (review_unsatisfied >= 0);

-- Evidence (佐证材料) may be files: their paths, one per line.
ALTER TABLE assessment_score ADD COLUMN attachments TEXT;
