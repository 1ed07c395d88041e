-- 党员发展: roles that read cadre files may check development timelines (recruitment:read).
INSERT INTO access_role_permission (role_id, permission)
SELECT role_id, 'recruitment:read'
FROM access_role_permission
WHERE permission = 'cadre:read'
ON CONFLICT DO NOTHING;
