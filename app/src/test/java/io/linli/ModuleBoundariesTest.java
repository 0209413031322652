package io.linli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Unit tier: the borders of the case layer. Each package under {@code io.linli} is a module; the
 * modules form no cycle (Spring Modulith); the mechanisms never depend on a flow; a flow never uses
 * another flow. The module diagram is written to {@code docs/modules/} (PlantUML) on every run.
 */
class ModuleBoundariesTest {

  /** The flows. Everything else is a mechanism that iterates over the registered flows. */
  static final List<String> FLOWS =
      List.of("grievance", "serviceorder", "consultation", "evaluation", "dailycheck");

  static final ApplicationModules MODULES = ApplicationModules.of(LinliApplication.class);

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.linli");

  @Test
  @DisplayName("模块之间没有循环依赖，只经公开类型相互调用；模块图写入 docs/modules")
  void modulesHaveNoCycles() throws IOException {
    MODULES.verify();
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
    sortRelations();
  }

  static final Path DOCS = Path.of("..", "docs", "modules");

  /**
   * The Documenter lists relations in hash order; sorted, the committed diagrams change only with
   * the code.
   */
  private static void sortRelations() throws IOException {
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
        List<String> lines = Files.readAllLines(f);
        List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
        Iterator<String> sorted = relations.iterator();
        Files.write(f, lines.stream().map(l -> l.startsWith("Rel(") ? sorted.next() : l).toList());
      }
    }
  }

  @Test
  @DisplayName("机制（时限、督办、通知、案件日志、身份、受理、督查、Open311、居民页）不依赖任何流程")
  void mechanismsKnowNoFlow() {
    String[] flows = FLOWS.stream().map(f -> "io.linli." + f + "..").toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage("io.linli..")
        .and()
        .resideOutsideOfPackages(flows)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(flows)
        .because("a mechanism asks the registered flows (io.linli.cases.Flows) and never names one")
        .check(MAIN);
  }

  @Test
  @DisplayName("流程之间互不调用：跨流程只经案件层")
  void flowsUseNoOtherFlow() {
    for (String flow : FLOWS) {
      String[] others =
          FLOWS.stream()
              .filter(f -> !f.equals(flow))
              .map(f -> "io.linli." + f + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("io.linli." + flow + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because(
              "a flow reaches another flow's cases through the case layer (case_file, the case log)")
          .check(MAIN);
    }
  }
}
