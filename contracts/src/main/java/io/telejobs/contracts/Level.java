package io.telejobs.contracts;

/** Career level. Serialised in lower case ({@code "senior"}). */
public enum Level {
  ENTRY,
  MID,
  SENIOR,
  /** Director, VP, chief. */
  LEAD,
  UNKNOWN
}
