/** Signed tokens for unsubscribe and opt-in links. */
package io.telejobs.notifier.security;
