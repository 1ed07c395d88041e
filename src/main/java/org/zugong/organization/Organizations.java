package org.zugong.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.ScopeGrant;
import org.zugong.platform.web.RecordNotFoundException;

/** The organization module's facade: the tree as other modules read it, and the caller's jurisdiction. */
@Service
@Transactional(readOnly = true)
public class Organizations {

    private static final String JURISDICTION_ATTRIBUTE = Organizations.class.getName() + ".jurisdiction";

    private final OrganizationRepository repository;
    private final AuditLog audit;

    Organizations(OrganizationRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    public Optional<OrganizationSummary> find(long id) {
        return repository.find(id).map(OrganizationRecord::summary);
    }

    /** The organization if it exists and lies in the caller's jurisdiction; otherwise audited and 404. */
    public OrganizationSummary requireVisible(long id) {
        return requireVisibleRecord(id).summary();
    }

    OrganizationRecord requireVisibleRecord(long id) {
        Optional<OrganizationRecord> found = repository.find(id);
        if (found.isEmpty() || !jurisdiction().covers(found.get().path(), found.get().id())) {
            audit.recordAlone("ACCESS_DENIED", "organization", id, "组织不存在或不在管辖范围内", AuditOutcome.DENIED);
            throw new RecordNotFoundException("组织", id);
        }
        return found.get();
    }

    public boolean isVisible(long id) {
        return repository.find(id).map(o -> jurisdiction().covers(o.path(), o.id())).orElse(false);
    }

    public Map<Long, String> names(Collection<Long> ids) {
        return repository.names(new HashSet<>(ids));
    }

    /** The path of an organization, e.g. {@code /1/17/}, to filter a subtree with {@code LIKE path%}. */
    public Optional<String> path(long id) {
        return Optional.ofNullable(repository.paths(List.of(id)).get(id));
    }

    /** Names from the root down to this organization, for breadcrumbs and exports. */
    public List<OrganizationSummary> ancestry(long id) {
        return repository.find(id).map(o -> {
            List<Long> ids = new ArrayList<>();
            for (String part : o.path().split("/")) {
                if (!part.isEmpty()) {
                    ids.add(Long.parseLong(part));
                }
            }
            return repository.findAll(ids).stream().map(OrganizationRecord::summary).toList();
        }).orElse(List.of());
    }

    /** The signed-in user's jurisdiction, computed once per request. */
    public Jurisdiction jurisdiction() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs != null && attrs.getAttribute(JURISDICTION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Jurisdiction j) {
            return j;
        }
        Jurisdiction j = Actor.current().map(this::jurisdictionOf).orElse(Jurisdiction.nothing());
        if (attrs != null) {
            attrs.setAttribute(JURISDICTION_ATTRIBUTE, j, RequestAttributes.SCOPE_REQUEST);
        }
        return j;
    }

    /** Resolves data scopes into paths as the tree stands now, so a moved subtree counts at once. */
    public Jurisdiction jurisdictionOf(Actor actor) {
        Set<Long> subtreeRoots = new LinkedHashSet<>();
        Set<Long> singleOrgs = new LinkedHashSet<>();
        Long self = null;
        for (ScopeGrant grant : actor.grants()) {
            switch (grant.scope()) {
                case ALL -> {
                    return Jurisdiction.everything();
                }
                case CUSTOM -> subtreeRoots.addAll(grant.customOrgIds());
                case ORG_AND_BELOW -> subtreeRoots.add(actor.orgId());
                case ORG -> singleOrgs.add(actor.orgId());
                case SELF -> self = actor.personId();
            }
        }
        Map<Long, String> paths = repository.paths(subtreeRoots);
        List<String> prefixes = paths.values().stream().sorted().toList();
        // Drop a path that lies inside another one: one LIKE per subtree keeps the plan simple.
        List<String> minimal = new ArrayList<>();
        for (String p : prefixes) {
            if (minimal.stream().noneMatch(p::startsWith)) {
                minimal.add(p);
            }
        }
        return new Jurisdiction(false, minimal, singleOrgs, self);
    }

    /** The top nodes the caller sees: the roots for everyone-scope, otherwise the tops of each subtree. */
    public List<OrganizationSummary> visibleRoots() {
        return visibleRootRecords().stream().map(OrganizationRecord::summary).toList();
    }

    List<OrganizationRecord> visibleRootRecords() {
        Jurisdiction j = jurisdiction();
        if (j.all()) {
            return repository.roots(false);
        }
        Set<Long> ids = new LinkedHashSet<>(j.orgIds());
        for (String p : j.paths()) {
            String[] parts = p.split("/");
            ids.add(Long.parseLong(parts[parts.length - 1]));
        }
        return repository.findAll(ids).stream()
                .filter(o -> j.paths().stream().noneMatch(p -> o.path().startsWith(p) && !o.path().equals(p)))
                .toList();
    }

    /** Ids of the root organizations, for installation tasks that run without a signed-in user. */
    public List<Long> visibleRootsForInstallation() {
        return repository.roots(false).stream().map(OrganizationRecord::id).toList();
    }

    /** Creates the first root of an empty tree at installation. */
    @Transactional
    public long createRootForInstallation(String name, OrganizationKind kind) {
        long id = repository.insert(new OrganizationForm(null, name, null, kind, null, null, null, null, 0, null), null, 0, "install");
        audit.record("ORG_CREATE", "organization", id, "安装时创建根组织 " + name);
        return id;
    }

    public List<OrganizationSummary> children(long parentId) {
        requireVisibleRecord(parentId);
        Jurisdiction j = jurisdiction();
        return repository.children(parentId, false, j.orgCondition("o.path", "o.id", "j")).stream()
                .map(OrganizationRecord::summary).toList();
    }
}
