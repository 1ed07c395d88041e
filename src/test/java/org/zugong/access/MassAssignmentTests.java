package org.zugong.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zugong.IntegrationTest;

/**
 * Mass assignment (ASVS 8.2.3): what a request binds to is a record of the fields the form offers,
 * never a stored row, and fields the form does not offer — id, version of another row, organization
 * of another county, author, status, blind index — are ignored or refused.
 */
class MassAssignmentTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccessRepository accounts;

    @Test
    void everyBoundRequestBodyOrFormIsARecordOrASimpleValue() {
        List<String> offenders = new ArrayList<>();
        int boundParameters = 0;
        for (HandlerMethod h : mappings.getHandlerMethods().values()) {
            if (!h.getBeanType().getPackageName().startsWith("org.zugong")) {
                continue;
            }
            for (MethodParameter p : h.getMethodParameters()) {
                Class<?> type = p.getParameterType();
                boolean bound = p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(ModelAttribute.class)
                        // without an annotation, a non-simple type of ours is bound as a model attribute
                        || p.getParameterAnnotations().length == 0 && type.getPackageName().startsWith("org.zugong");
                if (bound) {
                    boundParameters++;
                }
                if (bound && !bindable(p.getGenericParameterType(), 0)) {
                    offenders.add(h.getBeanType().getSimpleName() + "." + h.getMethod().getName() + "(" + type.getSimpleName() + ")");
                }
            }
        }
        assertThat(boundParameters).as("bound parameters found").isGreaterThan(40);
        assertThat(offenders).as("handler parameters bound from the request that are not records or simple values").isEmpty();
    }

    /** A record whose components are simple values, lists of them or records of the same kind. */
    private static boolean bindable(Type type, int depth) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                for (Type arg : pt.getActualTypeArguments()) {
                    if (!bindable(arg, depth + 1)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (BeanUtils.isSimpleValueType(c) || c.isArray() && BeanUtils.isSimpleValueType(c.getComponentType())) {
            return true;
        }
        if (!c.isRecord() || depth > 4) {
            return false;
        }
        for (RecordComponent rc : c.getRecordComponents()) {
            if (!bindable(rc.getGenericType(), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private record PersonRow(long id, long orgId, String name, boolean active, String createdBy, byte[] idNumberIndex, int version) {
    }

    private PersonRow personRow(long id) {
        return jdbc.sql("SELECT id, org_id, name, active, created_by, id_number_index, version FROM person_person WHERE id = :id")
                .param("id", id).query(PersonRow.class).single();
    }

    @Test
    void extraFieldsSentToAPersonUpdateAreIgnoredAndAnotherCountysOrganizationIsRefused() throws Exception {
        long id = personInCounty(1);
        PersonRow before = personRow(id);
        var p = jdbc.sql("""
                SELECT sex, birth_date, ethnicity, native_place, education, political_status, party_join_date, work_start_date
                FROM person_person WHERE id = :id""").param("id", id).query().singleRow();
        String json = """
                {"orgId":%d,"name":"%s","sex":"%s","birthDate":"%s","ethnicity":%s,"nativePlace":%s,"education":%s,
                 "politicalStatus":%s,"partyJoinDate":%s,"workStartDate":%s,"version":%d,
                 "id":%d,"active":false,"createdBy":"intruder","idNumberHash":"AAAA","idNumberIndex":"AAAA","personId":%d}""".formatted(
                before.orgId(), before.name(), p.get("sex"), p.get("birth_date"), quoted(p.get("ethnicity")), quoted(p.get("native_place")),
                quoted(p.get("education")), quoted(p.get("political_status")), quoted(p.get("party_join_date")),
                quoted(p.get("work_start_date")), before.version(), personInCounty(2), personInCounty(2));
        int status = mvc.perform(put("/api/v1/persons/" + id).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        PersonRow after = personRow(id);
        assertThat(after.active()).isEqualTo(before.active());
        assertThat(after.createdBy()).isEqualTo(before.createdBy());
        assertThat(after.idNumberIndex()).isEqualTo(before.idNumberIndex());
        assertThat(after.orgId()).isEqualTo(before.orgId());
        PersonRow other = personRow(personInCounty(2));
        assertThat(other.name()).isNotEqualTo(before.name());

        // The one field that names another row: an organization of another county is refused, nothing stored.
        long denied = auditCount("ACCESS_DENIED");
        String moved = json.replace("\"orgId\":" + before.orgId(), "\"orgId\":" + county(2)).replace("\"version\":" + before.version(),
                "\"version\":" + after.version());
        int refused = mvc.perform(put("/api/v1/persons/" + id).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                .contentType(MediaType.APPLICATION_JSON).content(moved)).andReturn().getResponse().getStatus();
        assertThat(refused).isIn(400, 404);
        assertThat(personRow(id).orgId()).isEqualTo(before.orgId());
        assertThat(auditCount("ACCESS_DENIED")).isGreaterThan(denied);
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void extraFieldsPostedToTheUserEditorCannotGrantRolesUnlockOrSetThePassword() throws Exception {
        var user = accounts.findUser("county3").orElseThrow();
        List<String> rolesBefore = accounts.rolesOfUser(user.id()).stream().map(RoleRecord::code).toList();
        long sysRole = accounts.findRoleByCode("SYSADMIN").orElseThrow().id();
        mvc.perform(post("/admin/users/" + user.id()).session(session("sysadmin")).with(csrf())
                        .param("username", user.username()).param("displayName", user.displayName())
                        .param("orgId", Long.toString(user.orgId())).param("enabled", "true")
                        .param("version", Integer.toString(user.version()))
                        // not on the form:
                        .param("roleIds", Long.toString(sysRole)).param("roles", "SYSADMIN").param("passwordHash", "{noop}x")
                        .param("id", "1").param("failedLogins", "0").param("mustChangePassword", "false"))
                .andReturn();
        var after = accounts.findUser("county3").orElseThrow();
        assertThat(accounts.rolesOfUser(user.id()).stream().map(RoleRecord::code).toList()).isEqualTo(rolesBefore);
        assertThat(after.passwordHash()).isEqualTo(user.passwordHash());
        assertThat(after.id()).isEqualTo(user.id());
    }

    @Test
    void extraFieldsPostedToTheRoleEditorCannotMakeABusinessRoleAnAdministratorRole() throws Exception {
        var role = accounts.findRoleByCode("COUNTY_DEPT_3").orElseThrow();
        var request = post("/admin/roles/" + role.id()).session(session("secadmin")).with(csrf())
                .param("code", role.code()).param("name", role.name()).param("dataScope", role.dataScope().name())
                .param("version", Integer.toString(role.version()))
                // not on the form:
                .param("adminKind", "AUDIT").param("builtin", "false").param("id", "1");
        role.permissions().forEach(p -> request.param("permissions", p));
        role.scopeOrgIds().forEach(o -> request.param("scopeOrgIds", Long.toString(o)));
        mvc.perform(request).andReturn();
        var after = accounts.findRoleByCode("COUNTY_DEPT_3").orElseThrow();
        assertThat(after.adminKind()).isEqualTo(role.adminKind()).isNull();
        assertThat(after.builtin()).isTrue();
        assertThat(after.permissions()).containsExactlyInAnyOrderElementsOf(role.permissions());
        assertThat(after.id()).isEqualTo(role.id());
    }
}
