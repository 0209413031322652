package io.linli.cases;

/**
 * A package that keeps personal data of cases in tables of its own registers one bean of this type;
 * the retention mechanism ({@link CaseRetention}) calls every target for each case and kind whose
 * retention ran out, inside the purging transaction. A flow purges only its own tables and only its
 * own cases (it compares {@code flow} with its key); a mechanism purges its rows of any flow. A
 * target deletes, or overwrites irreversibly (null, or {@link PersonalData#ERASED} where a column
 * may not be null); it keeps what the statistics read (statuses, dates, ratings). Called at most
 * once per case and kind, but must tolerate a second call (a node crashed after the commit).
 */
public interface RetentionTarget {

  void purge(PersonalData kind, String flow, String caseNo);
}
