package io.linli.cases;

/**
 * A closed case passed the retention of personal data ({@code linli.retention.personal-data}):
 * published by {@link CaseRetention} inside the purging transaction, so that every package deletes
 * or anonymises what it keeps of the case's resident in the same transaction (photos, tokens,
 * notification addresses and bodies, free-text notes). Flows may listen too, for their own tables.
 */
public record CasePersonalDataExpired(String flow, String caseNo) {}
