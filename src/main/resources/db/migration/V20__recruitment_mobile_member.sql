-- 流动党员 (issue 6 F45): a Party member who left the home organization (外出) or came in (流入).
-- Visible to whoever covers the home organization or the receiving organization.
CREATE TABLE recruitment_mobile_member
(
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id          BIGINT       NOT NULL REFERENCES person_person (id),
  direction          VARCHAR(10)  NOT NULL CHECK (direction IN ('OUTFLOW', 'INFLOW')),
  home_org_id        BIGINT       NOT NULL REFERENCES org_organization (id),
  receiving_org_id   BIGINT REFERENCES org_organization (id),
  receiving_org_name VARCHAR(200),
  destination        VARCHAR(200),
  reason             VARCHAR(20)  NOT NULL CHECK (reason IN ('WORK', 'BUSINESS', 'STUDY', 'OTHER')),
  left_on            DATE         NOT NULL,
  expected_return_on DATE,
  status             VARCHAR(20)  NOT NULL DEFAULT 'REGISTERED' CHECK (status IN ('REGISTERED', 'CONTACTED', 'RETURNED')),
  returned_on        DATE,
  contact_note       VARCHAR(500),
  version            INT          NOT NULL DEFAULT 0,
  created_by         VARCHAR(50)  NOT NULL,
  created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by         VARCHAR(50)  NOT NULL,
  updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CHECK (receiving_org_id IS NOT NULL OR receiving_org_name IS NOT NULL),
  CHECK (expected_return_on IS NULL OR expected_return_on >= left_on),
  CHECK (returned_on IS NULL OR returned_on >= left_on),
  CHECK ((status = 'RETURNED') = (returned_on IS NOT NULL))
);
CREATE INDEX recruitment_mobile_member_person_ix ON recruitment_mobile_member (person_id);
CREATE INDEX recruitment_mobile_member_home_ix ON recruitment_mobile_member (home_org_id);
CREATE INDEX recruitment_mobile_member_receiving_ix ON recruitment_mobile_member (receiving_org_id);
