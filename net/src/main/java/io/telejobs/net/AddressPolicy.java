package io.telejobs.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses the pipeline may connect to on behalf of someone else: a subscriber's webhook, a page a
 * crawled site links or redirects to. One policy for both, applied to the address that is actually
 * connected to (see {@link PolicyDnsResolver}), not only to the name when it is registered.
 *
 * <p>Refused: every block of the IANA IPv4 and IPv6 Special-Purpose Address Registries that is not
 * globally reachable (loopback, private, shared/CGN 100.64.0.0/10 with cloud metadata 100.100.100.200,
 * link-local with 169.254.169.254, "this network" 0.0.0.0/8, IETF protocol assignments, benchmarking,
 * documentation, multicast, reserved, broadcast; IPv6 loopback, unspecified, unique-local, link-local,
 * site-local, multicast, discard-only, documentation, the IETF block with Teredo), and every IPv6 address
 * outside global unicast 2000::/3. IPv6 forms that embed an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by
 * the IPv4 address they carry.
 *
 * <p>Hosts on the allowlist (names or literal addresses, as written in URLs) are accepted as they are:
 * the local run's sample sites and tests on 127.0.0.1, internal receivers an operator trusts.
 *
 * <p>Plain Java, no I/O except {@link #resolve}, which asks the system resolver.
 */
public final class AddressPolicy {
  private static final List<V4Block> V4_REFUSED = List.of(
      v4("0.0.0.0", 8, "\"this network\""),
      v4("10.0.0.0", 8, "a private address"),
      v4("100.64.0.0", 10, "a shared (carrier-grade NAT / cloud metadata) address"),
      v4("127.0.0.0", 8, "a loopback address"),
      v4("169.254.0.0", 16, "a link-local (cloud metadata) address"),
      v4("172.16.0.0", 12, "a private address"),
      v4("192.0.0.0", 24, "an IETF protocol assignment"),
      v4("192.0.2.0", 24, "a documentation address"),
      v4("192.88.99.0", 24, "a deprecated 6to4 relay address"),
      v4("192.168.0.0", 16, "a private address"),
      v4("198.18.0.0", 15, "a benchmarking address"),
      v4("198.51.100.0", 24, "a documentation address"),
      v4("203.0.113.0", 24, "a documentation address"),
      v4("224.0.0.0", 4, "a multicast address"),
      v4("255.255.255.255", 32, "the broadcast address"),
      v4("240.0.0.0", 4, "a reserved address"));

  private static final List<V6Block> V6_REFUSED = List.of(
      v6("::", 128, "the unspecified address"),
      v6("::1", 128, "a loopback address"),
      v6("64:ff9b:1::", 48, "a local-use translation address"),
      v6("100::", 64, "a discard-only address"),
      v6("2001::", 23, "an IETF protocol assignment (Teredo, ORCHID, ...)"),
      v6("2001:db8::", 32, "a documentation address"),
      v6("3fff::", 20, "a documentation address"),
      v6("5f00::", 16, "a segment-routing address"),
      v6("fc00::", 7, "a unique-local (private) address"),
      v6("fe80::", 10, "a link-local address"),
      v6("fec0::", 10, "a site-local address"),
      v6("ff00::", 8, "a multicast address"));

  private final Set<String> allowlist;

  /** @param allowlist host names or literal addresses accepted whatever they resolve to; any case */
  public AddressPolicy(Set<String> allowlist) {
    Set<String> lower = new java.util.HashSet<>();
    for (String h : allowlist) {
      String s = h.strip().toLowerCase(Locale.ROOT);
      if (s.startsWith("[") && s.endsWith("]")) {
        s = s.substring(1, s.length() - 1);
      }
      if (!s.isEmpty()) {
        lower.add(s);
      }
    }
    this.allowlist = Set.copyOf(lower);
  }

  /** A policy that allows only globally reachable addresses. */
  public static AddressPolicy publicOnly() {
    return new AddressPolicy(Set.of());
  }

  /** A policy from a comma-separated list of allowed hosts, as environment variables give it. */
  public static AddressPolicy withAllowlist(String commaSeparated) {
    Set<String> hosts = new java.util.HashSet<>();
    for (String h : commaSeparated == null ? new String[0] : commaSeparated.split(",")) {
      if (!h.isBlank()) {
        hosts.add(h);
      }
    }
    return new AddressPolicy(hosts);
  }

  /** The hosts accepted whatever they resolve to, lower case. */
  public Set<String> allowlist() {
    return allowlist;
  }

  /** True when the host is on the allowlist. */
  public boolean allowlisted(String host) {
    return host != null && allowlist.contains(bare(host));
  }

  /**
   * What is wrong with a URL before any name is resolved, or null: it must be http or https, name a host,
   * carry no credentials, and have a port from 1 to 65535. A literal address in it is checked here too.
   */
  public String problemWithUrl(String url) {
    if (url == null || url.isBlank()) {
      return "no URL given";
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      return "not a valid URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "must be an http or https URL";
    }
    if (uri.getRawAuthority() == null) {
      return "must name a host";
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
      return "must not contain a user name or password";
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      // java.net.URI leaves the host empty when the port is not a number or out of int range
      return uri.getRawAuthority().matches(".*:[^\\]]*$") ? "has a port that is not a number from 1 to 65535"
          : "must name a host";
    }
    int port = uri.getPort();
    if (port == 0 || port > 65535 || (port < 0 && uri.getRawAuthority().endsWith(":"))) {
      return "has a port that is not a number from 1 to 65535";
    }
    if (allowlisted(host)) {
      return null;
    }
    InetAddress literal = literal(bare(host));
    if (literal != null) {
      String why = problemWithAddress(literal);
      return why == null ? null : "points at " + why + ", which is not allowed";
    }
    return null;
  }

  /** Why an address may not be connected to, or null when it is globally reachable. */
  public String problemWithAddress(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return v4Problem(b);
    }
    byte[] embedded = embeddedV4(b);
    if (embedded != null) {
      String why = v4Problem(embedded);
      return why == null ? null : why + " inside an IPv6 address";
    }
    for (V6Block block : V6_REFUSED) {
      if (block.contains(b)) {
        return block.why();
      }
    }
    if ((b[0] & 0xe0) != 0x20) {
      return "an IPv6 address outside global unicast (2000::/3)";
    }
    return null;
  }

  /**
   * Resolves a host and keeps only the addresses the policy allows. An allowlisted host keeps all of
   * them. Throws when nothing is left, naming why.
   */
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String h = bare(host);
    InetAddress[] all = InetAddress.getAllByName(h);
    if (allowlisted(h)) {
      return all;
    }
    List<InetAddress> ok = new ArrayList<>(all.length);
    String firstProblem = null;
    for (InetAddress a : all) {
      String why = problemWithAddress(a);
      if (why == null) {
        ok.add(a);
      } else if (firstProblem == null) {
        firstProblem = why;
      }
    }
    if (ok.isEmpty()) {
      throw new AddressRefusedException(host, firstProblem);
    }
    return ok.toArray(new InetAddress[0]);
  }

  private static String v4Problem(byte[] b) {
    int ip = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    for (V4Block block : V4_REFUSED) {
      if (block.contains(ip)) {
        return block.why();
      }
    }
    return null;
  }

  /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
  static byte[] embeddedV4(byte[] b) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) {
      firstTenZero &= b[i] == 0;
    }
    if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return new byte[] {b[12], b[13], b[14], b[15]}; // ::ffff:a.b.c.d
    }
    if (firstTenZero && b[10] == 0 && b[11] == 0) {
      boolean upperZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
      if (!upperZero || (b[15] & 0xff) > 1) {
        return new byte[] {b[12], b[13], b[14], b[15]}; // ::a.b.c.d (but not :: and ::1)
      }
      return null;
    }
    if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      boolean middleZero = true;
      for (int i = 4; i < 12; i++) {
        middleZero &= b[i] == 0;
      }
      if (middleZero) {
        return new byte[] {b[12], b[13], b[14], b[15]}; // 64:ff9b::a.b.c.d (NAT64)
      }
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]}; // 2002:aabb:ccdd::/48 (6to4)
    }
    return null;
  }

  /** A literal IPv4 or IPv6 address, or null for a name. Never asks a resolver. */
  static InetAddress literal(String host) {
    if (host.isEmpty()) {
      return null;
    }
    boolean v6 = host.indexOf(':') >= 0;
    boolean v4 = !v6 && host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    if (!v4 && !v6) {
      return null;
    }
    try {
      // getByName does not resolve a literal; it parses it
      InetAddress a = InetAddress.getByName(host);
      return (a instanceof Inet4Address || a instanceof Inet6Address) ? a : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String bare(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1); // "localhost." is localhost
    }
    return h;
  }

  private record V4Block(int network, int mask, String why) {
    boolean contains(int ip) {
      return (ip & mask) == network;
    }
  }

  private record V6Block(byte[] prefix, int bits, String why) {
    boolean contains(byte[] b) {
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (prefix[full] & mask);
    }
  }

  private static V4Block v4(String network, int prefix, String why) {
    byte[] b = literal(network).getAddress();
    int ip = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    return new V4Block(ip & mask, mask, why);
  }

  private static V6Block v6(String network, int prefix, String why) {
    return new V6Block(literal(network).getAddress(), prefix, why);
  }
}
