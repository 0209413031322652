package io.linli.points;

import io.linli.intake.ContactCipher;
import org.springframework.stereotype.Component;

/**
 * A resident's points account reference: a keyed pseudonym ({@link ContactCipher#pseudonym}) of the
 * E.164 phone, or of the realm user name. The clear phone is never stored with the points; the same
 * phone always gives the same account, whoever reports with it.
 */
@Component
class Residents {

  static final String PHONE = "phone:";
  static final String USER = "user:";

  private final ContactCipher cipher;

  Residents(ContactCipher cipher) {
    this.cipher = cipher;
  }

  String phone(String e164) {
    return PHONE + cipher.pseudonym("points-phone", e164);
  }

  String user(String userId) {
    return USER + cipher.pseudonym("points-user", userId);
  }
}
