-- F1: one tree of regions, units and Party organizations.
-- path is the materialized path of ancestor ids and the node's own id: '/1/17/233/'.
CREATE TABLE org_organization
(
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id           BIGINT REFERENCES org_organization (id),
  path                TEXT         NOT NULL,
  depth               INT          NOT NULL,
  name                VARCHAR(100) NOT NULL,
  short_name          VARCHAR(50),
  kind                VARCHAR(30)  NOT NULL,
  region_code         CHAR(6),
  unit_id             BIGINT REFERENCES org_organization (id),
  term_start          DATE,
  term_end            DATE,
  sort_order          INT          NOT NULL DEFAULT 0,
  active              BOOLEAN      NOT NULL DEFAULT TRUE,
  deactivated_at      TIMESTAMPTZ,
  deactivation_reason VARCHAR(500),
  version             INT          NOT NULL DEFAULT 0,
  created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  created_by          VARCHAR(64),
  updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by          VARCHAR(64),
  CONSTRAINT org_term_order CHECK (term_end IS NULL OR term_start IS NULL OR term_end >= term_start),
  CONSTRAINT org_root_depth CHECK ((parent_id IS NULL) = (depth = 0))
);
CREATE UNIQUE INDEX org_organization_path_uk ON org_organization (path text_pattern_ops);
CREATE INDEX org_organization_parent_idx ON org_organization (parent_id, sort_order, id);
CREATE INDEX org_organization_unit_idx ON org_organization (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX org_organization_name_idx ON org_organization (name text_pattern_ops);
CREATE INDEX org_organization_term_end_idx ON org_organization (term_end) WHERE term_end IS NOT NULL AND active;

-- History of moves and changes that matter later (who was where when).
CREATE TABLE org_history
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id BIGINT       NOT NULL REFERENCES org_organization (id),
  change          VARCHAR(30)  NOT NULL,
  old_value       TEXT,
  new_value       TEXT,
  changed_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  changed_by      VARCHAR(64)
);
CREATE INDEX org_history_org_idx ON org_history (organization_id, changed_at);
