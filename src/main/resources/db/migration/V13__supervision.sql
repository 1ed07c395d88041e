-- F35 监督: supervision records and personal-matters reports (个人有关事项报告).

-- The cadre module publishes its 奖惩 entries with the unit of the file (cadre_profile.org_id) for
-- modules that join on them read-only (the measures 诫勉/党纪处分/政务处分 live there and nowhere else).
CREATE VIEW cadre_record_view AS
SELECT r.id, r.person_id, c.org_id, r.kind, r.title, r.authority, r.decided_on, r.effect_start, r.effect_end, r.note,
       r.created_at, r.created_by
FROM cadre_record r JOIN cadre_profile c ON c.person_id = r.person_id;

-- 提醒谈话, 函询 and 信访: the supervision module's own records. org_id is the cadre's unit at the time
-- (the cadre file's org_id when recorded): lists are scoped by it.
CREATE TABLE supervision_record
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id   BIGINT        NOT NULL REFERENCES cadre_profile (person_id),
  org_id      BIGINT        NOT NULL REFERENCES org_organization (id),
  kind        VARCHAR(20)   NOT NULL,              -- SupervisionKind: REMINDER_TALK / INQUIRY_LETTER / PETITION
  record_date DATE          NOT NULL,              -- 谈话时间 / 函询发出时间 / 信访受理时间
  summary     VARCHAR(1000) NOT NULL,
  authority   VARCHAR(200),                        -- 谈话人或实施机关 / 函询机关
  deadline    DATE,                                -- 函询 reply deadline
  status      VARCHAR(20),                         -- SupervisionStatus: PENDING/RECEIVED/INVESTIGATING/RESOLVED; null for 提醒谈话
  result      VARCHAR(1000),                       -- 函询结果 / 信访办理结果
  end_date    DATE,                                -- 办结时间
  version     INT           NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
  created_by  VARCHAR(64),
  updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
  updated_by  VARCHAR(64),
  CONSTRAINT supervision_record_deadline_ck CHECK (deadline IS NULL OR deadline >= record_date),
  CONSTRAINT supervision_record_end_ck CHECK (end_date IS NULL OR end_date >= record_date),
  CONSTRAINT supervision_record_resolved_ck CHECK (status IS DISTINCT FROM 'RESOLVED' OR (result IS NOT NULL AND end_date IS NOT NULL))
);
CREATE INDEX supervision_record_person_idx ON supervision_record (person_id, record_date);
CREATE INDEX supervision_record_org_idx ON supervision_record (org_id, record_date);
CREATE INDEX supervision_record_open_idx ON supervision_record (person_id, deadline) WHERE status IN ('PENDING', 'RECEIVED', 'INVESTIGATING');

-- 个人有关事项报告: one annual report per person and year; contents encrypted (SM4), like cadre_family.
CREATE TABLE supervision_report
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id    BIGINT      NOT NULL REFERENCES cadre_profile (person_id),
  org_id       BIGINT      NOT NULL REFERENCES org_organization (id),
  year         INT         NOT NULL,
  submitted_on DATE        NOT NULL,
  version      INT         NOT NULL DEFAULT 0,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by   VARCHAR(64),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by   VARCHAR(64),
  CONSTRAINT supervision_report_uk UNIQUE (person_id, year)
);
CREATE INDEX supervision_report_year_idx ON supervision_report (year, org_id);

CREATE TABLE supervision_report_item
(
  report_id      BIGINT      NOT NULL REFERENCES supervision_report (id) ON DELETE CASCADE,
  seq            INT         NOT NULL,
  item_kind      VARCHAR(30) NOT NULL,             -- one of the rule set's item kinds (婚姻, 房产 …)
  content_cipher BYTEA       NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- 随机抽查: one draw per year and subtree. Reproducible: the candidates (person ids, ascending) and the
-- seed are kept; the same seed over the same list draws the same persons (SpotCheckDraw).
CREATE TABLE supervision_spot_check
(
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id        BIGINT      NOT NULL REFERENCES org_organization (id),
  year          INT         NOT NULL,
  seed          BIGINT      NOT NULL,
  rate_percent  INT         NOT NULL,
  candidate_ids BIGINT[]    NOT NULL,
  drawn_ids     BIGINT[]    NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by    VARCHAR(64)
);
CREATE INDEX supervision_spot_check_year_idx ON supervision_spot_check (year, org_id);

-- 核查: a check of a person's report, from a draw (抽查) or because of a promotion (凡提必核); the
-- result (如实/漏报/瞒报/其他) and its date come later.
CREATE TABLE supervision_report_check
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id   BIGINT      NOT NULL REFERENCES cadre_profile (person_id),
  org_id      BIGINT      NOT NULL REFERENCES org_organization (id),
  year        INT         NOT NULL,
  reason      VARCHAR(10) NOT NULL,                -- CheckReason: 随机抽查 / 凡提必核
  draw_id     BIGINT REFERENCES supervision_spot_check (id),
  result      VARCHAR(10),                         -- CheckResult: 如实/漏报/瞒报/其他
  checked_on  DATE,
  note        VARCHAR(500),
  version     INT         NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by  VARCHAR(64),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by  VARCHAR(64),
  CONSTRAINT supervision_report_check_result_ck CHECK ((result IS NULL) = (checked_on IS NULL))
);
CREATE INDEX supervision_report_check_person_idx ON supervision_report_check (person_id, checked_on);
CREATE INDEX supervision_report_check_year_idx ON supervision_report_check (year, org_id);

-- The facts the warning rules read, for a set-based evaluation over everybody: one row per fact,
-- scope-free (the caller scopes it, e.g. by org_id), from both sources:
--   record_id  'SUP-<id>' (supervision_record), 'CAD-<id>' (cadre_record) or 'CHK-<id>' (a check result)
--   kind       REMINDER_TALK, INQUIRY_LETTER, PETITION, ADMONISHMENT, PARTY_SANCTION, GOVERNMENT_SANCTION, REPORT_CHECK
--   fact_date  the record's date (谈话/函询/受理; a measure's effect start; a check's date)
--   end_date   办结 date, or a measure's effect end (null: open); deadline: a 函询's reply deadline
--   status     SupervisionStatus for records; CheckReason for checks; result: the result text or CheckResult
--   open       a 函询/信访 not 已办结; a measure with no end or an end not yet passed (today)
CREATE VIEW supervision_fact_view AS
SELECT 'SUP-' || r.id AS record_id, r.person_id, r.org_id, r.kind, r.record_date AS fact_date, r.end_date, r.deadline,
       r.status, r.result, (r.status IN ('PENDING', 'RECEIVED', 'INVESTIGATING')) AS open
FROM supervision_record r
UNION ALL
SELECT 'CAD-' || m.id, m.person_id, m.org_id,
       CASE m.kind WHEN '诫勉' THEN 'ADMONISHMENT' WHEN '党纪处分' THEN 'PARTY_SANCTION' ELSE 'GOVERNMENT_SANCTION' END,
       coalesce(m.effect_start, m.decided_on), m.effect_end, NULL, NULL, NULL, (m.effect_end IS NULL OR m.effect_end >= current_date)
FROM cadre_record_view m
WHERE m.kind IN ('诫勉', '党纪处分', '政务处分')
UNION ALL
SELECT 'CHK-' || c.id, c.person_id, c.org_id, 'REPORT_CHECK', c.checked_on, NULL, NULL, c.reason, c.result, FALSE
FROM supervision_report_check c
WHERE c.result IS NOT NULL;

-- Roles that edit cadre files get the supervision permissions.
INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, p.permission
FROM access_role_permission r
CROSS JOIN (VALUES ('supervision:read'), ('supervision:write')) AS p (permission)
WHERE r.permission = 'cadre:write'
ON CONFLICT DO NOTHING;
