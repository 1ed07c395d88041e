package org.zugong.platform.codes;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.platform.web.RecordNotFoundException;

/** {@code /api/v1/codes}: the national code tables, for integrations that send or show codes. */
@RestController
class CodeTableApi {

    record TableJson(String id, String title, int size) {
    }

    record EntryJson(String code, String name, String shortName) {
    }

    private final CodeTables codes;

    CodeTableApi(CodeTables codes) {
        this.codes = codes;
    }

    @GetMapping("/api/v1/codes")
    @PreAuthorize("isAuthenticated()")
    List<TableJson> tables() {
        return codes.all().stream().map(t -> new TableJson(t.id(), t.title(), t.entries().size())).toList();
    }

    @GetMapping("/api/v1/codes/{id}")
    @PreAuthorize("isAuthenticated()")
    List<EntryJson> entries(@PathVariable String id) {
        CodeTable table = codes.all().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("代码表", id));
        return table.entries().stream().map(e -> new EntryJson(e.code(), e.name(), e.shortName())).toList();
    }
}
