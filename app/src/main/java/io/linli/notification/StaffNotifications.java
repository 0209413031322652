package io.linli.notification;

import io.linli.intake.ContactCipher;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staff channel: a message to a staff member, or to every member of a candidate group, through
 * the same outbox as the residents' notices (durable, retried, one delivery per dedup key, safe on
 * several nodes). Each member is reached on their own channels: e-mail from their identity (the
 * Camunda user's e-mail, or the Keycloak user's in the {@code keycloak} profile, both through the
 * engine's identity service) and SMS when {@code staff_contact} holds a phone for them. Addresses
 * are encrypted in the outbox like residents'; nothing personal is logged or kept in process
 * variables.
 */
@Component
public class StaffNotifications {

  /**
   * What to send.
   *
   * @param kind what the message is (e.g. SLA_WARNING, URGE), stored as the outbox row's event type
   * @param flow and {@code caseNo}: the case it concerns (null for none)
   */
  public record Message(String kind, String flow, String caseNo, String subject, String body) {}

  private final JdbcClient jdbc;
  private final ContactCipher cipher;
  private final IdentityService identity;

  StaffNotifications(JdbcClient jdbc, ContactCipher cipher, IdentityService identity) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.identity = identity;
  }

  /**
   * Notifies whoever holds a task: its assignee, else the members of its candidate groups.
   *
   * @param key unique for this message (e.g. the warning's clock); a repeated call with the same
   *     key writes nothing new
   * @return the staff members the message was queued for
   */
  public List<String> notifyHolder(
      String assignee, Collection<String> candidateGroups, String key, Message message) {
    Set<String> users = new LinkedHashSet<>();
    if (assignee != null) {
      users.add(assignee);
    } else {
      for (String group : candidateGroups) users.addAll(members(group));
    }
    List<String> reached = new ArrayList<>();
    for (String user : users) if (notifyUser(user, key, message) > 0) reached.add(user);
    return reached;
  }

  /**
   * @return the outbox rows written for {@code userId} (0 when they have no address or already had
   *     it)
   */
  public int notifyUser(String userId, String key, Message message) {
    int rows = 0;
    Optional<String> email = email(userId);
    if (email.isPresent()) rows += enqueue(userId, key, NotifyChannel.EMAIL, email.get(), message);
    Optional<String> phone = phone(userId);
    if (phone.isPresent()) rows += enqueue(userId, key, NotifyChannel.SMS, phone.get(), message);
    return rows;
  }

  /** Sets (or replaces) a staff member's mobile phone for SMS, E.164, stored encrypted. */
  public void setPhone(String userId, String e164) {
    jdbc.sql(
            """
            insert into staff_contact (user_id, phone_enc, updated_at) values (?, ?, ?)
            on conflict (user_id) do update set phone_enc = excluded.phone_enc, updated_at = excluded.updated_at""")
        .params(userId, cipher.encrypt(e164), Timestamp.from(Times.now()))
        .update();
  }

  /** The user ids of a group's members, as the identity (Camunda or Keycloak) lists them. */
  public List<String> members(String groupId) {
    return asEngine(
        () ->
            identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getId)
                .toList());
  }

  private Optional<String> email(String userId) {
    User u = asEngine(() -> identity.createUserQuery().userId(userId).singleResult());
    return u == null || u.getEmail() == null || u.getEmail().isBlank()
        ? Optional.empty()
        : Optional.of(u.getEmail().trim());
  }

  private Optional<String> phone(String userId) {
    return jdbc.sql("select phone_enc from staff_contact where user_id = ?")
        .param(userId)
        .query((rs, n) -> rs.getBytes(1))
        .optional()
        .map(cipher::decrypt);
  }

  private int enqueue(String userId, String key, NotifyChannel channel, String address, Message m) {
    String dedup = dedupKey(key, userId, channel);
    Timestamp now = Timestamp.from(Times.now());
    return jdbc.sql(
            """
            insert into notification_outbox (dedup_key, flow, case_no, event_type, channel,
              address_enc, subject, body, next_attempt_at, created_at, recipient)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing""")
        .params(
            dedup,
            m.flow() == null ? "STAFF" : m.flow(),
            m.caseNo() == null ? "-" : m.caseNo(),
            m.kind(),
            channel.name(),
            cipher.encrypt(address),
            m.subject(),
            m.body(),
            now,
            now,
            userId)
        .update();
  }

  /** {@code staff:<key>:<user>:<channel>}, within the outbox's 120 characters. */
  static String dedupKey(String key, String userId, NotifyChannel channel) {
    String k = "staff:" + key + ":" + userId + ":" + channel.name();
    return k.length() <= 120
        ? k
        : "staff:"
            + Integer.toHexString(k.hashCode())
            + ":"
            + java.util.UUID.nameUUIDFromBytes(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Identity look-ups run as the application: a request's engine user (keycloak profile) may not be
   * allowed to read other users, yet the message must reach them.
   */
  private <T> T asEngine(Supplier<T> work) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) identity.setAuthentication(current);
    }
  }
}
