-- The rules of 预警默认 (rules.md §9) over supervision facts, now that the supervision module keeps them.
INSERT INTO warning_rule (code, version, name, colour, conditions, message, basis, status, created_by) VALUES
  ('REPORT_CONCEALED', 1, '个人有关事项报告瞒报', 'RED',
   '[{"fact": "REPORT_CHECK", "results": ["瞒报"], "months": 24}]',
   '{name}个人有关事项报告经核查为瞒报', '预警默认 红：个人有关事项报告不如实；领导干部报告个人有关事项规定', 'ENABLED', 'system'),
  ('INQUIRY_OVERDUE', 1, '函询逾期未办结', 'ORANGE',
   '[{"fact": "INQUIRY_OVERDUE"}]',
   '{name}的函询已过回复期限仍未办结', '预警默认 橙：函询逾期未办结', 'ENABLED', 'system'),
  ('REMINDER_TALK', 1, '一年内受到提醒谈话', 'YELLOW',
   '[{"fact": "REMINDER_TALK", "months": 12}]',
   '{name}近一年内受到提醒谈话', '预警默认 黄：提醒谈话', 'ENABLED', 'system'),
  ('PETITION_OPEN', 1, '信访件在办', 'YELLOW',
   '[{"fact": "PETITION_OPEN"}]',
   '{name}有在办的信访件', '预警默认 黄：信访调查中', 'ENABLED', 'system');

-- A warning closed by handling (销号 approved) stays closed while its evidence is unchanged; the engine
-- raises again only when the facts change.
ALTER TABLE warning ADD COLUMN handled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX warning_handled_idx ON warning (rule_code, person_id) WHERE handled;
