/* kz-server-sqlite-records.c
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

#include "kz-server-error.h"
#include "kz-server-sqlite-private.h"

/* Records, fields, links and conflicts of the SQLite backend. */

#define SQLITE(storage) KZ_SERVER_SQLITE (storage)

static gboolean
finish_step (KzServerSqlite  *self,
             sqlite3_stmt    *stmt,
             int              rc,
             GError         **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _kz_server_sqlite_set_error (self, error);

  return TRUE;
}

static gboolean
sqlite_get_record (KzServerStorage       *storage,
                   const char            *uuid,
                   KzServerRecordState  **state,
                   GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *state = NULL;
  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT kind, deleted, deleted_version, version"
                                    " FROM records WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, uuid);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *state = g_new0 (KzServerRecordState, 1);
      (*state)->kind = _kz_server_sqlite_dup_column (stmt, 0);
      (*state)->deleted = sqlite3_column_int (stmt, 1) != 0;
      (*state)->deleted_version = sqlite3_column_int64 (stmt, 2);
      (*state)->version = sqlite3_column_int64 (stmt, 3);
    }

  return finish_step (SQLITE (storage), stmt, rc, error);
}

static KzServerField *
read_field (sqlite3_stmt *stmt,
            int           first)
{
  KzServerField *field = g_new0 (KzServerField, 1);

  field->name = _kz_server_sqlite_dup_column (stmt, first);
  field->value = _kz_server_sqlite_dup_column (stmt, first + 1);
  field->version = sqlite3_column_int64 (stmt, first + 2);
  field->author = _kz_server_sqlite_dup_column (stmt, first + 3);
  return field;
}

static gboolean
sqlite_get_field (KzServerStorage  *storage,
                  const char       *uuid,
                  const char       *field,
                  KzServerField   **out_field,
                  GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_field = NULL;
  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT field, value, version, author FROM fields"
                                    " WHERE uuid = ? AND field = ?", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, uuid);
  _kz_server_sqlite_bind_text (stmt, 2, field);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_field = read_field (stmt, 0);

  return finish_step (SQLITE (storage), stmt, rc, error);
}

static gboolean
sqlite_get_value_at (KzServerStorage  *storage,
                     const char       *uuid,
                     const char       *field,
                     gint64            version,
                     char            **value,
                     GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *value = NULL;
  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT value FROM history WHERE uuid = ? AND field = ?"
                                    " AND version <= ? ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, uuid);
  _kz_server_sqlite_bind_text (stmt, 2, field);
  sqlite3_bind_int64 (stmt, 3, version);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *value = _kz_server_sqlite_dup_column (stmt, 0);

  return finish_step (SQLITE (storage), stmt, rc, error);
}

static gboolean
sqlite_find_change (KzServerStorage  *storage,
                    const char       *uuid,
                    const char       *field,
                    gint64            after,
                    gint64            upto,
                    char            **author,
                    GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *author = NULL;
  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT author FROM history WHERE uuid = ?1"
                                    " AND (field = ?2 OR (?2 IS NULL AND field <> 'deleted'))"
                                    " AND version > ?3 AND version <= ?4"
                                    " ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, uuid);
  _kz_server_sqlite_bind_text (stmt, 2, field);
  sqlite3_bind_int64 (stmt, 3, after);
  sqlite3_bind_int64 (stmt, 4, upto);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *author = _kz_server_sqlite_dup_column (stmt, 0);

  return finish_step (SQLITE (storage), stmt, rc, error);
}

static gboolean
touch_record (KzServerSqlite  *self,
              const char      *kind,
              const char      *uuid,
              gint64           version,
              GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "INSERT INTO records (uuid, kind, version)"
                                          " VALUES (?, ?, ?) ON CONFLICT (uuid)"
                                          " DO UPDATE SET version = excluded.version", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, uuid);
  _kz_server_sqlite_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, version);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
set_deleted (KzServerSqlite  *self,
             const char      *uuid,
             const char      *value,
             gint64           version,
             GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "UPDATE records SET deleted = ?, deleted_version = ?"
                                          " WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, g_strcmp0 (value, "true") == 0);
  sqlite3_bind_int64 (stmt, 2, version);
  _kz_server_sqlite_bind_text (stmt, 3, uuid);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
set_field (KzServerSqlite  *self,
           const char      *uuid,
           const char      *field,
           const char      *value,
           gint64           version,
           const char      *author,
           GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "INSERT INTO fields (uuid, field, value, version, author)"
                                          " VALUES (?, ?, ?, ?, ?) ON CONFLICT (uuid, field)"
                                          " DO UPDATE SET value = excluded.value,"
                                          " version = excluded.version, author = excluded.author",
                                    error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, uuid);
  _kz_server_sqlite_bind_text (stmt, 2, field);
  _kz_server_sqlite_bind_text (stmt, 3, value);
  sqlite3_bind_int64 (stmt, 4, version);
  _kz_server_sqlite_bind_text (stmt, 5, author);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
add_history (KzServerSqlite  *self,
             const char      *uuid,
             const char      *field,
             const char      *value,
             gint64           version,
             const char      *author,
             GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "INSERT INTO history (version, uuid, field, value,"
                                          " author, time) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, version);
  _kz_server_sqlite_bind_text (stmt, 2, uuid);
  _kz_server_sqlite_bind_text (stmt, 3, field);
  _kz_server_sqlite_bind_text (stmt, 4, value);
  _kz_server_sqlite_bind_text (stmt, 5, author);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  return _kz_server_sqlite_run (self, stmt, error);
}

static gboolean
sqlite_write_field (KzServerStorage  *storage,
                    const char       *kind,
                    const char       *uuid,
                    const char       *field,
                    const char       *value,
                    gint64            version,
                    const char       *author,
                    GError          **error)
{
  KzServerSqlite *self = SQLITE (storage);

  if (!touch_record (self, kind, uuid, version, error))
    return FALSE;

  if (g_str_equal (field, "deleted"))
    {
      if (!set_deleted (self, uuid, value, version, error))
        return FALSE;
    }
  else if (!set_field (self, uuid, field, value, version, author, error))
    return FALSE;

  return add_history (self, uuid, field, value, version, author, error);
}

/* A record the server does not have yet: one row for the record, then
 * its fields and their history, with statements prepared once. */
static gboolean
sqlite_create_record (KzServerStorage     *storage,
                      const char          *kind,
                      const char          *uuid,
                      const char * const  *names,
                      const char * const  *values,
                      guint                n,
                      gint64               first_version,
                      const char          *author,
                      GError             **error)
{
  KzServerSqlite *self = SQLITE (storage);
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (self, "INSERT INTO records (uuid, kind, version)"
                                          " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, uuid);
  _kz_server_sqlite_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, first_version + n - 1);
  if (!_kz_server_sqlite_run (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!set_field (self, uuid, names[i], values[i], first_version + i, author, error) ||
        !add_history (self, uuid, names[i], values[i], first_version + i, author, error))
      return FALSE;

  return TRUE;
}

static gboolean
sqlite_write_link (KzServerStorage  *storage,
                   const char       *link,
                   const char       *a,
                   const char       *b,
                   gboolean          deleted,
                   gint64            version,
                   const char       *author,
                   GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "INSERT INTO links (link, a, b, deleted, version, author)"
                                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (link, a, b)"
                                    " DO UPDATE SET deleted = excluded.deleted,"
                                    " version = excluded.version, author = excluded.author",
                                    error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, link);
  _kz_server_sqlite_bind_text (stmt, 2, a);
  _kz_server_sqlite_bind_text (stmt, 3, b);
  sqlite3_bind_int (stmt, 4, deleted);
  sqlite3_bind_int64 (stmt, 5, version);
  _kz_server_sqlite_bind_text (stmt, 6, author);
  return _kz_server_sqlite_run (SQLITE (storage), stmt, error);
}

/* One row per field (or one with NULL field columns for a record
 * without fields), grouped by record in version order. */
static gboolean
sqlite_list_records (KzServerStorage  *storage,
                     gint64            since,
                     guint             limit,
                     GPtrArray       **records,
                     GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_record_free);
  KzServerRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT r.uuid, r.kind, r.version, r.deleted,"
                                    " f.field, f.value, f.version, f.author"
                                    " FROM (SELECT * FROM records WHERE version > ?"
                                    "       ORDER BY version LIMIT ?) AS r"
                                    " LEFT JOIN fields AS f ON f.uuid = r.uuid"
                                    " ORDER BY r.version, f.field", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (record == NULL || record->version != sqlite3_column_int64 (stmt, 2))
        {
          record = g_new0 (KzServerRecord, 1);
          record->uuid = _kz_server_sqlite_dup_column (stmt, 0);
          record->kind = _kz_server_sqlite_dup_column (stmt, 1);
          record->version = sqlite3_column_int64 (stmt, 2);
          record->deleted = sqlite3_column_int (stmt, 3) != 0;
          record->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_field_free);
          g_ptr_array_add (list, record);
        }
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        g_ptr_array_add (record->fields, read_field (stmt, 4));
    }

  if (!finish_step (SQLITE (storage), stmt, rc, error))
    return FALSE;

  *records = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
sqlite_list_links (KzServerStorage  *storage,
                   gint64            since,
                   guint             limit,
                   GPtrArray       **links,
                   GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_link_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT link, a, b, deleted, version FROM links"
                                    " WHERE version > ? ORDER BY version LIMIT ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KzServerLink *link = g_new0 (KzServerLink, 1);

      link->link = _kz_server_sqlite_dup_column (stmt, 0);
      link->a = _kz_server_sqlite_dup_column (stmt, 1);
      link->b = _kz_server_sqlite_dup_column (stmt, 2);
      link->deleted = sqlite3_column_int (stmt, 3) != 0;
      link->version = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, link);
    }

  if (!finish_step (SQLITE (storage), stmt, rc, error))
    return FALSE;

  *links = g_steal_pointer (&list);
  return TRUE;
}

/* Conflicts */

#define CONFLICT_COLUMNS \
  "id, kind, uuid, field, base_value, server_value, client_value," \
  " server_author, client_author, created, resolved_version"

static KzServerConflict *
read_conflict (sqlite3_stmt *stmt)
{
  KzServerConflict *conflict = g_new0 (KzServerConflict, 1);

  conflict->id = _kz_server_sqlite_dup_column (stmt, 0);
  conflict->kind = _kz_server_sqlite_dup_column (stmt, 1);
  conflict->uuid = _kz_server_sqlite_dup_column (stmt, 2);
  conflict->field = _kz_server_sqlite_dup_column (stmt, 3);
  conflict->base_value = _kz_server_sqlite_dup_column (stmt, 4);
  conflict->server_value = _kz_server_sqlite_dup_column (stmt, 5);
  conflict->client_value = _kz_server_sqlite_dup_column (stmt, 6);
  conflict->server_author = _kz_server_sqlite_dup_column (stmt, 7);
  conflict->client_author = _kz_server_sqlite_dup_column (stmt, 8);
  conflict->created = sqlite3_column_int64 (stmt, 9);
  conflict->resolved_version = sqlite3_column_int64 (stmt, 10);
  return conflict;
}

static gboolean
sqlite_add_conflict (KzServerStorage         *storage,
                     const KzServerConflict  *c,
                     GError                 **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "INSERT INTO conflicts (id, kind, uuid, field, base_value,"
                                    " server_value, client_value, server_author, client_author,"
                                    " created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, c->id);
  _kz_server_sqlite_bind_text (stmt, 2, c->kind);
  _kz_server_sqlite_bind_text (stmt, 3, c->uuid);
  _kz_server_sqlite_bind_text (stmt, 4, c->field);
  _kz_server_sqlite_bind_text (stmt, 5, c->base_value);
  _kz_server_sqlite_bind_text (stmt, 6, c->server_value);
  _kz_server_sqlite_bind_text (stmt, 7, c->client_value);
  _kz_server_sqlite_bind_text (stmt, 8, c->server_author);
  _kz_server_sqlite_bind_text (stmt, 9, c->client_author);
  sqlite3_bind_int64 (stmt, 10, c->created);
  return _kz_server_sqlite_run (SQLITE (storage), stmt, error);
}

static gboolean
sqlite_find_conflict (KzServerStorage         *storage,
                      const KzServerConflict  *like,
                      char                   **id,
                      GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = NULL;
  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT id FROM conflicts WHERE resolved_version IS NULL"
                                    " AND uuid = ? AND field = ? AND server_value IS ?"
                                    " AND client_value IS ? AND client_author = ?"
                                    " ORDER BY rowid LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, like->uuid);
  _kz_server_sqlite_bind_text (stmt, 2, like->field);
  _kz_server_sqlite_bind_text (stmt, 3, like->server_value);
  _kz_server_sqlite_bind_text (stmt, 4, like->client_value);
  _kz_server_sqlite_bind_text (stmt, 5, like->client_author);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *id = _kz_server_sqlite_dup_column (stmt, 0);

  return finish_step (SQLITE (storage), stmt, rc, error);
}

static gboolean
sqlite_get_conflict (KzServerStorage    *storage,
                     const char         *id,
                     KzServerConflict  **conflict,
                     GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *conflict = NULL;
  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT " CONFLICT_COLUMNS " FROM conflicts WHERE id = ?",
                                    error);
  if (stmt == NULL)
    return FALSE;

  _kz_server_sqlite_bind_text (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *conflict = read_conflict (stmt);

  return finish_step (SQLITE (storage), stmt, rc, error);
}

static gboolean
sqlite_list_conflicts (KzServerStorage  *storage,
                       GPtrArray       **conflicts,
                       GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_server_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "SELECT " CONFLICT_COLUMNS " FROM conflicts"
                                    " WHERE resolved_version IS NULL ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_conflict (stmt));

  if (!finish_step (SQLITE (storage), stmt, rc, error))
    return FALSE;

  *conflicts = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
sqlite_close_conflict (KzServerStorage  *storage,
                       const char       *id,
                       gint64            version,
                       const char       *resolver,
                       gint64            time,
                       GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_server_sqlite_prepare (SQLITE (storage),
                                    "UPDATE conflicts SET resolved_version = ?, resolved_by = ?,"
                                    " resolved_time = ? WHERE id = ? AND resolved_version IS NULL",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, version);
  _kz_server_sqlite_bind_text (stmt, 2, resolver);
  sqlite3_bind_int64 (stmt, 3, time);
  _kz_server_sqlite_bind_text (stmt, 4, id);
  return _kz_server_sqlite_run (SQLITE (storage), stmt, error);
}

void
_kz_server_sqlite_init_records (KzServerStorageInterface *iface)
{
  iface->get_record = sqlite_get_record;
  iface->get_field = sqlite_get_field;
  iface->get_value_at = sqlite_get_value_at;
  iface->find_change = sqlite_find_change;
  iface->write_field = sqlite_write_field;
  iface->create_record = sqlite_create_record;
  iface->write_link = sqlite_write_link;
  iface->list_records = sqlite_list_records;
  iface->list_links = sqlite_list_links;
  iface->add_conflict = sqlite_add_conflict;
  iface->find_conflict = sqlite_find_conflict;
  iface->get_conflict = sqlite_get_conflict;
  iface->list_conflicts = sqlite_list_conflicts;
  iface->close_conflict = sqlite_close_conflict;
}
