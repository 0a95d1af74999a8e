/* kz-store-migrations.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-store"

#include "config.h"

#include "kz-store-private.h"

/* Every schema change is a new entry at the end, never an edit of an
 * old one: databases in the field were made by the old text. */

/* Version 1: one table per record kind and one per link.  Every record
 * has a UUID, timestamps in microseconds and a tombstone flag. */
static const char migration_1[] =
  "CREATE TABLE organisations (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  name TEXT,\n"
  "  umbrella TEXT,\n"
  "  fields_of_work TEXT,\n"
  "  district TEXT,\n"
  "  street TEXT,\n"
  "  postcode TEXT,\n"
  "  city TEXT,\n"
  "  staff INTEGER,\n"
  "  email TEXT,\n"
  "  phone TEXT,\n"
  "  website TEXT,\n"
  "  notes TEXT\n"
  ");\n"
  "CREATE TABLE contacts (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  organisation_id TEXT REFERENCES organisations (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  role TEXT,\n"
  "  name TEXT,\n"
  "  email TEXT,\n"
  "  phone TEXT,\n"
  "  consent_date TEXT,\n"
  "  deletion_date TEXT\n"
  ");\n"
  "CREATE TABLE assessments (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  organisation_id TEXT REFERENCES organisations (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  date TEXT,\n"
  "  strategy INTEGER,\n"
  "  infrastructure INTEGER,\n"
  "  processes INTEGER,\n"
  "  skills INTEGER,\n"
  "  security INTEGER,\n"
  "  notes TEXT\n"
  ");\n"
  "CREATE TABLE firms (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  name TEXT,\n"
  "  sector TEXT,\n"
  "  size TEXT,\n"
  "  city TEXT,\n"
  "  contact_name TEXT,\n"
  "  contact_email TEXT,\n"
  "  contact_phone TEXT,\n"
  "  website TEXT\n"
  ");\n"
  "CREATE TABLE projects (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  title TEXT,\n"
  "  description TEXT,\n"
  "  status TEXT,\n"
  "  health TEXT,\n"
  "  focus_area TEXT,\n"
  "  field_of_work TEXT,\n"
  "  lead_organisation_id TEXT REFERENCES organisations (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  advisor TEXT,\n"
  "  start_date TEXT,\n"
  "  end_date TEXT,\n"
  "  budget_planned INTEGER,\n"
  "  budget_actual INTEGER,\n"
  "  tags TEXT\n"
  ");\n"
  "CREATE TABLE milestones (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  project_id TEXT REFERENCES projects (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  title TEXT,\n"
  "  due_date TEXT,\n"
  "  done INTEGER\n"
  ");\n"
  "CREATE TABLE partnerships (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  title TEXT,\n"
  "  firm_id TEXT REFERENCES firms (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  form TEXT,\n"
  "  agreement TEXT,\n"
  "  pro_bono_hours REAL,\n"
  "  start_date TEXT,\n"
  "  end_date TEXT,\n"
  "  outcome TEXT\n"
  ");\n"
  "CREATE TABLE trainings (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  title TEXT,\n"
  "  focus_area TEXT,\n"
  "  topic TEXT,\n"
  "  format TEXT,\n"
  "  capacity INTEGER,\n"
  "  trainers TEXT,\n"
  "  status TEXT,\n"
  "  registration_deadline TEXT,\n"
  "  description TEXT\n"
  ");\n"
  "CREATE TABLE training_sessions (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  training_id TEXT REFERENCES trainings (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  date TEXT,\n"
  "  start_time TEXT,\n"
  "  end_time TEXT,\n"
  "  place TEXT,\n"
  "  online_link TEXT\n"
  ");\n"
  "CREATE TABLE registrations (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  training_id TEXT REFERENCES trainings (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  organisation_id TEXT REFERENCES organisations (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  participants INTEGER\n"
  ");\n"
  "CREATE TABLE programmes (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  name TEXT,\n"
  "  funder TEXT,\n"
  "  max_amount INTEGER,\n"
  "  rate REAL,\n"
  "  website TEXT,\n"
  "  description TEXT\n"
  ");\n"
  "CREATE TABLE deadlines (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  programme_id TEXT REFERENCES programmes (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  date TEXT,\n"
  "  title TEXT\n"
  ");\n"
  "CREATE TABLE applications (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  programme_id TEXT REFERENCES programmes (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  title TEXT,\n"
  "  status TEXT,\n"
  "  amount_applied INTEGER,\n"
  "  amount_granted INTEGER,\n"
  "  submitted_date TEXT,\n"
  "  decision_date TEXT\n"
  ");\n"
  "CREATE TABLE visits (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  organisation_id TEXT REFERENCES organisations (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  date TEXT,\n"
  "  advisor TEXT,\n"
  "  attendees TEXT,\n"
  "  notes TEXT\n"
  ");\n"
  "CREATE TABLE tasks (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  visit_id TEXT REFERENCES visits (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  title TEXT,\n"
  "  due_date TEXT,\n"
  "  owner TEXT,\n"
  "  done INTEGER\n"
  ");\n"

  "CREATE TABLE project_organisations (\n"
  "  project_id TEXT NOT NULL REFERENCES projects (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  organisation_id TEXT NOT NULL REFERENCES organisations (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (project_id, organisation_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE partnership_organisations (\n"
  "  partnership_id TEXT NOT NULL REFERENCES partnerships (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  organisation_id TEXT NOT NULL REFERENCES organisations (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (partnership_id, organisation_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE partnership_projects (\n"
  "  partnership_id TEXT NOT NULL REFERENCES partnerships (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  project_id TEXT NOT NULL REFERENCES projects (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (partnership_id, project_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE application_projects (\n"
  "  application_id TEXT NOT NULL REFERENCES applications (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  project_id TEXT NOT NULL REFERENCES projects (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (application_id, project_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE training_projects (\n"
  "  training_id TEXT NOT NULL REFERENCES trainings (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  project_id TEXT NOT NULL REFERENCES projects (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  created INTEGER NOT NULL,\n"
  "  modified INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (training_id, project_id)\n"
  ") WITHOUT ROWID;\n";

/* Version 2: the store's own identity for sync, and indexes for the
 * lookups lists and detail pages make (children by parent, links by
 * their b side, live records only). */
static const char migration_2[] =
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT\n"
  ") WITHOUT ROWID;\n"
  "INSERT INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));\n"
  "CREATE INDEX contacts_organisation_id_idx ON contacts (organisation_id);\n"
  "CREATE INDEX assessments_organisation_id_idx ON assessments (organisation_id);\n"
  "CREATE INDEX projects_lead_organisation_id_idx ON projects (lead_organisation_id);\n"
  "CREATE INDEX milestones_project_id_idx ON milestones (project_id);\n"
  "CREATE INDEX partnerships_firm_id_idx ON partnerships (firm_id);\n"
  "CREATE INDEX training_sessions_training_id_idx ON training_sessions (training_id);\n"
  "CREATE INDEX registrations_training_id_idx ON registrations (training_id);\n"
  "CREATE INDEX registrations_organisation_id_idx ON registrations (organisation_id);\n"
  "CREATE INDEX deadlines_programme_id_idx ON deadlines (programme_id);\n"
  "CREATE INDEX applications_programme_id_idx ON applications (programme_id);\n"
  "CREATE INDEX visits_organisation_id_idx ON visits (organisation_id);\n"
  "CREATE INDEX tasks_visit_id_idx ON tasks (visit_id);\n"
  "CREATE INDEX project_organisations_organisation_id_idx ON project_organisations (organisation_id);\n"
  "CREATE INDEX partnership_organisations_organisation_id_idx ON partnership_organisations (organisation_id);\n"
  "CREATE INDEX partnership_projects_project_id_idx ON partnership_projects (project_id);\n"
  "CREATE INDEX application_projects_project_id_idx ON application_projects (project_id);\n"
  "CREATE INDEX training_projects_project_id_idx ON training_projects (project_id);\n"
  "CREATE INDEX projects_live_idx ON projects (deleted, title);\n"
  "CREATE INDEX organisations_live_idx ON organisations (deleted, name);\n";

/* Version 3: per-field history, the record of local edits the sync
 * server has not yet accepted, the server versions last seen, and a
 * full-text index (FTS5) over every kind's searchable fields. */
static const char migration_3[] =
  "CREATE TABLE history (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT,\n"
  "  author TEXT,\n"
  "  time INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX history_uuid_idx ON history (uuid, id);\n"
  "CREATE TABLE sync_fields (\n"
  "  uuid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  change_id TEXT NOT NULL UNIQUE,\n"
  "  time INTEGER NOT NULL,\n"
  "  PRIMARY KEY (uuid, field)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE sync_links (\n"
  "  link TEXT NOT NULL,\n"
  "  a TEXT NOT NULL,\n"
  "  b TEXT NOT NULL,\n"
  "  change_id TEXT NOT NULL UNIQUE,\n"
  "  time INTEGER NOT NULL,\n"
  "  PRIMARY KEY (link, a, b)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE sync_versions (\n"
  "  uuid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  version INTEGER NOT NULL,\n"
  "  PRIMARY KEY (uuid, field)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE search_docs (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL UNIQUE\n"
  ");\n"
  "CREATE VIRTUAL TABLE search USING fts5 (title, body, "
  "tokenize = 'unicode61 remove_diacritics 2');\n"
  "INSERT INTO meta (key, value) VALUES ('search_rebuild', '1');\n";

/* Version 4: the server's open sync conflicts, kept locally so that
 * they can be shown and resolved offline. */
static const char migration_4[] =
  "CREATE TABLE sync_conflicts (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  base_value TEXT,\n"
  "  server_value TEXT,\n"
  "  client_value TEXT,\n"
  "  server_author TEXT,\n"
  "  client_author TEXT,\n"
  "  created INTEGER NOT NULL\n"
  ") WITHOUT ROWID;\n";

/* Version 5: the server's value of a field that arrived while a local
 * edit of it was pending, applied if the server rejects that edit. */
static const char migration_5[] =
  "CREATE TABLE sync_shadow (\n"
  "  uuid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  value TEXT,\n"
  "  version INTEGER NOT NULL,\n"
  "  author TEXT,\n"
  "  PRIMARY KEY (uuid, field)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX sync_fields_time_idx ON sync_fields (time, change_id);\n"
  "CREATE INDEX sync_links_time_idx ON sync_links (time, change_id);\n";

/* Version 6: indexes for the overview's figures (status and health
 * counts, overdue milestones, upcoming sessions and deadlines). */
static const char migration_6[] =
  "CREATE INDEX projects_status_idx ON projects (deleted, status);\n"
  "CREATE INDEX projects_health_idx ON projects (deleted, health);\n"
  "CREATE INDEX milestones_due_idx ON milestones (deleted, done, due_date);\n"
  "CREATE INDEX tasks_due_idx ON tasks (deleted, done, due_date);\n"
  "CREATE INDEX training_sessions_date_idx ON training_sessions (deleted, date);\n"
  "CREATE INDEX deadlines_date_idx ON deadlines (deleted, date);\n";

/* Version 7: the annual turnover of an organisation, which decides
 * with its staff whether NIS2 applies (regulatory checkpoints). */
static const char migration_7[] =
  "ALTER TABLE organisations ADD COLUMN turnover INTEGER;\n";

/* Version 8: the first upload of a portfolio to a sync server that
 * takes whole records (protocol 2): the records and links still to
 * send, in order, each with the change id of its upload. */
static const char migration_8[] =
  "CREATE TABLE sync_upload (\n"
  "  seq INTEGER PRIMARY KEY,\n"
  "  change_id TEXT NOT NULL,\n"
  "  kind TEXT,\n"
  "  uuid TEXT,\n"
  "  link TEXT,\n"
  "  a TEXT,\n"
  "  b TEXT\n"
  ");\n";

static const KzMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, migration_3 },
  { 4, migration_4 },
  { 5, migration_5 },
  { 6, migration_6 },
  { 7, migration_7 },
  { 8, migration_8 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KZ_STORE_SCHEMA_VERSION);

const KzMigration *
_kz_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
