package io.linli.caselog;

import java.time.Instant;

/**
 * A case_event row just written, published inside the writing transaction. {@code id} is the row's
 * id: unique, so flow + case number + id identifies the event for de-duplication.
 */
public record CaseEventRecorded(
    long id,
    String flow,
    String caseNo,
    CaseEventKind type,
    String actorRole,
    String note,
    Instant occurredAt) {}
