/* kz-store-groups.c
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

/* Counts of records grouped by several fields at once, in SQL: the
 * overview's heat maps without reading a record into memory. */

#define G_LOG_DOMAIN "kz-store"

#include "config.h"

#include <string.h>

#include "kz-store-private.h"

void
kz_store_group_free (KzStoreGroup *group)
{
  if (group == NULL)
    return;

  for (guint i = 0; i < group->n_values; i++)
    g_free (group->values[i]);
  g_free (group);
}

/* Appends the column of @path ("field" or "ref_field.field") to
 * @select and the join it needs to @joins; FALSE if @path names no
 * such field. */
static gboolean
add_column (KzKind      kind,
            const char *path,
            guint       index,
            GString    *select,
            GString    *joins)
{
  const char *dot = strchr (path, '.');
  g_autofree char *ref_name = NULL;
  const KzField *ref;
  const KzField *target;

  if (index > 0)
    g_string_append (select, ", ");

  if (dot == NULL)
    {
      if (kz_kind_get_field (kind, path) == NULL)
        return FALSE;
      g_string_append_printf (select, "r.%s", path);
      return TRUE;
    }

  ref_name = g_strndup (path, dot - path);
  ref = kz_kind_get_field (kind, ref_name);
  if (ref == NULL || ref->type != KZ_FIELD_REF ||
      (target = kz_kind_get_field (ref->ref_kind, dot + 1)) == NULL)
    return FALSE;

  /* A reference to a record in the trash counts as unset, as it does
   * for the lists, which only know live records. */
  g_string_append_printf (joins, " LEFT JOIN %s AS j%u ON j%u.uuid = r.%s AND j%u.deleted = 0",
                          kz_kind_get_info (ref->ref_kind)->table, index, index, ref->name, index);
  g_string_append_printf (select, "j%u.%s", index, target->name);
  return TRUE;
}

static char *
build_sql (KzKind              kind,
           const char * const *fields,
           guint               n_fields)
{
  g_autoptr(GString) select = g_string_new (NULL);
  g_autoptr(GString) joins = g_string_new (NULL);
  g_autoptr(GString) group = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (!add_column (kind, fields[i], i, select, joins))
        return NULL;
      g_string_append_printf (group, "%s%u", i > 0 ? ", " : "", i + 1);
    }

  return g_strdup_printf ("SELECT %s, count(*) FROM %s AS r%s WHERE r.deleted = 0 GROUP BY %s",
                          select->str, kz_kind_get_info (kind)->table, joins->str, group->str);
}

/**
 * kz_store_count_groups:
 * @fields: %NULL-terminated field names of @kind; "ref_field.field"
 *   names a field of the live record a REF field points at
 *   ("lead_organisation_id.district")
 *
 * Counts the live records of @kind by the values of all @fields
 * together, in one query: one #KzStoreGroup per combination that
 * occurs, its values in the order of @fields (%NULL where unset).
 *
 * Returns: (transfer full): a #GPtrArray of #KzStoreGroup, or %NULL
 *   with @error set
 */
GPtrArray *
kz_store_count_groups (KzStore             *self,
                       KzKind               kind,
                       const char * const  *fields,
                       GError             **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint n_fields;
  int rc;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (fields != NULL && fields[0] != NULL, NULL);

  n_fields = g_strv_length ((char **)fields);
  sql = build_sql (kind, fields, n_fields);
  g_return_val_if_fail (sql != NULL, NULL);

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_store_group_free);

  _kz_store_lock (self);
  if (!(stmt = _kz_store_prepare (self, sql, error)))
    {
      _kz_store_unlock (self);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KzStoreGroup *group = g_malloc0 (sizeof (KzStoreGroup) + n_fields * sizeof (char *));

      group->n_values = n_fields;
      group->count = sqlite3_column_int64 (stmt, n_fields);
      for (guint i = 0; i < n_fields; i++)
        group->values[i] = g_strdup ((const char *)sqlite3_column_text (stmt, i));
      g_ptr_array_add (groups, group);
    }

  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      g_clear_pointer (&groups, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  _kz_store_unlock (self);

  return g_steal_pointer (&groups);
}

/**
 * kz_store_get_choices:
 * @field: a CHOICE field of @kind
 *
 * The value of @field of every live record of @kind that has it set,
 * by UUID: what a list needs of another kind's records (the district
 * of a project's lead organisation) without holding the records.  The
 * values are interned with g_intern_string(): a vocabulary has few
 * terms, so the table holds one string per record, its UUID.
 *
 * Returns: (transfer full): UUID (owned) -> term id (interned), or
 *   %NULL with @error set
 */
GHashTable *
kz_store_get_choices (KzStore     *self,
                      KzKind       kind,
                      const char  *field,
                      GError     **error)
{
  g_autoptr(GHashTable) choices = NULL;
  g_autofree char *sql = NULL;
  const KzField *info;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  info = kz_kind_get_field (kind, field);
  g_return_val_if_fail (info != NULL && info->type == KZ_FIELD_CHOICE, NULL);

  sql = g_strdup_printf ("SELECT uuid, %s FROM %s WHERE deleted = 0 AND %s <> ''",
                         info->name, kz_kind_get_info (kind)->table, info->name);
  choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  _kz_store_lock (self);
  if (!(stmt = _kz_store_prepare (self, sql, error)))
    {
      _kz_store_unlock (self);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (choices,
                         g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         (gpointer)g_intern_string ((const char *)sqlite3_column_text (stmt, 1)));

  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      g_clear_pointer (&choices, g_hash_table_unref);
    }
  sqlite3_reset (stmt);
  _kz_store_unlock (self);

  return g_steal_pointer (&choices);
}
