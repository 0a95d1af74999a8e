/* kz-server-postgres.c
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

#define G_LOG_DOMAIN "kz-server-postgres"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-server-error.h"
#include "kz-server-postgres-private.h"

/* Transaction-scoped advisory locks of the server ("KZSV" and a
 * number).  WRITE_LOCK serialises every write transaction of every
 * server process on the database, the way SQLite's BEGIN IMMEDIATE
 * does in one file: versions are handed out and committed in order,
 * so a reader's snapshot always holds every version up to its cursor
 * and a cursor never skips a change that commits later. */
#define WRITE_LOCK   "5429711233845985281"   /* 0x4b5a535600000001 */
#define MIGRATE_LOCK "5429711233845985282"   /* 0x4b5a535600000002 */

struct _KzServerPostgres
{
  GObject     parent_instance;

  PGconn     *conn;
  GHashTable *statements;   /* SQL text -> name of the prepared statement */
  guint       n_prepared;
  gboolean    in_transaction;
};

static void storage_iface_init (KzServerStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KzServerPostgres, kz_server_postgres, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (KZ_TYPE_SERVER_STORAGE, storage_iface_init))

/* Version 1: the same tables as the SQLite backend's, plus kz_meta
 * for the schema format and the change counter, and the failed logins
 * that all servers on the database count together. */
static const char schema_1[] =
  "CREATE TABLE users (\n"
  "  id bigserial PRIMARY KEY,\n"
  "  name text NOT NULL UNIQUE,\n"
  "  role text NOT NULL CHECK (role IN ('admin', 'staff', 'reader')),\n"
  "  password_hash text NOT NULL,\n"
  "  created bigint NOT NULL\n"
  ");\n"
  "CREATE TABLE tokens (\n"
  "  hash bytea PRIMARY KEY,\n"
  "  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n"
  "  created bigint NOT NULL,\n"
  "  expires bigint NOT NULL,\n"
  "  revoked bigint\n"
  ");\n"
  "CREATE INDEX tokens_user_id_idx ON tokens (user_id);\n"
  "CREATE INDEX tokens_expires_idx ON tokens (expires);\n"
  "CREATE TABLE records (\n"
  "  uuid text PRIMARY KEY,\n"
  "  kind text NOT NULL,\n"
  "  version bigint NOT NULL UNIQUE,\n"
  "  deleted boolean NOT NULL DEFAULT false,\n"
  "  deleted_version bigint NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE fields (\n"
  "  uuid text NOT NULL REFERENCES records (uuid),\n"
  "  field text NOT NULL,\n"
  "  value text,\n"
  "  version bigint NOT NULL,\n"
  "  author text NOT NULL,\n"
  "  PRIMARY KEY (uuid, field)\n"
  ");\n"
  "CREATE TABLE history (\n"
  "  version bigint PRIMARY KEY,\n"
  "  uuid text NOT NULL,\n"
  "  field text NOT NULL,\n"
  "  value text,\n"
  "  author text NOT NULL,\n"
  "  time bigint NOT NULL\n"
  ");\n"
  "CREATE INDEX history_field_idx ON history (uuid, field, version);\n"
  "CREATE TABLE links (\n"
  "  link text NOT NULL,\n"
  "  a text NOT NULL,\n"
  "  b text NOT NULL,\n"
  "  deleted boolean NOT NULL,\n"
  "  version bigint NOT NULL UNIQUE,\n"
  "  author text NOT NULL,\n"
  "  PRIMARY KEY (link, a, b)\n"
  ");\n"
  "CREATE TABLE conflicts (\n"
  "  seq bigserial PRIMARY KEY,\n"
  "  id text NOT NULL UNIQUE,\n"
  "  kind text NOT NULL,\n"
  "  uuid text NOT NULL,\n"
  "  field text NOT NULL,\n"
  "  base_value text,\n"
  "  server_value text,\n"
  "  client_value text,\n"
  "  server_author text,\n"
  "  client_author text NOT NULL,\n"
  "  created bigint NOT NULL,\n"
  "  resolved_version bigint,\n"
  "  resolved_by text,\n"
  "  resolved_time bigint\n"
  ");\n"
  "CREATE INDEX conflicts_open_idx ON conflicts (uuid, field) WHERE resolved_version IS NULL;\n"
  "CREATE TABLE changes (\n"
  "  change_id text PRIMARY KEY,\n"
  "  status text NOT NULL CHECK (status IN ('applied', 'conflict')),\n"
  "  version bigint,\n"
  "  conflict_id text REFERENCES conflicts (id),\n"
  "  author text NOT NULL,\n"
  "  time bigint NOT NULL\n"
  ");\n"
  "CREATE TABLE login_failures (\n"
  "  name text NOT NULL,\n"
  "  address text NOT NULL,\n"
  "  time bigint NOT NULL\n"
  ");\n"
  "CREATE INDEX login_failures_key_idx ON login_failures (name, address, time);\n"
  "CREATE INDEX login_failures_time_idx ON login_failures (time);\n"
  "INSERT INTO kz_meta (key, value) VALUES ('version', 0);\n";

static const char * const schemas[] = { schema_1 };

G_STATIC_ASSERT (G_N_ELEMENTS (schemas) == KZ_SERVER_POSTGRES_SCHEMA_VERSION);

static void
kz_server_postgres_finalize (GObject *object)
{
  KzServerPostgres *self = (KzServerPostgres *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->conn, PQfinish);

  G_OBJECT_CLASS (kz_server_postgres_parent_class)->finalize (object);
}

static void
kz_server_postgres_class_init (KzServerPostgresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_server_postgres_finalize;
}

static void
kz_server_postgres_init (KzServerPostgres *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Parameters */

void
_kz_pg_params_clear (KzPgParams *params)
{
  for (int i = 0; i < params->n; i++)
    g_clear_pointer (&params->owned[i], g_free);
  params->n = 0;
}

static void
add_param (KzPgParams *params,
           const char *value,
           int         length,
           int         format,
           char       *owned)
{
  g_assert (params->n < KZ_PG_MAX_PARAMS);

  params->values[params->n] = value;
  params->lengths[params->n] = length;
  params->formats[params->n] = format;
  params->owned[params->n] = owned;
  params->n++;
}

void
_kz_pg_text (KzPgParams *params,
             const char *text)
{
  add_param (params, text, 0, 0, NULL);
}

void
_kz_pg_int (KzPgParams *params,
            gint64      value)
{
  char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  add_param (params, text, 0, 0, text);
}

void
_kz_pg_bool (KzPgParams *params,
             gboolean    value)
{
  add_param (params, value ? "true" : "false", 0, 0, NULL);
}

void
_kz_pg_blob (KzPgParams   *params,
             const guint8 *data,
             int           length)
{
  add_param (params, (const char *)data, length, 1, NULL);
}

/* Results */

char *
_kz_pg_dup (const PGresult *result,
            int             row,
            int             column)
{
  if (PQgetisnull (result, row, column))
    return NULL;

  return g_strdup (PQgetvalue (result, row, column));
}

gint64
_kz_pg_int64 (const PGresult *result,
              int             row,
              int             column)
{
  if (PQgetisnull (result, row, column))
    return 0;

  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

gboolean
_kz_pg_boolean (const PGresult *result,
                int             row,
                int             column)
{
  return !PQgetisnull (result, row, column) && PQgetvalue (result, row, column)[0] == 't';
}

/* Statements */

static gboolean
set_error (KzServerPostgres  *self,
           const PGresult    *result,
           GError           **error)
{
  const char *message = result != NULL ? PQresultErrorMessage (result) : "";
  g_autofree char *text = NULL;

  if (message == NULL || message[0] == 0)
    message = PQerrorMessage (self->conn);
  text = g_strstrip (g_strdup (message));

  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
               _("The server database reported an error: %s"), text);
  return FALSE;
}

static gboolean
check_result (KzServerPostgres  *self,
              PGresult          *result,
              char             **sqlstate,
              GError           **error)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  if (sqlstate != NULL && result != NULL)
    *sqlstate = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  return set_error (self, result, error);
}

static const char *
prepare (KzServerPostgres  *self,
         const char        *sql,
         int                n_params,
         char             **sqlstate,
         GError           **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *name = g_hash_table_lookup (self->statements, sql);
  g_autofree char *new_name = NULL;

  if (name != NULL)
    return name;

  new_name = g_strdup_printf ("kz%u", ++self->n_prepared);
  result = PQprepare (self->conn, new_name, sql, n_params, NULL);
  if (!check_result (self, result, sqlstate, error))
    return NULL;

  name = new_name;
  g_hash_table_insert (self->statements, g_strdup (sql), g_steal_pointer (&new_name));
  return name;
}

PGresult *
_kz_pg_exec (KzServerPostgres  *self,
             const char        *sql,
             const KzPgParams  *params,
             char             **sqlstate,
             GError           **error)
{
  static const KzPgParams none = { 0 };
  g_autoptr(PGresult) result = NULL;
  const char *name;

  if (params == NULL)
    params = &none;

  if (!(name = prepare (self, sql, params->n, sqlstate, error)))
    return NULL;

  result = PQexecPrepared (self->conn, name, params->n, params->values, params->lengths,
                           params->formats, 0);
  if (!check_result (self, result, sqlstate, error))
    return NULL;

  return g_steal_pointer (&result);
}

gboolean
_kz_pg_run (KzServerPostgres  *self,
            const char        *sql,
            const KzPgParams  *params,
            GError           **error)
{
  g_autoptr(PGresult) result = _kz_pg_exec (self, sql, params, NULL, error);

  return result != NULL;
}

/* For fixed statements without parameters (BEGIN, the schema). */
static gboolean
exec_plain (KzServerPostgres  *self,
            const char        *sql,
            GError           **error)
{
  g_autoptr(PGresult) result = PQexec (self->conn, sql);

  return check_result (self, result, NULL, error);
}

static gboolean
query_int (KzServerPostgres  *self,
           const char        *sql,
           gint64            *value,
           GError           **error)
{
  g_autoptr(PGresult) result = _kz_pg_exec (self, sql, NULL, NULL, error);

  if (result == NULL)
    return FALSE;

  if (PQntuples (result) != 1)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
                   _("The server database is damaged: %s"), "kz_meta");
      return FALSE;
    }

  *value = _kz_pg_int64 (result, 0, 0);
  return TRUE;
}

/* Transactions */

/* A server that stops in the middle of a transaction (a network
 * partition, a stopped process) must not hold the write lock for long:
 * the database ends such a session, and waiting for the lock has a
 * limit, after which the request fails with a storage error (500) and
 * the client retries. */
static gboolean
set_up_session (KzServerPostgres  *self,
                GError           **error)
{
  return exec_plain (self, "SET client_min_messages = warning;"
                           "SET lock_timeout = '30s';"
                           "SET idle_in_transaction_session_timeout = '60s'", error);
}

/* A connection that broke (the database restarted, a failover) is
 * opened again before the next transaction; its prepared statements
 * are gone with it. */
static gboolean
ensure_connected (KzServerPostgres  *self,
                  GError           **error)
{
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;

  g_message ("Reconnecting to the server database");
  g_hash_table_remove_all (self->statements);
  PQreset (self->conn);
  if (PQstatus (self->conn) == CONNECTION_OK)
    return set_up_session (self, error);

  return set_error (self, NULL, error);
}

static gboolean
start_transaction (KzServerPostgres  *self,
                   gboolean           write,
                   GError           **error)
{
  /* Readers get one snapshot for the cursor and the pages; writers
   * wait for the write lock and then see everything committed. */
  if (!write)
    return exec_plain (self, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", error);

  if (!exec_plain (self, "BEGIN ISOLATION LEVEL READ COMMITTED", error))
    return FALSE;
  if (_kz_pg_run (self, "SELECT pg_advisory_xact_lock (" WRITE_LOCK ")", NULL, error))
    return TRUE;

  exec_plain (self, "ROLLBACK", NULL);
  return FALSE;
}

static gboolean
postgres_begin (KzServerStorage  *storage,
                gboolean          write,
                GError          **error)
{
  KzServerPostgres *self = KZ_SERVER_POSTGRES (storage);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!ensure_connected (self, error))
    return FALSE;

  /* A connection the database closed since the last request (a
   * restart, a failover) is only noticed now: connect again once. */
  if (!start_transaction (self, write, &local_error))
    {
      if (PQstatus (self->conn) == CONNECTION_OK)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!ensure_connected (self, error) || !start_transaction (self, write, error))
        return FALSE;
    }

  self->in_transaction = TRUE;
  return TRUE;
}

static gboolean
postgres_commit (KzServerStorage  *storage,
                 GError          **error)
{
  KzServerPostgres *self = KZ_SERVER_POSTGRES (storage);
  gboolean ok;

  g_return_val_if_fail (self->in_transaction, FALSE);

  self->in_transaction = FALSE;
  if (!(ok = exec_plain (self, "COMMIT", error)))
    exec_plain (self, "ROLLBACK", NULL);

  return ok;
}

static void
postgres_rollback (KzServerStorage *storage)
{
  KzServerPostgres *self = KZ_SERVER_POSTGRES (storage);

  if (!self->in_transaction)
    return;

  self->in_transaction = FALSE;
  exec_plain (self, "ROLLBACK", NULL);
}

/* Versions and change results */

static gboolean
postgres_get_cursor (KzServerStorage  *storage,
                     gint64           *cursor,
                     GError          **error)
{
  return query_int (KZ_SERVER_POSTGRES (storage),
                    "SELECT value FROM kz_meta WHERE key = 'version'", cursor, error);
}

static gboolean
postgres_next_version (KzServerStorage  *storage,
                       gint64           *version,
                       GError          **error)
{
  return query_int (KZ_SERVER_POSTGRES (storage),
                    "UPDATE kz_meta SET value = value + 1 WHERE key = 'version' RETURNING value",
                    version, error);
}

static gboolean
postgres_lookup_result (KzServerStorage  *storage,
                        const char       *change_id,
                        KzServerResult  **out,
                        GError          **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  *out = NULL;
  _kz_pg_text (&params, change_id);
  result = _kz_pg_exec (KZ_SERVER_POSTGRES (storage),
                        "SELECT status, version, conflict_id FROM changes WHERE change_id = $1",
                        &params, NULL, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) > 0)
    {
      *out = g_new0 (KzServerResult, 1);
      (*out)->change_id = g_strdup (change_id);
      (*out)->status = g_strcmp0 (PQgetvalue (result, 0, 0), "conflict") == 0
                       ? KZ_SERVER_CONFLICT : KZ_SERVER_APPLIED;
      (*out)->version = _kz_pg_int64 (result, 0, 1);
      (*out)->conflict_id = _kz_pg_dup (result, 0, 2);
    }

  return TRUE;
}

static gboolean
postgres_store_result (KzServerStorage       *storage,
                       const KzServerResult  *result,
                       const char            *author,
                       gint64                 time,
                       GError               **error)
{
  g_auto(KzPgParams) params = { 0 };
  gboolean conflict = result->status == KZ_SERVER_CONFLICT;

  g_return_val_if_fail (result->status != KZ_SERVER_DUPLICATE, FALSE);

  _kz_pg_text (&params, result->change_id);
  _kz_pg_text (&params, conflict ? "conflict" : "applied");
  if (conflict)
    _kz_pg_text (&params, NULL);
  else
    _kz_pg_int (&params, result->version);
  _kz_pg_text (&params, conflict ? result->conflict_id : NULL);
  _kz_pg_text (&params, author);
  _kz_pg_int (&params, time);
  return _kz_pg_run (KZ_SERVER_POSTGRES (storage),
                     "INSERT INTO changes (change_id, status, version, conflict_id, author, time)"
                     " VALUES ($1, $2, $3::bigint, $4, $5, $6::bigint)", &params, error);
}

static void
storage_iface_init (KzServerStorageInterface *iface)
{
  iface->begin = postgres_begin;
  iface->commit = postgres_commit;
  iface->rollback = postgres_rollback;
  iface->get_cursor = postgres_get_cursor;
  iface->next_version = postgres_next_version;
  iface->lookup_result = postgres_lookup_result;
  iface->store_result = postgres_store_result;

  _kz_server_postgres_init_records (iface);
  _kz_server_postgres_init_users (iface);
}

/* Opening and migrations */

static void
notice_cb (void       *user_data,
           const char *message)
{
  g_debug ("%s", message);
}

static gboolean
connect_to (KzServerPostgres  *self,
            const char        *uri,
            GError           **error)
{
  static const char * const keywords[] = { "application_name", "connect_timeout", "dbname", NULL };
  const char * const values[] = { "kompetenz-server", "10", uri, NULL };

  self->conn = PQconnectdbParams (keywords, values, TRUE);
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (self->conn ? PQerrorMessage (self->conn) : ""));

      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
                   _("Could not connect to the PostgreSQL server database: %s"), message);
      return FALSE;
    }

  PQsetNoticeProcessor (self->conn, notice_cb, NULL);
  return set_up_session (self, error);
}

static gboolean
read_format (KzServerPostgres  *self,
             gint64            *format,
             GError           **error)
{
  g_autoptr(PGresult) result = NULL;

  *format = 0;
  if (!(result = _kz_pg_exec (self, "SELECT to_regclass ('kz_meta') IS NOT NULL", NULL, NULL, error)))
    return FALSE;
  if (!_kz_pg_boolean (result, 0, 0))
    return TRUE;

  return query_int (self, "SELECT value FROM kz_meta WHERE key = 'format'", format, error);
}

/* Under the migration lock, so that servers started together upgrade
 * the schema once; DDL is transactional, so a failed step leaves the
 * database as it was. */
static gboolean
migrate (KzServerPostgres  *self,
         GError           **error)
{
  g_auto(KzPgParams) params = { 0 };
  gint64 format = 0;

  if (!exec_plain (self, "BEGIN", error))
    return FALSE;

  if (!_kz_pg_run (self, "SELECT pg_advisory_xact_lock (" MIGRATE_LOCK ")", NULL, error) ||
      !read_format (self, &format, error))
    goto fail;

  if (format > KZ_SERVER_POSTGRES_SCHEMA_VERSION)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_STORAGE,
                   _("The PostgreSQL database was written by a newer version of kompetenz-server "
                     "(format %d; this version knows up to %d). It was left untouched."),
                   (int)format, KZ_SERVER_POSTGRES_SCHEMA_VERSION);
      goto fail;
    }

  if (format == 0 &&
      !exec_plain (self, "CREATE TABLE kz_meta (key text PRIMARY KEY, value bigint NOT NULL);"
                         "INSERT INTO kz_meta (key, value) VALUES ('format', 0);", error))
    goto fail;

  for (gint64 v = format; v < KZ_SERVER_POSTGRES_SCHEMA_VERSION; v++)
    {
      g_debug ("Upgrading the server database to format %d", (int)v + 1);
      if (!exec_plain (self, schemas[v], error))
        goto fail;
    }

  _kz_pg_int (&params, KZ_SERVER_POSTGRES_SCHEMA_VERSION);
  if (!_kz_pg_run (self, "UPDATE kz_meta SET value = $1::bigint WHERE key = 'format'", &params, error) ||
      !exec_plain (self, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  exec_plain (self, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
kz_server_postgres_is_uri (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://");
}

KzServerPostgres *
kz_server_postgres_open (const char  *uri,
                         GError     **error)
{
  g_autoptr(KzServerPostgres) self = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!kz_server_postgres_is_uri (uri))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID,
                   _("“%s” is not a PostgreSQL address (postgresql://…)."), uri);
      return NULL;
    }

  self = g_object_new (KZ_TYPE_SERVER_POSTGRES, NULL);
  if (!connect_to (self, uri, error) || !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
