package io.telejobs.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/** Turns posting HTML into clean text: no scripts, styles or markup, paragraphs kept as line breaks. */
public final class TextCleaner {
  private static final Safelist BLOCKS = Safelist.none().addTags("p", "br", "li", "div", "h1", "h2", "h3", "h4", "tr");

  private TextCleaner() {}

  /** Clean text of an HTML fragment; plain text passes through with entities decoded. */
  public static String clean(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String safe = Jsoup.clean(html, BLOCKS);
    Document doc = Jsoup.parseBodyFragment(safe);
    doc.outputSettings().prettyPrint(false);
    StringBuilder out = new StringBuilder();
    appendText(doc.body(), out);
    return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\n *", "\n")
        .replaceAll("\n{3,}", "\n\n").strip();
  }

  private static void appendText(Element element, StringBuilder out) {
    for (org.jsoup.nodes.Node node : element.childNodes()) {
      if (node instanceof org.jsoup.nodes.TextNode text) {
        out.append(text.getWholeText().replace('\n', ' '));
      } else if (node instanceof Element child) {
        boolean block = !child.tagName().equals("br") && child.isBlock();
        if (child.tagName().equals("li")) {
          out.append("\n- ");
        } else if (block) {
          out.append('\n');
        }
        appendText(child, out);
        if (child.tagName().equals("br") || block) {
          out.append('\n');
        }
      }
    }
  }
}
