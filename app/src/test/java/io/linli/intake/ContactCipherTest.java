package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unit tier: key ids, rotation and retirement of the contact cipher; values of before key ids. */
class ContactCipherTest {

  static final String K0 = randomKey();
  static final String K1 = randomKey();

  static String randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  /** A value as releases before key ids wrote it: nonce ‖ ciphertext ‖ tag, no header. */
  static byte[] legacy(String base64Key, String clear) throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
        new GCMParameterSpec(128, nonce));
    byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[12 + sealed.length];
    System.arraycopy(nonce, 0, out, 0, 12);
    System.arraycopy(sealed, 0, out, 12, sealed.length);
    return out;
  }

  static ContactCipher cipher(
      String key, Map<String, String> keys, String active, String pseudonymKey) {
    return new ContactCipher(new ContactCipher.Settings(key, keys, active, pseudonymKey));
  }

  @Test
  @DisplayName("新写入的密文带密钥编号；旧版本无编号的密文仍可解密")
  void valuesCarryTheirKeyIdAndOldOnesStillOpen() throws Exception {
    ContactCipher cipher = new ContactCipher(K0);
    byte[] v = cipher.encrypt("+8613800001234");
    assertThat(ContactCipher.keyIdOf(v)).isEqualTo("0");
    assertThat(cipher.decrypt(v)).isEqualTo("+8613800001234");
    assertThat(cipher.decrypt(legacy(K0, "周女士"))).isEqualTo("周女士");
    assertThat(cipher.encrypt("x")).as("a fresh nonce each time").isNotEqualTo(cipher.encrypt("x"));
  }

  @Test
  @DisplayName("轮换：新密钥生效后新值用新密钥，旧值照常可读；旧密钥退役后旧值不可读并指明密钥编号")
  void rotateThenRetire() throws Exception {
    ContactCipher before = new ContactCipher(K0);
    byte[] old = before.encrypt("13800001111");
    byte[] older = legacy(K0, "13800002222");

    ContactCipher rotated = cipher(K0, Map.of("k1", K1), "k1", null);
    byte[] fresh = rotated.encrypt("13800003333");
    assertThat(ContactCipher.keyIdOf(fresh)).isEqualTo("k1");
    assertThat(rotated.decrypt(old)).isEqualTo("13800001111");
    assertThat(rotated.decrypt(older)).isEqualTo("13800002222");
    assertThat(rotated.decrypt(fresh)).isEqualTo("13800003333");

    ContactCipher retired = cipher(null, Map.of("k1", K1), "k1", K0);
    assertThat(retired.decrypt(fresh)).isEqualTo("13800003333");
    assertThat(retired.decrypt(rotated.encrypt(rotated.decrypt(old)))).isEqualTo("13800001111");
    assertThatThrownBy(() -> retired.decrypt(old)).hasMessageContaining("key id '0'");
    assertThatThrownBy(() -> retired.decrypt(older)).hasMessageContaining("no configured key");
  }

  @Test
  @DisplayName("假名不随轮换改变：退役后由 pseudonym-key 延续")
  void pseudonymsSurviveRotation() {
    String p = new ContactCipher(K0).pseudonym("RESIDENT", "+8613800001234");
    assertThat(cipher(K0, Map.of("k1", K1), "k1", null).pseudonym("RESIDENT", "+8613800001234"))
        .isEqualTo(p);
    assertThat(cipher(null, Map.of("k1", K1), "k1", K0).pseudonym("RESIDENT", "+8613800001234"))
        .isEqualTo(p);
    assertThatThrownBy(() -> cipher(null, Map.of("k1", K1), "k1", null))
        .hasMessageContaining("pseudonym-key");
  }

  @Test
  @DisplayName("密文头部（密钥编号）被篡改即无法解密")
  void aRelabelledValueDoesNotOpen() {
    ContactCipher cipher = cipher(K0, Map.of("k1", K1, "k2", K1), "k1", null);
    byte[] v = cipher.encrypt("13800001234");
    byte[] relabelled = Arrays.copyOf(v, v.length);
    relabelled[4] = '2'; // "k1" → "k2": same key material, other associated data
    assertThatThrownBy(() -> cipher.decrypt(relabelled)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("配置错误在启动时被拒绝：未配置的生效密钥、非法编号、长度不对的密钥")
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> cipher(K0, Map.of(), "k9", null)).hasMessageContaining("active-key");
    assertThatThrownBy(() -> cipher(K0, Map.of("bad id", K1), "0", null))
        .hasMessageContaining("key id");
    assertThatThrownBy(() -> cipher(K0, Map.of("k1", "c2hvcnQ="), "k1", null))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> cipher(null, Map.of(), "0", null)).hasMessageContaining("active-key");
  }
}
