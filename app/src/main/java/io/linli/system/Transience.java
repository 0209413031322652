package io.linli.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures a client should simply retry, found anywhere in an exception's cause chain (the engine
 * and Spring wrap them): a <em>conflict</em> (someone else changed the same rows first: Camunda's
 * {@link OptimisticLockingException}, a PostgreSQL serialization failure or deadlock), answered
 * 409; and an <em>unavailable</em> database (no connection, connection lost, server shutting down
 * or starting), answered 503 with {@code Retry-After}. Neither is ever a 500. Integration tier:
 * ConcurrentClaimTest, TransienceTest; the fault test (FaultToleranceIT) sees them under load.
 */
public final class Transience {

  /** Seconds a client is told to wait after a 503. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private Transience() {}

  public static boolean conflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
        return true;
      }
      if (t instanceof SQLException s
          && s.getSQLState() != null
          && (s.getSQLState().equals("40001") || s.getSQLState().equals("40P01"))) {
        return true;
      }
    }
    return false;
  }

  public static boolean databaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      // A rollback that failed because the connection died hides the failure that caused the
      // rollback: that is the application exception, not the cause.
      if (t instanceof TransactionSystemException x
          && x.getApplicationException() != null
          && databaseUnavailable(x.getApplicationException())) {
        return true;
      }
      // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now
      if (t instanceof SQLException s
          && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
