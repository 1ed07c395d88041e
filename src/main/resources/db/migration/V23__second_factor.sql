-- 双因素认证: a TOTP second factor (RFC 6238), enforceable per role.
ALTER TABLE access_role ADD COLUMN requires_second_factor BOOLEAN NOT NULL DEFAULT FALSE;

-- The TOTP secret is stored SM4-encrypted (platform FieldCipher, IV ‖ ciphertext); the last accepted
-- time step makes each code usable once (a replayed code is refused).
ALTER TABLE access_user ADD COLUMN totp_secret      BYTEA;
ALTER TABLE access_user ADD COLUMN totp_enrolled_at TIMESTAMPTZ;
ALTER TABLE access_user ADD COLUMN totp_last_step   BIGINT;
