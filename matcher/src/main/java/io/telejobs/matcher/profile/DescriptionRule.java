package io.telejobs.matcher.profile;

import java.util.List;

/**
 * Promotes a generic title (one holding {@code genericConcept}, such as "Project Manager") by evidence
 * in the description: when the description mentions a concept often enough, the tier rules are tried
 * again as if the title held the evidence's {@code asConcept}. The result carries the evidence's lower
 * score and a reason naming what was counted.
 *
 * @param genericConcept concept of generic titles
 * @param minMentions how many phrase mentions the description needs
 * @param evidence what to count, tried in order
 */
public record DescriptionRule(String genericConcept, int minMentions, List<Evidence> evidence) {
  public DescriptionRule {
    evidence = List.copyOf(evidence);
    if (minMentions < 1) {
      throw new IllegalArgumentException("description.minMentions must be at least 1");
    }
  }

  /**
   * @param countConcept concept whose phrases are counted in the description
   * @param asConcept concept the title is then taken to hold
   * @param score score of a tier reached this way
   */
  public record Evidence(String countConcept, String asConcept, double score) {}
}
