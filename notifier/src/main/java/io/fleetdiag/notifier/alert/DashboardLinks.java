package io.fleetdiag.notifier.alert;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where on fleetdiag's dashboard a person sees what a notification is about: the terminal's page, the store's, or the fleet's. */
public record DashboardLinks(URI base) {

    public DashboardLinks {
        String text = base.toString();
        base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    public String of(Notification notification) {
        if (notification.poiid() != null) {
            return base + "terminal.html?poiid=" + encode(notification.poiid());
        }
        if (notification.merchantAccount() != null && notification.store() != null) {
            return base + "store.html?merchantAccount=" + encode(notification.merchantAccount()) + "&store=" + encode(notification.store());
        }
        return base + "index.html";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
