/* test-sync-secret.c
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

/* The sync token in a real keyring: gnome-keyring on a private D-Bus
 * session, started by with-keyring.sh. */

#include "config.h"

#include <locale.h>

#include "kz-sync-secret.h"

static void
test_store_lookup_clear (void)
{
  const char *url = "https://sync.kompetenz.example:8470";
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *gone = NULL;

  g_assert_true (kz_sync_secret_store (url, "anna", "tok-anna-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kz_sync_secret_store (url, "ben", "tok-ben-1", NULL, &error));
  g_assert_no_error (error);

  token = kz_sync_secret_lookup (url, "anna", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "tok-anna-1");

  /* Storing again replaces the token; other users keep theirs. */
  g_assert_true (kz_sync_secret_store (url, "anna", "tok-anna-2", NULL, NULL));
  g_clear_pointer (&token, g_free);
  token = kz_sync_secret_lookup (url, "anna", NULL, NULL);
  g_assert_cmpstr (token, ==, "tok-anna-2");
  other = kz_sync_secret_lookup (url, "ben", NULL, NULL);
  g_assert_cmpstr (other, ==, "tok-ben-1");

  /* Signing out removes it. */
  g_assert_true (kz_sync_secret_clear (url, "anna", NULL, &error));
  g_assert_no_error (error);
  gone = kz_sync_secret_lookup (url, "anna", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/secret/store-lookup-clear", test_store_lookup_clear);

  return g_test_run ();
}
