package io.linli.cases;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of free text in the engine's tables (kind {@link PersonalData#FREE_TEXT}): for every
 * process instance of a case (business key = case number, and every instance under the same root,
 * such as the escalations it called), what staff typed into task forms is erased from the variables
 * (runtime and history), the history's variable updates and form details, task comments and
 * attachments, incident and job-log messages and the user operation log. A string value is kept
 * only when it looks like a code (a letter, then letters, digits, {@code _ . : -}, at most 64
 * characters: tiers, outcomes, user ids, case numbers), since those carry the decisions Cockpit's
 * history shows; everything else — text with spaces or Chinese characters, phone numbers, e-mail
 * addresses — becomes null, and serialized, JSON, XML, byte and file values are deleted with their
 * byte arrays. The engine's own history cleanup removes the rest at the processes' time to live.
 * Plain SQL on the engine's tables, in the purging transaction; the engine caches none of these
 * rows between commands.
 */
@Component
class EngineHistoryRetention {

  /** What a kept string looks like (PostgreSQL regular expression). */
  static final String CODE = "^[A-Za-z][A-Za-z0-9_.:-]{0,63}$";

  private static final String INSTANCES =
      """
      (select i.id_ from act_hi_procinst i where i.root_proc_inst_id_ in
        (select r.root_proc_inst_id_ from act_hi_procinst r where r.business_key_ = :caseNo)
       union select r.id_ from act_hi_procinst r where r.business_key_ = :caseNo)""";
  private static final String TEXT = "(text_ is not null and text_ !~ :code)";
  private static final String BINARY_TYPES =
      "('bytes', 'object', 'serializable', 'json', 'xml', 'file')";

  private final JdbcClient jdbc;

  EngineHistoryRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void eraseFreeText(String caseNo) {
    for (String[] t :
        new String[][] {
          {"act_hi_varinst", "var_type_"},
          {"act_hi_detail", "var_type_"},
          {"act_ru_variable", "type_"}
        }) {
      String table = t[0];
      String type = t[1];
      List<String> bytes =
          jdbc.sql(
                  "select bytearray_id_ from "
                      + table
                      + " where proc_inst_id_ in "
                      + INSTANCES
                      + " and bytearray_id_ is not null and "
                      + type
                      + " in "
                      + BINARY_TYPES)
              .param("caseNo", caseNo)
              .query(String.class)
              .list();
      jdbc.sql(
              "update "
                  + table
                  + " set bytearray_id_ = null, text_ = null, text2_ = null"
                  + " where proc_inst_id_ in "
                  + INSTANCES
                  + " and "
                  + type
                  + " in "
                  + BINARY_TYPES)
          .param("caseNo", caseNo)
          .update();
      deleteBytes(bytes);
      jdbc.sql(
              "update "
                  + table
                  + " set text_ = null, text2_ = null where proc_inst_id_ in "
                  + INSTANCES
                  + " and ("
                  + type
                  + " = 'string' or "
                  + type
                  + " is null) and ("
                  + TEXT
                  + " or (text2_ is not null and text2_ !~ :code))")
          .param("caseNo", caseNo)
          .param("code", CODE)
          .update();
    }
    List<String> attachments =
        jdbc.sql(
                "select content_id_ from act_hi_attachment where content_id_ is not null"
                    + " and proc_inst_id_ in "
                    + INSTANCES)
            .param("caseNo", caseNo)
            .query(String.class)
            .list();
    jdbc.sql(
            "delete from act_hi_attachment where proc_inst_id_ in "
                + INSTANCES
                + " or task_id_ in (select t.id_ from act_hi_taskinst t where t.proc_inst_id_ in "
                + INSTANCES
                + ")")
        .param("caseNo", caseNo)
        .update();
    deleteBytes(attachments);
    jdbc.sql(
            "delete from act_hi_comment where proc_inst_id_ in "
                + INSTANCES
                + " or task_id_ in (select t.id_ from act_hi_taskinst t where t.proc_inst_id_ in "
                + INSTANCES
                + ")")
        .param("caseNo", caseNo)
        .update();
    jdbc.sql(
            "update act_hi_op_log set org_value_ = case when org_value_ ~ :code then org_value_ end,"
                + " new_value_ = case when new_value_ ~ :code then new_value_ end where proc_inst_id_ in "
                + INSTANCES
                + " and (org_value_ !~ :code or new_value_ !~ :code)")
        .param("caseNo", caseNo)
        .param("code", CODE)
        .update();
    jdbc.sql(
            "update act_hi_incident set incident_msg_ = null where incident_msg_ is not null and proc_inst_id_ in "
                + INSTANCES)
        .param("caseNo", caseNo)
        .update();
    List<String> stacks =
        jdbc.sql(
                "select job_exception_stack_id_ from act_hi_job_log where"
                    + " job_exception_stack_id_ is not null and process_instance_id_ in "
                    + INSTANCES)
            .param("caseNo", caseNo)
            .query(String.class)
            .list();
    jdbc.sql(
            "update act_hi_job_log set job_exception_msg_ = null, job_exception_stack_id_ = null"
                + " where process_instance_id_ in "
                + INSTANCES
                + " and (job_exception_msg_ is not null or job_exception_stack_id_ is not null)")
        .param("caseNo", caseNo)
        .update();
    deleteBytes(stacks);
  }

  private void deleteBytes(List<String> ids) {
    if (!ids.isEmpty())
      jdbc.sql("delete from act_ge_bytearray where id_ in (:ids)").param("ids", ids).update();
  }
}
