-- Issue 9, F72: the one-stop service (人才"一站式"服务) — service types as data, the requests a recognized
-- talent files, their timeline and attachments. SLA clocks are in working days (WorkCalendar, the shared
-- calendar table assessment_calendar_day). New tables get the application role's rights from V24's default privileges.

-- 服务类型: name, the responsible department (a default name, per county overridable below), and the SLA
-- (accept within accept_days working days of submission, finish within finish_days working days of acceptance).
CREATE TABLE talent_service_type
(
  code        VARCHAR(20)  PRIMARY KEY,
  name        VARCHAR(20)  NOT NULL UNIQUE,
  department  VARCHAR(100) NOT NULL,
  accept_days INT          NOT NULL CHECK (accept_days BETWEEN 1 AND 30),
  finish_days INT          NOT NULL CHECK (finish_days BETWEEN 1 AND 120),
  sort        INT          NOT NULL,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  version     INT          NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by  VARCHAR(64),
  updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by  VARCHAR(64)
);
INSERT INTO talent_service_type (code, name, department, accept_days, finish_days, sort, created_by, updated_by) VALUES
  ('CHILD_SCHOOL', '子女入学', '县教育局', 2, 10, 10, 'migration', 'migration'),
  ('HOUSING',      '安居',     '县住房和城乡建设局', 2, 15, 20, 'migration', 'migration'),
  ('MEDICAL',      '医疗',     '县卫生健康局', 1, 5, 30, 'migration', 'migration'),
  ('HUKOU',        '落户',     '县公安局', 2, 10, 40, 'migration', 'migration'),
  ('SPOUSE_JOB',   '配偶就业', '县人力资源和社会保障局', 3, 20, 50, 'migration', 'migration'),
  ('PROJECT',      '项目申报', '县科学技术局', 3, 20, 60, 'migration', 'migration'),
  ('OTHER',        '其他',     '县委人才办', 3, 15, 70, 'migration', 'migration');

-- The responsible department of a type in one county (the COUNTY node, or any node that roots a jurisdiction):
-- a name, and the organization when the department is in the tree. Without a row the type's default name applies.
CREATE TABLE talent_service_department
(
  type_code         VARCHAR(20)  NOT NULL REFERENCES talent_service_type (code),
  county_org_id     BIGINT       NOT NULL REFERENCES org_organization (id),
  department_org_id BIGINT       REFERENCES org_organization (id),
  department_name   VARCHAR(100) NOT NULL,
  PRIMARY KEY (type_code, county_org_id)
);

CREATE SEQUENCE talent_service_request_number_seq;

-- 服务申请. org_id is the talent's registry record's unit at filing (the scope of the request: staff see it
-- when that unit lies in their jurisdiction). Status: SUBMITTED → ACCEPTED → IN_PROGRESS → FINISHED → CLOSED,
-- or REJECTED / WITHDRAWN. Dates (*_on, *_due) are local calendar days: the SLA statistics compare them.
CREATE TABLE talent_service_request
(
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number            VARCHAR(20)   NOT NULL UNIQUE,
  talent_id         BIGINT        NOT NULL REFERENCES talent (id),
  person_id         BIGINT        NOT NULL REFERENCES person_person (id),
  org_id            BIGINT        NOT NULL REFERENCES org_organization (id),
  type_code         VARCHAR(20)   NOT NULL REFERENCES talent_service_type (code),
  title             VARCHAR(100)  NOT NULL,
  content           VARCHAR(4000) NOT NULL,
  status            VARCHAR(12)   NOT NULL DEFAULT 'SUBMITTED',
  department        VARCHAR(100)  NOT NULL,
  department_org_id BIGINT        REFERENCES org_organization (id),
  officer_id        BIGINT        REFERENCES access_user (id),
  submitted_at      TIMESTAMPTZ   NOT NULL,
  submitted_on      DATE          NOT NULL,
  accept_due        DATE          NOT NULL,
  accepted_at       TIMESTAMPTZ,
  accepted_on       DATE,
  finish_due        DATE,
  finished_at       TIMESTAMPTZ,
  finished_on       DATE,
  result            VARCHAR(2000),
  reject_reason     VARCHAR(500),
  closed_at         TIMESTAMPTZ,
  escalation_level  SMALLINT      NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
  escalated_at      TIMESTAMPTZ,
  rating            SMALLINT      CHECK (rating BETWEEN 1 AND 5),
  rating_comment    VARCHAR(500),
  rated_at          TIMESTAMPTZ,
  version           INT           NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
  created_by        VARCHAR(64),
  updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
  updated_by        VARCHAR(64),
  CONSTRAINT talent_service_request_status_ck
    CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'FINISHED', 'CLOSED', 'REJECTED', 'WITHDRAWN')),
  CONSTRAINT talent_service_request_rating_ck CHECK (rating IS NULL OR status = 'CLOSED')
);
-- The queues: by status and due day (待受理 and 已超期), by officer (我的), by unit (jurisdiction), by talent (portal).
CREATE INDEX talent_service_request_accept_idx ON talent_service_request (status, accept_due);
CREATE INDEX talent_service_request_finish_idx ON talent_service_request (status, finish_due);
CREATE INDEX talent_service_request_officer_idx ON talent_service_request (officer_id, status);
CREATE INDEX talent_service_request_org_idx ON talent_service_request (org_id, id);
CREATE INDEX talent_service_request_talent_idx ON talent_service_request (talent_id, id);
CREATE INDEX talent_service_request_submitted_idx ON talent_service_request (submitted_on);

-- The timeline: status changes, comments (visible to the talent or internal), assignments, escalations.
CREATE TABLE talent_service_event
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id  BIGINT        NOT NULL REFERENCES talent_service_request (id),
  kind        VARCHAR(12)   NOT NULL,
  visible     BOOLEAN       NOT NULL,
  text        VARCHAR(2000),
  actor_name  VARCHAR(100)  NOT NULL,
  created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
  created_by  VARCHAR(64)   NOT NULL,
  CONSTRAINT talent_service_event_kind_ck CHECK (kind IN ('SUBMITTED', 'ASSIGNED', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'COMMENT',
                                                          'FINISHED', 'CLOSED', 'WITHDRAWN', 'ESCALATED'))
);
CREATE INDEX talent_service_event_request_idx ON talent_service_event (request_id, id);

-- Attachments, stored in the database like person photos (PDF/JPG/PNG/DOCX/XLSX, checked by Upload.accept).
CREATE TABLE talent_service_attachment
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id   BIGINT       NOT NULL REFERENCES talent_service_request (id),
  file_name    VARCHAR(200) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size         INT          NOT NULL,
  content      BYTEA        NOT NULL,
  created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by   VARCHAR(64)  NOT NULL
);
CREATE INDEX talent_service_attachment_request_idx ON talent_service_attachment (request_id, id);
