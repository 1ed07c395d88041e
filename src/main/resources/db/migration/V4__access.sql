-- F3: users, roles with permissions and a data scope, login security, API tokens.
CREATE TABLE access_role
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        VARCHAR(50)  NOT NULL UNIQUE,
  name        VARCHAR(100) NOT NULL,
  data_scope  VARCHAR(20)  NOT NULL,
  -- 三员分立: SYSTEM / SECURITY / AUDIT for the three separated admin roles, NULL for business roles.
  admin_kind  VARCHAR(20),
  builtin     BOOLEAN      NOT NULL DEFAULT FALSE,
  version     INT          NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT access_role_admin_kind CHECK (admin_kind IS NULL OR admin_kind IN ('SYSTEM', 'SECURITY', 'AUDIT')),
  CONSTRAINT access_role_scope CHECK (data_scope IN ('ALL', 'CUSTOM', 'ORG_AND_BELOW', 'ORG', 'SELF'))
);

CREATE TABLE access_role_permission
(
  role_id    BIGINT      NOT NULL REFERENCES access_role (id),
  permission VARCHAR(50) NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE access_role_scope_org
(
  role_id BIGINT NOT NULL REFERENCES access_role (id),
  org_id  BIGINT NOT NULL REFERENCES org_organization (id),
  PRIMARY KEY (role_id, org_id)
);

CREATE TABLE access_user
(
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username            VARCHAR(50)  NOT NULL,
  display_name        VARCHAR(50)  NOT NULL,
  password_hash       VARCHAR(200) NOT NULL,
  org_id              BIGINT       NOT NULL REFERENCES org_organization (id),
  person_id           BIGINT REFERENCES person_person (id),
  enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
  failed_attempts     INT          NOT NULL DEFAULT 0,
  locked_until        TIMESTAMPTZ,
  password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  last_login_at       TIMESTAMPTZ,
  version             INT          NOT NULL DEFAULT 0,
  created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by          VARCHAR(64),
  updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by          VARCHAR(64)
);
CREATE UNIQUE INDEX access_user_username_uk ON access_user (lower(username));
CREATE INDEX access_user_org_idx ON access_user (org_id);

CREATE TABLE access_user_role
(
  user_id BIGINT NOT NULL REFERENCES access_user (id),
  role_id BIGINT NOT NULL REFERENCES access_role (id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX access_user_role_role_idx ON access_user_role (role_id);

-- API bearer tokens: only the SM3 hash of the token is stored.
CREATE TABLE access_api_token
(
  token_hash BYTEA PRIMARY KEY,
  user_id    BIGINT      NOT NULL REFERENCES access_user (id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_api_token_user_idx ON access_api_token (user_id);
