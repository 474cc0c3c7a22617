package io.telejobs.contracts.config;

/**
 * One documented environment variable.
 *
 * @param name the variable, e.g. {@code APP_SMTP_HOST}
 * @param defaultValue the value used when it is unset, or null when it is required
 * @param description what it means, for logs, {@code --help} and the README
 */
public record EnvVar(String name, String defaultValue, String description) {
  public EnvVar {
    if (name == null || !name.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("bad variable name: " + name);
    }
  }

  /** A variable that must be set. */
  public static EnvVar required(String name, String description) {
    return new EnvVar(name, null, description);
  }

  /** A variable with a default. */
  public static EnvVar optional(String name, String defaultValue, String description) {
    return new EnvVar(name, defaultValue, description);
  }

  public boolean isRequired() {
    return defaultValue == null;
  }
}
