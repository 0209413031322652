package io.linli.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what identifies a person in free text that leaves the case table (the task summary staff
 * read in Tasklist): mainland mobile numbers as {@code 138****1234}, resident ID numbers as {@code
 * 110101********4514}. The case's own text keeps what the resident wrote.
 */
public final class ContactRedaction {

  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
  private static final Pattern ID_CARD =
      Pattern.compile("(?<![0-9A-Za-z])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

  private ContactRedaction() {}

  public static String mask(String text) {
    if (text == null) return null;
    String idMasked =
        ID_CARD
            .matcher(text)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "********" + m.group(2)));
    return MOBILE
        .matcher(idMasked)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****" + m.group(2)));
  }
}
