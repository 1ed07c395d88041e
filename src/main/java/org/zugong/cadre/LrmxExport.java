package org.zugong.cadre;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.person.PersonRecord;
import org.zugong.person.Persons;

/**
 * F11 export: the 任免审批表 of one cadre as an {@code .lrmx}, or of many as a zip. The files carry full
 * ID numbers and family data, so every export is audited with how many forms left the system.
 */
@Service
@Transactional(readOnly = true)
class LrmxExport {

    /** Forms per zip: a county's cadres fit; a province is exported by county. */
    static final int MAX_FORMS = 5_000;

    private final CadreScope scope;
    private final CadreRepository repository;
    private final CadreLrmxMapping mapping;
    private final Persons persons;
    private final AuditLog audit;

    LrmxExport(CadreScope scope, CadreRepository repository, CadreLrmxMapping mapping, Persons persons, AuditLog audit) {
        this.scope = scope;
        this.repository = repository;
        this.mapping = mapping;
        this.persons = persons;
        this.audit = audit;
    }

    /** The form of one visible cadre (404 and audited otherwise). */
    @Transactional
    public LrmxDocument one(long personId) {
        scope.requireVisible(personId);
        LrmxDocument document = documents(List.of(personId)).getFirst();
        audit.record("CADRE_EXPORT", "cadre", personId, "导出任免审批表：" + document.name());
        return document;
    }

    /**
     * Writes the forms of these cadres as a zip, {@code 姓名_身份证号后4位.lrmx} per entry. The ids must
     * come from a scoped search or be checked by the caller; ids outside are refused one by one.
     */
    @Transactional
    public int zip(List<Long> personIds, OutputStream out) throws IOException {
        List<Long> visible = new ArrayList<>();
        for (Long id : personIds) {
            scope.requireVisible(id);
            visible.add(id);
        }
        return zipVisible(visible, out, "导出任免审批表（选中）");
    }

    /** Writes the forms of cadres a scoped search returned, in chunks (no whole province in memory). */
    @Transactional
    public int zipVisible(List<Long> personIds, OutputStream out, String what) throws IOException {
        List<LrmxDocument> documents = new ArrayList<>();
        for (int from = 0; from < personIds.size(); from += CadreRepository.CHUNK) {
            documents.addAll(documents(personIds.subList(from, Math.min(personIds.size(), from + CadreRepository.CHUNK))));
        }
        LrmxZip.write(documents, out);
        audit.record("CADRE_EXPORT", "cadre", null, what + " " + documents.size() + " 份");
        return documents.size();
    }

    /** The forms of every cadre a search finds, as zip bytes; refused above {@link #MAX_FORMS}. */
    @Transactional
    public byte[] zipSearch(CadreSearch search, CadreCriteria criteria) throws IOException {
        List<Long> ids = search.ids(criteria);
        if (ids.size() > MAX_FORMS) {
            throw new org.zugong.platform.web.BusinessRuleException("查询结果有 " + ids.size() + " 人，一次最多导出 " + MAX_FORMS + " 份，请缩小范围");
        }
        var out = new java.io.ByteArrayOutputStream();
        zipVisible(ids, out, "按查询条件导出任免审批表");
        return out.toByteArray();
    }

    /** The forms of a selection, as zip bytes; each id checked, refused above {@link #MAX_FORMS}. */
    @Transactional
    public byte[] zipSelection(List<Long> ids) throws IOException {
        if (ids == null || ids.isEmpty()) {
            throw new org.zugong.platform.web.BusinessRuleException("请选择要导出的干部");
        }
        if (ids.size() > MAX_FORMS) {
            throw new org.zugong.platform.web.BusinessRuleException("一次最多导出 " + MAX_FORMS + " 份任免审批表");
        }
        var out = new java.io.ByteArrayOutputStream();
        zip(ids, out);
        return out.toByteArray();
    }

    private List<LrmxDocument> documents(List<Long> ids) {
        Map<Long, CadreFile> files = repository.loadAll(ids);
        Map<Long, PersonRecord> people = persons.records(files.keySet());
        Map<Long, Persons.Photo> photos = persons.photos(files.keySet());
        List<LrmxDocument> documents = new ArrayList<>();
        for (CadreFile file : files.values()) {
            PersonRecord p = people.get(file.profile().personId());
            if (p != null) {
                documents.add(mapping.toDocument(p, file, LrmxImport.jpeg(photos.get(p.id()))));
            }
        }
        return documents;
    }
}
