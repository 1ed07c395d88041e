package org.zugong.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.zugong.recruitment.Timeline.Extension;
import org.zugong.recruitment.Timeline.Introducer;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.Meeting;
import org.zugong.recruitment.Timeline.PoliticalReview;
import org.zugong.recruitment.Timeline.PreReview;
import org.zugong.recruitment.Timeline.PreReviewLevel;
import org.zugong.recruitment.Timeline.PublicNotice;
import org.zugong.recruitment.Timeline.Training;

/** A mutable timeline for tests: {@link #valid()} is a whole development without a violation. */
final class TimelineFixture {

    String ruleSet;
    LocalDate birth, application, talk, activist, target, approval, conversionApproval;
    String approvalSpecialReason;
    List<LocalDate> assessments = new ArrayList<>();
    List<Introducer> introducers = new ArrayList<>();
    PoliticalReview review;
    Training training;
    PublicNotice notice;
    List<PreReview> preReviews = new ArrayList<>();
    Meeting admission, conversion;
    List<Extension> extensions = new ArrayList<>();

    static LocalDate d(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    }

    /** Application 2022-01-10 … admission 2023-06-01, conversion approved 2024-06-20: no violation. */
    static TimelineFixture valid() {
        TimelineFixture f = new TimelineFixture();
        f.birth = d("1990-05-10");
        f.application = d("2022-01-10");
        f.talk = d("2022-01-20");
        f.activist = d("2022-03-01");
        f.assessments = new ArrayList<>(List.of(d("2022-09-01"), d("2023-03-01")));
        f.target = d("2023-03-06");
        f.introducers = new ArrayList<>(List.of(new Introducer(IntroducerStatus.FULL), new Introducer(IntroducerStatus.FULL)));
        f.review = new PoliticalReview(d("2023-05-10"), true);
        f.training = new Training(3, 24);
        f.notice = new PublicNotice(d("2023-03-06"), d("2023-03-10"));
        f.preReviews = new ArrayList<>(List.of(new PreReview(PreReviewLevel.PARTY_COMMITTEE, d("2023-05-20"), true),
                new PreReview(PreReviewLevel.COUNTY_DEPARTMENT, d("2023-05-25"), true)));
        f.admission = new Meeting(d("2023-06-01"), 20, 18, 17, 1);
        f.approval = d("2023-07-15");
        f.conversion = new Meeting(d("2024-06-05"), 20, 19, 19, 0);
        f.conversionApproval = d("2024-06-20");
        return f;
    }

    static Meeting meeting(String date) {
        return new Meeting(d(date), 20, 18, 18, 0);
    }

    Timeline build() {
        return new Timeline(ruleSet, birth, application, talk, activist, assessments, target, introducers, review, training,
                notice, preReviews, admission, approval, extensions, conversion, conversionApproval, approvalSpecialReason);
    }
}
