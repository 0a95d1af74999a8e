/* kz-test-server.c
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
#include <libpq-fe.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/prctl.h>

#include "kz-test-server.h"

struct _KzTestServer
{
  char            *data_dir;
  char            *database;         /* --database, or NULL for --data */
  char            *own_database;     /* PostgreSQL database to drop at the end */
  char            *binary;
  GSubprocess     *process;
  GDataInputStream *stdout_stream;
  char            *url;
  SoupSession     *session;
  GTlsCertificate *trusted;
};

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* Backends */

static const char *
postgres_admin_uri (void)
{
  const char *uri = g_getenv ("KOMPETENZ_TEST_POSTGRES");

  return uri != NULL && uri[0] != 0 ? uri : NULL;
}

gboolean
kz_test_backend_is_postgres (void)
{
  return g_strcmp0 (g_getenv ("KZ_TEST_BACKEND"), "postgresql") == 0;
}

void
kz_test_backend_init (void)
{
  if (!kz_test_backend_is_postgres () || postgres_admin_uri () != NULL)
    return;

  /* CI has to run the PostgreSQL variants; a developer's machine
   * without a PostgreSQL cluster skips them. */
  if (g_getenv ("CI") != NULL)
    {
      printf ("Bail out! KOMPETENZ_TEST_POSTGRES is not set; run the tests "
              "through build-aux/with-postgres.sh\n");
      fflush (stdout);
      exit (1);
    }

  printf ("1..0 # SKIP KOMPETENZ_TEST_POSTGRES is not set "
          "(see build-aux/with-postgres.sh)\n");
  fflush (stdout);
  exit (0);
}

static void
admin_command (const char *sql)
{
  PGconn *conn = PQconnectdb (postgres_admin_uri ());
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

/* The administration URI with another database name. */
static char *
database_uri (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) admin = g_uri_parse (postgres_admin_uri (), G_URI_FLAGS_ENCODED, &error);
  g_autofree char *path = g_strconcat ("/", name, NULL);

  g_assert_no_error (error);
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (admin), g_uri_get_userinfo (admin),
                     g_uri_get_host (admin), g_uri_get_port (admin), path,
                     g_uri_get_query (admin), NULL);
}

/* Each test gets a database of its own, so that tests run in parallel. */
static void
create_postgres_database (KzTestServer *self)
{
  static guint counter;
  g_autofree char *sql = NULL;

  g_assert_nonnull (postgres_admin_uri ());
  self->own_database = g_strdup_printf ("kz_test_%d_%u_%08x", (int)getpid (), ++counter,
                                        g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE %s", self->own_database);
  admin_command (sql);
  self->database = database_uri (self->own_database);
}

static void
drop_postgres_database (KzTestServer *self)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                          self->own_database);

  admin_command (sql);
}

static KzTestServer *
test_server_new (void)
{
  KzTestServer *self = g_new0 (KzTestServer, 1);
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("KZ_SERVER_BINARY");

  g_assert_nonnull (binary);
  self->binary = g_strdup (binary);
  self->data_dir = g_dir_make_tmp ("kz-server-test-XXXXXX", &error);
  g_assert_no_error (error);
  self->session = soup_session_new_with_options ("timeout", 60, NULL);
  return self;
}

KzTestServer *
kz_test_server_new (void)
{
  KzTestServer *self = test_server_new ();

  if (kz_test_backend_is_postgres ())
    create_postgres_database (self);
  return self;
}

KzTestServer *
kz_test_server_new_sharing (KzTestServer *other)
{
  KzTestServer *self = test_server_new ();

  if (other->database != NULL)
    self->database = g_strdup (other->database);
  else
    self->database = g_build_filename (other->data_dir, "server.db", NULL);
  return self;
}

void
kz_test_server_free (KzTestServer *self)
{
  if (self == NULL)
    return;

  if (self->process != NULL)
    kz_test_server_stop (self);

  g_clear_object (&self->session);
  g_clear_object (&self->trusted);
  if (self->own_database != NULL)
    drop_postgres_database (self);
  remove_tree (self->data_dir);
  g_free (self->url);
  g_free (self->data_dir);
  g_free (self->database);
  g_free (self->own_database);
  g_free (self->binary);
  g_free (self);
}

const char *
kz_test_server_get_database (KzTestServer *self)
{
  return self->database;
}

const char *
kz_test_server_get_data_dir (KzTestServer *self)
{
  return self->data_dir;
}

const char *
kz_test_server_get_url (KzTestServer *self)
{
  g_assert_nonnull (self->url);
  return self->url;
}

GPid
kz_test_server_get_pid (KzTestServer *self)
{
  const char *id;

  g_assert_nonnull (self->process);
  id = g_subprocess_get_identifier (self->process);
  g_assert_nonnull (id);
  return (GPid)g_ascii_strtoll (id, NULL, 10);
}

/* Command line */

static void
add_database_args (KzTestServer *self,
                   GPtrArray    *argv)
{
  g_ptr_array_add (argv, (char *)(self->database ? "--database" : "--data"));
  g_ptr_array_add (argv, self->database ? self->database : self->data_dir);
}

static GPtrArray *
make_argv (KzTestServer *self,
           const char   *first_arg,
           va_list       args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, self->binary);
  add_database_args (self, argv);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

int
kz_test_server_run_cli (KzTestServer  *self,
                        const char    *input,
                        char         **out,
                        char         **err,
                        const char    *first_arg,
                        ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  va_list args;

  va_start (args, first_arg);
  argv = make_argv (self, first_arg, args);
  va_end (args);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL,
                                 &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (stderr_text != NULL && stderr_text[0] != 0)
    g_test_message ("kompetenz-server %s: %s", first_arg, stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  return g_subprocess_get_exit_status (process);
}

void
kz_test_server_add_user (KzTestServer *self,
                         const char   *name,
                         const char   *role,
                         const char   *password)
{
  g_autofree char *input = g_strdup_printf ("%s\n", password);

  g_assert_cmpint (kz_test_server_run_cli (self, input, NULL, NULL,
                                           "user", "add", name, "--role", role, NULL), ==, 0);
}

/* The server process */

/* A failed assertion aborts the test; its server must not outlive it
 * (it would keep the test's standard error open). */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

void
kz_test_server_start (KzTestServer       *self,
                      const char * const *extra_args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_null (self->process);

  g_ptr_array_add (argv, self->binary);
  add_database_args (self, argv);
  g_ptr_array_add (argv, (char *)"--listen");
  g_ptr_array_add (argv, (char *)"127.0.0.1:0");
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  self->stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (self->stdout_stream, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http"));

  g_free (self->url);
  self->url = g_strdup (line + strlen ("listening on "));
  g_test_message ("server at %s", self->url);
}

static int
wait_for_exit (KzTestServer *self)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);

  status = g_subprocess_get_if_exited (self->process)
           ? g_subprocess_get_exit_status (self->process)
           : 128 + g_subprocess_get_term_sig (self->process);

  g_clear_object (&self->stdout_stream);
  g_clear_object (&self->process);
  return status;
}

void
kz_test_server_stop (KzTestServer *self)
{
  g_assert_nonnull (self->process);

  g_subprocess_send_signal (self->process, SIGTERM);
  g_assert_cmpint (wait_for_exit (self), ==, 0);
}

void
kz_test_server_kill (KzTestServer *self)
{
  g_assert_nonnull (self->process);

  g_subprocess_force_exit (self->process);
  g_assert_cmpint (wait_for_exit (self), ==, 128 + SIGKILL);
}

/* Client */

void
kz_test_server_trust (KzTestServer    *self,
                      GTlsCertificate *certificate)
{
  g_set_object (&self->trusted, certificate);
}

SoupSession *
kz_test_server_get_session (KzTestServer *self)
{
  return self->session;
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       KzTestServer         *self)
{
  return self->trusted != NULL && g_tls_certificate_is_same (certificate, self->trusted);
}

static JsonNode *
parse_answer (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *node;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

JsonNode *
kz_test_server_request (KzTestServer *self,
                        const char   *method,
                        const char   *path,
                        const char   *token,
                        const char   *body,
                        guint        *status)
{
  g_autofree char *uri = g_strconcat (kz_test_server_get_url (self), path[0] == '/' ? path + 1 : path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  answer = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  return parse_answer (answer);
}

char *
kz_test_server_login (KzTestServer *self,
                      const char   *name,
                      const char   *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  guint status = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  body = json_to_string (request, FALSE);

  answer = kz_test_server_request (self, "POST", "/api/v1/login", NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (answer);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

static JsonObject *
error_object (JsonNode *answer)
{
  JsonObject *object;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return NULL;

  object = json_node_get_object (answer);
  if (!json_object_has_member (object, "error"))
    return NULL;

  return json_object_get_object_member (object, "error");
}

const char *
kz_test_error_code (JsonNode *answer)
{
  JsonObject *error = error_object (answer);

  return error ? json_object_get_string_member (error, "code") : NULL;
}

const char *
kz_test_error_message (JsonNode *answer)
{
  JsonObject *error = error_object (answer);

  return error ? json_object_get_string_member (error, "message") : NULL;
}

/* Building and reading protocol messages */

char *
kz_test_field_change (const char *kind,
                      const char *uuid,
                      const char *field,
                      const char *value,
                      gint64      base)
{
  g_autofree char *change_id = g_uuid_string_random ();
  g_autofree char *quoted = NULL;

  if (value != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
      quoted = json_to_string (node, FALSE);
    }

  return g_strdup_printf ("{\"change_id\": \"%s\", \"kind\": \"%s\", \"uuid\": \"%s\", "
                          "\"field\": \"%s\", \"value\": %s, \"base\": %" G_GINT64_FORMAT "}",
                          change_id, kind, uuid, field, quoted ? quoted : "null", base);
}

char *
kz_test_link_change (const char *link,
                     const char *a,
                     const char *b,
                     gboolean    deleted)
{
  g_autofree char *change_id = g_uuid_string_random ();

  return g_strdup_printf ("{\"change_id\": \"%s\", \"link\": \"%s\", \"a\": \"%s\", "
                          "\"b\": \"%s\", \"deleted\": %s}",
                          change_id, link, a, b, deleted ? "true" : "false");
}

char *
kz_test_batch (const char *first_change,
               ...)
{
  GString *batch = g_string_new ("{\"changes\": [");
  guint n = 0;
  va_list args;

  va_start (args, first_change);
  for (const char *change = first_change; change != NULL; change = va_arg (args, const char *))
    g_string_append_printf (batch, "%s%s", n++ ? ", " : "", change);
  va_end (args);

  g_string_append (batch, "]}");
  return g_string_free (batch, FALSE);
}

JsonNode *
kz_test_server_push (KzTestServer *self,
                     const char   *token,
                     const char   *batch,
                     guint        *status)
{
  return kz_test_server_request (self, "POST", "/api/v1/changes", token, batch, status);
}

JsonNode *
kz_test_server_pull (KzTestServer *self,
                     const char   *token,
                     gint64        since,
                     guint         limit)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%u",
                                           since, limit);
  JsonNode *answer;
  guint status = 0;

  answer = kz_test_server_request (self, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return answer;
}

JsonObject *
kz_test_find_record (JsonNode   *page,
                     const char *uuid)
{
  JsonArray *records = json_object_get_array_member (json_node_get_object (page), "records");

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_str_equal (json_object_get_string_member (record, "uuid"), uuid))
        return record;
    }

  return NULL;
}

const char *
kz_test_field_value (JsonObject *record,
                     const char *field)
{
  JsonObject *fields = json_object_get_object_member (record, "fields");
  JsonObject *entry;

  if (!json_object_has_member (fields, field))
    return NULL;

  entry = json_object_get_object_member (fields, field);
  return json_object_get_null_member (entry, "value") ? NULL
                                                      : json_object_get_string_member (entry, "value");
}

gint64
kz_test_field_version (JsonObject *record,
                       const char *field)
{
  JsonObject *fields = json_object_get_object_member (record, "fields");

  if (!json_object_has_member (fields, field))
    return 0;

  return json_object_get_int_member (json_object_get_object_member (fields, field), "version");
}

JsonObject *
kz_test_result (JsonNode *answer,
                guint     index)
{
  JsonArray *results = json_object_get_array_member (json_node_get_object (answer), "results");

  g_assert_cmpuint (index, <, json_array_get_length (results));
  return json_array_get_object_element (results, index);
}
