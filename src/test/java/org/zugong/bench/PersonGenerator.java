package org.zugong.bench;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/**
 * Streams persons one at a time (nothing is kept but the ID counters): ids from 1 in registration
 * order, the home organization from {@link PersonPlacement}, birth dates 1960–2004, an ID number of
 * the home county most of the time (else of another county of the province), names, codes and dates
 * that agree with each other (sex with the ID number, Party join after 18, work start after school).
 */
final class PersonGenerator implements Iterator<PersonRow> {

    static final LocalDate FIRST_BIRTH = LocalDate.of(1960, 1, 1);
    static final LocalDate LAST_BIRTH = LocalDate.of(2004, 12, 31);

    private final Iterator<OrgNode> homes;
    private final PersonTraits traits;
    private final IdNumberAllocator ids;
    private final RandomGenerator random;
    private final LocalDate asOf;
    private final List<Region> allCounties;
    private final Map<String, Region> cityOfCounty = new HashMap<>();
    private final int birthDays;
    private long nextId = 1;

    PersonGenerator(ProvinceCodes codes, PersonPlacement placement, PersonTraits traits, RandomGenerator random, LocalDate asOf) {
        this.homes = placement.homes();
        this.traits = traits;
        this.random = random;
        this.asOf = asOf;
        this.allCounties = codes.counties();
        this.ids = new IdNumberAllocator(allCounties, FIRST_BIRTH, LAST_BIRTH);
        for (Region city : codes.cities()) {
            city.children().forEach(county -> cityOfCounty.put(county.code(), city));
        }
        this.birthDays = Math.toIntExact(ChronoUnit.DAYS.between(FIRST_BIRTH, LAST_BIRTH) + 1);
    }

    @Override
    public boolean hasNext() {
        return homes.hasNext();
    }

    @Override
    public PersonRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        OrgNode home = homes.next();
        boolean male = random.nextInt(100) < 56;
        Region origin = origin(home.home());
        IdNumberAllocator.Allocated id = ids.allocate(origin, FIRST_BIRTH.plusDays(random.nextInt(birthDays)), male);
        LocalDate birth = id.birthDate();
        int age = Period.between(birth, asOf).getYears();
        String political = traits.politicalStatus(random, age);
        return new PersonRow(nextId++, home.id(), traits.name(random, male), male ? "1" : "2", birth,
                traits.ethnicity(random), cityOfCounty.get(origin.code()).name() + origin.name(), id.number().value(),
                random.nextInt(100) < 85 ? phone() : null, traits.education(random, home.kind()), political,
                partyJoinDate(political, birth), workStartDate(birth), random.nextInt(1000) >= 15);
    }

    /** The county the ID number was issued in: mostly the home county, else anywhere in the province. */
    private Region origin(Region home) {
        if (home.children().isEmpty() && random.nextInt(100) < 80) {
            return home;
        }
        if (!home.children().isEmpty() && home.children().getFirst().children().isEmpty() && random.nextInt(100) < 85) {
            return home.children().get(random.nextInt(home.children().size()));
        }
        return allCounties.get(random.nextInt(allCounties.size()));
    }

    private LocalDate partyJoinDate(String political, LocalDate birth) {
        return switch (political) {
            case "01" -> capped(birth.plusYears(18).plusDays(random.nextInt(27 * 365)), asOf.minusYears(1));
            case "02" -> asOf.minusDays(random.nextInt(365));
            default -> null;
        };
    }

    private LocalDate workStartDate(LocalDate birth) {
        return capped(birth.plusYears(18).plusDays(random.nextInt(8 * 365)), asOf);
    }

    private static LocalDate capped(LocalDate date, LocalDate latest) {
        return date.isAfter(latest) ? latest : date;
    }

    private String phone() {
        char second = "35789".charAt(random.nextInt(5));
        return "1" + second + String.format("%09d", random.nextInt(1_000_000_000));
    }
}
