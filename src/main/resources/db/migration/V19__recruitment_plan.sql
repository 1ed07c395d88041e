-- 党员发展 (issue 6 F44): the annual development plan (年度发展党员计划) of a Party committee
-- (党委 / 党工委 / 党总支), with its total target and the targets of the key groups (重点群体).
-- Progress is not stored: it is counted from recruitment_candidate (admission meeting in the year, approval recorded)
-- under the committee's path.
CREATE TABLE recruitment_plan
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  party_org_id BIGINT      NOT NULL REFERENCES org_organization (id),
  year         INT         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  total_target INT         NOT NULL CHECK (total_target >= 0),
  version      INT         NOT NULL DEFAULT 0,
  created_by   VARCHAR(50) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by   VARCHAR(50) NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT recruitment_plan_org_year_uk UNIQUE (party_org_id, year)
);

-- Key groups: FRONT_LINE 一线, YOUNG 青年 (≤ 35 at admission), HIGHLY_EDUCATED 高知识群体 (研究生/本科),
-- WOMEN 女性, MINORITY 少数民族.
CREATE TABLE recruitment_plan_target
(
  plan_id   BIGINT      NOT NULL REFERENCES recruitment_plan (id) ON DELETE CASCADE,
  key_group VARCHAR(20) NOT NULL CHECK (key_group IN ('FRONT_LINE', 'YOUNG', 'HIGHLY_EDUCATED', 'WOMEN', 'MINORITY')),
  target    INT         NOT NULL CHECK (target >= 0),
  PRIMARY KEY (plan_id, key_group)
);
