package io.linli.staffdesk;

import io.linli.identity.SupervisionAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code contact_access_log} for supervisors: by case, by staff member, or both, newest
 * first, within the communities the caller may audit. The SQL names only the filters given (a
 * catch-all predicate gets a poor generic plan once the statement is prepared on the server).
 */
@Repository
class ContactAccessLog {

  static final int LIMIT = 500;

  record Entry(
      long id,
      String flow,
      String caseNo,
      String community,
      String staffUser,
      String taskId,
      String taskKey,
      String taskName,
      String purpose,
      Instant accessedAt) {}

  private final JdbcClient jdbc;

  ContactAccessLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Entry> find(String caseNo, String staffUser, SupervisionAccess.Scope scope) {
    StringBuilder sql =
        new StringBuilder(
            """
        select id, flow, case_no, community, staff_user, task_id, task_key, task_name, purpose, accessed_at
        from contact_access_log where true""");
    List<Object> params = new ArrayList<>();
    if (caseNo != null) {
      sql.append(" and case_no = ?");
      params.add(caseNo);
    }
    if (staffUser != null) {
      sql.append(" and staff_user = ?");
      params.add(staffUser);
    }
    if (!scope.all()) {
      sql.append(" and community = any(?)");
      params.add(scope.communities().toArray(String[]::new));
    }
    sql.append(" order by accessed_at desc, id desc limit ").append(LIMIT);
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getObject(10, java.time.OffsetDateTime.class).toInstant()))
        .list();
  }
}
