package io.telejobs.analytics.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telejobs.analytics.market.Csv;
import io.telejobs.analytics.market.JobFact;
import io.telejobs.analytics.market.MarketQuery;
import io.telejobs.analytics.market.MarketStats;
import io.telejobs.contracts.Json;
import io.telejobs.web.Routes;
import io.telejobs.web.StaticAssets;
import io.telejobs.web.WebRequest;
import io.telejobs.web.WebResponse;
import io.telejobs.web.WebServer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The market dashboard and its statistics API.
 *
 * <pre>
 * GET /                 the dashboard (charts drawn by Apache ECharts, served from its WebJar: no CDN)
 * GET /api/days         the days that hold data (first-seen days), oldest first
 * GET /api/stats        statistics for a range and filters; ?format=csv&amp;table=series|pay|workModes|employers|skills|certifications
 * GET /api/jobs         the latest matched jobs for the filters (?limit=, at most 200); ?format=csv
 * GET /api/internal/facts  this instance's own job facts, for the other instances (several instances share the
 *                       partitions; each answers for all of them by asking the others)
 * </pre>
 *
 * Parameters: {@code from}, {@code to} (ISO dates, default the last 90 days), {@code interval} (day, week,
 * month), filters {@code tier, level, band, country, workMode, currency, company, skill, certification, industry}
 * (comma-separated). Mistakes are a 400 that says what is wrong.
 */
public final class AnalyticsApi implements AutoCloseable {
  /** The stores cannot be read now (starting or rebalancing). */
  public static final class NotReady extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotReady() {
      super("the statistics are loading; try again in a few seconds", null, false, false);
    }
  }

  private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/";

  private final WebServer.Settings settings;
  private final Supplier<List<JobFact>> facts;
  private final Supplier<List<JobFact>> localFacts;
  private final Clock clock;
  private WebServer server;

  /**
   * @param facts every job fact of the application (all instances)
   * @param localFacts this instance's own, served to the other instances
   */
  public AnalyticsApi(WebServer.Settings settings, Supplier<List<JobFact>> facts, Supplier<List<JobFact>> localFacts,
      Clock clock) {
    this.settings = settings;
    this.facts = facts;
    this.localFacts = localFacts;
    this.clock = clock;
  }

  public void start() {
    this.server = WebServer.start(settings, routes());
  }

  public int port() {
    return server.port();
  }

  Routes routes() {
    return new Routes()
        .get("/", r -> WebResponse.html(200, Dashboard.page()))
        .get("/api/days", r -> answer(this::days))
        .get("/api/stats", r -> answer(() -> stats(r)))
        .get("/api/jobs", r -> answer(() -> jobs(r)))
        .get("/api/internal/facts", r -> answer(() -> WebResponse.json(200, localFacts.get())))
        .assets(new StaticAssets("/assets/", "web/assets/"))
        .assets(new StaticAssets("/vendor/echarts/", ECHARTS));
  }

  private interface Answer {
    WebResponse get() throws Exception;
  }

  private static WebResponse answer(Answer a) throws Exception {
    try {
      return a.get();
    } catch (NotReady e) {
      return WebResponse.error(503, "statistics", e.getMessage()).withHeader("Retry-After", "5");
    }
  }

  private WebResponse days() {
    TreeSet<LocalDate> days = new TreeSet<>();
    facts.get().forEach(f -> days.add(f.firstSeen()));
    ObjectNode out = Json.mapper().createObjectNode();
    ArrayNode list = out.putArray("days");
    days.forEach(d -> list.add(d.toString()));
    return WebResponse.json(200, out);
  }

  private MarketQuery.Parsed query(WebRequest r) {
    Map<String, String> params = new HashMap<>();
    for (String name : List.of("from", "to", "interval", "tier", "level", "band", "country", "workMode", "currency", "company",
        "skill", "certification", "industry")) {
      String v = r.query(name);
      if (v != null) {
        params.put(name, v);
      }
    }
    return MarketQuery.parse(params, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  private static WebResponse problems(List<String> problems) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("error", String.join("; ", problems));
    ArrayNode all = out.putArray("errors");
    problems.forEach(all::add);
    return WebResponse.json(400, out);
  }

  private WebResponse stats(WebRequest r) {
    MarketQuery.Parsed parsed = query(r);
    if (parsed.query() == null) {
      return problems(parsed.problems());
    }
    MarketStats.Result result = MarketStats.compute(facts.get(), parsed.query());
    if ("csv".equals(r.query("format"))) {
      String table = r.query("table") == null ? "series" : r.query("table");
      if (!Csv.TABLES.contains(table)) {
        return problems(List.of("'table' must be one of " + String.join(", ", Csv.TABLES) + ", not '" + cut(table) + "'"));
      }
      return WebResponse.text(200, "text/csv; charset=utf-8", Csv.of(result, table))
          .withHeader("Content-Disposition", "attachment; filename=\"telejobs-" + table + ".csv\"");
    }
    return WebResponse.json(200, Json.mapper().valueToTree(result));
  }

  private WebResponse jobs(WebRequest r) {
    MarketQuery.Parsed parsed = query(r);
    if (parsed.query() == null) {
      return problems(parsed.problems());
    }
    int limit = 20;
    String l = r.query("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l.strip());
      } catch (NumberFormatException e) {
        return problems(List.of("'limit' must be a number from 1 to 200"));
      }
      if (limit < 1 || limit > 200) {
        return problems(List.of("'limit' must be a number from 1 to 200"));
      }
    }
    MarketQuery q = parsed.query();
    List<JobFact> latest = facts.get().stream()
        .filter(q::admits)
        .filter(f -> !f.firstSeen().isBefore(q.from()) && !f.firstSeen().isAfter(q.to()))
        .sorted(Comparator.comparing(JobFact::firstSeen).reversed().thenComparing(JobFact::id))
        .limit(limit).toList();
    if ("csv".equals(r.query("format"))) {
      StringBuilder b = new StringBuilder("first_seen,title,company,country,work_mode,tier,level,closed_on,link\n");
      for (JobFact f : latest) {
        b.append(f.firstSeen()).append(',').append(Csv.field(f.title())).append(',')
            .append(Csv.field(f.company() == null ? "" : f.company())).append(',')
            .append(f.country() == null ? "" : f.country()).append(',').append(f.workMode()).append(',').append(f.tier())
            .append(',').append(f.level()).append(',').append(f.closedOn() == null ? "" : f.closedOn()).append(',')
            .append(Csv.field(f.link() == null ? "" : f.link())).append('\n');
      }
      return WebResponse.text(200, "text/csv; charset=utf-8", b.toString())
          .withHeader("Content-Disposition", "attachment; filename=\"telejobs-latest-jobs.csv\"");
    }
    ObjectNode out = Json.mapper().createObjectNode();
    out.set("jobs", Json.mapper().valueToTree(latest));
    return WebResponse.json(200, out);
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
