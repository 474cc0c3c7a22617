package io.telejobs.matcher.tag;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.Reason;
import io.telejobs.contracts.Tier;
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
  private final RoleProfile profile;
  private final TitleClassifier titles;
  private final LevelClassifier levels;
  private final LocationResolver locations = new LocationResolver();
  private final SalaryNormalizer salaries;
  private final PhraseMatcher skills;
  private final PhraseMatcher certifications;
  private final PhraseMatcher industries;

  public Tagger(RoleProfile profile) {
    this.profile = profile;
    this.titles = new TitleClassifier(profile);
    this.levels = new LevelClassifier(profile.levels());
    this.salaries = new SalaryNormalizer(new SalaryBands(profile.salaryBands()));
    this.skills = new PhraseMatcher(profile.skills());
    this.certifications = new PhraseMatcher(profile.certifications());
    this.industries = new PhraseMatcher(profile.industries());
  }

  public RoleProfile profile() {
    return profile;
  }

  public Tagging tag(TagInput in) {
    List<String> descriptionTokens = Normalizer.tokens(in.description());
    TierResult tier = titles.classify(in.title(), descriptionTokens);
    List<Reason> reasons = new ArrayList<>(tier.reasons());

    TitleCleaner.Cleaned cleaned = TitleCleaner.clean(in.title());
    Level level = Level.UNKNOWN;
    if (tier.tier() != Tier.NONE) {
      LevelResult lr = levels.classify(Normalizer.titleTokens(cleaned.title()), in.description());
      level = lr.level();
      reasons.add(lr.reason());
    }

    LocationResult where = locations.resolve(in.countries(), in.locations(), in.workMode(),
        in.workModeEvidence(), cleaned.removed(), in.description());
    reasons.addAll(where.reasons());

    SalaryNormalizer.Result pay = salaries.normalize(in.salary(), where.country());
    reasons.add(pay.reason());

    List<String> text = new ArrayList<>(Normalizer.tokens(in.title()));
    text.add("|");
    text.addAll(descriptionTokens);
    List<String> companyTokens = Normalizer.tokens(in.company() == null ? "" : in.company());
    List<String> skillTags = tags(skills, text, "skill", reasons);
    List<String> certTags = tags(certifications, text, "certification", reasons);
    List<String> withCompany = new ArrayList<>(text);
    withCompany.add("|");
    withCompany.addAll(companyTokens);
    List<String> industryTags = tags(industries, withCompany, "industry", reasons);

    return new Tagging(profile.id(), profile.version(), tier.tier(), level, tier.score(), pay.salary(),
        where.country(), where.workMode(), skillTags, certTags, industryTags, reasons);
  }

  private static List<String> tags(PhraseMatcher matcher, List<String> tokens, String kind, List<Reason> reasons) {
    Map<String, PhraseMatcher.Hit> first = matcher.firstPerGroup(tokens);
    for (Map.Entry<String, PhraseMatcher.Hit> e : first.entrySet()) {
      reasons.add(new Reason(kind + "=" + e.getKey(), kind + ".phrase:" + e.getValue().phrase(), e.getValue().phrase()));
    }
    return List.copyOf(new TreeSet<>(first.keySet()));
  }
}
