-- Issue 6 item 9: who records which step — the branch enters its steps (recruitment:write), the Party
-- committee approves (recruitment:approve), the county organization department pre-reviews
-- (recruitment:prereview). Roles that may write cadre files (the departments) get both.
INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, p.permission
FROM access_role_permission r
CROSS JOIN (VALUES ('recruitment:approve'), ('recruitment:prereview')) AS p (permission)
WHERE r.permission = 'cadre:write'
ON CONFLICT DO NOTHING;
