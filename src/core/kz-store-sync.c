/* kz-store-sync.c
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

#include <glib/gi18n-lib.h>

#include "kz-store-private.h"
#include "kz-store-sync.h"

void
kz_pending_change_free (KzPendingChange *change)
{
  if (change == NULL)
    return;

  g_free (change->change_id);
  g_free (change->kind);
  g_free (change->uuid);
  g_free (change->field);
  g_free (change->value);
  g_free (change->link);
  g_free (change->a);
  g_free (change->b);
  g_free (change);
}

void
kz_conflict_free (KzConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->id);
  g_free (conflict->kind);
  g_free (conflict->uuid);
  g_free (conflict->field);
  g_free (conflict->base_value);
  g_free (conflict->server_value);
  g_free (conflict->client_value);
  g_free (conflict->server_author);
  g_free (conflict->client_author);
  g_free (conflict);
}

KzConflict *
kz_conflict_copy (const KzConflict *c)
{
  KzConflict *copy = g_new0 (KzConflict, 1);

  copy->id = g_strdup (c->id);
  copy->kind = g_strdup (c->kind);
  copy->uuid = g_strdup (c->uuid);
  copy->field = g_strdup (c->field);
  copy->base_value = g_strdup (c->base_value);
  copy->server_value = g_strdup (c->server_value);
  copy->client_value = g_strdup (c->client_value);
  copy->server_author = g_strdup (c->server_author);
  copy->client_author = g_strdup (c->client_author);
  copy->created = c->created;

  return copy;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, col));
}

static gint64
query_int (KzStore    *self,
           const char *sql,
           const char *arg1,
           const char *arg2)
{
  sqlite3_stmt *stmt = _kz_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_STATIC);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

static gint64
base_version (KzStore    *self,
              const char *uuid,
              const char *field)
{
  if (g_str_equal (field, "deleted"))
    return query_int (self, "SELECT max(version) FROM sync_versions WHERE uuid = ?1", uuid, NULL);

  /* A row for "*" holds the version at which the server had the whole
   * record as this portfolio has it (a first upload). */
  return query_int (self, "SELECT max(version) FROM sync_versions WHERE uuid = ?1 AND field IN (?2, '*')",
                    uuid, field);
}

/* Fills in the current value of a pending field change. */
static gboolean
complete_field_change (KzStore         *self,
                       KzPendingChange *change,
                       GHashTable      *records)
{
  KzRecord *record = g_hash_table_lookup (records, change->uuid);
  KzKind kind;

  if (record == NULL)
    {
      if (!kz_kind_from_name (change->kind, &kind) ||
          !(record = kz_store_get (self, kind, change->uuid, NULL)))
        return FALSE;
      g_hash_table_insert (records, g_strdup (change->uuid), record);
    }

  if (g_str_equal (change->field, "deleted"))
    change->value = g_strdup (kz_record_get_deleted (record) ? "true" : "false");
  else if (kz_kind_find_field (kz_record_get_kind (record), change->field) >= 0)
    change->value = kz_record_dup_text (record, change->field);
  else
    return FALSE;

  change->base = base_version (self, change->uuid, change->field);
  return TRUE;
}

static void
complete_link_change (KzStore         *self,
                      KzPendingChange *change)
{
  const KzLinkInfo *info;
  g_autofree char *sql = NULL;
  KzLink link;

  if (!kz_link_from_name (change->link, &link))
    return;

  info = kz_link_get_info (link);
  sql = g_strdup_printf ("SELECT deleted FROM %s WHERE %s = ?1 AND %s = ?2",
                         info->table, info->a_column, info->b_column);
  change->link_deleted = query_int (self, sql, change->a, change->b) != 0;
}

static KzPendingChange *
read_pending (sqlite3_stmt *stmt)
{
  KzPendingChange *change = g_new0 (KzPendingChange, 1);

  change->change_id = dup_column (stmt, 0);
  change->kind = dup_column (stmt, 1);
  change->uuid = dup_column (stmt, 2);
  change->field = dup_column (stmt, 3);
  change->link = dup_column (stmt, 4);
  change->a = dup_column (stmt, 5);
  change->b = dup_column (stmt, 6);

  return change;
}

static gboolean
collect_pending (KzStore     *self,
                 const char  *sql,
                 guint        limit,
                 GPtrArray   *changes,
                 GError     **error)
{
  sqlite3_stmt *stmt = _kz_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, limit > 0 ? (int)limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KzPendingChange *change = read_pending (stmt);

      change->base = sqlite3_column_int64 (stmt, 7);  /* the time, for merging */
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  const KzPendingChange *x = *(KzPendingChange **)a;
  const KzPendingChange *y = *(KzPendingChange **)b;

  if (x->base != y->base)
    return x->base < y->base ? -1 : 1;
  return g_strcmp0 (x->change_id, y->change_id);
}

GPtrArray *
kz_store_get_pending (KzStore  *self,
                      guint     limit,
                      GError  **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_pending_change_free);
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gboolean read_only;
  gboolean ok;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);

  /* Two indexed queries, merged by time: fields before the links that
   * were made after them, so the server learns of records first.  All
   * in one read transaction: otherwise each of the many small queries
   * below takes and drops the file's locks on its own. */
  _kz_store_lock (self);
  read_only = sqlite3_get_autocommit (_kz_store_db (self)) &&
              _kz_store_exec (self, "BEGIN DEFERRED;", NULL);
  ok = collect_pending (self, "SELECT change_id, kind, uuid, field, NULL, NULL, NULL, time "
                              "FROM sync_fields ORDER BY time, change_id LIMIT ?1",
                        limit, changes, error) &&
       collect_pending (self, "SELECT change_id, NULL, NULL, NULL, link, a, b, time "
                              "FROM sync_links ORDER BY time, change_id LIMIT ?1",
                        limit, changes, error);

  if (ok)
    {
      g_ptr_array_sort (changes, compare_time);
      if (limit > 0 && changes->len > limit)
        g_ptr_array_set_size (changes, limit);
    }

  for (guint i = 0; ok && i < changes->len; i++)
    {
      KzPendingChange *change = changes->pdata[i];

      change->base = 0;
      if (change->link != NULL)
        complete_link_change (self, change);
      else if (!complete_field_change (self, change, records))
        g_warning ("Pending change %s of %s is for a field this version does not know",
                   change->change_id, change->uuid);
    }
  if (read_only)
    _kz_store_exec (self, "COMMIT;", NULL);
  _kz_store_unlock (self);

  return ok ? g_steal_pointer (&changes) : NULL;
}

static gboolean
run (KzStore     *self,
     const char  *sql,
     const char  *a,
     const char  *b,
     gint64       n,
     GError     **error)
{
  sqlite3_stmt *stmt = _kz_store_prepare (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  if (n != 0)
    sqlite3_bind_int64 (stmt, 3, n);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return ok;
}

static gboolean
set_version (KzStore     *self,
             const char  *uuid,
             const char  *field,
             gint64       version,
             GError     **error)
{
  return run (self, "INSERT INTO sync_versions (uuid, field, version) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT DO UPDATE SET version = max(version, excluded.version)",
              uuid, field, version, error);
}

gboolean
kz_store_ack_change (KzStore                *self,
                     const KzPendingChange  *change,
                     gint64                  version,
                     GError                **error)
{
  gboolean ok;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL && change->change_id != NULL, FALSE);

  if (!kz_store_begin (self, error))
    return FALSE;

  if (change->link != NULL)
    ok = run (self, "DELETE FROM sync_links WHERE change_id = ?1", change->change_id, NULL, 0, error);
  else
    ok = run (self, "DELETE FROM sync_fields WHERE change_id = ?1", change->change_id, NULL, 0, error) &&
         run (self, "DELETE FROM sync_shadow WHERE uuid = ?1 AND field = ?2",
              change->uuid, change->field, 0, error) &&
         (version <= 0 || set_version (self, change->uuid, change->field, version, error));

  if (!ok)
    {
      kz_store_rollback (self);
      return FALSE;
    }

  return kz_store_commit (self, error);
}

static gboolean apply_shadow (KzStore *self, const KzPendingChange *change, GError **error);

gboolean
kz_store_reject_change (KzStore                *self,
                        const KzPendingChange  *change,
                        GError                **error)
{
  gboolean ok;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL && change->change_id != NULL, FALSE);

  if (change->link != NULL)
    return kz_store_ack_change (self, change, 0, error);

  if (!kz_store_begin (self, error))
    return FALSE;

  ok = run (self, "DELETE FROM sync_fields WHERE change_id = ?1", change->change_id, NULL, 0, error) &&
       apply_shadow (self, change, error);

  if (!ok)
    {
      kz_store_rollback (self);
      return FALSE;
    }

  return kz_store_commit (self, error);
}

static gboolean
is_pending (KzStore    *self,
            const char *uuid,
            const char *field)
{
  return query_int (self, "SELECT count(*) FROM sync_fields WHERE uuid = ?1 AND field = ?2",
                    uuid, field) > 0;
}

/* Sets one remote field on @record; returns FALSE on a value that does
 * not parse.  *@changed tells whether the value differs. */
static gboolean
merge_field (KzRecord             *record,
             const KzRemoteField  *rf,
             gboolean             *changed,
             char                **before,
             GError              **error)
{
  g_autofree char *after = NULL;

  if (g_str_equal (rf->field, "deleted"))
    {
      gboolean deleted = g_strcmp0 (rf->value, "true") == 0;

      *before = g_strdup (kz_record_get_deleted (record) ? "true" : "false");
      *changed = deleted != kz_record_get_deleted (record);
      kz_record_set_deleted (record, deleted);
      return TRUE;
    }

  *before = kz_record_dup_text (record, rf->field);
  if (!kz_record_set_text (record, rf->field, rf->value, error))
    return FALSE;

  after = kz_record_dup_text (record, rf->field);
  *changed = g_strcmp0 (*before, after) != 0;
  return TRUE;
}

static gboolean
keep_shadow (KzStore              *self,
             const char           *kind,
             const char           *uuid,
             const KzRemoteField  *rf,
             GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _kz_store_prepare (self, "INSERT OR REPLACE INTO sync_shadow (uuid, field, kind, value, "
                                  "version, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rf->field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, rf->value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rf->version);
  sqlite3_bind_text (stmt, 6, rf->author, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return ok;
}

static gboolean
apply_fields (KzStore              *self,
              KzRecord             *record,
              gboolean              is_new,
              const KzRemoteField  *fields,
              guint                 n_fields,
              GError              **error)
{
  const char *kind = kz_record_get_info (record)->name;
  const char *uuid = kz_record_get_uuid (record);
  /* Without a local edit pending, the record's state as pulled is the
   * base of every field: one version for the whole record ("*"). */
  gboolean any_pending = query_int (self, "SELECT EXISTS (SELECT 1 FROM sync_fields WHERE uuid = ?1)",
                                    uuid, NULL) != 0;
  gint64 whole = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      const KzRemoteField *rf = &fields[i];
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gboolean changed = FALSE;

      if (any_pending && is_pending (self, uuid, rf->field))
        {
          if (!keep_shadow (self, kind, uuid, rf, error))
            return FALSE;
          continue;
        }

      whole = MAX (whole, rf->version);
      if (!merge_field (record, rf, &changed, &before, error) ||
          (any_pending && rf->version > 0 && !set_version (self, uuid, rf->field, rf->version, error)))
        return FALSE;

      if (!changed || is_new)
        continue;

      after = g_str_equal (rf->field, "deleted") ? g_strdup (rf->value)
                                                 : kz_record_dup_text (record, rf->field);
      if (!_kz_store_add_history (self, kind, uuid, rf->field, before, after, rf->author, error))
        return FALSE;
    }

  return any_pending || whole <= 0 || set_version (self, uuid, "*", whole, error);
}

gboolean
kz_store_apply_remote_record (KzStore              *self,
                              KzKind                kind,
                              const char           *uuid,
                              const KzRemoteField  *fields,
                              guint                 n_fields,
                              GError              **error)
{
  g_autoptr(KzRecord) record = NULL;
  gint64 now = g_get_real_time ();
  gboolean is_new;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < KZ_N_KINDS, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!kz_store_begin (self, error))
    return FALSE;

  record = kz_store_get (self, kind, uuid, NULL);
  if ((is_new = record == NULL))
    {
      record = kz_record_new_with_uuid (kind, uuid);
      kz_record_set_created (record, now);
    }
  kz_record_set_modified (record, MAX (now, kz_record_get_modified (record) + 1));

  if (!apply_fields (self, record, is_new, fields, n_fields, error) ||
      (is_new && !_kz_store_add_history (self, kz_kind_get_info (kind)->name, uuid, "*", NULL,
                                         kz_record_get_title (record),
                                         n_fields > 0 ? fields[0].author : NULL, error)) ||
      !_kz_store_write_record (self, record, error))
    {
      kz_store_rollback (self);
      return FALSE;
    }

  _kz_store_defer_index (self, record);
  _kz_store_note_change (self, kind, uuid);
  return kz_store_commit (self, error);
}

static gboolean
apply_shadow (KzStore                *self,
              const KzPendingChange  *change,
              GError                **error)
{
  sqlite3_stmt *stmt;
  KzRemoteField rf = { 0 };
  g_autofree char *value = NULL;
  g_autofree char *author = NULL;
  gboolean found = FALSE;
  KzKind kind;

  stmt = _kz_store_prepare (self, "SELECT value, version, author FROM sync_shadow "
                                  "WHERE uuid = ?1 AND field = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, change->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->field, -1, SQLITE_STATIC);
  if ((found = sqlite3_step (stmt) == SQLITE_ROW))
    {
      value = dup_column (stmt, 0);
      rf.version = sqlite3_column_int64 (stmt, 1);
      author = dup_column (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (!found || !kz_kind_from_name (change->kind, &kind))
    return TRUE;

  rf.field = change->field;
  rf.value = value;
  rf.author = author;

  /* Only if the field was not edited again since. */
  if (is_pending (self, change->uuid, change->field))
    return TRUE;

  return run (self, "DELETE FROM sync_shadow WHERE uuid = ?1 AND field = ?2",
              change->uuid, change->field, 0, error) &&
         kz_store_apply_remote_record (self, kind, change->uuid, &rf, 1, error);
}

gboolean
kz_store_apply_remote_link (KzStore     *self,
                            KzLink       link,
                            const char  *a,
                            const char  *b,
                            gboolean     deleted,
                            GError     **error)
{
  const KzLinkInfo *info;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (link < KZ_N_LINKS, FALSE);

  info = kz_link_get_info (link);
  sql = g_strdup_printf ("INSERT INTO %s (%s, %s, created, modified, deleted) VALUES (?1, ?2, ?3, ?3, ?4) "
                         "ON CONFLICT DO UPDATE SET deleted = excluded.deleted, modified = excluded.modified "
                         "WHERE NOT EXISTS (SELECT 1 FROM sync_links WHERE link = ?5 AND a = ?1 AND b = ?2)",
                         info->table, info->a_column, info->b_column);

  if (!kz_store_begin (self, error))
    return FALSE;

  if ((stmt = _kz_store_prepare (self, sql, error)))
    {
      sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
      sqlite3_bind_int (stmt, 4, deleted);
      sqlite3_bind_text (stmt, 5, info->name, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _kz_store_set_error (self, error);
      sqlite3_reset (stmt);
    }

  if (!ok)
    {
      kz_store_rollback (self);
      return FALSE;
    }

  _kz_store_note_change (self, info->a_kind, a);
  _kz_store_note_change (self, info->b_kind, b);
  return kz_store_commit (self, error);
}

gint64
kz_store_get_sync_cursor (KzStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), 0);

  value = _kz_store_meta_get (self, "sync_cursor");
  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

gboolean
kz_store_set_sync_cursor (KzStore  *self,
                          gint64    cursor,
                          GError  **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);

  return _kz_store_meta_set (self, "sync_cursor", value, error);
}

static gboolean
insert_conflict (KzStore           *self,
                 const KzConflict  *c,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  const char *texts[] = {
    c->id, c->kind, c->uuid, c->field, c->base_value, c->server_value,
    c->client_value, c->server_author, c->client_author,
  };
  gboolean ok;

  stmt = _kz_store_prepare (self, "INSERT OR REPLACE INTO sync_conflicts (id, kind, uuid, field, "
                                  "base_value, server_value, client_value, server_author, "
                                  "client_author, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    sqlite3_bind_text (stmt, i + 1, texts[i], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, c->created);

  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return ok;
}

gboolean
kz_store_replace_conflicts (KzStore    *self,
                            GPtrArray  *conflicts,
                            GError    **error)
{
  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (conflicts != NULL, FALSE);

  if (!kz_store_begin (self, error))
    return FALSE;

  if (!_kz_store_exec (self, "DELETE FROM sync_conflicts;", error))
    goto fail;

  for (guint i = 0; i < conflicts->len; i++)
    if (!insert_conflict (self, conflicts->pdata[i], error))
      goto fail;

  return kz_store_commit (self, error);

fail:
  kz_store_rollback (self);
  return FALSE;
}

GPtrArray *
kz_store_list_conflicts (KzStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);

  _kz_store_lock (self);
  stmt = _kz_store_prepare (self, "SELECT id, kind, uuid, field, base_value, server_value, "
                                  "client_value, server_author, client_author, created "
                                  "FROM sync_conflicts ORDER BY created, id", error);
  if (stmt == NULL)
    {
      _kz_store_unlock (self);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KzConflict *c = g_new0 (KzConflict, 1);

      c->id = dup_column (stmt, 0);
      c->kind = dup_column (stmt, 1);
      c->uuid = dup_column (stmt, 2);
      c->field = dup_column (stmt, 3);
      c->base_value = dup_column (stmt, 4);
      c->server_value = dup_column (stmt, 5);
      c->client_value = dup_column (stmt, 6);
      c->server_author = dup_column (stmt, 7);
      c->client_author = dup_column (stmt, 8);
      c->created = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      _kz_store_set_error (self, error);
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  _kz_store_unlock (self);

  return g_steal_pointer (&list);
}
