package io.linli.identity;

import java.util.Set;

/**
 * A process that staff start from Tasklist's start dialog (启动流程), declared by the feature that owns
 * it: its key and the community roles whose groups may start it. With engine authorizations on,
 * {@link CommunityAuthorizations} grants each community's groups of these roles process definition
 * READ and CREATE_INSTANCE on the key and process instance CREATE, which Tasklist needs to list the
 * process and submit its start form. The start form's own rule (e.g. staff of the chosen community)
 * still decides what is registered.
 */
public interface TasklistStart {

  String processKey();

  Set<Role> roles();
}
