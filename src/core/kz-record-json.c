/* kz-record-json.c
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

#define G_LOG_DOMAIN "kz-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-record-json.h"

static char *
iso_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return dt ? g_date_time_format_iso8601 (dt) : NULL;
}

static void
add_field (JsonBuilder   *b,
           KzRecord      *record,
           const KzField *f)
{
  g_autofree char *text = NULL;

  if (!kz_record_is_set (record, f->name))
    return;

  json_builder_set_member_name (b, f->name);
  if (f->type == KZ_FIELD_LIST)
    {
      const char * const *items = kz_record_get_list (record, f->name);

      json_builder_begin_array (b);
      for (guint i = 0; items[i]; i++)
        json_builder_add_string_value (b, items[i]);
      json_builder_end_array (b);
      return;
    }

  text = kz_record_dup_text (record, f->name);
  json_builder_add_string_value (b, text);
}

JsonNode *
kz_record_to_json (KzRecord *record)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const KzKindInfo *info;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  g_return_val_if_fail (KZ_IS_RECORD (record), NULL);

  info = kz_record_get_info (record);
  created = iso_time (kz_record_get_created (record));
  modified = iso_time (kz_record_get_modified (record));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, info->name);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, kz_record_get_uuid (record));
  if (kz_record_get_created (record) > 0)
    {
      json_builder_set_member_name (b, "created");
      json_builder_add_string_value (b, created);
      json_builder_set_member_name (b, "modified");
      json_builder_add_string_value (b, modified);
    }
  json_builder_set_member_name (b, "deleted");
  json_builder_add_boolean_value (b, kz_record_get_deleted (record));

  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  for (guint i = 0; i < info->n_fields; i++)
    add_field (b, record, &info->fields[i]);
  json_builder_end_object (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

char *
kz_record_to_string (KzRecord *record,
                     gboolean  pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) node = kz_record_to_json (record);

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, NULL);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID,
               _("The record is not valid JSON for Kompetenz: %s"), what);
  return FALSE;
}

static gboolean
read_time (JsonObject  *o,
           const char  *name,
           gint64      *out,
           GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING ||
      !(dt = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL)))
    return invalid (error, name);

  *out = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

static char *
list_text (JsonArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, json_node_get_string (item));
    }

  return g_string_free (s, FALSE);
}

static gboolean
read_field (KzRecord    *record,
            const char  *name,
            JsonNode    *node,
            GError     **error)
{
  g_autofree char *text = NULL;
  const KzField *f = kz_kind_get_field (kz_record_get_kind (record), name);

  if (f == NULL)
    {
      g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_UNKNOWN_FIELD,
                   _("A %s has no field “%s”."), kz_record_get_info (record)->name, name);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    return kz_record_set_text (record, name, NULL, error);
  if (f->type == KZ_FIELD_LIST && JSON_NODE_HOLDS_ARRAY (node))
    text = list_text (json_node_get_array (node));
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    text = g_strdup_printf ("%.2f", json_node_get_double (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    text = g_strdup (json_node_get_boolean (node) ? "true" : "false");

  if (text == NULL)
    return invalid (error, name);

  return kz_record_set_text (record, name, text, error);
}

static gboolean
read_fields (KzRecord    *record,
             JsonNode    *fields,
             GError     **error)
{
  g_autoptr(GList) names = NULL;
  JsonObject *o;

  if (fields == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (fields))
    return invalid (error, "fields");

  o = json_node_get_object (fields);
  names = json_object_get_members (o);
  for (GList *l = names; l; l = l->next)
    if (!read_field (record, l->data, json_object_get_member (o, l->data), error))
      return FALSE;

  return TRUE;
}

static gboolean
check_members (JsonObject  *o,
               GError     **error)
{
  static const char *known[] = { "type", "id", "created", "modified", "deleted", "fields" };
  g_autoptr(GList) names = json_object_get_members (o);

  for (GList *l = names; l; l = l->next)
    {
      gboolean ok = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (known) && !ok; i++)
        ok = g_str_equal (l->data, known[i]);
      if (!ok)
        return invalid (error, l->data);
    }

  return TRUE;
}

/**
 * kz_record_from_json:
 * @expected_kind: (inout) (nullable): if it points at a kind, "type"
 *   may be left out but must match when given; if the kind is
 *   KZ_N_KINDS, "type" is required and the kind found is stored.
 */
KzRecord *
kz_record_from_json (JsonNode    *node,
                     KzKind      *expected_kind,
                     GError     **error)
{
  g_autoptr(KzRecord) record = NULL;
  JsonObject *o;
  const char *type, *id;
  gint64 created = 0, modified = 0;
  KzKind kind = expected_kind ? *expected_kind : KZ_N_KINDS;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("an object is expected")), NULL;

  o = json_node_get_object (node);
  if (!check_members (o, error))
    return NULL;

  type = json_object_has_member (o, "type") ? json_object_get_string_member_with_default (o, "type", NULL) : NULL;
  if (type != NULL)
    {
      KzKind found;

      if (!kz_kind_from_name (type, &found) || (kind != KZ_N_KINDS && found != kind))
        return invalid (error, type), NULL;
      kind = found;
    }
  if (kind == KZ_N_KINDS)
    return invalid (error, "type"), NULL;

  id = json_object_get_string_member_with_default (o, "id", NULL);
  if (id != NULL && !g_uuid_string_is_valid (id))
    return invalid (error, "id"), NULL;

  record = id ? kz_record_new_with_uuid (kind, id) : kz_record_new (kind);
  if (!read_time (o, "created", &created, error) || !read_time (o, "modified", &modified, error) ||
      !read_fields (record, json_object_get_member (o, "fields"), error))
    return NULL;

  kz_record_set_created (record, created);
  kz_record_set_modified (record, modified);
  kz_record_set_deleted (record, json_object_get_boolean_member_with_default (o, "deleted", FALSE));
  if (expected_kind)
    *expected_kind = kind;

  return g_steal_pointer (&record);
}
