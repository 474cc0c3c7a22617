package io.telejobs.ingest.extract;

import io.telejobs.contracts.WorkMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads job postings from an RSS 2.0 or Atom feed, one posting per {@code item} or {@code entry}, with
 * Jsoup's XML parser: title, link, id, date, and the description or content as clean text. An item
 * without a title is a problem line; the other items are still read.
 */
public final class FeedExtractor {
  private FeedExtractor() {}

  public static Extraction parse(String xml, String company) {
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    List<PostingDraft> postings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Element> items = new ArrayList<>(doc.select("item"));
    items.addAll(doc.select("entry"));
    if (items.isEmpty() && doc.selectFirst("rss, feed") == null) {
      return new Extraction(List.of(), List.of("not an RSS or Atom feed"));
    }
    String feedTitle = text(doc.selectFirst("channel > title, feed > title"));
    int i = 0;
    for (Element item : items) {
      i++;
      String title = text(item.selectFirst("title"));
      if (title == null) {
        problems.add("feed item " + i + " skipped: no title");
        continue;
      }
      Element linkEl = item.selectFirst("link");
      String link = linkEl == null ? null : linkEl.hasAttr("href") ? linkEl.attr("href") : text(linkEl);
      String id = text(item.selectFirst("guid, id"));
      String body = text(item.selectFirst("description, summary, content, content|encoded"));
      String when = text(item.selectFirst("pubDate, updated, published"));
      String location = text(item.selectFirst("location, job|location"));
      postings.add(new PostingDraft(id, Parser.unescapeEntities(title, false).strip(),
          company != null ? company : feedTitle, location == null ? List.of() : List.of(location), List.of(),
          location != null && location.toLowerCase(java.util.Locale.ROOT).contains("remote") ? WorkMode.REMOTE : WorkMode.UNKNOWN,
          null, List.of(), null, TextCleaner.clean(body), date(when), null, link));
    }
    return new Extraction(postings, problems);
  }

  private static LocalDate date(String s) {
    if (s == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (RuntimeException e) {
      try {
        return LocalDate.parse(s.strip().substring(0, 10));
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.text();
    return t.isBlank() ? null : t.strip();
  }
}
