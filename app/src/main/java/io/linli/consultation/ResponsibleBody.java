package io.linli.consultation;

import io.linli.identity.Role;

/** 办理主体 of an agreed topic, and the community group whose Tasklist holds the work. */
public enum ResponsibleBody {
  PROPERTY_COMPANY("物业公司", Role.PROPERTY_STAFF),
  PARTY_BRANCH("小区党支部", Role.PARTY_GROUP),
  GRID("网格", Role.GRID_WORKER),
  COMMUNITY("社区居委会", Role.COMMUNITY_COMMITTEE);

  private final String label;
  private final Role role;

  ResponsibleBody(String label, Role role) {
    this.label = label;
    this.role = role;
  }

  public String label() {
    return label;
  }

  Role role() {
    return role;
  }
}
