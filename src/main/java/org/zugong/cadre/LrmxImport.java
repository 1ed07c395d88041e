package org.zugong.cadre;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.person.IdNumber;
import org.zugong.person.PersonForm;
import org.zugong.person.PersonRecord;
import org.zugong.person.Persons;
import org.zugong.platform.security.Actor;
import org.zugong.platform.upload.FileType;
import org.zugong.platform.upload.Upload;
import org.zugong.platform.upload.UploadRefused;
import org.zugong.platform.web.FieldErrors;

/**
 * F11: imports 任免审批表 files, one {@code .lrmx} or a zip of many. Every file is read and checked
 * first (parse, ID number, jurisdiction, duplicates within the batch, the person rules); only a batch
 * without a single error is written, in one transaction, so a failing batch leaves the data exactly
 * as it was. A person already on file (matched by ID number) is updated; the preview lists each
 * field that would change.
 */
@Service
class LrmxImport {

    /** A zip of forms as uploaded (the multipart limit); its entries are capped by {@link LrmxZip}. */
    static final long MAX_ZIP_BYTES = 20L * 1024 * 1024;

    private final Persons persons;
    private final Organizations organizations;
    private final CadreRepository repository;
    private final CadreLrmxMapping mapping;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    LrmxImport(Persons persons, Organizations organizations, CadreRepository repository, CadreLrmxMapping mapping,
               AuditLog audit, ApplicationEventPublisher events, PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.persons = persons;
        this.organizations = organizations;
        this.repository = repository;
        this.mapping = mapping;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /** One file of the batch, checked. */
    private static final class Item {
        final String file;
        final LrmxDocument document;
        final List<LrmxImportReport.Error> errors = new ArrayList<>();
        PersonRecord person;
        boolean personVisible;
        CadreFile existingFile;
        Long orgId;
        String orgName;
        PersonForm form;

        Item(String file, LrmxDocument document) {
            this.file = file;
            this.document = document;
        }

        void error(String field, String message) {
            errors.add(new LrmxImportReport.Error(file, field, message));
        }
    }

    /**
     * Checks and, unless {@code dryRun}, stores the batch. {@code targetOrgId} is the unit for new
     * cadres whose unit cannot be read from their 现任职务; it may be null.
     */
    LrmxImportReport run(String fileName, byte[] content, Long targetOrgId, boolean dryRun) {
        List<Item> items = new ArrayList<>();
        List<LrmxImportReport.Error> errors = new ArrayList<>();
        read(fileName, content, items, errors);
        OrganizationSummary target = null;
        if (targetOrgId != null) {
            if (!organizations.isVisible(targetOrgId)) {
                audit.recordAlone("ACCESS_DENIED", "organization", targetOrgId, "导入任免审批表时选择了管辖范围外的单位", AuditOutcome.DENIED);
                errors.add(new LrmxImportReport.Error(fileName, "orgId", "所选单位不存在或不在您的管辖范围内"));
            } else {
                target = organizations.find(targetOrgId).filter(OrganizationSummary::active).orElse(null);
                if (target == null) {
                    errors.add(new LrmxImportReport.Error(fileName, "orgId", "所选单位已撤销"));
                }
            }
        }
        check(items, target);
        List<LrmxImportReport.Preview> previews = new ArrayList<>();
        for (Item item : items) {
            errors.addAll(item.errors);
            if (item.errors.isEmpty()) {
                previews.add(preview(item));
            }
        }
        if (items.isEmpty() && errors.isEmpty()) {
            errors.add(new LrmxImportReport.Error(fileName, LrmxProblem.FILE, "没有可导入的 .lrmx 文件"));
        }
        if (!errors.isEmpty() || dryRun) {
            List<LrmxImportReport.Imported> named = errors.isEmpty()
                    ? items.stream().map(i -> new LrmxImportReport.Imported(i.person == null ? null : i.person.id(), i.document.name())).toList()
                    : List.of();
            if (!errors.isEmpty() && !dryRun) {
                audit.recordAlone("CADRE_IMPORT_FAILED", "cadre", null,
                        fileName + "：" + errors.size() + " 处错误，未导入任何数据", AuditOutcome.DENIED);
            }
            return new LrmxImportReport(dryRun, named, errors, previews);
        }
        List<LrmxImportReport.Imported> imported = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                for (Item item : items) {
                    imported.add(write(item));
                }
                audit.record("CADRE_IMPORT", "cadre", null, fileName + "：导入任免审批表 " + items.size() + " 份");
            });
        } catch (ItemFailed failed) {
            return new LrmxImportReport(false, List.of(), failed.errors, previews);
        }
        return new LrmxImportReport(false, imported, List.of(), previews);
    }

    /**
     * The extension decides how the file is read and the content must agree with it: a .zip must be a zip
     * archive, a .lrmx must be XML text; anything else is refused before it is parsed.
     */
    private void read(String fileName, byte[] content, List<Item> items, List<LrmxImportReport.Error> errors) {
        FileType type;
        try {
            type = Upload.requireName(fileName, "文件", FileType.LRMX, FileType.ZIP);
            if (content.length > (type == FileType.ZIP ? MAX_ZIP_BYTES : LrmxReader.MAX_BYTES)) {
                throw Upload.tooLarge("文件", type == FileType.ZIP ? MAX_ZIP_BYTES : LrmxReader.MAX_BYTES);
            }
            Upload.requireContent(content, type, "文件");
        } catch (UploadRefused e) {
            errors.add(new LrmxImportReport.Error(fileName, LrmxProblem.FILE, e.getMessage()));
            return;
        }
        if (type == FileType.ZIP) {
            for (LrmxZipEntry entry : LrmxZip.read(new ByteArrayInputStream(content))) {
                if (entry.skipped()) {
                    continue; // other files in the archive (readme, __MACOSX) are skipped, not errors
                }
                add(entry.entryName(), entry.result(), items, errors);
            }
        } else {
            add(fileName, LrmxReader.read(content), items, errors);
        }
    }

    private static void add(String file, LrmxParseResult result, List<Item> items, List<LrmxImportReport.Error> errors) {
        if (result.isClean() && result.document() != null) {
            items.add(new Item(file, result.document()));
        } else {
            for (LrmxProblem p : result.problems()) {
                errors.add(new LrmxImportReport.Error(file, p.field(), p.message()));
            }
            if (result.problems().isEmpty()) {
                errors.add(new LrmxImportReport.Error(file, LrmxProblem.FILE, "无法读取文件"));
            }
        }
    }

    private void check(List<Item> items, OrganizationSummary target) {
        Map<String, Item> byIdNumber = new HashMap<>();
        Map<Long, Long> personIds = new HashMap<>();
        Jurisdiction jurisdiction = organizations.jurisdiction();
        for (Item item : items) {
            LrmxDocument d = item.document;
            for (CadreLrmxMapping.Problem p : CadreLrmxMapping.lengthProblems(d)) {
                item.error(p.field(), p.message());
            }
            if (d.idNumber() == null) {
                item.error("ShenFenZheng", "缺少身份证号");
                continue;
            }
            String idNumber = IdNumber.normalize(d.idNumber());
            Item earlier = byIdNumber.putIfAbsent(idNumber, item);
            if (earlier != null) {
                item.error("ShenFenZheng", "与同批文件“" + earlier.file + "”的身份证号相同");
                continue;
            }
            Optional<Long> registered = persons.registeredId(idNumber);
            if (registered.isPresent()) {
                long id = registered.get();
                boolean fileVisible = repository.placement(id).map(p -> jurisdiction.covers(p.orgPath(), p.orgId())).orElse(false);
                if (!persons.isVisible(id) && !fileVisible) {
                    audit.recordAlone("ACCESS_DENIED", "person", id, "导入任免审批表时身份证号属于管辖范围外的人员", AuditOutcome.DENIED);
                    item.error("ShenFenZheng", "该身份证号已登记在您管辖范围以外的人员名下，请联系其所在单位的组织部门");
                    continue;
                }
                personIds.put(id, id);
                item.person = persons.records(List.of(id)).get(id);
                item.personVisible = persons.isVisible(id);
            }
        }
        Map<Long, CadreFile> files = repository.loadAll(List.copyOf(personIds.keySet()));
        for (Item item : items) {
            if (!item.errors.isEmpty() || item.document.idNumber() == null) {
                continue;
            }
            if (item.person != null) {
                item.existingFile = files.get(item.person.id());
                if (item.existingFile != null) {
                    item.orgId = item.existingFile.profile().orgId();
                    item.orgName = item.existingFile.profile().orgName();
                } else {
                    item.orgId = item.person.orgId();
                    item.orgName = item.person.orgName();
                }
            } else {
                Optional<OrganizationSummary> unit = unitOf(item.document.currentPost(), jurisdiction);
                if (unit.isPresent()) {
                    item.orgId = unit.get().id();
                    item.orgName = unit.get().name();
                } else if (target != null) {
                    item.orgId = target.id();
                    item.orgName = target.name();
                } else {
                    item.error("XianRenZhiWu", "无法从现任职务“" + Objects.toString(item.document.currentPost(), "")
                            + "”确定任职单位，请选择导入到的单位");
                    continue;
                }
            }
            List<CadreLrmxMapping.Problem> problems = new ArrayList<>();
            item.form = mapping.personForm(item.document, item.person, item.orgId, problems);
            problems.forEach(p -> item.error(p.field(), p.message()));
            if (problems.isEmpty() && item.person != null && !item.personVisible) {
                // The cadre file is ours, the person record belongs to another jurisdiction's unit.
                if (!samePerson(item.person, item.form)) {
                    item.error("XingMing", "该人员的基本信息由其所在单位维护，表中姓名、民族、籍贯等与登记信息不一致，不能在此修改");
                }
                if (item.document.photo() != null) {
                    byte[] stored = jpeg(persons.photos(List.of(item.person.id())).get(item.person.id()));
                    if (!java.util.Arrays.equals(stored, item.document.photo())) {
                        item.error("ZhaoPian", "该人员的照片由其所在单位维护，不能在此更换");
                    }
                }
            }
        }
    }

    /**
     * The unit a 现任职务 begins with ("青溪县财政局局长" → 青溪县财政局): the longest active organization
     * name in the jurisdiction that is a prefix of the text. Looked up by exact names (index), not by scan.
     */
    Optional<OrganizationSummary> unitOf(String currentPost, Jurisdiction jurisdiction) {
        if (currentPost == null || currentPost.isBlank()) {
            return Optional.empty();
        }
        String text = currentPost.strip();
        List<String> prefixes = new ArrayList<>();
        for (int n = Math.min(text.length(), 60); n >= 2; n--) {
            prefixes.add(text.substring(0, n));
        }
        List<Long> ids = jdbc.sql("SELECT id FROM org_organization WHERE name IN (:names) AND active ORDER BY length(name) DESC, id")
                .param("names", prefixes).query(Long.class).list();
        for (Long id : ids) {
            Optional<OrganizationSummary> org = organizations.find(id);
            if (org.isPresent() && jurisdiction.covers(org.get().path(), id)) {
                return org;
            }
        }
        return Optional.empty();
    }

    private LrmxImportReport.Preview preview(Item item) {
        LrmxDocument incoming = item.document;
        String masked = IdNumber.mask(IdNumber.normalize(incoming.idNumber()));
        if (item.person == null) {
            return new LrmxImportReport.Preview(item.file, incoming.name(), masked, null, true, item.orgName, List.of());
        }
        byte[] photo = jpeg(persons.photos(List.of(item.person.id())).get(item.person.id()));
        LrmxDocument stored = mapping.toDocument(item.person, item.existingFile, photo);
        return new LrmxImportReport.Preview(item.file, incoming.name(), masked, item.person.id(), item.existingFile == null,
                item.orgName, CadreLrmxMapping.changes(stored, incoming));
    }

    static byte[] jpeg(Persons.Photo photo) {
        return photo != null && "image/jpeg".equals(photo.contentType()) ? photo.content() : null;
    }

    /** Thrown inside the transaction to roll the whole batch back with the failing file named. */
    private static final class ItemFailed extends RuntimeException {
        final List<LrmxImportReport.Error> errors;

        ItemFailed(List<LrmxImportReport.Error> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    private LrmxImportReport.Imported write(Item item) {
        LrmxDocument d = item.document;
        String user = Actor.current().map(Actor::username).orElse("system");
        long personId;
        try {
            if (item.person == null) {
                personId = persons.register(item.form);
            } else {
                personId = item.person.id();
                if (!samePerson(item.person, item.form)) {
                    persons.update(personId, item.form);
                }
            }
        } catch (FieldErrors e) {
            throw new ItemFailed(e.errors().stream()
                    .map(f -> new LrmxImportReport.Error(item.file, elementOf(f.field()), f.message())).toList());
        }
        CadreRepository.FormFields fields = mapping.formFields(d);
        boolean created = item.existingFile == null;
        if (created) {
            repository.insertProfile(personId, item.orgId, CadreLrmxMapping.defaultRetirementGroup(item.form.sex()), fields, user);
        } else {
            repository.updateProfileFromForm(personId, fields, user);
        }
        repository.replaceResume(personId, d.resume());
        repository.replaceEducation(personId, d.fullTimeEducation(), d.inServiceEducation());
        repository.replaceFamily(personId, d.family());
        CadreLrmxMapping.annualResults(d.annualAssessment()).forEach((year, grade) -> {
            if (repository.putAnnualResult(personId, year, grade, null)) {
                events.publishEvent(new AnnualResultRecorded(personId, year, grade));
            }
        });
        if (d.photo() != null) {
            byte[] stored = item.person == null ? null : jpeg(persons.photos(List.of(personId)).get(personId));
            if (!java.util.Arrays.equals(stored, d.photo())) {
                persons.savePhoto(personId, "image/jpeg", d.photo());
            }
        }
        audit.record(created ? "CADRE_CREATE" : "CADRE_UPDATE", "cadre", personId,
                "导入任免审批表“" + item.file + "”：" + d.name() + " " + IdNumber.mask(IdNumber.normalize(d.idNumber())));
        events.publishEvent(new CadreFileImported(personId, item.person == null));
        return new LrmxImportReport.Imported(personId, d.name());
    }

    private static boolean samePerson(PersonRecord p, PersonForm f) {
        return p.orgId() == f.orgId() && Objects.equals(p.name(), f.name()) && Objects.equals(p.sex(), f.sex())
                && Objects.equals(p.birthDate(), f.birthDate()) && Objects.equals(p.ethnicity(), f.ethnicity())
                && Objects.equals(p.nativePlace(), f.nativePlace()) && Objects.equals(p.education(), f.education())
                && Objects.equals(p.politicalStatus(), f.politicalStatus()) && Objects.equals(p.partyJoinDate(), f.partyJoinDate())
                && Objects.equals(p.workStartDate(), f.workStartDate());
    }

    /** The LRMX element behind a person-record field, so that the report names the form's field. */
    private static String elementOf(String personField) {
        return switch (personField) {
            case "name" -> "XingMing";
            case "sex" -> "XingBie";
            case "birthDate" -> "ChuShengNianYue";
            case "ethnicity" -> "MinZu";
            case "nativePlace" -> "JiGuan";
            case "idNumber" -> "ShenFenZheng";
            case "education" -> "QuanRiZhiJiaoYu_XueLi";
            case "politicalStatus", "partyJoinDate" -> "RuDangShiJian";
            case "workStartDate" -> "CanJiaGongZuoShiJian";
            default -> personField;
        };
    }
}
