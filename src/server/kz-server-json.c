/* kz-server-json.c
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

#define G_LOG_DOMAIN "kz-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kz-server-error.h"
#include "kz-server-json.h"

static gboolean
bad_request (GError     **error,
             const char  *where,
             const char  *member,
             const char  *problem)
{
  /* Translators: "changes[3]: “base” is missing." */
  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
               _("%s: “%s” %s"), where, member, problem);
  return FALSE;
}

JsonNode *
kz_server_json_parse (const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("The request body is not UTF-8 text."));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("The request body is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("The request body must be a JSON object."));
      return NULL;
    }

  return json_node_ref (root);
}

gboolean
kz_server_json_check_members (JsonObject          *object,
                              const char * const  *allowed,
                              const char          *where,
                              GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return bad_request (error, where, l->data, _("is not a known member."));
    }

  return TRUE;
}

static JsonNode *
get_required (JsonObject  *object,
              const char  *member,
              const char  *where,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    bad_request (error, where, member, _("is missing."));

  return node;
}

gboolean
kz_server_json_get_string (JsonObject   *object,
                           const char   *member,
                           gboolean      nullable,
                           const char  **value,
                           const char   *where,
                           GError      **error)
{
  JsonNode *node = get_required (object, member, where, error);

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return bad_request (error, where, member,
                        nullable ? _("must be a string or null.") : _("must be a string."));

  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
kz_server_json_get_count (JsonObject  *object,
                          const char  *member,
                          gint64      *value,
                          const char  *where,
                          GError     **error)
{
  JsonNode *node = get_required (object, member, where, error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    return bad_request (error, where, member, _("must be a whole number from 0 up."));

  *value = json_node_get_int (node);
  return TRUE;
}

gboolean
kz_server_json_get_bool (JsonObject  *object,
                         const char  *member,
                         gboolean    *value,
                         const char  *where,
                         GError     **error)
{
  JsonNode *node = get_required (object, member, where, error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return bad_request (error, where, member, _("must be true or false."));

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
kz_server_json_get_object (JsonObject   *object,
                           const char   *member,
                           JsonObject  **value,
                           const char   *where,
                           GError      **error)
{
  JsonNode *node = get_required (object, member, where, error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_request (error, where, member, _("must be an object."));

  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
kz_server_json_get_array (JsonObject  *object,
                          const char  *member,
                          JsonArray  **value,
                          const char  *where,
                          GError     **error)
{
  JsonNode *node = get_required (object, member, where, error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bad_request (error, where, member, _("must be an array."));

  *value = json_node_get_array (node);
  return TRUE;
}

char *
kz_server_json_get_uuid (JsonObject  *object,
                         const char  *member,
                         const char  *where,
                         GError     **error)
{
  const char *text;

  if (!kz_server_json_get_string (object, member, FALSE, &text, where, error))
    return NULL;

  if (!g_uuid_string_is_valid (text))
    {
      bad_request (error, where, member, _("must be a UUID such as 0d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a."));
      return NULL;
    }

  return g_ascii_strdown (text, -1);
}

char *
kz_server_json_to_data (JsonNode *node,
                        gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

char *
kz_server_json_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}
