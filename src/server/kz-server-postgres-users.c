/* kz-server-postgres-users.c
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

/* Users and login tokens of the PostgreSQL backend. */

#define PG(storage) KZ_SERVER_POSTGRES (storage)

/* SQLSTATE of a unique_violation. */
#define UNIQUE_VIOLATION "23505"

static KzServerUser *
read_user (const PGresult *result,
           int             row)
{
  KzServerUser *user = g_new0 (KzServerUser, 1);

  user->id = _kz_pg_int64 (result, row, 0);
  user->name = _kz_pg_dup (result, row, 1);
  if (!kz_role_from_string (PQgetvalue (result, row, 2), &user->role))
    user->role = KZ_ROLE_READER;
  user->created = _kz_pg_int64 (result, row, 3);
  if (PQnfields (result) > 4)
    user->password_hash = _kz_pg_dup (result, row, 4);
  return user;
}

static gboolean
postgres_add_user (KzServerStorage  *storage,
                   const char       *name,
                   KzRole            role,
                   const char       *password_hash,
                   gint64            time,
                   GError          **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sqlstate = NULL;

  _kz_pg_text (&params, name);
  _kz_pg_text (&params, kz_role_to_string (role));
  _kz_pg_text (&params, password_hash);
  _kz_pg_int (&params, time);
  result = _kz_pg_exec (PG (storage), "INSERT INTO users (name, role, password_hash, created)"
                                      " VALUES ($1, $2, $3, $4::bigint)",
                        &params, &sqlstate, &local_error);
  if (result != NULL)
    return TRUE;

  if (g_strcmp0 (sqlstate, UNIQUE_VIOLATION) == 0)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_EXISTS,
                   _("There already is a user “%s”."), name);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
postgres_get_user (KzServerStorage  *storage,
                   const char       *name,
                   KzServerUser    **user,
                   GError          **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  *user = NULL;
  _kz_pg_text (&params, name);
  result = _kz_pg_exec (PG (storage), "SELECT id, name, role, created, password_hash"
                                      " FROM users WHERE name = $1", &params, NULL, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) > 0)
    *user = read_user (result, 0);
  return TRUE;
}

static gboolean
postgres_list_users (KzServerStorage  *storage,
                     GPtrArray       **users,
                     GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *list;

  result = _kz_pg_exec (PG (storage), "SELECT id, name, role, created FROM users"
                                      " ORDER BY name COLLATE \"C\"", NULL, NULL, error);
  if (result == NULL)
    return FALSE;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_user_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (list, read_user (result, row));

  *users = list;
  return TRUE;
}

static gboolean
run_with_int (KzServerStorage  *storage,
              const char       *sql,
              gint64            value,
              GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_int (&params, value);
  return _kz_pg_run (PG (storage), sql, &params, error);
}

static gboolean
postgres_remove_user (KzServerStorage  *storage,
                      gint64            user_id,
                      GError          **error)
{
  return run_with_int (storage, "DELETE FROM users WHERE id = $1::bigint", user_id, error);
}

static gboolean
postgres_set_password (KzServerStorage  *storage,
                       gint64            user_id,
                       const char       *password_hash,
                       GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, password_hash);
  _kz_pg_int (&params, user_id);
  return _kz_pg_run (PG (storage), "UPDATE users SET password_hash = $1 WHERE id = $2::bigint",
                     &params, error);
}

/* Tokens: only their hash is kept, as bytea. */

static gboolean
postgres_add_token (KzServerStorage  *storage,
                    const guint8     *hash,
                    gint64            user_id,
                    gint64            created,
                    gint64            expires,
                    GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_blob (&params, hash, KZ_SERVER_TOKEN_HASH_SIZE);
  _kz_pg_int (&params, user_id);
  _kz_pg_int (&params, created);
  _kz_pg_int (&params, expires);
  return _kz_pg_run (PG (storage), "INSERT INTO tokens (hash, user_id, created, expires)"
                                   " VALUES ($1::bytea, $2::bigint, $3::bigint, $4::bigint)",
                     &params, error);
}

static gboolean
postgres_lookup_token (KzServerStorage  *storage,
                       const guint8     *hash,
                       gint64            now,
                       KzServerUser    **user,
                       GError          **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  *user = NULL;
  _kz_pg_blob (&params, hash, KZ_SERVER_TOKEN_HASH_SIZE);
  _kz_pg_int (&params, now);
  result = _kz_pg_exec (PG (storage), "SELECT u.id, u.name, u.role, u.created"
                                      " FROM tokens AS t JOIN users AS u ON u.id = t.user_id"
                                      " WHERE t.hash = $1::bytea AND t.revoked IS NULL"
                                      " AND t.expires > $2::bigint", &params, NULL, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) > 0)
    *user = read_user (result, 0);
  return TRUE;
}

static gboolean
postgres_revoke_token (KzServerStorage  *storage,
                       const guint8     *hash,
                       gint64            now,
                       GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_int (&params, now);
  _kz_pg_blob (&params, hash, KZ_SERVER_TOKEN_HASH_SIZE);
  return _kz_pg_run (PG (storage), "UPDATE tokens SET revoked = $1::bigint"
                                   " WHERE hash = $2::bytea AND revoked IS NULL", &params, error);
}

static gboolean
postgres_revoke_tokens (KzServerStorage  *storage,
                        gint64            user_id,
                        gint64            now,
                        GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_int (&params, now);
  _kz_pg_int (&params, user_id);
  return _kz_pg_run (PG (storage), "UPDATE tokens SET revoked = $1::bigint"
                                   " WHERE user_id = $2::bigint AND revoked IS NULL",
                     &params, error);
}

static gboolean
postgres_purge_tokens (KzServerStorage  *storage,
                       gint64            now,
                       GError          **error)
{
  return run_with_int (storage, "DELETE FROM tokens WHERE expires <= $1::bigint", now, error);
}

/* Failed logins */

static gboolean
postgres_add_login_failure (KzServerStorage  *storage,
                            const char       *user,
                            const char       *address,
                            gint64            time,
                            gint64            forget_before,
                            GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  if (!run_with_int (storage, "DELETE FROM login_failures WHERE time < $1::bigint",
                     forget_before, error))
    return FALSE;

  _kz_pg_text (&params, user);
  _kz_pg_text (&params, address);
  _kz_pg_int (&params, time);
  return _kz_pg_run (PG (storage), "INSERT INTO login_failures (name, address, time)"
                                   " VALUES ($1, $2, $3::bigint)", &params, error);
}

static gboolean
postgres_count_login_failures (KzServerStorage  *storage,
                               const char       *user,
                               const char       *address,
                               gint64            since,
                               guint            *count,
                               gint64           *oldest,
                               GError          **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  _kz_pg_text (&params, user);
  _kz_pg_text (&params, address);
  _kz_pg_int (&params, since);
  result = _kz_pg_exec (PG (storage), "SELECT count(*), min(time) FROM login_failures"
                                      " WHERE name = $1 AND address = $2 AND time > $3::bigint",
                        &params, NULL, error);
  if (result == NULL)
    return FALSE;

  *count = (guint)_kz_pg_int64 (result, 0, 0);
  *oldest = _kz_pg_int64 (result, 0, 1);
  return TRUE;
}

static gboolean
postgres_clear_login_failures (KzServerStorage  *storage,
                               const char       *user,
                               const char       *address,
                               GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, user);
  _kz_pg_text (&params, address);
  return _kz_pg_run (PG (storage), "DELETE FROM login_failures WHERE name = $1 AND address = $2",
                     &params, error);
}

void
_kz_server_postgres_init_users (KzServerStorageInterface *iface)
{
  iface->add_user = postgres_add_user;
  iface->get_user = postgres_get_user;
  iface->list_users = postgres_list_users;
  iface->remove_user = postgres_remove_user;
  iface->set_password = postgres_set_password;
  iface->add_token = postgres_add_token;
  iface->lookup_token = postgres_lookup_token;
  iface->revoke_token = postgres_revoke_token;
  iface->revoke_tokens = postgres_revoke_tokens;
  iface->purge_tokens = postgres_purge_tokens;
  iface->add_login_failure = postgres_add_login_failure;
  iface->count_login_failures = postgres_count_login_failures;
  iface->clear_login_failures = postgres_clear_login_failures;
}
