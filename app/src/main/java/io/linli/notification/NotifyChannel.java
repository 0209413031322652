package io.linli.notification;

/** Channels a resident can choose at intake; live updates on the resident page need no choice. */
public enum NotifyChannel {
  EMAIL("电子邮件"),
  SMS("短信");

  private final String label;

  NotifyChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
