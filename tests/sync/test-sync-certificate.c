/* test-sync-certificate.c
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

/* A self-signed server: the certificate is refused, fetched to show its
 * fingerprint, trusted through sync.ini, and then signing in works. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "kz-sync-account.h"
#include "kz-sync-certificate.h"
#include "kz-sync-client.h"
#include "kz-test-server.h"

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

static char *
try_login (KzSyncClient  *client,
           const char    *url,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kz_sync_client_login_async (client, url, "anna", "anna-geheim-2026", NULL, store_result, &result);
  wait_for (&result);
  return kz_sync_client_login_finish (client, result, error);
}

static GTlsCertificate *
fetch (const char  *url,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kz_sync_fetch_certificate_async (url, NULL, store_result, &result);
  wait_for (&result);
  return kz_sync_fetch_certificate_finish (result, error);
}

static void
test_trust (void)
{
  KzTestServer *server = kz_test_server_new ();
  g_autofree char *certificate_file = NULL;
  g_autofree char *key = NULL;
  g_autofree char *db = g_build_filename (kz_test_server_get_data_dir (server), "anna.db", NULL);
  g_autoptr(KzStore) store = kz_store_open (db, NULL);
  g_autoptr(KzSyncClient) client = kz_sync_client_new (store);
  g_autoptr(GTlsCertificate) expected = NULL;
  g_autoptr(GTlsCertificate) offered = NULL;
  g_autoptr(GTlsCertificate) trusted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *fingerprint = NULL;
  g_auto(KzSyncAccount) account = { 0 };
  g_auto(KzSyncAccount) loaded = { 0 };
  const char *url;

  make_certificate (kz_test_server_get_data_dir (server), &certificate_file, &key);
  kz_test_server_add_user (server, "anna", "staff", "anna-geheim-2026");
  kz_test_server_start (server, (const char * const[]) { "--tls-certificate", certificate_file,
                                                        "--tls-key", key, NULL });
  url = kz_test_server_get_url (server);

  /* Verified by default: refused. */
  g_assert_null (try_login (client, url, &error));
  g_assert_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_TLS);
  g_clear_error (&error);

  /* Fetched for the user to decide. */
  offered = fetch (kz_sync_client_get_url (client), &error);
  g_assert_no_error (error);
  expected = g_tls_certificate_new_from_file (certificate_file, NULL);
  g_assert_true (g_tls_certificate_is_same (offered, expected));
  fingerprint = kz_sync_certificate_fingerprint (offered);
  g_assert_cmpuint (strlen (fingerprint), ==, 32 * 3 - 1);

  /* Trusted through sync.ini, signing in works. */
  account.url = g_strdup (url);
  account.user = g_strdup ("anna");
  g_object_get (offered, "certificate-pem", &account.trusted_certificate, NULL);
  g_assert_true (kz_sync_account_save (db, &account, &error));
  g_assert_true (kz_sync_account_load (db, &loaded, &error));
  trusted = kz_sync_account_dup_certificate (&loaded);
  g_assert_nonnull (trusted);
  kz_sync_client_set_trusted_certificate (client, trusted);
  token = try_login (client, url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);

  kz_test_server_free (server);
}

static void
test_plain_http (void)
{
  KzTestServer *server = kz_test_server_new ();
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  kz_test_server_start (server, NULL);
  certificate = fetch (kz_test_server_get_url (server), &error);
  g_assert_null (certificate);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  g_clear_error (&error);
  g_assert_null (fetch ("not a url", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  kz_test_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_dir = g_dir_make_tmp ("kz-sync-certificate-XXXXXX", NULL);
  g_autofree char *ini = g_build_filename (config_dir, "kompetenz", "sync.ini", NULL);
  g_autofree char *folder = g_path_get_dirname (ini);
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: the TLS and proxy modules need the
   * system's GSettings schemas.  sync.ini goes to a temporary folder. */
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/certificate/trust", test_trust);
  g_test_add_func ("/sync/certificate/plain-http", test_plain_http);

  status = g_test_run ();
  g_unlink (ini);
  g_rmdir (folder);
  g_rmdir (config_dir);
  return status;
}
