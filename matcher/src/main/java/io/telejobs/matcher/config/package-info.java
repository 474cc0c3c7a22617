/** Reading the matcher configuration and role-profile files (the I/O edge of the domain). */
package io.telejobs.matcher.config;
