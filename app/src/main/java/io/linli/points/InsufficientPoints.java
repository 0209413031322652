package io.linli.points;

/** A spend beyond the balance: 409 with the balance ({@link PointsErrors}). */
class InsufficientPoints extends RuntimeException {

  private final int balance;
  private final int requested;

  InsufficientPoints(int balance, int requested) {
    super("积分不足：当前余额 " + balance + " 分，本次需 " + requested + " 分");
    this.balance = balance;
    this.requested = requested;
  }

  int balance() {
    return balance;
  }

  int requested() {
    return requested;
  }
}
