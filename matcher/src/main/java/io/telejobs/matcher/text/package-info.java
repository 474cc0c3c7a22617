/** Text normalisation and phrase matching shared by every classifier. */
package io.telejobs.matcher.text;
