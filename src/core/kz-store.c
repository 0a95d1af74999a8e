/* kz-store.c
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
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kz-store-private.h"
#include "kz-store-lock.h"

struct _KzStore
{
  GObject     parent_instance;

  char       *path;
  char       *backup_path;
  sqlite3    *db;
  GRecMutex   lock;
  GHashTable *statements;     /* SQL text -> sqlite3_stmt */
  int         schema_version;
  char       *author;
  gboolean    sync_enabled;
  KzStoreLock *instance_lock; /* kz_store_open_exclusive() */

  guint       depth;          /* nesting of kz_store_begin() */
  gboolean    bulk;           /* new records are indexed at commit */
  guint       large_cache;    /* holders of kz_store_hold_large_cache() */
  guint       pending_kinds;  /* bit mask of kinds changed in the open transaction */
  char       *pending_uuid;   /* the one record changed, if only one */
  guint       pending_count;
  GPtrArray  *unindexed;      /* records to index at commit (_kz_store_defer_index()) */
};

G_DEFINE_FINAL_TYPE (KzStore, kz_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (kz-store-error-quark, kz_store_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_STATIC_ASSERT (KZ_N_KINDS < 32);

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
kz_store_finalize (GObject *object)
{
  KzStore *self = (KzStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_rec_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->backup_path);
  g_free (self->pending_uuid);
  g_free (self->author);
  /* After the connection is closed: the next instance may open it. */
  g_clear_object (&self->instance_lock);

  G_OBJECT_CLASS (kz_store_parent_class)->finalize (object);
}

static void
kz_store_class_init (KzStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_store_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
kz_store_init (KzStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

char *
kz_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kompetenz", "portfolio.db", NULL);
}

sqlite3 *
_kz_store_db (KzStore *self)
{
  return self->db;
}

void
_kz_store_lock (KzStore *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
_kz_store_unlock (KzStore *self)
{
  g_rec_mutex_unlock (&self->lock);
}

/* Whether SQLite's extended result @code means a disk that is full or
 * refuses writes.  A write past the file size limit (EFBIG) comes back
 * as SQLITE_IOERR_WRITE, without an errno. */
gboolean
_kz_store_is_disk_error (int code)
{
  return (code & 0xff) == SQLITE_FULL || code == SQLITE_IOERR_WRITE ||
         code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_TRUNCATE;
}

/* A translated message for a disk that is full or refuses writes, or
 * NULL for other errors. */
static const char *
disk_error_message (sqlite3 *db)
{
  int code = sqlite3_extended_errcode (db);

  if ((code & 0xff) == SQLITE_FULL)
    return _("The disk is full, so the change was not saved. Free some space and try again.");
  if (_kz_store_is_disk_error (code))
    return _("The change could not be written to the disk, so it was not saved. "
             "The disk may be full or failing.");
  return NULL;
}

gboolean
_kz_store_set_error (KzStore  *self,
                     GError  **error)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *disk = disk_error_message (self->db);

  if (disk != NULL)
    g_set_error_literal (error, KZ_STORE_ERROR, KZ_STORE_ERROR_FAILED, disk);
  else if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID,
                 _("The change refers to a record that does not exist."));
  else
    g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_FAILED,
                 _("The portfolio database reported an error: %s"),
                 sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3_stmt *
_kz_store_prepare (KzStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _kz_store_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_kz_store_exec (KzStore     *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _kz_store_set_error (self, error);

  return TRUE;
}

/* The schema version and the number of schema objects of the database
 * at @uri, opened read-only. */
static int
read_version (const char *uri,
              int        *version,
              int        *tables)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                 " (SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      *tables = sqlite3_column_int (stmt, 1);
    }
  else
    rc = SQLITE_ERROR;

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return rc;
}

/* Reads the schema version of an existing file without writing to it. */
static gboolean
peek_version (const char  *path,
              int         *version,
              GError     **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *wal = NULL;
  GStatBuf st;
  int tables = 0;
  int rc;

  *version = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  /* immutable=1: no locks, no -wal or -shm files beside a file that
   * may turn out to belong to a newer version. */
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  rc = read_version (uri, version, &tables);

  /* Open in another process (the app, next to kompetenz-cli), the
   * newest schema may still be in the write-ahead log only, which an
   * immutable read does not see: read through the log then.  Its -wal
   * and -shm files are there already. */
  wal = g_strconcat (path, "-wal", NULL);
  if (rc == SQLITE_OK && g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_free (uri);
      uri = g_strdup_printf ("file:%s?mode=ro", escaped);
      rc = read_version (uri, version, &tables);
    }

  if (rc != SQLITE_OK || (*version == 0 && tables > 0))
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
                   _("“%s” is not a Kompetenz portfolio."), path);
      return FALSE;
    }

  if (*version > KZ_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NEWER_SCHEMA,
                   _("The portfolio “%s” was saved by a newer version of Kompetenz "
                     "(format %d; this version reads up to %d). Please update Kompetenz. "
                     "The file has not been changed."),
                   path, *version, KZ_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Copies the whole database, WAL included, with SQLite's backup API. */
static gboolean
make_backup (KzStore  *self,
             int       version,
             GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.v%d-%s.bak", self->path, version, stamp);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (dest, "main", self->db, "main")))
    {
      sqlite3_backup_step (backup, -1);
      rc = sqlite3_backup_finish (backup);
    }
  else
    rc = SQLITE_ERROR;
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (target);
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_BACKUP,
                   _("Could not save a copy of the portfolio to “%s” before upgrading it; "
                     "the portfolio has not been changed."), target);
      return FALSE;
    }

  self->backup_path = g_steal_pointer (&target);
  return TRUE;
}

/* One step, inside the transaction of migrate(). */
static gboolean
run_migration (KzStore            *self,
               const KzMigration  *migration,
               GError            **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", migration->version);
  g_autoptr(GError) local_error = NULL;

  if (!_kz_store_exec (self, migration->sql, &local_error) ||
      !_kz_store_exec (self, set_version, &local_error))
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_MIGRATION,
                   _("Could not upgrade the portfolio to format %d: %s"),
                   migration->version, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* All steps run in one transaction: when one fails, the file stays
 * exactly as it was, in its old format, rather than half upgraded. */
static gboolean
migrate (KzStore  *self,
         int       from_version,
         GError  **error)
{
  const KzMigration *migrations;
  g_autoptr(GError) local_error = NULL;
  guint n;

  self->schema_version = from_version;
  if (from_version == KZ_STORE_SCHEMA_VERSION)
    return TRUE;

  if (from_version > 0 && !make_backup (self, from_version, error))
    return FALSE;

  if (!_kz_store_exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;

  migrations = _kz_store_get_migrations (&n);
  for (guint i = 0; i < n; i++)
    {
      if (migrations[i].version <= from_version)
        continue;
      g_debug ("Upgrading %s to format %d", self->path, migrations[i].version);
      if (!run_migration (self, &migrations[i], error))
        {
          _kz_store_exec (self, "ROLLBACK;", NULL);
          return FALSE;
        }
    }

  if (!_kz_store_exec (self, "COMMIT;", &local_error))
    {
      _kz_store_exec (self, "ROLLBACK;", NULL);
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_MIGRATION,
                   _("Could not upgrade the portfolio to format %d: %s"),
                   KZ_STORE_SCHEMA_VERSION, local_error->message);
      return FALSE;
    }

  self->schema_version = KZ_STORE_SCHEMA_VERSION;
  return TRUE;
}

static gboolean
open_connection (KzStore  *self,
                 GError  **error)
{
  static const char pragmas[] =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA busy_timeout = 5000;";
  g_autofree char *dir = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
                   _("Could not open the portfolio “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }

  return _kz_store_exec (self, pragmas, error);
}

KzStore *
kz_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(KzStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!peek_version (path, &version, error))
    return NULL;

  self = g_object_new (KZ_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, error) || !migrate (self, version, error) ||
      !_kz_store_load_tracking (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

KzStore *
kz_store_open_exclusive (const char  *path,
                         GError     **error)
{
  g_autoptr(KzStoreLock) lock = NULL;
  KzStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(lock = kz_store_lock_acquire (path, error)) ||
      !(self = kz_store_open (path, error)))
    return NULL;

  self->instance_lock = g_steal_pointer (&lock);
  return self;
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  KzStore *store = kz_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
kz_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_worker);
}

KzStore *
kz_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
kz_store_get_path (KzStore *self)
{
  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  return self->path;
}

const char *
kz_store_get_backup_path (KzStore *self)
{
  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  return self->backup_path;
}

int
kz_store_get_schema_version (KzStore *self)
{
  g_return_val_if_fail (KZ_IS_STORE (self), 0);
  return self->schema_version;
}

void
kz_store_set_author (KzStore    *self,
                     const char *author)
{
  g_return_if_fail (KZ_IS_STORE (self));

  _kz_store_lock (self);
  g_free (self->author);
  self->author = (author && *author) ? g_strdup (author) : NULL;
  _kz_store_unlock (self);
}

const char *
kz_store_get_author (KzStore *self)
{
  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  return self->author;
}

gboolean
kz_store_get_sync_enabled (KzStore *self)
{
  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  return self->sync_enabled;
}

gboolean
_kz_store_is_bulk (KzStore *self)
{
  return self->bulk;
}

void
_kz_store_set_sync_flag (KzStore  *self,
                         gboolean  enabled)
{
  self->sync_enabled = enabled;
}

gboolean
kz_store_begin (KzStore  *self,
                GError  **error)
{
  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);

  _kz_store_lock (self);
  if (self->depth == 0 && !_kz_store_exec (self, "BEGIN IMMEDIATE;", error))
    {
      _kz_store_unlock (self);
      return FALSE;
    }

  self->depth++;
  return TRUE;
}

/* A large page cache keeps a big transaction from spilling half-written
 * pages to the log and reading them back. */
#define BULK_CACHE_SQL "PRAGMA cache_size = -262144;"
#define NORMAL_CACHE_SQL "PRAGMA cache_size = -2000;"

/**
 * kz_store_begin_bulk:
 *
 * Like kz_store_begin(), for transactions that add many records (demo
 * data, imports): the full-text index of the new records is built in
 * one pass when the outermost transaction commits, instead of once per
 * record.  Searches inside the transaction do not find new records.
 */
gboolean
kz_store_begin_bulk (KzStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);

  if (!kz_store_begin (self, error))
    return FALSE;

  if (self->depth == 1)
    {
      self->bulk = TRUE;
      _kz_store_exec (self, BULK_CACHE_SQL, NULL);
    }

  return TRUE;
}

static void
end_bulk (KzStore *self)
{
  if (!self->bulk)
    return;

  self->bulk = FALSE;
  if (self->large_cache == 0)
    _kz_store_exec (self, NORMAL_CACHE_SQL, NULL);
}

/**
 * kz_store_hold_large_cache:
 *
 * Gives the store the large page cache of a bulk transaction until the
 * matching kz_store_release_large_cache(), across transactions: for a
 * sync round, whose many transactions each touch records all over the
 * file.  Calls nest.
 */
void
kz_store_hold_large_cache (KzStore *self)
{
  g_return_if_fail (KZ_IS_STORE (self));

  _kz_store_lock (self);
  if (self->large_cache++ == 0 && !self->bulk)
    _kz_store_exec (self, BULK_CACHE_SQL, NULL);
  _kz_store_unlock (self);
}

void
kz_store_release_large_cache (KzStore *self)
{
  g_return_if_fail (KZ_IS_STORE (self));
  g_return_if_fail (self->large_cache > 0);

  _kz_store_lock (self);
  if (--self->large_cache == 0 && !self->bulk)
    _kz_store_exec (self, NORMAL_CACHE_SQL, NULL);
  _kz_store_unlock (self);
}

/* Takes what the finished transaction changed, under the lock. */
static gboolean
take_pending (KzStore  *self,
              guint    *kind,
              char    **uuid)
{
  guint kinds = self->pending_kinds;
  guint count = self->pending_count;

  *uuid = g_steal_pointer (&self->pending_uuid);
  self->pending_kinds = 0;
  self->pending_count = 0;

  if (kinds == 0)
    return FALSE;

  *kind = (kinds & (kinds - 1)) == 0 ? (guint)g_bit_nth_lsf (kinds, -1) : KZ_N_KINDS;
  if (count != 1)
    g_clear_pointer (uuid, g_free);

  return TRUE;
}

/* Indexes @record for search when the outermost transaction commits,
 * with the others so deferred: an insert into the full-text index
 * followed by other writes makes SQLite flush the index's pending
 * terms each time, a small segment per record. */
void
_kz_store_defer_index (KzStore  *self,
                       KzRecord *record)
{
  if (self->unindexed == NULL)
    self->unindexed = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->unindexed, g_object_ref (record));
}

void
_kz_store_note_change (KzStore    *self,
                       KzKind      kind,
                       const char *uuid)
{
  self->pending_kinds |= 1u << kind;
  if (self->pending_count++ == 0)
    self->pending_uuid = g_strdup (uuid);
}

gboolean
kz_store_commit (KzStore  *self,
                 GError  **error)
{
  g_autofree char *uuid = NULL;
  gboolean changed = FALSE;
  guint kind = 0;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    {
      _kz_store_unlock (self);
      return TRUE;
    }

  if ((self->unindexed != NULL && self->unindexed->len > 0 &&
       !_kz_store_index_records (self, self->unindexed, error)) ||
      (self->bulk && !_kz_store_index_new_records (self, error)) ||
      !_kz_store_exec (self, "COMMIT;", error))
    {
      if (self->unindexed != NULL)
        g_ptr_array_set_size (self->unindexed, 0);
      _kz_store_exec (self, "ROLLBACK;", NULL);
      end_bulk (self);
      take_pending (self, &kind, &uuid);
      _kz_store_unlock (self);
      return FALSE;
    }

  if (self->unindexed != NULL)
    g_ptr_array_set_size (self->unindexed, 0);
  end_bulk (self);
  changed = take_pending (self, &kind, &uuid);
  _kz_store_unlock (self);

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0, kind, uuid);

  return TRUE;
}

/**
 * kz_store_rollback:
 *
 * Abandons the open transaction.  A nested call marks the outer
 * transaction failed: it rolls back at once and the outer commit
 * then fails.
 */
void
kz_store_rollback (KzStore *self)
{
  g_return_if_fail (KZ_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (sqlite3_get_autocommit (self->db) == 0)
    _kz_store_exec (self, "ROLLBACK;", NULL);

  if (--self->depth == 0)
    end_bulk (self);
  if (self->unindexed != NULL)
    g_ptr_array_set_size (self->unindexed, 0);
  self->pending_kinds = 0;
  self->pending_count = 0;
  g_clear_pointer (&self->pending_uuid, g_free);
  _kz_store_unlock (self);
}
