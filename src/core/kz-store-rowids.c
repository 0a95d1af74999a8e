/* kz-store-rowids.c
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

#include <glib/gi18n-lib.h>

#include "kz-store-private.h"

/* Lists that know only which rows they hold, in order, and read a
 * record when it is shown: the query returns rowids, a few bytes a
 * row, instead of every field of every record. */

static gboolean
is_text_like (KzFieldType type)
{
  return type != KZ_FIELD_INT && type != KZ_FIELD_NUMBER &&
         type != KZ_FIELD_MONEY && type != KZ_FIELD_BOOL;
}

/* The sort key of @field as an SQL expression; REF fields sort by the
 * title of the record they point to, joined as "s". */
static char *
sort_key (const KzField *field,
          GString       *joins)
{
  if (field->type == KZ_FIELD_REF)
    {
      const KzKindInfo *ref = kz_kind_get_info (field->ref_kind);

      g_string_append_printf (joins, " LEFT JOIN %s AS s ON s.uuid = r.%s",
                              ref->table, field->name);
      return g_strdup_printf ("s.%s", ref->fields[ref->title_field].name);
    }

  return g_strdup_printf ("r.%s", field->name);
}

static char *
build_sql (KzKind      kind,
           gboolean    with_uuids,
           gboolean    search,
           const char *sort_field,
           gboolean    descending)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  const KzField *field = kz_kind_get_field (kind, sort_field ? sort_field
                                                             : info->fields[info->title_field].name);
  g_autoptr(GString) joins = g_string_new (NULL);
  g_autofree char *key = sort_key (field, joins);
  const char *dir = descending ? " DESC" : "";
  GString *sql = g_string_new (with_uuids ? "SELECT r.rowid, r.uuid FROM " : "SELECT r.rowid FROM ");

  g_string_append_printf (sql, "%s AS r%s WHERE r.deleted = 0", info->table, joins->str);
  if (search)
    g_string_append (sql, " AND r.uuid IN (SELECT d.uuid FROM search JOIN search_docs AS d "
                          "ON d.id = search.rowid WHERE search MATCH ?1 AND d.kind = ?2)");

  /* Empty values last in both directions, ties in the order of entry. */
  if (is_text_like (field->type))
    g_string_append_printf (sql, " ORDER BY coalesce(%s, '') = '', %s COLLATE NOCASE%s, r.rowid%s",
                            key, key, dir, dir);
  else
    g_string_append_printf (sql, " ORDER BY %s IS NULL, %s%s, r.rowid%s", key, key, dir, dir);

  return g_string_free (sql, FALSE);
}

GArray *
kz_store_list_rowids (KzStore     *self,
                      KzKind       kind,
                      const char  *search,
                      const char  *sort_field,
                      gboolean     descending,
                      GPtrArray  **uuids,
                      GError     **error)
{
  g_autoptr(GPtrArray) uuid_list = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autofree char *query = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (sort_field == NULL || kz_kind_get_field (kind, sort_field) != NULL, NULL);

  if (search != NULL && g_utf8_validate (search, -1, NULL))
    query = _kz_store_build_search_query (search);
  sql = build_sql (kind, uuids != NULL, query != NULL, sort_field, descending);
  rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (uuids != NULL)
    uuid_list = g_ptr_array_new_with_free_func (g_free);

  _kz_store_lock (self);
  if (!(stmt = _kz_store_prepare (self, sql, error)))
    {
      _kz_store_unlock (self);
      return NULL;
    }
  if (query != NULL)
    {
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, kz_kind_get_info (kind)->name, -1, SQLITE_STATIC);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
      if (uuid_list != NULL)
        g_ptr_array_add (uuid_list, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      g_clear_pointer (&rowids, g_array_unref);
    }
  sqlite3_reset (stmt);
  _kz_store_unlock (self);

  if (rowids != NULL && uuids != NULL)
    *uuids = g_steal_pointer (&uuid_list);
  return g_steal_pointer (&rowids);
}

GHashTable *
kz_store_search_uuids (KzStore     *self,
                       KzKind       kind,
                       const char  *search,
                       GError     **error)
{
  g_autoptr(GHashTable) uuids = NULL;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (search != NULL, NULL);

  uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_utf8_validate (search, -1, NULL) || !(query = _kz_store_build_search_query (search)))
    return g_steal_pointer (&uuids);

  _kz_store_lock (self);
  if (!(stmt = _kz_store_prepare (self, "SELECT d.uuid FROM search JOIN search_docs AS d "
                                        "ON d.id = search.rowid WHERE search MATCH ?1 AND d.kind = ?2",
                                  error)))
    {
      _kz_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kz_kind_get_info (kind)->name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (uuids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      g_clear_pointer (&uuids, g_hash_table_unref);
    }
  sqlite3_reset (stmt);
  _kz_store_unlock (self);

  return g_steal_pointer (&uuids);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

GStrv
kz_store_dup_values (KzStore     *self,
                     KzKind       kind,
                     const char  *field,
                     GError     **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (kz_kind_get_field (kind, field) != NULL, NULL);

  sql = g_strdup_printf ("SELECT DISTINCT %s FROM %s WHERE deleted = 0 AND %s IS NOT NULL AND %s <> ''",
                         field, kz_kind_get_info (kind)->table, field, field);
  values = g_ptr_array_new_with_free_func (g_free);

  _kz_store_lock (self);
  if (!(stmt = _kz_store_prepare (self, sql, error)))
    {
      _kz_store_unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);
  _kz_store_unlock (self);
  if (rc != SQLITE_DONE)
    return NULL;

  g_ptr_array_sort (values, compare_collated);
  g_ptr_array_add (values, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

KzRecord *
kz_store_get_by_rowid (KzStore     *self,
                       KzKind       kind,
                       gint64       rowid,
                       GError     **error)
{
  g_autofree char *sql = NULL;
  KzRecord *record = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.rowid = ?1",
                         _kz_store_columns (kind), kz_kind_get_info (kind)->table);

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, error)))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rowid);
      int rc;

      sqlite3_bind_int64 (stmt, 1, rowid);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        record = _kz_store_read_record (kind, stmt, 0);
      else if (rc == SQLITE_DONE)
        g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NOT_FOUND,
                     _("There is no %s with the id “%s”."),
                     kz_kind_get_info (kind)->name, id);
      else
        _kz_store_set_error (self, error);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return record;
}
