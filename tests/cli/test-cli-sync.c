/* test-cli-sync.c
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

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kz-cli-test.h"
#include "kz-test-server.h"

/* Two kompetenz-cli clients, each with its own portfolio and config,
 * syncing through a real kompetenz-server. */

typedef struct
{
  KzTestServer *server;
  KzCliTest    *a;   /* anna */
  KzCliTest    *b;   /* ben */
} Fixture;

static void
write_file (KzCliTest  *t,
            const char *name,
            const char *text)
{
  g_autofree char *path = kz_cli_test_path (t, name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = kz_test_server_new ();
  kz_test_server_add_user (f->server, "anna", "staff", "anna-passwort");
  kz_test_server_add_user (f->server, "ben", "staff", "ben-passwort");
  kz_test_server_add_user (f->server, "rita", "reader", "rita-passwort");
  kz_test_server_start (f->server, NULL);

  f->a = kz_cli_test_new ();
  f->b = kz_cli_test_new ();
  write_file (f->a, "password", "anna-passwort\n");
  write_file (f->b, "password", "ben-passwort\n");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kz_cli_test_free (f->a);
  kz_cli_test_free (f->b);
  kz_test_server_free (f->server);
}

static char *
token_file (KzCliTest *t)
{
  return kz_cli_test_path (t, "token");
}

static void
login (Fixture    *f,
       KzCliTest  *t,
       const char *user)
{
  g_autofree char *password = kz_cli_test_path (t, "password");
  g_autofree char *token = token_file (t);

  g_free (kz_cli_test_check (t, 0, "login", kz_test_server_get_url (f->server), user,
                             "--password-file", password, "--token-file", token, NULL));
}

/* One round; returns the parsed statistics. */
static JsonObject *
sync_round (KzCliTest *t,
            int        status)
{
  g_autofree char *token = token_file (t);
  g_autofree char *out = kz_cli_test_check (t, status, "sync", "--json", "--token-file", token, NULL);
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (out);

  return json_object_ref (json_node_get_object (node));
}

static void
sync_ok (KzCliTest *t)
{
  g_autoptr(JsonObject) stats = sync_round (t, 0);

  g_assert_cmpint (json_object_get_int_member (stats, "refused"), ==, 0);
}

/* kind/id -> the JSON of its fields, for every live record. */
static GHashTable *
snapshot (KzCliTest *t)
{
  GHashTable *all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const char *kind = kz_kind_get_info (k)->name;
      g_autofree char *out = kz_cli_test_check (t, 0, "list", kind, "--json", NULL);
      g_autoptr(JsonNode) node = kz_cli_test_parse_json (out);
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *record = json_array_get_object_element (array, i);
          JsonNode *fields = json_object_get_member (record, "fields");

          g_hash_table_insert (all,
                               g_strdup_printf ("%s/%s", kind, json_object_get_string_member (record, "id")),
                               json_to_string (fields, FALSE));
        }
    }

  return all;
}

static void
assert_converged (KzCliTest *a,
                  KzCliTest *b)
{
  g_autoptr(GHashTable) left = snapshot (a);
  g_autoptr(GHashTable) right = snapshot (b);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (left), >, 0);
  g_assert_cmpuint (g_hash_table_size (left), ==, g_hash_table_size (right));
  g_hash_table_iter_init (&iter, left);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (value, ==, g_hash_table_lookup (right, key));
}

static char *
field_of (KzCliTest  *t,
          const char *kind,
          const char *id,
          const char *field)
{
  g_autofree char *out = kz_cli_test_check (t, 0, "show", kind, id, "--json", NULL);
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (out);
  JsonObject *fields = json_object_get_object_member (json_node_get_object (node), "fields");

  return g_strdup (json_object_get_string_member_with_default (fields, field, NULL));
}

static void
assert_field (KzCliTest  *t,
              const char *organisation,
              const char *field,
              const char *expected)
{
  g_autofree char *value = field_of (t, "organisation", organisation, field);

  g_assert_cmpstr (value, ==, expected);
}

static JsonObject *
status_of (KzCliTest *t)
{
  g_autofree char *token = token_file (t);
  g_autofree char *out = kz_cli_test_check (t, 0, "sync", "status", "--json", "--token-file", token, NULL);
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (out);

  return json_object_ref (json_node_get_object (node));
}

static char *
add_organisation (KzCliTest  *t,
                  const char *name)
{
  g_autofree char *json = g_strdup_printf ("{\"fields\": {\"name\": \"%s\", \"city\": \"Celle\"}}", name);
  char *out = NULL;

  g_assert_cmpint (kz_cli_test_run (t, json, &out, NULL, "add", "organisation", "--json", "-", NULL), ==, 0);
  return g_strstrip (out);
}

/* Signing in and out */

static void
test_login_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *password = kz_cli_test_path (f->a, "password");
  g_autofree char *wrong = kz_cli_test_path (f->b, "password");
  g_autofree char *missing = kz_cli_test_path (f->a, "missing");
  g_autofree char *token = token_file (f->a);
  g_autoptr(JsonObject) status = NULL;
  const char *url = kz_test_server_get_url (f->server);

  kz_cli_test_make_demo (f->a->database, 2);
  status = status_of (f->a);
  g_assert_null (json_object_get_string_member (status, "server"));
  g_assert_cmpstr (json_object_get_string_member (status, "signed_in"), ==, "no");

  kz_cli_test_expect (f->a, 1, "not connected", "sync", NULL);
  kz_cli_test_expect (f->a, 1, "did not accept", "login", url, "anna", "--password-file",
                      wrong, "--token-file", token, NULL);
  kz_cli_test_expect (f->a, 3, "cannot be reached", "login", "http://127.0.0.1:1", "anna",
                      "--password-file", password, "--token-file", token, NULL);
  kz_cli_test_expect (f->a, 3, "missing", "login", url, "anna", "--password-file", missing,
                      "--token-file", token, NULL);
  kz_cli_test_expect (f->a, 2, "Missing arguments", "login", url, NULL);
  /* No terminal and no password. */
  kz_cli_test_expect (f->a, 2, "--password-file", "login", url, "anna", "--token-file", token, NULL);
  /* No keyring here: the sign-in cannot be kept without --token-file. */
  kz_cli_test_expect (f->a, 3, "--token-file", "login", url, "anna", "--password-file", password, NULL);
  g_assert_false (g_file_test (token, G_FILE_TEST_EXISTS));
}

static void
assert_account_kept (Fixture *f)
{
  g_autofree char *token = token_file (f->a);
  g_autofree char *ini_path = g_build_filename (f->a->dir, "config", "kompetenz", "sync.ini", NULL);
  g_autofree char *ini = NULL;
  g_autofree char *url = g_strdup (kz_test_server_get_url (f->server));
  g_autoptr(JsonObject) status = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (token, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  g_assert_nonnull (strstr (ini, f->a->database));
  g_assert_nonnull (strstr (ini, "user=anna"));
  g_assert_null (strstr (ini, "passwort"));

  url[strlen (url) - 1] = 0;  /* without the final "/" */
  status = status_of (f->a);
  g_assert_cmpstr (json_object_get_string_member (status, "server"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (status, "user"), ==, "anna");
  g_assert_cmpstr (json_object_get_string_member (status, "signed_in"), ==, "yes");
  g_assert_cmpint (json_object_get_int_member (status, "pending"), >, 0);
}

static void
test_login_logout (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *token = token_file (f->a);
  g_autofree char *token_text = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) stats = NULL;

  kz_cli_test_setenv (f->a, "KOMPETENZ_PASSWORD", "anna-passwort");
  g_free (kz_cli_test_check (f->a, 0, "login", kz_test_server_get_url (f->server), "anna",
                             "--token-file", token, NULL));
  kz_cli_test_setenv (f->a, "KOMPETENZ_PASSWORD", NULL);
  /* Written after signing in, so every record is noted for upload. */
  kz_cli_test_make_demo (f->a->database, 2);
  assert_account_kept (f);

  stats = sync_round (f->a, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "pushed"), >, 0);
  after = status_of (f->a);
  g_assert_cmpint (json_object_get_int_member (after, "pending"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (after, "cursor"), >, 0);
  g_assert_nonnull (json_object_get_string_member (after, "last_sync"));

  /* A token from the environment instead of a file. */
  g_assert_true (g_file_get_contents (token, &token_text, NULL, NULL));
  kz_cli_test_setenv (f->a, "KOMPETENZ_TOKEN", g_strstrip (token_text));
  g_free (kz_cli_test_check (f->a, 0, "sync", NULL));
  kz_cli_test_setenv (f->a, "KOMPETENZ_TOKEN", NULL);

  /* Synced with this server: another one would mix two portfolios. */
  kz_cli_test_setenv (f->a, "KOMPETENZ_PASSWORD", "anna-passwort");
  kz_cli_test_expect (f->a, 1, "would mix", "login", "http://127.0.0.1:1", "anna",
                      "--token-file", token, NULL);
  kz_cli_test_setenv (f->a, "KOMPETENZ_PASSWORD", NULL);

  g_free (kz_cli_test_check (f->a, 0, "logout", "--token-file", token, NULL));
  g_assert_false (g_file_test (token, G_FILE_TEST_EXISTS));
  kz_cli_test_expect (f->a, 1, "not signed in", "sync", "--token-file", token, NULL);
  /* The revoked token is refused by the server too. */
  kz_cli_test_setenv (f->a, "KOMPETENZ_TOKEN", token_text);
  kz_cli_test_expect (f->a, 1, "sign-in", "sync", NULL);
}

static void
test_reader (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = token_file (f->a);
  g_autofree char *id = NULL;

  write_file (f->a, "password", "rita-passwort\n");
  login (f, f->a, "rita");
  id = add_organisation (f->a, "Lesend");
  kz_cli_test_expect (f->a, 1, "may read but not change", "sync", "--token-file", token, NULL);
}

/* Two clients */

static char *
nth_project (KzCliTest *t,
             guint      n)
{
  g_autoptr(KzStore) store = kz_cli_test_open_store (t);
  g_autoptr(GListModel) projects = kz_store_list (store, KZ_KIND_PROJECT, NULL);
  g_autoptr(KzRecord) record = g_list_model_get_item (projects, n);

  return g_strdup (kz_record_get_uuid (record));
}

static const char *
author_of (GPtrArray  *history,
           const char *field)
{
  for (guint i = 0; i < history->len; i++)
    {
      KzHistoryEntry *e = history->pdata[i];

      if (g_str_equal (e->field, field))
        return e->author;
    }

  return NULL;
}

static void
test_converge (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *p = NULL;
  g_autofree char *q = NULL;
  g_autofree char *org = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *trash = NULL;
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;

  login (f, f->a, "anna");
  login (f, f->b, "ben");
  kz_cli_test_make_demo (f->a->database, 8);
  sync_ok (f->a);
  sync_ok (f->b);
  assert_converged (f->a, f->b);

  /* Offline on both sides: different fields, a new record, a deletion. */
  p = nth_project (f->a, 0);
  q = nth_project (f->a, 1);
  g_free (kz_cli_test_check (f->a, 0, "set", "project", p, "title=Neuer Titel von Anna", NULL));
  g_free (kz_cli_test_check (f->a, 0, "delete", "project", q, NULL));
  g_free (kz_cli_test_check (f->b, 0, "set", "project", p, "status=paused", "health=off_track", NULL));
  org = add_organisation (f->b, "Neu bei Ben");

  sync_ok (f->a);
  sync_ok (f->b);
  sync_ok (f->a);
  assert_converged (f->a, f->b);

  title = field_of (f->b, "project", p, "title");
  status = field_of (f->a, "project", p, "status");
  g_assert_cmpstr (title, ==, "Neuer Titel von Anna");
  g_assert_cmpstr (status, ==, "paused");
  kz_cli_test_expect (f->a, 0, NULL, "show", "organisation", org, NULL);
  trash = kz_cli_test_check (f->b, 0, "list", "project", "--deleted", "--json", NULL);
  g_assert_nonnull (strstr (trash, q));

  /* Ben's history names Anna as the author of her change. */
  store = kz_cli_test_open_store (f->b);
  history = kz_store_get_history (store, p, NULL);
  g_assert_cmpstr (author_of (history, "title"), ==, "anna");
}

/* A portfolio kept without sync, then signed in: enabling sync notes
 * every existing field for upload. */
static void
test_existing_portfolio (Fixture       *f,
                         gconstpointer  data)
{
  kz_cli_test_make_demo (f->a->database, 3);
  login (f, f->a, "anna");
  login (f, f->b, "ben");

  sync_ok (f->a);
  sync_ok (f->b);
  assert_converged (f->a, f->b);
}

static JsonArray *
conflicts_of (KzCliTest *t)
{
  g_autofree char *out = kz_cli_test_check (t, 0, "conflicts", "list", "--json", NULL);
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (out);

  return json_array_ref (json_node_get_array (node));
}

static JsonObject *
find_conflict (JsonArray  *conflicts,
               const char *field)
{
  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonObject *c = json_array_get_object_element (conflicts, i);

      if (g_str_equal (json_object_get_string_member (c, "field"), field))
        return c;
    }

  g_assert_not_reached ();
}

/* Anna and Ben change the same two fields of an organisation; Ben's
 * sync is refused.  Returns the organisation's id. */
static char *
make_conflicts (Fixture *f)
{
  g_autofree char *token = token_file (f->b);
  g_autofree char *err = NULL;
  char *org;

  login (f, f->a, "anna");
  login (f, f->b, "ben");
  org = add_organisation (f->a, "Diakonie Celle");
  sync_ok (f->a);
  sync_ok (f->b);

  g_free (kz_cli_test_check (f->a, 0, "set", "organisation", org, "city=Hannover", "staff=10", NULL));
  g_free (kz_cli_test_check (f->b, 0, "set", "organisation", org, "city=Hildesheim", "staff=12", NULL));
  sync_ok (f->a);

  /* The message names the record and the fields. */
  g_assert_cmpint (kz_cli_test_run (f->b, NULL, NULL, &err, "sync", "--token-file", token, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Diakonie Celle"));
  g_assert_nonnull (strstr (err, "field city"));
  g_assert_nonnull (strstr (err, "field staff"));

  return org;
}

static void
resolve_refused (KzCliTest  *t,
                 const char *id,
                 const char *take,
                 int         status,
                 const char *needle)
{
  g_autofree char *token = token_file (t);

  if (take != NULL)
    kz_cli_test_expect (t, status, needle, "conflicts", "resolve", id, "--take", take,
                        "--token-file", token, NULL);
  else
    kz_cli_test_expect (t, status, needle, "conflicts", "resolve", id, "--token-file", token, NULL);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *token = token_file (f->b);
  g_autofree char *org = make_conflicts (f);
  g_autoptr(JsonArray) conflicts = conflicts_of (f->b);
  g_autoptr(JsonArray) seen_by_anna = NULL;
  g_autoptr(JsonArray) none = NULL;
  g_autoptr(JsonObject) stats = NULL;
  JsonObject *city = find_conflict (conflicts, "city");
  const char *city_id = json_object_get_string_member (city, "id");
  const char *staff_id = json_object_get_string_member (find_conflict (conflicts, "staff"), "id");

  g_assert_cmpuint (json_array_get_length (conflicts), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (city, "mine"), ==, "Hildesheim");
  g_assert_cmpstr (json_object_get_string_member (city, "theirs"), ==, "Hannover");
  g_assert_cmpstr (json_object_get_string_member (city, "record"), ==, org);

  /* Anna sees them too, from her side. */
  sync_ok (f->a);
  seen_by_anna = conflicts_of (f->a);
  g_assert_cmpstr (json_object_get_string_member (find_conflict (seen_by_anna, "city"), "mine"), ==, "Hannover");

  resolve_refused (f->b, city_id, NULL, 2, "--take");
  resolve_refused (f->b, "abc", "mine", 2, "at least 8");
  resolve_refused (f->b, "ffffffff", "mine", 1, "no open conflict");
  resolve_refused (f->b, staff_id, "viele", 1, "field staff");

  g_free (kz_cli_test_check (f->b, 0, "conflicts", "resolve", city_id, "--take", "mine",
                             "--token-file", token, NULL));
  g_free (kz_cli_test_check (f->b, 0, "conflicts", "resolve", staff_id, "--take", " 11 ",
                             "--token-file", token, NULL));
  /* Resolved is resolved. */
  resolve_refused (f->b, city_id, "theirs", 1, "no open conflict");

  stats = sync_round (f->a, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "conflicts"), ==, 0);
  none = conflicts_of (f->b);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  assert_field (f->a, org, "city", "Hildesheim");
  assert_field (f->b, org, "city", "Hildesheim");
  assert_field (f->a, org, "staff", "11");
  assert_converged (f->a, f->b);
}

/* HTTPS with a self-signed certificate (made by openssl, as in
 * tests/server/test-server-tls.c), trusted with login --certificate. */
static void
make_certificate (const char *dir,
                  char      **certificate,
                  char      **key)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (openssl == NULL)
    g_error ("openssl is needed to make a test certificate: apt-get install openssl");

  *certificate = g_build_filename (dir, "cert.pem", NULL);
  *key = g_build_filename (dir, "key.pem", NULL);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              openssl, "req", "-x509", "-newkey", "ec",
                              "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                              "-keyout", *key, "-out", *certificate, "-days", "2",
                              "-subj", "/CN=localhost",
                              "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

static void
test_tls (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autofree char *certificate = NULL;
  g_autofree char *key = NULL;
  g_autofree char *password = kz_cli_test_path (f->a, "password");
  g_autofree char *token = token_file (f->a);
  g_autofree char *ini_path = g_build_filename (f->a->dir, "config", "kompetenz", "sync.ini", NULL);
  g_autofree char *ini = NULL;
  g_autofree char *org = NULL;
  const char *url;

  make_certificate (kz_test_server_get_data_dir (server), &certificate, &key);
  kz_test_server_add_user (server, "anna", "staff", "anna-passwort");
  kz_test_server_start (server, (const char * const[]) { "--tls-certificate", certificate,
                                                          "--tls-key", key, NULL });
  url = kz_test_server_get_url (server);
  g_assert_true (g_str_has_prefix (url, "https://"));

  kz_cli_test_expect (f->a, 3, "not trusted", "login", url, "anna", "--password-file", password,
                      "--token-file", token, NULL);
  g_free (kz_cli_test_check (f->a, 0, "login", url, "anna", "--password-file", password,
                             "--token-file", token, "--certificate", certificate, NULL));
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  g_assert_nonnull (strstr (ini, "trusted-certificate="));

  /* Later commands trust the certificate kept in sync.ini. */
  org = add_organisation (f->a, "Verschlüsselt e.V.");
  sync_ok (f->a);
  kz_cli_test_expect (f->a, 3, NULL, "login", url, "anna", "--password-file", password,
                      "--token-file", token, "--certificate", password, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cli/sync/login-errors", test_login_errors);
  ADD ("/cli/sync/login-logout", test_login_logout);
  ADD ("/cli/sync/reader", test_reader);
  ADD ("/cli/sync/converge", test_converge);
  ADD ("/cli/sync/existing-portfolio", test_existing_portfolio);
  ADD ("/cli/sync/conflict", test_conflict);
  ADD ("/cli/sync/tls", test_tls);
#undef ADD

  return g_test_run ();
}
