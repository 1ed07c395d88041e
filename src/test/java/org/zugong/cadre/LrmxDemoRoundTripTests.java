package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.ZugongApplication;

/**
 * The acceptance test of F11: export every demo cadre as LRMX, import the zip into an empty database
 * (a second application on its own embedded PostgreSQL, with the demo city's organizations and logins
 * but no persons), export again: every form comes back byte for byte, field for field.
 */
class LrmxDemoRoundTripTests extends IntegrationTest {

    @Autowired
    LrmxExport export;

    @Test
    void exportingAllDemoCadresAndImportingTheZipIntoAnEmptyDatabaseReproducesThem() throws Exception {
        List<Long> demoCadres = jdbc.sql("SELECT person_id FROM cadre_profile WHERE created_by = 'demo' ORDER BY person_id")
                .query(Long.class).list();
        assertThat(demoCadres).hasSizeGreaterThan(500);
        byte[] first;
        actAsCityUser();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(export.zipVisible(demoCadres, out, "测试：导出全部演示干部")).isEqualTo(demoCadres.size());
            first = out.toByteArray();
        } finally {
            SecurityContextHolder.clearContext();
        }

        Path dataDir = Files.createTempDirectory(Path.of("target", "test-data"), "empty-");
        try (ConfigurableApplicationContext empty = new SpringApplicationBuilder(ZugongApplication.class).run(
                "--zugong.data-dir=" + dataDir.toAbsolutePath(), "--zugong.demo-data=true", "--zugong.demo-people=false",
                "--server.port=0", "--spring.main.banner-mode=off")) {
            var emptyJdbc = empty.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            assertThat(emptyJdbc.sql("SELECT count(*) FROM person_person").query(Long.class).single()).isZero();
            assertThat(emptyJdbc.sql("SELECT count(*) FROM org_organization").query(Long.class).single()).isGreaterThan(1000);
            actAsCityUser();
            try {
                LrmxImportReport report = empty.getBean(LrmxImport.class).run("演示干部.zip", first, null, false);
                assertThat(report.errors()).isEmpty();
                assertThat(report.imported()).hasSize(demoCadres.size());
                List<Long> imported = empty.getBean(CadreSearch.class).ids(CadreCriteria.none());
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                empty.getBean(LrmxExport.class).zipVisible(imported, again, "测试：再次导出");
                Map<String, String> before = entries(first);
                Map<String, String> after = entries(again.toByteArray());
                assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
                before.forEach((idNumber, xml) -> assertThat(after.get(idNumber)).as(idNumber).isEqualTo(xml));
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** The forms of a zip by ID number (entry names may number repeated names differently). */
    private static Map<String, String> entries(byte[] zip) throws Exception {
        Map<String, String> forms = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String id = xml.replaceAll("(?s).*<ShenFenZheng>([0-9X]{18})</ShenFenZheng>.*", "$1");
                forms.put(id, xml);
            }
        }
        return forms;
    }
}
