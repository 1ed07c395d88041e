-- Issue 9, F70 人才认定 and F73 乡土人才积分: the recognition workflow (申请 → 用人单位确认 → 人才办审核 →
-- 专家评审 → 公示 → 认定) with its evidence, the rules it reads as data, and the rural-talent points.
-- New tables get the application role's rights from V24's default privileges.

-- The rules a county may change without a release (one row).
CREATE TABLE talent_recognition_rule
(
  id                      INT         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  committee_pass_num      INT         NOT NULL CHECK (committee_pass_num > 0),     -- 评审通过：赞成票 ≥ 到会委员 × num / den
  committee_pass_den      INT         NOT NULL CHECK (committee_pass_den >= committee_pass_num),
  publicity_working_days  INT         NOT NULL CHECK (publicity_working_days BETWEEN 1 AND 30),
  points_threshold        INT         NOT NULL CHECK (points_threshold > 0),       -- 乡土人才积分达到此分进入候选名单
  points_tier_code        CHAR(1)     NOT NULL REFERENCES talent_tier (code),      -- 积分推荐认定申请的层次
  points_category         VARCHAR(10) NOT NULL DEFAULT '乡土',
  evidence_max_bytes      INT         NOT NULL DEFAULT 5242880
);
INSERT INTO talent_recognition_rule (committee_pass_num, committee_pass_den, publicity_working_days, points_threshold, points_tier_code)
VALUES (2, 3, 5, 100, 'E');

-- 认定申请. org_id is the employer unit: it scopes the application (a user sees it when the unit lies in the
-- jurisdiction; the employer's HR confirms applications of its own unit). stage is where the application stands.
CREATE TABLE talent_application
(
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id           BIGINT       NOT NULL REFERENCES person_person (id),
  org_id              BIGINT       NOT NULL REFERENCES org_organization (id),
  tier_code           CHAR(1)      NOT NULL REFERENCES talent_tier (code),   -- 申报层次
  category            VARCHAR(10)  NOT NULL,
  field               VARCHAR(200),
  introduction_mode   VARCHAR(4)   NOT NULL,
  introduced_on       DATE         NOT NULL,
  source              VARCHAR(12)  NOT NULL DEFAULT 'APPLICATION',
  stage               VARCHAR(20)  NOT NULL DEFAULT 'SUBMITTED',
  applied_on          DATE         NOT NULL,
  last_step_on        DATE         NOT NULL,                                  -- the date of the last step (the next may not be earlier)
  granted_tier_code   CHAR(1)      REFERENCES talent_tier (code),            -- 评审确定的层次
  committee_on        DATE,
  committee_present   INT,
  votes_for           INT,
  votes_against       INT,
  votes_abstain       INT,
  publicity_start     DATE,
  publicity_end       DATE,
  objection           VARCHAR(1000),                                          -- an objection awaiting its decision
  objection_on        DATE,
  recognized_on       DATE,
  talent_id           BIGINT       REFERENCES talent (id),
  refused_stage       VARCHAR(20),
  refusal_reason      VARCHAR(1000),
  note                VARCHAR(500),
  version             INT          NOT NULL DEFAULT 0,
  created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by          VARCHAR(64),
  updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by          VARCHAR(64),
  CONSTRAINT talent_application_category_ck CHECK (category IN ('科技', '教育', '卫生', '经营管理', '技能', '乡土', '文化')),
  CONSTRAINT talent_application_mode_ck CHECK (introduction_mode IN ('全职', '柔性')),
  CONSTRAINT talent_application_source_ck CHECK (source IN ('APPLICATION', 'RURAL_POINTS')),
  CONSTRAINT talent_application_stage_ck CHECK (stage IN ('SUBMITTED', 'EMPLOYER_CONFIRMED', 'REVIEWED', 'COMMITTEE_PASSED',
                                                          'PUBLICITY', 'RECOGNIZED', 'REFUSED', 'WITHDRAWN')),
  CONSTRAINT talent_application_votes_ck CHECK (committee_present IS NULL
      OR (votes_for >= 0 AND votes_against >= 0 AND votes_abstain >= 0 AND votes_for + votes_against + votes_abstain <= committee_present))
);
-- Lists filter by the unit (jurisdiction), stage, tier and year, newest first; the person tab and the portal by person.
CREATE INDEX talent_application_org_idx ON talent_application (org_id, id);
CREATE INDEX talent_application_stage_idx ON talent_application (stage, id);
CREATE INDEX talent_application_tier_idx ON talent_application (tier_code, id);
CREATE INDEX talent_application_applied_idx ON talent_application (applied_on);
CREATE INDEX talent_application_person_idx ON talent_application (person_id, id);
-- At most one open application per person.
CREATE UNIQUE INDEX talent_application_open_uk ON talent_application (person_id)
  WHERE stage NOT IN ('RECOGNIZED', 'REFUSED', 'WITHDRAWN');

-- 证明材料: an item with an optional file (PDF, JPG, PNG; checked by the upload check, size-limited by the rule).
CREATE TABLE talent_application_evidence
(
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id BIGINT        NOT NULL REFERENCES talent_application (id) ON DELETE CASCADE,
  kind           VARCHAR(10)   NOT NULL,
  description    VARCHAR(500)  NOT NULL,
  file_name      VARCHAR(255),
  file_type      VARCHAR(10),
  content        BYTEA,
  created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
  created_by     VARCHAR(64),
  CONSTRAINT talent_application_evidence_kind_ck CHECK (kind IN ('学历学位', '职称', '奖项', '专利', '薪酬', '其他'))
);
CREATE INDEX talent_application_evidence_app_idx ON talent_application_evidence (application_id, id);

-- The timeline: one row per step taken (提交, 单位确认, 审核, 评审, 公示, 异议, 认定, 不予认定, 撤回).
CREATE TABLE talent_application_step
(
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id BIGINT        NOT NULL REFERENCES talent_application (id) ON DELETE CASCADE,
  step           VARCHAR(20)   NOT NULL,
  step_on        DATE          NOT NULL,
  outcome        VARCHAR(10)   NOT NULL,   -- DONE / PASSED / REFUSED
  note           VARCHAR(1000),
  created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
  created_by     VARCHAR(64)
);
CREATE INDEX talent_application_step_app_idx ON talent_application_step (application_id, id);

-- 乡土人才积分项目 as data.
CREATE TABLE talent_point_item
(
  code              VARCHAR(20)  PRIMARY KEY,
  name              VARCHAR(100) NOT NULL,
  category          VARCHAR(4)   NOT NULL CHECK (category IN ('技能', '证书', '带富', '带徒', '荣誉')),
  points            INT          NOT NULL CHECK (points > 0),
  cap               INT          NOT NULL CHECK (cap > 0),   -- the most this item counts towards a person's total
  evidence_required BOOLEAN      NOT NULL DEFAULT TRUE,
  sort              INT          NOT NULL
);
INSERT INTO talent_point_item (code, name, category, points, cap, evidence_required, sort) VALUES
  ('SKILL_COUNTY',   '县级技能竞赛获奖',             '技能', 10, 30, TRUE, 10),
  ('SKILL_CITY',     '市级以上技能竞赛获奖',         '技能', 20, 40, TRUE, 20),
  ('CERT_PRO',       '取得职业技能等级证书',         '证书', 15, 30, TRUE, 30),
  ('CERT_MASTER',    '取得技师及以上证书',           '证书', 25, 25, TRUE, 40),
  ('RICH_HOUSEHOLD', '带动农户增收（每 10 户）',     '带富', 10, 40, TRUE, 50),
  ('RICH_COOP',      '领办合作社或家庭农场',         '带富', 20, 20, TRUE, 60),
  ('APPRENTICE',     '带徒传艺（每名出师徒弟）',     '带徒',  5, 25, FALSE, 70),
  ('HONOR_COUNTY',   '获县级荣誉表彰',               '荣誉', 10, 20, TRUE, 80),
  ('HONOR_CITY',     '获市级以上荣誉表彰',           '荣誉', 20, 40, TRUE, 90);

-- 积分记录, scoped by the person's organization when entered (org_id).
CREATE TABLE talent_point_entry
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id    BIGINT        NOT NULL REFERENCES person_person (id),
  org_id       BIGINT        NOT NULL REFERENCES org_organization (id),
  item_code    VARCHAR(20)   NOT NULL REFERENCES talent_point_item (code),
  earned_on    DATE          NOT NULL,
  points       INT           NOT NULL CHECK (points > 0),
  evidence     VARCHAR(500),
  file_name    VARCHAR(255),
  file_type    VARCHAR(10),
  content      BYTEA,
  status       VARCHAR(10)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
  reason       VARCHAR(500),
  reviewed_at  TIMESTAMPTZ,
  reviewed_by  VARCHAR(64),
  version      INT           NOT NULL DEFAULT 0,
  created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
  created_by   VARCHAR(64),
  updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
  updated_by   VARCHAR(64)
);
CREATE INDEX talent_point_entry_org_idx ON talent_point_entry (org_id, id);
CREATE INDEX talent_point_entry_person_idx ON talent_point_entry (person_id, item_code) WHERE status = 'CONFIRMED';
CREATE INDEX talent_point_entry_status_idx ON talent_point_entry (status, id);
