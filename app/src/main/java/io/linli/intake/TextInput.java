package io.linli.intake;

import io.linli.system.ApiError;
import java.text.Normalizer;

/**
 * What residents type: NFC-normalised, and refused (400 naming the field) when it holds control
 * characters (tab and line breaks excepted), NUL, bidi overrides or isolates, zero-width
 * characters or unpaired surrogates. Rare CJK characters (supplementary planes) and emoji pass
 * unchanged; a zero-width joiner is kept only between two emoji, where it builds one emoji (👨‍👩‍👧).
 */
public final class TextInput {

  private TextInput() {}

  /** @return the NFC form of {@code value}, or null for null */
  public static String clean(String field, String value) {
    if (value == null) return null;
    String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
    for (int i = 0; i < nfc.length(); ) {
      int cp = nfc.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isSurrogate((char) cp)) {
        throw ApiError.invalid(field, "含有无效字符");
      }
      if (cp == 0) throw ApiError.invalid(field, "不能包含空字符（NUL）");
      if (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\r' && cp != '\t') {
        throw ApiError.invalid(field, String.format("不能包含控制字符（U+%04X）", cp));
      }
      if (isBidiControl(cp)) {
        throw ApiError.invalid(field, String.format("不能包含文字方向控制字符（U+%04X）", cp));
      }
      if (cp == 0x200D) {
        int before = i > 0 ? nfc.codePointBefore(i) : 0;
        int after = next < nfc.length() ? nfc.codePointAt(next) : 0;
        if (!isEmoji(before) || !isEmoji(after)) {
          throw ApiError.invalid(field, "不能包含零宽字符（U+200D）");
        }
      } else if (isZeroWidth(cp)) {
        throw ApiError.invalid(field, String.format("不能包含零宽字符（U+%04X）", cp));
      }
      i = next;
    }
    return nfc;
  }

  static boolean isBidiControl(int cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  static boolean isZeroWidth(int cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
  }

  /** Emoji and the variation selector that may precede a joiner (Java 17 has no isEmoji). */
  static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F
        || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x2640 || cp == 0x2642;
  }
}
