/** Career level from the title and the years of experience asked for. */
package io.telejobs.matcher.level;
