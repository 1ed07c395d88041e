package org.zugong.talent;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The talent module's facade for other modules: registry records within the caller's jurisdiction, tiers and entitlements. */
@Service
@Transactional(readOnly = true)
public class Talents {

    private final TalentRegistry registry;

    Talents(TalentRegistry registry) {
        this.registry = registry;
    }

    /** The person's registry record, if there is one and the caller's jurisdiction covers its employer unit. */
    public Optional<TalentSummary> ofPerson(long personId) {
        return registry.ofPerson(personId);
    }

    /** The record if visible to the caller; otherwise the probe is audited and the answer is 404. */
    public TalentSummary requireVisible(long id) {
        return registry.requireVisible(id);
    }

    /** The signed-in talent's own record (an account of kind TALENT, by its person). */
    public Optional<TalentSummary> ofSelf() {
        return registry.ofSelf();
    }

    /** 人才层次 A–E, by rank. */
    public List<TalentTier> tiers() {
        return registry.tiers();
    }

    /** The entitlements (权益) of a tier, in their order. */
    public List<TalentEntitlement> entitlements(String tierCode) {
        return registry.entitlements(tierCode);
    }
}
