/** The role profile as plain data: concepts, tier rules, levels, salary bands and tags. */
package io.telejobs.matcher.profile;
