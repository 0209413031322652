package io.linli.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
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
  private final SecureRandom random = new SecureRandom();

  ContactCipher(@Value("${linli.crypto.key}") String base64Key) {
    byte[] key = Base64.getDecoder().decode(base64Key.strip());
    if (key.length != 32) {
      throw new IllegalStateException("linli.crypto.key must be Base64 of 32 bytes (AES-256)");
    }
    this.aesKey = new SecretKeySpec(key, "AES");
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
}
