package io.linli.caselog;

import java.util.List;

/**
 * The event kinds a flow writes, so the case log can read its rows back (every flow registers one).
 */
public interface CaseEventCatalog {

  /** The flow, as case_event.flow stores it. */
  String key();

  List<? extends CaseEventKind> events();
}
