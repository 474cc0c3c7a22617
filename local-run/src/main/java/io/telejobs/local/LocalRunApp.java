package io.telejobs.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.FixtureHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole pipeline on this machine with nothing installed but a JDK: an embedded Kafka broker,
 * the bundled sample career sites on localhost, ingest, matcher and notifier, and a local SMTP server
 * whose mail is written to {@code .local-run/mailbox}. Crawls once, prints a summary and exits, or keeps
 * running with {@code APP_KEEP_RUNNING=true}.
 */
public final class LocalRunApp {
  private static final String MARKER = ".telejobs-local-run";

  private LocalRunApp() {}

  public static void main(String[] args) throws Exception {
    LocalRunConfig config = LocalRunConfig.fromEnv(System.getenv());
    Path folder = config.folder().toAbsolutePath().normalize();
    deleteRecursively(folder);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(MARKER), "made by the telejobs local run; deleted at its next start\n");
    say("telejobs local run: everything runs inside this JVM; output goes to " + folder);

    say("1/5 starting the embedded Kafka broker (KRaft, single node)...");
    for (var port : Map.of(LocalRunConfig.KAFKA_PORT, config.kafkaPort(), LocalRunConfig.SUBSCRIBE_PORT,
        config.subscribePort(), LocalRunConfig.DASHBOARD_PORT, config.dashboardPort()).entrySet()) {
      if (port.getValue() > 0 && inUse(port.getValue())) {
        say("port " + port.getValue() + " is in use on this machine (another local run, or another program); "
            + "stop it, or set " + port.getKey().name() + "=0 to use any free port.");
        System.exit(2);
      }
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(folder.resolve("kafka"), false, Map.of(),
        config.kafkaPort());
        FixtureHttpServer site = FixtureHttpServer.serving("sample-sites");
        Mailbox mailbox = new Mailbox(startSmtp(), folder.resolve("mailbox")).watch()) {
      say("    broker at " + broker.bootstrapServers());
      say("2/5 sample career sites at " + site.baseUrl() + "/riverside/ and " + site.baseUrl() + "/sanjeevani/");

      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      env.put("SAMPLE_SITE_URL", site.baseUrl());
      env.putIfAbsent("APP_SOURCES_FILE", "classpath:sources/demo.json");
      env.put("APP_HOST_DELAY", config.hostDelay().toString());
      env.put("APP_FETCH_ALLOWLIST", "127.0.0.1"); // the sample sites are on loopback; nothing else private is
      env.put("APP_SMTP_HOST", "127.0.0.1");
      env.put("APP_SMTP_PORT", Integer.toString(mailbox.port()));
      env.put("APP_TOKEN_SECRET", HexFormat.of().formatHex(SecureRandom.getSeed(32)));
      env.put("KAFKA_STATE_DIR", folder.resolve("state").toString());
      int apiPort = config.subscribePort() > 0 ? config.subscribePort() : freePort();
      env.put("APP_HTTP_PORT", Integer.toString(apiPort));
      env.put("APP_PUBLIC_URL", "http://127.0.0.1:" + apiPort);
        env.put("APP_ANALYTICS_PORT", Integer.toString(config.dashboardPort()));

      say("3/5 starting matcher, notifier and analytics; subscribing the demo subscribers...");
      try (LocalPipeline pipeline = new LocalPipeline(env)) {
        pipeline.start();
        pipeline.subscribe(LocalPipeline.demoSubscriptions());
        say("    sample market history for the dashboard: " + pipeline.publishSampleHistory()
            + " sample jobs over 90 days (labelled as sample data; never sent to subscribers)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "local-run-stop"));
        int round = 0;
        do {
          round++;
          say("4/5 crawling the sample sites (round " + round + ")...");
          LocalPipeline.Summary s = pipeline.crawlOnce(Duration.ofSeconds(3), Duration.ofMinutes(2));
          Path index = mailbox.write();
          summary(s, mailbox.received(), index, site.baseUrl(), "http://127.0.0.1:" + apiPort + "/",
              "http://127.0.0.1:" + pipeline.dashboardPort() + "/");
        } while (config.keepRunning() && !stop.await(config.interval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        say("5/5 stopping: services, broker, SMTP server.");
      }
    }
  }

  private static GreenMail startSmtp() {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  private static boolean inUse(int port) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      return false;
    } catch (java.io.IOException e) {
      return true;
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void summary(LocalPipeline.Summary s, int inbox, Path index, String site, String api,
      String stats) {
    say("");
    say("==================== telejobs local run: summary ====================");
    say("  pages fetched ........ " + s.crawl().pagesFetched());
    say("  postings found ....... " + s.crawl().postingsFound() + " (new: " + s.crawl().newPostings() + ", changed: "
        + (s.crawl().published() - s.crawl().newPostings()) + ", unchanged: " + s.crawl().unchanged() + ", closed: "
        + s.crawl().closed() + ")");
    say("  matched (live) ....... " + s.matchedLive() + "  -> topic " + Topics.MATCHED.name());
    say("  alerts decided ....... " + s.alertsDecided() + "  -> topic " + Topics.ALERTS.name());
    say("  emails delivered ..... " + s.emailsDelivered() + "  (" + inbox + " in the local mailbox)");
    say("  crawl errors ......... " + s.ingestErrors() + "  -> topic " + Topics.INGEST_ERRORS.name());
    say("  dead letters ......... " + s.deadLetters());
    if (!s.settled()) {
      say("  WARNING: the pipeline had not settled when the wait ended; counts may be partial.");
    }
    say("  open the mailbox ..... " + index.toUri());
    say("  sample sites ......... " + site + "/riverside/  " + site + "/sanjeevani/");
    say("  subscribe page ....... " + api + "  (while running; APP_KEEP_RUNNING=true keeps it up)");
    say("  market dashboard ..... " + stats + "  (while running; includes the sample history)");
    say("=====================================================================");
  }

  private static void say(String line) {
    System.out.println(line);
  }

  /** Clears the previous run's folder; refuses a folder this app did not create. */
  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    boolean ours = Files.exists(dir.resolve(MARKER));
    try (Stream<Path> entries = Files.list(dir)) {
      if (!ours && entries.findAny().isPresent()) {
        throw new IllegalStateException(dir + " is not empty and was not made by the local run; "
            + "set APP_LOCAL_DIR to a new folder");
      }
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
