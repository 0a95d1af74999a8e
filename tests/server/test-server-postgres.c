/* test-server-postgres.c
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

#include "config.h"

#include <libpq-fe.h>

#include "kz-server-error.h"
#include "kz-server-postgres.h"
#include "kz-test-server.h"

/* The PostgreSQL backend through the storage interface: schema
 * creation and refusal, the stored data, transactions and getting
 * over a lost connection.  Each case has a database of its own (made
 * by the test server helper). */

static void
sql (const char *uri,
     const char *statement)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, statement);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", statement, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

static char *
sql_value (const char *uri,
           const char *statement)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *result = PQexec (conn, statement);
  char *value;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

static KzServerStorage *
open_storage (const char *uri)
{
  g_autoptr(GError) error = NULL;
  KzServerPostgres *storage = kz_server_postgres_open (uri, &error);

  g_assert_no_error (error);
  return KZ_SERVER_STORAGE (storage);
}

static void
write_records (KzServerStorage *storage)
{
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  g_assert_true (kz_server_storage_begin (storage, TRUE, &error));
  g_assert_true (kz_server_storage_next_version (storage, &version, &error));
  g_assert_true (kz_server_storage_write_field (storage, "project", "u1", "title", "Pflege 4.0", version, "anna", &error));
  g_assert_true (kz_server_storage_next_version (storage, &version, &error));
  g_assert_true (kz_server_storage_write_field (storage, "project", "u1", "budget_planned", NULL, version, "anna", &error));
  g_assert_true (kz_server_storage_next_version (storage, &version, &error));
  g_assert_true (kz_server_storage_write_link (storage, "training-project", "t1", "u1", FALSE, version, "ben", &error));
  g_assert_true (kz_server_storage_next_version (storage, &version, &error));
  g_assert_true (kz_server_storage_write_field (storage, "project", "u1", "title", "Pflege 5.0", version, "ben", &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_cmpint (version, ==, 4);
}

static void
check_records (KzServerStorage *storage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *old = NULL;
  g_autofree char *author = NULL;
  KzServerRecord *record;
  KzServerField *field;
  gint64 cursor = 0;

  g_assert_true (kz_server_storage_begin (storage, FALSE, &error));
  g_assert_true (kz_server_storage_get_cursor (storage, &cursor, &error));
  g_assert_true (kz_server_storage_list_records (storage, 0, 10, &records, &error));
  g_assert_true (kz_server_storage_list_links (storage, 0, 10, &links, &error));
  g_assert_true (kz_server_storage_get_value_at (storage, "u1", "title", 3, &old, &error));
  g_assert_true (kz_server_storage_find_change (storage, "u1", NULL, 1, 4, &author, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));

  g_assert_cmpint (cursor, ==, 4);
  g_assert_cmpuint (records->len, ==, 1);
  record = records->pdata[0];
  g_assert_cmpstr (record->uuid, ==, "u1");
  g_assert_cmpint (record->version, ==, 4);
  g_assert_cmpuint (record->fields->len, ==, 2);
  field = record->fields->pdata[0];
  g_assert_cmpstr (field->name, ==, "budget_planned");
  g_assert_null (field->value);
  field = record->fields->pdata[1];
  g_assert_cmpstr (field->value, ==, "Pflege 5.0");
  g_assert_cmpstr (field->author, ==, "ben");
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (((KzServerLink *)links->pdata[0])->version, ==, 3);
  g_assert_cmpstr (old, ==, "Pflege 4.0");
  g_assert_cmpstr (author, ==, "ben");
}

static void
test_open (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  const char *uri = kz_test_server_get_database (server);
  g_autoptr(KzServerStorage) storage = open_storage (uri);
  g_autofree char *format = NULL;

  write_records (storage);
  check_records (storage);
  g_clear_object (&storage);

  /* Opening again keeps everything. */
  storage = open_storage (uri);
  check_records (storage);
  format = sql_value (uri, "SELECT value FROM kz_meta WHERE key = 'format'");
  g_assert_cmpstr (format, ==, "1");
}

static void
test_rollback (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autoptr(KzServerStorage) storage = open_storage (kz_test_server_get_database (server));
  g_autoptr(KzServerRecordState) state = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0, cursor = -1;

  g_assert_true (kz_server_storage_begin (storage, TRUE, &error));
  g_assert_true (kz_server_storage_next_version (storage, &version, &error));
  g_assert_true (kz_server_storage_write_field (storage, "project", "u1", "title", "T", version, "anna", &error));
  kz_server_storage_rollback (storage);

  g_assert_true (kz_server_storage_begin (storage, FALSE, &error));
  g_assert_true (kz_server_storage_get_record (storage, "u1", &state, &error));
  g_assert_true (kz_server_storage_get_cursor (storage, &cursor, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_null (state);
  g_assert_cmpint (cursor, ==, 0);
}

static void
test_users_tokens_conflicts (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autoptr(KzServerStorage) storage = open_storage (kz_test_server_get_database (server));
  g_autoptr(KzServerUser) anna = NULL;
  g_autoptr(KzServerUser) found = NULL;
  g_autoptr(KzServerUser) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *same = NULL;
  KzServerConflict conflict = { "c1", "project", "u1", "title", NULL, "server", NULL,
                                "ben", "anna", 100, 0 };
  guint8 hash[KZ_SERVER_TOKEN_HASH_SIZE];

  for (guint i = 0; i < sizeof hash; i++)
    hash[i] = (guint8)(i * 37);   /* with a zero byte: stored as bytes */

  g_assert_true (kz_server_storage_begin (storage, TRUE, &error));
  g_assert_true (kz_server_storage_add_user (storage, "anna", KZ_ROLE_STAFF, "$argon2id$x", 100, &error));
  g_assert_false (kz_server_storage_add_user (storage, "anna", KZ_ROLE_ADMIN, "$argon2id$y", 100, &error));
  g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_EXISTS);
  kz_server_storage_rollback (storage);
  g_clear_error (&error);

  g_assert_true (kz_server_storage_begin (storage, TRUE, &error));
  g_assert_true (kz_server_storage_add_user (storage, "anna", KZ_ROLE_STAFF, "$argon2id$x", 100, &error));
  g_assert_true (kz_server_storage_get_user (storage, "anna", &anna, &error));
  g_assert_true (kz_server_storage_add_token (storage, hash, anna->id, 100, 200, &error));
  g_assert_true (kz_server_storage_add_conflict (storage, &conflict, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_cmpstr (anna->password_hash, ==, "$argon2id$x");
  g_assert_cmpint (anna->role, ==, KZ_ROLE_STAFF);

  g_assert_true (kz_server_storage_begin (storage, FALSE, &error));
  g_assert_true (kz_server_storage_lookup_token (storage, hash, 150, &found, &error));
  g_assert_true (kz_server_storage_lookup_token (storage, hash, 200, &gone, &error));
  /* NULL values compare as equal. */
  g_assert_true (kz_server_storage_find_conflict (storage, &conflict, &same, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "anna");
  g_assert_null (gone);   /* expired */
  g_assert_cmpstr (same, ==, "c1");

  g_assert_true (kz_server_storage_begin (storage, TRUE, &error));
  g_assert_true (kz_server_storage_revoke_token (storage, hash, 160, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_clear_pointer (&found, kz_server_user_free);
  g_assert_true (kz_server_storage_begin (storage, FALSE, &error));
  g_assert_true (kz_server_storage_lookup_token (storage, hash, 170, &found, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_null (found);
}

static void
test_newer_format (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  const char *uri = kz_test_server_get_database (server);
  g_autoptr(KzServerStorage) storage = open_storage (uri);
  g_autoptr(KzServerPostgres) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;

  g_clear_object (&storage);
  sql (uri, "UPDATE kz_meta SET value = 99 WHERE key = 'format'");

  refused = kz_server_postgres_open (uri, &error);
  g_assert_null (refused);
  g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "99"));
  format = sql_value (uri, "SELECT value FROM kz_meta WHERE key = 'format'");
  g_assert_cmpstr (format, ==, "99");
}

static void
test_foreign_tables (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  const char *uri = kz_test_server_get_database (server);
  g_autoptr(KzServerPostgres) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  /* Another application's table of the same name is left alone. */
  sql (uri, "CREATE TABLE users (id int); INSERT INTO users VALUES (7)");
  refused = kz_server_postgres_open (uri, &error);
  g_assert_null (refused);
  g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE);
  rows = sql_value (uri, "SELECT count(*) FROM users");
  g_assert_cmpstr (rows, ==, "1");
  g_clear_pointer (&rows, g_free);
  rows = sql_value (uri, "SELECT to_regclass ('kz_meta') IS NULL");
  g_assert_cmpstr (rows, ==, "t");
}

static void
test_unreachable (void)
{
  g_autoptr(KzServerPostgres) storage = NULL;
  g_autoptr(GError) error = NULL;

  storage = kz_server_postgres_open ("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", &error);
  g_assert_null (storage);
  g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "PostgreSQL"));
  g_clear_error (&error);

  storage = kz_server_postgres_open ("/var/lib/server.db", &error);
  g_assert_null (storage);
  g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID);
}

/* A restarted database or a failover: the next transaction connects
 * again. */
static void
test_reconnect (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  const char *uri = kz_test_server_get_database (server);
  g_autoptr(KzServerStorage) storage = open_storage (uri);
  g_autoptr(GError) error = NULL;
  g_autofree char *terminated = NULL;
  gint64 cursor = -1;

  write_records (storage);
  /* Only this test's database: the other tests' servers run next to it
   * on the same cluster. */
  terminated = sql_value (uri, "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity"
                              " WHERE application_name = 'kompetenz-server'"
                              " AND datname = current_database ()");
  g_assert_cmpstr (terminated, !=, "0");

  /* The next transaction notices the loss and connects again. */
  g_assert_true (kz_server_storage_begin (storage, FALSE, &error));
  g_assert_true (kz_server_storage_get_cursor (storage, &cursor, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_cmpint (cursor, ==, 4);
  check_records (storage);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

  g_test_add_func ("/server/postgres/open", test_open);
  g_test_add_func ("/server/postgres/rollback", test_rollback);
  g_test_add_func ("/server/postgres/users-tokens-conflicts", test_users_tokens_conflicts);
  g_test_add_func ("/server/postgres/newer-format", test_newer_format);
  g_test_add_func ("/server/postgres/foreign-tables", test_foreign_tables);
  g_test_add_func ("/server/postgres/unreachable", test_unreachable);
  g_test_add_func ("/server/postgres/reconnect", test_reconnect);

  return g_test_run ();
}
