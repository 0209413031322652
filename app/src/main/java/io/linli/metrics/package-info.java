/**
 * Operational meters for Prometheus ({@code /actuator/prometheus}): cases opened and closed, open
 * cases by state, SLA breaches and escalation lateness, the notification outbox, the Camunda job
 * executor. A mechanism: it follows the case layer's and the ledger's published events and reads
 * shared tables, never a flow's own (docs/operations.md).
 */
package io.linli.metrics;
