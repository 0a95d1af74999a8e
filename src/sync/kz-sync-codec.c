/* kz-sync-codec.c
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

#include "kz-sync-codec.h"
#include "kz-sync-json-private.h"

G_DEFINE_QUARK (kz-sync-error-quark, kz_sync_error)

gboolean
_kz_sync_protocol_error (GError     **error,
                         const char  *what)
{
  g_set_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_PROTOCOL,
               _("The sync server sent an answer Kompetenz does not understand (%s)."), what);
  return FALSE;
}

JsonObject *
_kz_sync_parse_object (GBytes      *body,
                       JsonParser  *parser,
                       GError     **error)
{
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  JsonNode *root;

  if (data == NULL || !json_parser_load_from_data (parser, data, len, NULL))
    {
      _kz_sync_protocol_error (error, "JSON");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _kz_sync_protocol_error (error, "object");
      return NULL;
    }

  return json_node_get_object (root);
}

JsonNode *
_kz_sync_member (JsonObject *object,
                 const char *name,
                 GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != type)
    return NULL;

  return node;
}

const char *
_kz_sync_member_string (JsonObject *object,
                        const char *name)
{
  JsonNode *node = _kz_sync_member (object, name, G_TYPE_STRING);

  return node ? json_node_get_string (node) : NULL;
}

gboolean
_kz_sync_member_int (JsonObject *object,
                     const char *name,
                     gint64     *out)
{
  JsonNode *node = _kz_sync_member (object, name, G_TYPE_INT64);

  if (node == NULL)
    return FALSE;

  *out = json_node_get_int (node);
  return TRUE;
}

/* A string or null member; FALSE if it is missing or of another type. */
static gboolean
member_nullable (JsonObject  *object,
                 const char  *name,
                 const char **out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *out = json_node_get_string (node);
  return TRUE;
}

static char *
to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

char *
kz_sync_encode_login (const char *user,
                      const char *password)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "user");
  json_builder_add_string_value (b, user);
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, password);
  json_builder_end_object (b);

  return to_string (b);
}

gboolean
kz_sync_decode_login (GBytes  *body,
                      char   **token,
                      char   **role,
                      GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = _kz_sync_parse_object (body, parser, error);
  const char *t, *r;

  if (o == NULL)
    return FALSE;

  if (!(t = _kz_sync_member_string (o, "token")) || !(r = _kz_sync_member_string (o, "role")))
    return _kz_sync_protocol_error (error, "login");

  *token = g_strdup (t);
  if (role != NULL)
    *role = g_strdup (r);
  return TRUE;
}

static void
encode_change (JsonBuilder     *b,
               KzPendingChange *c)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "change_id");
  json_builder_add_string_value (b, c->change_id);

  if (c->link != NULL)
    {
      json_builder_set_member_name (b, "link");
      json_builder_add_string_value (b, c->link);
      json_builder_set_member_name (b, "a");
      json_builder_add_string_value (b, c->a);
      json_builder_set_member_name (b, "b");
      json_builder_add_string_value (b, c->b);
      json_builder_set_member_name (b, "deleted");
      json_builder_add_boolean_value (b, c->link_deleted);
    }
  else
    {
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, c->kind);
      json_builder_set_member_name (b, "uuid");
      json_builder_add_string_value (b, c->uuid);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, c->field);
      json_builder_set_member_name (b, "value");
      if (c->value != NULL)
        json_builder_add_string_value (b, c->value);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "base");
      json_builder_add_int_value (b, c->base);
    }

  json_builder_end_object (b);
}

char *
kz_sync_encode_push (GPtrArray *pending)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; i < pending->len; i++)
    {
      KzPendingChange *c = pending->pdata[i];

      /* A field this version cannot read back is not sent. */
      if (c->link != NULL || c->kind != NULL)
        encode_change (b, c);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return to_string (b);
}

/* What the results of one push tell about the versions it took. */
typedef struct
{
  gint64   next;      /* the version the next applied change should have */
  gboolean in_order;  /* all applied, none a duplicate, versions one after another */
} Taken;

static gboolean
apply_result (KzStore          *store,
              KzPendingChange  *change,
              JsonObject       *result,
              Taken            *taken,
              guint            *n_applied,
              guint            *n_conflicts,
              GError          **error)
{
  const char *status = _kz_sync_member_string (result, "status");
  const char *id = _kz_sync_member_string (result, "change_id");
  gint64 version = 0;

  if (status == NULL || g_strcmp0 (id, change->change_id) != 0)
    return _kz_sync_protocol_error (error, "results");

  if (g_str_equal (status, "conflict"))
    {
      (*n_conflicts)++;
      taken->in_order = FALSE;
      return kz_store_reject_change (store, change, error);
    }

  if (!g_str_equal (status, "applied") && !g_str_equal (status, "duplicate"))
    return _kz_sync_protocol_error (error, status);

  _kz_sync_member_int (result, "version", &version);
  if (g_str_equal (status, "applied") && version == taken->next)
    taken->next++;
  else
    taken->in_order = FALSE;

  (*n_applied)++;
  return kz_store_ack_change (store, change, version, error);
}

/* Versions have no gaps and each belongs to one change.  When every
 * change of the batch was applied and their versions are exactly the
 * ones after the client's cursor, up to the cursor the server answered,
 * nobody else changed anything in between: the client already holds
 * all of it and need not pull its own changes back. */
static gboolean
advance_cursor (KzStore       *store,
                const Taken   *taken,
                gint64         cursor,
                JsonObject    *answer,
                GError       **error)
{
  gint64 server_cursor = 0;

  if (!taken->in_order || taken->next == cursor + 1 ||
      !_kz_sync_member_int (answer, "cursor", &server_cursor) || server_cursor != taken->next - 1)
    return TRUE;

  return kz_store_set_sync_cursor (store, server_cursor, error);
}

gboolean
kz_sync_apply_results (KzStore    *store,
                       GPtrArray  *pending,
                       GBytes     *body,
                       guint      *n_applied,
                       guint      *n_conflicts,
                       GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = _kz_sync_parse_object (body, parser, error);
  JsonNode *node;
  JsonArray *results;
  Taken taken = { 0, TRUE };
  gint64 cursor;
  guint j = 0;

  if (o == NULL)
    return FALSE;
  if (!(node = _kz_sync_member (o, "results", JSON_TYPE_ARRAY)))
    return _kz_sync_protocol_error (error, "results");

  results = json_node_get_array (node);
  if (!kz_store_begin (store, error))
    return FALSE;

  cursor = kz_store_get_sync_cursor (store);
  taken.next = cursor + 1;

  for (guint i = 0; i < pending->len; i++)
    {
      KzPendingChange *change = pending->pdata[i];
      JsonNode *r;

      if (change->link == NULL && change->kind == NULL)
        continue;

      r = j < json_array_get_length (results) ? json_array_get_element (results, j++) : NULL;
      if (r == NULL || !JSON_NODE_HOLDS_OBJECT (r) ||
          !apply_result (store, change, json_node_get_object (r), &taken, n_applied, n_conflicts,
                         error))
        {
          kz_store_rollback (store);
          return error && *error ? FALSE : _kz_sync_protocol_error (error, "results");
        }
    }

  if (!advance_cursor (store, &taken, cursor, o, error))
    {
      kz_store_rollback (store);
      return FALSE;
    }

  return kz_store_commit (store, error);
}

static gboolean
decode_fields (JsonObject  *record,
               GArray      *out)
{
  JsonNode *node = _kz_sync_member (record, "fields", JSON_TYPE_OBJECT);
  JsonObject *fields;
  g_autoptr(GList) names = NULL;
  KzRemoteField deleted = { "deleted", NULL, 0, NULL };
  JsonNode *del = _kz_sync_member (record, "deleted", G_TYPE_BOOLEAN);

  if (node == NULL || del == NULL)
    return FALSE;

  fields = json_node_get_object (node);
  names = json_object_get_members (fields);
  for (GList *l = names; l; l = l->next)
    {
      JsonNode *f = json_object_get_member (fields, l->data);
      KzRemoteField rf = { l->data, NULL, 0, NULL };

      if (!JSON_NODE_HOLDS_OBJECT (f) ||
          !member_nullable (json_node_get_object (f), "value", &rf.value) ||
          !_kz_sync_member_int (json_node_get_object (f), "version", &rf.version))
        return FALSE;
      rf.author = _kz_sync_member_string (json_node_get_object (f), "author");
      g_array_append_val (out, rf);
    }

  deleted.value = json_node_get_boolean (del) ? "true" : "false";
  _kz_sync_member_int (record, "version", &deleted.version);
  g_array_append_val (out, deleted);

  return TRUE;
}

static gboolean
apply_record (KzStore     *store,
              JsonNode    *node,
              GError     **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (KzRemoteField));
  JsonObject *record;
  const char *kind_name, *uuid;
  KzKind kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _kz_sync_protocol_error (error, "records");

  record = json_node_get_object (node);
  kind_name = _kz_sync_member_string (record, "kind");
  uuid = _kz_sync_member_string (record, "uuid");

  if (kind_name == NULL || !kz_kind_from_name (kind_name, &kind) ||
      uuid == NULL || !g_uuid_string_is_valid (uuid) || !decode_fields (record, fields))
    return _kz_sync_protocol_error (error, "record");

  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_array_index (fields, KzRemoteField, i).field;

      if (!g_str_equal (name, "deleted") && kz_kind_find_field (kind, name) < 0)
        return _kz_sync_protocol_error (error, name);
    }

  return kz_store_apply_remote_record (store, kind, uuid,
                                       (KzRemoteField *)(gpointer)fields->data, fields->len, error);
}

static gboolean
apply_link (KzStore   *store,
            JsonNode  *node,
            GError   **error)
{
  JsonObject *o;
  const char *name, *a, *b;
  JsonNode *del;
  KzLink link;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _kz_sync_protocol_error (error, "links");

  o = json_node_get_object (node);
  name = _kz_sync_member_string (o, "link");
  a = _kz_sync_member_string (o, "a");
  b = _kz_sync_member_string (o, "b");
  del = _kz_sync_member (o, "deleted", G_TYPE_BOOLEAN);

  if (name == NULL || !kz_link_from_name (name, &link) || a == NULL || b == NULL || del == NULL ||
      !g_uuid_string_is_valid (a) || !g_uuid_string_is_valid (b))
    return _kz_sync_protocol_error (error, "link");

  return kz_store_apply_remote_link (store, link, a, b, json_node_get_boolean (del), error);
}

static gboolean
apply_page_items (KzStore     *store,
                  JsonObject  *o,
                  guint       *n_records,
                  GError     **error)
{
  JsonNode *records = _kz_sync_member (o, "records", JSON_TYPE_ARRAY);
  JsonNode *links = _kz_sync_member (o, "links", JSON_TYPE_ARRAY);
  JsonArray *ra, *la;

  if (records == NULL || links == NULL)
    return _kz_sync_protocol_error (error, "page");

  ra = json_node_get_array (records);
  la = json_node_get_array (links);
  for (guint i = 0; i < json_array_get_length (ra); i++)
    if (!apply_record (store, json_array_get_element (ra, i), error))
      return FALSE;
  for (guint i = 0; i < json_array_get_length (la); i++)
    if (!apply_link (store, json_array_get_element (la, i), error))
      return FALSE;

  *n_records += json_array_get_length (ra) + json_array_get_length (la);
  return TRUE;
}

struct _KzSyncPage
{
  JsonParser *parser;
  JsonObject *object;
  gint64      cursor;
  gboolean    more;
};

void
kz_sync_page_free (KzSyncPage *page)
{
  if (page == NULL)
    return;

  g_clear_object (&page->parser);
  g_free (page);
}

KzSyncPage *
kz_sync_page_parse (GBytes    *body,
                    gint64    *cursor,
                    gboolean  *more,
                    GError   **error)
{
  g_autoptr(KzSyncPage) page = g_new0 (KzSyncPage, 1);
  JsonNode *more_node;

  page->parser = json_parser_new ();
  if (!(page->object = _kz_sync_parse_object (body, page->parser, error)))
    return NULL;

  more_node = _kz_sync_member (page->object, "more", G_TYPE_BOOLEAN);
  if (more_node == NULL || !_kz_sync_member_int (page->object, "cursor", &page->cursor) || page->cursor < 0)
    {
      _kz_sync_protocol_error (error, "page");
      return NULL;
    }

  page->more = json_node_get_boolean (more_node);
  *cursor = page->cursor;
  *more = page->more;
  return g_steal_pointer (&page);
}

gboolean
kz_sync_page_apply (KzStore     *store,
                    KzSyncPage  *page,
                    guint       *n_records,
                    GError     **error)
{
  if (!kz_store_begin (store, error))
    return FALSE;

  if (!apply_page_items (store, page->object, n_records, error) ||
      !kz_store_set_sync_cursor (store, MAX (page->cursor, kz_store_get_sync_cursor (store)), error))
    {
      kz_store_rollback (store);
      return FALSE;
    }

  return kz_store_commit (store, error);
}

gboolean
kz_sync_apply_page (KzStore   *store,
                    GBytes    *body,
                    gboolean  *more,
                    guint     *n_records,
                    GError   **error)
{
  g_autoptr(KzSyncPage) page = NULL;
  gint64 cursor;

  return (page = kz_sync_page_parse (body, &cursor, more, error)) &&
         kz_sync_page_apply (store, page, n_records, error);
}

static KzConflict *
decode_conflict (JsonNode *node)
{
  g_autoptr(KzConflict) c = g_new0 (KzConflict, 1);
  g_autoptr(GDateTime) created = NULL;
  const char *base = NULL, *server = NULL, *client = NULL;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  o = json_node_get_object (node);
  c->id = g_strdup (_kz_sync_member_string (o, "id"));
  c->kind = g_strdup (_kz_sync_member_string (o, "kind"));
  c->uuid = g_strdup (_kz_sync_member_string (o, "uuid"));
  c->field = g_strdup (_kz_sync_member_string (o, "field"));
  if (!c->id || !c->kind || !c->uuid || !c->field || !kz_kind_from_name (c->kind, NULL) ||
      !member_nullable (o, "server", &server) || !member_nullable (o, "client", &client))
    return NULL;

  member_nullable (o, "base", &base);
  c->base_value = g_strdup (base);
  c->server_value = g_strdup (server);
  c->client_value = g_strdup (client);
  c->server_author = g_strdup (_kz_sync_member_string (o, "server_author"));
  c->client_author = g_strdup (_kz_sync_member_string (o, "client_author"));
  if (_kz_sync_member_string (o, "created") &&
      (created = g_date_time_new_from_iso8601 (_kz_sync_member_string (o, "created"), NULL)))
    c->created = g_date_time_to_unix (created) * G_USEC_PER_SEC;

  return g_steal_pointer (&c);
}

gboolean
kz_sync_apply_conflicts (KzStore   *store,
                         GBytes    *body,
                         guint     *n_conflicts,
                         GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_conflict_free);
  JsonObject *o = _kz_sync_parse_object (body, parser, error);
  JsonNode *node;
  JsonArray *array;

  if (o == NULL)
    return FALSE;
  if (!(node = _kz_sync_member (o, "conflicts", JSON_TYPE_ARRAY)))
    return _kz_sync_protocol_error (error, "conflicts");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      KzConflict *c = decode_conflict (json_array_get_element (array, i));

      if (c == NULL)
        return _kz_sync_protocol_error (error, "conflict");
      g_ptr_array_add (list, c);
    }

  *n_conflicts = list->len;
  return kz_store_replace_conflicts (store, list, error);
}

gboolean
kz_sync_decode_status (GBytes  *body,
                       gint64  *cursor,
                       GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = _kz_sync_parse_object (body, parser, error);
  gint64 protocol = 0;

  if (o == NULL)
    return FALSE;
  if (!_kz_sync_member_int (o, "protocol", &protocol) || !_kz_sync_member_int (o, "cursor", cursor))
    return _kz_sync_protocol_error (error, "status");

  if (protocol != 1)
    {
      g_set_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_PROTOCOL,
                   _("The sync server speaks protocol version %d; "
                     "this version of Kompetenz speaks version 1."), (int)protocol);
      return FALSE;
    }

  return TRUE;
}

char *
kz_sync_encode_resolve (const char *value)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);

  return to_string (b);
}

char *
kz_sync_decode_error (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = _kz_sync_parse_object (body, parser, NULL);
  JsonNode *err;

  if (o == NULL || !(err = _kz_sync_member (o, "error", JSON_TYPE_OBJECT)))
    return NULL;

  return g_strdup (_kz_sync_member_string (json_node_get_object (err), "message"));
}
