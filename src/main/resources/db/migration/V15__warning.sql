-- F30–F34: the 红橙黄蓝 early-warning mechanism.

-- The cadre module publishes two more columns for rules over dates (view columns can only be appended).
CREATE OR REPLACE VIEW cadre_view AS
SELECT person_id, org_id, category, job_class, management_level, post_level, rank, retirement_group, post_since, rank_since
FROM cadre_profile;

-- F30 rules: structured conditions over facts of every module, a colour and a message; versioned by
-- code (one enabled version per code). A warning keeps the version that raised it.
CREATE TABLE warning_rule
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        VARCHAR(50)  NOT NULL,
  version     INT          NOT NULL,
  name        VARCHAR(100) NOT NULL,
  colour      VARCHAR(6)   NOT NULL,             -- WarningColour: RED / ORANGE / YELLOW / BLUE
  conditions  JSONB        NOT NULL,             -- [{"fact": "MEASURE_IN_FORCE", "kinds": ["党纪处分"]}, …], all must hold
  message     VARCHAR(500) NOT NULL,             -- shown on the warning; {name} is the cadre's name
  basis       VARCHAR(200),                      -- where the rule comes from (rule set, article)
  status      VARCHAR(8)   NOT NULL,             -- DRAFT / ENABLED / RETIRED
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by  VARCHAR(64),
  CONSTRAINT warning_rule_version_uk UNIQUE (code, version)
);
CREATE UNIQUE INDEX warning_rule_enabled_uk ON warning_rule (code) WHERE status = 'ENABLED';

-- F31 warnings: at most one open warning per rule code and person (idempotent evaluation).
CREATE TABLE warning
(
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_id        BIGINT       NOT NULL REFERENCES warning_rule (id),  -- the version that raised it
  rule_code      VARCHAR(50)  NOT NULL,
  person_id      BIGINT       NOT NULL REFERENCES person_person (id),
  org_id         BIGINT       NOT NULL REFERENCES org_organization (id), -- the cadre's unit, kept current
  colour         VARCHAR(6)   NOT NULL,          -- current colour (escalates when handling is overdue)
  status         VARCHAR(8)   NOT NULL,          -- OPEN / HANDLING / CLOSED
  evidence       JSONB        NOT NULL DEFAULT '[]',
  message        VARCHAR(500) NOT NULL,
  raised_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  handler        VARCHAR(64),
  closed_at      TIMESTAMPTZ,
  close_reason   VARCHAR(500),
  closed_by      VARCHAR(64),
  version        INT          NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX warning_open_uk ON warning (rule_code, person_id) WHERE status <> 'CLOSED';
CREATE INDEX warning_org_idx ON warning (org_id, status, colour);
CREATE INDEX warning_person_idx ON warning (person_id);

-- F33 timeline: raise, assignment, actions, colour changes, closing.
CREATE TABLE warning_event
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  warning_id BIGINT       NOT NULL REFERENCES warning (id),
  kind       VARCHAR(10)  NOT NULL,              -- RAISED / ASSIGNED / ACTION / COLOUR / CLOSED / REOPENED
  note       VARCHAR(1000),
  done_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  done_by    VARCHAR(64)  NOT NULL
);
CREATE INDEX warning_event_warning_idx ON warning_event (warning_id, id);

-- F32 handling actions with due dates and results.
CREATE TABLE warning_action
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  warning_id BIGINT       NOT NULL REFERENCES warning (id),
  kind       VARCHAR(10)  NOT NULL,              -- 提醒谈话 / 函询 / 诫勉 / 核查 / 其他
  due_date   DATE         NOT NULL,
  result     VARCHAR(1000),
  done_on    DATE,
  created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by VARCHAR(64)  NOT NULL
);
CREATE INDEX warning_action_warning_idx ON warning_action (warning_id);
CREATE INDEX warning_action_due_idx ON warning_action (due_date) WHERE done_on IS NULL;

-- ShedLock: the nightly full evaluation runs on one node only.
CREATE TABLE shedlock
(
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);

-- The default rule set 预警默认 (rules.md §9), built from what public systems use; editable.
INSERT INTO warning_rule (code, version, name, colour, conditions, message, basis, status, created_by) VALUES
  ('SANCTION_IN_FORCE', 1, '党纪政务处分影响期内', 'RED',
   '[{"fact": "MEASURE_IN_FORCE", "kinds": ["党纪处分", "政务处分"]}]',
   '{name}受党纪或政务处分，处于影响期内', '预警默认 红：受党纪政务处分', 'ENABLED', 'system'),
  ('INCOMPETENT_TWICE', 1, '连续两年年度考核不称职', 'RED',
   '[{"fact": "ANNUAL_CONSECUTIVE", "grades": ["4", "4B"], "count": 2}]',
   '{name}连续两年年度考核不称职', '预警默认 红：连续两年不称职；公务员考核规定', 'ENABLED', 'system'),
  ('ADMONISHMENT_IN_FORCE', 1, '诫勉影响期内', 'ORANGE',
   '[{"fact": "MEASURE_IN_FORCE", "kinds": ["诫勉"]}]',
   '{name}受到诫勉，处于影响期内', '预警默认 橙：诫勉在影响期内', 'ENABLED', 'system'),
  ('BASICALLY_COMPETENT', 1, '上年度考核基本称职', 'ORANGE',
   '[{"fact": "ANNUAL_GRADE", "grades": ["3", "3B"], "years": 1}]',
   '{name}上年度考核为基本称职', '预警默认 橙：基本称职', 'ENABLED', 'system'),
  ('UNDER_INVESTIGATION', 1, '立案审查期间', 'ORANGE',
   '[{"fact": "MEASURE_IN_FORCE", "kinds": ["立案审查"]}]',
   '{name}正在接受立案审查', '预警默认 橙：立案审查', 'ENABLED', 'system'),
  ('PROBATION_ENDING', 1, '试用期即将届满', 'YELLOW',
   '[{"fact": "PROBATION_ENDING", "days": 30}]',
   '{name}任职试用期将在30天内届满，请及时考核', '预警默认 黄：试用期届满', 'ENABLED', 'system'),
  ('RETIREMENT_SOON', 1, '12个月内到龄退休', 'BLUE',
   '[{"fact": "RETIREMENT_WITHIN", "months": 12}]',
   '{name}将在12个月内达到法定退休年龄', '预警默认 蓝：到龄退休；退休2025', 'ENABLED', 'system'),
  ('LONG_IN_POST', 1, '同一职务任职满10年', 'BLUE',
   '[{"fact": "YEARS_IN_POST", "years": 10}]',
   '{name}在现职务任职已满10年', '预警默认 蓝：同一职位任职10年以上', 'ENABLED', 'system');

INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, p.permission
FROM access_role_permission r
CROSS JOIN (VALUES ('warning:read'), ('warning:handle'), ('warning:rules')) AS p (permission)
WHERE r.permission = 'cadre:write'
ON CONFLICT DO NOTHING;
