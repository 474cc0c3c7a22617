/** Title classification into role tiers, with reasons. */
package io.telejobs.matcher.title;
