package io.telejobs.analytics.market;

import java.util.List;
import java.util.Locale;

/**
 * The statistics as CSV, one table at a time, as the dashboard's download links ask for them. Text fields are
 * quoted, and a field that a spreadsheet would run as a formula (starting with =, +, -, @) is prefixed with '.
 */
public final class Csv {
  /** The tables that can be downloaded. */
  public static final List<String> TABLES = List.of("series", "pay", "workModes", "employers", "skills",
      "certifications");

  private Csv() {}

  public static String of(MarketStats.Result r, String table) {
    StringBuilder b = new StringBuilder();
    switch (table) {
      case "series" -> {
        b.append("period_start,new_core,new_adjacent,new_pathway,new_total,live_core,live_adjacent,live_pathway,live_total\n");
        for (MarketStats.Period p : r.periods()) {
          b.append(p.start());
          for (String t : MarketStats.TIERS) {
            b.append(',').append(p.newByTier().get(t));
          }
          b.append(',').append(p.newTotal());
          for (String t : MarketStats.TIERS) {
            b.append(',').append(p.liveByTier().get(t));
          }
          b.append(',').append(p.liveTotal()).append('\n');
        }
      }
      case "pay" -> {
        b.append("level,currency,count,min,p10,p25,p50,p75,p90,max\n");
        for (MarketStats.Pay p : r.pay()) {
          b.append(p.level()).append(',').append(p.currency()).append(',').append(p.count());
          for (double v : new double[] {p.min(), p.p10(), p.p25(), p.p50(), p.p75(), p.p90(), p.max()}) {
            b.append(',').append(String.format(Locale.ROOT, "%.0f", v));
          }
          b.append('\n');
        }
      }
      case "workModes" -> {
        b.append("work_mode,jobs\n");
        r.workModes().forEach((k, v) -> b.append(k).append(',').append(v).append('\n'));
      }
      case "employers", "skills", "certifications" -> {
        b.append(table.equals("employers") ? "employer" : table.equals("skills") ? "skill" : "certification")
            .append(",jobs\n");
        List<MarketStats.Count> list = table.equals("employers") ? r.employers()
            : table.equals("skills") ? r.skills() : r.certifications();
        list.forEach(c -> b.append(field(c.name())).append(',').append(c.count()).append('\n'));
      }
      default -> throw new IllegalArgumentException("no table '" + table + "'; the tables are " + String.join(", ", TABLES));
    }
    return b.toString();
  }

  public static String field(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
