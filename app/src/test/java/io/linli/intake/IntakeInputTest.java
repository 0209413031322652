package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.system.ApiError;
import io.linli.system.TextInput;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tier: text normalisation, phone parsing and masking, contact encryption — no Spring. */
class IntakeInputTest {

  @Test
  @DisplayName("中文、生僻字（扩展B区）与表情原样保留，组合字符归一为NFC")
  void cjkRareCharactersAndEmojiRoundTrip() {
    String text = "𠀀𪚥𰻝面好吃😀👨‍👩‍👧，3栋\n电梯坏了";
    assertThat(TextInput.clean("description", text)).isEqualTo(text);
    assertThat(TextInput.clean("description", "e\u0301")).isEqualTo("\u00e9");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b",
        "a\u0007b",
        "a\u202Eb",
        "a\u2066b",
        "a\u200Bb",
        "a\uFEFFb",
        "a\u200Db",
        "\uD800x"
      })
  @DisplayName("NUL、控制字符、文字方向覆盖、零宽字符、孤立代理：400 并指明字段")
  void unsafeCharactersRefusedNamingTheField(String text) {
    assertThatThrownBy(() -> TextInput.clean("description", text))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.fields())
                  .extracting(ApiError.FieldMessage::field)
                  .containsExactly("description");
            });
  }

  @Test
  @DisplayName("手机号：全角数字、+86、空格与横线均可，存 E.164；座机与外国号码被拒")
  void phonesParsedForChinaToE164() {
    assertThat(PhoneNumbers.toE164("p", "１３８００００１２３４")).isEqualTo("+8613800001234");
    assertThat(PhoneNumbers.toE164("p", "+86 138-0000-1234")).isEqualTo("+8613800001234");
    assertThat(PhoneNumbers.toE164("p", "13800001234")).isEqualTo("+8613800001234");
    assertThatThrownBy(() -> PhoneNumbers.toE164("p", "12345")).isInstanceOf(ApiError.class);
    assertThatThrownBy(() -> PhoneNumbers.toE164("p", "010-12345678")).isInstanceOf(ApiError.class);
    assertThatThrownBy(() -> PhoneNumbers.toE164("p", "+1 650 253 0000"))
        .isInstanceOf(ApiError.class);
    assertThat(PhoneNumbers.mask("+8613800001234")).isEqualTo("138****1234");
  }

  @Test
  @DisplayName("AES-GCM：同一号码两次加密密文不同，可解密，篡改即失败")
  void contactCipherRoundTripsAndDetectsTampering() {
    ContactCipher cipher = new ContactCipher(Base64.getEncoder().encodeToString(new byte[32]));
    byte[] a = cipher.encrypt("+8613800001234");
    byte[] b = cipher.encrypt("+8613800001234");
    assertThat(a).isNotEqualTo(b);
    assertThat(cipher.decrypt(a)).isEqualTo("+8613800001234");
    a[a.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(a)).isInstanceOf(IllegalStateException.class);
    assertThat(cipher.pseudonym("RESIDENT", "+8613800001234"))
        .isEqualTo(cipher.pseudonym("RESIDENT", "+8613800001234"))
        .isNotEqualTo(cipher.pseudonym("RESIDENT", "+8613800001235"));
  }
}
