/* kz-server-postgres-records.c
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

#include "kz-server-error.h"
#include "kz-server-postgres-private.h"

/* Records, fields, links and conflicts of the PostgreSQL backend. */

#define PG(storage) KZ_SERVER_POSTGRES (storage)

static gboolean
postgres_get_record (KzServerStorage       *storage,
                     const char            *uuid,
                     KzServerRecordState  **state,
                     GError               **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  *state = NULL;
  _kz_pg_text (&params, uuid);
  result = _kz_pg_exec (PG (storage), "SELECT kind, deleted, deleted_version, version"
                                      " FROM records WHERE uuid = $1", &params, NULL, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) > 0)
    {
      *state = g_new0 (KzServerRecordState, 1);
      (*state)->kind = _kz_pg_dup (result, 0, 0);
      (*state)->deleted = _kz_pg_boolean (result, 0, 1);
      (*state)->deleted_version = _kz_pg_int64 (result, 0, 2);
      (*state)->version = _kz_pg_int64 (result, 0, 3);
    }

  return TRUE;
}

static KzServerField *
read_field (const PGresult *result,
            int             row,
            int             first)
{
  KzServerField *field = g_new0 (KzServerField, 1);

  field->name = _kz_pg_dup (result, row, first);
  field->value = _kz_pg_dup (result, row, first + 1);
  field->version = _kz_pg_int64 (result, row, first + 2);
  field->author = _kz_pg_dup (result, row, first + 3);
  return field;
}

static gboolean
postgres_get_field (KzServerStorage  *storage,
                    const char       *uuid,
                    const char       *field,
                    KzServerField   **out_field,
                    GError          **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  *out_field = NULL;
  _kz_pg_text (&params, uuid);
  _kz_pg_text (&params, field);
  result = _kz_pg_exec (PG (storage), "SELECT field, value, version, author FROM fields"
                                      " WHERE uuid = $1 AND field = $2", &params, NULL, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) > 0)
    *out_field = read_field (result, 0, 0);
  return TRUE;
}

/* A query with one text column and at most one row: *text gets it. */
static gboolean
query_text (KzServerStorage   *storage,
            const char        *sql,
            const KzPgParams  *params,
            char             **text,
            GError           **error)
{
  g_autoptr(PGresult) result = _kz_pg_exec (PG (storage), sql, params, NULL, error);

  *text = NULL;
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) > 0)
    *text = _kz_pg_dup (result, 0, 0);
  return TRUE;
}

static gboolean
postgres_get_value_at (KzServerStorage  *storage,
                       const char       *uuid,
                       const char       *field,
                       gint64            version,
                       char            **value,
                       GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, uuid);
  _kz_pg_text (&params, field);
  _kz_pg_int (&params, version);
  return query_text (storage, "SELECT value FROM history WHERE uuid = $1 AND field = $2"
                              " AND version <= $3::bigint ORDER BY version DESC LIMIT 1",
                     &params, value, error);
}

static gboolean
postgres_find_change (KzServerStorage  *storage,
                      const char       *uuid,
                      const char       *field,
                      gint64            after,
                      gint64            upto,
                      char            **author,
                      GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, uuid);
  _kz_pg_text (&params, field);
  _kz_pg_int (&params, after);
  _kz_pg_int (&params, upto);
  return query_text (storage, "SELECT author FROM history WHERE uuid = $1"
                              " AND (field = $2::text OR ($2::text IS NULL AND field <> 'deleted'))"
                              " AND version > $3::bigint AND version <= $4::bigint"
                              " ORDER BY version DESC LIMIT 1", &params, author, error);
}

/* The record, the field (or the deleted flag) and the history in one
 * statement: one round trip to the database per change. */
static gboolean
write_deleted (KzServerPostgres  *self,
               KzPgParams        *params,
               const char        *value,
               GError           **error)
{
  _kz_pg_bool (params, g_strcmp0 (value, "true") == 0);
  return _kz_pg_run (self, "WITH r AS (INSERT INTO records (uuid, kind, version, deleted,"
                           "  deleted_version) VALUES ($1, $2, $4::bigint, $8::boolean, $4::bigint)"
                           "  ON CONFLICT (uuid) DO UPDATE SET version = excluded.version,"
                           "  deleted = excluded.deleted, deleted_version = excluded.deleted_version)"
                           " INSERT INTO history (version, uuid, field, value, author, time)"
                           " VALUES ($4::bigint, $1, $3, $5, $6, $7::bigint)", params, error);
}

static gboolean
write_value (KzServerPostgres  *self,
             KzPgParams        *params,
             GError           **error)
{
  return _kz_pg_run (self, "WITH r AS (INSERT INTO records (uuid, kind, version)"
                           "  VALUES ($1, $2, $4::bigint) ON CONFLICT (uuid)"
                           "  DO UPDATE SET version = excluded.version),"
                           " f AS (INSERT INTO fields (uuid, field, value, version, author)"
                           "  VALUES ($1, $3, $5, $4::bigint, $6) ON CONFLICT (uuid, field)"
                           "  DO UPDATE SET value = excluded.value, version = excluded.version,"
                           "  author = excluded.author)"
                           " INSERT INTO history (version, uuid, field, value, author, time)"
                           " VALUES ($4::bigint, $1, $3, $5, $6, $7::bigint)", params, error);
}

static gboolean
postgres_write_field (KzServerStorage  *storage,
                      const char       *kind,
                      const char       *uuid,
                      const char       *field,
                      const char       *value,
                      gint64            version,
                      const char       *author,
                      GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, uuid);
  _kz_pg_text (&params, kind);
  _kz_pg_text (&params, field);
  _kz_pg_int (&params, version);
  _kz_pg_text (&params, value);
  _kz_pg_text (&params, author);
  _kz_pg_int (&params, g_get_real_time () / G_USEC_PER_SEC);

  if (g_str_equal (field, "deleted"))
    return write_deleted (PG (storage), &params, value, error);

  return write_value (PG (storage), &params, error);
}

static gboolean
postgres_write_link (KzServerStorage  *storage,
                     const char       *link,
                     const char       *a,
                     const char       *b,
                     gboolean          deleted,
                     gint64            version,
                     const char       *author,
                     GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, link);
  _kz_pg_text (&params, a);
  _kz_pg_text (&params, b);
  _kz_pg_bool (&params, deleted);
  _kz_pg_int (&params, version);
  _kz_pg_text (&params, author);
  return _kz_pg_run (PG (storage), "INSERT INTO links (link, a, b, deleted, version, author)"
                                   " VALUES ($1, $2, $3, $4::boolean, $5::bigint, $6)"
                                   " ON CONFLICT (link, a, b) DO UPDATE SET"
                                   " deleted = excluded.deleted, version = excluded.version,"
                                   " author = excluded.author", &params, error);
}

/* One row per field (or one with NULL field columns for a record
 * without fields), grouped by record in version order. */
static GPtrArray *
read_records (const PGresult *result)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_record_free);
  KzServerRecord *record = NULL;

  for (int row = 0; row < PQntuples (result); row++)
    {
      if (record == NULL || record->version != _kz_pg_int64 (result, row, 2))
        {
          record = g_new0 (KzServerRecord, 1);
          record->uuid = _kz_pg_dup (result, row, 0);
          record->kind = _kz_pg_dup (result, row, 1);
          record->version = _kz_pg_int64 (result, row, 2);
          record->deleted = _kz_pg_boolean (result, row, 3);
          record->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_field_free);
          g_ptr_array_add (list, record);
        }
      if (!PQgetisnull (result, row, 4))
        g_ptr_array_add (record->fields, read_field (result, row, 4));
    }

  return list;
}

static gboolean
postgres_list_records (KzServerStorage  *storage,
                       gint64            since,
                       guint             limit,
                       GPtrArray       **records,
                       GError          **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  _kz_pg_int (&params, since);
  _kz_pg_int (&params, limit);
  result = _kz_pg_exec (PG (storage), "SELECT r.uuid, r.kind, r.version, r.deleted,"
                                      " f.field, f.value, f.version, f.author"
                                      " FROM (SELECT * FROM records WHERE version > $1::bigint"
                                      "       ORDER BY version LIMIT $2::bigint) AS r"
                                      " LEFT JOIN fields AS f ON f.uuid = r.uuid"
                                      " ORDER BY r.version, f.field COLLATE \"C\"",
                        &params, NULL, error);
  if (result == NULL)
    return FALSE;

  *records = read_records (result);
  return TRUE;
}

static gboolean
postgres_list_links (KzServerStorage  *storage,
                     gint64            since,
                     guint             limit,
                     GPtrArray       **links,
                     GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_link_free);
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  _kz_pg_int (&params, since);
  _kz_pg_int (&params, limit);
  result = _kz_pg_exec (PG (storage), "SELECT link, a, b, deleted, version FROM links"
                                      " WHERE version > $1::bigint ORDER BY version"
                                      " LIMIT $2::bigint", &params, NULL, error);
  if (result == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (result); row++)
    {
      KzServerLink *link = g_new0 (KzServerLink, 1);

      link->link = _kz_pg_dup (result, row, 0);
      link->a = _kz_pg_dup (result, row, 1);
      link->b = _kz_pg_dup (result, row, 2);
      link->deleted = _kz_pg_boolean (result, row, 3);
      link->version = _kz_pg_int64 (result, row, 4);
      g_ptr_array_add (list, link);
    }

  *links = g_steal_pointer (&list);
  return TRUE;
}

/* Conflicts */

#define CONFLICT_COLUMNS \
  "id, kind, uuid, field, base_value, server_value, client_value," \
  " server_author, client_author, created, resolved_version"

static KzServerConflict *
read_conflict (const PGresult *result,
               int             row)
{
  KzServerConflict *conflict = g_new0 (KzServerConflict, 1);

  conflict->id = _kz_pg_dup (result, row, 0);
  conflict->kind = _kz_pg_dup (result, row, 1);
  conflict->uuid = _kz_pg_dup (result, row, 2);
  conflict->field = _kz_pg_dup (result, row, 3);
  conflict->base_value = _kz_pg_dup (result, row, 4);
  conflict->server_value = _kz_pg_dup (result, row, 5);
  conflict->client_value = _kz_pg_dup (result, row, 6);
  conflict->server_author = _kz_pg_dup (result, row, 7);
  conflict->client_author = _kz_pg_dup (result, row, 8);
  conflict->created = _kz_pg_int64 (result, row, 9);
  conflict->resolved_version = _kz_pg_int64 (result, row, 10);
  return conflict;
}

static gboolean
postgres_add_conflict (KzServerStorage         *storage,
                       const KzServerConflict  *c,
                       GError                 **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, c->id);
  _kz_pg_text (&params, c->kind);
  _kz_pg_text (&params, c->uuid);
  _kz_pg_text (&params, c->field);
  _kz_pg_text (&params, c->base_value);
  _kz_pg_text (&params, c->server_value);
  _kz_pg_text (&params, c->client_value);
  _kz_pg_text (&params, c->server_author);
  _kz_pg_text (&params, c->client_author);
  _kz_pg_int (&params, c->created);
  return _kz_pg_run (PG (storage), "INSERT INTO conflicts (id, kind, uuid, field, base_value,"
                                   " server_value, client_value, server_author, client_author,"
                                   " created) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                                   " $10::bigint)", &params, error);
}

static gboolean
postgres_find_conflict (KzServerStorage         *storage,
                        const KzServerConflict  *like,
                        char                   **id,
                        GError                 **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_text (&params, like->uuid);
  _kz_pg_text (&params, like->field);
  _kz_pg_text (&params, like->server_value);
  _kz_pg_text (&params, like->client_value);
  _kz_pg_text (&params, like->client_author);
  return query_text (storage, "SELECT id FROM conflicts WHERE resolved_version IS NULL"
                              " AND uuid = $1 AND field = $2"
                              " AND server_value IS NOT DISTINCT FROM $3::text"
                              " AND client_value IS NOT DISTINCT FROM $4::text"
                              " AND client_author = $5 ORDER BY seq LIMIT 1",
                     &params, id, error);
}

static gboolean
postgres_get_conflict (KzServerStorage    *storage,
                       const char         *id,
                       KzServerConflict  **conflict,
                       GError            **error)
{
  g_auto(KzPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  *conflict = NULL;
  _kz_pg_text (&params, id);
  result = _kz_pg_exec (PG (storage), "SELECT " CONFLICT_COLUMNS " FROM conflicts WHERE id = $1",
                        &params, NULL, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) > 0)
    *conflict = read_conflict (result, 0);
  return TRUE;
}

static gboolean
postgres_list_conflicts (KzServerStorage  *storage,
                         GPtrArray       **conflicts,
                         GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *list;

  result = _kz_pg_exec (PG (storage), "SELECT " CONFLICT_COLUMNS " FROM conflicts"
                                      " WHERE resolved_version IS NULL ORDER BY seq",
                        NULL, NULL, error);
  if (result == NULL)
    return FALSE;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_conflict_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (list, read_conflict (result, row));

  *conflicts = list;
  return TRUE;
}

static gboolean
postgres_close_conflict (KzServerStorage  *storage,
                         const char       *id,
                         gint64            version,
                         const char       *resolver,
                         gint64            time,
                         GError          **error)
{
  g_auto(KzPgParams) params = { 0 };

  _kz_pg_int (&params, version);
  _kz_pg_text (&params, resolver);
  _kz_pg_int (&params, time);
  _kz_pg_text (&params, id);
  return _kz_pg_run (PG (storage), "UPDATE conflicts SET resolved_version = $1::bigint,"
                                   " resolved_by = $2, resolved_time = $3::bigint"
                                   " WHERE id = $4 AND resolved_version IS NULL", &params, error);
}

void
_kz_server_postgres_init_records (KzServerStorageInterface *iface)
{
  iface->get_record = postgres_get_record;
  iface->get_field = postgres_get_field;
  iface->get_value_at = postgres_get_value_at;
  iface->find_change = postgres_find_change;
  iface->write_field = postgres_write_field;
  iface->write_link = postgres_write_link;
  iface->list_records = postgres_list_records;
  iface->list_links = postgres_list_links;
  iface->add_conflict = postgres_add_conflict;
  iface->find_conflict = postgres_find_conflict;
  iface->get_conflict = postgres_get_conflict;
  iface->list_conflicts = postgres_list_conflicts;
  iface->close_conflict = postgres_close_conflict;
}
