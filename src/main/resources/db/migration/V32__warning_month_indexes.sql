-- Issue 8: the warning statistics' 12-month trend counts warnings raised and closed per month. Without these it
-- read the whole table (wide rows: evidence and message) on every view: 12 ms on the province data set, 4 ms as
-- index-only scans. org_id is included for the jurisdiction's "org_id IN (units of the subtree)".
CREATE INDEX warning_raised_idx ON warning (raised_at, org_id);
CREATE INDEX warning_closed_idx ON warning (closed_at, org_id) WHERE closed_at IS NOT NULL;
