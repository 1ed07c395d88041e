-- The person module publishes a read-only view of the person columns other modules may join on
-- (no ciphertexts). The cadre module's searches join it instead of the table.
CREATE VIEW person_view AS
SELECT id, org_id, name, sex, birth_date, ethnicity, native_place, education, political_status,
       party_join_date, work_start_date, active
FROM person_person;

-- F10: the cadre file (干部档案) on top of the person record. One profile per cadre; its org_id is the
-- unit of the cadre's post (任职单位), which decides who sees the file (domain-model.md: a module
-- scopes by its own record's organization).
CREATE TABLE cadre_profile
(
  person_id          BIGINT PRIMARY KEY REFERENCES person_person (id),
  org_id             BIGINT       NOT NULL REFERENCES org_organization (id),
  category           VARCHAR(10),                  -- CadreCategory: 公务员/参公/事业/国企
  job_class          VARCHAR(10),                  -- JobClass: 综合管理类/专业技术类/行政执法类
  management_level   VARCHAR(10),                  -- ManagementLevel: 市管/县管/其他
  retirement_group   VARCHAR(12)  NOT NULL,        -- RetirementGroup
  birth_place        VARCHAR(100),
  health             VARCHAR(50),
  party_join_text    VARCHAR(60),                  -- 入党时间 as written on the form (may name a party)
  professional_title VARCHAR(200),
  specialty          VARCHAR(500),
  current_post_text  VARCHAR(500),                 -- 现任职务 as printed on the form
  proposed_post      VARCHAR(500),
  proposed_removal   VARCHAR(500),
  rewards_text       TEXT,                         -- 奖惩情况 as printed
  annual_text        TEXT,                         -- 年度考核结果 as printed
  appointment_reason TEXT,
  reporting_unit     VARCHAR(200),
  age_computed_on    DATE,
  filled_on          DATE,
  filled_by          VARCHAR(50),
  lrmx_version       VARCHAR(30),
  lrmx_extra         JSONB        NOT NULL DEFAULT '[]', -- unknown LRMX elements [[name, text], …] in file order
  -- Current values the application keeps from the post and rank history, for search.
  post_level         VARCHAR(10),                  -- RankLeadingPost of the current leading post
  post_since         DATE,
  rank               VARCHAR(10),                  -- Rank (职级)
  rank_since         DATE,
  version            INT          NOT NULL DEFAULT 0,
  created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by         VARCHAR(64),
  updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by         VARCHAR(64)
);
-- Lists go organization-first (subtree = org ids), then page by person id.
CREATE INDEX cadre_profile_org_idx ON cadre_profile (org_id, person_id)
    INCLUDE (rank, rank_since, post_level, post_since, category, management_level);

-- 职务: current (end_date null) and past posts.
CREATE TABLE cadre_post
(
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id     BIGINT       NOT NULL REFERENCES cadre_profile (person_id),
  org_id        BIGINT       NOT NULL REFERENCES org_organization (id),
  title         VARCHAR(100) NOT NULL,
  post_level    VARCHAR(10),                       -- RankLeadingPost, null for a non-leading post
  method        VARCHAR(10)  NOT NULL,             -- AppointmentMethod: 选任/委任/聘任/考任
  start_date    DATE         NOT NULL,
  end_date      DATE,
  probation_end DATE,                              -- 试用期 end, when appointed on probation
  note          VARCHAR(500),
  version       INT          NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by    VARCHAR(64),
  updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by    VARCHAR(64),
  CONSTRAINT cadre_post_dates_ck CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX cadre_post_person_idx ON cadre_post (person_id, start_date);
CREATE INDEX cadre_post_current_org_idx ON cadre_post (org_id) WHERE end_date IS NULL;

-- 职级 history (公务员职务与职级并行规定 2019).
CREATE TABLE cadre_rank
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id  BIGINT      NOT NULL REFERENCES cadre_profile (person_id),
  rank       VARCHAR(10) NOT NULL,
  start_date DATE        NOT NULL,
  end_date   DATE,
  note       VARCHAR(500),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by VARCHAR(64),
  CONSTRAINT cadre_rank_dates_ck CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX cadre_rank_person_idx ON cadre_rank (person_id, start_date);

-- 简历: one row per period, in form order.
CREATE TABLE cadre_resume
(
  person_id   BIGINT        NOT NULL REFERENCES cadre_profile (person_id),
  seq         INT           NOT NULL,
  start_month DATE,
  end_month   DATE,
  text        VARCHAR(2000) NOT NULL,
  PRIMARY KEY (person_id, seq)
);

-- 全日制教育 and 在职教育 blocks of the form.
CREATE TABLE cadre_education
(
  person_id            BIGINT      NOT NULL REFERENCES cadre_profile (person_id),
  kind                 VARCHAR(10) NOT NULL,      -- FULL_TIME / IN_SERVICE
  qualification        VARCHAR(100),
  degree               VARCHAR(100),
  qualification_school VARCHAR(300),
  degree_school        VARCHAR(300),
  PRIMARY KEY (person_id, kind)
);

-- 奖惩: rewards, and measures with a period of effect (诫勉, 组织处理, 处分, 立案审查).
CREATE TABLE cadre_record
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id    BIGINT       NOT NULL REFERENCES cadre_profile (person_id),
  kind         VARCHAR(10)  NOT NULL,             -- CadreRecordKind
  title        VARCHAR(200) NOT NULL,
  authority    VARCHAR(200),
  decided_on   DATE         NOT NULL,
  effect_start DATE,
  effect_end   DATE,                              -- null while open-ended (e.g. under investigation)
  note         VARCHAR(1000),
  created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by   VARCHAR(64),
  CONSTRAINT cadre_record_dates_ck CHECK (effect_end IS NULL OR effect_start IS NULL OR effect_end >= effect_start)
);
CREATE INDEX cadre_record_person_idx ON cadre_record (person_id, decided_on);
-- "Sanctions in force" searches probe measures only.
CREATE INDEX cadre_record_measure_idx ON cadre_record (person_id, effect_start, effect_end) WHERE kind <> '奖励';

-- 年度考核结果 by year, as the codes of rules.md §2.
CREATE TABLE cadre_annual_result
(
  person_id BIGINT      NOT NULL REFERENCES cadre_profile (person_id),
  year      INT         NOT NULL,
  code      VARCHAR(3)  NOT NULL,
  note      VARCHAR(200),
  PRIMARY KEY (person_id, year)
);

-- 家庭成员: names and workplaces are personal data of third parties, stored encrypted (SM4).
CREATE TABLE cadre_family
(
  person_id        BIGINT      NOT NULL REFERENCES cadre_profile (person_id),
  seq              INT         NOT NULL,
  relation         VARCHAR(20) NOT NULL,
  name_cipher      BYTEA,
  birth_month      DATE,
  political_status VARCHAR(50),
  work_cipher      BYTEA,
  PRIMARY KEY (person_id, seq)
);

-- F13 saved searches: the query string of the search form, per user.
CREATE TABLE cadre_saved_search
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    BIGINT       NOT NULL REFERENCES access_user (id),
  name       VARCHAR(50)  NOT NULL,
  query      VARCHAR(2000) NOT NULL,
  created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT cadre_saved_search_uk UNIQUE (user_id, name)
);

-- F11: an uploaded LRMX batch between preview and confirmation; consumed once (a double submit
-- finds it consumed).
CREATE TABLE cadre_import_batch
(
  id          UUID PRIMARY KEY,
  user_id     BIGINT       NOT NULL,
  file_name   VARCHAR(255) NOT NULL,
  content     BYTEA        NOT NULL,
  org_id      BIGINT,
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  consumed_at TIMESTAMPTZ
);

-- Roles that work with person records get the matching cadre permissions.
INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, replace(permission, 'person:', 'cadre:')
FROM access_role_permission
WHERE permission IN ('person:read', 'person:write', 'person:export')
ON CONFLICT DO NOTHING;
