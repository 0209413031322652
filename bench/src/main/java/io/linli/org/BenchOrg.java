package io.linli.org;

import org.springframework.context.ApplicationContext;

/**
 * The benchmark's door to the organisation tree: it puts grid workers into their grids as an office
 * does on the /org/ page ({@link OrgEditor#addMember}), so that routing gives each grid's cases to
 * that grid's group instead of the whole community's.
 */
public final class BenchOrg {

  private final OrgEditor editor;

  public BenchOrg(ApplicationContext context) {
    this.editor = context.getBean(OrgEditor.class);
  }

  public void gridWorker(String community, String grid, String userId, String displayName) {
    editor.addMember(
        community,
        new OrgEditor.MemberEdit("GRID", grid, "grid-worker", userId, displayName),
        "bench");
  }
}
