package io.linli.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Personal contact data at rest: AES-256-GCM with a random 96-bit nonce per value, under one of
 * several keys, each with an id, so keys can be rotated online (docs/operations.md):
 *
 * <ul>
 *   <li>written: {@code "LK" ‖ len ‖ keyId ‖ nonce ‖ ciphertext ‖ tag}, always under the active key
 *       ({@code linli.crypto.active-key}); the header is the GCM associated data, so a value cannot
 *       be relabelled to another key id;
 *   <li>read: a value with a header is decrypted with the key it names; a value without one
 *       (written before key ids, {@code nonce ‖ ciphertext ‖ tag}) with each configured key in
 *       turn, the original {@code linli.crypto.key} first — GCM's tag tells the right key from a
 *       wrong one.
 * </ul>
 *
 * Keys: {@code linli.crypto.key} (Base64 of 32 bytes) has the id {@value #ORIGINAL_KEY_ID}; {@code
 * linli.crypto.keys.<id>} add more. {@link KeyRotation} re-encrypts every stored value that is not
 * under the active key. Pseudonyms ({@link #pseudonym}) come from the key of {@code
 * linli.crypto.pseudonym-key} (default: {@code linli.crypto.key}) and never change with rotation.
 * Watch tokens are random and stored as hashes, not derived from any key ({@link WatchTokens}).
 * Unit tier: ContactCipherTest; integration tier: KeyRotationTest.
 */
@Component
@EnableConfigurationProperties(ContactCipher.Settings.class)
public class ContactCipher {

  /** The id of {@code linli.crypto.key}, the key of every value written before key ids. */
  public static final String ORIGINAL_KEY_ID = "0";

  /**
   * @param key the original key (Base64 of 32 bytes), id {@value #ORIGINAL_KEY_ID}; blank once
   *     retired
   * @param keys further keys by id ({@code [A-Za-z0-9_-]{1,32}})
   * @param activeKey the id new values are written under
   * @param pseudonymKey the key pseudonyms are derived from; blank: {@code key}
   */
  @ConfigurationProperties("linli.crypto")
  public record Settings(
      String key, Map<String, String> keys, String activeKey, String pseudonymKey) {}

  private static final byte[] MAGIC = {'L', 'K'};
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Map<String, SecretKeySpec> aesKeys = new LinkedHashMap<>();
  private final String activeKeyId;
  private final byte[] activeHeader;
  private final SecretKeySpec macKey;
  private final SecureRandom random = new SecureRandom();

  /** One key, id {@value #ORIGINAL_KEY_ID}, active and the pseudonym key (tests, tools). */
  public ContactCipher(String base64Key) {
    this(new Settings(base64Key, Map.of(), ORIGINAL_KEY_ID, null));
  }

  @Autowired
  public ContactCipher(Settings settings) {
    if (settings.key() != null && !settings.key().isBlank()) {
      aesKeys.put(ORIGINAL_KEY_ID, aes(ORIGINAL_KEY_ID, settings.key()));
    }
    if (settings.keys() != null) {
      settings
          .keys()
          .forEach(
              (id, key) -> {
                if (!KEY_ID.matcher(id).matches() || aesKeys.containsKey(id)) {
                  throw new IllegalStateException(
                      "linli.crypto.keys: key id '"
                          + id
                          + "' must be 1–32 letters, digits, '-' or '_', and not '"
                          + ORIGINAL_KEY_ID
                          + "'");
                }
                aesKeys.put(id, aes(id, key));
              });
    }
    this.activeKeyId =
        settings.activeKey() == null || settings.activeKey().isBlank()
            ? ORIGINAL_KEY_ID
            : settings.activeKey().strip();
    if (!aesKeys.containsKey(activeKeyId)) {
      throw new IllegalStateException(
          "linli.crypto.active-key is '"
              + activeKeyId
              + "', which is not configured: set linli.crypto.key (LINLI_CRYPTO_KEY) or linli.crypto.keys."
              + activeKeyId);
    }
    this.activeHeader = header(activeKeyId);
    String pseudonymKey =
        settings.pseudonymKey() != null && !settings.pseudonymKey().isBlank()
            ? settings.pseudonymKey()
            : settings.key();
    if (pseudonymKey == null || pseudonymKey.isBlank()) {
      throw new IllegalStateException(
          "linli.crypto.pseudonym-key is needed once linli.crypto.key is "
              + "retired: set it to the retired key's value, so stored pseudonyms stay valid");
    }
    byte[] raw = decodeKey("linli.crypto.pseudonym-key", pseudonymKey);
    this.macKey =
        new SecretKeySpec(
            hmac(new SecretKeySpec(raw, "HmacSHA256"), "linli-watch-token"), "HmacSHA256");
  }

  /** The id new values are written under. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /** The first bytes of every value written under the active key (KeyRotation's SQL). */
  byte[] activeHeader() {
    return activeHeader.clone();
  }

  public byte[] encrypt(String clear) {
    if (clear == null) return null;
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, aesKeys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(activeHeader);
      byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[activeHeader.length + NONCE + sealed.length];
      System.arraycopy(activeHeader, 0, out, 0, activeHeader.length);
      System.arraycopy(nonce, 0, out, activeHeader.length, NONCE);
      System.arraycopy(sealed, 0, out, activeHeader.length + NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public String decrypt(byte[] stored) {
    if (stored == null) return null;
    String id = keyIdOf(stored);
    if (id != null && aesKeys.containsKey(id)) {
      int h = MAGIC.length + 1 + id.length();
      String clear = open(aesKeys.get(id), stored, h, Arrays.copyOfRange(stored, 0, h));
      if (clear != null) return clear;
    }
    // written before key ids: nonce ‖ ciphertext ‖ tag, under whichever key was linli.crypto.key
    for (SecretKeySpec key : aesKeys.values()) {
      String clear = open(key, stored, 0, null);
      if (clear != null) return clear;
    }
    throw new IllegalStateException(
        id != null && !aesKeys.containsKey(id)
            ? "decryption failed: the value is under key id '" + id + "', which is not configured"
            : "decryption failed: no configured key opens the value (wrong linli.crypto.key?)");
  }

  /** The key id in a value's header, or null for a value without one. */
  static String keyIdOf(byte[] stored) {
    if (stored.length < MAGIC.length + 2 || stored[0] != MAGIC[0] || stored[1] != MAGIC[1])
      return null;
    int len = stored[2] & 0xff;
    if (len < 1 || len > 32 || stored.length < MAGIC.length + 1 + len + NONCE) return null;
    String id = new String(stored, 3, len, StandardCharsets.US_ASCII);
    return KEY_ID.matcher(id).matches() ? id : null;
  }

  /**
   * A stable keyed hash of {@code value} (e.g. a phone) within {@code scope}: counts one support
   * per phone without keeping the phone. Not a credential: watch tokens are {@link WatchTokens}.
   * The derivation is unchanged since the first release, so stored pseudonyms stay valid.
   */
  public String pseudonym(String scope, String value) {
    byte[] mac = hmac(macKey, scope + ":" + value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 32);
  }

  private static String open(SecretKeySpec key, byte[] stored, int offset, byte[] aad) {
    if (stored.length < offset + NONCE + TAG_BITS / 8) return null;
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, offset, NONCE));
      if (aad != null) c.updateAAD(aad);
      return new String(
          c.doFinal(stored, offset + NONCE, stored.length - offset - NONCE),
          StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      return null; // not this key
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed", e);
    }
  }

  private static byte[] header(String id) {
    byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
    byte[] h = new byte[MAGIC.length + 1 + idBytes.length];
    h[0] = MAGIC[0];
    h[1] = MAGIC[1];
    h[2] = (byte) idBytes.length;
    System.arraycopy(idBytes, 0, h, 3, idBytes.length);
    return h;
  }

  private static SecretKeySpec aes(String id, String base64) {
    return new SecretKeySpec(decodeKey("linli.crypto key '" + id + "'", base64), "AES");
  }

  private static byte[] decodeKey(String name, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != 32) {
      throw new IllegalStateException(name + " must be Base64 of 32 bytes (AES-256)");
    }
    return key;
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
