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
  /** Resolves a host under the policy: the system resolver by default. */
  @FunctionalInterface
  public interface Resolver {
    void resolve(String host) throws UnknownHostException;
  }

  private final AddressPolicy addresses;
  private final Resolver resolver;

  public WebhookPolicy(AddressPolicy addresses) {
    this(addresses, addresses::resolve);
  }

  /**
   * @param resolver how a host name is checked; tests and the fuzzer pass one without I/O, since the system
   *     resolver may take its own timeout (5 s by default) to answer a name that does not exist
   */
  public WebhookPolicy(AddressPolicy addresses, Resolver resolver) {
    this.addresses = addresses;
    this.resolver = resolver;
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
      resolver.resolve(host);
      return null;
    } catch (AddressRefusedException e) {
      return "points at " + e.reason() + ", which is not allowed";
    } catch (UnknownHostException e) {
      return "its host does not resolve";
    }
  }
}
