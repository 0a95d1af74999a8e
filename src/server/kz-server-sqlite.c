/* kz-server-sqlite.c
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

#define G_LOG_DOMAIN "kz-server-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-server-error.h"
#include "kz-server-sqlite-private.h"

/* "KZSV": marks a file as a Kompetenz server database. */
#define APPLICATION_ID 0x4b5a5356

struct _KzServerSqlite
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt */
  gboolean    in_transaction;
};

static void storage_iface_init (KzServerStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KzServerSqlite, kz_server_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (KZ_TYPE_SERVER_STORAGE, storage_iface_init))

/* Version 1: users and their login tokens (hashes only), the records'
 * fields with their versions and authors, the history of every field
 * change (for conflicts' base values), links as sets, the outcome of
 * every pushed change id, and conflicts. */
static const char schema_1[] =
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value INTEGER NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "INSERT INTO meta (key, value) VALUES ('version', 0);\n"
  "CREATE TABLE users (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE,\n"
  "  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'reader')),\n"
  "  password_hash TEXT NOT NULL,\n"
  "  created INTEGER NOT NULL\n"
  ");\n"
  "CREATE TABLE tokens (\n"
  "  hash BLOB PRIMARY KEY NOT NULL,\n"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n"
  "  created INTEGER NOT NULL,\n"
  "  expires INTEGER NOT NULL,\n"
  "  revoked INTEGER\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX tokens_user_id_idx ON tokens (user_id);\n"
  "CREATE TABLE records (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  version INTEGER NOT NULL UNIQUE,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  deleted_version INTEGER NOT NULL DEFAULT 0\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE fields (\n"
  "  uuid TEXT NOT NULL REFERENCES records (uuid),\n"
  "  field TEXT NOT NULL,\n"
  "  value TEXT,\n"
  "  version INTEGER NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  PRIMARY KEY (uuid, field)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE history (\n"
  "  version INTEGER PRIMARY KEY,\n"
  "  uuid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  value TEXT,\n"
  "  author TEXT NOT NULL,\n"
  "  time INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX history_field_idx ON history (uuid, field, version);\n"
  "CREATE TABLE links (\n"
  "  link TEXT NOT NULL,\n"
  "  a TEXT NOT NULL,\n"
  "  b TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL,\n"
  "  version INTEGER NOT NULL UNIQUE,\n"
  "  author TEXT NOT NULL,\n"
  "  PRIMARY KEY (link, a, b)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE conflicts (\n"
  "  id TEXT NOT NULL UNIQUE,\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  base_value TEXT,\n"
  "  server_value TEXT,\n"
  "  client_value TEXT,\n"
  "  server_author TEXT,\n"
  "  client_author TEXT NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  resolved_version INTEGER,\n"
  "  resolved_by TEXT,\n"
  "  resolved_time INTEGER\n"
  ");\n"
  "CREATE INDEX conflicts_open_idx ON conflicts (uuid, field) WHERE resolved_version IS NULL;\n"
  "CREATE TABLE changes (\n"
  "  change_id TEXT PRIMARY KEY NOT NULL,\n"
  "  status TEXT NOT NULL CHECK (status IN ('applied', 'conflict')),\n"
  "  version INTEGER,\n"
  "  conflict_id TEXT REFERENCES conflicts (id),\n"
  "  author TEXT NOT NULL,\n"
  "  time INTEGER NOT NULL\n"
  ") WITHOUT ROWID;\n";

static const char * const schemas[] = { schema_1 };

G_STATIC_ASSERT (G_N_ELEMENTS (schemas) == KZ_SERVER_SQLITE_SCHEMA_VERSION);

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
kz_server_sqlite_finalize (GObject *object)
{
  KzServerSqlite *self = (KzServerSqlite *)object;

  if (self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);

  G_OBJECT_CLASS (kz_server_sqlite_parent_class)->finalize (object);
}

static void
kz_server_sqlite_class_init (KzServerSqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_server_sqlite_finalize;
}

static void
kz_server_sqlite_init (KzServerSqlite *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

gboolean
_kz_server_sqlite_set_error (KzServerSqlite  *self,
                             GError         **error)
{
  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
               _("The server database reported an error: %s"),
               sqlite3_errmsg (self->db));
  return FALSE;
}

int
_kz_server_sqlite_last_error (KzServerSqlite *self)
{
  return sqlite3_extended_errcode (self->db);
}

sqlite3_stmt *
_kz_server_sqlite_prepare (KzServerSqlite  *self,
                           const char      *sql,
                           GError         **error)
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
      _kz_server_sqlite_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_kz_server_sqlite_run (KzServerSqlite  *self,
                       sqlite3_stmt    *stmt,
                       GError         **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _kz_server_sqlite_set_error (self, error);

  return TRUE;
}

char *
_kz_server_sqlite_dup_column (sqlite3_stmt *stmt,
                              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

void
_kz_server_sqlite_bind_text (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
exec (KzServerSqlite  *self,
      const char      *sql,
      GError         **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _kz_server_sqlite_set_error (self, error);

  return TRUE;
}

/* A single statement run often (BEGIN, COMMIT): prepared once. */
static gboolean
run_cached (KzServerSqlite  *self,
            const char      *sql,
            GError         **error)
{
  sqlite3_stmt *stmt = _kz_server_sqlite_prepare (self, sql, error);

  return stmt != NULL && _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
query_int (KzServerSqlite  *self,
           const char      *sql,
           gint64          *value,
           GError         **error)
{
  sqlite3_stmt *stmt = _kz_server_sqlite_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _kz_server_sqlite_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Transactions */

static gboolean
sqlite_begin (KzServerStorage  *storage,
              gboolean          write,
              GError          **error)
{
  KzServerSqlite *self = KZ_SERVER_SQLITE (storage);

  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!run_cached (self, write ? "BEGIN IMMEDIATE" : "BEGIN", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

static gboolean
sqlite_commit (KzServerStorage  *storage,
               GError          **error)
{
  KzServerSqlite *self = KZ_SERVER_SQLITE (storage);

  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!run_cached (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->in_transaction = FALSE;
      return FALSE;
    }

  self->in_transaction = FALSE;
  return TRUE;
}

static void
sqlite_rollback (KzServerStorage *storage)
{
  KzServerSqlite *self = KZ_SERVER_SQLITE (storage);

  if (!self->in_transaction)
    return;

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

/* Versions and change results */

static gboolean
sqlite_get_cursor (KzServerStorage  *storage,
                   gint64           *cursor,
                   GError          **error)
{
  return query_int (KZ_SERVER_SQLITE (storage),
                    "SELECT value FROM meta WHERE key = 'version'", cursor, error);
}

static gboolean
sqlite_next_version (KzServerStorage  *storage,
                     gint64           *version,
                     GError          **error)
{
  return query_int (KZ_SERVER_SQLITE (storage),
                    "UPDATE meta SET value = value + 1 WHERE key = 'version' RETURNING value",
                    version, error);
}

static gboolean
sqlite_take_versions (KzServerStorage  *storage,
                      guint             n,
                      gint64           *first,
                      GError          **error)
{
  KzServerSqlite *self = KZ_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt;
  gint64 last;

  stmt = _kz_server_sqlite_prepare (self, "UPDATE meta SET value = value + ? WHERE key = 'version'"
                                          " RETURNING value", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, n);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _kz_server_sqlite_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  *first = last - n + 1;
  return TRUE;
}

static KzServerResult *
read_result (sqlite3_stmt *stmt,
             const char   *change_id)
{
  KzServerResult *result = g_new0 (KzServerResult, 1);

  result->change_id = g_strdup (change_id);
  result->status = g_str_equal ((const char *)sqlite3_column_text (stmt, 0), "conflict")
                   ? KZ_SERVER_CONFLICT : KZ_SERVER_APPLIED;
  result->version = sqlite3_column_int64 (stmt, 1);
  result->conflict_id = _kz_server_sqlite_dup_column (stmt, 2);
  return result;
}

static gboolean
sqlite_lookup_result (KzServerStorage  *storage,
                      const char       *change_id,
                      KzServerResult  **result,
                      GError          **error)
{
  KzServerSqlite *self = KZ_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt;
  int rc;

  *result = NULL;
  stmt = _kz_server_sqlite_prepare (self, "SELECT status, version, conflict_id FROM changes"
                                          " WHERE change_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, change_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = read_result (stmt, change_id);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _kz_server_sqlite_set_error (self, error);

  return TRUE;
}

static gboolean
sqlite_store_result (KzServerStorage       *storage,
                     const KzServerResult  *result,
                     const char            *author,
                     gint64                 time,
                     GError               **error)
{
  KzServerSqlite *self = KZ_SERVER_SQLITE (storage);
  sqlite3_stmt *stmt;
  gboolean conflict = result->status == KZ_SERVER_CONFLICT;

  g_return_val_if_fail (result->status != KZ_SERVER_DUPLICATE, FALSE);

  stmt = _kz_server_sqlite_prepare (self, "INSERT INTO changes (change_id, status, version,"
                                          " conflict_id, author, time) VALUES (?, ?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, result->change_id);
  _kz_server_sqlite_bind_text (stmt, 2, conflict ? "conflict" : "applied");
  if (conflict)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int64 (stmt, 3, result->version);
  _kz_server_sqlite_bind_text (stmt, 4, conflict ? result->conflict_id : NULL);
  _kz_server_sqlite_bind_text (stmt, 5, author);
  sqlite3_bind_int64 (stmt, 6, time);
  return _kz_server_sqlite_run (self, stmt, error);
}

static void
storage_iface_init (KzServerStorageInterface *iface)
{
  iface->begin = sqlite_begin;
  iface->commit = sqlite_commit;
  iface->rollback = sqlite_rollback;
  iface->get_cursor = sqlite_get_cursor;
  iface->next_version = sqlite_next_version;
  iface->take_versions = sqlite_take_versions;
  iface->lookup_result = sqlite_lookup_result;
  iface->store_result = sqlite_store_result;

  _kz_server_sqlite_init_records (iface);
  _kz_server_sqlite_init_users (iface);
}

/* Opening and migrations */

static gboolean
configure (KzServerSqlite  *self,
           GError         **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* synchronous=FULL: an answered push survives a power cut, not
   * only a crash of the server.  A 64 MiB page cache: the records,
   * fields, history and change ids are keyed by random UUIDs, so a
   * large first upload touches pages all over the file, and with the
   * default 2 MB cache most of its time went to reading them back
   * from the file system one system call at a time.  The log is
   * copied back into the file after 64 MiB rather than SQLite's 4: a
   * large first upload then writes a page changed by several batches
   * once, not once per batch. */
  return exec (self, "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA cache_size = -65536;"
                     "PRAGMA wal_autocheckpoint = 16384;"
                     "PRAGMA foreign_keys = ON;", error);
}

static gboolean
read_header (KzServerSqlite  *self,
             gint64          *version,
             gint64          *app_id,
             gint64          *n_tables,
             GError         **error)
{
  return query_int (self, "SELECT user_version FROM pragma_user_version", version, error) &&
         query_int (self, "SELECT application_id FROM pragma_application_id", app_id, error) &&
         query_int (self, "SELECT count(*) FROM sqlite_schema", n_tables, error);
}

static gboolean
check_header (KzServerSqlite  *self,
              const char      *path,
              gint64          *version,
              GError         **error)
{
  gint64 app_id = 0, n_tables = 0;

  if (!read_header (self, version, &app_id, &n_tables, error))
    return FALSE;

  if (n_tables > 0 && app_id != APPLICATION_ID)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
                   _("“%s” is not a Kompetenz server database."), path);
      return FALSE;
    }

  if (*version > KZ_SERVER_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
                   _("“%s” was written by a newer version of kompetenz-server "
                     "(format %d; this version knows up to %d). It was left untouched."),
                   path, (int)*version, KZ_SERVER_SQLITE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (KzServerSqlite  *self,
         gint64           from,
         GError         **error)
{
  g_autofree char *pragmas = NULL;

  if (from == KZ_SERVER_SQLITE_SCHEMA_VERSION)
    return TRUE;

  /* Read again under the write lock: another process (the server and
   * a user command started together) may have just done it. */
  if (!exec (self, "BEGIN IMMEDIATE", error) ||
      !query_int (self, "SELECT user_version FROM pragma_user_version", &from, error))
    goto fail;
  if (from >= KZ_SERVER_SQLITE_SCHEMA_VERSION)
    return exec (self, "COMMIT", error);

  for (gint64 v = from; v < KZ_SERVER_SQLITE_SCHEMA_VERSION; v++)
    {
      g_debug ("Upgrading the server database to format %d", (int)v + 1);
      if (!exec (self, schemas[v], error))
        goto fail;
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             APPLICATION_ID, KZ_SERVER_SQLITE_SCHEMA_VERSION);
  if (!exec (self, pragmas, error) || !exec (self, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

KzServerSqlite *
kz_server_sqlite_open (const char  *path,
                       GError     **error)
{
  g_autoptr(KzServerSqlite) self = NULL;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KZ_TYPE_SERVER_SQLITE, NULL);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
                   _("Could not open the server database “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!check_header (self, path, &version, error) ||
      !configure (self, error) ||
      !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
kz_server_sqlite_check (KzServerSqlite  *self,
                        GError         **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *answer = NULL;

  g_return_val_if_fail (KZ_IS_SERVER_SQLITE (self), FALSE);

  if (!(stmt = _kz_server_sqlite_prepare (self, "PRAGMA integrity_check", error)))
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    answer = _kz_server_sqlite_dup_column (stmt, 0);
  sqlite3_reset (stmt);

  if (g_strcmp0 (answer, "ok") != 0)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
                   _("The server database is damaged: %s"), answer ? answer : "?");
      return FALSE;
    }

  return TRUE;
}
