package io.telejobs.contracts;

/** Where the work happens. Serialised in lower case ({@code "remote"}). */
public enum WorkMode {
  REMOTE,
  HYBRID,
  ONSITE,
  UNKNOWN
}
