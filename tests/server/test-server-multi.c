/* test-server-multi.c
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

#include <string.h>

#include "kz-test-server.h"

/* Two server processes on one database, and clients that write at the
 * same time while each request goes to the other server than the one
 * before.  Afterwards every client's incrementally pulled state, and a
 * full pull from either server, hold exactly the applied changes: the
 * latest value of every field, each version handed out once and none
 * skipped by a cursor.  With KZ_TEST_BACKEND=postgresql the database
 * is PostgreSQL, else one SQLite file. */

#define N_CLIENTS  4
#define N_ROUNDS   12
#define N_SHARED   3
#define PAGE_SIZE  50

typedef struct
{
  char   *uuid;
  char   *field;
  char   *value;
  gint64  base;
  gint64  version;   /* 0 for a conflict */
} Applied;

typedef struct
{
  guint         index;
  const char   *urls[2];
  char         *token;
  char        **shared;
  guint         requests;
  gint64        cursor;
  GHashTable   *values;     /* "uuid field" -> value (NULL: null) */
  GHashTable   *versions;   /* "uuid field" -> gint64 * */
  GPtrArray    *applied;    /* of Applied */
  char         *last_batch;
  guint         last_push;  /* client->requests of the last push */
  SoupSession  *session;
} Client;

static void
applied_free (Applied *applied)
{
  g_free (applied->uuid);
  g_free (applied->field);
  g_free (applied->value);
  g_free (applied);
}

static char *
key_for (const char *uuid,
         const char *field)
{
  return g_strconcat (uuid, " ", field, NULL);
}

/* The next request goes to the other server. */
static const char *
next_url (Client *client)
{
  return client->urls[client->requests++ % 2];
}

static JsonNode *
request (Client     *client,
         const char *method,
         const char *path,
         const char *body)
{
  g_autofree char *uri = g_strconcat (next_url (client), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autofree char *authorization = g_strconcat ("Bearer ", client->token, NULL);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *node;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  answer = soup_session_send_and_read (client->session, msg, NULL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_error ("%s %s: %u %s", method, uri, soup_message_get_status (msg), text);

  node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

static void
take_record (Client     *client,
             JsonObject *record)
{
  const char *uuid = json_object_get_string_member (record, "uuid");
  JsonObject *fields = json_object_get_object_member (record, "fields");
  g_autoptr(GList) names = json_object_get_members (fields);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_get_object_member (fields, l->data);
      gint64 version = json_object_get_int_member (entry, "version");
      const char *value = json_object_get_null_member (entry, "value")
                          ? NULL : json_object_get_string_member (entry, "value");

      g_hash_table_replace (client->values, key_for (uuid, l->data), g_strdup (value));
      g_hash_table_replace (client->versions, key_for (uuid, l->data),
                            g_memdup2 (&version, sizeof version));
    }
}

/* Pulls everything after the client's cursor, page by page. */
static void
pull (Client *client)
{
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%d",
                                               client->cursor, PAGE_SIZE);
      g_autoptr(JsonNode) page = request (client, "GET", path, NULL);
      JsonObject *object = json_node_get_object (page);
      JsonArray *records = json_object_get_array_member (object, "records");
      gint64 cursor = json_object_get_int_member (object, "cursor");

      g_assert_cmpint (cursor, >=, client->cursor);
      for (guint i = 0; i < json_array_get_length (records); i++)
        take_record (client, json_array_get_object_element (records, i));

      client->cursor = cursor;
      more = json_object_get_boolean_member (object, "more");
    }
}

static gint64
known_version (Client     *client,
               const char *uuid,
               const char *field)
{
  g_autofree char *key = key_for (uuid, field);
  gint64 *version = g_hash_table_lookup (client->versions, key);

  return version ? *version : 0;
}

static void
note_change (GPtrArray  *pending,
             const char *uuid,
             const char *field,
             const char *value,
             gint64      base)
{
  Applied *applied = g_new0 (Applied, 1);

  applied->base = base;
  applied->uuid = g_strdup (uuid);
  applied->field = g_strdup (field);
  applied->value = g_strdup (value);
  g_ptr_array_add (pending, applied);
}

/* One record of the client's own (two fields) and an edit of a record
 * every client edits, from the version the client last saw. */
static char *
make_batch (Client    *client,
            guint      round,
            GPtrArray *pending)
{
  g_autofree char *own = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("Träger %u-%u", client->index, round);
  g_autofree char *city = g_strdup_printf ("Ort %u-%u", client->index, round);
  const char *shared = client->shared[(client->index + round) % N_SHARED];
  gint64 base = known_version (client, shared, "city");
  g_autofree char *c1 = kz_test_field_change ("organisation", own, "name", name, 0);
  g_autofree char *c2 = kz_test_field_change ("organisation", own, "city", city, 0);
  g_autofree char *c3 = kz_test_field_change ("organisation", shared, "city", city, base);

  note_change (pending, own, "name", name, 0);
  note_change (pending, own, "city", city, 0);
  note_change (pending, shared, "city", city, base);
  return kz_test_batch (c1, c2, c3, NULL);
}

static void
push (Client *client,
      guint   round)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  g_autofree char *batch = make_batch (client, round, pending);
  guint requests = client->requests;
  g_autoptr(JsonNode) answer = request (client, "POST", "api/v1/changes", batch);
  JsonArray *results = json_object_get_array_member (json_node_get_object (answer), "results");

  g_assert_cmpuint (json_array_get_length (results), ==, pending->len);
  for (guint i = 0; i < pending->len; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      Applied *applied = g_ptr_array_index (pending, i);
      const char *status = json_object_get_string_member (result, "status");

      if (g_str_equal (status, "applied"))
        applied->version = json_object_get_int_member (result, "version");
      else
        g_assert_cmpstr (status, ==, "conflict");
      g_ptr_array_add (client->applied, applied);
    }

  g_free (client->last_batch);
  client->last_batch = g_steal_pointer (&batch);
  client->last_push = requests;
}

static gpointer
client_thread (gpointer data)
{
  Client *client = data;

  client->session = soup_session_new_with_options ("timeout", 60, NULL);
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      push (client, round);
      pull (client);
    }

  g_clear_object (&client->session);
  return NULL;
}

static void
client_init (Client        *client,
             guint          index,
             KzTestServer **servers,
             char          *token,
             char         **shared)
{
  client->index = index;
  client->urls[0] = kz_test_server_get_url (servers[index % 2]);
  client->urls[1] = kz_test_server_get_url (servers[(index + 1) % 2]);
  client->token = token;
  client->shared = shared;
  client->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  client->versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  client->applied = g_ptr_array_new_with_free_func ((GDestroyNotify)applied_free);
}

static void
client_clear (Client *client)
{
  g_clear_pointer (&client->values, g_hash_table_unref);
  g_clear_pointer (&client->versions, g_hash_table_unref);
  g_clear_pointer (&client->applied, g_ptr_array_unref);
  g_clear_pointer (&client->last_batch, g_free);
}

/* Every version was handed out once, from 1 to the cursor without a
 * gap; the expected state is the latest applied value of each field. */
static GHashTable *
expected_state (Client *clients,
                gint64  cursor)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint c = 0; c < N_CLIENTS; c++)
    for (guint i = 0; i < clients[c].applied->len; i++)
      {
        Applied *applied = g_ptr_array_index (clients[c].applied, i);
        g_autofree char *key = NULL;
        gint64 *known;

        if (applied->version == 0)
          continue;

        g_assert_false (g_hash_table_contains (owners, &applied->version));
        g_hash_table_add (owners, g_memdup2 (&applied->version, sizeof (gint64)));

        key = key_for (applied->uuid, applied->field);
        known = g_hash_table_lookup (best, key);
        if (known == NULL || *known < applied->version)
          {
            g_hash_table_replace (best, g_strdup (key), g_memdup2 (&applied->version, sizeof (gint64)));
            g_hash_table_replace (expected, g_strdup (key), applied->value);
          }
      }

  g_assert_cmpuint (g_hash_table_size (owners), ==, cursor);
  for (gint64 v = 1; v <= cursor; v++)
    g_assert_true (g_hash_table_contains (owners, &v));

  return expected;
}

/* No lost update: a change applied on top of @base was the first to
 * that field after @base (the values all differ), else it had to be a
 * conflict. */
static void
assert_no_lost_update (Client *clients)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint c = 0; c < N_CLIENTS; c++)
    g_ptr_array_extend (all, clients[c].applied, NULL, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      Applied *a = g_ptr_array_index (all, i);

      for (guint j = 0; a->version != 0 && j < all->len; j++)
        {
          Applied *b = g_ptr_array_index (all, j);

          if (b->version > a->base && b->version < a->version &&
              g_str_equal (a->uuid, b->uuid) && g_str_equal (a->field, b->field))
            g_error ("%s %s: version %" G_GINT64_FORMAT " (base %" G_GINT64_FORMAT
                     ") overwrote version %" G_GINT64_FORMAT " without a conflict",
                     a->uuid, a->field, a->version, a->base, b->version);
        }
    }
}

static void
assert_same_state (GHashTable *expected,
                   GHashTable *values)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (values), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer got = NULL;

      g_assert_true (g_hash_table_lookup_extended (values, key, NULL, &got));
      g_assert_cmpstr (got, ==, value);
    }
}

/* A client that starts from nothing, on one server only. */
static void
assert_full_pull (KzTestServer *server,
                  char         *token,
                  char        **shared,
                  GHashTable   *expected)
{
  KzTestServer *servers[2] = { server, server };
  Client fresh = { 0 };

  client_init (&fresh, 0, servers, token, shared);
  fresh.session = soup_session_new ();
  pull (&fresh);
  assert_same_state (expected, fresh.values);
  g_clear_object (&fresh.session);
  client_clear (&fresh);
}

static void
assert_duplicates (Client *client)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *results;

  client->session = soup_session_new ();
  client->requests = client->last_push + 1;
  answer = request (client, "POST", "api/v1/changes", client->last_batch);
  results = json_object_get_array_member (json_node_get_object (answer), "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, i),
                                                    "status"), ==, "duplicate");
  g_clear_object (&client->session);
}

static void
test_two_servers (void)
{
  g_autoptr(KzTestServer) first = kz_test_server_new ();
  g_autoptr(KzTestServer) second = kz_test_server_new_sharing (first);
  KzTestServer *servers[2] = { first, second };
  g_autofree char *anna = NULL;
  g_autofree char *ben = NULL;
  g_autoptr(GHashTable) expected = NULL;
  char *shared[N_SHARED + 1] = { NULL };
  Client clients[N_CLIENTS] = { { 0 } };
  GThread *threads[N_CLIENTS];
  gint64 cursor;

  kz_test_server_add_user (first, "anna", "staff", "anna-password");
  kz_test_server_add_user (second, "ben", "staff", "ben-password");
  kz_test_server_start (first, NULL);
  kz_test_server_start (second, NULL);

  /* A token from one server is good on the other. */
  anna = kz_test_server_login (second, "anna", "anna-password");
  ben = kz_test_server_login (first, "ben", "ben-password");
  for (guint i = 0; i < N_SHARED; i++)
    shared[i] = g_uuid_string_random ();

  for (guint c = 0; c < N_CLIENTS; c++)
    {
      client_init (&clients[c], c, servers, c % 2 ? ben : anna, shared);
      threads[c] = g_thread_new ("client", client_thread, &clients[c]);
    }
  for (guint c = 0; c < N_CLIENTS; c++)
    g_thread_join (threads[c]);

  /* Once everyone is done, one more pull brings each client up to date. */
  for (guint c = 0; c < N_CLIENTS; c++)
    {
      clients[c].session = soup_session_new ();
      pull (&clients[c]);
      g_clear_object (&clients[c].session);
    }

  cursor = clients[0].cursor;
  g_test_message ("%" G_GINT64_FORMAT " versions from %d clients", cursor, N_CLIENTS);
  expected = expected_state (clients, cursor);
  assert_no_lost_update (clients);
  g_assert_cmpuint (g_hash_table_size (expected), ==, N_CLIENTS * N_ROUNDS * 2 + N_SHARED);

  for (guint c = 0; c < N_CLIENTS; c++)
    {
      g_assert_cmpint (clients[c].cursor, ==, cursor);
      assert_same_state (expected, clients[c].values);
    }
  assert_full_pull (first, anna, shared, expected);
  assert_full_pull (second, ben, shared, expected);

  /* A batch sent again, now to the other server, is known there. */
  for (guint c = 0; c < N_CLIENTS; c++)
    assert_duplicates (&clients[c]);

  for (guint c = 0; c < N_CLIENTS; c++)
    client_clear (&clients[c]);
  for (guint i = 0; i < N_SHARED; i++)
    g_free (shared[i]);
}

static guint
try_login (KzTestServer *server,
           const char   *password)
{
  g_autofree char *body = g_strdup_printf ("{\"user\": \"eve\", \"password\": \"%s\"}", password);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (server, "POST", "/api/v1/login", NULL, body, &status);
  return status;
}

/* Failed logins count on every server of the database together. */
static void
test_login_limit (void)
{
  g_autoptr(KzTestServer) first = NULL;
  g_autoptr(KzTestServer) second = NULL;

  if (!kz_test_backend_is_postgres ())
    {
      g_test_skip ("SQLite servers count failed logins each on their own");
      return;
    }

  first = kz_test_server_new ();
  second = kz_test_server_new_sharing (first);
  kz_test_server_add_user (first, "eve", "staff", "eve-password");
  kz_test_server_start (first, NULL);
  kz_test_server_start (second, NULL);

  for (guint i = 0; i < 10; i++)
    g_assert_cmpuint (try_login (i % 2 ? second : first, "guess-guess"), ==, 401);

  g_assert_cmpuint (try_login (first, "eve-password"), ==, 429);
  g_assert_cmpuint (try_login (second, "eve-password"), ==, 429);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

  g_test_add_func ("/server/multi/two-servers", test_two_servers);
  g_test_add_func ("/server/multi/login-limit", test_login_limit);

  return g_test_run ();
}
