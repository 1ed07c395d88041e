package org.zugong.talent;

import java.util.List;

/** A request with its timeline (a talent sees the visible entries only) and its attachments. */
public record ServiceRequestDetail(ServiceRequestView request, List<ServiceRequestEvent> timeline, List<ServiceAttachment> attachments) {
}
