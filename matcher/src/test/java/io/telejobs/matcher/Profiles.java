package io.telejobs.matcher;

import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.profile.RoleProfile;

/** The bundled profile, loaded once for tests. */
public final class Profiles {
  public static final RoleProfile TELEHEALTH = ProfileFiles.load(ProfileFiles.DEFAULT);

  private Profiles() {}
}
