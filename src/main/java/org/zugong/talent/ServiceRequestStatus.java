package org.zugong.talent;

import java.util.List;

/** 服务申请的状态: 待受理 → 已受理 → 办理中 → 已办结 → 已评价, or 不予受理 / 已撤回. */
public enum ServiceRequestStatus {
    SUBMITTED("待受理"), ACCEPTED("已受理"), IN_PROGRESS("办理中"), FINISHED("已办结"), CLOSED("已评价"), REJECTED("不予受理"),
    WITHDRAWN("已撤回");

    /** The states in which the request is still on an officer's desk (an SLA clock runs). */
    static final List<ServiceRequestStatus> OPEN = List.of(SUBMITTED, ACCEPTED, IN_PROGRESS);

    private final String label;

    ServiceRequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return OPEN.contains(this);
    }
}
