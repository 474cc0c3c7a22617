package io.telejobs.ingest.cli;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.telejobs.contracts.Json;
import io.telejobs.ingest.discover.Discovery;
import io.telejobs.ingest.fetch.FetchException;
import io.telejobs.ingest.fetch.FetchPolicy;
import io.telejobs.ingest.fetch.FetchResult;
import io.telejobs.ingest.fetch.HostGate;
import io.telejobs.ingest.fetch.HttpFetcher;
import io.telejobs.net.AddressPolicy;
import io.telejobs.net.OutboundHttp;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Says which system serves a career site's jobs and prints the sources-file entry to add.
 *
 * <pre>
 * usage: discover CAREER-PAGE-URL
 * </pre>
 *
 * The page and its robots.txt are fetched politely (robots.txt obeyed, our User-Agent). The exit
 * status is 1 when nothing was found or the page could not be fetched.
 */
public final class DiscoverCommand {
  private DiscoverCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println("usage: discover CAREER-PAGE-URL\nSays which system serves the site's jobs and prints the "
          + "sources-file entry that reads it.");
      return;
    }
    System.exit(run(args[0], System.out, System.err,
        AddressPolicy.withAllowlist(System.getenv().getOrDefault("APP_FETCH_ALLOWLIST", ""))));
  }

  static int run(String target, PrintStream out, PrintStream err, AddressPolicy addresses) throws Exception {
    if (!target.startsWith("http://") && !target.startsWith("https://")) {
      err.println("discover: give the career page's address, starting with https://");
      return 1;
    }
    FetchPolicy policy = FetchPolicy.of(
        System.getenv().getOrDefault("APP_USER_AGENT", "telejobs-bot/0.1 (+https://github.com/telejobs/telejobs#crawling-etiquette)"),
        "telejobs-bot", Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(20), 5 * 1024 * 1024);
    try (HttpFetcher fetcher = new HttpFetcher(policy, HostGate.system(),
        new OutboundHttp(HttpFetcher.clientSettings(policy, addresses)))) {
      FetchResult page;
      try {
        page = fetcher.fetch(URI.create(target));
      } catch (FetchException e) {
        err.println("discover: " + e.getMessage());
        return 1;
      }
      URI finalUrl = page.finalUrl();
      List<String> sitemaps = List.of();
      URI robots = finalUrl.resolve("/robots.txt");
      try {
        FetchResult r = fetcher.fetch(robots);
        BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(robots.toString(),
            r.body().getBytes(StandardCharsets.UTF_8), "text/plain", List.of("telejobs-bot"));
        sitemaps = rules.getSitemaps();
      } catch (FetchException e) {
        err.println("discover: no robots.txt sitemaps (" + e.getMessage() + ")");
      }
      List<Discovery.Finding> findings = Discovery.inPage(finalUrl, page.body(), sitemaps);
      if (findings.isEmpty()) {
        err.println("discover: no job system found on " + finalUrl
            + " — try the extract command on one posting page, or a listing source with CSS selectors");
        return 1;
      }
      for (Discovery.Finding f : findings) {
        out.println("Found " + f.system() + " (" + f.evidence() + ")");
        if (f.entry() != null) {
          out.println("  add to the sources file: " + Json.mapper().writeValueAsString(f.entry()));
        }
        if (f.note() != null) {
          out.println("  note: " + f.note());
        }
      }
      return 0;
    }
  }
}
