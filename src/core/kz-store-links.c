/* kz-store-links.c
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

/* Links between records, and the aggregate queries lists and the
 * overview use instead of one query per row. */

static gboolean
step_done (KzStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return ok;
}

static gboolean
write_link (KzStore     *self,
            KzLink       link,
            const char  *a,
            const char  *b,
            gboolean     deleted,
            GError     **error)
{
  const KzLinkInfo *info = kz_link_get_info (link);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (deleted)
    sql = g_strdup_printf ("UPDATE %s SET deleted = 1, modified = max(?3, modified + 1) "
                           "WHERE %s = ?1 AND %s = ?2 AND deleted = 0",
                           info->table, info->a_column, info->b_column);
  else
    sql = g_strdup_printf ("INSERT INTO %s (%s, %s, created, modified, deleted) "
                           "VALUES (?1, ?2, ?3, ?3, 0) ON CONFLICT DO UPDATE "
                           "SET deleted = 0, modified = max(?3, modified + 1) WHERE deleted = 1",
                           info->table, info->a_column, info->b_column);

  if (!(stmt = _kz_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());

  if (!step_done (self, stmt, error))
    return FALSE;

  /* Linking what is linked, or unlinking what is not, changes nothing. */
  if (sqlite3_changes (_kz_store_db (self)) == 0)
    return TRUE;

  return _kz_store_track_link (self, link, a, b, deleted, error);
}

static gboolean
change_link (KzStore     *self,
             KzLink       link,
             const char  *a,
             const char  *b,
             gboolean     deleted,
             GError     **error)
{
  const KzLinkInfo *info;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (link < KZ_N_LINKS, FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  info = kz_link_get_info (link);
  if (!kz_store_begin (self, error))
    return FALSE;

  if (!write_link (self, link, a, b, deleted, error))
    {
      kz_store_rollback (self);
      return FALSE;
    }

  _kz_store_note_change (self, info->a_kind, a);
  _kz_store_note_change (self, info->b_kind, b);
  return kz_store_commit (self, error);
}

gboolean
kz_store_link (KzStore     *self,
               KzLink       link,
               const char  *a,
               const char  *b,
               GError     **error)
{
  return change_link (self, link, a, b, FALSE, error);
}

gboolean
kz_store_unlink (KzStore     *self,
                 KzLink       link,
                 const char  *a,
                 const char  *b,
                 GError     **error)
{
  return change_link (self, link, a, b, TRUE, error);
}

guint
kz_store_count (KzStore *self,
                KzKind   kind)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (KZ_IS_STORE (self), 0);
  g_return_val_if_fail (kind < KZ_N_KINDS, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0",
                         kz_kind_get_info (kind)->table);

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return count;
}

gboolean
kz_store_is_empty (KzStore *self)
{
  g_return_val_if_fail (KZ_IS_STORE (self), TRUE);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    if (kz_kind_get_info (k)->parent_field < 0 && kz_store_count (self, k) > 0)
      return FALSE;

  return TRUE;
}

/* Runs a two-column query into a hash table of text keys. */
static GHashTable *
query_pairs (KzStore     *self,
             const char  *sql,
             gboolean     int_values,
             GError     **error)
{
  g_autoptr(GHashTable) result = NULL;
  sqlite3_stmt *stmt;
  int rc;

  result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  _kz_store_lock (self);
  if (!(stmt = _kz_store_prepare (self, sql, error)))
    {
      _kz_store_unlock (self);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);
      gpointer value;

      if (int_values)
        value = g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64));
      else
        value = g_strdup ((const char *)sqlite3_column_text (stmt, 1));

      g_hash_table_insert (result, g_strdup (key ? key : ""), value);
    }

  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      g_clear_pointer (&result, g_hash_table_unref);
    }
  sqlite3_reset (stmt);
  _kz_store_unlock (self);

  return g_steal_pointer (&result);
}

GHashTable *
kz_store_sum_by (KzStore     *self,
                 KzKind       kind,
                 const char  *group_field,
                 const char  *sum_field,
                 GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (kz_kind_get_field (kind, group_field) != NULL, NULL);
  g_return_val_if_fail (sum_field == NULL || kz_kind_get_field (kind, sum_field) != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s, %s%s%s FROM %s WHERE deleted = 0 GROUP BY 1",
                         group_field,
                         sum_field ? "total(" : "count(*",
                         sum_field ? sum_field : "", ")",
                         kz_kind_get_info (kind)->table);

  return query_pairs (self, sql, TRUE, error);
}

GHashTable *
kz_store_count_by (KzStore     *self,
                   KzKind       kind,
                   const char  *field,
                   GError     **error)
{
  g_autoptr(GHashTable) sums = kz_store_sum_by (self, kind, field, NULL, error);
  GHashTable *counts;
  GHashTableIter iter;
  gpointer key, value;

  if (sums == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (counts, g_strdup (key), GUINT_TO_POINTER (*(gint64 *)value));

  return counts;
}

GHashTable *
kz_store_get_titles (KzStore     *self,
                     KzKind       kind,
                     GError     **error)
{
  const KzKindInfo *info;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  info = kz_kind_get_info (kind);
  sql = g_strdup_printf ("SELECT uuid, %s FROM %s", info->fields[info->title_field].name, info->table);

  return query_pairs (self, sql, FALSE, error);
}
