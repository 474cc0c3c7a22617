package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.addPlace;
import static io.telejobs.ingest.extract.AnswerFields.date;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workday's candidate-experience ("CXS") endpoints, which most US health systems' career sites use:
 * {@code POST https://{tenant}.wd{N}.myworkdayjobs.com/wday/cxs/{tenant}/{site}/jobs} with
 * {@code {"appliedFacets":{},"limit":20,"offset":N,"searchText":""}} lists the jobs, and
 * {@code GET …/wday/cxs/{tenant}/{site}{externalPath}} gives each job's detail. A list entry says
 * "Posted 3 Days Ago" and "2 Locations"; the detail gives the text, the places, {@code startDate} (the
 * posting date), {@code timeType} and the country's ISO code.
 */
public final class WorkdayAnswer {
  /** Workday's page size for the CXS search; it refuses more than 20. */
  public static final int PAGE = 20;

  private static final Pattern SITE_URL = Pattern.compile(
      "https://([a-z0-9-]+)\\.(wd\\d+)\\.myworkdayjobs\\.com(?::\\d+)?/(?:[a-z]{2}-[A-Z]{2}/)?([A-Za-z0-9_-]+)/?.*");
  private static final Pattern DAYS_AGO = Pattern.compile("(?i)posted\\s+(\\d{1,4})\\s+days?\\s+ago");

  private WorkdayAnswer() {}

  /**
   * A career site: where its CXS API answers.
   *
   * @param apiBase scheme and host that serve the API (the career site's own, or a test server's)
   * @param tenant the tenant, the first label of the host
   * @param site the site name, the first path segment after an optional locale
   */
  public record Site(URI apiBase, String tenant, String site) {
    /** Reads a career-site URL such as {@code https://acme.wd5.myworkdayjobs.com/en-US/External}. */
    public static Site of(URI careerSite) {
      Matcher m = SITE_URL.matcher(careerSite.toString());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a Workday career-site URL (https://{tenant}.wd{N}.myworkdayjobs.com/{site}): "
            + careerSite);
      }
      return new Site(URI.create(careerSite.getScheme() + "://" + careerSite.getRawAuthority()), m.group(1), m.group(3));
    }

    /** The same site served from another base (a test server). */
    public Site at(URI base) {
      return new Site(base, tenant, site);
    }

    public URI jobsUrl() {
      return URI.create(apiBase + "/wday/cxs/" + tenant + "/" + site + "/jobs");
    }

    public URI detailUrl(String externalPath) {
      return URI.create(apiBase + "/wday/cxs/" + tenant + "/" + site + externalPath);
    }

    /** The page people see for a job when the detail gives no {@code externalUrl}. */
    public String pageUrl(String externalPath) {
      return apiBase + "/" + site + externalPath;
    }

    /** The JSON body of one search page. */
    public static byte[] searchBody(int offset) {
      return ("{\"appliedFacets\":{},\"limit\":" + PAGE + ",\"offset\":" + offset + ",\"searchText\":\"\"}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * One entry of a search page.
   *
   * @param externalPath the path of its detail, starting with {@code /job/}
   * @param total the search's total, on the first page
   */
  public record Listed(String title, String externalPath, String locationsText, String postedOn, String reqId, int total) {}

  /** The entries of one search page; a page without {@code jobPostings} is an error naming that field. */
  public static List<Listed> page(String json) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(AnswerFields.notJson("Workday answer", json, e));
    }
    if (root == null || !root.path("jobPostings").isArray()) {
      throw new IllegalArgumentException("Workday answer has no list of jobs (field 'jobPostings')");
    }
    int total = root.path("total").asInt(0);
    List<Listed> out = new ArrayList<>();
    for (JsonNode j : root.path("jobPostings")) {
      String path = text(j, "externalPath");
      if (text(j, "title") == null || path == null || !path.startsWith("/")) {
        continue; // an entry without a title or a path cannot be fetched; the detail would be empty
      }
      out.add(new Listed(text(j, "title"), path, text(j, "locationsText"), text(j, "postedOn"),
          j.path("bulletFields").isArray() && !j.path("bulletFields").isEmpty() ? j.path("bulletFields").get(0).asText() : null,
          total));
    }
    return out;
  }

  /** A list entry alone, as a search page gives it (the crawler fetches each detail). */
  static PostingDraft listed(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    JsonNode bullets = j.path("bulletFields");
    Listed listed = new Listed(required(j, "title"), text(j, "externalPath"), text(j, "locationsText"), text(j, "postedOn"),
        bullets.isArray() && !bullets.isEmpty() ? bullets.get(0).asText() : null, 0);
    return fromList(listed, null, context);
  }

  /** A job from its list entry alone, when its detail cannot be had: title, place and date, no text; {@code site} may be null. */
  public static PostingDraft fromList(Listed listed, Site site, AtsExtractor.Context context) {
    List<String> places = new ArrayList<>();
    if (listed.locationsText() != null && !listed.locationsText().matches("\\d+ Locations")) {
      addPlace(places, listed.locationsText());
    }
    return new PostingDraft(listed.reqId() != null ? listed.reqId() : listed.externalPath(), listed.title(),
        context.companyOr(null), places, List.of(), io.telejobs.contracts.WorkMode.UNKNOWN, null, List.of(), null, "",
        relative(listed.postedOn(), context.today()), null,
        site == null || listed.externalPath() == null ? null : site.pageUrl(listed.externalPath()), null);
  }

  /** A job from its list entry and its detail answer. */
  public static PostingDraft detail(Listed listed, String json, Site site, AtsExtractor.Context context) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(AnswerFields.notJson("Workday job detail", json, e));
    }
    JsonNode info = root == null ? null : root.get("jobPostingInfo");
    if (info == null || !info.isObject()) {
      throw new IllegalArgumentException("Workday job detail has no 'jobPostingInfo'");
    }
    String title = text(info, "title") != null ? text(info, "title") : listed.title();
    if (title == null) {
      throw new IllegalArgumentException("no title");
    }
    List<String> places = new ArrayList<>();
    addPlace(places, text(info, "location"));
    info.path("additionalLocations").forEach(l -> addPlace(places, l.isTextual() ? l.asText() : null));
    if (places.isEmpty() && listed.locationsText() != null && !listed.locationsText().matches("\\d+ Locations")) {
      addPlace(places, listed.locationsText());
    }
    List<String> countries = new ArrayList<>();
    String alpha2 = text(info.path("jobRequisitionLocation").path("country"), "alpha2Code");
    String code = alpha2 != null ? alpha2.toUpperCase(Locale.ROOT) : Countries.codeOf(text(info.path("country"), "descriptor"));
    if (code != null) {
      countries.add(code);
    }
    String remoteType = text(info, "remoteType");
    String description = AnswerFields.html(text(info, "jobDescription"));
    WorkModes.Found mode = new WorkModes().declared(remoteType, "remoteType").locationText(text(info, "location"))
        .descriptionTag(description).result();
    LocalDate posted = date(text(info, "startDate"));
    if (posted == null) {
      posted = relative(text(info, "postedOn") != null ? text(info, "postedOn") : listed.postedOn(), context.today());
    }
    String reqId = text(info, "jobReqId") != null ? text(info, "jobReqId") : listed.reqId();
    return new PostingDraft(reqId, title, context.companyOr(text(root.path("hiringOrganization"), "name")), places,
        countries, mode.mode(), mode.evidence(), AnswerFields.employment(text(info, "timeType")), null,
        description, posted, null,
        text(info, "externalUrl") != null ? text(info, "externalUrl") : site.pageUrl(listed.externalPath()), null);
  }

  /** "Posted Today" / "Posted Yesterday" / "Posted 3 Days Ago" on {@code today}; "30+ Days Ago" is not a date. */
  static LocalDate relative(String postedOn, LocalDate today) {
    if (postedOn == null || today == null) {
      return null;
    }
    String p = postedOn.toLowerCase(Locale.ROOT);
    if (p.contains("today")) {
      return today;
    }
    if (p.contains("yesterday")) {
      return today.minusDays(1);
    }
    Matcher m = DAYS_AGO.matcher(postedOn);
    return m.find() ? today.minusDays(Long.parseLong(m.group(1))) : null;
  }
}
