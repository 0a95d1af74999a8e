/* kz-store-records.c
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

/* Reading and writing records and links.  Every statement is prepared
 * once and cached; values are always bound, never spliced into SQL. */

static char *columns[KZ_N_KINDS];
static char *upserts[KZ_N_KINDS];

static char *
build_columns (const KzKindInfo *info,
               const char       *prefix)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%suuid, %screated, %smodified, %sdeleted",
                          prefix, prefix, prefix, prefix);
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (s, ", %s%s", prefix, info->fields[i].name);

  return g_string_free (s, FALSE);
}

static char *
build_upsert (const KzKindInfo *info)
{
  g_autofree char *cols = build_columns (info, "");
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO %s (%s) VALUES (?", info->table, cols);
  for (guint i = 1; i < info->n_fields + 4; i++)
    g_string_append (s, ", ?");
  g_string_append (s, ") ON CONFLICT (uuid) DO UPDATE SET modified = excluded.modified, "
                      "deleted = excluded.deleted");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (s, ", %s = excluded.%s", info->fields[i].name, info->fields[i].name);

  return g_string_free (s, FALSE);
}

static void
init_sql (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint k = 0; k < KZ_N_KINDS; k++)
        {
          columns[k] = build_columns (kz_kind_get_info (k), "r.");
          upserts[k] = build_upsert (kz_kind_get_info (k));
        }
      g_once_init_leave (&once, 1);
    }
}

const char *
_kz_store_columns (KzKind kind)
{
  init_sql ();
  return columns[kind];
}

static void
read_value (KzRecord      *record,
            const KzField *f,
            sqlite3_stmt  *stmt,
            int            col)
{
  const char *text;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return;

  switch (f->type)
    {
    case KZ_FIELD_INT:
    case KZ_FIELD_MONEY:
    case KZ_FIELD_BOOL:
      kz_record_set_int (record, f->name, sqlite3_column_int64 (stmt, col));
      break;
    case KZ_FIELD_NUMBER:
      kz_record_set_number (record, f->name, sqlite3_column_double (stmt, col));
      break;
    case KZ_FIELD_LIST:
      {
        /* Lists are kept one item a line: ids and tags never hold newlines. */
        g_auto(GStrv) items = g_strsplit ((const char *)sqlite3_column_text (stmt, col), "\n", -1);

        kz_record_set_list (record, f->name, (const char * const *)items);
      }
      break;
    default:
      text = (const char *)sqlite3_column_text (stmt, col);
      kz_record_set_string (record, f->name, text);
      break;
    }
}

KzRecord *
_kz_store_read_record (KzKind        kind,
                       sqlite3_stmt *stmt,
                       int           first)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  KzRecord *record;

  record = kz_record_new_with_uuid (kind, (const char *)sqlite3_column_text (stmt, first));
  kz_record_set_created (record, sqlite3_column_int64 (stmt, first + 1));
  kz_record_set_modified (record, sqlite3_column_int64 (stmt, first + 2));
  kz_record_set_deleted (record, sqlite3_column_int (stmt, first + 3));

  for (guint i = 0; i < info->n_fields; i++)
    read_value (record, &info->fields[i], stmt, first + 4 + i);

  return record;
}

GListModel *
_kz_store_collect (KzStore       *self,
                   KzKind         kind,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _kz_store_read_record (kind, stmt, 0));

  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      return NULL;
    }

  store = g_list_store_new (KZ_TYPE_RECORD);
  g_list_store_splice (store, 0, 0, records->pdata, records->len);
  return G_LIST_MODEL (store);
}

static GListModel *
query_list (KzStore     *self,
            KzKind       kind,
            const char  *sql,
            const char  *arg,
            GError     **error)
{
  GListModel *result = NULL;
  sqlite3_stmt *stmt;

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, error)))
    {
      if (arg != NULL)
        sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
      result = _kz_store_collect (self, kind, stmt, error);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return result;
}

static const char *
title_column (KzKind kind)
{
  const KzKindInfo *info = kz_kind_get_info (kind);

  return info->fields[info->title_field].name;
}

GListModel *
kz_store_list (KzStore  *self,
               KzKind    kind,
               GError  **error)
{
  const KzKindInfo *info;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  info = kz_kind_get_info (kind);
  sql = g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.deleted = 0 ORDER BY r.%s COLLATE NOCASE",
                         _kz_store_columns (kind), info->table, title_column (kind));

  return query_list (self, kind, sql, NULL, error);
}

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GListModel *model = kz_store_list (source_object, GPOINTER_TO_UINT (task_data), &error);

  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

void
kz_store_list_async (KzStore             *self,
                     KzKind               kind,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_STORE (self));
  g_return_if_fail (kind < KZ_N_KINDS);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_store_list_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (kind), NULL);
  g_task_run_in_thread (task, list_worker);
}

GListModel *
kz_store_list_finish (KzStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GListModel *
kz_store_list_by_ref (KzStore     *self,
                      KzKind       kind,
                      const char  *field,
                      const char  *uuid,
                      GError     **error)
{
  const KzField *f;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  f = kz_kind_get_field (kind, field);
  g_return_val_if_fail (f != NULL && f->type == KZ_FIELD_REF, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.deleted = 0 AND r.%s = ?1 "
                         "ORDER BY r.%s COLLATE NOCASE",
                         _kz_store_columns (kind), kz_kind_get_info (kind)->table,
                         field, title_column (kind));

  return query_list (self, kind, sql, uuid, error);
}

GListModel *
kz_store_list_linked (KzStore     *self,
                      KzLink       link,
                      const char  *uuid,
                      gboolean     from_a,
                      GError     **error)
{
  const KzLinkInfo *info;
  g_autofree char *sql = NULL;
  KzKind other;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (link < KZ_N_LINKS, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  info = kz_link_get_info (link);
  other = from_a ? info->b_kind : info->a_kind;
  sql = g_strdup_printf ("SELECT %s FROM %s AS r JOIN %s AS l ON l.%s = r.uuid "
                         "WHERE l.%s = ?1 AND l.deleted = 0 AND r.deleted = 0 "
                         "ORDER BY r.%s COLLATE NOCASE",
                         _kz_store_columns (other), kz_kind_get_info (other)->table,
                         info->table,
                         from_a ? info->b_column : info->a_column,
                         from_a ? info->a_column : info->b_column,
                         title_column (other));

  return query_list (self, other, sql, uuid, error);
}

KzRecord *
kz_store_get (KzStore     *self,
              KzKind       kind,
              const char  *uuid,
              GError     **error)
{
  g_autofree char *sql = NULL;
  KzRecord *record = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.uuid = ?1",
                         _kz_store_columns (kind), kz_kind_get_info (kind)->table);

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, error)))
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = _kz_store_read_record (kind, stmt, 0);
      else
        g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NOT_FOUND,
                     _("There is no %s with the id “%s”."),
                     kz_kind_get_info (kind)->name, uuid);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return record;
}

static void
bind_value (sqlite3_stmt  *stmt,
            int            col,
            KzRecord      *record,
            const KzField *f)
{
  if (!kz_record_is_set (record, f->name))
    {
      sqlite3_bind_null (stmt, col);
      return;
    }

  switch (f->type)
    {
    case KZ_FIELD_INT:
    case KZ_FIELD_MONEY:
    case KZ_FIELD_BOOL:
      sqlite3_bind_int64 (stmt, col, kz_record_get_int (record, f->name));
      break;
    case KZ_FIELD_NUMBER:
      sqlite3_bind_double (stmt, col, kz_record_get_number (record, f->name));
      break;
    case KZ_FIELD_LIST:
      sqlite3_bind_text (stmt, col, g_strjoinv ("\n", (char **)kz_record_get_list (record, f->name)),
                         -1, g_free);
      break;
    default:
      sqlite3_bind_text (stmt, col, kz_record_get_string (record, f->name), -1, SQLITE_TRANSIENT);
      break;
    }
}

gboolean
_kz_store_write_record (KzStore   *self,
                        KzRecord  *record,
                        GError   **error)
{
  KzKind kind = kz_record_get_kind (record);
  const KzKindInfo *info = kz_kind_get_info (kind);
  sqlite3_stmt *stmt;

  init_sql ();
  if (!(stmt = _kz_store_prepare (self, upserts[kind], error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, kz_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, kz_record_get_created (record));
  sqlite3_bind_int64 (stmt, 3, kz_record_get_modified (record));
  sqlite3_bind_int (stmt, 4, kz_record_get_deleted (record));
  for (guint i = 0; i < info->n_fields; i++)
    bind_value (stmt, 5 + i, record, &info->fields[i]);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  _kz_store_note_change (self, kind, kz_record_get_uuid (record));
  return TRUE;
}

gboolean
kz_store_save (KzStore   *self,
               KzRecord  *record,
               GError   **error)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(KzRecord) old = NULL;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (KZ_IS_RECORD (record), FALSE);

  if (!kz_record_validate (record, &invalid))
    {
      g_set_error_literal (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID, invalid->message);
      return FALSE;
    }

  if (!kz_store_begin (self, error))
    return FALSE;

  old = kz_store_get (self, kz_record_get_kind (record), kz_record_get_uuid (record), NULL);
  kz_record_set_created (record, old ? kz_record_get_created (old) : now);
  kz_record_set_modified (record, MAX (now, kz_record_get_modified (old ? old : record) + 1));

  if (!_kz_store_check_rules (self, record, error) ||
      !_kz_store_write_record (self, record, error) ||
      !_kz_store_track_save (self, old, record, error))
    {
      kz_store_rollback (self);
      return FALSE;
    }

  return kz_store_commit (self, error);
}

static gboolean
write_deleted (KzStore     *self,
               KzRecord    *record,
               gboolean     deleted,
               GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  sql = g_strdup_printf ("UPDATE %s SET deleted = ?2, modified = max(?3, modified + 1) "
                         "WHERE uuid = ?1", kz_record_get_info (record)->table);
  if (!(stmt = _kz_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, kz_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, deleted);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return ok && _kz_store_track_deleted (self, record, deleted, error);
}

static gboolean
set_deleted (KzStore     *self,
             KzKind       kind,
             const char  *uuid,
             gboolean     deleted,
             GError     **error)
{
  g_autoptr(KzRecord) record = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < KZ_N_KINDS, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!kz_store_begin (self, error))
    return FALSE;

  if (!(record = kz_store_get (self, kind, uuid, error)) ||
      (kz_record_get_deleted (record) != !!deleted &&
       !write_deleted (self, record, deleted, error)))
    {
      kz_store_rollback (self);
      return FALSE;
    }

  _kz_store_note_change (self, kind, uuid);
  return kz_store_commit (self, error);
}

gboolean
kz_store_delete (KzStore     *self,
                 KzKind       kind,
                 const char  *uuid,
                 GError     **error)
{
  return set_deleted (self, kind, uuid, TRUE, error);
}

gboolean
kz_store_restore (KzStore     *self,
                  KzKind       kind,
                  const char  *uuid,
                  GError     **error)
{
  return set_deleted (self, kind, uuid, FALSE, error);
}
