-- The step notes and the refusal reason of an application are composed from a prefix, the decision's reason
-- (at most 1000 characters) and, for an objection decision, the objection (at most 1000 characters):
-- e.g. '异议成立：' + reason + '（异议：' + objection + '）'. 1000 characters could not hold them.
-- The 1000-character limit stays on each field the user enters.
ALTER TABLE talent_application_step ALTER COLUMN note TYPE VARCHAR(3000);
ALTER TABLE talent_application ALTER COLUMN refusal_reason TYPE VARCHAR(3000);
