package io.linli.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.linli.system.ApiError;

/**
 * Mainland mobile numbers: parsed with libphonenumber for region CN (full-width digits, spaces,
 * dashes and a +86 prefix accepted), kept as E.164, shown to staff masked ({@code 138****1234}).
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * @return E.164, e.g. {@code +8613800001234}; null for null or blank
   */
  public static String toE164(String field, String raw) {
    if (raw == null || raw.isBlank()) return null;
    try {
      PhoneNumber n = UTIL.parse(raw, "CN");
      boolean mainland = n.getCountryCode() == 86 && "CN".equals(UTIL.getRegionCodeForNumber(n));
      PhoneNumberType type = UTIL.getNumberType(n);
      if (!mainland
          || !UTIL.isValidNumber(n)
          || (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
        throw ApiError.invalid(field, "请填写有效的中国大陆手机号码");
      }
      return UTIL.format(n, PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw ApiError.invalid(field, "请填写有效的中国大陆手机号码");
    }
  }

  /** {@code +8613800001234} → {@code 138****1234}. */
  public static String mask(String e164) {
    if (e164 == null) return null;
    String national = e164.startsWith("+86") ? e164.substring(3) : e164;
    if (national.length() < 7) return "****";
    return national.substring(0, 3) + "****" + national.substring(national.length() - 4);
  }

  /** True when both are the same number once parsed (false for anything unparsable). */
  public static boolean same(String e164, String raw) {
    try {
      return e164 != null && e164.equals(toE164("phone", raw));
    } catch (ApiError e) {
      return false;
    }
  }
}
