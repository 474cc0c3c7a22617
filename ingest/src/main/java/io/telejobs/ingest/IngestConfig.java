package io.telejobs.ingest;

import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.config.EnvVar;
import io.telejobs.net.AddressPolicy;
import io.telejobs.ingest.fetch.FetchPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Ingest's settings, from environment variables.
 *
 * @param kafka Kafka client properties ({@code KAFKA_*})
 * @param sourcesFile path or {@code classpath:} location of the sources file
 * @param fetchPolicy politeness and limits
 * @param continuous crawl forever every {@code interval}, or once and exit
 * @param interval in continuous mode, the time from the end of one crawl of a source to the start of
 *     the next, for sources that set no {@code interval} of their own
 * @param env the raw environment, for {@code ${VAR}} substitution in the sources file
 * @param closeAfterMissedCrawls complete crawls in a row a posting may be missing before it is closed
 * @param crawlThreads how many sources are crawled at the same time
 * @param metricsPort port of the Prometheus {@code /metrics} endpoint of the service; -1 for none
 * @param fetchAllowlist hosts the crawler may reach even when they are loopback or private (the local run's
 *     sample sites, tests)
 */
public record IngestConfig(
    Properties kafka,
    String sourcesFile,
    FetchPolicy fetchPolicy,
    boolean continuous,
    Duration interval,
    Map<String, String> env,
    int closeAfterMissedCrawls,
    int crawlThreads,
    int metricsPort,
    AddressPolicy fetchAllowlist) {

  public static final EnvVar SOURCES_FILE = EnvVar.required("APP_SOURCES_FILE",
      "sources file to crawl: a path, or classpath:sources/demo.json for the bundled demo");
  public static final EnvVar USER_AGENT = EnvVar.optional("APP_USER_AGENT",
      "telejobs-bot/0.1 (+https://github.com/telejobs/telejobs#crawling-etiquette)",
      "User-Agent sent with every request; keep a contact URL in it");
  public static final EnvVar ROBOTS_AGENT = EnvVar.optional("APP_ROBOTS_AGENT", "telejobs-bot",
      "the name matched against robots.txt User-agent lines");
  public static final EnvVar HOST_DELAY = EnvVar.optional("APP_HOST_DELAY", "PT1S",
      "minimum time between two requests to one host (ISO-8601 duration or ms)");
  public static final EnvVar MAX_CRAWL_DELAY = EnvVar.optional("APP_MAX_CRAWL_DELAY", "PT30S",
      "cap on a robots.txt Crawl-delay");
  public static final EnvVar HTTP_TIMEOUT = EnvVar.optional("APP_HTTP_TIMEOUT", "PT20S",
      "connect and read timeout of one request");
  public static final EnvVar MAX_BODY_BYTES = EnvVar.optional("APP_MAX_BODY_BYTES", "5242880",
      "larger response bodies are cut off at this size and reported");
  public static final EnvVar MODE = EnvVar.optional("APP_INGEST_MODE", "once",
      "once: crawl every source and exit; continuous: crawl each source again at its interval");
  public static final EnvVar INTERVAL = EnvVar.optional("APP_CRAWL_INTERVAL", "PT6H",
      "continuous mode: time from the end of one crawl of a source to the next, unless the source sets \"interval\"");
  public static final EnvVar CRAWL_THREADS = EnvVar.optional("APP_CRAWL_THREADS", "4",
      "sources crawled at the same time (each host still gets one request at a time)");
  public static final EnvVar METRICS_PORT = EnvVar.optional("APP_METRICS_PORT", "9400",
      "port of the Prometheus /metrics endpoint (and /health) of the ingest service; off for none");

  public static final EnvVar RETRIES = EnvVar.optional("APP_FETCH_RETRIES", "3",
      "further attempts after a 429, a 5xx or a network failure");
  public static final EnvVar BACKOFF = EnvVar.optional("APP_FETCH_BACKOFF", "PT2S",
      "delay before the first retry; doubles each time, with jitter; a Retry-After header wins");
  public static final EnvVar MAX_RETRY_AFTER = EnvVar.optional("APP_MAX_RETRY_AFTER", "PT2M",
      "longest Retry-After honoured; a longer one skips the page until the next crawl");
  public static final EnvVar BREAKER_THRESHOLD = EnvVar.optional("APP_HOST_FAILURES_BEFORE_BACKOFF", "5",
      "failures in a row after which a host is left alone for APP_HOST_BACKOFF");
  public static final EnvVar BREAKER_COOLDOWN = EnvVar.optional("APP_HOST_BACKOFF", "PT10M",
      "how long a host that keeps failing is left alone");
  public static final EnvVar FETCH_ALLOWLIST = EnvVar.optional("APP_FETCH_ALLOWLIST", "",
      "comma-separated hosts the crawler may reach even when loopback or private (the local run's sample sites); "
          + "every other private, loopback, link-local or metadata address is refused, after every redirect");
  public static final EnvVar CLOSE_AFTER = EnvVar.optional("APP_CLOSE_AFTER_MISSED_CRAWLS", "2",
      "complete crawls in a row a posting may be missing before it is closed (a tombstone)");

  public static final EnvVar USAJOBS_API_KEY = EnvVar.optional("APP_USAJOBS_API_KEY", "",
      "USAJOBS search API key (Authorization-Key), needed only by usajobs sources; request one at developer.usajobs.gov");
  public static final EnvVar USAJOBS_EMAIL = EnvVar.optional("APP_USAJOBS_EMAIL", "",
      "the e-mail address registered with the USAJOBS key, sent as the User-Agent as USAJOBS requires");

  public static final EnvVar ADZUNA_APP_ID = EnvVar.optional("APP_ADZUNA_APP_ID", "",
      "Adzuna API app_id, needed only by adzuna sources; register at developer.adzuna.com");
  public static final EnvVar ADZUNA_APP_KEY = EnvVar.optional("APP_ADZUNA_APP_KEY", "",
      "Adzuna API app_key that goes with APP_ADZUNA_APP_ID");

  /** Every variable ingest reads, for --help, the README and the compose-file check. */
  public static List<EnvVar> variables() {
    List<EnvVar> all = new ArrayList<>(Env.COMMON);
    all.addAll(List.of(SOURCES_FILE, USER_AGENT, ROBOTS_AGENT, HOST_DELAY, MAX_CRAWL_DELAY,
        HTTP_TIMEOUT, MAX_BODY_BYTES, MODE, INTERVAL, CLOSE_AFTER, RETRIES, BACKOFF, MAX_RETRY_AFTER,
        BREAKER_THRESHOLD, BREAKER_COOLDOWN, CRAWL_THREADS, METRICS_PORT, FETCH_ALLOWLIST, USAJOBS_API_KEY, USAJOBS_EMAIL,
        ADZUNA_APP_ID, ADZUNA_APP_KEY));
    return List.copyOf(all);
  }

  /** Reads and checks every variable; a missing or malformed one fails with its name. */
  public static IngestConfig fromEnv(Map<String, String> environment) {
    Env env = new Env(environment);
    String mode = env.get(MODE).toLowerCase(Locale.ROOT);
    if (!mode.equals("once") && !mode.equals("continuous")) {
      throw new io.telejobs.contracts.config.ConfigException(
          MODE.name() + " must be once or continuous, was '" + mode + "'");
    }
    FetchPolicy policy = new FetchPolicy(env.get(USER_AGENT), env.get(ROBOTS_AGENT),
        env.getDuration(HOST_DELAY), env.getDuration(MAX_CRAWL_DELAY), env.getDuration(HTTP_TIMEOUT),
        env.getInt(MAX_BODY_BYTES), env.getInt(RETRIES), env.getDuration(BACKOFF), env.getDuration(MAX_RETRY_AFTER),
        env.getInt(BREAKER_THRESHOLD), env.getDuration(BREAKER_COOLDOWN));
    return new IngestConfig(env.kafkaProperties(), env.get(SOURCES_FILE), policy,
        mode.equals("continuous"), env.getDuration(INTERVAL), Map.copyOf(environment), env.getInt(CLOSE_AFTER),
        positive(env, CRAWL_THREADS), env.getPortOrOff(METRICS_PORT),
        AddressPolicy.withAllowlist(env.get(FETCH_ALLOWLIST)));
  }

  private static int positive(Env env, EnvVar var) {
    int n = env.getInt(var);
    if (n < 1) {
      throw new io.telejobs.contracts.config.ConfigException(var.name() + " must be at least 1, was " + n);
    }
    return n;
  }

}
