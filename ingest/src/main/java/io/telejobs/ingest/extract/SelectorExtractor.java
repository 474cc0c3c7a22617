package io.telejobs.ingest.extract;

import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a posting from a page with no structured data, using the CSS selectors a source declares:
 * {@code title} (required), {@code company}, {@code location}, {@code salary}, {@code description}.
 * The salary is kept as text; the matcher parses it.
 */
public final class SelectorExtractor {
  /** The selector names a sources file may use. */
  public static final List<String> FIELDS = List.of("title", "company", "location", "salary", "description");

  private SelectorExtractor() {}

  public static Extraction parse(Document doc, Map<String, String> selectors, String defaultCompany) {
    String title = text(doc, selectors.get("title"));
    if (title == null) {
      return new Extraction(List.of(), List.of());
    }
    String location = text(doc, selectors.get("location"));
    String salary = text(doc, selectors.get("salary"));
    Element description = selectors.get("description") == null ? null : doc.selectFirst(selectors.get("description"));
    String company = text(doc, selectors.get("company"));
    WorkMode mode = location != null && location.toLowerCase(Locale.ROOT).contains("remote") ? WorkMode.REMOTE
        : location != null && location.toLowerCase(Locale.ROOT).contains("hybrid") ? WorkMode.HYBRID : WorkMode.UNKNOWN;
    PostingDraft draft = new PostingDraft(null, title, company != null ? company : defaultCompany,
        location == null ? List.of() : List.of(location), List.of(), mode,
        mode == WorkMode.UNKNOWN ? null : "location text", List.of(), salary == null ? null : StatedSalary.ofText(salary),
        description == null ? "" : TextCleaner.clean(description.html()), null, null, null);
    return new Extraction(List.of(draft), List.of());
  }

  private static String text(Document doc, String selector) {
    if (selector == null) {
      return null;
    }
    Element e = doc.selectFirst(selector);
    if (e == null) {
      return null;
    }
    String t = e.text().strip();
    return t.isEmpty() ? null : t;
  }
}
