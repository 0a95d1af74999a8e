/* kz-sync-upload.c
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

#define G_LOG_DOMAIN "kz-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kz-store-sync.h"
#include "kz-sync-codec.h"
#include "kz-sync-json-private.h"
#include "kz-sync-upload.h"

int
kz_sync_decode_protocol (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = _kz_sync_parse_object (body, parser, NULL);
  JsonNode *node = o ? json_object_get_member (o, "protocols") : NULL;
  JsonArray *versions;

  /* A server before protocol 2 does not list its versions. */
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 1;

  versions = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (versions); i++)
    {
      JsonNode *v = json_array_get_element (versions, i);

      if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_INT64 &&
          json_node_get_int (v) == KZ_SYNC_PROTOCOL_BULK)
        return KZ_SYNC_PROTOCOL_BULK;
    }

  return 1;
}

static void
encode_record (JsonBuilder        *b,
               const KzUploadItem *item)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "change_id");
  json_builder_add_string_value (b, item->change_id);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, item->kind);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, item->uuid);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  for (guint i = 0; i < item->names->len; i++)
    {
      json_builder_set_member_name (b, item->names->pdata[i]);
      json_builder_add_string_value (b, item->values->pdata[i]);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
encode_link (JsonBuilder        *b,
             const KzUploadItem *item)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "change_id");
  json_builder_add_string_value (b, item->change_id);
  json_builder_set_member_name (b, "link");
  json_builder_add_string_value (b, item->link);
  json_builder_set_member_name (b, "a");
  json_builder_add_string_value (b, item->a);
  json_builder_set_member_name (b, "b");
  json_builder_add_string_value (b, item->b);
  json_builder_end_object (b);
}

static guint
encode_items (JsonBuilder *b,
              GPtrArray   *items,
              gboolean     links)
{
  guint n = 0;

  json_builder_set_member_name (b, links ? "links" : "records");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      KzUploadItem *item = items->pdata[i];

      if (!item->send || (item->link != NULL) != links)
        continue;
      if (links)
        encode_link (b, item);
      else
        encode_record (b, item);
      n++;
    }
  json_builder_end_array (b);

  return n;
}

char *
kz_sync_encode_upload (GPtrArray *items)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "protocol");
  json_builder_add_int_value (b, KZ_SYNC_PROTOCOL_BULK);
  n = encode_items (b, items, FALSE);
  n += encode_items (b, items, TRUE);
  json_builder_end_object (b);

  if (n == 0)
    return NULL;

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* Versions have no gaps and each belongs to one change: when every
 * item was applied with exactly the versions after the client's
 * cursor, nobody else changed anything in between (as for a push). */
typedef struct
{
  gint64   next;
  gboolean in_order;
} Taken;

static gboolean
apply_one (KzStore             *store,
           const KzUploadItem  *item,
           JsonNode            *node,
           Taken               *taken,
           guint               *n_changes,
           GError             **error)
{
  guint n = item->link != NULL ? 1 : item->names->len;
  JsonObject *r;
  const char *status;
  gint64 version = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _kz_sync_protocol_error (error, "results");

  r = json_node_get_object (node);
  status = _kz_sync_member_string (r, "status");
  if (status == NULL || g_strcmp0 (_kz_sync_member_string (r, "change_id"), item->change_id) != 0)
    return _kz_sync_protocol_error (error, "results");

  if (g_str_equal (status, "exists"))
    {
      taken->in_order = FALSE;
      return kz_store_upload_item_done (store, item, 0, error);
    }

  if ((!g_str_equal (status, "applied") && !g_str_equal (status, "duplicate")) ||
      !_kz_sync_member_int (r, "version", &version) || version <= 0)
    return _kz_sync_protocol_error (error, status);

  if (g_str_equal (status, "applied") && version == taken->next + n - 1)
    taken->next += n;
  else
    taken->in_order = FALSE;

  *n_changes += n;
  return kz_store_upload_item_done (store, item, version, error);
}

static gboolean
apply_all (KzStore     *store,
           GPtrArray   *items,
           JsonArray   *results,
           Taken       *taken,
           guint       *n_changes,
           GError     **error)
{
  guint j = 0;

  /* The answer lists the records first, then the links. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < items->len; i++)
      {
        KzUploadItem *item = items->pdata[i];
        JsonNode *node;

        if (!item->send || (item->link != NULL) != (pass == 1))
          continue;

        node = j < json_array_get_length (results) ? json_array_get_element (results, j++) : NULL;
        if (!apply_one (store, item, node, taken, n_changes, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
finish_batch (KzStore      *store,
              GPtrArray    *items,
              const Taken  *taken,
              gint64        cursor,
              JsonObject   *answer,
              GError      **error)
{
  gint64 server_cursor = 0;

  if (!kz_store_upload_forget (store, ((KzUploadItem *)items->pdata[items->len - 1])->seq, error))
    return FALSE;

  if (!taken->in_order || taken->next == cursor + 1 ||
      !_kz_sync_member_int (answer, "cursor", &server_cursor) || server_cursor != taken->next - 1)
    return TRUE;

  return kz_store_set_sync_cursor (store, server_cursor, error);
}

gboolean
kz_sync_apply_upload_results (KzStore    *store,
                              GPtrArray  *items,
                              GBytes     *body,
                              guint      *n_changes,
                              GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = _kz_sync_parse_object (body, parser, NULL);
  JsonNode *node = o ? json_object_get_member (o, "results") : NULL;
  Taken taken = { 0, TRUE };
  gint64 cursor;

  g_return_val_if_fail (items != NULL && items->len > 0, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return _kz_sync_protocol_error (error, "results");

  if (!kz_store_begin (store, error))
    return FALSE;

  cursor = kz_store_get_sync_cursor (store);
  taken.next = cursor + 1;
  if (!apply_all (store, items, json_node_get_array (node), &taken, n_changes, error) ||
      !finish_batch (store, items, &taken, cursor, o, error))
    {
      kz_store_rollback (store);
      return FALSE;
    }

  return kz_store_commit (store, error);
}

gboolean
kz_sync_skip_upload (KzStore    *store,
                     GPtrArray  *items,
                     GError    **error)
{
  g_return_val_if_fail (items != NULL && items->len > 0, FALSE);

  if (!kz_store_begin (store, error))
    return FALSE;

  if (!kz_store_upload_forget (store, ((KzUploadItem *)items->pdata[items->len - 1])->seq, error))
    {
      kz_store_rollback (store);
      return FALSE;
    }

  return kz_store_commit (store, error);
}
