-- F25: 「三将干部」 — cadres identified on an urgent, difficult, dangerous or heavy front line
-- (急难险重一线: 抗洪抢险, 疫情防控, 乡村振兴, 重大项目, 信访维稳 …). One row per task; the outcome
-- (认定结果) goes 拟认定 → 已认定 (with the date and document number) or 未认定.
CREATE TABLE cadre_frontline
(
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id           BIGINT       NOT NULL REFERENCES cadre_profile (person_id),
  task                VARCHAR(200) NOT NULL,             -- 任务名称
  task_kind           VARCHAR(10)  NOT NULL,             -- FrontlineTaskKind
  start_date          DATE         NOT NULL,
  end_date            DATE,                              -- null while the task goes on
  performance         TEXT,                              -- 表现
  evidence            TEXT,                              -- 佐证材料 (description)
  recommending_org_id BIGINT       NOT NULL REFERENCES org_organization (id), -- 推荐单位
  outcome             VARCHAR(10)  NOT NULL DEFAULT '拟认定', -- FrontlineOutcome: 拟认定/已认定/未认定
  recognized_on       DATE,                              -- 认定时间, when 已认定
  document            VARCHAR(100),                      -- 认定文号, when 已认定
  version             INT          NOT NULL DEFAULT 0,
  created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by          VARCHAR(64),
  updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by          VARCHAR(64),
  CONSTRAINT cadre_frontline_dates_ck CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT cadre_frontline_recognized_ck CHECK (outcome <> '已认定' OR (recognized_on IS NOT NULL AND document IS NOT NULL))
);
CREATE INDEX cadre_frontline_person_idx ON cadre_frontline (person_id, start_date);
-- The search criterion 「三将干部」 probes recognized records only.
CREATE INDEX cadre_frontline_recognized_idx ON cadre_frontline (person_id) WHERE outcome = '已认定';
