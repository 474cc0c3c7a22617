package io.telejobs.ingest.discover;

import io.telejobs.ingest.extract.JsonLdExtractor;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Which system serves a career page's jobs, read from the page's own URL, the links, scripts, iframes
 * and forms it carries (an ATS's hosted board or embed), its JSON-LD postings, its feeds, and the
 * sitemaps its robots.txt names. Each finding comes with the sources-file entry that reads it. Plain
 * Java over Jsoup: no network here; the command fetches.
 */
public final class Discovery {
  private static final Pattern GREENHOUSE = Pattern.compile(
      "https?://(?:boards|job-boards)(?:\\.eu)?\\.greenhouse\\.io/(?:embed/job_board(?:/js)?\\?(?:.*&)?for=([A-Za-z0-9._-]+)|(?!embed)([A-Za-z0-9._-]+))");
  private static final Pattern LEVER = Pattern.compile("https?://jobs(?:\\.eu)?\\.lever\\.co/([A-Za-z0-9._-]+)");
  private static final Pattern ASHBY = Pattern.compile("https?://jobs\\.ashbyhq\\.com/([A-Za-z0-9._%-]+)");
  private static final Pattern WORKDAY = Pattern.compile(
      "https?://([a-z0-9-]+)\\.(wd\\d+)\\.myworkdayjobs\\.com/(?:[a-z]{2}-[A-Z]{2}/)?([A-Za-z0-9_-]+)");
  private static final Pattern SMARTRECRUITERS = Pattern.compile(
      "https?://(?:jobs|careers)\\.smartrecruiters\\.com/([A-Za-z0-9._-]+)");
  private static final Pattern WORKABLE = Pattern.compile("https?://apply\\.workable\\.com/([A-Za-z0-9._-]+)");
  private static final Pattern RECRUITEE = Pattern.compile("https?://([a-z0-9-]+)\\.recruitee\\.com");
  private static final Pattern ICIMS = Pattern.compile("https?://([a-z0-9-]+)\\.icims\\.com");
  private static final Pattern ORACLE = Pattern.compile(
      "https?://([a-z0-9.-]+\\.oraclecloud\\.com)/hcmUI/CandidateExperience/[a-z]{2}/sites/([A-Za-z0-9_-]+)");

  private Discovery() {}

  /**
   * One way the site's jobs can be read.
   *
   * @param system the system in people's words ("Greenhouse", "JSON-LD posting pages")
   * @param evidence what on the page said so
   * @param entry the sources-file entry that reads it, or null when no reader exists yet
   * @param note what to do when there is no reader, or null
   */
  public record Finding(String system, String evidence, Map<String, Object> entry, String note) {}

  /** What {@code html}, fetched from {@code page}, and the sitemaps its robots.txt names say. */
  public static List<Finding> inPage(URI page, String html, List<String> robotsSitemaps) {
    Map<String, Finding> found = new LinkedHashMap<>();
    check(page.toString(), "the page's own address", page, found);
    Document doc = Jsoup.parse(html, page.toString());
    for (Element e : doc.select("script[src], iframe[src], a[href], link[href], form[action], [data-url]")) {
      String attr = e.hasAttr("src") ? "src" : e.hasAttr("href") ? "href" : e.hasAttr("action") ? "action" : "data-url";
      String url = e.absUrl(attr);
      if (!url.isEmpty()) {
        check(url, e.tagName() + " " + attr + " " + url, page, found);
      }
    }
    if (!new JsonLdExtractor().parse(html, page).postings().isEmpty()) {
      found.putIfAbsent("jsonld", new Finding("JSON-LD posting pages", "schema.org JobPosting data on the page",
          entry(name(page.getHost(), "jobs"), "listing", Map.of("seeds", List.of(page.toString()))), null));
    }
    for (Element feed : doc.select("link[rel=alternate][type~=(?i)application/(rss|atom)\\+xml]")) {
      String href = feed.absUrl("href");
      if (!href.isEmpty()) {
        found.putIfAbsent("feed " + href, new Finding("an RSS/Atom feed", "link rel=alternate " + href,
            entry(name(page.getHost(), "feed"), "feed", Map.of("seeds", List.of(href))), null));
      }
    }
    for (String sitemap : robotsSitemaps) {
      found.putIfAbsent("sitemap " + sitemap, new Finding("a sitemap", "robots.txt Sitemap: " + sitemap,
          entry(name(page.getHost(), "sitemap"), "sitemap", Map.of("seeds", List.of(sitemap),
              "urlPattern", "/jobs?/")), "check urlPattern: it must match the posting pages' addresses only"));
    }
    return new ArrayList<>(found.values());
  }

  private static void check(String url, String evidence, URI page, Map<String, Finding> found) {
    Matcher m;
    if ((m = GREENHOUSE.matcher(url)).lookingAt()) {
      String token = m.group(1) != null ? m.group(1) : m.group(2);
      board(found, "Greenhouse", "greenhouse", token, evidence);
    } else if ((m = LEVER.matcher(url)).lookingAt()) {
      board(found, "Lever", "lever", m.group(1), evidence);
    } else if ((m = ASHBY.matcher(url)).lookingAt() && !m.group(1).equals("api")) {
      board(found, "Ashby", "ashby", m.group(1), evidence);
    } else if ((m = WORKDAY.matcher(url)).lookingAt() && !m.group(3).equals("wday")) {
      String site = "https://" + m.group(1) + "." + m.group(2) + ".myworkdayjobs.com/" + m.group(3);
      found.putIfAbsent("workday " + site, new Finding("Workday", evidence,
          entry(name(m.group(1), "workday"), "workday", Map.of("seeds", List.of(site))), null));
    } else if ((m = SMARTRECRUITERS.matcher(url)).lookingAt()) {
      board(found, "SmartRecruiters", "smartrecruiters", m.group(1), evidence);
    } else if ((m = WORKABLE.matcher(url)).lookingAt() && !m.group(1).equals("api")) {
      board(found, "Workable", "workable", m.group(1), evidence);
    } else if ((m = RECRUITEE.matcher(url)).lookingAt()) {
      board(found, "Recruitee", "recruitee", m.group(1), evidence);
    } else if ((m = ICIMS.matcher(url)).lookingAt()) {
      found.putIfAbsent("icims " + m.group(1), new Finding("iCIMS", evidence,
          entry(name(m.group(1), "icims"), "listing", Map.of("seeds", List.of("https://" + m.group(1) + ".icims.com/jobs/search"))),
          "iCIMS job pages carry JSON-LD: try the listing entry with the extract command first"));
    } else if ((m = ORACLE.matcher(url)).lookingAt()) {
      found.putIfAbsent("oracle " + m.group(1), new Finding("Oracle Recruiting Cloud", evidence, null,
          "there is no Oracle Recruiting Cloud reader yet; its job pages can be read as a listing source if they carry JSON-LD"));
    }
  }

  private static void board(Map<String, Finding> found, String system, String type, String board, String evidence) {
    String key = type + " " + board.toLowerCase(Locale.ROOT);
    found.putIfAbsent(key, new Finding(system, evidence, entry(name(board, type), type, Map.of("board", board)), null));
  }

  private static Map<String, Object> entry(String name, String type, Map<String, Object> fields) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", name);
    e.put("type", type);
    e.putAll(fields);
    return e;
  }

  /** A source name as the sources file requires: lower-case letters, digits, '.', '_' or '-'. */
  static String name(String base, String suffix) {
    String b = base == null ? "site" : base.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").replaceAll("[^a-z0-9._-]+", "-")
        .replaceAll("^[^a-z0-9]+", "");
    String n = (b.isEmpty() ? "site" : b) + "-" + suffix;
    return n.length() > 63 ? n.substring(0, 63) : n;
  }
}
