package org.zugong.supervision;

/** Why a report is checked: the annual random draw, or a promotion (凡提必核). */
public enum CheckReason {
    随机抽查, 凡提必核
}
