package io.telejobs.ingest.crawl;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it is given, safe to share between crawl threads. */
final class RecordingSink implements PostingSink {
  final List<JobPosting> postings = new CopyOnWriteArrayList<>();
  final List<String> closed = new CopyOnWriteArrayList<>();
  final List<IngestError> errors = new CopyOnWriteArrayList<>();

  @Override
  public void posting(JobPosting p) {
    postings.add(p);
  }

  @Override
  public void closed(String id, String reason) {
    closed.add(id);
  }

  @Override
  public void error(IngestError e) {
    errors.add(e);
  }
}
