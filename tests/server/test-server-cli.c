/* test-server-cli.c
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
#include <signal.h>
#include <string.h>

#include "kz-test-server.h"

/* The command line: user administration, usage errors and exit codes,
 * --help, the access log and stopping with SIGTERM. */

static void
test_user_add (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (kz_test_server_run_cli (server, "anna-password\n", &out, NULL,
                                           "user", "add", "anna", "--role", "admin", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "anna"));

  /* Taken, a wrong or missing role, a bad name, a short password. */
  g_assert_cmpint (kz_test_server_run_cli (server, "anna-password\n", NULL, &err,
                                           "user", "add", "anna", "--role", "staff", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "anna"));
  g_assert_cmpint (kz_test_server_run_cli (server, "ben-password\n", NULL, NULL,
                                           "user", "add", "ben", "--role", "boss", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, "ben-password\n", NULL, NULL,
                                           "user", "add", "ben", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, "ben-password\n", NULL, NULL,
                                           "user", "add", "ben smith", "--role", "staff", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, "short\n", NULL, NULL,
                                           "user", "add", "ben", "--role", "staff", NULL), ==, 1);
  g_assert_cmpint (kz_test_server_run_cli (server, "", NULL, NULL,
                                           "user", "add", "ben", "--role", "staff", NULL), ==, 1);
  /* The password is one line; a Windows line end is no part of it. */
  g_assert_cmpint (kz_test_server_run_cli (server, "ben-password\r\n", NULL, NULL,
                                           "user", "add", "ben", "--role", "reader", NULL), ==, 0);
}

static void
test_user_list (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  kz_test_server_add_user (server, "zoe", "reader", "zoe-password");
  kz_test_server_add_user (server, "anna", "admin", "anna-password");
  kz_test_server_add_user (server, "ben", "staff", "ben-password");

  g_assert_cmpint (kz_test_server_run_cli (server, NULL, &out, NULL, "user", "list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "anna\tadmin\t"));
  g_assert_true (g_str_has_prefix (lines[1], "ben\tstaff\t"));
  g_assert_true (g_str_has_prefix (lines[2], "zoe\treader\t"));
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_null (strstr (out, "argon2"));
}

static void
test_user_remove (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autofree char *out = NULL;

  kz_test_server_add_user (server, "anna", "admin", "anna-password");
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "user", "remove", "anna", NULL), ==, 0);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "user", "remove", "anna", NULL), ==, 1);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, &out, NULL, "user", "list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_user_password (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autoptr(JsonNode) old = NULL;
  guint status = 0;

  kz_test_server_add_user (server, "anna", "admin", "anna-password");
  g_assert_cmpint (kz_test_server_run_cli (server, "new-password\n", NULL, NULL,
                                           "user", "password", "anna", NULL), ==, 0);
  g_assert_cmpint (kz_test_server_run_cli (server, "new-password\n", NULL, NULL,
                                           "user", "password", "nobody", NULL), ==, 1);
  g_assert_cmpint (kz_test_server_run_cli (server, "kurz\n", NULL, NULL,
                                           "user", "password", "anna", NULL), ==, 1);

  /* The new password works, the old one not. */
  kz_test_server_start (server, NULL);
  g_free (kz_test_server_login (server, "anna", "new-password"));
  old = kz_test_server_request (server, "POST", "/api/v1/login", NULL,
                                "{\"user\": \"anna\", \"password\": \"anna-password\"}", &status);
  g_assert_cmpuint (status, ==, 401);
}

static void
test_usage_errors (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autofree char *not_a_dir = g_build_filename (kz_test_server_get_data_dir (server), "file", NULL);
  const char *binary = g_getenv ("KZ_SERVER_BINARY");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "user", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "user", "add", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "user", "list", "--role", "staff", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "user", "list", "extra", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "--no-such-option", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "--tls-certificate", "cert.pem", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "--listen", "everywhere", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "--listen", "127.0.0.1:99999", NULL), ==, 2);
  g_assert_cmpint (kz_test_server_run_cli (server, NULL, NULL, NULL, "--role", "staff", NULL), ==, 2);

  /* No --data at all. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, binary, "user", "list", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);

  /* I/O: the data directory is a file; the TLS files are missing. */
  g_assert_true (g_file_set_contents (not_a_dir, "", 0, NULL));
  {
    g_autoptr(KzTestServer) other = kz_test_server_new ();
    g_autofree char *err = NULL;
    const char *args[] = { binary, "--data", not_a_dir, "user", "list", NULL };
    g_autoptr(GSubprocess) p = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);

    g_assert_no_error (error);
    g_subprocess_wait (p, NULL, &error);
    g_assert_cmpint (g_subprocess_get_exit_status (p), ==, 3);
    g_assert_cmpint (kz_test_server_run_cli (other, NULL, NULL, &err, "--listen", "127.0.0.1:0",
                                             "--tls-certificate", "/nonexistent/cert.pem",
                                             "--tls-key", "/nonexistent/key.pem", NULL), ==, 3);
    g_assert_nonnull (strstr (err, "cert.pem"));
  }
}

/* Runs the server binary with exactly @args (after the binary). */
static int
run_plain (const char  *input,
           char       **out,
           const char  *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("KZ_SERVER_BINARY"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, out, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* --database: an SQLite file (with or without "sqlite:"), never
 * together with --data; a PostgreSQL server that is not there is an
 * input/output error. */
static void
test_database_option (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  const char *dir = kz_test_server_get_data_dir (server);
  g_autofree char *file = g_build_filename (dir, "elsewhere.db", NULL);
  g_autofree char *prefixed = g_strconcat ("sqlite:", file, NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (run_plain ("anna-password\n", NULL, "--database", prefixed,
                              "user", "add", "anna", "--role", "admin", NULL), ==, 0);
  g_assert_cmpint (run_plain (NULL, &out, "--database", file, "user", "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "anna\tadmin\t"));
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (run_plain (NULL, NULL, "--data", dir, "--database", file, "user", "list", NULL), ==, 2);
  g_assert_cmpint (run_plain (NULL, NULL, "--database", "sqlite:", "user", "list", NULL), ==, 2);
  g_assert_cmpint (run_plain (NULL, NULL, "--database",
                              "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2",
                              "user", "list", NULL), ==, 3);
}

static void
test_port_in_use (void)
{
  g_autoptr(KzTestServer) first = kz_test_server_new ();
  g_autoptr(KzTestServer) second = kz_test_server_new ();
  g_autoptr(GUri) uri = NULL;
  g_autofree char *address = NULL;

  kz_test_server_start (first, NULL);
  uri = g_uri_parse (kz_test_server_get_url (first), G_URI_FLAGS_NONE, NULL);
  address = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  g_assert_cmpint (kz_test_server_run_cli (second, NULL, NULL, NULL, "--listen", address, NULL), ==, 3);
}

static void
test_help (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autofree char *out = NULL;
  g_autofree char *version = NULL;
  const char *topics[] = {
    "--data", "--listen", "--tls-certificate", "--tls-key", "--access-log", "--role",
    "user add", "user list", "user remove", "user password", "SIGTERM", "Exit status", "Examples",
  };

  g_assert_cmpint (kz_test_server_run_cli (server, NULL, &out, NULL, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_test_message ("%s", topics[i]);
      g_assert_nonnull (strstr (out, topics[i]));
    }

  g_assert_cmpint (kz_test_server_run_cli (server, NULL, &version, NULL, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (version, "kompetenz-server "));
}

static void
test_sigterm (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();

  kz_test_server_add_user (server, "anna", "admin", "anna-password");
  kz_test_server_start (server, NULL);
  g_free (kz_test_server_login (server, "anna", "anna-password"));
  kz_test_server_stop (server);   /* asserts exit status 0 */

  /* The data survives a restart. */
  kz_test_server_start (server, NULL);
  g_free (kz_test_server_login (server, "anna", "anna-password"));
}

static GSocketConnection *
connect_to (KzTestServer  *server,
            GError       **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GUri) uri = g_uri_parse (kz_test_server_get_url (server), G_URI_FLAGS_NONE, NULL);

  return g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri), NULL, error);
}

static void
write_text (GSocketConnection *connection,
            const char        *text)
{
  g_autoptr(GError) error = NULL;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (out, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
}

/* A request still coming in when SIGTERM arrives is answered before
 * the server exits, and no new connection is taken meanwhile. */
static void
test_sigterm_finishes_requests (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GSocketConnection) late = NULL;
  g_autoptr(GError) error = NULL;
  const char *body = "{\"user\": \"anna\", \"password\": \"anna-password\"}";
  g_autofree char *head = g_strdup_printf ("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                           "Content-Type: application/json\r\n"
                                           "Content-Length: %zu\r\n\r\n", strlen (body));
  g_autofree char *first_half = g_strndup (body, 10);
  char answer[4096] = { 0 };
  gsize got = 0;

  kz_test_server_add_user (server, "anna", "admin", "anna-password");
  kz_test_server_start (server, NULL);

  connection = connect_to (server, &error);
  g_assert_no_error (error);
  write_text (connection, head);
  write_text (connection, first_half);
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);

  kill (kz_test_server_get_pid (server), SIGTERM);
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  late = connect_to (server, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_clear_error (&error);

  write_text (connection, body + 10);
  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                           answer, sizeof answer - 1, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
  g_assert_nonnull (strstr (answer, "\"token\""));

  kz_test_server_stop (server);   /* sends SIGTERM again; asserts exit status 0 */
}

static char *
read_log (const char *path)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_steal_pointer (&text);
}

static void
test_access_log (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autofree char *path = g_build_filename (kz_test_server_get_data_dir (server), "access.log", NULL);
  g_autofree char *moved = g_strconcat (path, ".1", NULL);
  const char *args[] = { "--access-log", path, NULL };
  g_autofree char *token = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rotated = NULL;
  g_autoptr(GRegex) line = NULL;
  g_autoptr(JsonNode) status = NULL;
  g_auto(GStrv) lines = NULL;
  guint code = 0;

  kz_test_server_add_user (server, "anna", "admin", "anna-password");
  kz_test_server_start (server, args);
  token = kz_test_server_login (server, "anna", "anna-password");
  json_node_unref (kz_test_server_pull (server, token, 0, 5));
  status = kz_test_server_request (server, "GET", "/api/v1/status", "wrong", NULL, &code);
  g_assert_cmpuint (code, ==, 401);

  /* logrotate: move the file away, SIGHUP, and the next line goes to a new file. */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  kill (kz_test_server_get_pid (server), SIGHUP);
  g_usleep (100 * G_TIME_SPAN_MILLISECOND);
  json_node_unref (kz_test_server_pull (server, token, 0, 5));
  kz_test_server_stop (server);

  rotated = read_log (moved);
  text = read_log (path);
  g_assert_null (strstr (rotated, token));
  g_assert_null (strstr (rotated, "anna-password"));
  g_assert_null (strstr (rotated, "since="));

  line = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (GET|POST) /api/v1/\\S+ \\d{3} \\S+ \\d+\\.\\dms$",
                      0, 0, NULL);
  lines = g_strsplit (rotated, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_test_message ("%s", lines[i]);
      g_assert_true (g_regex_match (line, lines[i], 0, NULL));
    }
  g_assert_nonnull (strstr (lines[0], " POST /api/v1/login 200 anna "));
  g_assert_nonnull (strstr (lines[1], " GET /api/v1/changes 200 anna "));
  g_assert_nonnull (strstr (lines[2], " GET /api/v1/status 401 - "));
  g_assert_nonnull (strstr (text, " GET /api/v1/changes 200 anna "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

  g_test_add_func ("/server/cli/user-add", test_user_add);
  g_test_add_func ("/server/cli/user-list", test_user_list);
  g_test_add_func ("/server/cli/user-remove", test_user_remove);
  g_test_add_func ("/server/cli/user-password", test_user_password);
  g_test_add_func ("/server/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/server/cli/database-option", test_database_option);
  g_test_add_func ("/server/cli/port-in-use", test_port_in_use);
  g_test_add_func ("/server/cli/help", test_help);
  g_test_add_func ("/server/cli/sigterm", test_sigterm);
  g_test_add_func ("/server/cli/sigterm-finishes-requests", test_sigterm_finishes_requests);
  g_test_add_func ("/server/cli/access-log", test_access_log);

  return g_test_run ();
}
