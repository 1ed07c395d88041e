-- 特殊情况: an admission approved later than three months after the branch meeting (up to six) records why.
ALTER TABLE recruitment_candidate ADD COLUMN approval_special_reason VARCHAR(500);
