package org.zugong.cadre;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A whole 干部档案 as read: the profile and every history, ordered as the 任免审批表 prints them.
 * Education, resume and family use the same shapes as the LRMX form because they are the form's.
 * The 「三将干部」 records ({@code frontline}, F25) are no part of the LRMX form and never go into it.
 */
public record CadreFile(CadreProfile profile, List<CadrePost> posts, List<CadreRankEntry> ranks,
                        List<LrmxResumeLine> resume, LrmxEducation fullTimeEducation, LrmxEducation inServiceEducation,
                        List<CadreRecord> records, List<AnnualResult> annualResults, List<LrmxFamilyMember> family,
                        List<FrontlineRecord> frontline) {

    public CadreFile {
        posts = List.copyOf(posts);
        ranks = List.copyOf(ranks);
        resume = List.copyOf(resume);
        records = List.copyOf(records);
        annualResults = List.copyOf(annualResults);
        family = List.copyOf(family);
        frontline = List.copyOf(frontline);
    }

    public List<CadrePost> currentPosts() {
        return posts.stream().filter(CadrePost::current).toList();
    }

    public Optional<CadreRankEntry> currentRank() {
        return ranks.stream().filter(r -> r.endDate() == null).reduce((a, b) -> b);
    }

    /** Whether any 「三将干部」 record is 已认定. */
    public boolean frontlineRecognized() {
        return frontline.stream().anyMatch(FrontlineRecord::recognized);
    }

    public List<CadreRecord> measuresInForce(LocalDate day) {
        return records.stream().filter(r -> r.inForce(day)).toList();
    }
}
