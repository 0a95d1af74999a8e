/* test-server-auth.c
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

/* Logins, tokens, roles and the login rate limit. */

static KzTestServer *server;

typedef struct
{
  const char *method;
  const char *path;
  const char *body;
} Endpoint;

/* Every endpoint but login, with a body that would be valid. */
static const Endpoint endpoints[] = {
  { "POST", "/api/v1/logout", NULL },
  { "GET", "/api/v1/status", NULL },
  { "GET", "/api/v1/changes", NULL },
  { "GET", "/api/v1/changes?since=0&limit=10", NULL },
  { "POST", "/api/v1/changes", "{\"changes\": []}" },
  { "GET", "/api/v1/conflicts", NULL },
  { "POST", "/api/v1/conflicts/0d4e8a52-5f3c-4c1e-9a7b-2f6d8e1c3b4a/resolve", "{\"value\": null}" },
};

static JsonNode *
login (const char *name,
       const char *password,
       guint      *status)
{
  g_autofree char *body = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\"}", name, password);

  return kz_test_server_request (server, "POST", "/api/v1/login", NULL, body, status);
}

static void
assert_unauthorized (const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      answer = kz_test_server_request (server, endpoints[i].method, endpoints[i].path, token,
                                       endpoints[i].body, &status);
      g_test_message ("%s %s", endpoints[i].method, endpoints[i].path);
      g_assert_cmpuint (status, ==, 401);
      g_assert_cmpstr (kz_test_error_code (answer), ==, "unauthorized");
    }
}

static guint
status_with (const char *token)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (server, "GET", "/api/v1/status", token, NULL, &status);
  return status;
}

static void
test_login (void)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonObject *object;
  guint status = 0;

  answer = login ("anna", "anna-password", &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (answer);
  g_assert_cmpstr (json_object_get_string_member (object, "user"), ==, "anna");
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "admin");
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "token")), ==, 43);

  /* Thirty days, in UTC. */
  expires = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "expires"), NULL);
  g_assert_nonnull (expires);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "expires"), "Z"));
  g_assert_cmpint (g_date_time_difference (expires, now), >, 30 * G_TIME_SPAN_DAY - 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (expires, now), <, 30 * G_TIME_SPAN_DAY + 60 * G_TIME_SPAN_SECOND);

  me = kz_test_server_request (server, "GET", "/api/v1/status",
                               json_object_get_string_member (object, "token"), NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (me);
  g_assert_cmpint (json_object_get_int_member (object, "protocol"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "user"), ==, "anna");
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "admin");
}

static void
test_wrong_password (void)
{
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) malformed = NULL;
  guint status = 0;

  wrong = login ("anna", "not-annas-password", &status);
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpstr (kz_test_error_code (wrong), ==, "unauthorized");

  unknown = login ("nobody", "anna-password", &status);
  g_assert_cmpuint (status, ==, 401);

  malformed = kz_test_server_request (server, "POST", "/api/v1/login", NULL,
                                      "{\"user\": \"anna\"}", &status);
  g_assert_cmpuint (status, ==, 400);
  g_assert_cmpstr (kz_test_error_code (malformed), ==, "bad_request");
}

static void
test_unauthorized (void)
{
  g_autofree char *token = kz_test_server_login (server, "anna", "anna-password");
  g_autofree char *wrong = g_strdup (token);

  /* No token, a wrong one of the right shape, and no token at all. */
  assert_unauthorized (NULL);
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  assert_unauthorized (wrong);
  assert_unauthorized ("not-a-token");
  g_assert_cmpuint (status_with (token), ==, 200);
}

static void
test_logout (void)
{
  g_autofree char *token = kz_test_server_login (server, "anna", "anna-password");
  g_autofree char *other = kz_test_server_login (server, "anna", "anna-password");
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (server, "POST", "/api/v1/logout", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  assert_unauthorized (token);
  g_assert_cmpuint (status_with (other), ==, 200);
}

static void
test_password_reset_revokes (void)
{
  g_autofree char *token = NULL;
  g_autofree char *fresh = NULL;

  kz_test_server_add_user (server, "carl", "staff", "carl-password");
  token = kz_test_server_login (server, "carl", "carl-password");
  g_assert_cmpuint (status_with (token), ==, 200);

  /* While the server runs. */
  g_assert_cmpint (kz_test_server_run_cli (server, "carl-new-password\n", NULL, NULL,
                                           "user", "password", "carl", NULL), ==, 0);
  assert_unauthorized (token);
  fresh = kz_test_server_login (server, "carl", "carl-new-password");
  g_assert_cmpuint (status_with (fresh), ==, 200);
}

static void
test_remove_revokes (void)
{
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  kz_test_server_add_user (server, "dora", "reader", "dora-password");
  token = kz_test_server_login (server, "dora", "dora-password");
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL,
                                           "user", "remove", "dora", NULL), ==, 0);
  assert_unauthorized (token);
  answer = login ("dora", "dora-password", &status);
  g_assert_cmpuint (status, ==, 401);
}

static void
test_reader (void)
{
  g_autofree char *token = kz_test_server_login (server, "rita", "rita-password");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *change = kz_test_field_change ("project", uuid, "title", "Lesen", 0);
  g_autofree char *batch = kz_test_batch (change, NULL);
  g_autoptr(JsonNode) push = NULL;
  g_autoptr(JsonNode) resolve = NULL;
  g_autoptr(JsonNode) pull = NULL;
  g_autoptr(JsonNode) conflicts = NULL;
  guint status = 0;

  push = kz_test_server_push (server, token, batch, &status);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (kz_test_error_code (push), ==, "forbidden");

  resolve = kz_test_server_request (server, "POST", endpoints[6].path, token, endpoints[6].body, &status);
  g_assert_cmpuint (status, ==, 403);

  /* Readers pull, see conflicts and their status. */
  pull = kz_test_server_pull (server, token, 0, 10);
  g_assert_null (kz_test_find_record (pull, uuid));
  conflicts = kz_test_server_request (server, "GET", "/api/v1/conflicts", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (status_with (token), ==, 200);
}

static void
test_rate_limit (void)
{
  g_autoptr(JsonNode) blocked = NULL;
  g_autoptr(JsonNode) still_blocked = NULL;
  guint status = 0;

  kz_test_server_add_user (server, "eve", "staff", "eve-password");

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(JsonNode) answer = login ("eve", "guess-guess", &status);
      g_assert_cmpuint (status, ==, 401);
    }

  blocked = login ("eve", "guess-guess", &status);
  g_assert_cmpuint (status, ==, 429);
  g_assert_cmpstr (kz_test_error_code (blocked), ==, "too_many_requests");

  /* Even the right password waits now; other users are not affected. */
  still_blocked = login ("eve", "eve-password", &status);
  g_assert_cmpuint (status, ==, 429);
  g_free (kz_test_server_login (server, "anna", "anna-password"));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

  server = kz_test_server_new ();
  kz_test_server_add_user (server, "anna", "admin", "anna-password");
  kz_test_server_add_user (server, "rita", "reader", "rita-password");
  kz_test_server_start (server, NULL);

  g_test_add_func ("/server/auth/login", test_login);
  g_test_add_func ("/server/auth/wrong-password", test_wrong_password);
  g_test_add_func ("/server/auth/unauthorized", test_unauthorized);
  g_test_add_func ("/server/auth/logout", test_logout);
  g_test_add_func ("/server/auth/password-reset-revokes", test_password_reset_revokes);
  g_test_add_func ("/server/auth/remove-revokes", test_remove_revokes);
  g_test_add_func ("/server/auth/reader", test_reader);
  g_test_add_func ("/server/auth/rate-limit", test_rate_limit);

  result = g_test_run ();
  kz_test_server_free (server);
  return result;
}
