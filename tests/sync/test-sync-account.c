/* test-sync-account.c
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

/* The sync account in sync.ini, shared with the command line. */

#include "config.h"

#include <locale.h>

#include "kz-sync-account.h"
#include "kz-sync-certificate.h"

static const char test_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBmTCCAT+gAwIBAgIUT/tNfl1hQnDof/5hA2EI4OT6RIwwCgYIKoZIzj0EAwIw\n"
  "ITEfMB0GA1UEAwwWc3luYy5rb21wZXRlbnouZXhhbXBsZTAgFw0yNjExMjMxMTQ2\n"
  "NDdaGA8yMTI2MTAzMDExNDY0N1owITEfMB0GA1UEAwwWc3luYy5rb21wZXRlbnou\n"
  "ZXhhbXBsZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABPmm7idH9Z3F3mVnIYT0\n"
  "XCuNmjrRz2gsgVDi/HCmU623rFf7557QGB641sZFSGMa3fXPxAnTYHsjVnHnbQGi\n"
  "pN+jUzBRMB0GA1UdDgQWBBQ1mkGoil2g23zT+rVaMgnjSk/kuzAfBgNVHSMEGDAW\n"
  "gBQ1mkGoil2g23zT+rVaMgnjSk/kuzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49\n"
  "BAMCA0gAMEUCIQC5+hMKSkH2sZN89vreCxnSbSZ0xdUoo45LxqIm3T4oSwIgZBOv\n"
  "N+nCZ5hPqvIEuVPIgJEkdbOzqXBbQHP9QLpPUco=\n"
  "-----END CERTIFICATE-----\n";

static const char test_fingerprint[] =
  "9A:55:8C:21:39:5E:7D:5E:6C:60:66:EB:C1:C6:13:A7:"
  "D9:10:8D:A5:06:1B:9B:5F:75:DF:01:76:FE:82:FD:6D";

static void
test_missing (void)
{
  g_auto(KzSyncAccount) account = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *file = kz_sync_account_file ();

  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_true (kz_sync_account_load ("/nowhere/portfolio.db", &account, &error));
  g_assert_no_error (error);
  g_assert_null (account.url);
  g_assert_null (account.user);
  g_assert_null (account.last_sync);
  g_assert_null (account.trusted_certificate);
  g_assert_null (kz_sync_account_dup_certificate (&account));
}

static void
test_round_trip (void)
{
  const char *db = "/home/anna/Büro Ölmühle/portfolio [alt].db";
  const char *other = "/home/anna/other.db";
  KzSyncAccount saved = { (char *)"https://sync.kompetenz.example:8470", (char *)"anna",
                          (char *)"2026-11-23T10:00:00Z", (char *)test_pem };
  KzSyncAccount second = { (char *)"https://other.example", (char *)"ben", NULL, NULL };
  g_auto(KzSyncAccount) loaded = { 0 };
  g_auto(KzSyncAccount) loaded_other = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *fingerprint = NULL;

  g_assert_true (kz_sync_account_save (db, &saved, &error));
  g_assert_no_error (error);
  g_assert_true (kz_sync_account_save (other, &second, &error));

  g_assert_true (kz_sync_account_load (db, &loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (loaded.url, ==, saved.url);
  g_assert_cmpstr (loaded.user, ==, "anna");
  g_assert_cmpstr (loaded.last_sync, ==, "2026-11-23T10:00:00Z");
  g_assert_cmpstr (loaded.trusted_certificate, ==, test_pem);

  certificate = kz_sync_account_dup_certificate (&loaded);
  g_assert_nonnull (certificate);
  fingerprint = kz_sync_certificate_fingerprint (certificate);
  g_assert_cmpstr (fingerprint, ==, test_fingerprint);

  /* Groups of other portfolios stay as they are. */
  g_assert_true (kz_sync_account_load (other, &loaded_other, &error));
  g_assert_cmpstr (loaded_other.user, ==, "ben");
  g_assert_null (loaded_other.trusted_certificate);
}

/* The exact format the command line reads and writes. */
static void
test_format (void)
{
  const char *db = "/srv/Kompetenz Zentrum/Übersicht.db";
  KzSyncAccount account = { (char *)"https://sync.example", (char *)"anna", NULL, NULL };
  g_auto(KzSyncAccount) loaded = { 0 };
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = kz_sync_account_file ();
  g_autofree char *url = NULL;

  g_assert_true (kz_sync_account_save (db, &account, NULL));
  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL));
  url = g_key_file_get_string (file, db, "url", NULL);
  g_assert_cmpstr (url, ==, "https://sync.example");
  g_assert_false (g_key_file_has_key (file, db, "last-sync", NULL));

  /* What the command line writes, the app reads. */
  g_key_file_set_string (file, db, "last-sync", "2026-11-20T08:15:00Z");
  g_assert_true (g_key_file_save_to_file (file, path, NULL));
  g_assert_true (kz_sync_account_load (db, &loaded, NULL));
  g_assert_cmpstr (loaded.last_sync, ==, "2026-11-20T08:15:00Z");
  g_assert_cmpstr (loaded.user, ==, "anna");

  /* Saving NULL keys removes them: signing out keeps url and user. */
  g_clear_pointer (&loaded.last_sync, g_free);
  g_assert_true (kz_sync_account_save (db, &loaded, NULL));
  kz_sync_account_clear (&loaded);
  g_assert_true (kz_sync_account_load (db, &loaded, NULL));
  g_assert_null (loaded.last_sync);
  g_assert_cmpstr (loaded.url, ==, "https://sync.example");
}

static void
test_broken_pem (void)
{
  KzSyncAccount account = { NULL, NULL, NULL, (char *)"-----BEGIN CERTIFICATE-----\nnot\n" };

  g_assert_null (kz_sync_account_dup_certificate (&account));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sync/account/missing", test_missing);
  g_test_add_func ("/sync/account/round-trip", test_round_trip);
  g_test_add_func ("/sync/account/format", test_format);
  g_test_add_func ("/sync/account/broken-pem", test_broken_pem);

  return g_test_run ();
}
