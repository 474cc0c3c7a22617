package io.telejobs.contracts;

/**
 * Why a tag was given: which rule fired on which text.
 *
 * @param tag what was decided ("tier=core", "level=senior", "skill=hipaa")
 * @param rule the rule or alias that fired ("title.specialty:telehealth")
 * @param evidence the text it fired on
 */
public record Reason(String tag, String rule, String evidence) {
  public Reason {
    JobPosting.requireText(tag, "tag");
    JobPosting.requireText(rule, "rule");
    evidence = evidence == null ? "" : evidence;
  }
}
