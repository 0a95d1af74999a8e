/* kz-server-upload.c
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
#include "kz-server-sync.h"

/* POST /api/v1/records (protocol 2): the first upload of a portfolio
 * as whole records and links.  A record the server does not have yet
 * is created with all its fields in one go, each field at its own
 * version as if pushed one by one, but with one change id, one
 * look-up and one stored outcome per record.  A record the server
 * already has is left alone ("exists"): the client sends it as field
 * changes, with the usual conflict checks. */

static const char * const body_members[] = { "protocol", "records", "links", NULL };
static const char * const record_members[] = { "change_id", "kind", "uuid", "fields", NULL };
static const char * const link_members[] = { "change_id", "link", "a", "b", NULL };


typedef struct
{
  char      *change_id;
  gboolean   is_link;
  /* A record … */
  KzKind     kind;
  char      *uuid;
  GPtrArray *names;
  GPtrArray *values;
  /* … or a link. */
  KzLink     link;
  char      *a;
  char      *b;
} Item;

static void
item_free (Item *item)
{
  g_free (item->change_id);
  g_free (item->uuid);
  g_clear_pointer (&item->names, g_ptr_array_unref);
  g_clear_pointer (&item->values, g_ptr_array_unref);
  g_free (item->a);
  g_free (item->b);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Item, item_free)

static gboolean
bad_request (GError     **error,
             const char  *where,
             const char  *message)
{
  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST, "%s: %s", where, message);
  return FALSE;
}

static gboolean
parse_kind (JsonObject  *object,
            Item        *item,
            const char  *where,
            GError     **error)
{
  g_autofree char *message = NULL;
  const char *kind;

  if (!kz_server_json_get_string (object, "kind", FALSE, &kind, where, error))
    return FALSE;

  if (kz_kind_from_name (kind, &item->kind) && g_str_equal (kz_kind_get_info (item->kind)->name, kind))
    return TRUE;

  message = g_strdup_printf (_("“%s” is not a known kind of record."), kind);
  return bad_request (error, where, message);
}

/* The canonical text of @text as @field of @kind; NULL when empty. */
static gboolean
canonical_value (KzServerValueChecker  *checker,
                 KzKind                 kind,
                 const char            *field,
                 const char            *text,
                 char                 **canonical,
                 const char            *where,
                 GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kz_server_value_checker_canonical (checker, kind, field, text, canonical, &local_error))
    return TRUE;

  return bad_request (error, where, local_error->message);
}

/* Every field with a value, made canonical; empty ones are left out. */
static gboolean
parse_fields (KzServerValueChecker  *checker,
              JsonObject            *object,
              Item                  *item,
              const char            *where,
              GError               **error)
{
  g_autoptr(GList) names = NULL;
  JsonObject *fields;

  if (!kz_server_json_get_object (object, "fields", &fields, where, error))
    return FALSE;

  item->names = g_ptr_array_new_with_free_func (g_free);
  item->values = g_ptr_array_new_with_free_func (g_free);
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *message = NULL;
      char *canonical = NULL;
      const char *text;

      if (kz_kind_get_field (item->kind, l->data) == NULL)
        {
          message = g_strdup_printf (_("A %s has no field “%s”."),
                                     kz_kind_get_info (item->kind)->name, (const char *)l->data);
          return bad_request (error, where, message);
        }
      if (!kz_server_json_get_string (fields, l->data, TRUE, &text, where, error))
        return FALSE;
      if (!canonical_value (checker, item->kind, l->data, text, &canonical, where, error))
        return FALSE;
      if (canonical == NULL)
        continue;

      g_ptr_array_add (item->names, g_strdup (l->data));
      g_ptr_array_add (item->values, canonical);
    }

  if (item->names->len == 0)
    return bad_request (error, where, _("A record needs at least one field with a value."));

  return TRUE;
}

static Item *
parse_record (KzServerValueChecker  *checker,
              JsonNode              *node,
              guint                  index,
              GError               **error)
{
  g_autoptr(Item) item = g_new0 (Item, 1);
  g_autofree char *where = g_strdup_printf ("records[%u]", index);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_request (error, where, _("A change must be a JSON object."));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!kz_server_json_check_members (object, record_members, where, error) ||
      !(item->change_id = kz_server_json_get_uuid (object, "change_id", where, error)))
    return NULL;

  g_free (where);
  /* Translators: names one record of a bulk upload in error messages */
  where = g_strdup_printf (_("records[%u] (change %s)"), index, item->change_id);
  if (!parse_kind (object, item, where, error) ||
      !(item->uuid = kz_server_json_get_uuid (object, "uuid", where, error)) ||
      !parse_fields (checker, object, item, where, error))
    return NULL;

  return g_steal_pointer (&item);
}

static Item *
parse_link (JsonNode    *node,
            guint        index,
            GError     **error)
{
  g_autoptr(Item) item = g_new0 (Item, 1);
  g_autofree char *where = g_strdup_printf ("links[%u]", index);
  JsonObject *object;
  const char *name;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_request (error, where, _("A change must be a JSON object."));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!kz_server_json_check_members (object, link_members, where, error) ||
      !(item->change_id = kz_server_json_get_uuid (object, "change_id", where, error)))
    return NULL;

  g_free (where);
  /* Translators: names one link of a bulk upload in error messages */
  where = g_strdup_printf (_("links[%u] (change %s)"), index, item->change_id);
  if (!kz_server_json_get_string (object, "link", FALSE, &name, where, error))
    return NULL;
  if (!kz_link_from_name (name, &item->link))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a known link."), name);
      bad_request (error, where, message);
      return NULL;
    }

  item->is_link = TRUE;
  if (!(item->a = kz_server_json_get_uuid (object, "a", where, error)) ||
      !(item->b = kz_server_json_get_uuid (object, "b", where, error)))
    return NULL;

  return g_steal_pointer (&item);
}

static gboolean
parse_items (JsonArray  *array,
             gboolean    links,
             GPtrArray  *items,
             GError    **error)
{
  g_auto(KzServerValueChecker) checker = { { NULL } };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      Item *item = links ? parse_link (node, i, error) : parse_record (&checker, node, i, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }

  return TRUE;
}

static GPtrArray *
parse_upload (JsonNode  *root,
              GError   **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonObject *object = json_node_get_object (root);
  JsonArray *records, *links;
  gint64 protocol;
  guint n;

  if (!kz_server_json_check_members (object, body_members, _("request"), error) ||
      !kz_server_json_get_count (object, "protocol", &protocol, _("request"), error) ||
      !kz_server_json_get_array (object, "records", &records, _("request"), error) ||
      !kz_server_json_get_array (object, "links", &links, _("request"), error))
    return NULL;

  if (protocol != KZ_SERVER_PROTOCOL_LATEST)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("A bulk upload needs protocol version %d, not %d."),
                   KZ_SERVER_PROTOCOL_LATEST, (int)CLAMP (protocol, 0, G_MAXINT));
      return NULL;
    }

  n = json_array_get_length (records) + json_array_get_length (links);
  if (n > KZ_SERVER_MAX_UPLOAD)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("A batch may hold at most %d changes, not %u."), KZ_SERVER_MAX_UPLOAD, n);
      return NULL;
    }

  items = g_ptr_array_new_full (n, (GDestroyNotify)item_free);
  if (!parse_items (records, FALSE, items, error) || !parse_items (links, TRUE, items, error))
    return NULL;

  return g_steal_pointer (&items);
}

/* Applying */

typedef enum
{
  UPLOAD_APPLIED,
  UPLOAD_DUPLICATE,
  UPLOAD_EXISTS,
} Outcome;

typedef struct
{
  const char *change_id;
  Outcome     outcome;
  gint64      version;       /* the record's last version, or the link's */
  char       *conflict_id;   /* a duplicate of a change that opened a conflict */
} Answer;

static void
answer_clear (Answer *answer)
{
  g_free (answer->conflict_id);
}

static gboolean
create_record (KzServerStorage  *storage,
               const char       *author,
               const Item       *item,
               Answer           *answer,
               GError          **error)
{
  g_autoptr(KzServerRecordState) state = NULL;
  gint64 first;

  if (!kz_server_storage_get_record (storage, item->uuid, &state, error))
    return FALSE;

  if (state != NULL)
    {
      answer->outcome = UPLOAD_EXISTS;
      return TRUE;
    }

  if (!kz_server_storage_take_versions (storage, item->names->len, &first, error) ||
      !kz_server_storage_create_record (storage, kz_kind_get_info (item->kind)->name, item->uuid,
                                        (const char * const *)item->names->pdata,
                                        (const char * const *)item->values->pdata,
                                        item->names->len, first, author, error))
    return FALSE;

  answer->version = first + item->names->len - 1;
  return TRUE;
}

static gboolean
apply_item (KzServerStorage  *storage,
            const char       *author,
            gint64            now,
            const Item       *item,
            Answer           *answer,
            GError          **error)
{
  g_autoptr(KzServerResult) seen = NULL;
  KzServerResult result = { 0 };

  answer->change_id = item->change_id;
  if (!kz_server_storage_lookup_result (storage, item->change_id, &seen, error))
    return FALSE;

  if (seen != NULL)
    {
      answer->outcome = UPLOAD_DUPLICATE;
      answer->version = seen->version;
      answer->conflict_id = g_steal_pointer (&seen->conflict_id);
      return TRUE;
    }

  answer->outcome = UPLOAD_APPLIED;
  if (item->is_link)
    {
      if (!kz_server_storage_next_version (storage, &answer->version, error) ||
          !kz_server_storage_write_link (storage, kz_link_get_info (item->link)->name, item->a,
                                         item->b, FALSE, answer->version, author, error))
        return FALSE;
    }
  else if (!create_record (storage, author, item, answer, error))
    return FALSE;

  if (answer->outcome == UPLOAD_EXISTS)
    return TRUE;

  result.change_id = item->change_id;
  result.status = KZ_SERVER_APPLIED;
  result.version = answer->version;
  return kz_server_storage_store_result (storage, &result, author, now, error);
}

static void
add_answer (JsonBuilder  *builder,
            const Answer *answer)
{
  static const char * const names[] = {
    [UPLOAD_APPLIED] = "applied",
    [UPLOAD_DUPLICATE] = "duplicate",
    [UPLOAD_EXISTS] = "exists",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "change_id");
  json_builder_add_string_value (builder, answer->change_id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, names[answer->outcome]);
  if (answer->conflict_id != NULL)
    {
      json_builder_set_member_name (builder, "conflict");
      json_builder_add_string_value (builder, answer->conflict_id);
    }
  else if (answer->outcome != UPLOAD_EXISTS)
    {
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, answer->version);
    }
  json_builder_end_object (builder);
}

static JsonNode *
build_answer (const Answer *answers,
              guint         n,
              gint64        cursor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    add_answer (builder, &answers[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "cursor");
  json_builder_add_int_value (builder, cursor);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
apply_items (KzServerStorage  *storage,
             const char       *author,
             GPtrArray        *items,
             Answer           *answers,
             gint64           *cursor,
             GError          **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < items->len; i++)
    if (!apply_item (storage, author, now, items->pdata[i], &answers[i], error))
      return FALSE;

  return kz_server_storage_get_cursor (storage, cursor, error);
}

JsonNode *
kz_server_sync_upload (KzServerStorage  *storage,
                       const char       *author,
                       JsonNode         *body,
                       GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree Answer *answers = NULL;
  JsonNode *root = NULL;
  gint64 cursor = 0;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (storage), NULL);
  g_return_val_if_fail (author != NULL, NULL);

  /* Everything is checked before the transaction starts. */
  if (!(items = parse_upload (body, error)) ||
      !kz_server_storage_begin (storage, TRUE, error))
    return NULL;

  answers = g_new0 (Answer, MAX (items->len, 1));
  if (apply_items (storage, author, items, answers, &cursor, error) &&
      kz_server_storage_commit (storage, error))
    root = build_answer (answers, items->len, cursor);
  else
    kz_server_storage_rollback (storage);

  for (guint i = 0; i < items->len; i++)
    answer_clear (&answers[i]);

  return root;
}
