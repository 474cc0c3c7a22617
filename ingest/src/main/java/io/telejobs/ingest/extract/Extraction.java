package io.telejobs.ingest.extract;

import java.util.List;

/**
 * What a parser got from one page: the postings it could read and a note for every block it could not,
 * so that one broken block never hides the postings beside it.
 *
 * @param postings postings found
 * @param problems one line per unreadable block
 */
public record Extraction(List<PostingDraft> postings, List<String> problems) {
  public Extraction {
    postings = List.copyOf(postings);
    problems = List.copyOf(problems);
  }
}
