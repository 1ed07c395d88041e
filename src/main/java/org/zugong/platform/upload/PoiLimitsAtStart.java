package org.zugong.platform.upload;

import org.springframework.stereotype.Component;

/** Sets POI's zip-bomb limits when the application starts, before any request can read a workbook. */
@Component
class PoiLimitsAtStart {

    PoiLimitsAtStart() {
        Xlsx.applyLimits();
    }
}
