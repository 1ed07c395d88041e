package org.zugong.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/** Pages that show personal data are never stored by the browser or a proxy. */
public final class PageCaching {

    private PageCaching() {
    }

    public static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
