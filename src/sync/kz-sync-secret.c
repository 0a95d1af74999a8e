/* kz-sync-secret.c
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

#define G_LOG_DOMAIN "kz-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "kz-sync-secret.h"

/* These calls talk to the keyring over D-Bus and may wait for it to be
 * unlocked: callers run them in a worker thread (GTask) or a tool. */

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "com.example.Kompetenz.SyncToken", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

gboolean
kz_sync_secret_store (const char    *url,
                      const char    *user,
                      const char    *token,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (url != NULL && user != NULL && token != NULL, FALSE);

  /* Translators: the name of the keyring entry, %s is the server address */
  label = g_strdup_printf (_("Kompetenz sync token for %s"), url);
  return secret_password_store_sync (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                                     cancellable, error, "server", url, "user", user, NULL);
}

char *
kz_sync_secret_lookup (const char    *url,
                       const char    *user,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (url != NULL && user != NULL, NULL);

  return secret_password_lookup_sync (token_schema (), cancellable, error,
                                      "server", url, "user", user, NULL);
}

gboolean
kz_sync_secret_clear (const char    *url,
                      const char    *user,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (url != NULL && user != NULL, FALSE);

  secret_password_clear_sync (token_schema (), cancellable, &local_error,
                              "server", url, "user", user, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
