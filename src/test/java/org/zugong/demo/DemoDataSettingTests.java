package org.zugong.demo;

import org.junit.jupiter.api.Test;
import org.zugong.platform.db.DatabaseMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo logins exist only when asked for: by default only on the embedded database, never on an external one. */
class DemoDataSettingTests {

    @Test
    void byDefaultAnExternalDatabaseGetsNoDemoDataAndNoDemoLogins() {
        assertThat(DemoDataLoader.wanted("auto", DatabaseMode.EXTERNAL)).isFalse();
        assertThat(DemoDataLoader.wanted(null, DatabaseMode.EXTERNAL)).isFalse();
        assertThat(DemoDataLoader.wanted("", DatabaseMode.EXTERNAL)).isFalse();
        assertThat(DemoDataLoader.wanted("auto", DatabaseMode.EMBEDDED)).isTrue();
    }

    @Test
    void anExplicitSettingWinsAndAnUnknownOneStopsTheStart() {
        assertThat(DemoDataLoader.wanted("false", DatabaseMode.EMBEDDED)).isFalse();
        assertThat(DemoDataLoader.wanted("TRUE", DatabaseMode.EXTERNAL)).isTrue();
        assertThatThrownBy(() -> DemoDataLoader.wanted("yes", DatabaseMode.EXTERNAL)).hasMessageContaining("true, false or auto");
    }
}
