/* kz-server-storage.c
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

#define G_LOG_DOMAIN "kz-server-storage"

#include "config.h"

#include "kz-server-storage.h"

G_DEFINE_INTERFACE (KzServerStorage, kz_server_storage, G_TYPE_OBJECT)

static const char * const role_names[] = {
  [KZ_ROLE_ADMIN] = "admin",
  [KZ_ROLE_STAFF] = "staff",
  [KZ_ROLE_READER] = "reader",
};

static void
kz_server_storage_default_init (KzServerStorageInterface *iface)
{
}

const char *
kz_role_to_string (KzRole role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (role_names), NULL);

  return role_names[role];
}

gboolean
kz_role_from_string (const char *text,
                     KzRole     *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_strcmp0 (text, role_names[i]) == 0)
        {
          *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
kz_server_user_free (KzServerUser *user)
{
  if (user == NULL)
    return;

  g_free (user->name);
  g_free (user->password_hash);
  g_free (user);
}

void
kz_server_result_free (KzServerResult *result)
{
  if (result == NULL)
    return;

  g_free (result->change_id);
  g_free (result->conflict_id);
  g_free (result);
}

void
kz_server_record_state_free (KzServerRecordState *state)
{
  if (state == NULL)
    return;

  g_free (state->kind);
  g_free (state);
}

void
kz_server_field_free (KzServerField *field)
{
  if (field == NULL)
    return;

  g_free (field->name);
  g_free (field->value);
  g_free (field->author);
  g_free (field);
}

void
kz_server_record_free (KzServerRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->kind);
  g_free (record->uuid);
  g_clear_pointer (&record->fields, g_ptr_array_unref);
  g_free (record);
}

void
kz_server_link_free (KzServerLink *link)
{
  if (link == NULL)
    return;

  g_free (link->link);
  g_free (link->a);
  g_free (link->b);
  g_free (link);
}

void
kz_server_conflict_free (KzServerConflict *conflict)
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

gboolean
kz_server_storage_begin (KzServerStorage *self,
                         gboolean         write,
                         GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->begin (self, write, error);
}

gboolean
kz_server_storage_commit (KzServerStorage *self,
                          GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->commit (self, error);
}

void
kz_server_storage_rollback (KzServerStorage *self)
{
  g_return_if_fail (KZ_IS_SERVER_STORAGE (self));

  KZ_SERVER_STORAGE_GET_IFACE (self)->rollback (self);
}

gboolean
kz_server_storage_get_cursor (KzServerStorage *self,
                              gint64          *cursor,
                              GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->get_cursor (self, cursor, error);
}

gboolean
kz_server_storage_next_version (KzServerStorage *self,
                                gint64          *version,
                                GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->next_version (self, version, error);
}

gboolean
kz_server_storage_lookup_result (KzServerStorage *self,
                                 const char      *change_id,
                                 KzServerResult **result,
                                 GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->lookup_result (self, change_id, result, error);
}

gboolean
kz_server_storage_store_result (KzServerStorage      *self,
                                const KzServerResult *result,
                                const char           *author,
                                gint64                time,
                                GError              **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->store_result (self, result, author, time, error);
}

gboolean
kz_server_storage_get_record (KzServerStorage      *self,
                              const char           *uuid,
                              KzServerRecordState **state,
                              GError              **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->get_record (self, uuid, state, error);
}

gboolean
kz_server_storage_get_field (KzServerStorage *self,
                             const char      *uuid,
                             const char      *field,
                             KzServerField  **out_field,
                             GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->get_field (self, uuid, field, out_field, error);
}

gboolean
kz_server_storage_get_value_at (KzServerStorage *self,
                                const char      *uuid,
                                const char      *field,
                                gint64           version,
                                char           **value,
                                GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->get_value_at (self, uuid, field, version, value, error);
}

gboolean
kz_server_storage_find_change (KzServerStorage *self,
                               const char      *uuid,
                               const char      *field,
                               gint64           after,
                               gint64           upto,
                               char           **author,
                               GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->find_change (self, uuid, field, after, upto, author, error);
}

gboolean
kz_server_storage_write_field (KzServerStorage *self,
                               const char      *kind,
                               const char      *uuid,
                               const char      *field,
                               const char      *value,
                               gint64           version,
                               const char      *author,
                               GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->write_field (self, kind, uuid, field, value, version, author, error);
}

gboolean
kz_server_storage_take_versions (KzServerStorage *self,
                                 guint            n,
                                 gint64          *first,
                                 GError         **error)
{
  KzServerStorageInterface *iface;
  gint64 version = 0;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (n > 0, FALSE);

  iface = KZ_SERVER_STORAGE_GET_IFACE (self);
  if (iface->take_versions != NULL)
    return iface->take_versions (self, n, first, error);

  for (guint i = 0; i < n; i++)
    {
      if (!iface->next_version (self, &version, error))
        return FALSE;
      if (i == 0)
        *first = version;
    }

  return TRUE;
}

gboolean
kz_server_storage_create_record (KzServerStorage    *self,
                                 const char         *kind,
                                 const char         *uuid,
                                 const char * const *names,
                                 const char * const *values,
                                 guint               n,
                                 gint64              first_version,
                                 const char         *author,
                                 GError            **error)
{
  KzServerStorageInterface *iface;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (n > 0, FALSE);

  iface = KZ_SERVER_STORAGE_GET_IFACE (self);
  if (iface->create_record != NULL)
    return iface->create_record (self, kind, uuid, names, values, n, first_version, author, error);

  for (guint i = 0; i < n; i++)
    if (!iface->write_field (self, kind, uuid, names[i], values[i], first_version + i, author, error))
      return FALSE;

  return TRUE;
}

gboolean
kz_server_storage_write_link (KzServerStorage *self,
                              const char      *link,
                              const char      *a,
                              const char      *b,
                              gboolean         deleted,
                              gint64           version,
                              const char      *author,
                              GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->write_link (self, link, a, b, deleted, version, author, error);
}

gboolean
kz_server_storage_list_records (KzServerStorage *self,
                                gint64           since,
                                guint            limit,
                                GPtrArray      **records,
                                GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->list_records (self, since, limit, records, error);
}

gboolean
kz_server_storage_list_links (KzServerStorage *self,
                              gint64           since,
                              guint            limit,
                              GPtrArray      **links,
                              GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->list_links (self, since, limit, links, error);
}

gboolean
kz_server_storage_add_conflict (KzServerStorage        *self,
                                const KzServerConflict *conflict,
                                GError                **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->add_conflict (self, conflict, error);
}

gboolean
kz_server_storage_find_conflict (KzServerStorage        *self,
                                 const KzServerConflict *like,
                                 char                  **id,
                                 GError                **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->find_conflict (self, like, id, error);
}

gboolean
kz_server_storage_get_conflict (KzServerStorage   *self,
                                const char        *id,
                                KzServerConflict **conflict,
                                GError           **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->get_conflict (self, id, conflict, error);
}

gboolean
kz_server_storage_list_conflicts (KzServerStorage *self,
                                  GPtrArray      **conflicts,
                                  GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->list_conflicts (self, conflicts, error);
}

gboolean
kz_server_storage_close_conflict (KzServerStorage *self,
                                  const char      *id,
                                  gint64           version,
                                  const char      *resolver,
                                  gint64           time,
                                  GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->close_conflict (self, id, version, resolver, time, error);
}

gboolean
kz_server_storage_add_user (KzServerStorage *self,
                            const char      *name,
                            KzRole           role,
                            const char      *password_hash,
                            gint64           time,
                            GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->add_user (self, name, role, password_hash, time, error);
}

gboolean
kz_server_storage_get_user (KzServerStorage *self,
                            const char      *name,
                            KzServerUser   **user,
                            GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->get_user (self, name, user, error);
}

gboolean
kz_server_storage_list_users (KzServerStorage *self,
                              GPtrArray      **users,
                              GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->list_users (self, users, error);
}

gboolean
kz_server_storage_remove_user (KzServerStorage *self,
                               gint64           user_id,
                               GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->remove_user (self, user_id, error);
}

gboolean
kz_server_storage_set_password (KzServerStorage *self,
                                gint64           user_id,
                                const char      *password_hash,
                                GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->set_password (self, user_id, password_hash, error);
}

gboolean
kz_server_storage_add_token (KzServerStorage *self,
                             const guint8    *hash,
                             gint64           user_id,
                             gint64           created,
                             gint64           expires,
                             GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->add_token (self, hash, user_id, created, expires, error);
}

gboolean
kz_server_storage_lookup_token (KzServerStorage *self,
                                const guint8    *hash,
                                gint64           now,
                                KzServerUser   **user,
                                GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->lookup_token (self, hash, now, user, error);
}

gboolean
kz_server_storage_revoke_token (KzServerStorage *self,
                                const guint8    *hash,
                                gint64           now,
                                GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->revoke_token (self, hash, now, error);
}

gboolean
kz_server_storage_revoke_tokens (KzServerStorage *self,
                                 gint64           user_id,
                                 gint64           now,
                                 GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->revoke_tokens (self, user_id, now, error);
}

gboolean
kz_server_storage_purge_tokens (KzServerStorage *self,
                                gint64           now,
                                GError         **error)
{
  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->purge_tokens (self, now, error);
}

gboolean
kz_server_storage_keeps_login_failures (KzServerStorage *self)
{
  KzServerStorageInterface *iface;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (self), FALSE);

  iface = KZ_SERVER_STORAGE_GET_IFACE (self);
  return iface->add_login_failure != NULL && iface->count_login_failures != NULL &&
         iface->clear_login_failures != NULL;
}

gboolean
kz_server_storage_add_login_failure (KzServerStorage  *self,
                                     const char       *user,
                                     const char       *address,
                                     gint64            time,
                                     gint64            forget_before,
                                     GError          **error)
{
  g_return_val_if_fail (kz_server_storage_keeps_login_failures (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->add_login_failure (self, user, address, time,
                                                                forget_before, error);
}

gboolean
kz_server_storage_count_login_failures (KzServerStorage  *self,
                                        const char       *user,
                                        const char       *address,
                                        gint64            since,
                                        guint            *count,
                                        gint64           *oldest,
                                        GError          **error)
{
  g_return_val_if_fail (kz_server_storage_keeps_login_failures (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->count_login_failures (self, user, address, since,
                                                                   count, oldest, error);
}

gboolean
kz_server_storage_clear_login_failures (KzServerStorage  *self,
                                        const char       *user,
                                        const char       *address,
                                        GError          **error)
{
  g_return_val_if_fail (kz_server_storage_keeps_login_failures (self), FALSE);

  return KZ_SERVER_STORAGE_GET_IFACE (self)->clear_login_failures (self, user, address, error);
}
