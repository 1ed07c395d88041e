-- Issue 9 (F70–F73), the foundation: the talent registry (人才库) with its tiers and entitlements as data,
-- the TALENT account kind of the access module, and the talent permissions of the existing roles.
-- New tables get the application role's rights from V24's default privileges.

-- 人才层次: A–E 类, names and criteria are data (a county may reword them without a release).
CREATE TABLE talent_tier
(
  code                CHAR(1)      PRIMARY KEY CHECK (code IN ('A', 'B', 'C', 'D', 'E')),
  name                VARCHAR(20)  NOT NULL,
  rank                INT          NOT NULL UNIQUE,
  criteria            TEXT         NOT NULL,
  card_validity_years INT          NOT NULL CHECK (card_validity_years BETWEEN 1 AND 10)
);
INSERT INTO talent_tier (code, name, rank, criteria, card_validity_years) VALUES
  ('A', '顶尖人才', 1, '两院院士，国家最高科学技术奖获得者，国家级重大人才工程顶尖人选，或相当层次的国内外顶尖人才。', 5),
  ('B', '领军人才', 2, '国家级重大人才工程入选者，国家杰出青年科学基金获得者，省级以上科技奖一等奖主要完成人，或相当层次的领军人才。', 5),
  ('C', '高级人才', 3, '省级人才工程入选者，正高级专业技术职称人员，省级以上技能大师，或年纳税额达到规定标准的企业经营管理人才。', 3),
  ('D', '骨干人才', 4, '副高级专业技术职称人员，博士研究生，高级技师，市级人才工程入选者，或在本地重点产业中作出突出贡献的骨干。', 3),
  ('E', '青年人才', 5, '35 周岁以下全日制硕士研究生、“双一流”高校本科毕业生、技师，或经认定的优秀乡土人才、青年创业人才。', 3);

-- 英才卡权益: what a tier's card entitles to; higher tiers get more.
CREATE TABLE talent_entitlement
(
  tier_code   CHAR(1)      NOT NULL REFERENCES talent_tier (code),
  code        VARCHAR(30)  NOT NULL,
  name        VARCHAR(50)  NOT NULL,
  description VARCHAR(500) NOT NULL,
  sort        INT          NOT NULL,
  PRIMARY KEY (tier_code, code)
);
INSERT INTO talent_entitlement (tier_code, code, name, description, sort)
SELECT t.code, e.code, e.name, e.description, e.sort
FROM talent_tier t
JOIN (VALUES
  ('CHILD_SCHOOL',   '子女入学',     '子女在本县（市、区）义务教育阶段可在户籍或居住地学校中选择就读，由教育部门统筹安排。', 10, 5),
  ('MEDICAL',        '医疗绿色通道', '在县级以上公立医院享受优先挂号、优先就诊、优先检查的绿色通道服务。', 20, 5),
  ('HEALTH_CHECK',   '健康体检',     '每年安排一次免费健康体检。', 30, 5),
  ('TRANSPORT',      '交通出行',     '本地公共交通免费乘车，高铁站、机场享受便捷通行服务。', 40, 4),
  ('HOUSING',        '安居补贴',     '按层次发放购房补贴或提供人才公寓，具体标准以当年人才政策为准。', 50, 4),
  ('SPOUSE_JOB',     '配偶就业',     '配偶随迁就业由人社部门协助安置，机关事业单位编制内人员可按规定对口调动。', 60, 3),
  ('CULTURE',        '文旅休闲',     '本地国有景区、公共文化场馆免费参观。', 70, 3),
  ('ELDER_CARE',     '父母康养',     '父母可享受本地养老机构优先入住和医疗健康服务。', 80, 2),
  ('RESEARCH_FUND',  '科研经费支持', '申报本地科技项目优先立项，给予配套科研经费支持。', 90, 2),
  ('SECRETARY',      '专人服务',     '由人才服务专员一对一提供“一站式”代办服务。', 100, 1)
) AS e (code, name, description, sort, lowest_rank) ON t.rank <= e.lowest_rank;

-- 人才库: one registry record per person. org_id is the employer unit that owns the record; a user
-- sees it when that unit lies in the jurisdiction (by the organization's path).
CREATE TABLE talent
(
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id         BIGINT       NOT NULL REFERENCES person_person (id),
  org_id            BIGINT       NOT NULL REFERENCES org_organization (id),
  tier_code         CHAR(1)      NOT NULL REFERENCES talent_tier (code),
  category          VARCHAR(10)  NOT NULL,   -- TalentCategory: 科技/教育/卫生/经营管理/技能/乡土/文化
  field             VARCHAR(200),            -- 专业领域
  employer_name     VARCHAR(200),            -- 工作单位 as written (an employer outside the tree, e.g. a private firm)
  introduction_mode VARCHAR(4)   NOT NULL,   -- 全职 / 柔性
  introduced_on     DATE         NOT NULL,
  status            VARCHAR(12)  NOT NULL DEFAULT 'RECOGNIZED',
  recognized_on     DATE,
  valid_until       DATE,
  note              VARCHAR(500),
  version           INT          NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by        VARCHAR(64),
  updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by        VARCHAR(64),
  CONSTRAINT talent_person_uk UNIQUE (person_id),
  CONSTRAINT talent_category_ck CHECK (category IN ('科技', '教育', '卫生', '经营管理', '技能', '乡土', '文化')),
  CONSTRAINT talent_mode_ck CHECK (introduction_mode IN ('全职', '柔性')),
  CONSTRAINT talent_status_ck CHECK (status IN ('RECOGNIZED', 'EXPIRED', 'REVOKED')),
  CONSTRAINT talent_validity_ck CHECK (valid_until IS NULL OR recognized_on IS NULL OR valid_until >= recognized_on)
);
-- Lists join org_organization for the jurisdiction (path prefix) and page by id, filtered by tier, year, status.
CREATE INDEX talent_org_idx ON talent (org_id, id);
CREATE INDEX talent_tier_idx ON talent (tier_code, id);
CREATE INDEX talent_introduced_idx ON talent (introduced_on);
CREATE INDEX talent_status_idx ON talent (status, valid_until);

-- The TALENT account kind: a recognized talent signs in with the same login, password policy, lockout,
-- TOTP, sessions and API tokens as staff, but holds only the fixed role TALENT (permission talent:self),
-- is tied to their person record and never gets a staff role.
ALTER TABLE access_user ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'STAFF';
ALTER TABLE access_user ADD CONSTRAINT access_user_kind_ck CHECK (kind IN ('STAFF', 'TALENT'));
ALTER TABLE access_user ADD CONSTRAINT access_user_talent_person_ck CHECK (kind <> 'TALENT' OR person_id IS NOT NULL);
CREATE UNIQUE INDEX access_user_talent_person_uk ON access_user (person_id) WHERE kind = 'TALENT';

INSERT INTO access_role (code, name, data_scope, builtin) VALUES ('TALENT', '人才', 'SELF', TRUE);
INSERT INTO access_role_permission (role_id, permission) SELECT id, 'talent:self' FROM access_role WHERE code = 'TALENT';

-- The guards in the database, whatever the code does: a talent account holds the TALENT role only, the
-- TALENT role is held by talent accounts only and carries talent:self only, and an account's kind never changes.
CREATE FUNCTION access_talent_role_guard() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
  user_kind VARCHAR(10);
  role_code VARCHAR(50);
BEGIN
  SELECT kind INTO user_kind FROM access_user WHERE id = NEW.user_id;
  SELECT code INTO role_code FROM access_role WHERE id = NEW.role_id;
  IF (user_kind = 'TALENT') <> (role_code = 'TALENT') THEN
    RAISE EXCEPTION '人才账号只能拥有“人才”角色，“人才”角色只能授予人才账号（用户 %，角色 %）', NEW.user_id, role_code
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER access_user_role_talent_guard BEFORE INSERT OR UPDATE ON access_user_role
  FOR EACH ROW EXECUTE FUNCTION access_talent_role_guard();

CREATE FUNCTION access_talent_permission_guard() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  IF ((SELECT code FROM access_role WHERE id = NEW.role_id) = 'TALENT') <> (NEW.permission = 'talent:self') THEN
    RAISE EXCEPTION '权限 talent:self 只属于“人才”角色，“人才”角色只能拥有 talent:self' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER access_role_permission_talent_guard BEFORE INSERT OR UPDATE ON access_role_permission
  FOR EACH ROW EXECUTE FUNCTION access_talent_permission_guard();

CREATE FUNCTION access_user_kind_fixed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  IF NEW.kind <> OLD.kind THEN
    RAISE EXCEPTION '账号类型不能更改' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER access_user_kind_fixed BEFORE UPDATE OF kind ON access_user
  FOR EACH ROW EXECUTE FUNCTION access_user_kind_fixed();

-- Permissions of existing installations, as V17/V21 did: roles that read cadre files read the registry.
INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, 'talent:read'
FROM access_role_permission
WHERE permission = 'cadre:read'
ON CONFLICT DO NOTHING;
