package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of ARCHITECTURE.md, "Rules of the house": dependencies point down, one way, through the
 * layers, and no package depends on another that depends on it. Checked on the compiled classes of
 * {@code src/main} (imports, field and parameter types, calls), so that a change that ties two
 * packages both ways fails the build.
 */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * The layers, bottom first: wire rules and texts with the shared value types; the room domain;
   * the messages, renderers and stores above it; the per-node, per-group and per-connection parts;
   * the listeners; the application.
   */
  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Base")
          .definedBy(
              "dev.parley.protocol..",
              "dev.parley.values..",
              "dev.parley.time..",
              "dev.parley.metrics..",
              "dev.parley.config..")
          .layer("Domain")
          .definedBy("dev.parley.room..")
          .layer("Messages")
          .definedBy(
              "dev.parley.bus..",
              "dev.parley.api..",
              "dev.parley.lines..",
              "dev.parley.store..",
              "dev.parley.names..",
              "dev.parley.accounts..",
              "dev.parley.cluster..")
          .layer("Parts")
          .definedBy(
              "dev.parley.node..",
              "dev.parley.rooms..",
              "dev.parley.placement..",
              "dev.parley.session..",
              "dev.parley.irc..")
          .layer("Listeners")
          .definedBy("dev.parley.transport..", "dev.parley.ops..")
          .layer("Application")
          .definedBy("dev.parley")
          .layer("Users")
          .definedBy("dev.parley.examples..", "dev.parley.bench..")
          .whereLayer("Base")
          .mayNotAccessAnyLayer()
          .whereLayer("Domain")
          .mayOnlyAccessLayers("Base")
          .whereLayer("Messages")
          .mayOnlyAccessLayers("Base", "Domain")
          .whereLayer("Parts")
          .mayOnlyAccessLayers("Base", "Domain", "Messages")
          .whereLayer("Listeners")
          .mayOnlyAccessLayers("Base", "Domain", "Messages", "Parts")
          .whereLayer("Application")
          .mayOnlyAccessLayers("Base", "Domain", "Messages", "Parts", "Listeners", "Users")
          .whereLayer("Users")
          .mayOnlyAccessLayers("Base", "Messages", "Application");

  /** No two packages depend on each other, however indirectly. */
  @ArchTest
  static final ArchRule noCycles = slices().matching("dev.parley.(*)..").should().beFreeOfCycles();

  /** The room domain knows nothing of how its values travel or where its members connect. */
  @ArchTest
  static final ArchRule theDomainIsPure =
      noClasses()
          .that()
          .resideInAPackage("dev.parley.room..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.vertx..",
              "io.netty..",
              "dev.parley.bus..",
              "dev.parley.api..",
              "dev.parley.session..",
              "dev.parley.transport..",
              "dev.parley.rooms..",
              "dev.parley.node..");

  /** Messages do not name the parts that send and take them. */
  @ArchTest
  static final ArchRule messagesDoNotNameTheNode =
      noClasses()
          .that()
          .resideInAPackage("dev.parley.bus..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.parley.node..", "dev.parley.rooms..", "dev.parley.session..");

  /** A session works over any transport, through its {@code Connection}. */
  @ArchTest
  static final ArchRule sessionsDoNotKnowTheirTransport =
      noClasses()
          .that()
          .resideInAPackage("dev.parley.session..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.parley.transport..");

  /**
   * The load tool speaks only the wire protocol; the examples use only what an application that
   * embeds Parley has: the public API and its shared types, the wire texts, the settings and the
   * embedding entry {@code dev.parley.Parley}.
   */
  @ArchTest
  static final ArchRule theLoadToolSpeaksOnlyTheWire =
      noClasses()
          .that()
          .resideInAPackage("dev.parley.bench..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.parley.room..",
              "dev.parley.bus..",
              "dev.parley.rooms..",
              "dev.parley.node..",
              "dev.parley.session..",
              "dev.parley.transport..",
              "dev.parley.store..",
              "dev.parley.names..",
              "dev.parley.placement..",
              "dev.parley.config..");

  @ArchTest
  static final ArchRule theExamplesUseOnlyThePublicApi =
      noClasses()
          .that()
          .resideInAPackage("dev.parley.examples..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.parley.room..",
              "dev.parley.bus..",
              "dev.parley.rooms..",
              "dev.parley.node..",
              "dev.parley.session..",
              "dev.parley.transport..",
              "dev.parley.store..",
              "dev.parley.names..",
              "dev.parley.placement..",
              "dev.parley.lines..");
}
