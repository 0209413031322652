package io.linli.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal contact data at rest: AES-256-GCM with a random 96-bit nonce per value, stored as
 * nonce ‖ ciphertext ‖ tag. The key is {@code linli.crypto.key} (Base64 of 32 bytes); only the
 * default (demo) profile has a default. Watch tokens are not derived from this key
 * ({@link WatchTokens}).
 */
@Component
public class ContactCipher {

  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec aesKey;
  private final SecretKeySpec macKey;
  private final SecureRandom random = new SecureRandom();

  public ContactCipher(@Value("${linli.crypto.key}") String base64Key) {
    byte[] key = Base64.getDecoder().decode(base64Key.strip());
    if (key.length != 32) {
      throw new IllegalStateException("linli.crypto.key must be Base64 of 32 bytes (AES-256)");
    }
    this.aesKey = new SecretKeySpec(key, "AES");
    this.macKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "linli-watch-token"),
        "HmacSHA256");
  }

  public byte[] encrypt(String clear) {
    if (clear == null) return null;
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /**
   * A stable keyed hash of {@code value} (e.g. a phone) within {@code scope}: counts one support per
   * phone without keeping the phone. Not a credential: watch tokens are {@link WatchTokens}. The
   * derivation is unchanged since the first release, so stored pseudonyms stay valid.
   */
  public String pseudonym(String scope, String value) {
    byte[] mac = hmac(macKey, scope + ":" + value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 32);
  }

  public String decrypt(byte[] stored) {
    if (stored == null) return null;
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
      return new String(c.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed (wrong linli.crypto.key?)", e);
    }
  }

  private static byte[] hmac(SecretKeySpec key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
