/* test-sync-visit.c
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

/* A site visit captured while the server cannot be reached, on one
 * client, reaches a second client through a real kompetenz-server once
 * the first one is back online: the visit, its maturity check and its
 * follow-up task. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "kz-maturity.h"
#include "kz-reminder.h"
#include "kz-sync-client.h"
#include "kz-test-server.h"
#include "kz-undo-manager.h"
#include "kz-visit-capture.h"

typedef struct
{
  char         *dir;
  KzStore      *store;
  KzSyncClient *client;
  char         *token;
} Client;

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
client_open (Client       *c,
             KzTestServer *server,
             const char   *dir,
             const char   *user)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.db", dir, user);
  g_autofree char *password = g_strconcat (user, "-geheim-2026", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  c->store = kz_store_open (path, &error);
  g_assert_no_error (error);
  kz_store_set_author (c->store, user);
  c->client = kz_sync_client_new (c->store);
  kz_sync_client_login_async (c->client, kz_test_server_get_url (server), user, password,
                              NULL, store_result, &result);
  wait_for (&result);
  c->token = kz_sync_client_login_finish (c->client, result, &error);
  g_assert_no_error (error);
}

static void
client_close (Client *c)
{
  g_clear_object (&c->client);
  g_clear_object (&c->store);
  g_clear_pointer (&c->token, g_free);
}

static gboolean
try_sync (KzSyncClient  *client,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  KzSyncStats stats = { 0 };

  kz_sync_client_sync_async (client, NULL, store_result, &result);
  wait_for (&result);
  return kz_sync_client_sync_finish (client, result, &stats, error);
}

static void
sync_ok (KzSyncClient *client)
{
  g_autoptr(GError) error = NULL;

  try_sync (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kz_sync_client_get_state (client), ==, KZ_SYNC_STATE_IDLE);
}

static char *
capture_visit (Client     *anna,
               const char *organisation)
{
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (anna->store);
  g_autoptr(KzVisitCapture) capture = kz_visit_capture_new (organisation, "2026-11-20");
  g_autoptr(GError) error = NULL;
  char *uuid;

  capture->advisor = g_strdup ("Anna Berg");
  capture->attendees = g_strdup ("Geschäftsführung, IT-Leitung");
  capture->notes = g_strdup ("WLAN im Wohnbereich fehlt; TI-Anbindung läuft.");
  capture->scores[KZ_MATURITY_STRATEGY] = 2;
  capture->scores[KZ_MATURITY_SECURITY] = 3;
  kz_visit_capture_add_task (capture, "Förderantrag WLAN vorbereiten", "2026-12-15", "Träger: IT-Leitung");

  uuid = kz_visit_capture_save (capture, undo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
test_offline_visit_reaches_other_client (void)
{
  KzTestServer *server = kz_test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("kz-sync-visit-XXXXXX", NULL);
  Client anna = { 0 }, ben = { 0 };
  g_autoptr(KzRecord) org = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(KzRecord) visit = NULL;
  g_autoptr(KzRecord) check = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(KzRecord) task = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *visit_uuid = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  kz_test_server_add_user (server, "anna", "staff", "anna-geheim-2026");
  kz_test_server_add_user (server, "ben", "staff", "ben-geheim-2026");
  kz_test_server_start (server, NULL);
  client_open (&anna, server, dir, "anna");
  client_open (&ben, server, dir, "ben");

  /* The trip is prepared while online: the organisation is on both. */
  kz_record_set_string (org, "name", "Diakoniestation Nordheide");
  g_assert_true (kz_store_save (anna.store, org, NULL));
  sync_ok (anna.client);
  sync_ok (ben.client);

  /* On the road: the server cannot be reached, the visit is captured
   * and stays on Anna's computer. */
  kz_test_server_stop (server);
  visit_uuid = capture_visit (&anna, kz_record_get_uuid (org));
  g_assert_false (try_sync (anna.client, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (kz_sync_client_get_state (anna.client), ==, KZ_SYNC_STATE_OFFLINE);
  g_assert_cmpuint (kz_store_count_pending (anna.store), >, 0);
  visit = kz_store_get (anna.store, KZ_KIND_VISIT, visit_uuid, &error);
  g_assert_no_error (error);
  g_clear_object (&visit);

  /* Back at the office. */
  kz_test_server_start (server, NULL);
  kz_sync_client_set_account (anna.client, kz_test_server_get_url (server), "anna", anna.token);
  kz_sync_client_set_account (ben.client, kz_test_server_get_url (server), "ben", ben.token);
  sync_ok (anna.client);
  g_assert_cmpuint (kz_store_count_pending (anna.store), ==, 0);
  sync_ok (ben.client);

  visit = kz_store_get (ben.store, KZ_KIND_VISIT, visit_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kz_record_get_string (visit, "organisation_id"), ==, kz_record_get_uuid (org));
  g_assert_cmpstr (kz_record_get_string (visit, "notes"), ==, "WLAN im Wohnbereich fehlt; TI-Anbindung läuft.");
  g_assert_cmpstr (kz_record_get_string (visit, "attendees"), ==, "Geschäftsführung, IT-Leitung");

  check = kz_maturity_find_check (ben.store, kz_record_get_uuid (org), "2026-11-20", &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_cmpint (kz_record_get_int (check, "strategy"), ==, 2);
  g_assert_cmpint (kz_record_get_int (check, "security"), ==, 3);
  g_assert_false (kz_record_is_set (check, "skills"));

  tasks = kz_store_list_by_ref (ben.store, KZ_KIND_TASK, "visit_id", visit_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  task = g_list_model_get_item (tasks, 0);
  g_assert_cmpstr (kz_record_get_string (task, "due_date"), ==, "2026-12-15");
  g_assert_cmpstr (kz_record_get_string (task, "owner"), ==, "Träger: IT-Leitung");

  /* Ben is reminded of it too. */
  reminders = kz_reminder_collect (ben.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpstr (((KzReminderItem *)g_ptr_array_index (reminders, 0))->uuid, ==, kz_record_get_uuid (task));

  client_close (&anna);
  client_close (&ben);
  kz_test_server_free (server);
  d = g_dir_open (dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/visit/offline-capture", test_offline_visit_reaches_other_client);

  return g_test_run ();
}
