package io.telejobs.contracts;

/** How often a subscriber hears from us. Serialised in lower case. */
public enum Frequency {
  INSTANT,
  DAILY,
  WEEKLY
}
