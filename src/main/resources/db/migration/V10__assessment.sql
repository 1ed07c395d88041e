-- F20–F24: 全员绩效 and civil-servant routine (平时) and annual (年度) assessment.

-- The cadre module publishes the columns of a cadre file other modules may join on.
CREATE VIEW cadre_view AS
SELECT person_id, org_id, category, job_class, management_level, post_level, rank
FROM cadre_profile;

-- F20 schemes: indicator sets per unit category and post type, valid for a time; owned by an
-- organization (its subtree may use it).
CREATE TABLE assessment_scheme
(
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id        BIGINT       NOT NULL REFERENCES org_organization (id),
  name          VARCHAR(100) NOT NULL,
  unit_category VARCHAR(20)  NOT NULL,             -- SchemeUnitCategory: 机关/参公事业单位/事业单位/国有企业
  post_type     VARCHAR(20)  NOT NULL,             -- SchemePostType: 综合管理类/行政执法类/专业技术类/领导班子成员
  valid_from    DATE         NOT NULL,
  valid_to      DATE,
  copied_from   BIGINT REFERENCES assessment_scheme (id),
  version       INT          NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by    VARCHAR(64),
  updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by    VARCHAR(64),
  CONSTRAINT assessment_scheme_dates_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX assessment_scheme_org_idx ON assessment_scheme (org_id);

CREATE TABLE assessment_indicator
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scheme_id   BIGINT        NOT NULL REFERENCES assessment_scheme (id) ON DELETE CASCADE,
  seq         INT           NOT NULL,
  name        VARCHAR(100)  NOT NULL,              -- 德、能、勤、绩、廉 or finer
  description VARCHAR(500),
  weight      NUMERIC(5, 2) NOT NULL,              -- percent; a scheme's weights add up to 100
  method      VARCHAR(10)   NOT NULL,              -- SCORE (min..max) or LEVELS (named levels with scores)
  min_score   NUMERIC(6, 2),
  max_score   NUMERIC(6, 2),
  levels      VARCHAR(500),                        -- LEVELS: "优秀=100;良好=85;一般=70;较差=50"
  CONSTRAINT assessment_indicator_weight_ck CHECK (weight > 0 AND weight <= 100)
);
CREATE INDEX assessment_indicator_scheme_idx ON assessment_indicator (scheme_id, seq);

-- F21 periods: a quarter's routine assessment or a year's annual assessment, opened for a subtree.
CREATE TABLE assessment_period
(
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id             BIGINT       NOT NULL REFERENCES org_organization (id),
  kind               VARCHAR(10)  NOT NULL,        -- ROUTINE / ANNUAL
  year               INT          NOT NULL,
  quarter            INT,                          -- 1–4 for ROUTINE, null for ANNUAL
  name               VARCHAR(100) NOT NULL,
  status             VARCHAR(10)  NOT NULL,        -- OPEN / CLOSED
  publicity_days     INT          NOT NULL,        -- 公示 length in working days (0: none)
  excellent_percent  INT          NOT NULL,        -- 优秀/好 quota in percent of those assessed in a unit
  good_cap_percent   INT,                          -- ROUTINE: cap on 好, null = none
  opened_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  opened_by          VARCHAR(64),
  closed_at          TIMESTAMPTZ,
  closed_by          VARCHAR(64),
  version            INT          NOT NULL DEFAULT 0,
  CONSTRAINT assessment_period_kind_ck CHECK ((kind = 'ROUTINE' AND quarter BETWEEN 1 AND 4) OR (kind = 'ANNUAL' AND quarter IS NULL))
);
CREATE UNIQUE INDEX assessment_period_uk ON assessment_period (org_id, kind, year, coalesce(quarter, 0));
CREATE INDEX assessment_period_year_idx ON assessment_period (year, kind);

-- F22: one person's assessment in a period, from self-summary to confirmation. org_id is the
-- assessing unit (the unit of the cadre file when the period opened): quotas and jurisdiction use it.
CREATE TABLE assessment_result
(
  period_id         BIGINT        NOT NULL REFERENCES assessment_period (id),
  person_id         BIGINT        NOT NULL REFERENCES person_person (id),
  org_id            BIGINT        NOT NULL REFERENCES org_organization (id),
  scheme_id         BIGINT REFERENCES assessment_scheme (id),
  included          BOOLEAN       NOT NULL DEFAULT TRUE,   -- false: taken out of the population, with a reason
  inclusion_note    VARCHAR(500),
  stage             VARCHAR(12)   NOT NULL,        -- AssessmentStage: the step awaited, SELF_SUMMARY → EVALUATION → PROPOSAL → PUBLICITY → CONFIRMED
  self_summary      TEXT,
  indicator_scores  JSONB,                         -- {"<indicator id>": score}
  score             NUMERIC(6, 2),                 -- weighted total of the leader evaluation
  evaluation_note   VARCHAR(1000),
  suggested_grade   VARCHAR(3),                    -- from the routine results (annual only)
  grade             VARCHAR(3),                    -- routine: 好/较好/一般/较差 (RoutineGrade); annual: AnnualGrade code (1, 2, 3, 4, 5A, 6B, …)
  grade_reason      VARCHAR(500),                  -- required for 5x/6x and for a deviation from the suggestion
  publicity_from    DATE,
  publicity_to      DATE,
  confirmed_at      TIMESTAMPTZ,
  confirmed_by      VARCHAR(64),
  dismissal_review  BOOLEAN       NOT NULL DEFAULT FALSE,  -- two consecutive 不称职
  version           INT           NOT NULL DEFAULT 0,
  updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
  updated_by        VARCHAR(64),
  PRIMARY KEY (period_id, person_id)
);
CREATE INDEX assessment_result_org_idx ON assessment_result (period_id, org_id) INCLUDE (stage, grade, included);
CREATE INDEX assessment_result_person_idx ON assessment_result (person_id);

-- Who did which step when (and what was sent back, why).
CREATE TABLE assessment_step
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  period_id  BIGINT       NOT NULL,
  person_id  BIGINT       NOT NULL,
  stage      VARCHAR(12)  NOT NULL,               -- the stage the step completed (or returned from)
  action     VARCHAR(10)  NOT NULL,               -- SUBMIT / RETURN / ADJUST
  note       VARCHAR(1000),
  done_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  done_by    VARCHAR(64)  NOT NULL,
  FOREIGN KEY (period_id, person_id) REFERENCES assessment_result (period_id, person_id)
);
CREATE INDEX assessment_step_result_idx ON assessment_step (period_id, person_id, id);

-- Quota raised above the default (up to 25 %) for one unit in one period, with the approval on record.
CREATE TABLE assessment_quota_approval
(
  period_id   BIGINT       NOT NULL REFERENCES assessment_period (id),
  org_id      BIGINT       NOT NULL REFERENCES org_organization (id),
  percent     INT          NOT NULL,
  document    VARCHAR(200) NOT NULL,              -- the approving document (批准文号)
  reason      VARCHAR(500),
  approved_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  approved_by VARCHAR(64)  NOT NULL,
  PRIMARY KEY (period_id, org_id),
  CONSTRAINT assessment_quota_percent_ck CHECK (percent BETWEEN 1 AND 100)
);

-- Working-day calendar (公示 is counted in working days): official holidays and the weekend days
-- worked in exchange (调休). Kept as data; an administrator adds each year's schedule.
CREATE TABLE assessment_calendar_day
(
  day  DATE PRIMARY KEY,
  kind VARCHAR(10)  NOT NULL,                     -- HOLIDAY / WORKDAY
  name VARCHAR(50)  NOT NULL
);
INSERT INTO assessment_calendar_day (day, kind, name) VALUES
  ('2025-01-01', 'HOLIDAY', '元旦'),
  ('2025-01-26', 'WORKDAY', '春节调休'),
  ('2025-01-28', 'HOLIDAY', '春节'), ('2025-01-29', 'HOLIDAY', '春节'), ('2025-01-30', 'HOLIDAY', '春节'),
  ('2025-01-31', 'HOLIDAY', '春节'), ('2025-02-01', 'HOLIDAY', '春节'), ('2025-02-02', 'HOLIDAY', '春节'),
  ('2025-02-03', 'HOLIDAY', '春节'), ('2025-02-04', 'HOLIDAY', '春节'),
  ('2025-02-08', 'WORKDAY', '春节调休'),
  ('2025-04-04', 'HOLIDAY', '清明节'), ('2025-04-05', 'HOLIDAY', '清明节'), ('2025-04-06', 'HOLIDAY', '清明节'),
  ('2025-04-27', 'WORKDAY', '劳动节调休'),
  ('2025-05-01', 'HOLIDAY', '劳动节'), ('2025-05-02', 'HOLIDAY', '劳动节'), ('2025-05-03', 'HOLIDAY', '劳动节'),
  ('2025-05-04', 'HOLIDAY', '劳动节'), ('2025-05-05', 'HOLIDAY', '劳动节'),
  ('2025-05-31', 'HOLIDAY', '端午节'), ('2025-06-01', 'HOLIDAY', '端午节'), ('2025-06-02', 'HOLIDAY', '端午节'),
  ('2025-09-28', 'WORKDAY', '国庆节调休'),
  ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-11', 'WORKDAY', '国庆节调休'),
  ('2026-01-01', 'HOLIDAY', '元旦'), ('2026-01-02', 'HOLIDAY', '元旦'), ('2026-01-03', 'HOLIDAY', '元旦'),
  ('2026-01-04', 'WORKDAY', '元旦调休'),
  ('2026-02-14', 'WORKDAY', '春节调休'),
  ('2026-02-15', 'HOLIDAY', '春节'), ('2026-02-16', 'HOLIDAY', '春节'), ('2026-02-17', 'HOLIDAY', '春节'),
  ('2026-02-18', 'HOLIDAY', '春节'), ('2026-02-19', 'HOLIDAY', '春节'), ('2026-02-20', 'HOLIDAY', '春节'),
  ('2026-02-21', 'HOLIDAY', '春节'), ('2026-02-22', 'HOLIDAY', '春节'), ('2026-02-23', 'HOLIDAY', '春节'),
  ('2026-02-28', 'WORKDAY', '春节调休'),
  ('2026-04-04', 'HOLIDAY', '清明节'), ('2026-04-05', 'HOLIDAY', '清明节'), ('2026-04-06', 'HOLIDAY', '清明节'),
  ('2026-05-01', 'HOLIDAY', '劳动节'), ('2026-05-02', 'HOLIDAY', '劳动节'), ('2026-05-03', 'HOLIDAY', '劳动节'),
  ('2026-05-04', 'HOLIDAY', '劳动节'), ('2026-05-05', 'HOLIDAY', '劳动节'),
  ('2026-05-09', 'WORKDAY', '劳动节调休'),
  ('2026-06-19', 'HOLIDAY', '端午节'), ('2026-06-20', 'HOLIDAY', '端午节'), ('2026-06-21', 'HOLIDAY', '端午节'),
  ('2026-09-20', 'WORKDAY', '国庆节调休'),
  ('2026-09-25', 'HOLIDAY', '中秋节'), ('2026-09-26', 'HOLIDAY', '中秋节'), ('2026-09-27', 'HOLIDAY', '中秋节'),
  ('2026-10-01', 'HOLIDAY', '国庆节'), ('2026-10-02', 'HOLIDAY', '国庆节'), ('2026-10-03', 'HOLIDAY', '国庆节'),
  ('2026-10-04', 'HOLIDAY', '国庆节'), ('2026-10-05', 'HOLIDAY', '国庆节'), ('2026-10-06', 'HOLIDAY', '国庆节'),
  ('2026-10-07', 'HOLIDAY', '国庆节'),
  ('2026-10-10', 'WORKDAY', '国庆节调休');

-- Roles that work with cadre files get the matching assessment permissions.
INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, p.permission
FROM access_role_permission r
CROSS JOIN (VALUES ('assessment:read'), ('assessment:manage'), ('assessment:evaluate'), ('assessment:self')) AS p (permission)
WHERE r.permission = 'cadre:write'
ON CONFLICT DO NOTHING;
