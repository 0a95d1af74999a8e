/* kz-server-sqlite-users.c
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

/* Users and login tokens of the SQLite backend. */

#define SQLITE(storage) KZ_SERVER_SQLITE (storage)

static KzServerUser *
read_user (sqlite3_stmt *stmt)
{
  KzServerUser *user = g_new0 (KzServerUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->name = _kz_server_sqlite_dup_column (stmt, 1);
  if (!kz_role_from_string ((const char *)sqlite3_column_text (stmt, 2), &user->role))
    user->role = KZ_ROLE_READER;
  user->created = sqlite3_column_int64 (stmt, 3);
  if (sqlite3_column_count (stmt) > 4)
    user->password_hash = _kz_server_sqlite_dup_column (stmt, 4);
  return user;
}

static gboolean
sqlite_add_user (KzServerStorage  *storage,
                 const char       *name,
                 KzRole            role,
                 const char       *password_hash,
                 gint64            time,
                 GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kz_server_sqlite_prepare (self, "INSERT INTO users (name, role, password_hash, created)"
                                          " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, name);
  _kz_server_sqlite_bind_text (stmt, 2, kz_role_to_string (role));
  _kz_server_sqlite_bind_text (stmt, 3, password_hash);
  sqlite3_bind_int64 (stmt, 4, time);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  if (_kz_server_sqlite_last_error (self) == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_EXISTS,
                   _("There already is a user “%s”."), name);
      return FALSE;
    }

  return _kz_server_sqlite_set_error (self, error);
}

static gboolean
sqlite_get_user (KzServerStorage  *storage,
                 const char       *name,
                 KzServerUser    **user,
                 GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;
  int rc;

  *user = NULL;
  stmt = _kz_server_sqlite_prepare (self, "SELECT id, name, role, created, password_hash"
                                          " FROM users WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, name);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *user = read_user (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _kz_server_sqlite_set_error (self, error);

  return TRUE;
}

static gboolean
sqlite_list_users (KzServerStorage  *storage,
                   GPtrArray       **users,
                   GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_user_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kz_server_sqlite_prepare (self, "SELECT id, name, role, created FROM users"
                                          " ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_user (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _kz_server_sqlite_set_error (self, error);

  *users = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
run_with_id (KzServerSqlite  *self,
             const char      *sql,
             gint64           id,
             GError         **error)
{
  sqlite3_stmt *stmt = _kz_server_sqlite_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
sqlite_remove_user (KzServerStorage  *storage,
                    gint64            user_id,
                    GError          **error)
{
  return run_with_id (SQLITE (storage), "DELETE FROM users WHERE id = ?", user_id, error);
}

static gboolean
sqlite_set_password (KzServerStorage  *storage,
                     gint64            user_id,
                     const char       *password_hash,
                     GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "UPDATE users SET password_hash = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, password_hash);
  sqlite3_bind_int64 (stmt, 2, user_id);
  return _kz_server_sqlite_run (self, stmt, error);
}

/* Tokens */

static gboolean
sqlite_add_token (KzServerStorage  *storage,
                  const guint8     *hash,
                  gint64            user_id,
                  gint64            created,
                  gint64            expires,
                  GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "INSERT INTO tokens (hash, user_id, created, expires)"
                                          " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_blob (stmt, 1, hash, KZ_SERVER_TOKEN_HASH_SIZE, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, created);
  sqlite3_bind_int64 (stmt, 4, expires);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
sqlite_lookup_token (KzServerStorage  *storage,
                     const guint8     *hash,
                     gint64            now,
                     KzServerUser    **user,
                     GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;
  int rc;

  *user = NULL;
  stmt = _kz_server_sqlite_prepare (self, "SELECT u.id, u.name, u.role, u.created"
                                          " FROM tokens AS t JOIN users AS u ON u.id = t.user_id"
                                          " WHERE t.hash = ? AND t.revoked IS NULL"
                                          " AND t.expires > ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_blob (stmt, 1, hash, KZ_SERVER_TOKEN_HASH_SIZE, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *user = read_user (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _kz_server_sqlite_set_error (self, error);

  return TRUE;
}

static gboolean
sqlite_revoke_token (KzServerStorage  *storage,
                     const guint8     *hash,
                     gint64            now,
                     GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "UPDATE tokens SET revoked = ?"
                                          " WHERE hash = ? AND revoked IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_blob (stmt, 2, hash, KZ_SERVER_TOKEN_HASH_SIZE, SQLITE_TRANSIENT);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
sqlite_revoke_tokens (KzServerStorage  *storage,
                      gint64            user_id,
                      gint64            now,
                      GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "UPDATE tokens SET revoked = ?"
                                          " WHERE user_id = ? AND revoked IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, user_id);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
sqlite_purge_tokens (KzServerStorage  *storage,
                     gint64            now,
                     GError          **error)
{
  return run_with_id (SQLITE (storage), "DELETE FROM tokens WHERE expires <= ?", now, error);
}

void
_kz_server_sqlite_init_users (KzServerStorageInterface *iface)
{
  iface->add_user = sqlite_add_user;
  iface->get_user = sqlite_get_user;
  iface->list_users = sqlite_list_users;
  iface->remove_user = sqlite_remove_user;
  iface->set_password = sqlite_set_password;
  iface->add_token = sqlite_add_token;
  iface->lookup_token = sqlite_lookup_token;
  iface->revoke_token = sqlite_revoke_token;
  iface->revoke_tokens = sqlite_revoke_tokens;
  iface->purge_tokens = sqlite_purge_tokens;
}
