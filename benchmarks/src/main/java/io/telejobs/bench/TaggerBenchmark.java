package io.telejobs.bench;

import io.telejobs.contracts.JobPosting;
import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.tag.TagInput;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.tag.Tagging;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tagger alone, one thread: postings per second per core. The baseline in the same run reads each
 * posting's description once with the JDK (lower case, split on non-alphanumerics), so the ratio stays
 * comparable on a noisy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class TaggerBenchmark {
  private Tagger tagger;
  private TagInput[] inputs;
  private int next;

  @Setup
  public void setUp() {
    tagger = new Tagger(ProfileFiles.load(ProfileFiles.DEFAULT));
    List<JobPosting> postings = BenchPostings.generate(4096, 42);
    inputs = postings.stream().map(TagInput::of).toArray(TagInput[]::new);
  }

  @Benchmark
  public Tagging tag() {
    TagInput in = inputs[next];
    next = (next + 1) & (inputs.length - 1);
    return tagger.tag(in);
  }

  @Benchmark
  public String[] jdkSplit() {
    TagInput in = inputs[next];
    next = (next + 1) & (inputs.length - 1);
    return in.description().toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+");
  }
}
