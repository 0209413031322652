package io.linli.sla;

import java.time.Instant;

/**
 * A row just appended to the SLA ledger (not published when an idempotent write found its row there
 * already), inside the writing transaction: read models and meters follow the ledger through it
 * without reading it back.
 */
public record LedgerEntryWritten(
    String flow,
    String caseNo,
    String communityCode,
    String clock,
    String event,
    int level,
    Instant dueAt,
    Instant occurredAt) {}
