package dev.parley.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema of both SQL kinds, made and migrated with Flyway from one set of scripts in {@value
 * #LOCATION} (V1 and V2: history; V3: accounts and room policies). The scripts use only SQL that
 * PostgreSQL and SQLite both accept, so there is no per-database location. Flyway's SQLite support
 * is part of {@code flyway-core}; PostgreSQL's is the module {@code flyway-database-postgresql}.
 */
final class Migrations {
  /** Where the scripts are on the class path. */
  static final String LOCATION = "classpath:dev/parley/store/db";

  private Migrations() {}

  /**
   * Creates or migrates the schema. Blocking: on the store's worker only.
   *
   * @param database the database, through connections of its own that Flyway closes again
   * @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or migrated
   */
  static void migrate(DataSource database) {
    Flyway.configure().dataSource(database).locations(LOCATION).load().migrate();
  }
}
