package org.zugong.cadre;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A whole 干部档案 as read: the profile and every history, ordered as the 任免审批表 prints them.
 * Education, resume and family use the same shapes as the LRMX form because they are the form's.
 */
public record CadreFile(CadreProfile profile, List<CadrePost> posts, List<CadreRankEntry> ranks,
                        List<LrmxResumeLine> resume, LrmxEducation fullTimeEducation, LrmxEducation inServiceEducation,
                        List<CadreRecord> records, List<AnnualResult> annualResults, List<LrmxFamilyMember> family) {

    public CadreFile {
        posts = List.copyOf(posts);
        ranks = List.copyOf(ranks);
        resume = List.copyOf(resume);
        records = List.copyOf(records);
        annualResults = List.copyOf(annualResults);
        family = List.copyOf(family);
    }

    public List<CadrePost> currentPosts() {
        return posts.stream().filter(CadrePost::current).toList();
    }

    public Optional<CadreRankEntry> currentRank() {
        return ranks.stream().filter(r -> r.endDate() == null).reduce((a, b) -> b);
    }

    public List<CadreRecord> measuresInForce(LocalDate day) {
        return records.stream().filter(r -> r.inForce(day)).toList();
    }
}
