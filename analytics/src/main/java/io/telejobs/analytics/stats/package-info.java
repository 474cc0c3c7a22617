/** Market statistics for analysts: row keys and salary percentiles (plain Java). */
package io.telejobs.analytics.stats;
