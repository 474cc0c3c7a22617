/** Daily and weekly digests: when they are due (plain Java) and the scheduler that sends them. */
package io.telejobs.notifier.digest;
