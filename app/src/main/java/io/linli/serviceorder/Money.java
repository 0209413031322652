package io.linli.serviceorder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is integer fen; rates are exact decimals. People type yuan ("35.5"), which is read as a
 * decimal, never as a floating-point number. The management fee of an order is its amount times the
 * item's rate, rounded half up to the fen (四舍五入到分).
 */
final class Money {

  /** ¥100,000: no service order comes near it; anything above is a typing error. */
  static final long MAX_FEN = 10_000_000L;

  private Money() {}

  /**
   * @param value yuan as typed (String) or sent by a client (a number, read through its decimal
   *     text)
   * @throws IllegalArgumentException with a Chinese message when it is not an amount
   */
  static long parseYuan(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("请填写金额");
    }
    String s = value.toString().trim().replace("¥", "").replace("元", "").trim();
    BigDecimal yuan;
    try {
      yuan = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("金额格式无效：" + value);
    }
    if (yuan.signum() < 0) throw new IllegalArgumentException("金额不能为负数");
    if (yuan.stripTrailingZeros().scale() > 2) throw new IllegalArgumentException("金额最多精确到分");
    long fen = yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    if (fen > MAX_FEN) throw new IllegalArgumentException("金额超出上限");
    return fen;
  }

  /** 3550 → "35.50". */
  static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /** 3550 → "¥35.50". */
  static String label(long fen) {
    return "¥" + yuan(fen);
  }

  /** The centre's management fee on {@code fen} at {@code rate}, half up to the fen. */
  static long fee(long fen, BigDecimal rate) {
    return BigDecimal.valueOf(fen)
        .multiply(rate)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** 0.075 → "7.5%". */
  static String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
