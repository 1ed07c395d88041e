package org.zugong.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small data set streamed in memory the way {@link ProvinceDataSet} streams it (same splits of the
 * seed, same picking of cadres and development candidates), for the generators' tests.
 */
record SampleDataSet(OrgTree tree, List<PersonRow> persons, List<CadreGenerator.Seed> cadreSeeds, CadreGenerator cadres,
                     RecruitmentGenerator recruitment, List<RecruitmentGenerator.Pick> picks) {

    static SampleDataSet generate(int orgs, long persons, long seed) {
        ProvinceCodes codes = ProvinceCodes.load();
        SplittableRandom seeds = new SplittableRandom(seed);
        SplittableRandom treeRandom = seeds.split();
        SplittableRandom personRandom = seeds.split();
        seeds.split(); // the IVs
        SplittableRandom cadreRandom = seeds.split();
        SplittableRandom recruitmentRandom = seeds.split();
        OrgTree tree = new OrgTreeBuilder(codes, treeRandom, ProvinceDataSet.AS_OF).build(orgs);
        PersonPlacement placement = PersonPlacement.of(tree, persons, personRandom);
        PersonGenerator generator = new PersonGenerator(codes, placement, new PersonTraits(codes), personRandom, ProvinceDataSet.AS_OF);
        List<CadreGenerator.Seed> cadreSeeds = new ArrayList<>();
        RecruitmentGenerator recruitment = new RecruitmentGenerator(seed, ProvinceDataSet.AS_OF, tree);
        List<RecruitmentGenerator.Pick> picks = new ArrayList<>();
        Iterator<PersonRow> rows = recruitment.picking(CadreGenerator.picking(generator, tree, 0.15, cadreRandom, ProvinceDataSet.AS_OF,
                cadreSeeds), recruitmentRandom, picks);
        List<PersonRow> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        return new SampleDataSet(tree, all, cadreSeeds, new CadreGenerator(seed, ProvinceDataSet.AS_OF), recruitment, picks);
    }
}
