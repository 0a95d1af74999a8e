/* kz-store-backup.c
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

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kz-store-backup.h"
#include "kz-store-private.h"

/* Pages copied per step of the backup API: small enough to notice
 * cancellation and to let other threads in between. */
#define STEP_PAGES   512
#define MAX_RETRIES  500

static const char sqlite_magic[16] = "SQLite format 3";

/* --- Files ---------------------------------------------------------- */

/* A new empty file next to @path, for SQLite to fill. */
static char *
make_temp_file (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX.part", base);
  char *temp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp, O_RDWR, 0600);

  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_BACKUP,
                   _("Could not create a file in “%s”: %s"), dir, g_strerror (errsv));
      g_free (temp);
      return NULL;
    }

  close (fd);
  return temp;
}

static void
remove_database_files (const char *path)
{
  static const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  if (path == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;
  int errsv = errno;

  if (fd >= 0)
    close (fd);
  if (!ok)
    g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_BACKUP,
                 _("Could not write “%s” to disk: %s"), path, g_strerror (errsv));

  return ok;
}

static gboolean
rename_into_place (const char  *temp,
                   const char  *path,
                   GError     **error)
{
  if (g_rename (temp, path) != 0)
    {
      int errsv = errno;

      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_BACKUP,
                   _("Could not save the backup as “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/* --- Copying with the backup API ------------------------------------ */

/* A full disk, or a write past the file size limit (SQLITE_IOERR
 * without an errno), gets words of its own. */
static gboolean
sqlite_failed (int          rc,
               sqlite3     *db,
               int          code,
               GError     **error)
{
  int ext = db != NULL && sqlite3_errcode (db) != SQLITE_OK ? sqlite3_extended_errcode (db) : rc;

  if ((ext & 0xff) == SQLITE_FULL || ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
      ext == SQLITE_IOERR_TRUNCATE)
    g_set_error_literal (error, KZ_STORE_ERROR, code,
                         _("The disk is full or refuses writes, so nothing was written. "
                           "Free some space and try again."));
  else
    g_set_error (error, KZ_STORE_ERROR, code,
                 _("The portfolio database reported an error: %s"),
                 db != NULL && sqlite3_errcode (db) != SQLITE_OK ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static int
copy_step (sqlite3_backup *backup,
           KzStore        *lock)
{
  int rc;

  if (lock != NULL)
    _kz_store_lock (lock);
  rc = sqlite3_backup_step (backup, STEP_PAGES);
  if (lock != NULL)
    _kz_store_unlock (lock);

  return rc;
}

/* Copies the main database of @src over that of @dest.  Until the last
 * step @dest only changes inside its own transaction, which
 * sqlite3_backup_finish() rolls back when the copy stops early.  With
 * @lock, the store's lock is held for each step only. */
static gboolean
copy_database (sqlite3       *dest,
               sqlite3       *src,
               KzStore       *lock,
               int            code,
               GCancellable  *cancellable,
               GError       **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  guint retries = 0;
  int rc, finish_rc;

  if (backup == NULL)
    return sqlite_failed (SQLITE_ERROR, dest, code, error);

  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_backup_finish (backup);
          return !g_cancellable_set_error_if_cancelled (cancellable, error);
        }

      rc = copy_step (backup, lock);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && retries++ < MAX_RETRIES)
        sqlite3_sleep (10);
      else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        break;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  finish_rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return sqlite_failed (rc, NULL, code, error);
  if (finish_rc != SQLITE_OK)
    return sqlite_failed (finish_rc, dest, code, error);

  return TRUE;
}

static gboolean
exec_on (sqlite3     *db,
         const char  *sql,
         int          code,
         GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || sqlite_failed (rc, db, code, error);
}

static sqlite3 *
open_db (const char  *path,
         int          flags,
         int          code,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, KZ_STORE_ERROR, code, _("Could not open “%s”: %s"),
                   path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gboolean
check_no_transaction (KzStore  *self,
                      GError  **error)
{
  gboolean idle;

  _kz_store_lock (self);
  idle = sqlite3_get_autocommit (_kz_store_db (self)) != 0;
  _kz_store_unlock (self);

  if (!idle)
    g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_FAILED,
                 _("The portfolio is in the middle of a change; try again when it is finished."));

  return idle;
}

/* --- Backup --------------------------------------------------------- */

static gboolean
write_copy (KzStore       *self,
            const char    *temp,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3 *dest = open_db (temp, SQLITE_OPEN_READWRITE, KZ_STORE_ERROR_BACKUP, error);
  gboolean ok;

  if (dest == NULL)
    return FALSE;

  /* A self-contained file: no -wal beside it that could get lost. */
  ok = copy_database (dest, _kz_store_db (self), self, KZ_STORE_ERROR_BACKUP, cancellable, error) &&
       exec_on (dest, "PRAGMA journal_mode = DELETE;", KZ_STORE_ERROR_BACKUP, error);

  if (sqlite3_close (dest) != SQLITE_OK && ok)
    ok = sqlite_failed (SQLITE_ERROR, NULL, KZ_STORE_ERROR_BACKUP, error);

  return ok;
}

gboolean
kz_store_backup (KzStore       *self,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *temp = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (same_file (path, kz_store_get_path (self)))
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_BACKUP,
                   _("A backup cannot replace the portfolio itself. Choose another file."));
      return FALSE;
    }

  if (!check_no_transaction (self, error) || !(temp = make_temp_file (path, error)))
    return FALSE;

  if (!write_copy (self, temp, cancellable, error) ||
      !sync_file (temp, error) ||
      !rename_into_place (temp, path, error))
    {
      remove_database_files (temp);
      return FALSE;
    }

  remove_database_files (temp);   /* a stray -journal, if any */
  return TRUE;
}

/* --- Checking a backup ---------------------------------------------- */

static gboolean
not_a_portfolio (const char  *path,
                 GError     **error)
{
  g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
               _("“%s” is not a Kompetenz portfolio or backup."), path);
  return FALSE;
}

static gboolean
has_sqlite_header (const char *path)
{
  char header[16] = { 0 };
  FILE *file = g_fopen (path, "rb");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fread (header, 1, sizeof header, file) == sizeof header &&
       memcmp (header, sqlite_magic, sizeof header) == 0;
  fclose (file);

  return ok;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return result;
}

static gboolean
has_table (sqlite3    *db,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                          "WHERE type = 'table' AND name = '%s'", table);
  g_autofree char *count = query_text (db, sql);

  return g_strcmp0 (count, "1") == 0;
}

static gboolean
has_all_tables (sqlite3 *db,
                int      version)
{
  for (guint k = 0; k < KZ_N_KINDS; k++)
    if (!has_table (db, kz_kind_get_info (k)->table))
      return FALSE;
  for (guint l = 0; l < KZ_N_LINKS; l++)
    if (!has_table (db, kz_link_get_info (l)->table))
      return FALSE;

  return version < 2 || has_table (db, "meta");
}

static gboolean
check_version (const char  *path,
               int          version,
               GError     **error)
{
  if (version > KZ_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NEWER_SCHEMA,
                   _("The backup “%s” was saved by a newer version of Kompetenz "
                     "(format %d; this version reads up to %d). Please update Kompetenz. "
                     "The portfolio has not been changed."),
                   path, version, KZ_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return version >= 1 || not_a_portfolio (path, error);
}

static gboolean
validate_backup (const char  *path,
                 GError     **error)
{
  g_autofree char *check = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
                   _("The backup “%s” does not exist."), path);
      return FALSE;
    }

  if (!has_sqlite_header (path) ||
      !(db = open_db (path, SQLITE_OPEN_READONLY, KZ_STORE_ERROR_OPEN, NULL)))
    return not_a_portfolio (path, error);

  check = query_text (db, "PRAGMA quick_check;");
  version = query_text (db, "PRAGMA user_version;");
  ok = g_strcmp0 (check, "ok") == 0;
  if (!ok)
    g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
                 _("The backup “%s” is damaged and cannot be restored."), path);
  else if (!(ok = check_version (path, version ? atoi (version) : 0, error)))
    ;
  else if (!(ok = has_all_tables (db, atoi (version))))
    not_a_portfolio (path, error);

  sqlite3_close_v2 (db);
  return ok;
}

/* --- Restoring ------------------------------------------------------ */

static int
store_page_size (KzStore *self)
{
  g_autofree char *size = NULL;

  _kz_store_lock (self);
  size = query_text (_kz_store_db (self), "PRAGMA page_size;");
  _kz_store_unlock (self);

  return size ? atoi (size) : 4096;
}

/* A write-ahead-log database only takes a copy of its own page size. */
static gboolean
match_page_size (sqlite3  *db,
                 int       page_size,
                 GError  **error)
{
  g_autofree char *current = query_text (db, "PRAGMA page_size;");
  g_autofree char *sql = NULL;

  if (current != NULL && atoi (current) == page_size)
    return TRUE;

  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA page_size = %d; VACUUM;", page_size);
  return exec_on (db, sql, KZ_STORE_ERROR_OPEN, error);
}

/* Copies the backup next to the portfolio, where it can be upgraded. */
static gboolean
make_working_copy (KzStore       *self,
                   const char    *path,
                   const char    *temp,
                   GCancellable  *cancellable,
                   GError       **error)
{
  sqlite3 *src = open_db (path, SQLITE_OPEN_READONLY, KZ_STORE_ERROR_OPEN, error);
  sqlite3 *dest = NULL;
  gboolean ok;

  if (src == NULL)
    return FALSE;

  ok = (dest = open_db (temp, SQLITE_OPEN_READWRITE, KZ_STORE_ERROR_OPEN, error)) != NULL &&
       copy_database (dest, src, NULL, KZ_STORE_ERROR_OPEN, cancellable, error) &&
       match_page_size (dest, store_page_size (self), error);

  sqlite3_close_v2 (dest);
  sqlite3_close_v2 (src);
  return ok;
}

static void
reset_statements (sqlite3 *db)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    sqlite3_reset (stmt);
}

/* Swaps the content in, holding the store's lock throughout. */
static gboolean
replace_content (KzStore       *self,
                 KzStore       *source,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gboolean ok = FALSE;

  _kz_store_lock (self);
  if (check_no_transaction (self, error))
    {
      reset_statements (_kz_store_db (self));
      ok = copy_database (_kz_store_db (self), _kz_store_db (source), NULL,
                          KZ_STORE_ERROR_FAILED, cancellable, error) &&
           _kz_store_load_tracking (self, error);
    }
  _kz_store_unlock (self);

  return ok;
}

gboolean
kz_store_restore_backup (KzStore       *self,
                         const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(KzStore) source = NULL;
  g_autofree char *temp = NULL;
  gboolean ok;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (same_file (path, kz_store_get_path (self)))
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
                   _("The portfolio cannot be restored from itself. Choose a backup file."));
      return FALSE;
    }

  if (!validate_backup (path, error) ||
      !check_no_transaction (self, error) ||
      !(temp = make_temp_file (kz_store_get_path (self), error)))
    return FALSE;

  /* Opening the copy upgrades an older format and rebuilds its search index. */
  ok = make_working_copy (self, path, temp, cancellable, error) &&
       (source = kz_store_open (temp, error)) != NULL &&
       replace_content (self, source, cancellable, error);

  if (source != NULL)
    remove_database_files (kz_store_get_backup_path (source));
  g_clear_object (&source);
  remove_database_files (temp);

  if (ok)
    g_signal_emit_by_name (self, "changed", (guint)KZ_N_KINDS, NULL);

  return ok;
}
