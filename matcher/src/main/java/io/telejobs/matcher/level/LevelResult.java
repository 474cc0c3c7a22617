package io.telejobs.matcher.level;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.Reason;

/**
 * A career level and why.
 *
 * @param level the level
 * @param reason the rule that decided it
 */
public record LevelResult(Level level, Reason reason) {}
