/* kz-server-pull.c
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

#include "kz-server-error.h"
#include "kz-server-json.h"
#include "kz-server-sync.h"

/* The read side of the protocol: pull pages, open conflicts, status.
 * Each runs in one read transaction, so a page is a consistent
 * snapshot. */

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_field (JsonBuilder         *builder,
           const KzServerField *field)
{
  json_builder_set_member_name (builder, field->name);
  json_builder_begin_object (builder);
  add_nullable_string (builder, "value", field->value);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, field->version);
  add_nullable_string (builder, "author", field->author);
  json_builder_end_object (builder);
}

static void
add_record (JsonBuilder          *builder,
            const KzServerRecord *record)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, record->kind);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, record->uuid);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, record->version);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, record->deleted);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < record->fields->len; i++)
    add_field (builder, g_ptr_array_index (record->fields, i));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_link (JsonBuilder        *builder,
          const KzServerLink *link)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "link");
  json_builder_add_string_value (builder, link->link);
  json_builder_set_member_name (builder, "a");
  json_builder_add_string_value (builder, link->a);
  json_builder_set_member_name (builder, "b");
  json_builder_add_string_value (builder, link->b);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, link->deleted);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, link->version);
  json_builder_end_object (builder);
}

typedef struct
{
  GPtrArray *records;
  GPtrArray *links;
  guint      n_records;   /* how many of each go into the page */
  guint      n_links;
  gint64     cursor;
  gboolean   more;
} Page;

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->records, g_ptr_array_unref);
  g_clear_pointer (&page->links, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

/* Takes records and links in version order up to @limit items.  Every
 * version belongs to one item at most, so the page ends at a version
 * boundary; when nothing is left over, the cursor is the head. */
static void
page_cut (Page   *page,
          gint64  since,
          gint64  head,
          guint   limit)
{
  gint64 last = since;

  while (page->n_records + page->n_links < limit)
    {
      KzServerRecord *r = page->n_records < page->records->len
                          ? g_ptr_array_index (page->records, page->n_records) : NULL;
      KzServerLink *l = page->n_links < page->links->len
                        ? g_ptr_array_index (page->links, page->n_links) : NULL;

      if (r == NULL && l == NULL)
        break;
      if (l == NULL || (r != NULL && r->version < l->version))
        {
          last = r->version;
          page->n_records++;
        }
      else
        {
          last = l->version;
          page->n_links++;
        }
    }

  page->more = page->n_records < page->records->len || page->n_links < page->links->len;
  page->cursor = page->more ? last : MAX (since, head);
}

static JsonNode *
build_page (const Page *page)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < page->n_records; i++)
    add_record (builder, g_ptr_array_index (page->records, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < page->n_links; i++)
    add_link (builder, g_ptr_array_index (page->links, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "cursor");
  json_builder_add_int_value (builder, page->cursor);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, page->more);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
kz_server_sync_pull (KzServerStorage  *storage,
                     gint64            since,
                     guint             limit,
                     GError          **error)
{
  g_auto(Page) page = { NULL };
  gint64 head = 0;
  gboolean ok;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (storage), NULL);
  g_return_val_if_fail (limit >= 1 && limit <= KZ_SERVER_PULL_MAX_LIMIT, NULL);

  if (!kz_server_storage_begin (storage, FALSE, error))
    return NULL;

  /* One more of each than fits tells whether more follows. */
  ok = kz_server_storage_get_cursor (storage, &head, error) &&
       kz_server_storage_list_records (storage, since, limit + 1, &page.records, error) &&
       kz_server_storage_list_links (storage, since, limit + 1, &page.links, error);
  if (!ok || !kz_server_storage_commit (storage, error))
    {
      kz_server_storage_rollback (storage);
      return NULL;
    }

  page_cut (&page, since, head, limit);
  return build_page (&page);
}

static void
add_conflict (JsonBuilder            *builder,
              const KzServerConflict *conflict)
{
  g_autofree char *created = kz_server_json_time (conflict->created);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "id", conflict->id);
  add_nullable_string (builder, "kind", conflict->kind);
  add_nullable_string (builder, "uuid", conflict->uuid);
  add_nullable_string (builder, "field", conflict->field);
  add_nullable_string (builder, "base", conflict->base_value);
  add_nullable_string (builder, "server", conflict->server_value);
  add_nullable_string (builder, "client", conflict->client_value);
  add_nullable_string (builder, "server_author", conflict->server_author);
  add_nullable_string (builder, "client_author", conflict->client_author);
  add_nullable_string (builder, "created", created);
  json_builder_end_object (builder);
}

JsonNode *
kz_server_sync_conflicts (KzServerStorage  *storage,
                          GError          **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean ok;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (storage), NULL);

  if (!kz_server_storage_begin (storage, FALSE, error))
    return NULL;

  ok = kz_server_storage_list_conflicts (storage, &conflicts, error);
  if (!ok || !kz_server_storage_commit (storage, error))
    {
      kz_server_storage_rollback (storage);
      return NULL;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    add_conflict (builder, g_ptr_array_index (conflicts, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
kz_server_sync_status (KzServerStorage     *storage,
                       const KzServerUser  *user,
                       GError             **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 head = 0;
  gboolean ok;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (storage), NULL);
  g_return_val_if_fail (user != NULL, NULL);

  if (!kz_server_storage_begin (storage, FALSE, error))
    return NULL;

  ok = kz_server_storage_get_cursor (storage, &head, error);
  if (!ok || !kz_server_storage_commit (storage, error))
    {
      kz_server_storage_rollback (storage);
      return NULL;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "protocol");
  json_builder_add_int_value (builder, KZ_SERVER_PROTOCOL_VERSION);
  json_builder_set_member_name (builder, "protocols");
  json_builder_begin_array (builder);
  for (int v = KZ_SERVER_PROTOCOL_VERSION; v <= KZ_SERVER_PROTOCOL_LATEST; v++)
    json_builder_add_int_value (builder, v);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "server");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "cursor");
  json_builder_add_int_value (builder, head);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, user->name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, kz_role_to_string (user->role));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
