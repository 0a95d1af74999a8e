/* test-server-sync.c
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

#include "config.h"

#include "kz-test-server.h"

/* Pull, push, merging, conflicts and links against a real server.
 * One server serves all cases; each case works on its own records and
 * pulls from the cursor it saw before it started. */

static KzTestServer *server;
static char *anna;   /* staff */
static char *ben;    /* staff */

static gint64
current_cursor (void)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (server, "GET", "/api/v1/status", anna, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (answer), "cursor");
}

/* Pushes one change and asserts its status; returns the answer. */
static JsonNode *
push_one (const char *token,
          const char *change,
          const char *expected)
{
  g_autofree char *batch = kz_test_batch (change, NULL);
  JsonNode *answer;
  guint status = 0;

  answer = kz_test_server_push (server, token, batch, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (kz_test_result (answer, 0), "status"), ==, expected);
  return answer;
}

static gint64
push_applied (const char *token,
              const char *change)
{
  g_autoptr(JsonNode) answer = push_one (token, change, "applied");

  return json_object_get_int_member (kz_test_result (answer, 0), "version");
}

static char *
push_conflict (const char *token,
               const char *change)
{
  g_autoptr(JsonNode) answer = push_one (token, change, "conflict");

  return g_strdup (json_object_get_string_member (kz_test_result (answer, 0), "conflict"));
}

static JsonObject *
pull_record (JsonNode  **page,
             gint64      since,
             const char *uuid)
{
  JsonObject *record;

  *page = kz_test_server_pull (server, ben, since, 1000);
  record = kz_test_find_record (*page, uuid);
  g_assert_nonnull (record);
  return record;
}

static JsonObject *
find_conflict (JsonNode   *list,
               const char *id)
{
  JsonArray *conflicts = json_object_get_array_member (json_node_get_object (list), "conflicts");

  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonObject *conflict = json_array_get_object_element (conflicts, i);

      if (g_str_equal (json_object_get_string_member (conflict, "id"), id))
        return conflict;
    }

  return NULL;
}

static guint
count_conflicts_for (JsonNode   *list,
                     const char *uuid)
{
  JsonArray *conflicts = json_object_get_array_member (json_node_get_object (list), "conflicts");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (conflicts, i), "uuid"), uuid))
      n++;

  return n;
}

static JsonNode *
list_conflicts (void)
{
  JsonNode *answer;
  guint status = 0;

  answer = kz_test_server_request (server, "GET", "/api/v1/conflicts", ben, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return answer;
}

static JsonNode *
resolve (const char *token,
         const char *id,
         const char *body,
         guint      *status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/conflicts/%s/resolve", id);

  return kz_test_server_request (server, "POST", path, token, body, status);
}

static void
test_push_pull (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *c1 = kz_test_field_change ("project", uuid, "title", "Digitale Pflegedokumentation", 0);
  g_autofree char *c2 = kz_test_field_change ("project", uuid, "status", "running", 0);
  g_autofree char *c3 = kz_test_field_change ("project", uuid, "budget_planned", "1234.5", 0);
  g_autofree char *batch = kz_test_batch (c1, c2, c3, NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor ();
  JsonObject *record;
  guint status = 0;

  answer = kz_test_server_push (server, anna, batch, &status);
  g_assert_cmpuint (status, ==, 200);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (json_object_get_string_member (kz_test_result (answer, i), "status"), ==, "applied");
      g_assert_cmpint (json_object_get_int_member (kz_test_result (answer, i), "version"), ==, before + 1 + i);
    }
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer), "cursor"), ==, before + 3);

  record = pull_record (&page, before, uuid);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "project");
  g_assert_false (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, before + 3);
  g_assert_cmpstr (kz_test_field_value (record, "title"), ==, "Digitale Pflegedokumentation");
  g_assert_cmpstr (kz_test_field_value (record, "status"), ==, "running");
  g_assert_cmpstr (kz_test_field_value (record, "budget_planned"), ==, "1234.50");
  g_assert_cmpint (kz_test_field_version (record, "title"), ==, before + 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (record, "fields"), "title"),
                     "author"), ==, "anna");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (page), "cursor"), ==, before + 3);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (page), "more"));
}

static void
test_nothing_new (void)
{
  gint64 cursor = current_cursor ();
  g_autoptr(JsonNode) page = kz_test_server_pull (server, ben, cursor, 10);
  JsonObject *object = json_node_get_object (page);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "records")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "links")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "cursor"), ==, cursor);
  g_assert_false (json_object_get_boolean_member (object, "more"));
}

/* Counts a page's items into @seen and checks its size and order. */
static guint
take_page (JsonNode   *page,
           GHashTable *seen,
           guint       limit)
{
  JsonObject *object = json_node_get_object (page);
  JsonArray *records = json_object_get_array_member (object, "records");
  JsonArray *links = json_object_get_array_member (object, "links");
  gint64 cursor = json_object_get_int_member (object, "cursor");
  guint n = json_array_get_length (records) + json_array_get_length (links);

  g_assert_cmpuint (n, <=, limit);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      g_assert_cmpint (json_object_get_int_member (record, "version"), <=, cursor);
      g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (record, "uuid"))));
    }
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);

      g_assert_cmpint (json_object_get_int_member (link, "version"), <=, cursor);
      g_assert_true (g_hash_table_add (seen, g_strconcat (json_object_get_string_member (link, "a"), "+",
                                                          json_object_get_string_member (link, "b"), NULL)));
    }

  return n;
}

static void
test_pagination (void)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) batch = g_string_new ("{\"changes\": [");
  g_autofree char *project = g_uuid_string_random ();
  g_autoptr(JsonNode) answer = NULL;
  gint64 before = current_cursor ();
  gint64 since = before, first_cursor = 0;
  gboolean more = TRUE;
  guint status = 0, pages = 0;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("Organisation %u", i);

      g_ptr_array_add (changes, kz_test_field_change ("organisation", uuid, "name", title, 0));
      g_ptr_array_add (changes, kz_test_field_change ("organisation", uuid, "city", "Kassel", 0));
      if (i < 3)
        g_ptr_array_add (changes, kz_test_link_change ("project-organisation", project, uuid, FALSE));
    }
  for (guint i = 0; i < changes->len; i++)
    g_string_append_printf (batch, "%s%s", i ? ", " : "", (char *)changes->pdata[i]);
  g_string_append (batch, "]}");

  answer = kz_test_server_push (server, anna, batch->str, &status);
  g_assert_cmpuint (status, ==, 200);

  while (more)
    {
      g_autoptr(JsonNode) page = kz_test_server_pull (server, ben, since, 3);
      JsonObject *object = json_node_get_object (page);

      g_assert_cmpuint (take_page (page, seen, 3), >, 0);
      g_assert_cmpint (json_object_get_int_member (object, "cursor"), >, since);
      since = json_object_get_int_member (object, "cursor");
      more = json_object_get_boolean_member (object, "more");
      if (pages++ == 0)
        first_cursor = since;
    }

  g_assert_cmpuint (pages, ==, 4);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 10);
  g_assert_cmpint (since, ==, before + changes->len);

  /* A first sync broken off after one page resumes from its cursor. */
  {
    g_autoptr(GHashTable) rest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(JsonNode) page = kz_test_server_pull (server, ben, first_cursor, 1000);

    g_assert_cmpuint (take_page (page, rest, 1000), ==, 7);
    g_assert_false (json_object_get_boolean_member (json_node_get_object (page), "more"));
  }
}

static void
test_duplicate (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *change = kz_test_field_change ("firm", uuid, "name", "Beispiel GmbH", 0);
  g_autofree char *twice = kz_test_batch (change, change, NULL);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor ();
  gint64 version;
  guint status = 0;

  /* The same change twice in one batch … */
  first = kz_test_server_push (server, anna, twice, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (kz_test_result (first, 0), "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (kz_test_result (first, 1), "status"), ==, "duplicate");
  version = json_object_get_int_member (kz_test_result (first, 0), "version");
  g_assert_cmpint (json_object_get_int_member (kz_test_result (first, 1), "version"), ==, version);

  /* … and the batch again, as after a lost answer. */
  again = kz_test_server_push (server, anna, twice, &status);
  g_assert_cmpuint (status, ==, 200);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (json_object_get_string_member (kz_test_result (again, i), "status"), ==, "duplicate");
      g_assert_cmpint (json_object_get_int_member (kz_test_result (again, i), "version"), ==, version);
    }

  g_assert_cmpint (current_cursor (), ==, before + 1);
  pull_record (&page, before, uuid);
  g_assert_cmpint (version, ==, before + 1);
}

static void
test_merge_fields (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *c1 = kz_test_field_change ("project", uuid, "title", "Alt", 0);
  g_autofree char *c2 = kz_test_field_change ("project", uuid, "status", "planned", 0);
  g_autofree char *created = kz_test_batch (c1, c2, NULL);
  g_autofree char *anna_edit = NULL, *ben_edit = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor (), title_v, status_v;
  JsonObject *record;
  guint status = 0;

  answer = kz_test_server_push (server, anna, created, &status);
  g_assert_cmpuint (status, ==, 200);
  title_v = json_object_get_int_member (kz_test_result (answer, 0), "version");
  status_v = json_object_get_int_member (kz_test_result (answer, 1), "version");

  /* Both saw the record as created; each edits another field. */
  anna_edit = kz_test_field_change ("project", uuid, "title", "Neu von Anna", title_v);
  ben_edit = kz_test_field_change ("project", uuid, "status", "running", status_v);
  push_applied (anna, anna_edit);
  push_applied (ben, ben_edit);

  record = pull_record (&page, before, uuid);
  g_assert_cmpstr (kz_test_field_value (record, "title"), ==, "Neu von Anna");
  g_assert_cmpstr (kz_test_field_value (record, "status"), ==, "running");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (record, "fields"), "status"),
                     "author"), ==, "ben");
}

static void
test_conflict_resolve (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *create = kz_test_field_change ("project", uuid, "title", "Alter Titel", 0);
  g_autofree char *anna_edit = NULL, *ben_edit = NULL, *same = NULL, *id = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor (), base, resolved;
  JsonObject *conflict, *record;
  guint status = 0;

  base = push_applied (anna, create);
  anna_edit = kz_test_field_change ("project", uuid, "title", "Titel A", base);
  ben_edit = kz_test_field_change ("project", uuid, "title", "Titel B", base);
  push_applied (anna, anna_edit);
  id = push_conflict (ben, ben_edit);

  /* The server keeps its value; the conflict is listed once. */
  record = pull_record (&page, before, uuid);
  g_assert_cmpstr (kz_test_field_value (record, "title"), ==, "Titel A");
  list = list_conflicts ();
  g_assert_cmpuint (count_conflicts_for (list, uuid), ==, 1);
  conflict = find_conflict (list, id);
  g_assert_nonnull (conflict);
  g_assert_cmpstr (json_object_get_string_member (conflict, "kind"), ==, "project");
  g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "title");
  g_assert_cmpstr (json_object_get_string_member (conflict, "base"), ==, "Alter Titel");
  g_assert_cmpstr (json_object_get_string_member (conflict, "server"), ==, "Titel A");
  g_assert_cmpstr (json_object_get_string_member (conflict, "client"), ==, "Titel B");
  g_assert_cmpstr (json_object_get_string_member (conflict, "server_author"), ==, "anna");
  g_assert_cmpstr (json_object_get_string_member (conflict, "client_author"), ==, "ben");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (conflict, "created"), "Z"));

  /* Resolving applies a new version of the field. */
  answer = resolve (ben, id, "{\"value\": \"Titel A und B\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  resolved = json_object_get_int_member (json_node_get_object (answer), "version");
  g_clear_pointer (&page, json_node_unref);
  record = pull_record (&page, before, uuid);
  g_assert_cmpstr (kz_test_field_value (record, "title"), ==, "Titel A und B");
  g_assert_cmpint (kz_test_field_version (record, "title"), ==, resolved);
  g_clear_pointer (&list, json_node_unref);
  list = list_conflicts ();
  g_assert_null (find_conflict (list, id));

  /* Resolving again is a conflict; an unknown id is not found. */
  g_clear_pointer (&answer, json_node_unref);
  answer = resolve (anna, id, "{\"value\": \"noch einmal\"}", &status);
  g_assert_cmpuint (status, ==, 409);
  g_assert_cmpstr (kz_test_error_code (answer), ==, "conflict");
  g_clear_pointer (&answer, json_node_unref);
  answer = resolve (anna, "0d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a", "{\"value\": null}", &status);
  g_assert_cmpuint (status, ==, 404);

  /* An edit that arrives at the server's value is simply applied. */
  same = kz_test_field_change ("project", uuid, "title", "Titel A und B", base);
  push_applied (anna, same);
}

static void
test_delete_against_edit (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *create = kz_test_field_change ("project", uuid, "title", "Löschkandidat", 0);
  g_autofree char *edit = NULL, *delete = NULL, *id = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor (), seen;
  JsonObject *conflict, *record;
  guint status = 0;

  seen = push_applied (anna, create);
  edit = kz_test_field_change ("project", uuid, "description", "Wichtige Notiz", 0);
  push_applied (ben, edit);

  /* Anna deletes what she saw; Ben's later edit must not be lost. */
  delete = kz_test_field_change ("project", uuid, "deleted", "true", seen);
  id = push_conflict (anna, delete);
  list = list_conflicts ();
  conflict = find_conflict (list, id);
  g_assert_nonnull (conflict);
  g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "deleted");
  g_assert_cmpstr (json_object_get_string_member (conflict, "server"), ==, "false");
  g_assert_cmpstr (json_object_get_string_member (conflict, "client"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (conflict, "server_author"), ==, "ben");

  record = pull_record (&page, before, uuid);
  g_assert_false (json_object_get_boolean_member (record, "deleted"));

  /* Resolving with "true" deletes it after all. */
  answer = resolve (anna, id, "{\"value\": \"true\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&page, json_node_unref);
  record = pull_record (&page, before, uuid);
  g_assert_true (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==,
                   json_object_get_int_member (json_node_get_object (answer), "version"));
}

static void
test_edit_against_delete (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *create = kz_test_field_change ("visit", uuid, "notes", "Erstbesuch", 0);
  g_autofree char *delete = NULL, *edit = NULL, *id = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor (), seen;
  JsonObject *conflict, *record;
  guint status = 0;

  seen = push_applied (anna, create);
  delete = kz_test_field_change ("visit", uuid, "deleted", "true", seen);
  push_applied (anna, delete);

  /* Ben edits the visit he saw before it was deleted. */
  edit = kz_test_field_change ("visit", uuid, "notes", "Zweitbesuch vereinbart", seen);
  id = push_conflict (ben, edit);
  list = list_conflicts ();
  conflict = find_conflict (list, id);
  g_assert_nonnull (conflict);
  g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "deleted");
  g_assert_cmpstr (json_object_get_string_member (conflict, "server"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (conflict, "client"), ==, "false");
  g_assert_cmpstr (json_object_get_string_member (conflict, "base"), ==, "false");

  /* The record stays deleted with the edit kept underneath … */
  record = pull_record (&page, before, uuid);
  g_assert_true (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpstr (kz_test_field_value (record, "notes"), ==, "Zweitbesuch vereinbart");

  /* … and comes back with it when the conflict is resolved so. */
  answer = resolve (ben, id, "{\"value\": \"false\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&page, json_node_unref);
  record = pull_record (&page, before, uuid);
  g_assert_false (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpstr (kz_test_field_value (record, "notes"), ==, "Zweitbesuch vereinbart");
}

static JsonObject *
find_link (JsonNode   *page,
           const char *a,
           const char *b,
           guint      *count)
{
  JsonArray *links = json_object_get_array_member (json_node_get_object (page), "links");
  JsonObject *found = NULL;

  *count = 0;
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);

      if (g_str_equal (json_object_get_string_member (link, "a"), a) &&
          g_str_equal (json_object_get_string_member (link, "b"), b))
        {
          found = link;
          (*count)++;
        }
    }

  return found;
}

static void
test_links (void)
{
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *org1 = g_uuid_string_random ();
  g_autofree char *org2 = g_uuid_string_random ();
  g_autofree char *add1 = kz_test_link_change ("project-organisation", project, org1, FALSE);
  g_autofree char *add2 = kz_test_link_change ("project-organisation", project, org2, FALSE);
  g_autofree char *remove1 = kz_test_link_change ("project-organisation", project, org1, TRUE);
  g_autofree char *readd1 = kz_test_link_change ("project-organisation", project, org1, FALSE);
  g_autofree char *remove2 = kz_test_link_change ("project-organisation", project, org2, TRUE);
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor (), last;
  JsonObject *link;
  guint count;

  /* Two people add, remove and add again: the last change wins and
   * no conflict ever comes of it. */
  push_applied (anna, add1);
  push_applied (ben, add2);
  push_applied (ben, remove1);
  last = push_applied (anna, readd1);
  push_applied (anna, remove2);

  page = kz_test_server_pull (server, ben, before, 1000);
  link = find_link (page, project, org1, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (json_object_get_boolean_member (link, "deleted"));
  g_assert_cmpint (json_object_get_int_member (link, "version"), ==, last);
  g_assert_cmpstr (json_object_get_string_member (link, "link"), ==, "project-organisation");
  link = find_link (page, project, org2, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (json_object_get_boolean_member (link, "deleted"));
}

/* The server runs under a German locale (see main()): canonical values
 * keep their meaning, German input is made canonical. */
static void
test_canonical_values (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *programme = g_uuid_string_random ();
  g_autofree char *c1 = kz_test_field_change ("partnership", uuid, "pro_bono_hours", "1.234", 0);
  g_autofree char *c2 = kz_test_field_change ("partnership", uuid, "start_date", "31.12.2026", 0);
  g_autofree char *c3 = kz_test_field_change ("partnership", uuid, "outcome", "  Ergebnis  ", 0);
  g_autofree char *c4 = kz_test_field_change ("programme", programme, "max_amount", "1.234,50 €", 0);
  g_autofree char *c5 = kz_test_field_change ("programme", programme, "rate", "12.5", 0);
  g_autofree char *c6 = kz_test_field_change ("partnership", uuid, "agreement", NULL, 0);
  g_autofree char *batch = kz_test_batch (c1, c2, c3, c4, c5, c6, NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor ();
  JsonObject *record;
  guint status = 0;

  answer = kz_test_server_push (server, anna, batch, &status);
  g_assert_cmpuint (status, ==, 200);

  record = pull_record (&page, before, uuid);
  g_assert_cmpstr (kz_test_field_value (record, "pro_bono_hours"), ==, "1.234");
  g_assert_cmpstr (kz_test_field_value (record, "start_date"), ==, "2026-12-31");
  g_assert_cmpstr (kz_test_field_value (record, "outcome"), ==, "Ergebnis");
  g_assert_null (kz_test_field_value (record, "agreement"));
  g_assert_cmpint (kz_test_field_version (record, "agreement"), ==, before + 6);
  record = kz_test_find_record (page, programme);
  g_assert_cmpstr (kz_test_field_value (record, "max_amount"), ==, "1234.50");
  g_assert_cmpstr (kz_test_field_value (record, "rate"), ==, "12.5");
}


/* POST /api/v1/records (protocol 2): whole records, once each. */
static JsonNode *
upload (const char *body,
        guint       expected_status)
{
  JsonNode *answer;
  guint status = 0;

  answer = kz_test_server_request (server, "POST", "/api/v1/records", anna, body, &status);
  g_assert_cmpuint (status, ==, expected_status);
  return answer;
}

static void
test_upload (void)
{
  g_autofree char *org = g_uuid_string_random ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *id1 = g_uuid_string_random ();
  g_autofree char *id2 = g_uuid_string_random ();
  g_autofree char *id3 = g_uuid_string_random ();
  g_autofree char *body = g_strdup_printf (
      "{\"protocol\": 2, \"records\": ["
      "{\"change_id\": \"%s\", \"kind\": \"organisation\", \"uuid\": \"%s\","
      " \"fields\": {\"name\": \"Caritas Nord\"}},"
      "{\"change_id\": \"%s\", \"kind\": \"project\", \"uuid\": \"%s\","
      " \"fields\": {\"title\": \"Digitale Akte\", \"budget_planned\": \"1.234,50 €\","
      " \"status\": null}}],"
      " \"links\": [{\"change_id\": \"%s\", \"link\": \"project-organisation\","
      " \"a\": \"%s\", \"b\": \"%s\"}]}",
      id1, org, id2, project, id3, project, org);
  g_autoptr(JsonNode) status_answer = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor ();
  JsonArray *protocols, *links;
  JsonObject *record;
  guint status = 0;

  status_answer = kz_test_server_request (server, "GET", "/api/v1/status", anna, NULL, &status);
  protocols = json_object_get_array_member (json_node_get_object (status_answer), "protocols");
  g_assert_cmpuint (json_array_get_length (protocols), ==, 2);
  g_assert_cmpint (json_array_get_int_element (protocols, 1), ==, 2);

  /* One version per field, in the order sent; the link after them. */
  answer = upload (body, 200);
  g_assert_cmpstr (json_object_get_string_member (kz_test_result (answer, 0), "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (kz_test_result (answer, 0), "version"), ==, before + 1);
  g_assert_cmpint (json_object_get_int_member (kz_test_result (answer, 1), "version"), ==, before + 3);
  g_assert_cmpint (json_object_get_int_member (kz_test_result (answer, 2), "version"), ==, before + 4);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer), "cursor"), ==, before + 4);

  record = pull_record (&page, before, project);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, before + 3);
  g_assert_cmpstr (kz_test_field_value (record, "title"), ==, "Digitale Akte");
  g_assert_cmpstr (kz_test_field_value (record, "budget_planned"), ==, "1234.50");
  g_assert_null (json_object_get_member (json_object_get_object_member (record, "fields"), "status"));
  g_assert_cmpint (kz_test_field_version (record, "title") + kz_test_field_version (record, "budget_planned"),
                   ==, 2 * before + 5);
  links = json_object_get_array_member (json_node_get_object (page), "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0), "a"), ==, project);

  /* Sent again: the same outcome, nothing new. */
  again = upload (body, 200);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (json_object_get_string_member (kz_test_result (again, i), "status"), ==, "duplicate");
      g_assert_cmpint (json_object_get_int_member (kz_test_result (again, i), "version"), ==,
                       json_object_get_int_member (kz_test_result (answer, i), "version"));
    }
  g_assert_cmpint (current_cursor (), ==, before + 4);
}

static void
test_upload_exists (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *change = kz_test_field_change ("project", uuid, "title", "Vom Server", 0);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *body = g_strdup_printf (
      "{\"protocol\": 2, \"records\": [{\"change_id\": \"%s\", \"kind\": \"project\","
      " \"uuid\": \"%s\", \"fields\": {\"title\": \"Vom Client\"}}], \"links\": []}", id, uuid);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 before = current_cursor ();
  JsonObject *record;

  push_applied (ben, change);
  answer = upload (body, 200);
  g_assert_cmpstr (json_object_get_string_member (kz_test_result (answer, 0), "status"), ==, "exists");
  g_assert_false (json_object_has_member (kz_test_result (answer, 0), "version"));
  g_assert_cmpint (current_cursor (), ==, before + 1);

  record = pull_record (&page, before, uuid);
  g_assert_cmpstr (kz_test_field_value (record, "title"), ==, "Vom Server");
}

static void
test_upload_refused (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_uuid_string_random ();
  const char *bodies[] = {
    /* A client of another version. */
    "{\"protocol\": 1, \"records\": [], \"links\": []}",
    "{\"records\": [], \"links\": []}",
    /* No field with a value, an unknown field, a deletion, a value that does not parse. */
    "{\"protocol\": 2, \"records\": [{\"change_id\": \"%s\", \"kind\": \"project\","
    " \"uuid\": \"%s\", \"fields\": {\"title\": null}}], \"links\": []}",
    "{\"protocol\": 2, \"records\": [{\"change_id\": \"%s\", \"kind\": \"project\","
    " \"uuid\": \"%s\", \"fields\": {\"colour\": \"rot\"}}], \"links\": []}",
    "{\"protocol\": 2, \"records\": [{\"change_id\": \"%s\", \"kind\": \"project\","
    " \"uuid\": \"%s\", \"fields\": {\"deleted\": \"true\"}}], \"links\": []}",
    "{\"protocol\": 2, \"records\": [{\"change_id\": \"%s\", \"kind\": \"project\","
    " \"uuid\": \"%s\", \"fields\": {\"start_date\": \"bald\"}}], \"links\": []}",
  };
  gint64 before = current_cursor ();

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *body = g_strdup_printf (bodies[i], id, uuid);
      g_autoptr(JsonNode) answer = upload (body, 400);

      g_assert_cmpstr (kz_test_error_code (answer), ==, "bad_request");
    }
  g_assert_cmpint (current_cursor (), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

  /* The server's locale, not the test's. */
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  server = kz_test_server_new ();
  kz_test_server_add_user (server, "anna", "staff", "anna-password");
  kz_test_server_add_user (server, "ben", "staff", "ben-password");
  kz_test_server_start (server, NULL);
  anna = kz_test_server_login (server, "anna", "anna-password");
  ben = kz_test_server_login (server, "ben", "ben-password");

  g_test_add_func ("/server/sync/push-pull", test_push_pull);
  g_test_add_func ("/server/sync/nothing-new", test_nothing_new);
  g_test_add_func ("/server/sync/pagination", test_pagination);
  g_test_add_func ("/server/sync/duplicate", test_duplicate);
  g_test_add_func ("/server/sync/merge-fields", test_merge_fields);
  g_test_add_func ("/server/sync/conflict-resolve", test_conflict_resolve);
  g_test_add_func ("/server/sync/delete-against-edit", test_delete_against_edit);
  g_test_add_func ("/server/sync/edit-against-delete", test_edit_against_delete);
  g_test_add_func ("/server/sync/links", test_links);
  g_test_add_func ("/server/sync/canonical-values", test_canonical_values);
  g_test_add_func ("/server/sync/upload", test_upload);
  g_test_add_func ("/server/sync/upload-exists", test_upload_exists);
  g_test_add_func ("/server/sync/upload-refused", test_upload_refused);

  result = g_test_run ();

  kz_test_server_free (server);
  g_free (anna);
  g_free (ben);
  return result;
}
