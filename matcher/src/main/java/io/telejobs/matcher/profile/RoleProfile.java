package io.telejobs.matcher.profile;

import io.telejobs.contracts.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A role profile: everything the matcher knows about one role family, loaded from a data file.
 *
 * @param id stable id, carried on every tagged record
 * @param version profile version; re-tagging with a new version is a new application id
 * @param name human-readable role name
 * @param concepts named phrase lists used by the rules
 * @param negatives named phrase lists; a title holding any phrase is never a match
 * @param negativesLiftedBy phrases that lift the negatives: "RN - Clinical Informatics" is an informatics role,
 *     not a clinician's
 * @param qualifierFiller words a title segment may hold besides concept phrases and still only qualify the
 *     head role in another segment ("Program Manager - Telehealth Services")
 * @param tierRules rules in the order they are tried
 * @param descriptionRule promotion of generic titles by description evidence, or null
 * @param levels level rules
 * @param salaryBands annual bands per ISO currency code
 * @param skills tag id to phrases
 * @param certifications tag id to phrases
 * @param industries tag id to phrases
 */
public record RoleProfile(
    String id,
    String version,
    String name,
    Map<String, List<String>> concepts,
    Map<String, List<String>> negatives,
    List<String> negativesLiftedBy,
    List<String> qualifierFiller,
    List<TierRule> tierRules,
    DescriptionRule descriptionRule,
    LevelRules levels,
    Map<String, List<SalaryBand>> salaryBands,
    Map<String, List<String>> skills,
    Map<String, List<String>> certifications,
    Map<String, List<String>> industries) {

  public RoleProfile {
    require(id != null && id.matches("[a-z0-9][a-z0-9-]*"), "id must be lower-case words joined by '-'");
    require(version != null && !version.isBlank(), "version is required");
    concepts = Map.copyOf(concepts);
    negatives = Map.copyOf(negatives);
    negativesLiftedBy = negativesLiftedBy == null ? List.of() : List.copyOf(negativesLiftedBy);
    qualifierFiller = qualifierFiller == null ? List.of() : List.copyOf(qualifierFiller);
    tierRules = List.copyOf(tierRules);
    salaryBands = Map.copyOf(salaryBands);
    skills = Map.copyOf(skills);
    certifications = Map.copyOf(certifications);
    industries = Map.copyOf(industries);
    List<String> errors = new ArrayList<>();
    for (TierRule rule : tierRules) {
      if (rule.tier() == Tier.NONE) {
        errors.add("rule " + rule.name() + " gives tier none");
      }
      for (String c : rule.all()) {
        if (!concepts.containsKey(c)) {
          errors.add("rule " + rule.name() + " uses unknown concept '" + c + "'");
        }
      }
      for (String c : rule.none()) {
        if (!concepts.containsKey(c)) {
          errors.add("rule " + rule.name() + " uses unknown concept '" + c + "'");
        }
      }
    }
    if (descriptionRule != null) {
      List<String> used = new ArrayList<>(List.of(descriptionRule.genericConcept()));
      for (DescriptionRule.Evidence e : descriptionRule.evidence()) {
        used.add(e.countConcept());
        used.add(e.asConcept());
      }
      for (String c : used) {
        if (!concepts.containsKey(c)) {
          errors.add("description rule uses unknown concept '" + c + "'");
        }
      }
    }
    require(errors.isEmpty(), String.join("; ", errors));
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("invalid role profile: " + message);
    }
  }
}
