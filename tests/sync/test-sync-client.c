/* test-sync-client.c
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

/* The sync client against a real kompetenz-server process on
 * 127.0.0.1, with client portfolios in temporary folders. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "kz-store-sync.h"
#include "kz-sync-client.h"
#include "kz-test-server.h"

#define N_CLIENTS 3

typedef struct
{
  KzTestServer *server;
  char         *dir;
  KzStore      *store[N_CLIENTS];
  KzSyncClient *client[N_CLIENTS];
} Fixture;

static const char *users[N_CLIENTS] = { "anna", "ben", "carla" };

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
login (KzSyncClient *client,
       const char   *url,
       const char   *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *password = g_strconcat (user, "-geheim-2026", NULL);

  kz_sync_client_login_async (client, url, user, password, NULL, store_result, &result);
  wait_for (&result);
  token = kz_sync_client_login_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpuint (kz_sync_client_get_state (client), ==, KZ_SYNC_STATE_IDLE);
}

static gboolean
try_sync (KzSyncClient  *client,
          KzSyncStats   *stats,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kz_sync_client_sync_async (client, NULL, store_result, &result);
  wait_for (&result);
  return kz_sync_client_sync_finish (client, result, stats, error);
}

static KzSyncStats
sync_ok (KzSyncClient *client)
{
  KzSyncStats stats = { 0 };
  g_autoptr(GError) error = NULL;

  try_sync (client, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kz_sync_client_get_state (client), ==, KZ_SYNC_STATE_IDLE);
  return stats;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = kz_test_server_new ();
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autofree char *password = g_strconcat (users[i], "-geheim-2026", NULL);
      kz_test_server_add_user (f->server, users[i], "staff", password);
    }
  kz_test_server_add_user (f->server, "rita", "reader", "rita-geheim-2026");
  kz_test_server_start (f->server, data);

  f->dir = g_dir_make_tmp ("kz-sync-client-XXXXXX", NULL);
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.db", f->dir, users[i]);

      f->store[i] = kz_store_open (path, NULL);
      g_assert_nonnull (f->store[i]);
      kz_store_set_author (f->store[i], users[i]);
      f->client[i] = kz_sync_client_new (f->store[i]);
      /* The suite also runs under ASan and UBSan, where the server may
       * take longer than the app's 60 s over a batch of 500 changes;
       * meson's timeout bounds the test instead. */
      kz_sync_client_set_timeout (f->client[i], 0);
      if (data == NULL)
        login (f->client[i], kz_test_server_get_url (f->server), users[i]);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_clear_object (&f->client[i]);
      g_clear_object (&f->store[i]);
    }
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

static KzRecord *
add (KzStore    *store,
     KzKind      kind,
     const char *first_field,
     ...)
{
  g_autoptr(KzRecord) r = kz_record_new (kind);
  const char *field = first_field;
  va_list args;

  va_start (args, first_field);
  while (field != NULL)
    {
      g_assert_true (kz_record_set_text (r, field, va_arg (args, const char *), NULL));
      field = va_arg (args, const char *);
    }
  va_end (args);

  g_assert_true (kz_store_save (store, r, NULL));
  return g_steal_pointer (&r);
}

static KzRecord *
get (KzStore    *store,
     KzKind      kind,
     const char *uuid)
{
  KzRecord *r = kz_store_get (store, kind, uuid, NULL);

  g_assert_nonnull (r);
  return r;
}

static void
edit (KzStore    *store,
      KzKind      kind,
      const char *uuid,
      const char *field,
      const char *value)
{
  g_autoptr(KzRecord) r = get (store, kind, uuid);

  g_assert_true (kz_record_set_text (r, field, value, NULL));
  g_assert_true (kz_store_save (store, r, NULL));
}

/* Every record of every kind (tombstones included) and every live
 * link, as text: two portfolios converged when these are equal. */
static char *
dump (KzStore *store)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      g_autoptr(GListModel) live = kz_store_list (store, k, NULL);
      g_autoptr(GListModel) dead = kz_store_list_deleted (store, k, NULL);
      GListModel *lists[] = { live, dead };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
          {
            g_autoptr(KzRecord) r = g_list_model_get_item (lists[l], i);
            const KzKindInfo *info = kz_record_get_info (r);

            g_string_append_printf (s, "%s %s deleted=%d", info->name, kz_record_get_uuid (r),
                                    kz_record_get_deleted (r));
            for (guint j = 0; j < info->n_fields; j++)
              {
                g_autofree char *text = kz_record_dup_text (r, info->fields[j].name);
                g_string_append_printf (s, " %s=%s", info->fields[j].name, text ? text : "∅");
              }
            g_string_append_c (s, '\n');

            for (guint n = 0; n < KZ_N_LINKS; n++)
              if (kz_link_get_info (n)->a_kind == k)
                {
                  g_autoptr(GListModel) linked = kz_store_list_linked (store, n, kz_record_get_uuid (r), TRUE, NULL);

                  for (guint m = 0; m < g_list_model_get_n_items (linked); m++)
                    {
                      g_autoptr(KzRecord) o = g_list_model_get_item (linked, m);
                      g_string_append_printf (s, "  link %s %s\n", kz_link_get_info (n)->name,
                                              kz_record_get_uuid (o));
                    }
                }
          }
    }

  return g_string_free (s, FALSE);
}

static void
sync_all (Fixture *f,
          guint    rounds)
{
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < N_CLIENTS; i++)
      sync_ok (f->client[i]);
}

static void
assert_converged (Fixture *f)
{
  g_autofree char *first = dump (f->store[0]);

  g_assert_cmpuint (strlen (first), >, 0);
  for (guint i = 1; i < N_CLIENTS; i++)
    {
      g_autofree char *other = dump (f->store[i]);
      g_assert_cmpstr (other, ==, first);
    }
}

static void
test_offline_edits_converge (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KzRecord) org = add (f->store[0], KZ_KIND_ORGANISATION,
                                 "name", "Diakonisches Werk Wolfsburg e.V.", "district", "03103", NULL);
  g_autoptr(KzRecord) project = NULL;
  g_autoptr(KzRecord) firm = NULL;
  g_autoptr(KzRecord) training = NULL;
  g_autoptr(KzRecord) milestone = NULL;

  sync_all (f, 1);

  /* Everyone works offline at once. */
  project = add (f->store[1], KZ_KIND_PROJECT, "title", "Digitale Dienstplanung",
                 "status", "planned", "lead_organisation_id", kz_record_get_uuid (org), NULL);
  g_assert_true (kz_store_link (f->store[1], KZ_LINK_PROJECT_ORGANISATION,
                                kz_record_get_uuid (project), kz_record_get_uuid (org), NULL));
  milestone = add (f->store[1], KZ_KIND_MILESTONE, "project_id", kz_record_get_uuid (project),
                   "title", "Pilotstation gewählt", "due_date", "15.01.2027", NULL);
  firm = add (f->store[2], KZ_KIND_FIRM, "name", "Heideweb GmbH", "city", "Soltau", NULL);
  training = add (f->store[0], KZ_KIND_TRAINING, "title", "KI im sozialen Bereich",
                  "status", "open", "capacity", "20", NULL);
  edit (f->store[2], KZ_KIND_ORGANISATION, kz_record_get_uuid (org), "staff", "85");
  edit (f->store[0], KZ_KIND_ORGANISATION, kz_record_get_uuid (org), "city", "Wolfsburg");

  for (guint i = 0; i < N_CLIENTS; i++)
    g_assert_cmpuint (kz_store_count_pending (f->store[i]), >, 0);

  sync_all (f, 2);
  assert_converged (f);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autoptr(KzRecord) o = get (f->store[i], KZ_KIND_ORGANISATION, kz_record_get_uuid (org));

      g_assert_cmpint (kz_record_get_int (o, "staff"), ==, 85);
      g_assert_cmpstr (kz_record_get_string (o, "city"), ==, "Wolfsburg");
      g_assert_cmpuint (kz_store_count_pending (f->store[i]), ==, 0);
      g_assert_cmpuint (kz_sync_client_get_conflicts (f->client[i]), ==, 0);
    }
}

static void
test_different_fields_merge (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KzRecord) p = add (f->store[0], KZ_KIND_PROJECT, "title", "WLAN für Bewohner:innen",
                               "status", "idea", NULL);
  g_autoptr(KzRecord) a = NULL;
  g_autoptr(KzRecord) b = NULL;
  g_autoptr(GPtrArray) history = NULL;
  KzSyncStats stats;
  gboolean found = FALSE;

  sync_ok (f->client[0]);
  sync_ok (f->client[1]);

  edit (f->store[0], KZ_KIND_PROJECT, kz_record_get_uuid (p), "title", "WLAN im Seniorenzentrum");
  edit (f->store[1], KZ_KIND_PROJECT, kz_record_get_uuid (p), "status", "running");

  sync_ok (f->client[0]);
  stats = sync_ok (f->client[1]);
  g_assert_cmpuint (stats.refused, ==, 0);
  sync_ok (f->client[0]);

  a = get (f->store[0], KZ_KIND_PROJECT, kz_record_get_uuid (p));
  b = get (f->store[1], KZ_KIND_PROJECT, kz_record_get_uuid (p));
  for (guint i = 0; i < 2; i++)
    {
      KzRecord *r = i ? b : a;

      g_assert_cmpstr (kz_record_get_title (r), ==, "WLAN im Seniorenzentrum");
      g_assert_cmpstr (kz_record_get_string (r, "status"), ==, "running");
    }

  /* The history names the server user who made the remote change. */
  history = kz_store_get_history (f->store[1], kz_record_get_uuid (p), NULL);
  for (guint i = 0; i < history->len; i++)
    {
      KzHistoryEntry *e = history->pdata[i];

      if (g_strcmp0 (e->field, "title") == 0)
        {
          g_assert_cmpstr (e->author, ==, "anna");
          g_assert_cmpstr (e->new_value, ==, "WLAN im Seniorenzentrum");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static KzConflict *
only_conflict (KzStore *store)
{
  g_autoptr(GPtrArray) list = kz_store_list_conflicts (store, NULL);

  g_assert_cmpuint (list->len, ==, 1);
  return kz_conflict_copy (list->pdata[0]);
}

static void
resolve (KzSyncClient *client,
         const char   *id,
         const char   *value)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kz_sync_client_resolve_async (client, id, value, NULL, store_result, &result);
  wait_for (&result);
  g_assert_true (kz_sync_client_resolve_finish (client, result, &error));
  g_assert_no_error (error);
}

static void
test_same_field_conflict (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KzRecord) p = add (f->store[0], KZ_KIND_PROJECT, "title", "Online-Beratung",
                               "status", "planned", NULL);
  g_autoptr(KzConflict) on_a = NULL;
  g_autoptr(KzConflict) on_b = NULL;
  KzSyncStats stats;

  sync_ok (f->client[0]);
  sync_ok (f->client[1]);

  edit (f->store[0], KZ_KIND_PROJECT, kz_record_get_uuid (p), "title", "Online-Beratung per Chat");
  edit (f->store[1], KZ_KIND_PROJECT, kz_record_get_uuid (p), "title", "Blended Counseling");

  sync_ok (f->client[0]);
  stats = sync_ok (f->client[1]);
  g_assert_cmpuint (stats.refused, ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  sync_ok (f->client[0]);

  /* Exactly one conflict, visible on both sides, with both values. */
  on_a = only_conflict (f->store[0]);
  on_b = only_conflict (f->store[1]);
  g_assert_cmpstr (on_a->id, ==, on_b->id);
  g_assert_cmpstr (on_b->field, ==, "title");
  g_assert_cmpstr (on_b->server_value, ==, "Online-Beratung per Chat");
  g_assert_cmpstr (on_b->client_value, ==, "Blended Counseling");
  g_assert_cmpstr (on_b->base_value, ==, "Online-Beratung");
  g_assert_cmpuint (kz_sync_client_get_conflicts (f->client[0]), ==, 1);

  /* Until it is resolved, both hold the server's value. */
  {
    g_autoptr(KzRecord) b = get (f->store[1], KZ_KIND_PROJECT, kz_record_get_uuid (p));
    g_assert_cmpstr (kz_record_get_title (b), ==, "Online-Beratung per Chat");
  }

  resolve (f->client[1], on_b->id, "Blended Counseling (Chat)");
  sync_all (f, 1);
  assert_converged (f);
  {
    g_autoptr(KzRecord) a = get (f->store[0], KZ_KIND_PROJECT, kz_record_get_uuid (p));
    g_assert_cmpstr (kz_record_get_title (a), ==, "Blended Counseling (Chat)");
  }
  for (guint i = 0; i < N_CLIENTS; i++)
    g_assert_cmpuint (kz_sync_client_get_conflicts (f->client[i]), ==, 0);
}

static void
test_delete_against_edit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KzRecord) firm = add (f->store[0], KZ_KIND_FIRM, "name", "Weserdigital AG", NULL);
  g_autoptr(KzConflict) c = NULL;
  g_autoptr(KzRecord) back = NULL;

  sync_ok (f->client[0]);
  sync_ok (f->client[1]);

  g_assert_true (kz_store_delete (f->store[0], KZ_KIND_FIRM, kz_record_get_uuid (firm), NULL));
  edit (f->store[1], KZ_KIND_FIRM, kz_record_get_uuid (firm), "sector", "Softwarehaus");

  sync_ok (f->client[0]);
  sync_ok (f->client[1]);
  sync_ok (f->client[0]);

  c = only_conflict (f->store[1]);
  g_assert_cmpstr (c->field, ==, "deleted");
  g_clear_pointer (&c, kz_conflict_free);
  c = only_conflict (f->store[0]);

  /* Keeping the record brings it back, with the edit. */
  resolve (f->client[0], c->id, "false");
  sync_all (f, 1);
  assert_converged (f);
  back = get (f->store[0], KZ_KIND_FIRM, kz_record_get_uuid (firm));
  g_assert_false (kz_record_get_deleted (back));
  g_assert_cmpstr (kz_record_get_string (back, "sector"), ==, "Softwarehaus");
}

static void
test_retried_push_applies_once (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *token = kz_test_server_login (f->server, "anna", "anna-geheim-2026");
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) page = NULL;
  KzSyncStats stats;
  guint status = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("Digitallotsen Gruppe %u", i);
      g_autoptr(KzRecord) r = add (f->store[0], KZ_KIND_PROJECT, "title", title, "status", "running", NULL);
    }

  /* The batch reaches the server but the answer is lost. */
  pending = kz_store_get_pending (f->store[0], 0, NULL);
  g_assert_cmpuint (pending->len, ==, 20);
  batch = kz_sync_encode_push (pending);
  first = kz_test_server_push (f->server, token, batch, &status);
  g_assert_cmpuint (status, ==, 200);

  /* The client sends it again: every change is a duplicate. */
  stats = sync_ok (f->client[0]);
  g_assert_cmpuint (stats.pushed, ==, pending->len);
  g_assert_cmpuint (kz_store_count_pending (f->store[0]), ==, 0);

  page = kz_test_server_pull (f->server, token, 0, 1000);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (page), "cursor"), ==, pending->len);

  sync_ok (f->client[1]);
  g_assert_cmpuint (kz_store_count (f->store[1], KZ_KIND_PROJECT), ==, 10);
}

static void
test_offline_then_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KzSyncStats stats;
  guint before;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Kita Sonnenschein %03u", i);
      g_autoptr(KzRecord) r = add (f->store[0], KZ_KIND_ORGANISATION, "name", name,
                                   "umbrella", "awo", "city", "Celle", "staff", "12",
                                   "district", "03351", NULL);
    }
  before = kz_store_count_pending (f->store[0]);
  g_assert_cmpuint (before, ==, 1000);

  /* The server is gone: the client says offline and keeps everything. */
  kz_test_server_kill (f->server);
  g_assert_false (try_sync (f->client[0], &stats, &error));
  g_assert_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_NETWORK);
  g_assert_cmpuint (kz_sync_client_get_state (f->client[0]), ==, KZ_SYNC_STATE_OFFLINE);
  g_assert_cmpuint (kz_store_count_pending (f->store[0]), ==, before);

  /* Back online (on a new port): 1 000 pending changes catch up. */
  kz_test_server_start (f->server, NULL);
  login (f->client[0], kz_test_server_get_url (f->server), "anna");
  login (f->client[1], kz_test_server_get_url (f->server), "ben");
  stats = sync_ok (f->client[0]);
  g_assert_cmpuint (stats.pushed, ==, before);
  g_assert_cmpuint (kz_store_count_pending (f->store[0]), ==, 0);

  stats = sync_ok (f->client[1]);
  g_assert_cmpuint (kz_store_count (f->store[1], KZ_KIND_ORGANISATION), ==, 200);
}

static void
test_auth_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KzRecord) p = NULL;
  g_autofree char *token = NULL;
  KzSyncStats stats;

  /* A wrong password is refused. */
  kz_sync_client_login_async (f->client[0], kz_test_server_get_url (f->server), "anna", "falsch",
                              NULL, store_result, &result);
  wait_for (&result);
  g_assert_null (kz_sync_client_login_finish (f->client[0], result, &error));
  g_assert_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* A revoked token signs the client out. */
  kz_sync_client_set_account (f->client[0], kz_test_server_get_url (f->server), "anna", "abgelaufen");
  g_assert_false (try_sync (f->client[0], &stats, &error));
  g_assert_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (kz_sync_client_get_state (f->client[0]), ==, KZ_SYNC_STATE_SIGNED_OUT);
  g_clear_error (&error);

  /* A reader may pull but not push. */
  token = kz_test_server_login (f->server, "rita", "rita-geheim-2026");
  kz_sync_client_set_account (f->client[0], kz_test_server_get_url (f->server), "rita", token);
  p = add (f->store[0], KZ_KIND_PROJECT, "title", "Nur lesen", "status", "idea", NULL);
  g_assert_false (try_sync (f->client[0], &stats, &error));
  g_assert_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_FORBIDDEN);
  g_assert_cmpuint (kz_store_count_pending (f->store[0]), >, 0);
}

static GTlsCertificate *
make_certificate (const char *dir)
{
  g_autofree char *cert = g_build_filename (dir, "server.crt", NULL);
  g_autofree char *key = g_build_filename (dir, "server.key", NULL);
  g_autofree char *subj = g_strdup ("/CN=127.0.0.1");
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    "-subj", subj, "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", key, "-out", cert, NULL,
  };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);

  return g_tls_certificate_new_from_files (cert, key, NULL);
}

static void
test_https (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *tls_dir = g_dir_make_tmp ("kz-tls-XXXXXX", NULL);
  g_autoptr(GTlsCertificate) cert = make_certificate (tls_dir);
  g_autofree char *cert_path = g_build_filename (tls_dir, "server.crt", NULL);
  g_autofree char *key_path = g_build_filename (tls_dir, "server.key", NULL);
  const char *args[] = { "--tls-certificate", cert_path, "--tls-key", key_path, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KzRecord) p = NULL;

  kz_test_server_stop (f->server);
  kz_test_server_start (f->server, args);
  g_assert_true (g_str_has_prefix (kz_test_server_get_url (f->server), "https://"));

  /* A self-signed certificate is refused until the user trusts it. */
  kz_sync_client_login_async (f->client[0], kz_test_server_get_url (f->server), "anna",
                              "anna-geheim-2026", NULL, store_result, &result);
  wait_for (&result);
  g_assert_null (kz_sync_client_login_finish (f->client[0], result, &error));
  g_assert_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_TLS);
  g_clear_object (&result);

  kz_sync_client_set_trusted_certificate (f->client[0], cert);
  kz_sync_client_set_trusted_certificate (f->client[1], cert);
  login (f->client[0], kz_test_server_get_url (f->server), "anna");
  login (f->client[1], kz_test_server_get_url (f->server), "ben");
  p = add (f->store[0], KZ_KIND_PROJECT, "title", "Verschlüsselt übertragen", "status", "idea", NULL);
  sync_ok (f->client[0]);
  sync_ok (f->client[1]);
  g_assert_cmpuint (kz_store_count (f->store[1], KZ_KIND_PROJECT), ==, 1);

  g_unlink (cert_path);
  g_unlink (key_path);
  g_rmdir (tls_dir);
}

static void
test_first_sync_progress (Fixture       *f,
                          gconstpointer  data)
{
  GPtrArray *seen = g_ptr_array_new_with_free_func (g_free);
  KzSyncStats stats;

  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Projekt %04u", i);
      g_autoptr(KzRecord) r = add (f->store[0], KZ_KIND_PROJECT, "title", title, "status", "idea", NULL);
    }
  sync_ok (f->client[0]);

  g_signal_connect_swapped (f->client[1], "notify::progress", G_CALLBACK (g_ptr_array_add), seen);
  stats = sync_ok (f->client[1]);
  g_assert_cmpuint (stats.pulled, ==, 1200);
  g_assert_cmpuint (kz_store_count (f->store[1], KZ_KIND_PROJECT), ==, 1200);
  /* Two pages of 1000: progress was reported along the way. */
  g_assert_cmpuint (seen->len, >=, 3);
  g_ptr_array_free (seen, FALSE);
}

/* Many records and links in one portfolio, written in one transaction. */
static void
add_portfolio (KzStore *store,
               guint    n_projects)
{
  g_autoptr(KzRecord) org = NULL;

  g_assert_true (kz_store_begin (store, NULL));
  for (guint i = 0; i < n_projects; i++)
    {
      g_autofree char *title = g_strdup_printf ("Digitale Teilhabe %04u", i);
      g_autoptr(KzRecord) p = NULL;

      if (i % 25 == 0)
        {
          g_autofree char *name = g_strdup_printf ("Caritasverband Region %03u e.V.", i / 25);

          g_clear_object (&org);
          org = add (store, KZ_KIND_ORGANISATION, "name", name, "district", "03103", NULL);
        }
      p = add (store, KZ_KIND_PROJECT, "title", title, "status", i % 2 ? "running" : "idea",
               "lead_organisation_id", kz_record_get_uuid (org), NULL);
      g_assert_true (kz_store_link (store, KZ_LINK_PROJECT_ORGANISATION, kz_record_get_uuid (p),
                                    kz_record_get_uuid (org), NULL));
    }
  g_assert_true (kz_store_commit (store, NULL));
}

/* A first sync of thousands of records spans several push batches and
 * pull pages and arrives complete and identical; the pushing client
 * does not pull its own changes back. */
static void
test_large_first_sync (Fixture       *f,
                       gconstpointer  data)
{
  KzSyncStats stats;
  guint pending;

  add_portfolio (f->store[0], 1050);
  g_assert_true (kz_store_set_sync_enabled (f->store[0], TRUE, NULL));
  pending = kz_store_count_pending (f->store[0]);
  g_assert_cmpuint (pending, >, 3000);

  stats = sync_ok (f->client[0]);
  g_assert_cmpuint (stats.pushed, ==, pending);
  g_assert_cmpuint (stats.refused, ==, 0);
  g_assert_cmpuint (stats.pulled, ==, 0);
  g_assert_cmpuint (kz_store_count_pending (f->store[0]), ==, 0);

  /* 1050 projects, 42 organisations and 1050 links: three pages. */
  stats = sync_ok (f->client[1]);
  g_assert_cmpuint (stats.pulled, ==, 1050 + 42 + 1050);
  g_assert_cmpuint (kz_store_count (f->store[1], KZ_KIND_PROJECT), ==, 1050);
  sync_ok (f->client[2]);
  assert_converged (f);

  /* Nothing is left to exchange in either direction. */
  stats = sync_ok (f->client[0]);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);
  stats = sync_ok (f->client[1]);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);
}

/* When someone else pushed in between, the pushing client still pulls:
 * its cursor only skips versions that were all its own. */
static void
test_push_pulls_what_others_pushed (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(KzRecord) theirs = NULL;
  g_autoptr(KzRecord) mine = NULL;
  g_autoptr(KzRecord) later = NULL;
  KzSyncStats stats;

  mine = add (f->store[0], KZ_KIND_PROJECT, "title", "Tablets für die Tagespflege", "status", "idea", NULL);
  sync_ok (f->client[0]);

  theirs = add (f->store[1], KZ_KIND_PROJECT, "title", "Videosprechstunde Beratung", "status", "idea", NULL);
  sync_ok (f->client[1]);

  later = add (f->store[0], KZ_KIND_PROJECT, "title", "Digitale Essensbestellung", "status", "idea", NULL);
  stats = sync_ok (f->client[0]);
  g_assert_cmpuint (stats.pushed, >, 0);
  /* Theirs, and its own new record: the versions were not all its own. */
  g_assert_cmpuint (stats.pulled, ==, 2);
  g_object_unref (get (f->store[0], KZ_KIND_PROJECT, kz_record_get_uuid (theirs)));
  g_assert_cmpuint (kz_store_count (f->store[0], KZ_KIND_PROJECT), ==, 3);

  sync_all (f, 1);
  assert_converged (f);
}

static void
kill_server_once (KzSyncClient *client,
                  GParamSpec   *pspec,
                  Fixture      *f)
{
  g_signal_handlers_disconnect_by_func (client, kill_server_once, f);
  kz_test_server_kill (f->server);
}

/* The server dies after the first batch of a first sync: the client
 * keeps the rest in its outbox, and once the server is back the sync
 * completes, every change applied once. */
static void
test_interrupted_first_sync (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KzSyncStats stats = { 0 };
  guint pending, left;

  add_portfolio (f->store[0], 1050);
  g_assert_true (kz_store_set_sync_enabled (f->store[0], TRUE, NULL));
  pending = kz_store_count_pending (f->store[0]);
  /* Counts refreshed after local edits come first; then the first
   * acknowledged batch changes the count. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_signal_connect (f->client[0], "notify::pending", G_CALLBACK (kill_server_once), f);
  g_assert_false (try_sync (f->client[0], &stats, &error));
  g_assert_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_NETWORK);
  g_assert_cmpuint (kz_sync_client_get_state (f->client[0]), ==, KZ_SYNC_STATE_OFFLINE);

  /* One batch went through, the rest waits. */
  left = kz_store_count_pending (f->store[0]);
  g_assert_cmpuint (left, ==, pending - 1000);

  kz_test_server_start (f->server, NULL);
  for (guint i = 0; i < 2; i++)
    login (f->client[i], kz_test_server_get_url (f->server), users[i]);
  stats = sync_ok (f->client[0]);
  g_assert_cmpuint (stats.pushed, ==, left);
  g_assert_cmpuint (kz_store_count_pending (f->store[0]), ==, 0);

  stats = sync_ok (f->client[1]);
  g_assert_cmpuint (stats.pulled, ==, 1050 + 42 + 1050);
  g_assert_cmpuint (kz_store_count (f->store[1], KZ_KIND_PROJECT), ==, 1050);
  login (f->client[2], kz_test_server_get_url (f->server), users[2]);
  sync_ok (f->client[2]);
  assert_converged (f);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/sync/offline-edits-converge", test_offline_edits_converge);
  ADD ("/sync/different-fields-merge", test_different_fields_merge);
  ADD ("/sync/same-field-conflict", test_same_field_conflict);
  ADD ("/sync/delete-against-edit", test_delete_against_edit);
  ADD ("/sync/retried-push-applies-once", test_retried_push_applies_once);
  ADD ("/sync/offline-then-back", test_offline_then_back);
  ADD ("/sync/auth-errors", test_auth_errors);
  ADD ("/sync/https", test_https);
  ADD ("/sync/first-sync-progress", test_first_sync_progress);
  ADD ("/sync/large-first-sync", test_large_first_sync);
  ADD ("/sync/push-pulls-what-others-pushed", test_push_pulls_what_others_pushed);
  ADD ("/sync/interrupted-first-sync", test_interrupted_first_sync);
#undef ADD

  return g_test_run ();
}
