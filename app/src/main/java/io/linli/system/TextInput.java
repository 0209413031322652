package io.linli.system;

import java.text.Normalizer;

/**
 * What residents type: NFC-normalised, and refused (400 naming the field) when it holds control
 * characters (C0 and C1; tab and line breaks excepted), NUL, bidi overrides or isolates, zero-width
 * characters, non-characters (U+FFFE…) or unpaired surrogates. Applied to every text a request
 * carries by {@code io.linli.system.RequestText}; lengths are checked on the result. Rare CJK
 * characters (supplementary planes) and emoji pass unchanged; a zero-width joiner is kept only
 * between two emoji, where it builds one emoji (👨‍👩‍👧).
 */
public final class TextInput {

  private TextInput() {}

  /** Text refused by the rule; its message (Chinese) says why, without naming a field. */
  public static class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * @return the NFC form of {@code value}, or null for null; 400 naming {@code field} if refused
   */
  public static String clean(String field, String value) {
    try {
      return normalise(value);
    } catch (Refused e) {
      throw ApiError.invalid(field, e.getMessage());
    }
  }

  /**
   * The one text rule of every field of every write endpoint (JSON bodies, form fields, query
   * parameters, path variables and headers bound by Spring MVC, file names): NFC first, so that
   * length limits checked afterwards see the stored text.
   *
   * @return the NFC form of {@code value}, or null for null
   * @throws Refused when the text holds a character the rule refuses
   */
  public static String normalise(String value) {
    if (value == null) return null;
    String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
    for (int i = 0; i < nfc.length(); ) {
      int cp = nfc.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isSurrogate((char) cp)) {
        throw new Refused("含有无效字符（孤立的代理码元）");
      }
      if (cp == 0) throw new Refused("不能包含空字符（NUL）");
      if (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\r' && cp != '\t') {
        throw new Refused(String.format("不能包含控制字符（U+%04X）", cp));
      }
      if (isBidiControl(cp)) {
        throw new Refused(String.format("不能包含文字方向控制字符（U+%04X）", cp));
      }
      if (isNonCharacter(cp)) {
        throw new Refused(String.format("不能包含非字符（U+%04X）", cp));
      }
      if (cp == 0x200D) {
        int before = i > 0 ? nfc.codePointBefore(i) : 0;
        int after = next < nfc.length() ? nfc.codePointAt(next) : 0;
        if (!isEmoji(before) || !isEmoji(after)) {
          throw new Refused("不能包含零宽字符（U+200D）");
        }
      } else if (isZeroWidth(cp)) {
        throw new Refused(String.format("不能包含零宽字符（U+%04X）", cp));
      }
      i = next;
    }
    return nfc;
  }

  /** U+FFFE, U+FFFF and their kin in every plane, U+FDD0–U+FDEF: never text, illegal in XML. */
  static boolean isNonCharacter(int cp) {
    return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
  }

  static boolean isBidiControl(int cp) {
    return cp == 0x061C
        || cp == 0x200E
        || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069);
  }

  static boolean isZeroWidth(int cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
  }

  /** Emoji and the variation selector that may precede a joiner (Java 17 has no isEmoji). */
  static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || cp == 0xFE0F
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || cp == 0x2640
        || cp == 0x2642;
  }
}
