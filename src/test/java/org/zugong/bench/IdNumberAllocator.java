package org.zugong.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zugong.person.IdNumber;

/**
 * Hands out unique, valid ID numbers: for each (region, birth date, sex) a counter picks the next free
 * sequence number (odd for men, even for women) starting from a scrambled offset, so numbers look
 * varied but never repeat. When the 500 numbers of a day are used up it moves to the next day.
 */
final class IdNumberAllocator {

    private static final int PER_DAY_AND_SEX = 500;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** An allocated number with the birth date it encodes (moved by a day when a day is full). */
    record Allocated(IdNumber number, LocalDate birthDate) {
    }

    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final LocalDate first;
    private final int days;
    private final short[] used;

    IdNumberAllocator(List<Region> regions, LocalDate firstBirthDate, LocalDate lastBirthDate) {
        for (Region r : regions) {
            regionIndex.putIfAbsent(r.code(), regionIndex.size());
        }
        this.first = firstBirthDate;
        this.days = Math.toIntExact(ChronoUnit.DAYS.between(firstBirthDate, lastBirthDate) + 1);
        this.used = new short[regionIndex.size() * days * 2];
    }

    Allocated allocate(Region region, LocalDate birthDate, boolean male) {
        Integer r = regionIndex.get(region.code());
        if (r == null) {
            throw new IllegalArgumentException("region not known to the allocator: " + region.code());
        }
        int day = Math.toIntExact(ChronoUnit.DAYS.between(first, birthDate));
        for (int tries = 0; tries < days; tries++, day = (day + 1) % days) {
            int key = ((r * days) + day) * 2 + (male ? 1 : 0);
            int k = used[key];
            if (k < PER_DAY_AND_SEX) {
                used[key]++;
                int seq = (int) ((scramble(key) + k) % PER_DAY_AND_SEX) * 2 + (male ? 1 : 0);
                LocalDate birth = first.plusDays(day);
                String first17 = region.code() + birth.format(BASIC) + String.format("%03d", seq);
                return new Allocated(IdNumber.withCheckDigit(first17), birth);
            }
        }
        throw new IllegalStateException("no ID numbers left for region " + region.code());
    }

    private static long scramble(int key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (h >>> 40) % PER_DAY_AND_SEX;
    }
}
