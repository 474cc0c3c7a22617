/** The whole pipeline on one machine: embedded broker, sample sites, the three services and a local mailbox. */
package io.telejobs.local;
