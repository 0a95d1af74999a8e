/* test-server-tls.c
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

/* HTTPS with a self-signed certificate made in the test by openssl
 * (Debian package "openssl"); the client accepts exactly that
 * certificate and nothing else. */

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

/* Plain libsoup without any trust: the certificate must be refused. */
static void
assert_refused (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (url, "api/v1/status", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_nonnull (error);
  g_test_message ("without trust: %s", error->message);
}

static void
test_https (void)
{
  g_autoptr(KzTestServer) server = kz_test_server_new ();
  g_autoptr(GTlsCertificate) trusted = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *change = kz_test_field_change ("project", uuid, "title", "Verschlüsselt", 0);
  g_autofree char *batch = kz_test_batch (change, NULL);
  g_autoptr(GError) error = NULL;
  guint status = 0;

  make_certificate (kz_test_server_get_data_dir (server), &certificate, &key);
  kz_test_server_add_user (server, "anna", "staff", "anna-password");
  kz_test_server_start (server, (const char * const[]) { "--tls-certificate", certificate,
                                                        "--tls-key", key, NULL });
  g_assert_true (g_str_has_prefix (kz_test_server_get_url (server), "https://127.0.0.1:"));

  assert_refused (kz_test_server_get_url (server));

  trusted = g_tls_certificate_new_from_file (certificate, &error);
  g_assert_no_error (error);
  kz_test_server_trust (server, trusted);

  token = kz_test_server_login (server, "anna", "anna-password");
  answer = kz_test_server_push (server, token, batch, &status);
  g_assert_cmpuint (status, ==, 200);
  page = kz_test_server_pull (server, token, 0, 10);
  g_assert_cmpstr (kz_test_field_value (kz_test_find_record (page, uuid), "title"), ==, "Verschlüsselt");

  kz_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/tls/https", test_https);

  return g_test_run ();
}
