package io.telejobs.notifier.subscriptions;

import io.telejobs.net.AddressPolicy;
import io.telejobs.net.AddressRefusedException;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which webhook URLs may be registered: http(s), a host, no credentials, a port from 1 to 65535, and a
 * host that resolves to addresses the {@link AddressPolicy} allows (public addresses only, unless the
 * host is allowlisted). This is the check at registration, for a clear message; the one that protects is
 * applied again by the HTTP client to the address it connects to, at every delivery.
 */
public final class WebhookPolicy {
  private final AddressPolicy addresses;

  public WebhookPolicy(AddressPolicy addresses) {
    this.addresses = addresses;
  }

  /** The address policy deliveries connect under. */
  public AddressPolicy addresses() {
    return addresses;
  }

  /** Why the URL is refused, in words for the subscriber, or null when it may be registered. */
  public String problemWith(String url) {
    String problem = addresses.problemWithUrl(url);
    if (problem != null) {
      return problem;
    }
    String host = URI.create(url.strip()).getHost();
    if (addresses.allowlisted(host)) {
      return null;
    }
    try {
      addresses.resolve(host);
      return null;
    } catch (AddressRefusedException e) {
      return "points at " + e.reason() + ", which is not allowed";
    } catch (UnknownHostException e) {
      return "its host does not resolve";
    }
  }
}
