package io.telejobs.ingest.cli;

import io.telejobs.contracts.Json;
import io.telejobs.contracts.JobPosting;
import io.telejobs.ingest.crawl.PostingFactory;
import io.telejobs.ingest.crawl.UrlCanonicalizer;
import io.telejobs.ingest.extract.Extraction;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.extract.PostingDraft;
import io.telejobs.ingest.fetch.FetchException;
import io.telejobs.ingest.fetch.FetchPolicy;
import io.telejobs.ingest.fetch.FetchResult;
import io.telejobs.ingest.fetch.HostGate;
import io.telejobs.ingest.fetch.HttpFetcher;
import io.telejobs.net.AddressPolicy;
import io.telejobs.net.OutboundHttp;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints the postings a page holds, as JSON lines, with no Kafka: for debugging a new source.
 *
 * <pre>
 * usage: extract URL|FILE [--source NAME]
 * </pre>
 *
 * A URL is fetched politely (robots.txt, User-Agent); a file is read as it is saved. Problems with the
 * page's structured data are printed to stderr; the exit status is 1 when nothing could be read.
 */
public final class ExtractCommand {
  private ExtractCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println("usage: extract URL|FILE [--source NAME]\nPrints the JobPostings a page holds as JSON lines.");
      return;
    }
    String source = "extract";
    for (int i = 1; i < args.length - 1; i++) {
      if (args[i].equals("--source")) {
        source = args[i + 1];
      }
    }
    System.exit(run(args[0], source, System.out, System.err,
        AddressPolicy.withAllowlist(System.getenv().getOrDefault("APP_FETCH_ALLOWLIST", ""))));
  }

  static int run(String target, String source, PrintStream out, PrintStream err, AddressPolicy addresses)
      throws IOException, InterruptedException {
    String html;
    String base;
    if (target.startsWith("http://") || target.startsWith("https://")) {
      FetchPolicy policy = FetchPolicy.of(
          System.getenv().getOrDefault("APP_USER_AGENT", "telejobs-bot/0.1 (+https://github.com/telejobs/telejobs#crawling-etiquette)"),
          "telejobs-bot", Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(20), 5 * 1024 * 1024);
      try (HttpFetcher fetcher = new HttpFetcher(policy, HostGate.system(),
          new OutboundHttp(HttpFetcher.clientSettings(policy, addresses)))) {
        FetchResult r = fetcher.fetch(URI.create(target));
        html = r.body();
        base = r.finalUrl().toString();
      } catch (FetchException e) {
        err.println("extract: " + e.getMessage());
        return 1;
      }
    } else {
      Path file = Path.of(target);
      html = Files.readString(file, StandardCharsets.UTF_8);
      base = file.toUri().toString();
    }
    Extraction extraction = new JsonLdExtractor().parse(html, URI.create(base));
    extraction.problems().forEach(p -> err.println("problem: " + p));
    PostingFactory factory = new PostingFactory(new UrlCanonicalizer());
    Instant now = Instant.now();
    for (PostingDraft d : extraction.postings()) {
      PostingFactory.Completed done = factory.complete(d, source, base, now);
      done.notes().forEach(n -> err.println("note: " + n));
      out.println(Json.mapper().writeValueAsString(done.posting()));
    }
    err.println("extract: " + extraction.postings().size() + " posting(s), " + extraction.problems().size() + " problem(s)");
    return extraction.postings().isEmpty() && !extraction.problems().isEmpty() ? 1 : 0;
  }
}
