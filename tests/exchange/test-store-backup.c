/* test-store-backup.c
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

#include "exchange-test-util.h"
#include "kz-store-private.h"

/* --- Checksums of every table, read with a separate connection ------ */

static char *
table_checksum (sqlite3    *db,
                const char *table)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint rows = 0;
  int n;

  g_string_printf (sql, "SELECT * FROM \"%s\"", table);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  n = sqlite3_column_count (stmt);
  sqlite3_finalize (stmt);

  g_string_append (sql, " ORDER BY 1");
  for (int i = 2; i <= n; i++)
    g_string_append_printf (sql, ", %d", i);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < n; i++)
        {
          guchar type = sqlite3_column_type (stmt, i);
          const void *data = sqlite3_column_blob (stmt, i);

          g_checksum_update (sum, &type, 1);
          if (data != NULL)
            g_checksum_update (sum, data, sqlite3_column_bytes (stmt, i));
        }
      rows++;
    }
  sqlite3_finalize (stmt);

  return g_strdup_printf ("%u rows, %s", rows, g_checksum_get_string (sum));
}

/* Table name -> "N rows, sha256" for every table of the file. */
static GHashTable *
checksums (const char *path)
{
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    g_hash_table_insert (result, g_strdup (tables->pdata[i]), table_checksum (db, tables->pdata[i]));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_hash_table_insert (result, g_strdup ("user_version"),
                       g_strdup_printf ("%d", sqlite3_column_int (stmt, 0)));
  sqlite3_finalize (stmt);

  sqlite3_close (db);
  return result;
}

static void
assert_same (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (g_hash_table_contains (b, key));
      if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
        g_error ("table %s differs: %s / %s", (char *)key, (char *)value,
                 (char *)g_hash_table_lookup (b, key));
    }
}

static const char *
rows_of (GHashTable *sums,
         const char *table)
{
  return g_hash_table_lookup (sums, table);
}

/* --- Helpers -------------------------------------------------------- */

static void
changed_cb (KzStore    *store,
            guint       kind,
            const char *uuid,
            gpointer    user_data)
{
  guint *count = user_data;

  if (kind == KZ_N_KINDS && uuid == NULL)
    (*count)++;
}

/* Tombstones, a purge and a removed link, so that the backup has them. */
static void
make_history (KzStore *store)
{
  g_autoptr(GListModel) projects = test_list (store, KZ_KIND_PROJECT);
  g_autoptr(GListModel) orgs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(KzRecord) p = g_list_model_get_item (projects, i * 7);

      g_assert_true (kz_store_delete (store, KZ_KIND_PROJECT, kz_record_get_uuid (p), &error));
      if (i < 3)
        g_assert_true (kz_store_purge (store, KZ_KIND_PROJECT, kz_record_get_uuid (p), &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr(KzRecord) p = g_list_model_get_item (projects, 1);
    g_autoptr(GListModel) linked = kz_store_list_linked (store, KZ_LINK_PROJECT_ORGANISATION,
                                                         kz_record_get_uuid (p), TRUE, NULL);

    if (g_list_model_get_n_items (linked) > 0)
      {
        g_autoptr(KzRecord) org = g_list_model_get_item (linked, 0);

        g_assert_true (kz_store_unlink (store, KZ_LINK_PROJECT_ORGANISATION, kz_record_get_uuid (p),
                                        kz_record_get_uuid (org), &error));
      }
    kz_record_set_string (p, "advisor", "Geänderte Beraterin");
    g_assert_true (kz_store_save (store, p, &error));
  }
}

/* Changes after the backup, which a restore must take back. */
static void
change_more (KzStore *store)
{
  g_autoptr(GListModel) orgs = test_list (store, KZ_KIND_ORGANISATION);
  g_autoptr(KzRecord) fresh = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(KzRecord) org = g_list_model_get_item (orgs, i);

      g_assert_true (kz_store_delete (store, KZ_KIND_ORGANISATION, kz_record_get_uuid (org), &error));
    }
  kz_record_set_string (fresh, "name", "Nach der Sicherung e.V.");
  g_assert_true (kz_store_save (store, fresh, &error));
  g_assert_no_error (error);
}

/* --- Tests ---------------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GHashTable) before = NULL, copy = NULL, changed = NULL, after = NULL;
  g_autofree char *backup = temp_store_file (t, "sicherung.kompetenz");
  g_autoptr(GError) error = NULL;
  g_autoptr(KzRecord) fresh = NULL;
  guint signals = 0;
  GStatBuf st;
  gint64 start;

  start = g_get_monotonic_time ();
  g_assert_true (kz_demo_generate (t->store, 10000, KZ_DEMO_DEFAULT_SEED, today, NULL, &error));
  g_test_message ("demo portfolio of 10 000 projects: %.2f s", test_seconds_since (start));
  make_history (t->store);
  before = checksums (t->path);
  g_test_message ("projects: %s; history: %s; project_organisations: %s",
                  rows_of (before, "projects"), rows_of (before, "history"),
                  rows_of (before, "project_organisations"));

  start = g_get_monotonic_time ();
  g_assert_true (kz_store_backup (t->store, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_test_message ("backup: %.2f s, %.1f MB", test_seconds_since (start), st.st_size / 1e6);
  copy = checksums (backup);
  assert_same (before, copy);

  change_more (t->store);
  changed = checksums (t->path);
  g_assert_cmpstr (rows_of (changed, "history"), !=, rows_of (before, "history"));

  g_signal_connect (t->store, "changed", G_CALLBACK (changed_cb), &signals);
  start = g_get_monotonic_time ();
  g_assert_true (kz_store_restore_backup (t->store, backup, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("restore: %.2f s", test_seconds_since (start));
  g_assert_cmpuint (signals, ==, 1);

  after = checksums (t->path);
  assert_same (before, after);

  /* The open store reads the restored content and keeps working. */
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_PROJECT), ==, 10000 - 20);
  g_assert_null (test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Nach der Sicherung e.V."));
  fresh = kz_record_new (KZ_KIND_ORGANISATION);
  kz_record_set_string (fresh, "name", "Danach e.V.");
  g_assert_true (kz_store_save (t->store, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kz_store_search (t->store, "Danach", 10, NULL)), ==, 1);
}

static void
assert_no_part_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  /* Working copies end in .part, upgrade copies of them in .bak. */
  while ((name = g_dir_read_name (d)))
    g_assert_null (strstr (name, ".part"));
}

static void
test_cancel (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *backup = temp_store_file (t, "backup.db");
  g_autofree char *old = temp_store_file (t, "old.db");
  g_autoptr(GHashTable) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  g_assert_true (kz_demo_generate (t->store, 50, 3, today, NULL, &error));
  g_assert_true (kz_store_backup (t->store, backup, NULL, &error));
  change_more (t->store);
  before = checksums (t->path);

  test_write_file (old, "an older file", -1);
  g_cancellable_cancel (cancellable);
  g_assert_false (kz_store_backup (t->store, old, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  content = test_read_file (old, NULL);
  g_assert_cmpstr (content, ==, "an older file");

  g_assert_false (kz_store_restore_backup (t->store, backup, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = checksums (t->path);
  assert_same (before, after);
  assert_no_part_files (t->dir);
}

static void
assert_restore_fails (TempStore  *t,
                      const char *path,
                      int         code)
{
  g_autoptr(GHashTable) before = checksums (t->path);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (kz_store_restore_backup (t->store, path, NULL, &error));
  g_assert_error (error, KZ_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  after = checksums (t->path);
  assert_same (before, after);
}

static void
make_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuse (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autofree char *text = temp_store_file (t, "text.db");
  g_autofree char *foreign = temp_store_file (t, "foreign.db");
  g_autofree char *newer = temp_store_file (t, "newer.db");
  g_autofree char *damaged = temp_store_file (t, "damaged.db");
  g_autofree char *missing = temp_store_file (t, "missing.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (kz_demo_generate (t->store, 20, 5, today, NULL, &error));

  test_write_file (text, "Name;Ort\nA;B\n", -1);
  make_sqlite (foreign, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); PRAGMA user_version = 3;");
  g_assert_true (kz_store_backup (t->store, newer, NULL, &error));
  make_sqlite (newer, "PRAGMA user_version = 99;");
  g_assert_true (kz_store_backup (t->store, damaged, NULL, &error));
  data = test_read_file (damaged, &length);
  memset (data + length / 2, 0xA5, MIN (length / 4, 64 * 1024));
  test_write_file (damaged, data, length);

  assert_restore_fails (t, missing, KZ_STORE_ERROR_OPEN);
  assert_restore_fails (t, text, KZ_STORE_ERROR_OPEN);
  assert_restore_fails (t, foreign, KZ_STORE_ERROR_OPEN);
  assert_restore_fails (t, newer, KZ_STORE_ERROR_NEWER_SCHEMA);
  assert_restore_fails (t, damaged, KZ_STORE_ERROR_OPEN);
  assert_restore_fails (t, t->path, KZ_STORE_ERROR_OPEN);

  g_assert_false (kz_store_backup (t->store, t->path, NULL, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_BACKUP);
}

/* A portfolio in format 3, as an older Kompetenz left it. */
static void
make_old_portfolio (const char *path)
{
  guint n;
  const KzMigration *migrations = _kz_store_get_migrations (&n);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  for (guint i = 0; i < 3; i++)
    g_string_append (sql, migrations[i].sql);
  g_string_append (sql,
    "INSERT INTO organisations (uuid, created, modified, deleted, name, city) VALUES "
    "('6f1c1f56-8d0e-4d6b-9f43-0d8e2f1b7a11', 1, 1, 0, 'Altbestand Wolfsburg e.V.', 'Wolfsburg'),"
    "('0b7e4c7a-1f6e-4a55-8a8e-5d1c9e2b3c44', 1, 2, 1, 'Gelöscht e.V.', 'Peine');"
    "INSERT INTO history (kind, uuid, field, old_value, new_value, author, time) VALUES "
    "('organisation', '6f1c1f56-8d0e-4d6b-9f43-0d8e2f1b7a11', '*', NULL, 'Altbestand Wolfsburg e.V.', 'alt', 1);"
    "PRAGMA user_version = 3; COMMIT;");
  make_sqlite (path, sql->str);
}

static void
test_older_format (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autofree char *old = temp_store_file (t, "format3.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(KzRecord) deleted = NULL;

  make_old_portfolio (old);
  g_assert_true (kz_store_restore_backup (t->store, old, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (kz_store_get_schema_version (t->store), ==, KZ_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 1);
  deleted = kz_store_get (t->store, KZ_KIND_ORGANISATION, "0b7e4c7a-1f6e-4a55-8a8e-5d1c9e2b3c44", &error);
  g_assert_true (kz_record_get_deleted (deleted));
  history = kz_store_get_history (t->store, "6f1c1f56-8d0e-4d6b-9f43-0d8e2f1b7a11", &error);
  g_assert_cmpuint (history->len, ==, 1);
  found = kz_store_search (t->store, "Altbestand", 5, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* The old file itself is left as it was, and no working files remain. */
  g_assert_true (g_file_test (old, G_FILE_TEST_EXISTS));
  assert_no_part_files (t->dir);
}

static void
test_in_transaction (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autofree char *backup = temp_store_file (t, "b.db");
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_store_begin (t->store, NULL));
  g_assert_false (kz_store_backup (t->store, backup, NULL, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_FAILED);
  kz_store_rollback (t->store);

  g_clear_error (&error);
  g_assert_true (kz_store_backup (t->store, backup, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/exchange/backup/round-trip", test_round_trip);
  g_test_add_func ("/exchange/backup/cancel", test_cancel);
  g_test_add_func ("/exchange/backup/refuse", test_refuse);
  g_test_add_func ("/exchange/backup/older-format", test_older_format);
  g_test_add_func ("/exchange/backup/in-transaction", test_in_transaction);

  return g_test_run ();
}
