package org.zugong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SupervisionGeneratorTests {

    private static final SampleDataSet SAMPLE = SampleDataSet.generate(15_000, 100_000, 11);
    private final SupervisionGenerator generator = new SupervisionGenerator(11, ProvinceDataSet.AS_OF, SAMPLE.cadres());

    @Test
    void theSameSeedGivesTheSameRecordsAndReports() {
        SupervisionGenerator again = new SupervisionGenerator(11, ProvinceDataSet.AS_OF, SAMPLE.cadres());
        for (CadreGenerator.Seed s : SAMPLE.cadreSeeds()) {
            assertThat(again.supervise(s)).isEqualTo(generator.supervise(s));
        }
    }

    /** What the table's CHECK constraints require, and every kind and state present. */
    @Test
    void recordsMeetTheTableConstraintsWithEveryKindAndState() {
        Map<String, Integer> byKindAndState = new HashMap<>();
        Set<Long> reportIds = new HashSet<>();
        int reports = 0;
        for (CadreGenerator.Seed s : SAMPLE.cadreSeeds()) {
            SupervisionGenerator.Supervised x = generator.supervise(s);
            for (SupervisionGenerator.Record r : x.records()) {
                byKindAndState.merge(r.kind() + "/" + r.status(), 1, Integer::sum);
                assertThat(r.date()).isBefore(ProvinceDataSet.AS_OF);
                if (r.deadline() != null) {
                    assertThat(r.deadline()).isAfterOrEqualTo(r.date());
                }
                if (r.end() != null) {
                    assertThat(r.end()).isAfterOrEqualTo(r.date());
                }
                if ("RESOLVED".equals(r.status())) {
                    assertThat(r.result()).isNotNull();
                    assertThat(r.end()).isNotNull();
                }
                assertThat(r.status() == null).isEqualTo(r.kind().equals("REMINDER_TALK"));
            }
            for (SupervisionGenerator.Report r : x.reports()) {
                reports++;
                assertThat(reportIds.add(r.id())).isTrue();
                assertThat(r.items()).hasSizeBetween(2, 3);
                assertThat((r.checkResult() == null)).isEqualTo(r.checkedOn() == null);
                assertThat(r.submitted()).isBefore(ProvinceDataSet.AS_OF);
            }
        }
        assertThat(byKindAndState.keySet()).contains("REMINDER_TALK/null", "INQUIRY_LETTER/RESOLVED", "INQUIRY_LETTER/PENDING",
                "PETITION/RESOLVED");
        assertThat(reports).isPositive();
    }

    @Test
    void reportItemsAreEncryptedAsTheApplicationDoes() {
        BenchCipher cipher = new BenchCipher(BenchKeys.random(), new SplittableRandom(1));
        SupervisionGenerator.Supervised x = SAMPLE.cadreSeeds().stream().map(generator::supervise)
                .filter(s -> !s.reports().isEmpty()).findFirst().orElseThrow();
        CopyText text = new CopyText();
        SupervisionGenerator.items(cipher).accept(x, text);
        String row = new String(text.drain(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        String hex = row.split("\t")[3].substring(3);
        assertThat(cipher.decrypt(java.util.HexFormat.of().parseHex(hex))).isEqualTo(x.reports().getFirst().items().getFirst().content());
    }
}
