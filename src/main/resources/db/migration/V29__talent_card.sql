-- Issue 9, F71: the talent card (英才卡), its public verification log and the verification rate-limit counters.

-- One row per card ever issued. Number: "YC" + 2-digit year + 10 random digits + ISO 7064 MOD 11-2 check character
-- (0-9 or X), unique and not sequential. At most one ACTIVE card per talent (the partial unique index); a LOST card
-- stays LOST after its replacement (补办) and keeps answering 挂失 when verified.
CREATE TABLE talent_card
(
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  talent_id         BIGINT       NOT NULL REFERENCES talent (id),
  number            VARCHAR(15)  NOT NULL,
  tier_code         CHAR(1)      NOT NULL REFERENCES talent_tier (code),   -- the tier at issue
  issued_on         DATE         NOT NULL,
  valid_until       DATE         NOT NULL,
  status            VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE',
  replaces_card_id  BIGINT       REFERENCES talent_card (id),
  status_reason     VARCHAR(200),                                          -- reason of the last status change
  status_changed_at TIMESTAMPTZ,
  version           INT          NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by        VARCHAR(64),
  updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by        VARCHAR(64),
  CONSTRAINT talent_card_number_uk UNIQUE (number),
  CONSTRAINT talent_card_number_ck CHECK (number ~ '^YC[0-9]{12}[0-9X]$'),
  CONSTRAINT talent_card_status_ck CHECK (status IN ('ACTIVE', 'LOST', 'CANCELLED', 'EXPIRED')),
  CONSTRAINT talent_card_validity_ck CHECK (valid_until >= issued_on)
);
CREATE UNIQUE INDEX talent_card_one_active_uk ON talent_card (talent_id) WHERE status = 'ACTIVE';
-- A talent's history (detail section), the staff list by status, paged by id; the expiry job's scan.
CREATE INDEX talent_card_talent_idx ON talent_card (talent_id, id);
CREATE INDEX talent_card_status_idx ON talent_card (status, id);
CREATE INDEX talent_card_expiry_idx ON talent_card (valid_until) WHERE status = 'ACTIVE';
CREATE INDEX talent_card_replaces_idx ON talent_card (replaces_card_id) WHERE replaces_card_id IS NOT NULL;

-- Every public verification (page, QR, API), whatever its result; no personal data beyond the client's address.
CREATE TABLE talent_card_verification
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  number      VARCHAR(32)  NOT NULL,          -- as entered, truncated
  card_id     BIGINT       REFERENCES talent_card (id),
  channel     VARCHAR(6)   NOT NULL,
  result      VARCHAR(10)  NOT NULL,
  client_ip   VARCHAR(45)  NOT NULL,
  user_agent  VARCHAR(200),
  CONSTRAINT talent_card_verification_channel_ck CHECK (channel IN ('NUMBER', 'QR', 'API')),
  CONSTRAINT talent_card_verification_result_ck CHECK (result IN ('VALID', 'UNKNOWN', 'LOST', 'CANCELLED', 'EXPIRED', 'FORGED',
                                                                  'MALFORMED', 'THROTTLED'))
);
CREATE INDEX talent_card_verification_at_idx ON talent_card_verification (at);
CREATE INDEX talent_card_verification_card_idx ON talent_card_verification (card_id, at) WHERE card_id IS NOT NULL;
CREATE INDEX talent_card_verification_ip_idx ON talent_card_verification (client_ip, at);

-- Fixed-window counters of the public verification per client address, shared by every node (one upsert per request):
-- kind M = requests in the minute, D = requests in the day, F = failed verifications in the failure window.
CREATE TABLE talent_card_throttle
(
  client_ip    VARCHAR(45)  NOT NULL,
  kind         CHAR(1)      NOT NULL CHECK (kind IN ('M', 'D', 'F')),
  window_start TIMESTAMPTZ  NOT NULL,
  hits         INT          NOT NULL,
  PRIMARY KEY (client_ip, kind, window_start)
);
CREATE INDEX talent_card_throttle_window_idx ON talent_card_throttle (window_start);
