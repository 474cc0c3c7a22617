/** Notifier: decides exactly once who gets which job, and delivers it. {@link io.telejobs.notifier.NotifierApp} holds main. */
package io.telejobs.notifier;
