package io.telejobs.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which route answers which method and path. Paths are literal segments and {@code {name}} segments,
 * which match one non-empty segment: {@code /api/subscriptions/{id}/pause}.
 */
public final class Routes {
  private record Entry(String method, String[] segments, Route route) {}

  /** A route found for a request, with the values of its named segments. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<StaticAssets> assets = new ArrayList<>();

  public Routes get(String path, Route route) {
    return add("GET", path, route);
  }

  public Routes post(String path, Route route) {
    return add("POST", path, route);
  }

  public Routes put(String path, Route route) {
    return add("PUT", path, route);
  }

  public Routes delete(String path, Route route) {
    return add("DELETE", path, route);
  }

  public Routes add(String method, String path, Route route) {
    entries.add(new Entry(method.toUpperCase(Locale.ROOT), split(path), route));
    return this;
  }

  /** Serves files of a classpath folder under a URL prefix ({@code /assets/}). */
  public Routes assets(StaticAssets files) {
    assets.add(files);
    return this;
  }

  List<StaticAssets> assets() {
    return assets;
  }

  /** The route for this method and path, or null. */
  public Match match(String method, String path) {
    String[] given = split(path);
    for (Entry e : entries) {
      if (!e.method().equals(method)) {
        continue;
      }
      Map<String, String> params = matches(e.segments(), given);
      if (params != null) {
        return new Match(e.route(), params);
      }
    }
    return null;
  }

  /** True when some route has this path for another method (a 405 rather than a 404). */
  public boolean pathExists(String path) {
    String[] given = split(path);
    return entries.stream().anyMatch(e -> matches(e.segments(), given) != null);
  }

  private static Map<String, String> matches(String[] pattern, String[] given) {
    if (pattern.length != given.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (given[i].isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), given[i]);
      } else if (!p.equals(given[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String p = path == null || path.isEmpty() ? "/" : path;
    if (p.equals("/")) {
      return new String[0];
    }
    String trimmed = p.startsWith("/") ? p.substring(1) : p;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.split("/", -1);
  }
}
