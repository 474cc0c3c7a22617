package io.telejobs.matcher.title;

import io.telejobs.contracts.Reason;
import io.telejobs.contracts.Tier;
import io.telejobs.matcher.profile.DescriptionRule;
import io.telejobs.matcher.profile.RoleProfile;
import io.telejobs.matcher.profile.TierRule;
import io.telejobs.matcher.text.Normalizer;
import io.telejobs.matcher.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies a title into the profile's tiers. Hard negatives (clinicians, telecom, other industries)
 * win over everything; then the tier rules are tried in order; then a generic title may be promoted by
 * evidence in the description, with a lower score.
 */
public final class TitleClassifier {
  private final RoleProfile profile;
  private final PhraseMatcher concepts;
  private final PhraseMatcher negatives;
  private final PhraseMatcher descriptionEvidence;

  public TitleClassifier(RoleProfile profile) {
    this.profile = profile;
    this.concepts = new PhraseMatcher(profile.concepts());
    this.negatives = new PhraseMatcher(profile.negatives());
    Map<String, List<String>> evidence = new HashMap<>();
    if (profile.descriptionRule() != null) {
      for (DescriptionRule.Evidence e : profile.descriptionRule().evidence()) {
        evidence.put(e.countConcept(), profile.concepts().get(e.countConcept()));
      }
    }
    this.descriptionEvidence = new PhraseMatcher(evidence);
  }

  /** Classifies a title alone. */
  public TierResult classify(String title) {
    return classify(title, List.of());
  }

  /**
   * Classifies a title, using the description's tokens as evidence for generic titles.
   *
   * @param descriptionTokens {@link Normalizer#tokens} of the description, or empty
   */
  public TierResult classify(String title, List<String> descriptionTokens) {
    TitleCleaner.Cleaned cleaned = TitleCleaner.clean(title);
    return classify(cleaned, Normalizer.titleTokens(cleaned.title()), () -> descriptionTokens);
  }

  /**
   * Classifies an already cleaned and normalised title.
   *
   * @param cleaned the cleaned title
   * @param tokens {@link Normalizer#titleTokens} of the cleaned title
   * @param descriptionTokens {@link Normalizer#tokens} of the description, asked for only when the title
   *     is generic
   */
  public TierResult classify(TitleCleaner.Cleaned cleaned, List<String> tokens,
      java.util.function.Supplier<List<String>> descriptionTokens) {
    List<Reason> reasons = new ArrayList<>();
    String shown = String.join(" ", tokens);

    Map<String, PhraseMatcher.Hit> negative = negatives.firstPerGroup(tokens);
    if (!negative.isEmpty()) {
      Map.Entry<String, PhraseMatcher.Hit> first = negative.entrySet().iterator().next();
      reasons.add(new Reason("tier=none", "title.negative." + first.getKey() + ":" + first.getValue().phrase(), shown));
      return new TierResult(Tier.NONE, 0.95, cleaned.title(), reasons);
    }

    Map<String, PhraseMatcher.Hit> found = concepts.firstPerGroup(tokens);
    TierRule fired = firstRule(found.keySet());
    if (fired != null) {
      StringBuilder why = new StringBuilder();
      for (String c : fired.all()) {
        if (why.length() > 0) {
          why.append(" + ");
        }
        why.append(c).append(":'").append(found.get(c).phrase()).append("'");
      }
      reasons.add(new Reason("tier=" + tierName(fired.tier()), "title.rule." + fired.name() + " " + why, shown));
      return new TierResult(fired.tier(), fired.score(), cleaned.title(), reasons);
    }

    DescriptionRule d = profile.descriptionRule();
    if (d != null && found.containsKey(d.genericConcept()) && !d.evidence().isEmpty()
        && !descriptionTokens.get().isEmpty()) {
      List<PhraseMatcher.Hit> hits = descriptionEvidence.find(descriptionTokens.get());
      for (DescriptionRule.Evidence e : d.evidence()) {
        List<String> phrases = hits.stream().filter(h -> h.group().equals(e.countConcept()))
            .map(PhraseMatcher.Hit::phrase).toList();
        if (phrases.size() < d.minMentions()) {
          continue;
        }
        Set<String> augmented = new HashSet<>(found.keySet());
        augmented.add(e.asConcept());
        TierRule promoted = firstRule(augmented);
        if (promoted != null) {
          reasons.add(new Reason("tier=" + tierName(promoted.tier()),
              "description." + e.countConcept() + " x" + phrases.size() + " with generic title '"
                  + found.get(d.genericConcept()).phrase() + "' (as rule " + promoted.name() + ")",
              String.join(", ", new LinkedHashSet<>(phrases))));
          return new TierResult(promoted.tier(), Math.min(e.score(), promoted.score()), cleaned.title(),
              reasons);
        }
      }
    }
    reasons.add(new Reason("tier=none", "title.no-rule", shown));
    return new TierResult(Tier.NONE, 0.8, cleaned.title(), reasons);
  }

  private TierRule firstRule(Set<String> present) {
    for (TierRule rule : profile.tierRules()) {
      if (present.containsAll(rule.all()) && rule.none().stream().noneMatch(present::contains)) {
        return rule;
      }
    }
    return null;
  }

  static String tierName(Tier tier) {
    return tier.name().toLowerCase(Locale.ROOT);
  }
}
