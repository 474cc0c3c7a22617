package io.telejobs.bench;

import io.telejobs.ingest.extract.Extraction;
import io.telejobs.ingest.extract.JsonLdExtractor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extraction throughput on one thread over a corpus of generated career pages (boilerplate navigation,
 * long descriptions, JSON-LD as single objects, arrays and {@code @graph}, some of it broken), against
 * Jsoup's bare parse of the same pages, which is the ceiling. Last line:
 * {@code RESULT ingest-extract pages_per_s=<x> jsoup_parse_pages_per_s=<y> ratio=<x/y>}.
 */
public final class IngestExtract {
  private IngestExtract() {}

  public static void main(String[] args) {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 240;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<String> corpus = corpus(pages, 17);
    URI base = URI.create("https://careers.example.org/jobs/");
    JsonLdExtractor extractor = new JsonLdExtractor();
    long found = 0;
    for (int warm = 0; warm < 5; warm++) { // warm-up of both paths
      for (String html : corpus) {
        found += extractor.parse(html, base).postings().size();
        Jsoup.parse(html, base.toString());
      }
    }
    List<Double> extractRates = new ArrayList<>();
    List<Double> parseRates = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (String html : corpus) {
        Document d = Jsoup.parse(html, base.toString());
        found += d.childNodeSize();
      }
      long t1 = System.nanoTime();
      for (String html : corpus) {
        Extraction e = extractor.parse(html, base);
        found += e.postings().size();
      }
      long t2 = System.nanoTime();
      parseRates.add(corpus.size() / ((t1 - t0) / 1e9));
      extractRates.add(corpus.size() / ((t2 - t1) / 1e9));
    }
    double x = median(extractRates);
    double y = median(parseRates);
    long bytes = corpus.stream().mapToLong(String::length).sum();
    System.out.printf(Locale.ROOT, "%d pages, %.0f KB on average; %d postings read in all rounds%n", corpus.size(),
        bytes / 1024.0 / corpus.size(), found);
    System.out.printf(Locale.ROOT, "RESULT ingest-extract pages_per_s=%.0f jsoup_parse_pages_per_s=%.0f ratio=%.3f%n",
        x, y, x / y);
  }

  static List<String> corpus(int n, long seed) {
    Random r = new Random(seed);
    String[] titles = {"Telehealth Project Manager", "Senior Virtual Care Program Manager", "Telehealth Registered Nurse",
        "Healthcare IT Project Manager", "Telehealth Coordinator", "Construction Project Manager", "Epic Analyst"};
    // real career pages weigh 40-150 KB: analytics and framework scripts, inline CSS, mega-menus, footers
    StringBuilder nav = new StringBuilder("<header><nav class=\"mega-menu\"><ul>");
    for (int i = 0; i < 180; i++) {
      nav.append("<li class=\"menu-item\"><a href=\"/careers/area/").append(i).append("?lang=en\" data-track=\"nav-")
          .append(i).append("\">Area of work ").append(i).append("</a></li>");
    }
    nav.append("</ul></nav></header>");
    StringBuilder script = new StringBuilder("<script>window.dataLayer=window.dataLayer||[];");
    for (int i = 0; i < 300; i++) {
      script.append("function t").append(i).append("(e){return e&&e.id?dataLayer.push({event:'v").append(i)
          .append("',id:e.id}):null};");
    }
    script.append("</script>");
    StringBuilder css = new StringBuilder("<style>");
    for (int i = 0; i < 200; i++) {
      css.append(".c").append(i).append("{margin:").append(i % 7).append("px;color:#").append(100 + i).append("}");
    }
    css.append("</style>");
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String title = titles[r.nextInt(titles.length)];
      StringBuilder desc = new StringBuilder();
      for (int p = 0; p < 8 + r.nextInt(12); p++) {
        desc.append("<p>Lead the roll-out of our telehealth platform across clinics; coordinate IT, vendors and providers ")
            .append("so that virtual visits work; keep HIPAA compliance; report to the steering committee.</p>");
      }
      String posting = "{\"@type\": \"JobPosting\", \"title\": \"" + title + "\", \"identifier\": \"R-" + i + "\","
          + " \"hiringOrganization\": {\"@type\": \"Organization\", \"name\": \"Riverside Health\"},"
          + " \"datePosted\": \"2026-11-20\", \"employmentType\": [\"FULL_TIME\"],"
          + " \"jobLocation\": {\"@type\": \"Place\", \"address\": {\"addressLocality\": \"Columbus\", \"addressRegion\": \"OH\", \"addressCountry\": \"US\"}},"
          + " \"baseSalary\": {\"@type\": \"MonetaryAmount\", \"currency\": \"USD\", \"value\": {\"@type\": \"QuantitativeValue\", \"minValue\": 95000, \"maxValue\": 120000, \"unitText\": \"YEAR\"}},"
          + " \"description\": \"" + desc.toString().replace("\"", "\\\"") + "\"}";
      String jsonLd = switch (r.nextInt(4)) {
        case 0 -> "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"Organization\", \"name\": \"Riverside Health\"}, " + posting + "]}";
        case 1 -> "[" + posting + "]";
        case 2 -> posting.replace("\"FULL_TIME\"]", "\"FULL_TIME\",]") + " // exported by the CMS";
        default -> posting;
      };
      StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
          .append(title).append("</title><script type=\"application/ld+json\">").append(jsonLd)
          .append("</script>").append(css).append(script).append("</head><body>").append(nav)
          .append("<main><h1>").append(title).append("</h1>").append(desc).append("</main><footer>");
      for (int f = 0; f < 40; f++) {
        page.append("<a href=\"/legal/").append(f).append("\">Legal ").append(f).append("</a> ");
      }
      out.add(page.append("</footer></body></html>").toString());
    }
    return out;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
