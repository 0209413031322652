package io.linli.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A PostgreSQL advisory lock held until the surrounding transaction ends, so that start-up work
 * such as seeding demo users or Tasklist filters runs on one node at a time when several nodes
 * start together on one database; the next node then finds the work done.
 */
@Component
public class StartupLock {

  private final JdbcClient jdbc;

  StartupLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Call inside a transaction. */
  public void acquire(String name) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(name).query().singleRow();
  }
}
