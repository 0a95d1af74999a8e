/* kz-server-changes.c
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

#include "kz-record.h"
#include "kz-server-changes.h"
#include "kz-server-error.h"
#include "kz-server-json.h"

static const char * const field_members[] = {
  "change_id", "kind", "uuid", "field", "value", "base", NULL
};

static const char * const link_members[] = {
  "change_id", "link", "a", "b", "deleted", NULL
};

static const char * const body_members[] = { "changes", NULL };


void
kz_server_value_checker_clear (KzServerValueChecker *checker)
{
  for (guint i = 0; i < KZ_N_KINDS; i++)
    g_clear_object (&checker->scratch[i]);
}

gboolean
kz_server_value_checker_canonical (KzServerValueChecker  *checker,
                                   KzKind                 kind,
                                   const char            *field,
                                   const char            *text,
                                   char                 **canonical,
                                   GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  if (checker->scratch[kind] == NULL)
    checker->scratch[kind] = kz_record_new (kind);

  if (!kz_record_set_text (checker->scratch[kind], field, text, &local_error))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("The value for “%s” does not fit: %s"), field, local_error->message);
      return FALSE;
    }

  *canonical = kz_record_dup_text (checker->scratch[kind], field);
  return TRUE;
}

void
kz_server_change_free (KzServerChange *change)
{
  if (change == NULL)
    return;

  g_free (change->change_id);
  g_free (change->where);
  g_free (change->uuid);
  g_free (change->field);
  g_free (change->value);
  g_free (change->a);
  g_free (change->b);
  g_free (change);
}

static gboolean
bad_request (GError     **error,
             const char  *where,
             const char  *message)
{
  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST, "%s: %s", where, message);
  return FALSE;
}

static gboolean
canonical_deleted (const char  *text,
                   char       **canonical,
                   GError     **error)
{
  if (g_strcmp0 (text, "true") != 0 && g_strcmp0 (text, "false") != 0)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("The value of “deleted” must be \"true\" or \"false\"."));
      return FALSE;
    }

  *canonical = g_strdup (text);
  return TRUE;
}

static gboolean
check_value (KzServerValueChecker  *checker,
             KzKind                 kind,
             const char            *field,
             const char            *text,
             char                 **canonical,
             GError               **error)
{
  if (g_str_equal (field, "deleted"))
    return canonical_deleted (text, canonical, error);

  return kz_server_value_checker_canonical (checker, kind, field, text, canonical, error);
}

gboolean
kz_server_canonical_value (KzKind       kind,
                           const char  *field,
                           const char  *text,
                           char       **canonical,
                           GError     **error)
{
  g_auto(KzServerValueChecker) checker = { { NULL } };

  g_return_val_if_fail (kind < KZ_N_KINDS, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  *canonical = NULL;
  if (!g_str_equal (field, "deleted") && kz_kind_get_field (kind, field) == NULL)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("A %s has no field “%s”."), kz_kind_get_info (kind)->name, field);
      return FALSE;
    }

  return check_value (&checker, kind, field, text, canonical, error);
}

static gboolean
parse_link_change (JsonObject      *object,
                   KzServerChange  *change,
                   GError         **error)
{
  const char *name;

  if (!kz_server_json_get_string (object, "link", FALSE, &name, change->where, error))
    return FALSE;

  if (!kz_link_from_name (name, &change->link))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a known link."), name);
      return bad_request (error, change->where, message);
    }

  change->is_link = TRUE;
  return (change->a = kz_server_json_get_uuid (object, "a", change->where, error)) &&
         (change->b = kz_server_json_get_uuid (object, "b", change->where, error)) &&
         kz_server_json_get_bool (object, "deleted", &change->deleted, change->where, error);
}

static gboolean
parse_kind_and_field (JsonObject      *object,
                      KzServerChange  *change,
                      GError         **error)
{
  const char *kind, *field;
  g_autofree char *message = NULL;

  if (!kz_server_json_get_string (object, "kind", FALSE, &kind, change->where, error) ||
      !kz_server_json_get_string (object, "field", FALSE, &field, change->where, error))
    return FALSE;

  if (!kz_kind_from_name (kind, &change->kind) || !g_str_equal (kz_kind_get_info (change->kind)->name, kind))
    message = g_strdup_printf (_("“%s” is not a known kind of record."), kind);
  else if (!g_str_equal (field, "deleted") && kz_kind_get_field (change->kind, field) == NULL)
    message = g_strdup_printf (_("A %s has no field “%s”."), kind, field);

  if (message != NULL)
    return bad_request (error, change->where, message);

  change->field = g_strdup (field);
  return TRUE;
}

static gboolean
parse_field_change (KzServerValueChecker  *checker,
                    JsonObject            *object,
                    KzServerChange        *change,
                    GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *value;

  if (!parse_kind_and_field (object, change, error) ||
      !(change->uuid = kz_server_json_get_uuid (object, "uuid", change->where, error)) ||
      !kz_server_json_get_string (object, "value", TRUE, &value, change->where, error) ||
      !kz_server_json_get_count (object, "base", &change->base, change->where, error))
    return FALSE;

  if (!check_value (checker, change->kind, change->field, value, &change->value, &local_error))
    return bad_request (error, change->where, local_error->message);

  return TRUE;
}

static KzServerChange *
parse_change (KzServerValueChecker  *checker,
              JsonNode              *node,
              guint                  index,
              GError               **error)
{
  g_autoptr(KzServerChange) change = g_new0 (KzServerChange, 1);
  g_autofree char *where = g_strdup_printf ("changes[%u]", index);
  JsonObject *object;
  gboolean is_link;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_request (error, where, _("A change must be a JSON object."));
      return NULL;
    }

  object = json_node_get_object (node);
  is_link = json_object_has_member (object, "link");
  if (!kz_server_json_check_members (object, is_link ? link_members : field_members, where, error) ||
      !(change->change_id = kz_server_json_get_uuid (object, "change_id", where, error)))
    return NULL;

  /* Translators: names one change of a pushed batch in error messages */
  change->where = g_strdup_printf (_("changes[%u] (change %s)"), index, change->change_id);
  if (is_link ? !parse_link_change (object, change, error)
              : !parse_field_change (checker, object, change, error))
    return NULL;

  return g_steal_pointer (&change);
}

GPtrArray *
kz_server_changes_parse (JsonNode  *root,
                         GError   **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(KzServerValueChecker) checker = { { NULL } };
  JsonObject *object = json_node_get_object (root);
  JsonArray *array;
  guint n;

  if (!kz_server_json_check_members (object, body_members, _("request"), error) ||
      !kz_server_json_get_array (object, "changes", &array, _("request"), error))
    return NULL;

  if ((n = json_array_get_length (array)) > KZ_SERVER_MAX_BATCH)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("A batch may hold at most %d changes, not %u."), KZ_SERVER_MAX_BATCH, n);
      return NULL;
    }

  changes = g_ptr_array_new_full (n, (GDestroyNotify)kz_server_change_free);
  for (guint i = 0; i < n; i++)
    {
      KzServerChange *change = parse_change (&checker, json_array_get_element (array, i), i, error);

      if (change == NULL)
        return NULL;
      g_ptr_array_add (changes, change);
    }

  return g_steal_pointer (&changes);
}
