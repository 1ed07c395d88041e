package org.zugong.talent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose address the public verification counts: X-Forwarded-For is believed from the trusted proxies only (loopback by
 * default, not every private network as Tomcat's own default), and an IPv6 client is counted by its /64.
 */
class CardVerificationClientAddressTests extends IntegrationTest {

    @Autowired
    TomcatServerProperties tomcat;

    @Autowired
    CardVerificationThrottle throttle;

    @LocalServerPort
    int port;

    @Test
    void onlyLoopbackIsATrustedProxyByDefaultSoAPrivateNetworkClientCannotChooseItsAddress() {
        Pattern trusted = Pattern.compile(tomcat.getRemoteip().getInternalProxies());
        assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(trusted.matcher("::1").matches()).isTrue();
        for (String client : new String[] {"10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.1.1", "100.64.0.1", "127.0.0.12", "127x0y0z1"}) {
            assertThat(trusted.matcher(client).matches()).as(client).isFalse();
        }
    }

    @Test
    void behindTheLoopbackProxyTheForwardedAddressIsTheCountedAndLoggedClient() throws Exception {
        String digits = String.format("98%010d", Instant.now().toEpochMilli() % 10_000_000_000L);
        String number = "YC" + digits + TalentCardNumber.check(digits);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/talent-cards/" + number + "/verify"))
                .header("X-Forwarded-For", "203.0.113.71").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT client_ip FROM talent_card_verification WHERE number = :n").param("n", number).query(String.class).list())
                .containsExactly("203.0.113.71");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(CardVerificationThrottle.clientKey("2001:db8:71:2:aaaa:bbbb:cccc:1")).isEqualTo("2001:db8:71:2::/64");
        assertThat(CardVerificationThrottle.clientKey("2001:0db8:0071:0002::9")).isEqualTo("2001:db8:71:2::/64");
        assertThat(CardVerificationThrottle.clientKey("2001:db8:71:3::1")).isEqualTo("2001:db8:71:3::/64");
        assertThat(CardVerificationThrottle.clientKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(CardVerificationThrottle.clientKey("::ffff:10.7.1.2")).isEqualTo("10.7.1.2");
        assertThat(CardVerificationThrottle.clientKey("10.7.1.2")).isEqualTo("10.7.1.2");

        // twenty requests from twenty addresses of one /64 use its minute budget: the next address of it is refused
        Instant at = Instant.parse("2030-01-02T10:00:05Z");
        for (int i = 1; i <= 20; i++) {
            assertThat(throttle.admit("2001:db8:71:2::" + Integer.toHexString(i), at).allowed()).isTrue();
        }
        assertThat(throttle.admit("2001:db8:71:2:ffff::1", at).allowed()).isFalse();
        assertThat(throttle.admit("2001:db8:71:3::1", at).allowed()).as("another /64").isTrue();
    }
}
