package org.zugong.cadre;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.zugong.audit.AuditLog;
import org.zugong.person.Persons;
import org.zugong.platform.codes.CodeTables;

/**
 * F12: the printable 干部任免审批表 of one cadre (front and back, one A4 page each) and the photo it
 * shows — both within the caller's jurisdiction over the cadre's unit. Each print view is on record.
 */
@Controller
@RequestMapping("/cadres/{id}")
class CadreFormPrintPage {

    private final CadreFiles files;
    private final Persons persons;
    private final CodeTables codes;
    private final AuditLog audit;

    CadreFormPrintPage(CadreFiles files, Persons persons, CodeTables codes, AuditLog audit) {
        this.files = files;
        this.persons = persons;
        this.codes = codes;
        this.audit = audit;
    }

    @GetMapping("/print")
    @PreAuthorize("hasAuthority('cadre:read')")
    String print(@PathVariable long id, Model model) {
        CadreDossier dossier = files.requireVisible(id);
        String ethnicity = dossier.person().ethnicity() == null ? null : codes.ethnicity().name(dossier.person().ethnicity());
        model.addAttribute("sheet", CadreFormSheet.of(dossier, ethnicity, LocalDate.now()));
        audit.record("CADRE_PRINT", "cadre", id, "打印任免审批表：" + dossier.person().name());
        return "cadre/print";
    }

    @GetMapping("/photo")
    @PreAuthorize("hasAuthority('cadre:read')")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        files.requireVisible(id);
        Persons.Photo photo = persons.photos(List.of(id)).get(id);
        if (photo == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(photo.contentType())).body(photo.content());
    }
}
