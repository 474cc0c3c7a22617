/** Salary parsing and normalisation to annual amounts and profile bands. */
package io.telejobs.matcher.salary;
