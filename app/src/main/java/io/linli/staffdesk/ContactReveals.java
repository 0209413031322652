package io.linli.staffdesk;

import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.intake.ContactCipher;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff reveal a resident's full phone number for a task they hold on the case, and every reveal is
 * written to {@code contact_access_log} (who, when, which case, which task and why) in the same
 * transaction as the decryption: no log row, no number. The number itself is never logged nor
 * stored anywhere but encrypted in case_file.
 */
@Service
class ContactReveals {

  /** What the staff member sees; the number in national form for dialling. */
  record Revealed(String caseNo, String phone, String taskId, String taskName, Instant at) {}

  private final CaseFiles files;
  private final ContactCipher cipher;
  private final CaseTaskHolders held;
  private final JdbcClient jdbc;

  ContactReveals(CaseFiles files, ContactCipher cipher, CaseTaskHolders held, JdbcClient jdbc) {
    this.files = files;
    this.cipher = cipher;
    this.held = held;
    this.jdbc = jdbc;
  }

  /**
   * @param note an optional purpose in the staff member's words, added to the task's name
   * @throws ApiError 404 when the case is unknown or the staff member holds no task on it (the same
   *     answer, so case numbers cannot be probed), 409 when the resident left no phone
   */
  @Transactional
  Revealed reveal(String caseNo, Staff staff, String note) {
    CaseFile c = files.find(caseNo).orElseThrow(() -> notYours(caseNo));
    Task task = held.of(c, staff).orElseThrow(() -> notYours(caseNo));
    byte[] enc =
        files.contactPhone(caseNo).orElseThrow(() -> ApiError.conflict("案件 " + caseNo + " 没有留电话"));
    String phone = cipher.decrypt(enc);
    Instant now = Times.now();
    String purpose =
        "办理任务「"
            + (task.getName() == null ? task.getTaskDefinitionKey() : task.getName())
            + "」"
            + (note == null || note.isBlank() ? "" : "：" + note);
    jdbc.sql(
            """
            insert into contact_access_log
              (flow, case_no, community, staff_user, task_id, task_key, task_name, purpose, accessed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            c.flow(),
            caseNo,
            c.communityCode(),
            staff.userId(),
            task.getId(),
            task.getTaskDefinitionKey(),
            task.getName(),
            truncate(purpose, 255),
            Timestamp.from(now))
        .update();
    return new Revealed(caseNo, national(phone), task.getId(), task.getName(), now);
  }

  static ApiError notYours(String caseNo) {
    return ApiError.notFound("没有您可办理的案件：" + caseNo);
  }

  /** {@code +8613800001234} → {@code 13800001234}; other numbers as stored. */
  static String national(String e164) {
    return e164 != null && e164.startsWith("+86") ? e164.substring(3) : e164;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
