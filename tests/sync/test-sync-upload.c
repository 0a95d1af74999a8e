/* test-sync-upload.c
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

/* The bulk first upload of a portfolio (protocol 2) against a real
 * kompetenz-server process: what a second client pulls, resuming a
 * broken-off upload, records the server already has, and the way back
 * to field changes for a server that speaks only protocol 1. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kz-store-sync.h"
#include "kz-store-upload.h"
#include "kz-sync-client.h"
#include "kz-sync-upload.h"
#include "kz-test-server.h"

typedef struct
{
  KzTestServer *server;
  char         *dir;
  KzStore      *anna;
  KzStore      *ben;
  KzSyncClient *anna_client;
  KzSyncClient *ben_client;
} Fixture;

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static KzSyncClient *
signed_in (Fixture    *f,
           KzStore    *store,
           const char *user)
{
  g_autoptr(KzSyncClient) client = kz_sync_client_new (store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = g_strconcat (user, "-geheim-2026", NULL);
  g_autofree char *token = NULL;

  kz_sync_client_set_timeout (client, 0);
  kz_sync_client_login_async (client, kz_test_server_get_url (f->server), user, password, NULL,
                              store_result, &result);
  wait_for (&result);
  token = kz_sync_client_login_finish (client, result, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

static KzSyncStats
sync_ok (KzSyncClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KzSyncStats stats = { 0 };

  kz_sync_client_sync_async (client, NULL, store_result, &result);
  wait_for (&result);
  kz_sync_client_sync_finish (client, result, &stats, &error);
  g_assert_no_error (error);
  return stats;
}

static KzStore *
open_store (Fixture    *f,
            const char *user)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.db", f->dir, user);
  KzStore *store = kz_store_open (path, NULL);

  g_assert_nonnull (store);
  kz_store_set_author (store, user);
  return store;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = kz_test_server_new ();
  kz_test_server_add_user (f->server, "anna", "staff", "anna-geheim-2026");
  kz_test_server_add_user (f->server, "ben", "staff", "ben-geheim-2026");
  kz_test_server_start (f->server, NULL);

  f->dir = g_dir_make_tmp ("kz-sync-upload-XXXXXX", NULL);
  f->anna = open_store (f, "anna");
  f->ben = open_store (f, "ben");
}

/* Signing in turns sync on: a portfolio that has records then plans
 * their first upload, so the tests sign in after making them. */
static void
sign_in (Fixture *f)
{
  f->anna_client = signed_in (f, f->anna, "anna");
  f->ben_client = signed_in (f, f->ben, "ben");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_object (&f->anna_client);
  g_clear_object (&f->ben_client);
  g_clear_object (&f->anna);
  g_clear_object (&f->ben);
  g_clear_pointer (&f->server, kz_test_server_free);

  d = g_dir_open (f->dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Saves a new record with the given field values; returns its UUID. */
static char *
add (KzStore    *store,
     const char *uuid,
     KzKind      kind,
     const char *first_field,
     ...)
{
  g_autoptr(KzRecord) r = uuid ? kz_record_new_with_uuid (kind, uuid) : kz_record_new (kind);
  g_autoptr(GError) error = NULL;
  const char *field = first_field;
  va_list args;

  va_start (args, first_field);
  while (field != NULL)
    {
      kz_record_set_text (r, field, va_arg (args, const char *), &error);
      g_assert_no_error (error);
      field = va_arg (args, const char *);
    }
  va_end (args);

  kz_store_save (store, r, &error);
  g_assert_no_error (error);
  return g_strdup (kz_record_get_uuid (r));
}

static void
edit (KzStore    *store,
      const char *uuid,
      const char *field,
      const char *value)
{
  g_autoptr(KzRecord) r = kz_store_get (store, KZ_KIND_PROJECT, uuid, NULL);

  g_assert_nonnull (r);
  g_assert_true (kz_record_set_text (r, field, value, NULL));
  g_assert_true (kz_store_save (store, r, NULL));
}

static char *
title_of (KzStore    *store,
          const char *uuid)
{
  g_autoptr(KzRecord) r = kz_store_get (store, KZ_KIND_PROJECT, uuid, NULL);

  g_assert_nonnull (r);
  return kz_record_dup_text (r, "title");
}

static gint64
server_cursor (Fixture *f)
{
  g_autofree char *token = kz_test_server_login (f->server, "anna", "anna-geheim-2026");
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (f->server, "GET", "/api/v1/status", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (answer), "cursor");
}

/* Every live record of @kind in @a is in @b with the same values. */
static guint
assert_same_records (KzStore *a,
                     KzStore *b,
                     KzKind   kind)
{
  g_autoptr(GListModel) list = kz_store_list (a, kind, NULL);
  const KzKindInfo *info = kz_kind_get_info (kind);
  g_autoptr(GListModel) other = kz_store_list (b, kind, NULL);
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (g_list_model_get_n_items (other), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) r = g_list_model_get_item (list, i);
      g_autoptr(KzRecord) copy = kz_store_get (b, kind, kz_record_get_uuid (r), NULL);

      g_assert_nonnull (copy);
      g_assert_false (kz_record_get_deleted (copy));
      for (guint j = 0; j < info->n_fields; j++)
        {
          g_autofree char *mine = kz_record_dup_text (r, info->fields[j].name);
          g_autofree char *theirs = kz_record_dup_text (copy, info->fields[j].name);

          g_assert_cmpstr (mine, ==, theirs);
        }
    }

  return n;
}

/* The fields with a value of the live records of @kind. */
static guint
count_values (KzStore *store,
              KzKind   kind)
{
  g_autoptr(GListModel) list = kz_store_list (store, kind, NULL);
  const KzKindInfo *info = kz_kind_get_info (kind);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KzRecord) r = g_list_model_get_item (list, i);

      for (guint j = 0; j < info->n_fields; j++)
        {
          g_autofree char *text = kz_record_dup_text (r, info->fields[j].name);

          n += text != NULL && *text != '\0';
        }
    }

  return n;
}

static void
test_first_sync (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *org = add (f->anna, NULL, KZ_KIND_ORGANISATION, "name", "Diakonie Süd", NULL);
  g_autofree char *contact = add (f->anna, NULL, KZ_KIND_CONTACT, "name", "Frau Weber",
                                  "organisation_id", org, "role", "management", NULL);
  g_autofree char *p1 = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "Digitale Akte",
                             "status", "running", "budget_planned", "1.234,50",
                             "lead_organisation_id", org, NULL);
  g_autofree char *p2 = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "Dienstplan", "status", "planned", NULL);
  g_autofree char *p3 = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "WLAN", "status", "planned", NULL);
  g_autofree char *gone = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "Verworfen", "status", "planned", NULL);
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *title = NULL;
  KzSyncStats stats;

  g_assert_true (kz_store_link (f->anna, KZ_LINK_PROJECT_ORGANISATION, p2, org, NULL));
  g_assert_true (kz_store_delete (f->anna, KZ_KIND_PROJECT, gone, NULL));
  sign_in (f);
  g_assert_true (kz_store_has_upload (f->anna));

  /* Whole records: every value and the link, and nothing to pull back. */
  stats = sync_ok (f->anna_client);
  g_assert_cmpuint (stats.pushed, ==, count_values (f->anna, KZ_KIND_ORGANISATION) +
                                      count_values (f->anna, KZ_KIND_CONTACT) +
                                      count_values (f->anna, KZ_KIND_PROJECT) + 1);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpuint (kz_store_count_pending (f->anna), ==, 0);
  g_assert_false (kz_store_has_upload (f->anna));
  g_assert_cmpint (kz_store_get_sync_cursor (f->anna), ==, server_cursor (f));
  g_assert_cmpint (server_cursor (f), ==, stats.pushed);

  /* A second client gets the same portfolio. */
  sync_ok (f->ben_client);
  g_assert_cmpuint (assert_same_records (f->anna, f->ben, KZ_KIND_ORGANISATION), ==, 1);
  g_assert_cmpuint (assert_same_records (f->anna, f->ben, KZ_KIND_CONTACT), ==, 1);
  g_assert_cmpuint (assert_same_records (f->anna, f->ben, KZ_KIND_PROJECT), ==, 3);
  g_assert_null (kz_store_get (f->ben, KZ_KIND_PROJECT, gone, NULL));
  linked = kz_store_list_linked (f->ben, KZ_LINK_PROJECT_ORGANISATION, p2, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);

  /* Edits afterwards merge and conflict as always. */
  edit (f->ben, p1, "title", "Digitale Akte 2");
  edit (f->anna, p2, "status", "running");
  edit (f->ben, p2, "budget_planned", "500");
  edit (f->anna, p3, "title", "WLAN überall");
  edit (f->ben, p3, "title", "WLAN im Haus");
  g_assert_cmpuint (sync_ok (f->ben_client).conflicts, ==, 0);
  stats = sync_ok (f->anna_client);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  title = title_of (f->anna, p1);
  g_assert_cmpstr (title, ==, "Digitale Akte 2");
  sync_ok (f->ben_client);
  conflicts = kz_store_list_conflicts (f->anna, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((KzConflict *)conflicts->pdata[0])->uuid, ==, p3);
  g_assert_cmpstr (((KzConflict *)conflicts->pdata[0])->base_value, ==, "WLAN");
  g_assert_cmpstr (((KzConflict *)conflicts->pdata[0])->client_value, ==, "WLAN überall");
  g_assert_cmpuint (assert_same_records (f->anna, f->ben, KZ_KIND_PROJECT), ==, 3);
}

/* The server applied a batch but its answer was lost: sent again, it
 * answers with the same versions and stores nothing twice. */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *p1 = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "Eins", "status", "planned", NULL);
  g_autofree char *p2 = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "Zwei", "status", "planned", NULL);
  g_autofree char *token = kz_test_server_login (f->server, "anna", "anna-geheim-2026");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *json = NULL;
  g_autofree char *title = NULL;
  KzSyncStats stats;
  guint status = 0;

  sign_in (f);
  g_assert_true (kz_store_get_sync_enabled (f->anna));
  g_assert_true (kz_store_has_upload (f->anna));
  g_assert_cmpuint (kz_store_count_pending (f->anna), ==, 2);
  items = kz_store_get_upload (f->anna, 1000, G_MAXSIZE, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  json = kz_sync_encode_upload (items);
  answer = kz_test_server_request (f->server, "POST", "/api/v1/records", token, json, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (server_cursor (f), ==, count_values (f->anna, KZ_KIND_PROJECT));

  stats = sync_ok (f->anna_client);
  g_assert_cmpuint (stats.pushed, ==, count_values (f->anna, KZ_KIND_PROJECT));
  g_assert_cmpuint (kz_store_count_pending (f->anna), ==, 0);
  g_assert_cmpint (server_cursor (f), ==, count_values (f->anna, KZ_KIND_PROJECT));

  sync_ok (f->ben_client);
  g_assert_cmpuint (assert_same_records (f->anna, f->ben, KZ_KIND_PROJECT), ==, 2);

  /* The versions the duplicates answered are the base of later edits. */
  edit (f->anna, p2, "title", "Zwei neu");
  g_assert_cmpuint (sync_ok (f->anna_client).conflicts, ==, 0);
  sync_ok (f->ben_client);
  title = title_of (f->ben, p2);
  g_assert_cmpstr (title, ==, "Zwei neu");
  g_assert_nonnull (p1);
}

/* A record the server already has goes as field changes: equal values
 * are applied, different ones conflict. */
static void
test_exists (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *uuid = add (f->ben, NULL, KZ_KIND_PROJECT, "title", "Bens Titel", "status", "running", NULL);
  g_autofree char *same = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  KzConflict *c;

  same = add (f->anna, uuid, KZ_KIND_PROJECT, "title", "Annas Titel", "status", "running", NULL);
  sign_in (f);
  sync_ok (f->ben_client);
  g_assert_true (kz_store_has_upload (f->anna));

  g_assert_cmpuint (sync_ok (f->anna_client).conflicts, ==, 1);
  g_assert_cmpuint (kz_store_count_pending (f->anna), ==, 0);
  conflicts = kz_store_list_conflicts (f->anna, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpstr (c->uuid, ==, uuid);
  g_assert_cmpstr (c->field, ==, "title");
  g_assert_cmpstr (c->server_value, ==, "Bens Titel");
  g_assert_cmpstr (c->client_value, ==, "Annas Titel");

  /* The server kept its value, and so does the client now. */
  title = title_of (f->anna, uuid);
  g_assert_cmpstr (title, ==, "Bens Titel");
}

/* Edits and deletions made between planning and sending go too. */
static void
test_edit_during_upload (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *p1 = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "Alt", "status", "planned", NULL);
  g_autofree char *p2 = add (f->anna, NULL, KZ_KIND_PROJECT, "title", "Weg", "status", "planned", NULL);
  g_autofree char *title = NULL;
  g_autoptr(KzRecord) deleted = NULL;

  sign_in (f);
  g_assert_true (kz_store_has_upload (f->anna));
  edit (f->anna, p1, "title", "Neu");
  g_assert_true (kz_store_delete (f->anna, KZ_KIND_PROJECT, p2, NULL));

  g_assert_cmpuint (sync_ok (f->anna_client).conflicts, ==, 0);
  g_assert_cmpuint (kz_store_count_pending (f->anna), ==, 0);
  sync_ok (f->ben_client);
  title = title_of (f->ben, p1);
  g_assert_cmpstr (title, ==, "Neu");
  deleted = kz_store_get (f->ben, KZ_KIND_PROJECT, p2, NULL);
  g_assert_true (deleted == NULL || kz_record_get_deleted (deleted));
}

/* More records than one batch takes and one page holds: the client
 * reads the next batch while the server stores the last, and asks for
 * the next page while it applies the last. */
static void
test_many_batches (Fixture       *f,
                   gconstpointer  data)
{
  const guint n = 5200;
  g_autoptr(GListModel) pulled = NULL;
  KzSyncStats stats;

  g_assert_true (kz_store_begin (f->anna, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Projekt %u", i);
      g_autofree char *uuid = add (f->anna, NULL, KZ_KIND_PROJECT, "title", title, "status", "planned", NULL);
    }
  g_assert_true (kz_store_commit (f->anna, NULL));
  sign_in (f);

  stats = sync_ok (f->anna_client);
  g_assert_cmpuint (stats.pushed, ==, 2 * n);
  g_assert_cmpuint (kz_store_count_pending (f->anna), ==, 0);
  g_assert_cmpint (kz_store_get_sync_cursor (f->anna), ==, 2 * n);
  g_assert_cmpint (server_cursor (f), ==, 2 * n);

  stats = sync_ok (f->ben_client);
  g_assert_cmpuint (stats.pulled, ==, n);
  g_assert_cmpint (kz_store_get_sync_cursor (f->ben), ==, 2 * n);
  pulled = kz_store_search (f->ben, "Projekt", 10, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pulled), ==, 10);
  g_assert_cmpuint (assert_same_records (f->anna, f->ben, KZ_KIND_PROJECT), ==, n);
}

/* A server of protocol 1 gets the plan as field and link changes. */
static void
test_older_server (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kz-sync-upload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.db", NULL);
  g_autoptr(KzStore) store = kz_store_open (path, NULL);
  g_autofree char *org = add (store, NULL, KZ_KIND_ORGANISATION, "name", "AWO", NULL);
  g_autofree char *project = add (store, NULL, KZ_KIND_PROJECT, "title", "Akte", "status", "planned", NULL);
  g_autoptr(GPtrArray) pending = NULL;
  const char *status_v1 = "{\"protocol\": 1, \"cursor\": 0}";
  const char *status_v2 = "{\"protocol\": 1, \"protocols\": [1, 2], \"cursor\": 0}";
  const char *status_v3 = "{\"protocol\": 3, \"protocols\": [3], \"cursor\": 0}";
  g_autoptr(GBytes) v1 = g_bytes_new_static (status_v1, strlen (status_v1));
  g_autoptr(GBytes) v2 = g_bytes_new_static (status_v2, strlen (status_v2));
  g_autoptr(GBytes) v3 = g_bytes_new_static (status_v3, strlen (status_v3));
  guint links = 0;

  g_assert_cmpint (kz_sync_decode_protocol (v1), ==, 1);
  g_assert_cmpint (kz_sync_decode_protocol (v2), ==, 2);
  g_assert_cmpint (kz_sync_decode_protocol (v3), ==, 1);

  g_assert_true (kz_store_link (store, KZ_LINK_PROJECT_ORGANISATION, project, org, NULL));
  g_assert_true (kz_store_enable_sync_planned (store, NULL));
  g_assert_true (kz_store_has_upload (store));
  g_assert_true (kz_store_upload_to_changes (store, NULL));
  g_assert_false (kz_store_has_upload (store));

  pending = kz_store_get_pending (store, 0, NULL);
  g_assert_cmpuint (pending->len, ==, count_values (store, KZ_KIND_ORGANISATION) +
                                      count_values (store, KZ_KIND_PROJECT) + 1);
  for (guint i = 0; i < pending->len; i++)
    {
      KzPendingChange *c = pending->pdata[i];

      links += c->link != NULL;
      g_assert_cmpint (c->base, ==, 0);
      g_assert_true (c->link != NULL || c->value != NULL);
    }
  g_assert_cmpuint (links, ==, 1);

  g_clear_object (&store);
  for (const char *suffix = ""; suffix; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *p = g_strconcat (path, suffix, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

  g_test_add ("/sync/upload/first-sync", Fixture, NULL, fixture_setup, test_first_sync, fixture_teardown);
  g_test_add ("/sync/upload/resume", Fixture, NULL, fixture_setup, test_resume, fixture_teardown);
  g_test_add ("/sync/upload/exists", Fixture, NULL, fixture_setup, test_exists, fixture_teardown);
  g_test_add ("/sync/upload/edit-during-upload", Fixture, NULL, fixture_setup, test_edit_during_upload,
              fixture_teardown);
  g_test_add ("/sync/upload/many-batches", Fixture, NULL, fixture_setup, test_many_batches, fixture_teardown);
  g_test_add_func ("/sync/upload/older-server", test_older_server);

  return g_test_run ();
}
