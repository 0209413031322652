package io.linli.open311;

import io.linli.system.ApiError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code lat}/{@code long} an Open311 client gave with a request, in {@code
 * open311_request_location} (V30), read back into the request's {@code lat} and {@code long}. Both
 * or neither; decimal degrees within ±90 and ±180, kept to six places (about 0.1 m).
 */
@Repository
class RequestLocations {

  record LatLong(BigDecimal lat, BigDecimal lon) {}

  private final JdbcClient jdbc;

  RequestLocations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return null when neither is given; 400 naming the field when one is missing or invalid
   */
  static LatLong parse(String lat, String lon) {
    boolean hasLat = lat != null && !lat.isBlank();
    boolean hasLong = lon != null && !lon.isBlank();
    if (!hasLat && !hasLong) return null;
    if (!hasLat) throw ApiError.invalid("lat", "提供 long 时须同时提供 lat");
    if (!hasLong) throw ApiError.invalid("long", "提供 lat 时须同时提供 long");
    return new LatLong(degrees("lat", lat, 90), degrees("long", lon, 180));
  }

  private static BigDecimal degrees(String field, String value, int limit) {
    BigDecimal d;
    try {
      if (value.strip().length() > 32) throw new NumberFormatException();
      d = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw ApiError.invalid(field, "须为十进制度数，如 30.5728");
    }
    if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
      throw ApiError.invalid(field, "须在 -" + limit + " 到 " + limit + " 之间");
    }
    return d.setScale(6, RoundingMode.HALF_UP);
  }

  void save(String flow, String caseNo, LatLong at) {
    jdbc.sql(
            "insert into open311_request_location (flow, case_no, lat, long) values (?, ?, ?, ?) on conflict do nothing")
        .params(flow, caseNo, at.lat(), at.lon())
        .update();
  }

  /**
   * @return the locations of those of {@code caseNos} that have one, by case number
   */
  Map<String, LatLong> of(List<String> caseNos) {
    Map<String, LatLong> out = new HashMap<>();
    if (caseNos.isEmpty()) return out;
    jdbc.sql("select case_no, lat, long from open311_request_location where case_no = any (?)")
        .param(caseNos.toArray(String[]::new))
        .query(
            (rs, n) ->
                out.put(rs.getString(1), new LatLong(rs.getBigDecimal(2), rs.getBigDecimal(3))))
        .list();
    return out;
  }
}
