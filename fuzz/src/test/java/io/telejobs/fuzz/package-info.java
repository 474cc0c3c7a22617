/** Fuzz tests of every reader of hostile input; seeds and found inputs under src/test/resources. */
package io.telejobs.fuzz;
