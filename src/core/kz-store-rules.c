/* kz-store-rules.c
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

/* Rules that need more than one record, the trash and purging. */

static gint64
registered_elsewhere (KzStore    *self,
                      const char *training,
                      const char *except)
{
  sqlite3_stmt *stmt;
  gint64 total = 0;

  stmt = _kz_store_prepare (self, "SELECT total(participants) FROM registrations "
                                  "WHERE training_id = ?1 AND uuid != ?2 AND deleted = 0", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, training, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, except ? except : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return total;
}

static gboolean
check_registration (KzStore   *self,
                    KzRecord  *registration,
                    GError   **error)
{
  const char *training_id = kz_record_get_string (registration, "training_id");
  g_autoptr(KzRecord) training = kz_store_get (self, KZ_KIND_TRAINING, training_id, NULL);
  gint64 others, capacity;

  if (training == NULL || !kz_record_is_set (training, "capacity") ||
      kz_record_get_deleted (registration))
    return TRUE;

  capacity = kz_record_get_int (training, "capacity");
  others = registered_elsewhere (self, training_id, kz_record_get_uuid (registration));

  if (others + kz_record_get_int (registration, "participants") > capacity)
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Only %d place is left in “%s”.",
                                "Only %d places are left in “%s”.",
                                (int)MAX (0, capacity - others)),
                   (int)MAX (0, capacity - others), kz_record_get_title (training));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_training (KzStore   *self,
                KzRecord  *training,
                GError   **error)
{
  gint64 registered;

  if (!kz_record_is_set (training, "capacity"))
    return TRUE;

  registered = registered_elsewhere (self, kz_record_get_uuid (training), NULL);
  if (registered > kz_record_get_int (training, "capacity"))
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID,
                   _("The capacity cannot be below the %d participants already registered."),
                   (int)registered);
      return FALSE;
    }

  return TRUE;
}

/* Called by kz_store_save() inside its transaction. */
gboolean
_kz_store_check_rules (KzStore   *self,
                       KzRecord  *record,
                       GError   **error)
{
  switch (kz_record_get_kind (record))
    {
    case KZ_KIND_REGISTRATION:
      return check_registration (self, record, error);
    case KZ_KIND_TRAINING:
      return check_training (self, record, error);
    default:
      return TRUE;
    }
}

GListModel *
kz_store_list_deleted (KzStore     *self,
                       KzKind       kind,
                       GError     **error)
{
  const KzKindInfo *info;
  g_autofree char *sql = NULL;
  g_autofree char *parent = NULL;
  GListModel *result = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  info = kz_kind_get_info (kind);
  if (info->parent_field >= 0)
    {
      const KzField *pf = &info->fields[info->parent_field];

      parent = g_strdup_printf ("AND EXISTS (SELECT 1 FROM %s AS p WHERE p.uuid = r.%s AND p.deleted = 0)",
                                kz_kind_get_info (pf->ref_kind)->table, pf->name);
    }

  /* A purged record keeps only its tombstone: its title is gone. */
  sql = g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.deleted = 1 AND r.%s IS NOT NULL %s "
                         "ORDER BY r.modified DESC",
                         _kz_store_columns (kind), info->table,
                         info->fields[info->title_field].name, parent ? parent : "");

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, error)))
    {
      result = _kz_store_collect (self, kind, stmt, error);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return result;
}

static gboolean purge_record (KzStore *self, KzKind kind, const char *uuid, GError **error);

static gboolean
purge_children (KzStore     *self,
                KzKind       parent_kind,
                const char  *uuid,
                GError     **error)
{
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);
      g_autoptr(GListModel) children = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);

      if (info->parent_field < 0 || info->fields[info->parent_field].ref_kind != parent_kind)
        continue;

      sql = g_strdup_printf ("SELECT uuid FROM %s WHERE %s = ?1", info->table,
                             info->fields[info->parent_field].name);
      if (!(stmt = _kz_store_prepare (self, sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (uuids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);

      for (guint i = 0; i < uuids->len; i++)
        if (!purge_record (self, k, uuids->pdata[i], error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
purge_record (KzStore     *self,
              KzKind       kind,
              const char  *uuid,
              GError     **error)
{
  g_autoptr(KzRecord) record = kz_store_get (self, kind, uuid, error);
  g_autoptr(KzRecord) tombstone = NULL;
  g_autofree char *forget = NULL;

  if (record == NULL)
    return FALSE;

  /* Children keep their reference column (foreign keys), nothing else. */
  tombstone = kz_record_new_with_uuid (kind, uuid);
  kz_record_set_created (tombstone, kz_record_get_created (record));
  kz_record_set_modified (tombstone, g_get_real_time ());
  kz_record_set_deleted (tombstone, TRUE);
  if (kz_record_get_info (record)->parent_field >= 0)
    {
      const KzField *pf = &kz_record_get_info (record)->fields[kz_record_get_info (record)->parent_field];
      kz_record_set_string (tombstone, pf->name, kz_record_get_string (record, pf->name));
    }

  forget = g_strdup_printf ("DELETE FROM history WHERE uuid = '%s';", uuid);
  if (!g_uuid_string_is_valid (uuid) ||
      !_kz_store_write_record (self, tombstone, error) ||
      !_kz_store_index_record (self, tombstone, error) ||
      !_kz_store_exec (self, forget, error))
    return FALSE;

  return purge_children (self, kind, uuid, error);
}

gboolean
kz_store_purge (KzStore     *self,
                KzKind       kind,
                const char  *uuid,
                GError     **error)
{
  g_autoptr(KzRecord) record = NULL;

  g_return_val_if_fail (KZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < KZ_N_KINDS, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!kz_store_begin (self, error))
    return FALSE;

  if (!(record = kz_store_get (self, kind, uuid, error)))
    goto fail;

  if (!kz_record_get_deleted (record))
    {
      g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID,
                   _("Only records in the trash can be removed for good."));
      goto fail;
    }

  if (!purge_record (self, kind, uuid, error))
    goto fail;

  return kz_store_commit (self, error);

fail:
  kz_store_rollback (self);
  return FALSE;
}

GListModel *
kz_store_list_expired_contacts (KzStore     *self,
                                const char  *today,
                                GError     **error)
{
  g_autofree char *sql = NULL;
  GListModel *result = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM contacts AS r WHERE r.deleted = 0 AND r.deletion_date < ?1 "
                         "ORDER BY r.deletion_date", _kz_store_columns (KZ_KIND_CONTACT));

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, error)))
    {
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
      result = _kz_store_collect (self, KZ_KIND_CONTACT, stmt, error);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return result;
}

static gboolean
is_field_of_type (KzKind       kind,
                  const char  *field,
                  KzFieldType  type)
{
  const KzField *f = kz_kind_get_field (kind, field);

  return f != NULL && f->type == type;
}

guint
kz_store_count_overdue (KzStore    *self,
                        KzKind      kind,
                        const char *date_field,
                        const char *done_field,
                        const char *today)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (KZ_IS_STORE (self), 0);
  g_return_val_if_fail (kind < KZ_N_KINDS, 0);
  g_return_val_if_fail (is_field_of_type (kind, date_field, KZ_FIELD_DATE), 0);
  g_return_val_if_fail (is_field_of_type (kind, done_field, KZ_FIELD_BOOL), 0);
  g_return_val_if_fail (today != NULL, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0 AND coalesce(%s, 0) = 0 "
                         "AND %s < ?1", kz_kind_get_info (kind)->table, done_field, date_field);

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return count;
}

GListModel *
kz_store_list_upcoming (KzStore     *self,
                        KzKind       kind,
                        const char  *date_field,
                        const char  *from,
                        guint        limit,
                        GError     **error)
{
  g_autofree char *sql = NULL;
  GListModel *result = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KZ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (is_field_of_type (kind, date_field, KZ_FIELD_DATE), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s AS r WHERE r.deleted = 0 AND r.%s >= ?1 "
                         "ORDER BY r.%s, r.uuid LIMIT ?2",
                         _kz_store_columns (kind), kz_kind_get_info (kind)->table,
                         date_field, date_field);

  _kz_store_lock (self);
  if ((stmt = _kz_store_prepare (self, sql, error)))
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, limit > 0 ? (int)limit : -1);
      result = _kz_store_collect (self, kind, stmt, error);
      sqlite3_reset (stmt);
    }
  _kz_store_unlock (self);

  return result;
}
