package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Unit tier: which failures a client is told to retry — a conflict (409) or an unavailable database
 * (503) — however deep the engine or Spring wrapped them; anything else stays a 500.
 */
class TransienceTest {

  @Test
  @DisplayName("并发冲突（乐观锁、死锁、串行化失败）即使被包装也判为冲突")
  void conflictsAreFoundInTheCauseChain() {
    assertThat(Transience.conflict(new OptimisticLockingException("x"))).isTrue();
    assertThat(
            Transience.conflict(
                new ProcessEngineException("wrapped", new OptimisticLockingException("x"))))
        .isTrue();
    assertThat(Transience.conflict(new CannotAcquireLockException("deadlock"))).isTrue();
    assertThat(
            Transience.conflict(
                new PersistenceException(new SQLException("could not serialize access", "40001"))))
        .isTrue();
    assertThat(Transience.conflict(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  @DisplayName("数据库不可达（无连接、连接断开、正在关闭或启动）判为暂时不可用")
  void unavailableDatabaseIsFoundInTheCauseChain() {
    assertThat(
            Transience.databaseUnavailable(
                new CannotCreateTransactionException(
                    "no connection",
                    new SQLTransientConnectionException("Connection is not available"))))
        .isTrue();
    assertThat(
            Transience.databaseUnavailable(
                new ProcessEngineException(
                    "wrapped",
                    new PersistenceException(new SQLException("Connection refused", "08001")))))
        .isTrue();
    assertThat(
            Transience.databaseUnavailable(
                new PersistenceException(
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"))))
        .isTrue();
    assertThat(
            Transience.databaseUnavailable(
                new PersistenceException(new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(Transience.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  @DisplayName("连接断开后回滚也失败：看导致回滚的那个异常（故障测试中见过的 500）")
  void aFailedRollbackIsJudgedByWhatCausedIt() {
    var rollbackFailed =
        new org.springframework.transaction.TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(
        new org.springframework.dao.DataAccessResourceFailureException(
            "An I/O error occurred while sending to the backend",
            new SQLException("I/O error", "08006")));
    assertThat(Transience.databaseUnavailable(rollbackFailed)).isTrue();

    var rollbackAfterABug =
        new org.springframework.transaction.TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollbackAfterABug.initApplicationException(new IllegalStateException("bug"));
    assertThat(Transience.databaseUnavailable(rollbackAfterABug)).isFalse();
  }
}
