/* kz-store-upload.c
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

#define G_LOG_DOMAIN "kz-store-sync"

#include "config.h"

#include "kz-store-private.h"
#include "kz-store-sync.h"
#include "kz-store-upload.h"

void
kz_upload_item_free (KzUploadItem *item)
{
  if (item == NULL)
    return;

  g_free (item->change_id);
  g_free (item->kind);
  g_free (item->uuid);
  g_clear_pointer (&item->names, g_ptr_array_unref);
  g_clear_pointer (&item->values, g_ptr_array_unref);
  g_free (item->link);
  g_free (item->a);
  g_free (item->b);
  g_free (item);
}

static gboolean
exec_printf (KzStore     *self,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
exec_printf (KzStore     *self,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return _kz_store_exec (self, sql, error);
}

/* Whether the portfolio never exchanged anything with a server. */
gboolean
_kz_store_never_synced (KzStore *self)
{
  sqlite3_stmt *stmt;
  gboolean seen = TRUE;

  if (kz_store_get_sync_cursor (self) != 0)
    return FALSE;

  if ((stmt = _kz_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM sync_versions)", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        seen = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
    }

  return !seen;
}

/* A change id for the @n-th item of a plan made at @now: a UUID whose
 * leading digits grow with the plan's time and the item's place, the
 * rest random.  In UUID order and with such ids, each batch of the
 * upload lands on neighbouring pages of the server's tables and
 * indexes, instead of on pages all over its file. */
#define PLAN_ID_SQL \
  "lower(printf('%%08x-%%04x-7%%03x-%%x%%s-%%s', %" G_GINT64_FORMAT ", n >> 12, n & 4095, " \
  "8 + (abs(random()) %% 4), substr(hex(randomblob(2)), 2), hex(randomblob(6))))"

static void
append_union (GString     *sql,
              const char  *select)
{
  if (sql->len > 0)
    g_string_append (sql, " UNION ALL ");
  g_string_append (sql, select);
}

/* Plans the upload of every live record and link: records first, kind
 * by kind in the order of the schema (records a reference points to
 * come before it, so that a client pulling them page by page never
 * holds a dangling reference) and by UUID within a kind, then links.
 * Inside a transaction. */
gboolean
_kz_store_plan_upload (KzStore  *self,
                       GError  **error)
{
  g_autoptr(GString) records = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 n_records;

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);
      g_autofree char *select = g_strdup_printf ("SELECT %u AS k, '%s' AS kind, uuid FROM %s "
                                                 "WHERE deleted = 0", k, info->name, info->table);

      append_union (records, select);
    }

  for (guint l = 0; l < KZ_N_LINKS; l++)
    {
      const KzLinkInfo *info = kz_link_get_info (l);
      g_autofree char *select = g_strdup_printf ("SELECT '%s' AS link, %s AS a, %s AS b FROM %s "
                                                 "WHERE deleted = 0",
                                                 info->name, info->a_column, info->b_column,
                                                 info->table);

      append_union (links, select);
    }

  if (!_kz_store_exec (self, "DELETE FROM sync_upload;", error) ||
      !exec_printf (self, error,
                    "INSERT INTO sync_upload (change_id, kind, uuid) "
                    "SELECT " PLAN_ID_SQL ", kind, uuid FROM "
                    "(SELECT k, kind, uuid, row_number () OVER (ORDER BY k, uuid) AS n FROM (%s)) "
                    "ORDER BY k, uuid;", now, records->str))
    return FALSE;

  n_records = sqlite3_last_insert_rowid (_kz_store_db (self));
  return exec_printf (self, error,
                      "INSERT INTO sync_upload (change_id, link, a, b) "
                      "SELECT " PLAN_ID_SQL ", link, a, b FROM "
                      "(SELECT link, a, b, %" G_GINT64_FORMAT " + row_number () OVER (ORDER BY link, a, b) AS n "
                      "FROM (%s)) ORDER BY link, a, b;", now, n_records, links->str);
}

gboolean
kz_store_has_upload (KzStore *self)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM sync_upload)", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        found = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return found;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, col));
}

/* Reads a record's current fields; returns their size in bytes. */
static gsize
read_record (KzStore      *self,
             KzUploadItem *item)
{
  g_autoptr(KzRecord) record = NULL;
  const KzKindInfo *info;
  gsize size = 0;
  KzKind kind;

  if (!kz_kind_from_name (item->kind, &kind) ||
      !(record = kz_store_get (self, kind, item->uuid, NULL)) ||
      kz_record_get_deleted (record))
    return 0;

  info = kz_kind_get_info (kind);
  item->names = g_ptr_array_new ();
  item->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < info->n_fields; i++)
    {
      char *value = kz_record_dup_text (record, info->fields[i].name);

      if (value == NULL || *value == '\0')
        {
          g_free (value);
          continue;
        }
      size += strlen (info->fields[i].name) + strlen (value) + 8;
      g_ptr_array_add (item->names, (gpointer)info->fields[i].name);
      g_ptr_array_add (item->values, value);
    }

  item->send = item->names->len > 0;
  return size + 120;
}

static gsize
read_link (KzStore      *self,
           KzUploadItem *item)
{
  const KzLinkInfo *info;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  KzLink link;

  if (!kz_link_from_name (item->link, &link))
    return 0;

  info = kz_link_get_info (link);
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?1 AND %s = ?2 AND deleted = 0",
                         info->table, info->a_column, info->b_column);
  if ((stmt = _kz_store_prepare (self, sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, item->a, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, item->b, -1, SQLITE_STATIC);
      item->send = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }

  return 200;
}

static gboolean
collect_upload (KzStore    *self,
                gint64      after,
                guint       limit,
                GPtrArray  *items,
                GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kz_store_prepare (self, "SELECT seq, change_id, kind, uuid, link, a, b FROM sync_upload "
                                  "WHERE seq > ?2 ORDER BY seq LIMIT ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, (int)MIN (limit, G_MAXINT));
  sqlite3_bind_int64 (stmt, 2, after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KzUploadItem *item = g_new0 (KzUploadItem, 1);

      item->seq = sqlite3_column_int64 (stmt, 0);
      item->change_id = dup_column (stmt, 1);
      item->kind = dup_column (stmt, 2);
      item->uuid = dup_column (stmt, 3);
      item->link = dup_column (stmt, 4);
      item->a = dup_column (stmt, 5);
      item->b = dup_column (stmt, 6);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

GPtrArray *
kz_store_get_upload (KzStore  *self,
                     guint     limit,
                     gsize     max_bytes,
                     GError  **error)
{
  return kz_store_get_upload_after (self, 0, limit, max_bytes, error);
}

GPtrArray *
kz_store_get_upload_after (KzStore  *self,
                           gint64    after,
                           guint     limit,
                           gsize     max_bytes,
                           GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_upload_item_free);
  gboolean read_only, ok;
  gsize bytes = 0;
  guint n = 0;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);

  /* One read transaction for the many small look-ups. */
  _kz_store_lock (self);
  read_only = sqlite3_get_autocommit (_kz_store_db (self)) &&
              _kz_store_exec (self, "BEGIN DEFERRED;", NULL);
  ok = collect_upload (self, after, limit, items, error);
  for (; ok && n < items->len && bytes < max_bytes; n++)
    {
      KzUploadItem *item = items->pdata[n];

      bytes += item->link != NULL ? read_link (self, item) : read_record (self, item);
    }
  if (read_only)
    _kz_store_exec (self, "COMMIT;", NULL);
  _kz_store_unlock (self);

  if (!ok)
    return NULL;

  g_ptr_array_set_size (items, n);
  return g_steal_pointer (&items);
}

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

/* The server has the record: its fields go as field changes. */
static gboolean
note_fields (KzStore             *self,
             const KzUploadItem  *item,
             GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  stmt = _kz_store_prepare (self, "INSERT OR IGNORE INTO sync_fields (uuid, field, kind, change_id, time) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < item->names->len; i++)
    {
      g_autofree char *change_id = g_uuid_string_random ();

      sqlite3_bind_text (stmt, 1, item->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, item->names->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, item->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, change_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, now);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
kz_store_upload_item_done (KzStore             *self,
                           const KzUploadItem  *item,
                           gint64               version,
                           GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (item->link != NULL || !item->send)
    return TRUE;
  if (version <= 0)
    return note_fields (self, item, error);

  /* The server holds the whole record as of @version: the base of
   * every field that has no later version of its own. */
  stmt = _kz_store_prepare (self, "INSERT INTO sync_versions (uuid, field, version) VALUES (?1, '*', ?2) "
                                  "ON CONFLICT DO UPDATE SET version = max(version, excluded.version)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, item->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, version);
  return step_done (self, stmt, error);
}

gboolean
kz_store_upload_forget (KzStore  *self,
                        gint64    seq,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);

  stmt = _kz_store_prepare (self, "DELETE FROM sync_upload WHERE seq <= ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  return step_done (self, stmt, error);
}

static gboolean
plan_to_changes (KzStore  *self,
                 GError  **error)
{
  gint64 now = g_get_real_time ();

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);

      for (guint i = 0; i < info->n_fields; i++)
        if (!exec_printf (self, error,
                          "INSERT OR IGNORE INTO sync_fields (uuid, field, kind, change_id, time) "
                          "SELECT t.uuid, '%s', '%s', " KZ_STORE_UUID_SQL ", %" G_GINT64_FORMAT " "
                          "FROM sync_upload AS u JOIN %s AS t ON t.uuid = u.uuid "
                          "WHERE u.kind = '%s' AND t.deleted = 0 AND t.%s IS NOT NULL;",
                          info->fields[i].name, info->name, now, info->table, info->name,
                          info->fields[i].name))
          return FALSE;
    }

  for (guint l = 0; l < KZ_N_LINKS; l++)
    {
      const KzLinkInfo *info = kz_link_get_info (l);

      if (!exec_printf (self, error,
                        "INSERT OR IGNORE INTO sync_links (link, a, b, change_id, time) "
                        "SELECT '%s', t.%s, t.%s, " KZ_STORE_UUID_SQL ", %" G_GINT64_FORMAT " "
                        "FROM sync_upload AS u JOIN %s AS t ON t.%s = u.a AND t.%s = u.b "
                        "WHERE u.link = '%s' AND t.deleted = 0;",
                        info->name, info->a_column, info->b_column, now, info->table,
                        info->a_column, info->b_column, info->name))
        return FALSE;
    }

  return _kz_store_exec (self, "DELETE FROM sync_upload;", error);
}

gboolean
kz_store_upload_to_changes (KzStore  *self,
                            GError  **error)
{
  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);

  if (!kz_store_begin (self, error))
    return FALSE;

  if (!plan_to_changes (self, error))
    {
      kz_store_rollback (self);
      return FALSE;
    }

  return kz_store_commit (self, error);
}
