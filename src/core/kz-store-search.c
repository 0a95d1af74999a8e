/* kz-store-search.c
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
#include <string.h>

#include "kz-store-private.h"
#include "kz-store-upload.h"

/* Reading what the tracking wrote: history, search, pending changes. */

void
kz_history_entry_free (KzHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->author);
  g_free (entry);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, col));
}

GPtrArray *
kz_store_get_history (KzStore     *self,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_history_entry_free);

  _kz_store_lock (self);
  stmt = _kz_store_prepare (self, "SELECT field, old_value, new_value, author, time FROM history "
                                  "WHERE uuid = ?1 ORDER BY id DESC", error);
  if (stmt == NULL)
    {
      _kz_store_unlock (self);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KzHistoryEntry *e = g_new0 (KzHistoryEntry, 1);

      e->field = column_dup (stmt, 0);
      e->old_value = column_dup (stmt, 1);
      e->new_value = column_dup (stmt, 2);
      e->author = column_dup (stmt, 3);
      e->time = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      g_clear_pointer (&entries, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  _kz_store_unlock (self);

  return g_steal_pointer (&entries);
}

/* Turns what a person typed into an FTS5 query: every word must occur,
 * as the start of a word, quotes and operators taken literally. */
char *
_kz_store_build_search_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n,;", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      GString *word = g_string_new (NULL);

      for (const char *p = words[i]; *p; p++)
        if (*p != '"' && *p != '*' && *p != '^')
          g_string_append_c (word, *p);

      if (word->len > 0)
        g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
      g_string_free (word, TRUE);
    }

  return g_string_free (query, query->len == 0);
}

/* Ranking orders every match before the limit applies; a short prefix
 * can match most of a large portfolio.  Beyond this many matches the
 * search shows records with the words in their title first, newest
 * index entries first, then the others, without ranking. */
#define MAX_RANKED 2000

static gboolean
is_broad (KzStore     *self,
          const char  *query,
          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean broad;

  stmt = _kz_store_prepare (self, "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ?1 "
                                  "LIMIT ?2)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, MAX_RANKED + 1);
  broad = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > MAX_RANKED;
  sqlite3_reset (stmt);

  return broad;
}

/* Adds the kind and UUID of each hit of @sql (bound to @query and
 * @limit) to @hits until it holds @limit hits in all (-1: no limit),
 * skipping documents already in @seen; FALSE on error. */
static gboolean
collect_hits (KzStore     *self,
              const char  *sql,
              const char  *query,
              int          sql_limit,
              int          limit,
              GPtrArray   *hits,
              GHashTable  *seen,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (!(stmt = _kz_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, sql_limit);
  while ((limit < 0 || hits->len < 2 * (guint)limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 2);

      if (seen != NULL && !g_hash_table_add (seen, GINT_TO_POINTER (id)))
        continue;
      g_ptr_array_add (hits, column_dup (stmt, 0));
      g_ptr_array_add (hits, column_dup (stmt, 1));
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
find_hits (KzStore     *self,
           const char  *query,
           int          limit,
           GPtrArray   *hits,
           GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *in_title = NULL;
  GError *local_error = NULL;

  if (limit < 0 || limit > MAX_RANKED || !is_broad (self, query, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return collect_hits (self, "SELECT d.kind, d.uuid, d.id FROM search JOIN search_docs AS d "
                                 "ON d.id = search.rowid WHERE search MATCH ?1 "
                                 "ORDER BY rank LIMIT ?2", query, limit, limit, hits, NULL, error);
    }

  seen = g_hash_table_new (NULL, NULL);
  in_title = g_strdup_printf ("{title} : (%s)", query);
  return collect_hits (self, "SELECT d.kind, d.uuid, d.id FROM search JOIN search_docs AS d "
                             "ON d.id = search.rowid WHERE search MATCH ?1 "
                             "ORDER BY search.rowid DESC LIMIT ?2", in_title, limit, limit, hits, seen, error) &&
         collect_hits (self, "SELECT d.kind, d.uuid, d.id FROM search JOIN search_docs AS d "
                             "ON d.id = search.rowid WHERE search MATCH ?1 "
                             "ORDER BY search.rowid DESC LIMIT ?2", query, 2 * limit, limit, hits, seen, error);
}

GListModel *
kz_store_search (KzStore     *self,
                 const char  *text,
                 guint        limit,
                 GError     **error)
{
  g_autofree char *query = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  GListStore *results;
  gboolean ok;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  results = g_list_store_new (KZ_TYPE_RECORD);
  if (!g_utf8_validate (text, -1, NULL) || !(query = _kz_store_build_search_query (text)))
    return G_LIST_MODEL (results);

  _kz_store_lock (self);
  ok = find_hits (self, query, limit > 0 ? (int)MIN (limit, G_MAXINT / 4) : -1, hits, error);

  for (guint i = 0; ok && i + 1 < hits->len && (limit == 0 || i / 2 < limit); i += 2)
    {
      g_autoptr(KzRecord) record = NULL;
      KzKind kind;

      if (kz_kind_from_name (hits->pdata[i], &kind) &&
          (record = kz_store_get (self, kind, hits->pdata[i + 1], NULL)))
        g_list_store_append (results, record);
    }
  _kz_store_unlock (self);

  if (!ok)
    g_clear_object (&results);

  return G_LIST_MODEL (results);
}

guint
kz_store_count_pending (KzStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (KZ_IS_STORE (self), 0);

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, "SELECT (SELECT count(*) FROM sync_fields) + "
                                       "(SELECT count(*) FROM sync_links) + "
                                       "(SELECT count(*) FROM sync_upload)", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return count;
}


/* Notes every live field and link for upload, for the first sync of
 * a portfolio that was kept without one. */
static gboolean
mark_everything (KzStore  *self,
                 GError  **error)
{
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);

      for (guint i = 0; i < info->n_fields; i++)
        {
          g_autofree char *sql = g_strdup_printf (
              "INSERT OR IGNORE INTO sync_fields (uuid, field, kind, change_id, time) "
              "SELECT uuid, '%s', '%s', " KZ_STORE_UUID_SQL ", %" G_GINT64_FORMAT " "
              "FROM %s WHERE deleted = 0 AND %s IS NOT NULL;",
              info->fields[i].name, info->name, g_get_real_time (), info->table, info->fields[i].name);

          if (!_kz_store_exec (self, sql, error))
            return FALSE;
        }
    }

  for (guint l = 0; l < KZ_N_LINKS; l++)
    {
      const KzLinkInfo *info = kz_link_get_info (l);
      g_autofree char *sql = g_strdup_printf (
          "INSERT OR IGNORE INTO sync_links (link, a, b, change_id, time) "
          "SELECT '%s', %s, %s, " KZ_STORE_UUID_SQL ", %" G_GINT64_FORMAT " "
          "FROM %s WHERE deleted = 0;",
          info->name, info->a_column, info->b_column, g_get_real_time (), info->table);

      if (!_kz_store_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* With @plan, a portfolio that never synced plans its first upload as
 * whole records (kz-store-upload.h) instead of noting every field. */
static gboolean
enable_sync (KzStore   *self,
             gboolean   enabled,
             gboolean   plan,
             GError   **error)
{
  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);

  if (!!enabled == kz_store_get_sync_enabled (self))
    return TRUE;

  if (!kz_store_begin (self, error))
    return FALSE;

  if ((enabled && !(plan && _kz_store_never_synced (self) ? _kz_store_plan_upload (self, error)
                                                          : mark_everything (self, error))) ||
      !_kz_store_meta_set (self, "sync_enabled", enabled ? "1" : "0", error))
    {
      kz_store_rollback (self);
      return FALSE;
    }

  if (!kz_store_commit (self, error))
    return FALSE;

  _kz_store_set_sync_flag (self, enabled);
  return TRUE;
}

gboolean
kz_store_set_sync_enabled (KzStore   *self,
                           gboolean   enabled,
                           GError   **error)
{
  return enable_sync (self, enabled, FALSE, error);
}

gboolean
kz_store_enable_sync_planned (KzStore  *self,
                              GError  **error)
{
  return enable_sync (self, TRUE, TRUE, error);
}
