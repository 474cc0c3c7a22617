package io.telejobs.ingest.extract;

import static io.telejobs.ingest.extract.AnswerFields.date;
import static io.telejobs.ingest.extract.AnswerFields.required;
import static io.telejobs.ingest.extract.AnswerFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Remotive's public API ({@code GET https://remotive.com/api/remote-jobs?search=…}). Every job on
 * Remotive is remote; {@code candidate_required_location} says where applicants may live ("USA,
 * Canada, Mexico"), and {@code salary} is free text. Remotive's terms: link back to the job's page
 * on Remotive (the posting URL is always Remotive's) and call the API at most a few times a day.
 */
final class RemotiveAnswer {
  private RemotiveAnswer() {}

  static PostingDraft job(JsonNode j, JsonNode answer, AtsExtractor.Context context) {
    String title = required(j, "title");
    String where = text(j, "candidate_required_location");
    List<String> places = new ArrayList<>();
    List<String> countries = new ArrayList<>();
    if (where != null) {
      String[] parts = where.split("\\s*,\\s*");
      List<String> codes = new ArrayList<>();
      for (String p : parts) {
        String code = Countries.codeOf(p);
        if (code != null && !codes.contains(code)) {
          codes.add(code);
        }
      }
      if (codes.size() == parts.length) {
        places.addAll(List.of(parts));
        countries.addAll(codes);
      } else {
        places.add(where);
      }
    }
    String salary = text(j, "salary");
    return new PostingDraft(text(j, "id"), title, context.company() != null ? context.company() : text(j, "company_name"),
        places, countries, WorkMode.REMOTE, "Remotive lists remote jobs only", AnswerFields.employment(text(j, "job_type")),
        salary == null ? null : StatedSalary.ofText(salary), AnswerFields.html(text(j, "description")),
        date(text(j, "publication_date")), null, text(j, "url"), null);
  }
}
