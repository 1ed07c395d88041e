package org.zugong.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.zugong.organization.OrganizationKind;

/**
 * The distributions persons are drawn from: surnames by frequency and given names by sex (the
 * application's demo name lists), ethnicity by frequency, education by the kind of unit, political
 * status. Every code is checked against the application's code tables.
 */
final class PersonTraits {

    private final Distribution<String> surnames;
    private final Distribution<String> maleGiven;
    private final Distribution<String> femaleGiven;
    private final Distribution<String> ethnicity;
    private final Distribution<String> officeEducation = Distribution.of(
            "11", 1, "14", 12, "21", 55, "31", 22, "41", 5, "61", 5);
    private final Distribution<String> ruralEducation = Distribution.of(
            "14", 1, "21", 12, "31", 25, "41", 9, "47", 5, "61", 25, "71", 18, "81", 5);
    private final Distribution<String> politicalStatus = Distribution.of(
            "01", 62, "02", 3, "03", 6, "13", 22, "12", 1, "04", 0.6, "05", 0.8, "06", 0.6, "07", 0.6, "08", 0.6,
            "09", 0.4, "10", 0.6, "11", 0.1);

    PersonTraits(ProvinceCodes codes) {
        this.surnames = frequencies(ResourceText.load("demo/names/surnames.txt"));
        this.maleGiven = Distribution.uniform(ResourceText.load("demo/names/given_male.txt").lines());
        this.femaleGiven = Distribution.uniform(ResourceText.load("demo/names/given_female.txt").lines());
        this.ethnicity = frequencies(ResourceText.load("demo/names/ethnicity_weights.txt"));
        codes.requireKnown(codes.ethnicity(), ethnicity.values(), "ethnicity");
        codes.requireKnown(codes.education(), officeEducation.values(), "education");
        codes.requireKnown(codes.education(), ruralEducation.values(), "education");
        codes.requireKnown(codes.politicalStatus(), politicalStatus.values(), "political status");
    }

    String name(RandomGenerator random, boolean male) {
        Distribution<String> given = male ? maleGiven : femaleGiven;
        String name = surnames.pick(random) + given.pick(random);
        return random.nextInt(4) == 0 ? name : name + given.pick(random);
    }

    String ethnicity(RandomGenerator random) {
        return ethnicity.pick(random);
    }

    String education(RandomGenerator random, OrganizationKind homeKind) {
        boolean rural = homeKind == OrganizationKind.VILLAGE || homeKind == OrganizationKind.COMMUNITY
                || homeKind == OrganizationKind.NEW_ORGANIZATION;
        return (rural ? ruralEducation : officeEducation).pick(random);
    }

    /** League membership (团员) only up to 28; older draws become 群众. */
    String politicalStatus(RandomGenerator random, int age) {
        String status = politicalStatus.pick(random);
        return status.equals("03") && age > 28 ? "13" : status;
    }

    private static Distribution<String> frequencies(ResourceText text) {
        List<String> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String[] row : text.tsvRows()) {
            values.add(row[0]);
            weights.add(Double.parseDouble(row[1]));
        }
        return Distribution.weighted(values, weights);
    }
}
