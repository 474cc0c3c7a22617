package io.telejobs.ingest.extract;

import io.telejobs.contracts.WorkMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Work mode from several signals. Structured fields are read before text, and a more specific signal
 * is never overridden by a coarser one: an explicit workplace type ("Hybrid") beats a remote flag, a
 * flag beats a word in the location, and a word in the location beats a tag in the description.
 * "Hybrid" is a value of its own.
 */
final class WorkModes {
  /** LinkedIn's job tags that employers put in their descriptions: #LI-Remote, #LI-Hybrid, #LI-Onsite. */
  private static final Pattern LI_TAG = Pattern.compile("#LI-(Remote|Hybrid|Onsite|On-site)\\b", Pattern.CASE_INSENSITIVE);

  /** A "Remote: No" line, as some employers' templates write it in the description. */
  private static final Pattern REMOTE_LINE = Pattern.compile("(?im)^[ \\t]*remote[ \\t]*:[ \\t\\n]{0,20}(yes|no)[ \\t]*$");
  private static final Pattern REMOTE_WORD = Pattern.compile("\\bremote\\b");

  /** How many characters at each end of a description are searched for tags. */
  private static final int TAG_WINDOW = 4_000;

  private WorkMode mode = WorkMode.UNKNOWN;
  private String evidence;

  /** A mode and how it was known. */
  record Found(WorkMode mode, String evidence) {}

  /** The employer's explicit workplace type (Ashby, Lever, Greenhouse metadata): the most specific signal. */
  WorkModes declared(String value, String field) {
    return offer(word(value), field + "=" + value);
  }

  /** A yes/no flag such as Ashby {@code isRemote} or Recruitee {@code hybrid}. */
  WorkModes flag(boolean set, WorkMode meaning, String field) {
    return set ? offer(meaning, field + "=true") : this;
  }

  /** A mode that follows from structured fields, with the words that say how. */
  WorkModes follows(boolean holds, WorkMode meaning, String how) {
    return holds ? offer(meaning, how) : this;
  }

  /** A word in a location ("Hybrid - London", "Remote (US)"). */
  WorkModes locationText(String location) {
    String l = location == null ? "" : location.toLowerCase(Locale.ROOT);
    WorkMode m = l.contains("hybrid") ? WorkMode.HYBRID : REMOTE_WORD.matcher(l).find() ? WorkMode.REMOTE : WorkMode.UNKNOWN;
    return offer(m, "location \"" + location + "\"");
  }

  /** A #LI-Hybrid style tag in the description text. */
  WorkModes descriptionTag(String text) {
    if (text == null) {
      return this;
    }
    if (text.length() > 2 * TAG_WINDOW) {
      // tags and template lines sit at the start or the end of a description; a huge one is not scanned whole
      text = text.substring(0, TAG_WINDOW) + "\n" + text.substring(text.length() - TAG_WINDOW);
    }
    Matcher m = LI_TAG.matcher(text);
    if (m.find()) {
      return offer(word(m.group(1)), "description tag " + m.group());
    }
    Matcher line = REMOTE_LINE.matcher(text);
    return line.find()
        ? offer(line.group(1).equalsIgnoreCase("yes") ? WorkMode.REMOTE : WorkMode.ONSITE, "description line \"" + line.group().strip() + "\"")
        : this;
  }

  /** The first signal offered wins: callers offer them from most to least specific. */
  private WorkModes offer(WorkMode m, String how) {
    if (mode == WorkMode.UNKNOWN && m != WorkMode.UNKNOWN) {
      mode = m;
      evidence = how;
    }
    return this;
  }

  Found result() {
    return new Found(mode, evidence);
  }

  /** "Remote", "hybrid", "On-site", "onsite", "Office-based", "Fully Remote" → a mode. */
  static WorkMode word(String value) {
    String v = value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (v.contains("hybrid")) {
      return WorkMode.HYBRID;
    }
    if (v.contains("remote") || v.equals("telecommute")) {
      return WorkMode.REMOTE;
    }
    if (v.equals("onsite") || v.equals("inoffice") || v.equals("officebased") || v.equals("inperson")) {
      return WorkMode.ONSITE;
    }
    return WorkMode.UNKNOWN;
  }
}
