package io.telejobs.matcher.tag;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.Reason;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import io.telejobs.matcher.level.LevelClassifier;
import io.telejobs.matcher.level.LevelResult;
import io.telejobs.matcher.location.LocationResolver;
import io.telejobs.matcher.location.LocationResult;
import io.telejobs.matcher.profile.RoleProfile;
import io.telejobs.matcher.salary.SalaryBands;
import io.telejobs.matcher.salary.SalaryNormalizer;
import io.telejobs.matcher.text.Normalizer;
import io.telejobs.matcher.text.PhraseMatcher;
import io.telejobs.matcher.title.TierResult;
import io.telejobs.matcher.title.TitleClassifier;
import io.telejobs.matcher.title.TitleCleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tags one posting against one role profile: tier, level, salary and band, country and work mode,
 * skills, certifications and industries, each with its reasons. Plain Java: no I/O, thread-safe.
 */
public final class Tagger {
  private static final String SKILL = "skill=";
  private static final String CERTIFICATION = "certification=";
  private static final String INDUSTRY = "industry=";

  private final RoleProfile profile;
  private final TitleClassifier titles;
  private final LevelClassifier levels;
  private final LocationResolver locations = new LocationResolver();
  private final SalaryNormalizer salaries;
  /** Skills, certifications and industries in one matcher, so the text is scanned once. */
  private final PhraseMatcher tagPhrases;

  public Tagger(RoleProfile profile) {
    this.profile = profile;
    this.titles = new TitleClassifier(profile);
    this.levels = new LevelClassifier(profile.levels());
    this.salaries = new SalaryNormalizer(new SalaryBands(profile.salaryBands()));
    Map<String, List<String>> phrases = new java.util.HashMap<>();
    profile.skills().forEach((k, v) -> phrases.put(SKILL + k, v));
    profile.certifications().forEach((k, v) -> phrases.put(CERTIFICATION + k, v));
    profile.industries().forEach((k, v) -> phrases.put(INDUSTRY + k, v));
    this.tagPhrases = new PhraseMatcher(phrases);
  }

  public RoleProfile profile() {
    return profile;
  }

  /**
   * A title read once: cleaned, tokenised and, when the title alone decides it, classified. The topology
   * reads the title before the rest of a posting (most postings are ruled out by it); the tagging and the
   * job's identity then reuse this reading instead of cleaning the title again.
   *
   * @param raw the title as posted
   * @param cleaned {@link TitleCleaner#clean} of it
   * @param tokens {@link Normalizer#titleTokens} of the cleaned title
   * @param byTitle the tier from the title alone, or null when the description could change it
   */
  public record Title(String raw, TitleCleaner.Cleaned cleaned, List<String> tokens, TierResult byTitle) {
    /** Whether this is a reading of {@code text}. */
    public boolean reads(String text) {
      return java.util.Objects.equals(raw, text);
    }
  }

  /** Reads a title (null reads as an empty title). */
  public Title readTitle(String title) {
    TitleCleaner.Cleaned cleaned = TitleCleaner.clean(title);
    List<String> tokens = Normalizer.titleTokens(cleaned.title());
    boolean[] neededDescription = new boolean[1];
    TierResult tier = titles.classify(cleaned, tokens, () -> {
      neededDescription[0] = true;
      return List.of();
    });
    return new Title(title, cleaned, tokens, neededDescription[0] ? null : tier);
  }

  /**
   * The verdict on a title alone when it is certainly {@code none} (a hard negative, or no rule and not a
   * generic title that the description could promote); otherwise null, and the whole posting is needed.
   * Lets the topology skip reading most of a posting that cannot match.
   */
  public Tagging certainNone(Title title) {
    if (title.raw() == null || title.raw().isBlank() || title.byTitle() == null || title.byTitle().tier() != Tier.NONE) {
      return null;
    }
    return new Tagging(profile.id(), profile.version(), Tier.NONE, Level.UNKNOWN, title.byTitle().score(), null, null,
        WorkMode.UNKNOWN, List.of(), List.of(), List.of(), title.byTitle().reasons(), List.of());
  }

  /**
   * Tags one posting. A posting whose tier is {@code none} gets only its tier and reasons: nothing else
   * about it is published, so the rest is not computed.
   */
  public Tagging tag(TagInput in) {
    return tag(in, Budget.none());
  }

  /** Tags one posting within a time budget, checked between steps ({@link Budget.Exceeded} when spent). */
  public Tagging tag(TagInput in, Budget budget) {
    return tag(in, null, budget, false);
  }

  /** {@link #tag(TagInput, Budget)} reusing the posting's title when {@code title} is a reading of it. */
  public Tagging tag(TagInput in, Title title, Budget budget) {
    return tag(in, title, budget, false);
  }

  /**
   * Tags one posting and computes every field even when its tier is {@code none}: level, pay, place, skills.
   * For analysts trying pay strings and profiles on any title (the offline tag command).
   */
  public Tagging tagComplete(TagInput in) {
    return tag(in, null, Budget.none(), true);
  }

  private Tagging tag(TagInput in, Title known, Budget budget, boolean complete) {
    Title title = known != null && known.reads(in.title()) ? known : null;
    TitleCleaner.Cleaned cleaned = title != null ? title.cleaned() : TitleCleaner.clean(in.title());
    List<String> titleTokens = title != null ? title.tokens() : Normalizer.titleTokens(cleaned.title());
    List<List<String>> description = new ArrayList<>(1); // tokenised once, and only when needed
    java.util.function.Supplier<List<String>> descriptionTokens = () -> {
      if (description.isEmpty()) {
        description.add(Normalizer.tokens(in.description()));
      }
      return description.get(0);
    };
    TierResult tier = title != null && title.byTitle() != null ? title.byTitle()
        : titles.classify(cleaned, titleTokens, descriptionTokens);
    budget.check("the title");
    List<Reason> reasons = new ArrayList<>(tier.reasons());
    if (tier.tier() == Tier.NONE && !complete) {
      return new Tagging(profile.id(), profile.version(), Tier.NONE, Level.UNKNOWN, tier.score(), null, null,
          WorkMode.UNKNOWN, List.of(), List.of(), List.of(), reasons, List.of());
    }

    LevelResult lr = levels.classify(titleTokens, descriptionTokens.get());
    reasons.add(lr.reason());
    budget.check("the level");

    LocationResult where = locations.resolve(in.countries(), in.locations(), in.workMode(),
        in.workModeEvidence(), cleaned.removed(), descriptionTokens.get());
    reasons.addAll(where.reasons());

    SalaryNormalizer.Result pay = in.salary() == null
        ? salaries.fromDescription(in.description(), where.country())
        : salaries.normalize(in.salary(), where.country());
    reasons.add(pay.reason());
    budget.check("the pay");

    List<String> text = new ArrayList<>(titleTokens.size() + descriptionTokens.get().size() + 16);
    text.addAll(titleTokens);
    text.add("|");
    text.addAll(descriptionTokens.get());
    int companyFrom = text.size();
    if (in.company() != null) {
      text.add("|");
      text.addAll(Normalizer.tokens(in.company()));
    }
    budget.check("the place");
    java.util.SortedSet<String> skillTags = new TreeSet<>();
    java.util.SortedSet<String> certTags = new TreeSet<>();
    java.util.SortedSet<String> industryTags = new TreeSet<>();
    for (PhraseMatcher.Hit hit : tagPhrases.find(text)) {
      String group = hit.group();
      boolean industry = group.startsWith(INDUSTRY);
      if (!industry && hit.position() >= companyFrom) {
        continue; // the company name is evidence for industries only
      }
      java.util.SortedSet<String> into = industry ? industryTags : group.startsWith(SKILL) ? skillTags : certTags;
      String id = group.substring(group.indexOf('=') + 1);
      if (into.add(id)) {
        reasons.add(new Reason(group, group.substring(0, group.indexOf('=')) + ".phrase:" + hit.phrase(), hit.phrase()));
      }
    }

    return new Tagging(profile.id(), profile.version(), tier.tier(), lr.level(), tier.score(), pay.salary(),
        where.country(), where.workMode(), List.copyOf(skillTags), List.copyOf(certTags), List.copyOf(industryTags),
        reasons, JobText.keywords(Normalizer.tokens(cleaned.title()), descriptionTokens.get()));
  }
}
