-- Issue 8: organization paths ('/1/6/3481/') compare byte by byte. Under the database's locale collation the
-- subtree index had to be text_pattern_ops, which serves "path LIKE '/1/6/%'" but gives no ORDER BY path, so a
-- list ordered by unit (the assessment results: o.path, then grade state and name) read and sorted every row of
-- the subtree — a person row each — to show 20: 10 ms for a county on the province data set. With the C
-- collation one plain unique index serves both the prefix and the order, and such a list stops after the first
-- units (0.4 ms). Paths are ASCII digits and slashes: their order is unchanged.
ALTER TABLE org_organization ALTER COLUMN path TYPE TEXT COLLATE "C";
DROP INDEX org_organization_path_uk;
CREATE UNIQUE INDEX org_organization_path_uk ON org_organization (path);
