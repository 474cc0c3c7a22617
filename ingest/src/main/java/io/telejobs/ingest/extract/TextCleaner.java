package io.telejobs.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
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
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return tidy(html.replace('\n', ' ')); // plain text: nothing to clean
    }
    // parse once, sanitise the tree with the Safelist (no scripts, styles or unknown tags), read its text
    Document doc = new Cleaner(BLOCKS).clean(Jsoup.parseBodyFragment(html));
    StringBuilder out = new StringBuilder(html.length());
    appendText(doc.body(), out);
    return tidy(out);
  }

  /** Collapses runs of spaces, trims spaces around line breaks, keeps at most one blank line; one pass. */
  private static String tidy(CharSequence raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\n') {
        newlines++;
        space = false;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0') {
        space = true;
      } else {
        if (out.length() > 0) {
          if (newlines > 0) {
            out.append(newlines >= 2 ? "\n\n" : "\n");
          } else if (space) {
            out.append(' ');
          }
        }
        newlines = 0;
        space = false;
        out.append(c);
      }
    }
    return out.toString();
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
