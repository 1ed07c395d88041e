package org.zugong.cadre;

/** 管理层级: which Party committee manages the cadre (干部管理权限). */
public enum ManagementLevel {
    市管,
    县管,
    其他
}
