package org.zugong.supervision;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zugong.cadre.SanctionEnded;
import org.zugong.cadre.SanctionRecorded;

/**
 * Measures recorded in the cadre file — from the supervision API or the cadre file page alike — are
 * announced as supervision events too, so that the warning rules follow one stream. Runs in the
 * publishing transaction (synchronous), so the two events commit or roll back together.
 */
@Component
class MeasureEvents {

    private final ApplicationEventPublisher events;

    MeasureEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(SanctionRecorded e) {
        SupervisionKind.ofMeasure(e.kind()).ifPresent(k ->
                events.publishEvent(new SupervisionRecordCreated(e.personId(), RecordRef.cadre(e.recordId()).toString(), k, e.effectStart())));
    }

    @EventListener
    void on(SanctionEnded e) {
        SupervisionKind.ofMeasure(e.kind()).ifPresent(k ->
                events.publishEvent(new SupervisionRecordClosed(e.personId(), RecordRef.cadre(e.recordId()).toString(), k, e.effectEnd())));
    }
}
