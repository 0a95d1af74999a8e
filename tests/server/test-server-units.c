/* test-server-units.c
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

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kz-server-auth.h"
#include "kz-server-changes.h"
#include "kz-server-error.h"
#include "kz-server-json.h"
#include "kz-server-limiter.h"
#include "kz-server-sqlite.h"

/* The server's parts on their own, linked from its static library. */

static char *
temp_db (char **dir)
{
  g_autoptr(GError) error = NULL;

  *dir = g_dir_make_tmp ("kz-server-units-XXXXXX", &error);
  g_assert_no_error (error);
  return g_build_filename (*dir, "server.db", NULL);
}

static void
remove_db (char *dir,
           char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  g_free (dir);
  g_free (path);
}

static void
make_foreign_db (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_storage_open (void)
{
  char *dir = NULL;
  char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KzServerSqlite) storage = kz_server_sqlite_open (path, &error);
      gint64 cursor = -1;

      g_assert_no_error (error);
      g_assert_true (kz_server_sqlite_check (storage, &error));
      g_assert_true (kz_server_storage_begin (KZ_SERVER_STORAGE (storage), FALSE, &error));
      g_assert_true (kz_server_storage_get_cursor (KZ_SERVER_STORAGE (storage), &cursor, &error));
      g_assert_true (kz_server_storage_commit (KZ_SERVER_STORAGE (storage), &error));
      g_assert_cmpint (cursor, ==, 0);
    }

  remove_db (dir, path);
}

static void
test_storage_refuses (void)
{
  const char *files[] = {
    "PRAGMA application_id = 1263686486; PRAGMA user_version = 99; CREATE TABLE meta (key TEXT);",
    "CREATE TABLE projects (uuid TEXT);",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      char *dir = NULL;
      char *path = temp_db (&dir);
      g_autoptr(GError) error = NULL;
      g_autoptr(KzServerSqlite) storage = NULL;
      g_autofree char *before = NULL, *after = NULL;
      gsize before_len = 0, after_len = 0;

      make_foreign_db (path, files[i]);
      g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
      storage = kz_server_sqlite_open (path, &error);
      g_assert_null (storage);
      g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE);
      g_test_message ("%s", error->message);
      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (before, before_len, after, after_len);
      remove_db (dir, path);
    }
}

static void
test_storage_rollback (void)
{
  char *dir = NULL;
  char *path = temp_db (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KzServerSqlite) sqlite = kz_server_sqlite_open (path, &error);
  KzServerStorage *storage = KZ_SERVER_STORAGE (sqlite);
  g_autoptr(KzServerRecordState) state = NULL;
  gint64 version = 0, cursor = -1;

  g_assert_no_error (error);
  g_assert_true (kz_server_storage_begin (storage, TRUE, &error));
  g_assert_true (kz_server_storage_next_version (storage, &version, &error));
  g_assert_cmpint (version, ==, 1);
  g_assert_true (kz_server_storage_write_field (storage, "project", "u1", "title", "T", version, "anna", &error));
  kz_server_storage_rollback (storage);

  g_assert_true (kz_server_storage_begin (storage, FALSE, &error));
  g_assert_true (kz_server_storage_get_record (storage, "u1", &state, &error));
  g_assert_true (kz_server_storage_get_cursor (storage, &cursor, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_null (state);
  g_assert_cmpint (cursor, ==, 0);

  g_clear_object (&sqlite);
  remove_db (dir, path);
}

static void
test_limiter (void)
{
  g_autoptr(KzLoginLimiter) limiter = kz_login_limiter_new (10, 300);
  gint64 now = 1000000, retry = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_assert_true (kz_login_limiter_check (limiter, "eve", "10.0.0.1", now + i, &retry));
      kz_login_limiter_fail (limiter, "eve", "10.0.0.1", now + i);
    }

  g_assert_false (kz_login_limiter_check (limiter, "eve", "10.0.0.1", now + 10, &retry));
  g_assert_cmpint (retry, ==, 290);
  g_assert_true (kz_login_limiter_check (limiter, "eve", "10.0.0.2", now + 10, NULL));
  g_assert_true (kz_login_limiter_check (limiter, "adam", "10.0.0.1", now + 10, NULL));

  /* The window slides: the first failure drops out after 300 s. */
  g_assert_true (kz_login_limiter_check (limiter, "eve", "10.0.0.1", now + 300, NULL));
  kz_login_limiter_reset (limiter, "eve", "10.0.0.1");
  g_assert_true (kz_login_limiter_check (limiter, "eve", "10.0.0.1", now + 11, NULL));
}

static void
test_tokens (void)
{
  guint8 hash[KZ_SERVER_TOKEN_HASH_SIZE], again[KZ_SERVER_TOKEN_HASH_SIZE];
  g_autofree char *token = kz_server_auth_new_token (hash);
  g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *other = kz_server_auth_new_token (again);
  const char *bad[] = { "", "abc", "Bearer", "Basic YWJjOmRlZg==", NULL };

  g_assert_cmpuint (strlen (token), ==, 43);
  g_assert_cmpstr (token, !=, other);
  g_assert_true (kz_server_auth_parse_bearer (header, again));
  g_assert_cmpmem (hash, sizeof hash, again, sizeof again);
  g_assert_null (strpbrk (token, "+/="));

  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (kz_server_auth_parse_bearer (bad[i], again));
  g_assert_false (kz_server_auth_hash_token ("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", again));
}

static void
test_passwords (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = kz_server_auth_hash_password ("correct horse", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_true (kz_server_auth_verify_password (hash, "correct horse"));
  g_assert_false (kz_server_auth_verify_password (hash, "correct horse "));
  g_assert_false (kz_server_auth_verify_password (NULL, "correct horse"));

  g_assert_true (kz_server_auth_check_name ("anna.müller@verband-1", NULL));
  g_assert_false (kz_server_auth_check_name ("", NULL));
  g_assert_false (kz_server_auth_check_name ("anna müller", NULL));
  g_assert_false (kz_server_auth_check_name ("-anna", NULL));
  g_assert_false (kz_server_auth_check_password ("kurz", NULL));
  g_assert_true (kz_server_auth_check_password ("lang genug", NULL));
}

static void
test_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) good = kz_server_json_parse (
    "{\"changes\": ["
    " {\"change_id\": \"0D4E8A52-5F3C-4C1E-9A7B-2F6D8E1C3B4A\", \"kind\": \"project\","
    "  \"uuid\": \"1d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a\", \"field\": \"budget_actual\","
    "  \"value\": \"1.500,5\", \"base\": 3},"
    " {\"change_id\": \"2d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a\", \"link\": \"training-project\","
    "  \"a\": \"3d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a\", \"b\": \"4d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a\","
    "  \"deleted\": true}]}", -1, &error);
  g_autoptr(GPtrArray) changes = NULL;
  KzServerChange *change;

  g_assert_no_error (error);
  changes = kz_server_changes_parse (good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);

  change = changes->pdata[0];
  g_assert_cmpstr (change->change_id, ==, "0d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a");
  g_assert_cmpint (change->kind, ==, KZ_KIND_PROJECT);
  g_assert_cmpstr (change->value, ==, "1500.50");
  g_assert_cmpint (change->base, ==, 3);
  change = changes->pdata[1];
  g_assert_true (change->is_link);
  g_assert_cmpint (change->link, ==, KZ_LINK_TRAINING_PROJECT);
  g_assert_true (change->deleted);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (kz_server_auth_init (NULL));

  g_test_add_func ("/server/storage/open", test_storage_open);
  g_test_add_func ("/server/storage/refuses", test_storage_refuses);
  g_test_add_func ("/server/storage/rollback", test_storage_rollback);
  g_test_add_func ("/server/limiter/window", test_limiter);
  g_test_add_func ("/server/auth/tokens", test_tokens);
  g_test_add_func ("/server/auth/passwords", test_passwords);
  g_test_add_func ("/server/changes/parse", test_changes);

  return g_test_run ();
}
