/* test-server-limits.c
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

/* Strictness: every malformed request is refused with a message that
 * names the offending change or member, nothing of a refused batch is
 * applied, and bodies over 8 MiB are refused with 413. */

static KzTestServer *server;
static char *token;

static gint64
current_cursor (void)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (server, "GET", "/api/v1/status", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (answer), "cursor");
}

/* Pushes @body, asserts a 400 whose message contains @mention, and
 * that nothing changed. */
static void
assert_refused (const char *body,
                const char *mention)
{
  g_autoptr(JsonNode) answer = NULL;
  gint64 before = current_cursor ();
  guint status = 0;

  answer = kz_test_server_push (server, token, body, &status);
  g_test_message ("refused: %s", kz_test_error_message (answer));
  g_assert_cmpuint (status, ==, 400);
  g_assert_cmpstr (kz_test_error_code (answer), ==, "bad_request");
  if (mention != NULL)
    g_assert_nonnull (strstr (kz_test_error_message (answer), mention));
  g_assert_cmpint (current_cursor (), ==, before);
}

/* A good change followed by @bad: the good one must not be applied. */
static void
assert_batch_refused (const char *bad,
                      const char *mention)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *good = kz_test_field_change ("project", uuid, "title", "Gut", 0);
  g_autofree char *batch = kz_test_batch (good, bad, NULL);
  g_autoptr(JsonNode) page = NULL;

  assert_refused (batch, mention);
  page = kz_test_server_pull (server, token, 0, 1000);
  g_assert_null (kz_test_find_record (page, uuid));
}

static void
test_malformed_json (void)
{
  assert_refused ("{\"changes\": [", NULL);
  assert_refused ("nonsense", NULL);
  assert_refused ("[]", NULL);
  assert_refused ("", NULL);
  assert_refused ("{\"changes\": [] \xff}", NULL);
}

static void
test_unknown_names (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *field = kz_test_field_change ("project", uuid, "colour", "blau", 0);
  g_autofree char *kind = kz_test_field_change ("spaceship", uuid, "title", "x", 0);
  g_autofree char *table = kz_test_field_change ("projects", uuid, "title", "x", 0);
  g_autofree char *link = kz_test_link_change ("project-spaceship", uuid, uuid, FALSE);

  assert_batch_refused (field, "changes[1]");
  assert_batch_refused (field, "colour");
  assert_batch_refused (kind, "spaceship");
  assert_batch_refused (table, "projects");
  assert_batch_refused (link, "project-spaceship");
}

static void
test_unknown_members (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *change_id = g_uuid_string_random ();
  g_autofree char *extra = g_strdup_printf ("{\"change_id\": \"%s\", \"kind\": \"project\", \"uuid\": \"%s\", "
                                            "\"field\": \"title\", \"value\": \"x\", \"base\": 0, \"colour\": 1}",
                                            change_id, uuid);
  g_autofree char *mixed = g_strdup_printf ("{\"change_id\": \"%s\", \"link\": \"project-organisation\", "
                                            "\"a\": \"%s\", \"b\": \"%s\", \"deleted\": false, \"kind\": \"project\"}",
                                            change_id, uuid, uuid);
  g_autofree char *missing = g_strdup_printf ("{\"change_id\": \"%s\", \"kind\": \"project\", \"uuid\": \"%s\", "
                                              "\"field\": \"title\", \"value\": \"x\"}", change_id, uuid);

  assert_batch_refused (extra, "colour");
  assert_batch_refused (mixed, "kind");
  assert_batch_refused (missing, "base");
  assert_refused ("{\"changes\": [], \"force\": true}", "force");
  assert_refused ("{}", "changes");
}

static void
test_bad_values (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *money = kz_test_field_change ("project", uuid, "budget_planned", "viel Geld", 0);
  g_autofree char *date = kz_test_field_change ("project", uuid, "start_date", "2026-02-30", 0);
  g_autofree char *choice = kz_test_field_change ("project", uuid, "status", "daydreaming", 0);
  g_autofree char *ref = kz_test_field_change ("project", uuid, "lead_organisation_id", "anna", 0);
  g_autofree char *deleted = kz_test_field_change ("project", uuid, "deleted", "yes", 0);
  g_autofree char *integer = kz_test_field_change ("organisation", uuid, "staff", "12.5x", 0);

  assert_batch_refused (money, "viel Geld");
  assert_batch_refused (date, "changes[1]");
  assert_batch_refused (choice, "daydreaming");
  assert_batch_refused (ref, "anna");
  assert_batch_refused (deleted, "deleted");
  assert_batch_refused (integer, "changes[1]");
}

static void
test_wrong_types (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *change_id = g_uuid_string_random ();
  const char *templates[] = {
    "{\"change_id\": \"CID\", \"kind\": \"project\", \"uuid\": \"UUID\", \"field\": \"title\", \"value\": 42, \"base\": 0}",
    "{\"change_id\": \"CID\", \"kind\": \"project\", \"uuid\": \"UUID\", \"field\": \"title\", \"value\": \"x\", \"base\": \"0\"}",
    "{\"change_id\": \"CID\", \"kind\": \"project\", \"uuid\": \"UUID\", \"field\": \"title\", \"value\": \"x\", \"base\": -1}",
    "{\"change_id\": \"CID\", \"kind\": \"project\", \"uuid\": \"UUID\", \"field\": \"title\", \"value\": \"x\", \"base\": 1.5}",
    "{\"change_id\": \"CID\", \"kind\": [\"project\"], \"uuid\": \"UUID\", \"field\": \"title\", \"value\": \"x\", \"base\": 0}",
    "{\"change_id\": \"CID\", \"link\": \"project-organisation\", \"a\": \"UUID\", \"b\": \"UUID\", \"deleted\": \"false\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(GString) change = g_string_new (templates[i]);

      g_string_replace (change, "CID", change_id, 0);
      g_string_replace (change, "UUID", uuid, 0);
      assert_batch_refused (change->str, change_id);
    }

  assert_refused ("{\"changes\": {}}", "changes");
  assert_refused ("{\"changes\": [42]}", "changes[0]");
}

static void
test_invalid_uuids (void)
{
  g_autofree char *bad_record = kz_test_field_change ("project", "not-a-uuid", "title", "x", 0);
  g_autofree char *bad_link = kz_test_link_change ("project-organisation", "0d4e8a52", "also-not", FALSE);
  g_autofree char *bad_change_id = g_strdup ("{\"change_id\": \"42\", \"kind\": \"project\", "
                                             "\"uuid\": \"0d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a\", "
                                             "\"field\": \"title\", \"value\": \"x\", \"base\": 0}");

  assert_batch_refused (bad_record, "uuid");
  assert_batch_refused (bad_link, "“a”");
  assert_batch_refused (bad_change_id, "change_id");
}

static void
test_kind_mismatch (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *as_project = kz_test_field_change ("project", uuid, "title", "Projekt", 0);
  g_autofree char *as_task = kz_test_field_change ("task", uuid, "title", "Aufgabe", 0);
  g_autofree char *first = kz_test_batch (as_project, NULL);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_push (server, token, first, &status);
  g_assert_cmpuint (status, ==, 200);
  assert_batch_refused (as_task, "task");
}

static void
test_batch_size (void)
{
  g_autoptr(GString) batch = g_string_new ("{\"changes\": [");
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  for (guint i = 0; i < 1001; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *change = kz_test_field_change ("firm", uuid, "name", "Firma", 0);

      g_string_append_printf (batch, "%s%s", i ? ", " : "", change);
    }
  g_string_append (batch, "]}");
  assert_refused (batch->str, "1000");

  /* 1000 are fine. */
  g_string_truncate (batch, strrchr (batch->str, '{') - batch->str - 2);
  g_string_append (batch, "]}");
  answer = kz_test_server_push (server, token, batch->str, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (answer), "results")), ==, 1000);
}

static guint
send_body (GBytes   *body,
           gboolean  chunked)
{
  g_autofree char *uri = g_strconcat (kz_test_server_get_url (server), "api/v1/changes", NULL);
  g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
  soup_message_set_request_body (msg, "application/json", stream,
                                 chunked ? -1 : (gssize)g_bytes_get_size (body));
  answer = soup_session_send_and_read (kz_test_server_get_session (server), msg, NULL, &error);
  g_assert_no_error (error);
  if (chunked)
    g_assert_cmpint (soup_message_headers_get_encoding (soup_message_get_request_headers (msg)),
                     ==, SOUP_ENCODING_CHUNKED);

  return soup_message_get_status (msg);
}

static GBytes *
padded_batch (gsize size)
{
  const char *batch = "{\"changes\": []}";
  char *data = g_malloc (size);

  memset (data, ' ', size);
  memcpy (data, batch, strlen (batch));
  return g_bytes_new_take (data, size);
}

static void
test_body_size (void)
{
  g_autoptr(GBytes) fits = padded_batch (8 * 1024 * 1024);
  g_autoptr(GBytes) too_large = padded_batch (9 * 1024 * 1024);
  gint64 before = current_cursor ();

  g_assert_cmpuint (send_body (fits, FALSE), ==, 200);
  g_assert_cmpuint (send_body (too_large, FALSE), ==, 413);
  g_assert_cmpuint (send_body (too_large, TRUE), ==, 413);
  g_assert_cmpuint (send_body (fits, TRUE), ==, 200);
  g_assert_cmpint (current_cursor (), ==, before);
}

static void
test_pull_parameters (void)
{
  const char *bad[] = {
    "/api/v1/changes?limit=0", "/api/v1/changes?limit=1001", "/api/v1/changes?limit=ten",
    "/api/v1/changes?since=-1", "/api/v1/changes?since=1e3", "/api/v1/changes?sinse=0",
    "/api/v1/status?verbose=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      answer = kz_test_server_request (server, "GET", bad[i], token, NULL, &status);
      g_test_message ("%s", bad[i]);
      g_assert_cmpuint (status, ==, 400);
      g_assert_cmpstr (kz_test_error_code (answer), ==, "bad_request");
    }
}

static void
test_routes (void)
{
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) method = NULL;
  g_autoptr(JsonNode) resolve = NULL;
  guint status = 0;

  missing = kz_test_server_request (server, "GET", "/api/v2/changes", token, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpstr (kz_test_error_code (missing), ==, "not_found");

  method = kz_test_server_request (server, "DELETE", "/api/v1/changes", token, NULL, &status);
  g_assert_cmpuint (status, ==, 405);
  g_assert_cmpstr (kz_test_error_code (method), ==, "method_not_allowed");

  resolve = kz_test_server_request (server, "POST", "/api/v1/conflicts/x/resolve", token,
                                    "{\"value\": 1}", &status);
  g_assert_cmpuint (status, ==, 400);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  server = kz_test_server_new ();
  kz_test_server_add_user (server, "anna", "staff", "anna-password");
  kz_test_server_start (server, NULL);
  token = kz_test_server_login (server, "anna", "anna-password");

  g_test_add_func ("/server/limits/malformed-json", test_malformed_json);
  g_test_add_func ("/server/limits/unknown-names", test_unknown_names);
  g_test_add_func ("/server/limits/unknown-members", test_unknown_members);
  g_test_add_func ("/server/limits/bad-values", test_bad_values);
  g_test_add_func ("/server/limits/wrong-types", test_wrong_types);
  g_test_add_func ("/server/limits/invalid-uuids", test_invalid_uuids);
  g_test_add_func ("/server/limits/kind-mismatch", test_kind_mismatch);
  g_test_add_func ("/server/limits/batch-size", test_batch_size);
  g_test_add_func ("/server/limits/body-size", test_body_size);
  g_test_add_func ("/server/limits/pull-parameters", test_pull_parameters);
  g_test_add_func ("/server/limits/routes", test_routes);

  result = g_test_run ();
  kz_test_server_free (server);
  g_free (token);
  return result;
}
