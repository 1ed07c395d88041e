-- 党员发展 (issue 6 F40/F41): the development record of a candidate, kept by the 党支部 (jurisdiction = its path).
CREATE TABLE recruitment_candidate
(
  id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id                   BIGINT       NOT NULL REFERENCES person_person (id),
  branch_org_id               BIGINT       NOT NULL REFERENCES org_organization (id),
  stage                       VARCHAR(20)  NOT NULL DEFAULT 'APPLICANT'
    CHECK (stage IN ('APPLICANT', 'ACTIVIST', 'DEVELOPMENT_TARGET', 'PROBATIONARY', 'FULL_MEMBER', 'CANCELLED')),
  rule_set                    VARCHAR(32)  NOT NULL DEFAULT '2014',
  application_date            DATE         NOT NULL,
  talk_date                   DATE,
  activist_date               DATE,
  development_target_date     DATE,
  political_review_date       DATE,
  political_review_passed     BOOLEAN,
  training_days               INT CHECK (training_days >= 0),
  training_hours              INT CHECK (training_hours >= 0),
  notice_start                DATE,
  notice_end                  DATE,
  admission_date              DATE,
  admission_due               INT,
  admission_present           INT,
  admission_for               INT,
  admission_written           INT,
  approval_date               DATE,
  extension_months            INT CHECK (extension_months > 0),
  conversion_date             DATE,
  conversion_due              INT,
  conversion_present          INT,
  conversion_for              INT,
  conversion_written          INT,
  conversion_approval_date    DATE,
  cancelled_date              DATE,
  cancelled_reason            VARCHAR(500),
  version                     INT          NOT NULL DEFAULT 0,
  created_by                  VARCHAR(50)  NOT NULL,
  created_at                  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by                  VARCHAR(50)  NOT NULL,
  updated_at                  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX recruitment_candidate_branch_ix ON recruitment_candidate (branch_org_id);
CREATE INDEX recruitment_candidate_person_ix ON recruitment_candidate (person_id);

-- 培养联系人 and 入党介绍人 with their status as Party members.
CREATE TABLE recruitment_contact
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  candidate_id BIGINT      NOT NULL REFERENCES recruitment_candidate (id),
  person_id    BIGINT      NOT NULL REFERENCES person_person (id),
  role         VARCHAR(20) NOT NULL CHECK (role IN ('CONTACT', 'INTRODUCER')),
  status       VARCHAR(30) NOT NULL CHECK (status IN ('FULL', 'PROBATIONARY', 'UNDER_PROBATION_SANCTION'))
);
CREATE INDEX recruitment_contact_candidate_ix ON recruitment_contact (candidate_id);

-- 入党积极分子考察 (every half year).
CREATE TABLE recruitment_assessment
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  candidate_id    BIGINT NOT NULL REFERENCES recruitment_candidate (id),
  assessment_date DATE   NOT NULL,
  note            VARCHAR(500)
);
CREATE INDEX recruitment_assessment_candidate_ix ON recruitment_assessment (candidate_id);

-- 预审 by the Party committee and by the county organization department (F41: both required).
CREATE TABLE recruitment_pre_review
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  candidate_id    BIGINT      NOT NULL REFERENCES recruitment_candidate (id),
  level           VARCHAR(20) NOT NULL CHECK (level IN ('PARTY_COMMITTEE', 'COUNTY_DEPARTMENT')),
  review_date     DATE        NOT NULL,
  reviewer_org_id BIGINT REFERENCES org_organization (id),
  passed          BOOLEAN     NOT NULL,
  note            VARCHAR(500)
);
CREATE INDEX recruitment_pre_review_candidate_ix ON recruitment_pre_review (candidate_id);

-- Roles that edit cadre files may keep development records (recruitment:write).
INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, 'recruitment:write'
FROM access_role_permission
WHERE permission = 'cadre:write'
ON CONFLICT DO NOTHING;
