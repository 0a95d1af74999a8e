/* kz-server-sync.c
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

#define G_LOG_DOMAIN "kz-server-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-server-changes.h"
#include "kz-server-error.h"
#include "kz-server-json.h"
#include "kz-server-sync.h"

/* Applying a pushed batch and resolving conflicts.
 *
 * "Changed after base" means a change with a version above the
 * client's base and up to the last version before this batch: changes
 * earlier in the same batch come from the same client and never
 * conflict with its later ones. */

typedef struct
{
  KzServerStorage *storage;
  const char      *author;
  gint64           batch_start;   /* the cursor before the batch */
  gint64           now;
  GHashTable      *created;       /* records the batch itself created */
} Push;

static const char *
kind_name (const KzServerChange *change)
{
  return kz_kind_get_info (change->kind)->name;
}

static gboolean
changed_after_base (Push                  *push,
                    const KzServerChange  *change,
                    const char            *field,
                    char                 **author,
                    GError               **error)
{
  /* A record the batch created has no history older than the batch. */
  if (g_hash_table_contains (push->created, change->uuid))
    {
      *author = NULL;
      return TRUE;
    }

  return kz_server_storage_find_change (push->storage, change->uuid, field, change->base,
                                        push->batch_start, author, error);
}

static gboolean
write_value (Push                  *push,
             const KzServerChange  *change,
             KzServerResult        *result,
             GError               **error)
{
  gint64 version;

  if (!kz_server_storage_next_version (push->storage, &version, error) ||
      !kz_server_storage_write_field (push->storage, kind_name (change), change->uuid,
                                      change->field, change->value, version, push->author,
                                      error))
    return FALSE;

  result->status = KZ_SERVER_APPLIED;
  result->version = version;
  return TRUE;
}

/* Records a conflict on @field, or joins an identical open one. */
static gboolean
open_conflict (Push                  *push,
               const KzServerChange  *change,
               const char            *field,
               const char            *server_value,
               const char            *client_value,
               const char            *server_author,
               KzServerResult        *result,
               GError               **error)
{
  g_autoptr(KzServerConflict) c = g_new0 (KzServerConflict, 1);

  c->kind = g_strdup (kind_name (change));
  c->uuid = g_strdup (change->uuid);
  c->field = g_strdup (field);
  c->server_value = g_strdup (server_value);
  c->client_value = g_strdup (client_value);
  c->server_author = g_strdup (server_author);
  c->client_author = g_strdup (push->author);
  c->created = push->now;

  if (!kz_server_storage_get_value_at (push->storage, change->uuid, field, change->base,
                                       &c->base_value, error) ||
      !kz_server_storage_find_conflict (push->storage, c, &c->id, error))
    return FALSE;

  if (c->base_value == NULL && g_str_equal (field, "deleted"))
    c->base_value = g_strdup ("false");

  if (c->id == NULL)
    {
      c->id = g_uuid_string_random ();
      if (!kz_server_storage_add_conflict (push->storage, c, error))
        return FALSE;
    }

  result->status = KZ_SERVER_CONFLICT;
  result->conflict_id = g_strdup (c->id);
  return TRUE;
}

/* A field edit.  If someone deleted the record after @base, the edit
 * is kept under the deletion (unless the field itself changed
 * meanwhile) and the deletion is in conflict, so that whoever resolves
 * it can bring the record back with the edit. */
static gboolean
apply_field (Push                       *push,
             const KzServerChange       *change,
             const KzServerRecordState  *state,
             KzServerResult             *result,
             GError                    **error)
{
  g_autoptr(KzServerField) current = NULL;
  g_autofree char *deleter = NULL;
  g_autofree char *editor = NULL;
  gboolean field_conflict;

  if ((state != NULL && state->deleted &&
       !changed_after_base (push, change, "deleted", &deleter, error)) ||
      !changed_after_base (push, change, change->field, &editor, error))
    return FALSE;

  /* The server's value matters only when someone else changed it. */
  if (editor != NULL &&
      !kz_server_storage_get_field (push->storage, change->uuid, change->field, &current, error))
    return FALSE;

  field_conflict = editor != NULL &&
                   g_strcmp0 (current ? current->value : NULL, change->value) != 0;

  if (deleter != NULL)
    {
      if (!field_conflict && !write_value (push, change, result, error))
        return FALSE;
      return open_conflict (push, change, "deleted", "true", "false", deleter, result, error);
    }

  if (field_conflict)
    return open_conflict (push, change, change->field, current ? current->value : NULL,
                          change->value, current ? current->author : NULL, result, error);

  return write_value (push, change, result, error);
}

/* Deleting or restoring a record. */
static gboolean
apply_deleted (Push                       *push,
               const KzServerChange       *change,
               const KzServerRecordState  *state,
               KzServerResult             *result,
               GError                    **error)
{
  gboolean want = g_str_equal (change->value, "true");
  gboolean current = state != NULL && state->deleted;
  g_autofree char *editor = NULL;
  g_autofree char *deleter = NULL;

  /* Delete against edit: someone changed a field after base. */
  if (want && !current)
    {
      if (!changed_after_base (push, change, NULL, &editor, error))
        return FALSE;
      if (editor != NULL)
        return open_conflict (push, change, "deleted", "false", "true", editor, result, error);
    }

  if (!changed_after_base (push, change, "deleted", &deleter, error))
    return FALSE;
  if (deleter != NULL && want != current)
    return open_conflict (push, change, "deleted", current ? "true" : "false",
                          change->value, deleter, result, error);

  return write_value (push, change, result, error);
}

static gboolean
apply_record_change (Push                  *push,
                     const KzServerChange  *change,
                     KzServerResult        *result,
                     GError               **error)
{
  g_autoptr(KzServerRecordState) state = NULL;

  if (!kz_server_storage_get_record (push->storage, change->uuid, &state, error))
    return FALSE;

  if (state == NULL)
    g_hash_table_add (push->created, g_strdup (change->uuid));

  if (state != NULL && !g_str_equal (state->kind, kind_name (change)))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("%s: the record %s is a %s, not a %s."),
                   change->where, change->uuid, state->kind, kind_name (change));
      return FALSE;
    }

  if (g_str_equal (change->field, "deleted"))
    return apply_deleted (push, change, state, result, error);

  return apply_field (push, change, state, result, error);
}

static gboolean
apply_link_change (Push                  *push,
                   const KzServerChange  *change,
                   KzServerResult        *result,
                   GError               **error)
{
  const char *name = kz_link_get_info (change->link)->name;
  gint64 version;

  if (!kz_server_storage_next_version (push->storage, &version, error) ||
      !kz_server_storage_write_link (push->storage, name, change->a, change->b,
                                     change->deleted, version, push->author, error))
    return FALSE;

  result->status = KZ_SERVER_APPLIED;
  result->version = version;
  return TRUE;
}

static KzServerResult *
apply_change (Push                  *push,
              const KzServerChange  *change,
              GError               **error)
{
  g_autoptr(KzServerResult) result = NULL;
  gboolean ok;

  if (!kz_server_storage_lookup_result (push->storage, change->change_id, &result, error))
    return NULL;

  if (result != NULL)
    {
      result->status = KZ_SERVER_DUPLICATE;
      return g_steal_pointer (&result);
    }

  result = g_new0 (KzServerResult, 1);
  result->change_id = g_strdup (change->change_id);
  ok = change->is_link ? apply_link_change (push, change, result, error)
                       : apply_record_change (push, change, result, error);

  if (!ok || !kz_server_storage_store_result (push->storage, result, push->author, push->now, error))
    return NULL;

  return g_steal_pointer (&result);
}

static void
add_result (JsonBuilder          *builder,
            const KzServerResult *result)
{
  static const char * const names[] = {
    [KZ_SERVER_APPLIED] = "applied",
    [KZ_SERVER_CONFLICT] = "conflict",
    [KZ_SERVER_DUPLICATE] = "duplicate",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "change_id");
  json_builder_add_string_value (builder, result->change_id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, names[result->status]);
  if (result->conflict_id != NULL)
    {
      json_builder_set_member_name (builder, "conflict");
      json_builder_add_string_value (builder, result->conflict_id);
    }
  else
    {
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, result->version);
    }
  json_builder_end_object (builder);
}

static JsonNode *
build_push_answer (GPtrArray *results,
                   gint64     cursor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    add_result (builder, g_ptr_array_index (results, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "cursor");
  json_builder_add_int_value (builder, cursor);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static GPtrArray *
apply_batch (Push       *push,
             GPtrArray  *changes,
             gint64     *cursor,
             GError    **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_full (changes->len,
                                                       (GDestroyNotify)kz_server_result_free);

  if (!kz_server_storage_get_cursor (push->storage, &push->batch_start, error))
    return NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      KzServerResult *result = apply_change (push, g_ptr_array_index (changes, i), error);

      if (result == NULL)
        return NULL;
      g_ptr_array_add (results, result);
    }

  if (!kz_server_storage_get_cursor (push->storage, cursor, error))
    return NULL;

  return g_steal_pointer (&results);
}

JsonNode *
kz_server_sync_push (KzServerStorage  *storage,
                     const char       *author,
                     JsonNode         *body,
                     GError          **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Push push = { storage, author, 0, g_get_real_time () / G_USEC_PER_SEC, created };
  gint64 cursor = 0;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (storage), NULL);
  g_return_val_if_fail (author != NULL, NULL);

  /* Everything is checked before the transaction starts. */
  if (!(changes = kz_server_changes_parse (body, error)) ||
      !kz_server_storage_begin (storage, TRUE, error))
    return NULL;

  if (!(results = apply_batch (&push, changes, &cursor, error)) ||
      !kz_server_storage_commit (storage, error))
    {
      kz_server_storage_rollback (storage);
      return NULL;
    }

  return build_push_answer (results, cursor);
}

/* Resolving */

static gboolean
read_resolution (JsonNode     *body,
                 const char  **value,
                 GError      **error)
{
  static const char * const members[] = { "value", NULL };
  JsonObject *object = json_node_get_object (body);

  return kz_server_json_check_members (object, members, _("request"), error) &&
         kz_server_json_get_string (object, "value", TRUE, value, _("request"), error);
}

static gboolean
load_open_conflict (KzServerStorage   *storage,
                    const char        *id,
                    KzServerConflict **conflict,
                    GError           **error)
{
  if (!kz_server_storage_get_conflict (storage, id, conflict, error))
    return FALSE;

  if (*conflict == NULL)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_NOT_FOUND,
                   _("There is no conflict “%s”."), id);
      return FALSE;
    }

  if ((*conflict)->resolved_version != 0)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_CONFLICT,
                   _("The conflict “%s” has already been resolved."), id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
resolve (KzServerStorage  *storage,
         const char       *author,
         const char       *id,
         const char       *text,
         gint64           *version,
         GError          **error)
{
  g_autoptr(KzServerConflict) conflict = NULL;
  g_autofree char *value = NULL;
  KzKind kind;

  if (!load_open_conflict (storage, id, &conflict, error))
    return FALSE;

  if (!kz_kind_from_name (conflict->kind, &kind))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INTERNAL,
                   "conflict %s has an unknown kind %s", id, conflict->kind);
      return FALSE;
    }

  return kz_server_canonical_value (kind, conflict->field, text, &value, error) &&
         kz_server_storage_next_version (storage, version, error) &&
         kz_server_storage_write_field (storage, conflict->kind, conflict->uuid, conflict->field,
                                        value, *version, author, error) &&
         kz_server_storage_close_conflict (storage, id, *version, author,
                                           g_get_real_time () / G_USEC_PER_SEC, error);
}

JsonNode *
kz_server_sync_resolve (KzServerStorage  *storage,
                        const char       *author,
                        const char       *conflict_id,
                        JsonNode         *body,
                        GError          **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  const char *text = NULL;
  gint64 version = 0;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (storage), NULL);
  g_return_val_if_fail (author != NULL, NULL);
  g_return_val_if_fail (conflict_id != NULL, NULL);

  if (!read_resolution (body, &text, error) ||
      !kz_server_storage_begin (storage, TRUE, error))
    return NULL;

  if (!resolve (storage, author, conflict_id, text, &version, error) ||
      !kz_server_storage_commit (storage, error))
    {
      kz_server_storage_rollback (storage);
      return NULL;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
