package org.zugong.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two business accounts to use the application on the data set: {@code province} (role PROVINCE, data
 * scope ALL) and {@code county} (role COUNTY_BENCH, data scope CUSTOM on one county), both with every
 * business permission and the password {@value #PASSWORD}.
 */
final class BenchAccounts {

    static final String PASSWORD = "Zugong@2026";
    private static final List<String> PERMISSIONS = List.of("org:read", "org:write", "person:read", "person:write",
            "person:export", "person:id-full", "cadre:read", "cadre:write", "cadre:export", "assessment:read", "assessment:manage",
            "assessment:evaluate", "assessment:self", "warning:read", "warning:handle", "warning:rules", "supervision:read",
            "supervision:write", "recruitment:read", "recruitment:write", "recruitment:approve", "recruitment:prereview");

    private final Connection c;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    BenchAccounts(Connection c) {
        this.c = c;
    }

    void create(OrgNode province, OrgNode county) throws SQLException {
        long provinceRole = role("PROVINCE", "省级管理（基准数据）", "ALL");
        long countyRole = role("COUNTY_BENCH", county.name() + "（基准数据）", "CUSTOM");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO access_role_scope_org (role_id, org_id) VALUES (?, ?)")) {
            s.setLong(1, countyRole);
            s.setLong(2, county.id());
            s.executeUpdate();
        }
        user("province", "省级管理员", province.id(), provinceRole);
        user("county", county.name() + "管理员", county.id(), countyRole);
    }

    private long role(String code, String name, String dataScope) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO access_role (code, name, data_scope) VALUES (?, ?, ?) RETURNING id")) {
            s.setString(1, code);
            s.setString(2, name);
            s.setString(3, dataScope);
            id = single(s);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO access_role_permission (role_id, permission) VALUES (?, ?)")) {
            for (String p : PERMISSIONS) {
                s.setLong(1, id);
                s.setString(2, p);
                s.executeUpdate();
            }
        }
        return id;
    }

    private void user(String username, String displayName, long orgId, long roleId) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO access_user (username, display_name, password_hash, org_id, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
            s.setString(1, username);
            s.setString(2, displayName);
            s.setString(3, encoder.encode(PASSWORD));
            s.setLong(4, orgId);
            s.setString(5, ProvinceDataSet.CREATED_BY);
            s.setString(6, ProvinceDataSet.CREATED_BY);
            id = single(s);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO access_user_role (user_id, role_id) VALUES (?, ?)")) {
            s.setLong(1, id);
            s.setLong(2, roleId);
            s.executeUpdate();
        }
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
