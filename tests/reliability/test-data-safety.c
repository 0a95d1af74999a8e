/* test-data-safety.c
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
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kz-demo.h"
#include "kz-store.h"
#include "kz-store-backup.h"
#include "kz-store-lock.h"

/* Data safety: an upgrade that fails part-way leaves the old portfolio
 * as it was and usable; a full disk gives a clear error, loses no saved
 * record and damages nothing, neither in the portfolio nor in a backup;
 * a second application instance on the same portfolio is refused. */

#define PROJECT_UUID "8c3f2e40-5d6f-4071-8cbd-2e3f4a5b6c7d"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("kz-data-safety-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "portfolio.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first column of the first row of @sql, as text. */
static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
assert_query (const char *path,
              const char *sql,
              const char *expected)
{
  g_autofree char *text = query (path, sql);

  g_assert_cmpstr (text, ==, expected);
}

/* A portfolio in format 1 whose upgrade fails at migration @obstacle's
 * step: an object of the same name is in the way. */
static void
make_old_portfolio (const char *path,
                    const char *obstacle)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "portfolio-v1.sql", NULL);
  g_autofree char *sql = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  exec_sql (path, sql);
  exec_sql (path, obstacle);
}

static void
assert_old_portfolio (const char *path)
{
  assert_query (path, "PRAGMA integrity_check", "ok");
  assert_query (path, "PRAGMA user_version", "1");
  assert_query (path, "SELECT title FROM projects WHERE uuid = '" PROJECT_UUID "'",
                "Digitale Pflegedokumentation");
}

static void
test_failed_upgrade (Fixture       *f,
                     gconstpointer  data)
{
  const char *obstacle = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KzStore) store = NULL;
  g_autoptr(KzRecord) project = NULL;
  g_autofree char *before = NULL;

  make_old_portfolio (f->path, obstacle);
  before = query (f->path, "SELECT group_concat(uuid || name, ',') FROM organisations");

  store = kz_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_MIGRATION);
  g_test_message ("%s", error->message);

  /* Nothing of the upgrade is left behind: the file is the old one. */
  assert_old_portfolio (f->path);
  assert_query (f->path, "SELECT group_concat(uuid || name, ',') FROM organisations", before);

  /* Once the cause is gone, the same file upgrades and keeps its data. */
  exec_sql (f->path, "DROP TABLE IF EXISTS meta; DROP INDEX IF EXISTS deadlines_date_idx;");
  g_clear_error (&error);
  store = kz_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kz_store_get_schema_version (store), ==, KZ_STORE_SCHEMA_VERSION);
  project = kz_store_get (store, KZ_KIND_PROJECT, PROJECT_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kz_record_get_title (project), ==, "Digitale Pflegedokumentation");
}

/* Runs in a child (g_test_trap_subprocess) whose files may grow only
 * 256 KiB beyond their size: saves until the disk is "full", then
 * reports to @log: one uuid per saved record, then the error. */
static void
fill_disk (const char *path,
           const char *log_path)
{
  FILE *log = fopen (log_path, "w");
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit;
  GStatBuf st;

  store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (log);
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  signal (SIGXFSZ, SIG_IGN);   /* writes past the limit fail with EFBIG */
  limit.rlim_cur = limit.rlim_max = st.st_size + 256 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(KzRecord) record = kz_record_new (KZ_KIND_ORGANISATION);
      g_autofree char *name = g_strdup_printf ("Verein %u mit einem langen Namen, damit es schneller geht", i);

      kz_record_set_string (record, "name", name);
      kz_record_set_string (record, "notes", name);
      if (!kz_store_save (store, record, &error))
        break;
      fprintf (log, "%s\n", kz_record_get_uuid (record));
      fflush (log);
    }

  g_assert_nonnull (error);
  fprintf (log, "ERROR %s\n", error->message);
  fclose (log);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  guint n_saved = 0;

  if (g_test_subprocess ())
    {
      fill_disk (g_getenv ("KZ_DISK_FULL_DB"), g_getenv ("KZ_DISK_FULL_LOG"));
      return;
    }

  store = kz_store_open (f->path, &error);   /* created at full size first */
  g_assert_no_error (error);
  g_clear_object (&store);

  log_path = g_build_filename (f->dir, "fill.log", NULL);
  g_setenv ("KZ_DISK_FULL_DB", f->path, TRUE);
  g_setenv ("KZ_DISK_FULL_LOG", log_path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  lines = g_strsplit (log, "\n", -1);
  store = kz_store_open (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != 0; i++)
    {
      g_autoptr(KzRecord) record = NULL;

      if (g_str_has_prefix (lines[i], "ERROR "))
        {
          g_test_message ("%s", lines[i]);
          /* Clear and translated, not SQLite's own words alone. */
          g_assert_nonnull (strstr (lines[i], "disk"));
          g_assert_null (strstr (lines[i], "reported an error"));
          continue;
        }
      record = kz_store_get (store, KZ_KIND_ORGANISATION, lines[i], &error);
      g_assert_no_error (error);
      n_saved++;
    }

  g_assert_cmpuint (n_saved, >, 0);
  g_clear_object (&store);
  assert_query (f->path, "PRAGMA integrity_check", "ok");
}

/* Runs in a child whose files may not grow past a size well below the
 * portfolio's: a backup over an older one must fail cleanly. */
static void
backup_on_full_disk (const char *path,
                     const char *backup_path,
                     const char *log_path)
{
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit;

  store = kz_store_open (path, &error);
  g_assert_no_error (error);

  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = limit.rlim_max = 32 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (kz_store_backup (store, backup_path, NULL, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_BACKUP);
  g_assert_true (g_file_set_contents (log_path, error->message, -1, NULL));
}

static void
test_backup_disk_full (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *backup_path = g_build_filename (f->dir, "backup.kompetenz", NULL);
  g_autofree char *log_path = g_build_filename (f->dir, "backup.log", NULL);
  g_autofree char *message = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *count = NULL;
  const char *name;
  gsize before_length, after_length;
  GStatBuf st;

  if (g_test_subprocess ())
    {
      backup_on_full_disk (g_getenv ("KZ_DISK_FULL_DB"), g_getenv ("KZ_DISK_FULL_BACKUP"),
                           g_getenv ("KZ_DISK_FULL_LOG"));
      return;
    }

  /* A portfolio far larger than the limit, and an older backup of it. */
  store = kz_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (kz_store_backup (store, backup_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kz_demo_generate (store, 40, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  count = g_strdup_printf ("%u", kz_store_count (store, KZ_KIND_PROJECT));
  g_clear_object (&store);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 64 * 1024);
  g_assert_true (g_file_get_contents (backup_path, &before, &before_length, NULL));

  g_setenv ("KZ_DISK_FULL_DB", f->path, TRUE);
  g_setenv ("KZ_DISK_FULL_BACKUP", backup_path, TRUE);
  g_setenv ("KZ_DISK_FULL_LOG", log_path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* A clear message that names the disk, not SQLite's words alone. */
  g_assert_true (g_file_get_contents (log_path, &message, NULL, NULL));
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "disk"));
  g_assert_null (strstr (message, "reported an error"));

  /* The older backup is untouched, no half-written file is left, and
   * the portfolio is whole. */
  g_assert_true (g_file_get_contents (backup_path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part"));
  assert_query (f->path, "PRAGMA integrity_check", "ok");
  assert_query (f->path, "SELECT count(*) FROM projects", count);
}

/* One application instance per portfolio: the second is refused before
 * it reads or writes anything; kompetenz-cli's plain open still works
 * next to it; the lock goes with the store, and with a killed process. */
static void
test_single_instance (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KzStore) first = NULL;
  g_autoptr(KzStore) second = NULL;
  g_autoptr(KzStore) cli = NULL;
  g_autoptr(KzRecord) record = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "never-created.db", NULL);
  g_autoptr(KzStoreLock) lock = NULL;
  gsize before_length, after_length;
  GPid child;
  int status;

  first = kz_store_open_exclusive (f->path, &error);
  g_assert_no_error (error);
  kz_record_set_string (record, "name", "Caritasverband Musterstadt");
  g_assert_true (kz_store_save (first, record, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &before, &before_length, NULL));

  second = kz_store_open_exclusive (f->path, &error);
  g_assert_null (second);
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);

  /* kompetenz-cli does not take the lock. */
  cli = kz_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kz_store_count (cli, KZ_KIND_ORGANISATION), ==, 1);
  g_clear_object (&cli);

  /* Freed with the store. */
  g_clear_object (&first);
  second = kz_store_open_exclusive (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kz_store_count (second, KZ_KIND_ORGANISATION), ==, 1);
  g_clear_object (&second);

  /* Freed by the kernel when the holder is killed. */
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      KzStore *held = kz_store_open_exclusive (f->path, NULL);

      if (held == NULL)
        _exit (1);
      kill (getpid (), SIGSTOP);   /* stays stopped, store open, until killed */
      _exit (2);
    }
  g_assert_cmpint (waitpid (child, &status, WUNTRACED), ==, child);
  g_assert_true (WIFSTOPPED (status));
  second = kz_store_open_exclusive (f->path, &error);
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_cmpint (kill (child, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  second = kz_store_open_exclusive (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&second);

  /* A refused second instance does not create a missing portfolio. */
  lock = kz_store_lock_acquire (missing, &error);
  g_assert_no_error (error);
  second = kz_store_open_exclusive (missing, &error);
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_IN_USE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (kz_store_lock_get_path (lock), missing));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reliability/data/failed-upgrade/first-step", Fixture,
              "CREATE TABLE meta (key TEXT);",
              fixture_setup, test_failed_upgrade, fixture_teardown);
  g_test_add ("/reliability/data/failed-upgrade/last-step", Fixture,
              "CREATE INDEX deadlines_date_idx ON deadlines (uuid);",
              fixture_setup, test_failed_upgrade, fixture_teardown);
  g_test_add ("/reliability/data/disk-full", Fixture, NULL,
              fixture_setup, test_disk_full, fixture_teardown);
  g_test_add ("/reliability/data/backup-disk-full", Fixture, NULL,
              fixture_setup, test_backup_disk_full, fixture_teardown);
  g_test_add ("/reliability/data/single-instance", Fixture, NULL,
              fixture_setup, test_single_instance, fixture_teardown);

  return g_test_run ();
}
