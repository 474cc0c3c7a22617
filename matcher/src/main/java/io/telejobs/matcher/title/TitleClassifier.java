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
  private final PhraseMatcher lifters;
  private final Set<String> filler;

  public TitleClassifier(RoleProfile profile) {
    this.profile = profile;
    this.concepts = new PhraseMatcher(profile.concepts());
    this.negatives = new PhraseMatcher(profile.negatives());
    this.lifters = new PhraseMatcher(Map.of("lifted", profile.negativesLiftedBy()));
    this.filler = new HashSet<>();
    profile.qualifierFiller().forEach(w -> filler.addAll(Normalizer.titleTokens(w)));
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
    if (!negative.isEmpty() && lifters.find(tokens).isEmpty()) {
      Map.Entry<String, PhraseMatcher.Hit> first = negative.entrySet().iterator().next();
      reasons.add(new Reason("tier=none", "title.negative." + first.getKey() + ":" + first.getValue().phrase(), shown));
      return new TierResult(Tier.NONE, 0.95, cleaned.title(), reasons);
    }

    Segments segments = segments(cleaned.title());
    Fired fired = firstRule(segments, Set.of());
    if (fired != null) {
      reasons.add(new Reason("tier=" + tierName(fired.rule.tier()), "title.rule." + fired.rule.name() + " " + fired.why,
          shown));
      return new TierResult(fired.rule.tier(), fired.rule.score(), cleaned.title(), reasons);
    }

    DescriptionRule d = profile.descriptionRule();
    PhraseMatcher.Hit generic = d == null ? null : segments.anywhere(d.genericConcept());
    if (generic != null && !d.evidence().isEmpty() && !descriptionTokens.get().isEmpty()) {
      List<PhraseMatcher.Hit> hits = descriptionEvidence.find(descriptionTokens.get());
      for (DescriptionRule.Evidence e : d.evidence()) {
        List<String> phrases = hits.stream().filter(h -> h.group().equals(e.countConcept()))
            .map(PhraseMatcher.Hit::phrase).toList();
        if (phrases.size() < d.minMentions()) {
          continue;
        }
        Fired promoted = firstRule(segments, Set.of(e.asConcept()));
        if (promoted != null) {
          reasons.add(new Reason("tier=" + tierName(promoted.rule.tier()),
              "description." + e.countConcept() + " x" + phrases.size() + " with generic title '"
                  + generic.phrase() + "' (as rule " + promoted.rule.name() + ")",
              String.join(", ", new LinkedHashSet<>(phrases))));
          return new TierResult(promoted.rule.tier(), Math.min(e.score(), promoted.rule.score()), cleaned.title(),
              reasons);
        }
      }
    }
    reasons.add(new Reason("tier=none", "title.no-rule", shown));
    return new TierResult(Tier.NONE, 0.8, cleaned.title(), reasons);
  }

  /** A rule that fired, and the phrases that made it fire. */
  private record Fired(TierRule rule, String why) {}

  /**
   * The concepts found in each segment, and which segments hold nothing but concept phrases and filler words
   * (so that they can only qualify a head role elsewhere in the title).
   */
  private record Segments(List<Map<String, PhraseMatcher.Hit>> found, boolean[] pure) {
    PhraseMatcher.Hit anywhere(String concept) {
      for (Map<String, PhraseMatcher.Hit> f : found) {
        if (f.containsKey(concept)) {
          return f.get(concept);
        }
      }
      return null;
    }
  }

  private Segments segments(String cleanedTitle) {
    List<List<String>> parts = TitleSegments.of(cleanedTitle);
    List<Map<String, PhraseMatcher.Hit>> found = new ArrayList<>(parts.size());
    boolean[] pure = new boolean[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      List<String> seg = parts.get(i);
      List<PhraseMatcher.Hit> hits = concepts.find(seg);
      Map<String, PhraseMatcher.Hit> first = new java.util.LinkedHashMap<>();
      boolean[] covered = new boolean[seg.size()];
      for (PhraseMatcher.Hit h : hits) {
        first.putIfAbsent(h.group(), h);
        for (int k = h.position(); k < h.position() + h.length(); k++) {
          covered[k] = true;
        }
      }
      boolean all = !hits.isEmpty();
      for (int k = 0; k < seg.size() && all; k++) {
        all = covered[k] || filler.contains(seg.get(k));
      }
      found.add(first);
      pure[i] = all;
    }
    return new Segments(found, pure);
  }

  /**
   * The first rule whose concepts qualify one another: all in one segment, or the rest of them in segments
   * that hold only qualifiers. {@code extra} concepts count as present everywhere (description evidence).
   * A rule's {@code none} concepts are looked for in the whole title.
   */
  private Fired firstRule(Segments segments, Set<String> extra) {
    Set<String> inTitle = new HashSet<>(extra);
    segments.found().forEach(f -> inTitle.addAll(f.keySet()));
    for (TierRule rule : profile.tierRules()) {
      if (!inTitle.containsAll(rule.all()) || rule.none().stream().anyMatch(inTitle::contains)) {
        continue;
      }
      for (int i = 0; i < segments.found().size(); i++) {
        Map<String, PhraseMatcher.Hit> here = segments.found().get(i);
        if (rule.all().stream().noneMatch(here::containsKey)) {
          continue;
        }
        StringBuilder why = new StringBuilder();
        boolean ok = true;
        for (String c : rule.all()) {
          PhraseMatcher.Hit hit = here.get(c);
          String how = "";
          if (hit == null && !extra.contains(c)) {
            hit = inPureSegment(segments, i, c);
            how = " (qualifying by separator)";
          }
          if (hit == null && !extra.contains(c)) {
            ok = false;
            break;
          }
          if (why.length() > 0) {
            why.append(" + ");
          }
          why.append(c).append(":'").append(hit == null ? "description" : hit.phrase()).append("'").append(how);
        }
        if (ok) {
          return new Fired(rule, why.toString());
        }
      }
    }
    return null;
  }

  private static PhraseMatcher.Hit inPureSegment(Segments segments, int except, String concept) {
    for (int j = 0; j < segments.found().size(); j++) {
      if (j != except && segments.pure()[j] && segments.found().get(j).containsKey(concept)) {
        return segments.found().get(j).get(concept);
      }
    }
    return null;
  }

  static String tierName(Tier tier) {
    return tier.name().toLowerCase(Locale.ROOT);
  }
}
