package io.telejobs.contracts;

/** How close a posting is to the profile's role family. Serialised in lower case ({@code "core"}). */
public enum Tier {
  /** The role itself, e.g. Telehealth Project Manager. */
  CORE,
  /** The same work without the explicit specialty, e.g. Healthcare IT Project Manager. */
  ADJACENT,
  /** An entry role on the way in, e.g. Telehealth Coordinator. */
  PATHWAY,
  /** Everything else. */
  NONE
}
