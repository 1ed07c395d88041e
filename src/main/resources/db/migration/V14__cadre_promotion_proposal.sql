-- F35 (凡提必核): a proposal to promote a cadre (拟提拔). Before it is stored every
-- PromotionPrecondition bean is asked (e.g. the supervision module: a personal-matters check within
-- the configured months); a refusal stores nothing.
CREATE TABLE cadre_promotion_proposal
(
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id     BIGINT       NOT NULL REFERENCES cadre_profile (person_id),
  proposed_post VARCHAR(200) NOT NULL,                -- 拟任职务
  post_level    VARCHAR(10),                          -- RankLeadingPost of the proposed post
  proposed_on   DATE         NOT NULL,
  status        VARCHAR(10)  NOT NULL DEFAULT '拟提拔', -- PromotionStatus: 拟提拔/已任命/已撤回
  version       INT          NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by    VARCHAR(64),
  updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by    VARCHAR(64)
);
CREATE INDEX cadre_promotion_proposal_person_idx ON cadre_promotion_proposal (person_id, proposed_on);
