package org.zugong.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic Chinese names and ethnicities for the demo persons, from the lists under
 * {@code classpath:demo/names/}: surnames with their frequency, one-character given names by sex
 * (two-character names are built from two of them) and the ethnicity mix of Hunan (GB/T 3304 codes).
 */
final class DemoNames {

    private static final String FOLDER = "demo/names/";
    /** Share of two-character given names; the rest get one character. */
    private static final double TWO_CHARACTER_SHARE = 0.68;

    private final Weighted<String> surnames;
    private final Weighted<String> maleGiven;
    private final Weighted<String> femaleGiven;
    private final Weighted<String> ethnicities;

    DemoNames(Weighted<String> surnames, Weighted<String> maleGiven, Weighted<String> femaleGiven,
              Weighted<String> ethnicities) {
        this.surnames = surnames;
        this.maleGiven = maleGiven;
        this.femaleGiven = femaleGiven;
        this.ethnicities = ethnicities;
    }

    static DemoNames load() {
        return new DemoNames(
                Weighted.of(weights(lines("surnames.txt"))),
                Weighted.uniform(lines("given_male.txt")),
                Weighted.uniform(lines("given_female.txt")),
                Weighted.of(weights(lines("ethnicity_weights.txt"))));
    }

    /** A full name for sex code "1" (male) or "2" (female). */
    String fullName(Random random, String sexCode) {
        Weighted<String> given = "1".equals(sexCode) ? maleGiven : femaleGiven;
        String first = given.pick(random);
        if (random.nextDouble() >= TWO_CHARACTER_SHARE) {
            return surnames.pick(random) + first;
        }
        String second = given.pick(random);
        return surnames.pick(random) + first + second;
    }

    /** A one- or two-character given name for sex code "1" or "2". */
    String givenName(Random random, String sexCode) {
        Weighted<String> given = "1".equals(sexCode) ? maleGiven : femaleGiven;
        String first = given.pick(random);
        return random.nextDouble() >= TWO_CHARACTER_SHARE ? first : first + given.pick(random);
    }

    /** The surname a full name starts with: a two-character one when the list has it (欧阳), else the first character. */
    String surnameOf(String fullName) {
        if (fullName.length() > 2 && surnames.values().contains(fullName.substring(0, 2))) {
            return fullName.substring(0, 2);
        }
        return fullName.substring(0, 1);
    }

    /** A GB/T 3304 ethnicity code drawn with the Hunan weights. */
    String ethnicity(Random random) {
        return ethnicities.pick(random);
    }

    List<String> surnames() {
        return surnames.values();
    }

    List<String> givenNames(String sexCode) {
        return ("1".equals(sexCode) ? maleGiven : femaleGiven).values();
    }

    private static Map<String, Integer> weights(List<String> lines) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String line : lines) {
            String[] cells = line.split("\\s+");
            if (cells.length != 2) {
                throw new IllegalStateException("Expected \"value<TAB>weight\" in demo name list: " + line);
            }
            weights.put(cells[0], Integer.parseInt(cells[1]));
        }
        return weights;
    }

    private static List<String> lines(String file) {
        InputStream stream = DemoNames.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (stream == null) {
            throw new IllegalStateException("Missing demo name list classpath:" + FOLDER + file);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String trimmed = line.replace("\uFEFF", "").trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + FOLDER + file, e);
        }
    }
}
