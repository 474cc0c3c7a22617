/** Country and work mode from structured data first, text second. */
package io.telejobs.matcher.location;
