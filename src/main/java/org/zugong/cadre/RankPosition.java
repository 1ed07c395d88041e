package org.zugong.cadre;

import java.util.stream.Stream;

/**
 * 职务或职级: what a civil servant currently holds and counts service in — either a 综合管理类 rank
 * ({@link Rank}, 职级) or a leading post ({@link RankLeadingPost}, 领导职务), per the
 * 公务员职务与职级并行规定 (2019).
 */
public sealed interface RankPosition permits Rank, RankLeadingPost {

    /** The Chinese name as written in the regulation, e.g. 一级主任科员 or 县处级副职. */
    String chineseName();

    /** Finds a rank or leading post by its Chinese name. */
    static RankPosition ofChineseName(String name) {
        String wanted = name.strip();
        return Stream.<RankPosition>concat(Stream.of(Rank.values()), Stream.of(RankLeadingPost.values()))
                .filter(p -> p.chineseName().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rank or leading post: " + name));
    }
}
