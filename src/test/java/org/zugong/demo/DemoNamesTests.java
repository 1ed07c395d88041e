package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoNamesTests {

    private final DemoNames names = DemoNames.load();

    @Test
    void namesAreASurnameAndOneOrTwoGivenCharactersOfTheRightSex() {
        Random random = new Random(5);
        int twoCharacter = 0;
        for (int i = 0; i < 2_000; i++) {
            String sex = i % 2 == 0 ? "1" : "2";
            String name = names.fullName(random, sex);
            String surname = names.surnames().stream().filter(name::startsWith)
                    .max((a, b) -> a.length() - b.length()).orElseThrow();
            String given = name.substring(surname.length());
            assertThat(given.length()).as(name).isBetween(1, 2);
            for (char c : given.toCharArray()) {
                assertThat(names.givenNames(sex)).as(name).contains(String.valueOf(c));
            }
            if (given.length() == 2) {
                twoCharacter++;
            }
        }
        assertThat(twoCharacter).isBetween(1_200, 1_600);
    }

    @Test
    void commonSurnamesAreDrawnMoreOften() {
        Random random = new Random(11);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String name = names.fullName(random, "1");
            counts.merge(name.substring(0, 1), 1, Integer::sum);
        }
        assertThat(counts.getOrDefault("王", 0)).isGreaterThan(500);
        assertThat(counts.getOrDefault("王", 0)).isGreaterThan(counts.getOrDefault("黄", 0));
    }

    @Test
    void ethnicitiesFollowTheHunanWeights() {
        Random random = new Random(13);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(names.ethnicity(random), 1, Integer::sum);
        }
        assertThat(counts.get("01")).isBetween(8_700, 9_200);
        assertThat(counts.get("15")).isBetween(300, 550);
        assertThat(counts.keySet()).allMatch(code -> code.matches("\\d{2}"));
    }

    @Test
    void theSameSeedGivesTheSameNames() {
        assertThat(draw(new Random(2026))).isEqualTo(draw(new Random(2026)));
        assertThat(draw(new Random(2026))).isNotEqualTo(draw(new Random(2027)));
    }

    private List<String> draw(Random random) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.add(names.fullName(random, i % 3 == 0 ? "2" : "1") + names.ethnicity(random));
        }
        return out;
    }
}
