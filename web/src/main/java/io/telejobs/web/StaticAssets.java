package io.telejobs.web;

import io.telejobs.contracts.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files served from a classpath folder under a URL prefix: the pages' stylesheets and scripts, and chart
 * libraries from WebJars. Served with their content type, an ETag and a cache lifetime; a path that
 * leaves the folder, or names no file, is not found.
 */
public final class StaticAssets {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  /** A file as served: its bytes, content type and ETag. */
  public record Asset(byte[] bytes, String contentType, String etag) {}

  private final String prefix;
  private final String folder;
  private final ClassLoader loader;
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  /**
   * @param urlPrefix e.g. {@code /assets/}
   * @param classpathFolder e.g. {@code web/assets/} or {@code META-INF/resources/webjars/echarts/5.3.1/dist/}
   */
  public StaticAssets(String urlPrefix, String classpathFolder) {
    this.prefix = urlPrefix.endsWith("/") ? urlPrefix : urlPrefix + "/";
    this.folder = classpathFolder.endsWith("/") ? classpathFolder : classpathFolder + "/";
    this.loader = StaticAssets.class.getClassLoader();
  }

  String prefix() {
    return prefix;
  }

  /** The file for a request path, or null when the path is not under the prefix or names no file. */
  public Asset find(String path) {
    if (!path.startsWith(prefix)) {
      return null;
    }
    String name = path.substring(prefix.length());
    if (name.isEmpty() || name.contains("..") || name.contains("//") || name.startsWith("/") || name.contains("\\")) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return null; // only known kinds of file are served
    }
    return cache.computeIfAbsent(name, n -> load(n, type));
  }

  private Asset load(String name, String type) {
    try (InputStream in = loader.getResourceAsStream(folder + name)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      return new Asset(bytes, type, "\"" + Ids.sha256Hex(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
          .substring(0, 16) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
