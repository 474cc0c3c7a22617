package io.telejobs.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves names for Apache HttpClient and returns only the addresses the {@link AddressPolicy} allows.
 * The client connects to exactly these addresses, so the policy applies to the connected address, at
 * every connection.
 */
public final class PolicyDnsResolver implements DnsResolver {
  private final AddressPolicy policy;

  public PolicyDnsResolver(AddressPolicy policy) {
    this.policy = policy;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return policy.resolve(host);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    InetAddress[] all = resolve(host);
    return all.length == 0 ? host : all[0].getCanonicalHostName();
  }
}
