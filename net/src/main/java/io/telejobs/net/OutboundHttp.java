package io.telejobs.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Outbound HTTP for everything the pipeline fetches or posts on someone else's say-so (crawled pages,
 * ATS APIs, webhooks), on Apache HttpClient 5:
 *
 * <ul>
 *   <li>every connection goes to an address the {@link AddressPolicy} allows: names are resolved by a
 *       {@link PolicyDnsResolver}, and the client connects to exactly the addresses it returned, so there
 *       is no window between the check and the connection (DNS rebinding);
 *   <li>no redirects are followed (callers decide, and check each hop again); no automatic retries;
 *   <li>connect and read timeouts, and a deadline for the whole exchange: a body that trickles in is cut
 *       off when the deadline passes;
 *   <li>bodies are read up to a size limit, after decompression (a gzip bomb is cut at the limit).
 * </ul>
 *
 * Thread-safe; one instance per service.
 */
public final class OutboundHttp implements AutoCloseable {
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "outbound-http-deadlines");
    t.setDaemon(true);
    return t;
  });

  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager connections;
  private final Settings settings;

  /**
   * @param userAgent sent with every request
   * @param connectTimeout to open a connection
   * @param readTimeout longest wait for the next bytes
   * @param deadline longest time for one whole exchange, body included
   * @param maxBodyBytes larger bodies are cut here (after decompression)
   * @param policy which addresses may be connected to
   */
  public record Settings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration deadline,
      int maxBodyBytes, AddressPolicy policy) {}

  /** One response, its body read whole or up to the limit. */
  public record Response(URI uri, int status, Map<String, String> headers, byte[] body, boolean truncated) {
    /** A header by name, any case, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The media type of the body ("text/html"), lower case, or empty. */
    public String mediaType() {
      String ct = header("content-type");
      if (ct == null) {
        return "";
      }
      int semi = ct.indexOf(';');
      return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset the Content-Type header names, or null when it names none or an unknown one. */
    public Charset charset() {
      String ct = header("content-type");
      if (ct == null) {
        return null;
      }
      try {
        return ContentType.parse(ct).getCharset();
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  /** The exchange did not finish before its deadline. */
  public static final class DeadlineExceededException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    DeadlineExceededException(Duration deadline) {
      super("no complete answer within " + deadline.toSeconds() + " s");
    }
  }

  public OutboundHttp(Settings settings) {
    this.settings = settings;
    DnsResolver dns = new PolicyDnsResolver(settings.policy());
    this.connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(dns)
        .setMaxConnTotal(64)
        .setMaxConnPerRoute(4)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
            .setSocketTimeout(Timeout.of(settings.readTimeout()))
            .build())
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(connections)
        .setUserAgent(settings.userAgent())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(settings.readTimeout()))
            .setConnectionRequestTimeout(Timeout.of(settings.deadline()))
            .setExpectContinueEnabled(false)
            .build())
        .build();
  }

  public Settings settings() {
    return settings;
  }

  /** GET with the given request headers. Redirects are returned, not followed. */
  public Response get(URI uri, Map<String, String> headers) throws IOException {
    check(uri);
    HttpGet get = new HttpGet(uri);
    headers.forEach(get::setHeader);
    return exchange(get, uri, settings.maxBodyBytes());
  }

  /** POST of a body with the given content type and headers. Redirects are returned, not followed. */
  public Response post(URI uri, byte[] body, String contentType, Map<String, String> headers) throws IOException {
    return post(uri, body, contentType, headers, settings.maxBodyBytes());
  }

  /** POST that reads at most {@code maxAnswerBytes} of the answer (webhooks read little). */
  public Response post(URI uri, byte[] body, String contentType, Map<String, String> headers, int maxAnswerBytes)
      throws IOException {
    check(uri);
    HttpPost post = new HttpPost(uri);
    headers.forEach(post::setHeader);
    post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
    return exchange(post, uri, maxAnswerBytes);
  }

  /** Refuses a URL the policy refuses before anything is built from it or connected to. */
  private void check(URI uri) throws AddressRefusedException {
    String problem = settings.policy().problemWithUrl(uri.toString());
    if (problem != null) {
      throw new AddressRefusedException(uri.getHost() == null ? uri.toString() : uri.getHost(),
          problem.replaceFirst("^points at ", "").replace(", which is not allowed", ""));
    }
  }

  private Response exchange(HttpUriRequestBase request, URI uri, int maxBytes) throws IOException {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
      timedOut.set(true);
      request.cancel();
    }, settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
    try {
      return client.execute(request, response -> read(uri, response, maxBytes, timedOut));
    } catch (UnknownHostException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (timedOut.get()) {
        DeadlineExceededException d = new DeadlineExceededException(settings.deadline());
        d.initCause(e);
        throw d;
      }
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    } finally {
      deadline.cancel(false);
    }
  }

  private Response read(URI uri, ClassicHttpResponse response, int maxBytes, AtomicBoolean timedOut)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
    }
    HttpEntity entity = response.getEntity();
    byte[] body = new byte[0];
    boolean truncated = false;
    if (entity != null) {
      try (InputStream in = entity.getContent()) {
        body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
          truncated = true;
          body = java.util.Arrays.copyOf(body, maxBytes);
        }
      }
    }
    if (timedOut.get()) {
      throw new DeadlineExceededException(settings.deadline());
    }
    if (truncated) {
      response.close(); // do not drain the rest of a huge body
    }
    return new Response(uri, response.getCode(), headers, body, truncated);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // closing: nothing left to do
    }
    connections.close();
  }
}
