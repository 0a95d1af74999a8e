/* kz-sync-account.c
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

#define G_LOG_DOMAIN "kz-sync-account"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kz-sync-account.h"

void
kz_sync_account_clear (KzSyncAccount *account)
{
  g_clear_pointer (&account->url, g_free);
  g_clear_pointer (&account->user, g_free);
  g_clear_pointer (&account->last_sync, g_free);
  g_clear_pointer (&account->trusted_certificate, g_free);
}

char *
kz_sync_account_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "kompetenz", "sync.ini", NULL);
}

/* GKeyFile group names cannot hold brackets or line ends. */
static char *
group_name (const char *database)
{
  if (strpbrk (database, "[]\n\r") == NULL)
    return g_strdup (database);

  return g_uri_escape_string (database, "/", FALSE);
}

static gboolean
load_key_file (GKeyFile  *file,
               GError   **error)
{
  g_autofree char *path = kz_sync_account_file ();
  g_autoptr(GError) local_error = NULL;

  if (g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read “%s”: %s"),
               path, local_error->message);
  return FALSE;
}

gboolean
kz_sync_account_load (const char     *database,
                      KzSyncAccount  *account,
                      GError        **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *group = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (account != NULL, FALSE);

  memset (account, 0, sizeof *account);
  file = g_key_file_new ();
  if (!load_key_file (file, error))
    return FALSE;

  group = group_name (database);
  account->url = g_key_file_get_string (file, group, "url", NULL);
  account->user = g_key_file_get_string (file, group, "user", NULL);
  account->last_sync = g_key_file_get_string (file, group, "last-sync", NULL);
  account->trusted_certificate = g_key_file_get_string (file, group, "trusted-certificate", NULL);
  return TRUE;
}

static void
set_or_remove (GKeyFile   *file,
               const char *group,
               const char *key,
               const char *value)
{
  if (value != NULL)
    g_key_file_set_string (file, group, key, value);
  else
    g_key_file_remove_key (file, group, key, NULL);
}

gboolean
kz_sync_account_save (const char           *database,
                      const KzSyncAccount  *account,
                      GError              **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *group = NULL;
  g_autofree char *path = kz_sync_account_file ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (account != NULL, FALSE);

  if (!load_key_file (file, error))
    return FALSE;

  group = group_name (database);
  set_or_remove (file, group, "url", account->url);
  set_or_remove (file, group, "user", account->user);
  set_or_remove (file, group, "last-sync", account->last_sync);
  set_or_remove (file, group, "trusted-certificate", account->trusted_certificate);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (file, path, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not save “%s”: %s"), path,
                   local_error ? local_error->message : g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

GTlsCertificate *
kz_sync_account_dup_certificate (const KzSyncAccount *account)
{
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  g_return_val_if_fail (account != NULL, NULL);

  if (account->trusted_certificate == NULL)
    return NULL;

  certificate = g_tls_certificate_new_from_pem (account->trusted_certificate, -1, &error);
  if (certificate == NULL)
    g_message ("Ignoring the trusted certificate in sync.ini: %s", error->message);

  return certificate;
}

char *
kz_sync_account_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
