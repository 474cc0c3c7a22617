package io.telejobs.matcher.text;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The words met so far, each kept as one string, so that tokenizing a description allocates nothing for
 * a word seen before and every token's hash is already computed when phrase tables and keyword sets look it
 * up. Bounded: past {@link #LIMIT} words, or for a word longer than {@link #MAX_LENGTH}, a new string is
 * made as before. Thread-safe without locks: a word enters its slot by compare-and-set, so each word has
 * one slot.
 */
final class WordTable {
  static final int CAPACITY = 1 << 18;
  static final int LIMIT = CAPACITY / 2;
  static final int MAX_LENGTH = 40;

  static final WordTable SHARED = new WordTable();

  private final AtomicReferenceArray<String> slots = new AtomicReferenceArray<>(CAPACITY);
  private final AtomicInteger size = new AtomicInteger();

  /**
   * The word {@code text[from, to)}.
   *
   * @param hash the word's {@link String#hashCode()}, computed by the caller while it read the characters
   */
  String word(String text, int from, int to, int hash) {
    return word(text, from, to, hash, false);
  }

  /**
   * The word {@code text[from, to)} in lower case, where that region holds only ASCII letters and digits.
   *
   * @param hash the lower-case word's {@link String#hashCode()}
   * @param upper whether the region holds an upper-case letter (then it is compared and copied folded)
   */
  String word(String text, int from, int to, int hash, boolean upper) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      return upper ? lower(text, from, to) : text.substring(from, to);
    }
    int i = spread(hash) & (CAPACITY - 1);
    while (true) {
      String s = slots.getAcquire(i);
      if (s == null) {
        String w = upper ? lower(text, from, to) : text.substring(from, to);
        if (size.get() >= LIMIT) {
          return w;
        }
        if (slots.compareAndSet(i, null, w)) {
          size.incrementAndGet();
          return w;
        }
        continue; // another thread took the slot: read it again
      }
      if (s.hashCode() == hash && s.length() == length
          && (upper ? sameFolded(s, text, from, length) : s.regionMatches(0, text, from, length))) {
        return s;
      }
      i = (i + 1) & (CAPACITY - 1);
    }
  }

  /** Whether lower-case {@code s} equals {@code text[from, from + length)} with ASCII letters folded. */
  private static boolean sameFolded(String s, String text, int from, int length) {
    for (int k = 0; k < length; k++) {
      char c = text.charAt(from + k);
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (s.charAt(k) != c) {
        return false;
      }
    }
    return true;
  }

  /** {@code text[from, to)}, ASCII letters and digits, in lower case. */
  private static String lower(String text, int from, int to) {
    return text.substring(from, to).toLowerCase(Locale.ROOT);
  }

  /** A whole string as a word. */
  String word(String w) {
    return word(w, 0, w.length(), w.hashCode());
  }

  int size() {
    return size.get();
  }

  private static int spread(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
