package org.zugong.cadre;

/** Where a promotion proposal stands. */
public enum PromotionStatus {
    拟提拔, 已任命, 已撤回
}
