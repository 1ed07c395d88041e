-- F2: one record per person (一人一档). The ID number is SM4 ciphertext with an HMAC-SM3 blind index.
CREATE TABLE person_person
(
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id            BIGINT       NOT NULL REFERENCES org_organization (id),
  name              VARCHAR(50)  NOT NULL,
  sex               CHAR(1)      NOT NULL,
  birth_date        DATE         NOT NULL,
  ethnicity         CHAR(2),
  native_place      VARCHAR(100),
  id_number_cipher  BYTEA        NOT NULL,
  id_number_index   BYTEA        NOT NULL,
  phone_cipher      BYTEA,
  education         CHAR(2),
  political_status  CHAR(2),
  party_join_date   DATE,
  work_start_date   DATE,
  active            BOOLEAN      NOT NULL DEFAULT TRUE,
  version           INT          NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by        VARCHAR(64),
  updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by        VARCHAR(64),
  CONSTRAINT person_id_number_uk UNIQUE (id_number_index)
);
-- Lists filter by organization (subtree = a set of org ids) and page by id.
CREATE INDEX person_person_org_idx ON person_person (org_id, id);
CREATE INDEX person_person_name_idx ON person_person (name text_pattern_ops);
CREATE INDEX person_person_birth_idx ON person_person (birth_date);

CREATE TABLE person_photo
(
  person_id    BIGINT PRIMARY KEY REFERENCES person_person (id),
  content_type VARCHAR(50) NOT NULL,
  content      BYTEA       NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
