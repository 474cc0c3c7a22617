package io.telejobs.notifier.subscriptions;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which webhook URLs may be called. By default only public http(s) addresses: loopback, link-local,
 * site-local (private) and wildcard addresses are refused, so that a subscriber cannot make the notifier
 * call into our own network. Hosts on the allowlist (config) are accepted as they are, for tests and
 * internal receivers.
 */
public final class WebhookPolicy {
  private final Set<String> allowlist;

  /** @param allowlist host names or IPs accepted even when private, lower case */
  public WebhookPolicy(Set<String> allowlist) {
    this.allowlist = Set.copyOf(allowlist);
  }

  /** Why the URL is refused, or null when it may be called. */
  public String problemWith(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return "not a valid URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "must be an http or https URL";
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      return "must name a host";
    }
    if (uri.getUserInfo() != null) {
      return "must not contain credentials";
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (allowlist.contains(h)) {
      return null;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(h)) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
            || a.isMulticastAddress() || isUniqueLocalV6(a)) {
          return "points at a private, loopback or link-local address, which is not allowed";
        }
      }
    } catch (UnknownHostException e) {
      return "host does not resolve";
    }
    return null;
  }

  private static boolean isUniqueLocalV6(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 16 && (b[0] & 0xfe) == 0xfc;
  }
}
