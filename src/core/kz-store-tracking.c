/* kz-store-tracking.c
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

/* What every write leaves behind besides the record itself, in the
 * same transaction: a history entry per changed field, a note of the
 * field for the next sync while sync is enabled, and the record's
 * entry in the full-text index. */

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

char *
_kz_store_meta_get (KzStore    *self,
                    const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return value;
}

gboolean
_kz_store_meta_set (KzStore     *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error)))
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      ok = step_done (self, stmt, error);
    }
  _kz_store_unlock (self);

  return ok;
}

gboolean
_kz_store_add_history (KzStore     *self,
                       const char  *kind,
                       const char  *uuid,
                       const char  *field,
                       const char  *old_value,
                       const char  *new_value,
                       const char  *author,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _kz_store_prepare (self, "INSERT INTO history (kind, uuid, field, old_value, new_value, "
                                  "author, time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, author, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());

  return step_done (self, stmt, error);
}

/* Notes a field for upload.  A new edit gets a new change id, so that
 * a retried push of the old value can never swallow the new one. */
static gboolean
mark_pending (KzStore     *self,
              const char  *kind,
              const char  *uuid,
              const char  *field,
              GError     **error)
{
  g_autofree char *change_id = NULL;
  sqlite3_stmt *stmt;

  if (!kz_store_get_sync_enabled (self))
    return TRUE;

  stmt = _kz_store_prepare (self, "INSERT INTO sync_fields (uuid, field, kind, change_id, time) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (uuid, field) DO UPDATE "
                                  "SET change_id = excluded.change_id, time = excluded.time", error);
  if (stmt == NULL)
    return FALSE;

  change_id = g_uuid_string_random ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());

  return step_done (self, stmt, error);
}

/* "Müller" is also found as "Mueller", "Straße" as "Strasse". */
static void
append_transliteration (GString    *out,
                        const char *text)
{
  static const struct { const char *from, *to; } map[] = {
    { "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "Ä", "Ae" }, { "Ö", "Oe" },
    { "Ü", "Ue" }, { "ß", "ss" },
  };
  g_autofree char *copy = NULL;
  gboolean any = FALSE;
  GString *s;

  for (guint i = 0; i < G_N_ELEMENTS (map) && !any; i++)
    any = strstr (text, map[i].from) != NULL;
  if (!any)
    return;

  s = g_string_new (text);
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    g_string_replace (s, map[i].from, map[i].to, 0);
  copy = g_string_free (s, FALSE);

  g_string_append_c (out, ' ');
  g_string_append (out, copy);
}

static char *
search_body (KzRecord *record)
{
  const KzKindInfo *info = kz_record_get_info (record);
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *text = NULL;

      if (i == info->title_field || !(info->fields[i].flags & KZ_FIELD_FLAG_SEARCHABLE))
        continue;
      if ((text = kz_record_dup_text (record, info->fields[i].name)))
        {
          g_string_append (body, text);
          g_string_append_c (body, ' ');
        }
    }

  append_transliteration (body, kz_record_get_title (record));
  append_transliteration (body, body->str);

  return g_string_free (body, FALSE);
}

static gint64
search_doc_id (KzStore    *self,
               const char *uuid)
{
  sqlite3_stmt *stmt = _kz_store_prepare (self, "SELECT id FROM search_docs WHERE uuid = ?1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static gboolean
unindex (KzStore     *self,
         gint64       id,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kz_store_prepare (self, "DELETE FROM search WHERE rowid = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _kz_store_prepare (self, "DELETE FROM search_docs WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

static gboolean
add_history (KzStore     *self,
             const char  *kind,
             const char  *uuid,
             const char  *field,
             const char  *old_value,
             const char  *new_value,
             GError     **error)
{
  return _kz_store_add_history (self, kind, uuid, field, old_value, new_value,
                                kz_store_get_author (self), error);
}

gboolean
_kz_store_index_record (KzStore   *self,
                        KzRecord  *record,
                        GError   **error)
{
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  gint64 id = search_doc_id (self, kz_record_get_uuid (record));

  if (id < 0)
    return _kz_store_set_error (self, error);
  if (id > 0 && !unindex (self, id, error))
    return FALSE;
  if (kz_record_get_deleted (record))
    return TRUE;

  if (!(stmt = _kz_store_prepare (self, "INSERT INTO search_docs (kind, uuid) VALUES (?1, ?2)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, kz_record_get_info (record)->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kz_record_get_uuid (record), -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (_kz_store_db (self));
  body = search_body (record);
  if (!(stmt = _kz_store_prepare (self, "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kz_record_get_title (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

/* Indexes @records (the last of each UUID) at once: first the
 * documents' rows, then the full-text rows one after another, so that
 * the full-text index keeps its pending terms in memory until the
 * transaction ends instead of writing a segment per record. */
gboolean
_kz_store_index_records (KzStore    *self,
                         GPtrArray  *records,
                         GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), records->len);
  sqlite3_stmt *stmt;

  g_array_set_size (ids, records->len);
  for (guint i = records->len; i-- > 0;)
    {
      KzRecord *record = records->pdata[i];
      gint64 id;

      if (!g_hash_table_add (seen, (gpointer)kz_record_get_uuid (record)))
        continue;
      if ((id = search_doc_id (self, kz_record_get_uuid (record))) < 0)
        return _kz_store_set_error (self, error);
      if (id > 0 && !unindex (self, id, error))
        return FALSE;
      if (kz_record_get_deleted (record))
        continue;

      if (!(stmt = _kz_store_prepare (self, "INSERT INTO search_docs (kind, uuid) VALUES (?1, ?2)", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, kz_record_get_info (record)->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kz_record_get_uuid (record), -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
      g_array_index (ids, gint64, i) = sqlite3_last_insert_rowid (_kz_store_db (self));
    }

  for (guint i = 0; i < records->len; i++)
    {
      KzRecord *record = records->pdata[i];
      g_autofree char *body = NULL;

      if (g_array_index (ids, gint64, i) == 0)
        continue;
      body = search_body (record);
      if (!(stmt = _kz_store_prepare (self, "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 2, kz_record_get_title (record), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
track_created (KzStore   *self,
               KzRecord  *record,
               GError   **error)
{
  const KzKindInfo *info = kz_record_get_info (record);
  const char *uuid = kz_record_get_uuid (record);

  if (!add_history (self, info->name, uuid, "*", NULL, kz_record_get_title (record), error))
    return FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    if (kz_record_is_set (record, info->fields[i].name) &&
        !mark_pending (self, info->name, uuid, info->fields[i].name, error))
      return FALSE;

  return TRUE;
}

gboolean
_kz_store_track_save (KzStore   *self,
                      KzRecord  *old,
                      KzRecord  *record,
                      GError   **error)
{
  const KzKindInfo *info = kz_record_get_info (record);
  const char *uuid = kz_record_get_uuid (record);

  if (old == NULL)
    {
      if (!track_created (self, record, error))
        return FALSE;
      /* Indexed with all other new records at commit. */
      if (_kz_store_is_bulk (self))
        return TRUE;
    }
  else
    {
      for (guint i = 0; i < info->n_fields; i++)
        {
          const char *field = info->fields[i].name;
          g_autofree char *before = kz_record_dup_text (old, field);
          g_autofree char *after = kz_record_dup_text (record, field);

          if (g_strcmp0 (before, after) == 0)
            continue;
          if (!add_history (self, info->name, uuid, field, before, after, error) ||
              !mark_pending (self, info->name, uuid, field, error))
            return FALSE;
        }
    }

  return _kz_store_index_record (self, record, error);
}

gboolean
_kz_store_track_deleted (KzStore   *self,
                         KzRecord  *record,
                         gboolean   deleted,
                         GError   **error)
{
  const char *kind = kz_record_get_info (record)->name;
  const char *uuid = kz_record_get_uuid (record);

  if (!add_history (self, kind, uuid, "deleted",
                    deleted ? "false" : "true", deleted ? "true" : "false", error) ||
      !mark_pending (self, kind, uuid, "deleted", error))
    return FALSE;

  kz_record_set_deleted (record, deleted);
  return _kz_store_index_record (self, record, error);
}

gboolean
_kz_store_track_link (KzStore     *self,
                      KzLink       link,
                      const char  *a,
                      const char  *b,
                      gboolean     deleted,
                      GError     **error)
{
  const KzLinkInfo *info = kz_link_get_info (link);
  g_autofree char *field = g_strconcat ("link:", info->name, NULL);
  g_autofree char *change_id = NULL;
  sqlite3_stmt *stmt;

  if (!add_history (self, kz_kind_get_info (info->a_kind)->name, a, field,
                    deleted ? b : NULL, deleted ? NULL : b, error) ||
      !add_history (self, kz_kind_get_info (info->b_kind)->name, b, field,
                    deleted ? a : NULL, deleted ? NULL : a, error))
    return FALSE;

  if (!kz_store_get_sync_enabled (self))
    return TRUE;

  stmt = _kz_store_prepare (self, "INSERT INTO sync_links (link, a, b, change_id, time) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (link, a, b) DO UPDATE "
                                  "SET change_id = excluded.change_id, time = excluded.time", error);
  if (stmt == NULL)
    return FALSE;

  change_id = g_uuid_string_random ();
  sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());

  return step_done (self, stmt, error);
}

static gint64
last_search_doc (KzStore *self)
{
  sqlite3_stmt *stmt = _kz_store_prepare (self, "SELECT coalesce(max(id), 0) FROM search_docs", NULL);
  gint64 id = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return id;
}

static gboolean
add_search_row (KzStore       *self,
                gint64         id,
                KzRecord      *record,
                GError       **error)
{
  g_autofree char *body = search_body (record);
  sqlite3_stmt *stmt;

  if (!(stmt = _kz_store_prepare (self, "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kz_record_get_title (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

/* Gives every live record of @kind without an index entry one: first
 * all documents in one statement, then the full-text rows one after
 * another, so that FTS5 merges its pending terms only once. */
static gboolean
index_new_of_kind (KzStore  *self,
                   KzKind    kind,
                   gint64    after,
                   GError  **error)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  g_autofree char *docs = NULL;
  g_autofree char *rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  docs = g_strdup_printf ("INSERT INTO search_docs (kind, uuid) SELECT '%s', r.uuid FROM %s AS r "
                          "WHERE r.deleted = 0 AND NOT EXISTS "
                          "(SELECT 1 FROM search_docs AS d WHERE d.uuid = r.uuid) ORDER BY r.rowid;",
                          info->name, info->table);
  if (!_kz_store_exec (self, docs, error))
    return FALSE;

  rows = g_strdup_printf ("SELECT d.id, %s FROM search_docs AS d JOIN %s AS r ON r.uuid = d.uuid "
                          "WHERE d.id > ?1 AND d.kind = '%s' ORDER BY d.id",
                          _kz_store_columns (kind), info->table, info->name);
  if (!(stmt = _kz_store_prepare (self, rows, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KzRecord) record = _kz_store_read_record (kind, stmt, 1);

      if (!add_search_row (self, sqlite3_column_int64 (stmt, 0), record, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    _kz_store_set_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/* Called by the commit of a bulk transaction, before it writes. */
gboolean
_kz_store_index_new_records (KzStore  *self,
                             GError  **error)
{
  gint64 after;

  /* A nested rollback has already ended the transaction. */
  if (sqlite3_get_autocommit (_kz_store_db (self)))
    return TRUE;

  if ((after = last_search_doc (self)) < 0)
    return _kz_store_set_error (self, error);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    if (!index_new_of_kind (self, k, after, error))
      return FALSE;

  return TRUE;
}

static gboolean
rebuild_search (KzStore  *self,
                GError  **error)
{
  if (!kz_store_begin (self, error))
    return FALSE;

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      g_autoptr(GListModel) records = kz_store_list (self, k, error);
      guint n;

      if (records == NULL)
        goto fail;

      n = g_list_model_get_n_items (records);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

          if (!_kz_store_index_record (self, record, error))
            goto fail;
        }
    }

  if (!_kz_store_exec (self, "DELETE FROM meta WHERE key = 'search_rebuild';", error))
    goto fail;

  return kz_store_commit (self, error);

fail:
  kz_store_rollback (self);
  return FALSE;
}

gboolean
_kz_store_load_tracking (KzStore  *self,
                         GError  **error)
{
  g_autofree char *rebuild = _kz_store_meta_get (self, "search_rebuild");
  g_autofree char *sync = _kz_store_meta_get (self, "sync_enabled");

  _kz_store_set_sync_flag (self, g_strcmp0 (sync, "1") == 0);

  if (rebuild != NULL)
    return rebuild_search (self, error);

  return TRUE;
}
