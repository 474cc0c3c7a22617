package io.telejobs.ingest.fetch;

import io.telejobs.ingest.crawl.UrlCanonicalizer;
import io.telejobs.net.AddressPolicy;
import io.telejobs.net.OutboundHttp;

/** Fetchers for tests against local servers: loopback 127.0.0.1 and localhost are allowlisted, nothing else is. */
public final class TestFetchers {
  /** The address policy of the tests: the fixture servers listen on 127.0.0.1. */
  public static final AddressPolicy LOCAL = AddressPolicy.withAllowlist("127.0.0.1,localhost");

  private TestFetchers() {}

  public static HttpFetcher local(FetchPolicy policy) {
    return new HttpFetcher(policy, HostGate.system(), new OutboundHttp(HttpFetcher.clientSettings(policy, LOCAL)));
  }

  public static UrlCanonicalizer canonicalizer() {
    return new UrlCanonicalizer(LOCAL);
  }
}
